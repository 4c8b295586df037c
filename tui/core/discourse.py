"""Who an article has introduced so far, so that later mentions can be resolved to a person.

News prose names a person in full once ("Kim Yo Jong, the powerful sister of leader Kim Jong
Un"), then by surname ("Kim"), title or role noun ("the minister", "the South Korean leader"),
relation ("Kim's sister") or pronoun ("she"). The model here keeps, in reading order, every
person and body the article introduces: the known actors and anyone else it names with a
capitalised name ("ruling party lawmaker Kim Byung-joo", "Rep. Kim"). A later mention goes to
the most recent compatible one: same surname, a role the article gave them (or, when the article
gave none, the role in the actor's data), the gender the article's own pronouns and relation words
give them.
"""

from __future__ import annotations

import re
from bisect import insort
from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.core.discourse_words import (
    BODY_WORDS,
    DEMONYMS,
    FEMALE_WORDS,
    HEADS,
    MALE_WORDS,
    NOT_PERSON_START,
    PERSON_NAME,
    POSSESSIVE,
    PRONOUN_GENDER,
    ROLE_NOUNS,
    TITLE_ALIASES,
    TITLE_BEFORE,
    TITLED_SURNAME,
    WHICH_CLAUSE,
)
from tui.core.mentions import Mention, after_preposition, is_title_case
from tui.core.records import Actor


@dataclass
class Entity:
    """A person or body the article has introduced."""

    key: str
    actor_id: str | None
    label: str
    surnames: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    country: str | None = None
    person: bool = True
    votes: dict[str, int] = field(default_factory=dict)

    @property
    def gender(self) -> str | None:
        male, female = self.votes.get("m", 0), self.votes.get("f", 0)
        if male == female:
            return None
        return "m" if male > female else "f"


@dataclass(frozen=True)
class _Event:
    start: int
    end: int
    entity: Entity
    subject: bool


def _role_words(text: str) -> set[str]:
    roles = set()
    for word in re.findall(r"[A-Za-z]+", text.lower()):
        word = TITLE_ALIASES.get(word, word)
        if word in ROLE_NOUNS:
            roles.add(word)
            if word in HEADS:
                roles.add("leader")
    return roles


def _country_in(text: str) -> str | None:
    lowered = text.lower()
    found = [
        (lowered.find(k), c)
        for k, c in DEMONYMS.items()
        if re.search(rf"(?<!\w){re.escape(k)}(?!\w)", lowered)
    ]
    return max(found)[1] if found else None


def actor_roles(actor: Actor) -> set[str]:
    return _role_words(actor.role) | (
        {"leader"}
        if re.match(r"(?i)(president|leader|prime minister|chairman)\b", actor.role)
        else set()
    )


class Discourse:
    """The people of one article, in the order the article brings them in."""

    def __init__(
        self,
        body: str,
        actors: dict[str, Actor],
        mentions: list[Mention],
        quoted: list[tuple[int, int]],
    ):
        self.body = body
        self.actors = actors
        self._quoted = quoted
        self.events: list[_Event] = []
        self._actor_entities: dict[str, Entity] = {}
        self._others: dict[str, Entity] = {}
        for actor in actors.values():
            words = actor.name.split()
            entity = Entity(
                actor.id,
                actor.id,
                actor.name,
                surnames={words[0], words[-1]} if len(words) > 1 else set(words),
                country=actor.country,
            )
            self._actor_entities[actor.id] = entity
        taken: list[tuple[int, int]] = []
        for mention in mentions:
            taken.append((mention.start, mention.end))
            if mention.ambiguous:
                continue
            entity = self._actor_entities[mention.candidates[0]]
            self._introduce(entity, mention.start, mention.end, mention.can_be_subject)
        for match in TITLED_SURNAME.finditer(body):
            if self._inside_quote(match.start()):
                continue
            title, surname = match.group(1), match.group(2)
            roles = _role_words(title)
            if any(roles & self._actor_roles(e) for e in self._surname_actors(surname)):
                continue  # a title the actor holds: "President Lee" is Lee
            label = match.group().replace("\u00a0", " ")
            entity = self._others.setdefault(
                label, Entity(label, None, label, surnames={surname}, roles=roles or {"official"})
            )
            taken.append(match.span())
            self._add(entity, match.start(), match.end(), self._subject_at(*match.span()))
        headlines = [
            line.span()
            for line in re.finditer(r"[^\n]+", body)
            if is_title_case(line.group()) and not re.search(r"[.!?]\W*$", line.group())
        ]
        for match in PERSON_NAME.finditer(body):
            start, end = match.span()
            if self._inside_quote(start) or any(a < end and start < b for a, b in taken):
                continue
            if any(a <= start < b for a, b in headlines):
                continue
            words = match.group().replace("\u00a0", " ").split()
            if words[0] in NOT_PERSON_START or any(w in BODY_WORDS for w in words):
                continue
            label = " ".join(words)
            entity = self._others.setdefault(
                label, Entity(label, None, label, surnames={words[0], words[-1]})
            )
            self._introduce(entity, start, end, self._subject_at(start, end))
        self.events.sort(key=lambda e: e.start)
        self._gender_votes()
        # Bare surnames in reading order, each resolved against what came before it, so that
        # a resolved "Kim" is itself the last person named for the pronoun after it.
        self._bare: dict[int, tuple[Entity | None, str]] = {}
        for mention in mentions:
            if mention.ambiguous or " " not in mention.surface.strip():
                resolved, why = self._resolve_surname(mention)
                self._bare[mention.start] = (resolved, why)
                if resolved is not None:
                    insort(
                        self.events,
                        _Event(mention.start, mention.end, resolved, mention.can_be_subject),
                        key=lambda e: e.start,
                    )

    # ---- building ----

    def _inside_quote(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self._quoted)

    def _subject_at(self, start: int, end: int) -> bool:
        if after_preposition(self.body[max(0, start - 40) : start]):
            return False
        return not re.match(r"['’]s?(?!\w)", self.body[end : end + 2])

    def _surname_actors(self, surname: str) -> list[Entity]:
        return [e for e in self._actor_entities.values() if surname in e.surnames]

    def _actor_roles(self, entity: Entity) -> set[str]:
        actor = self.actors.get(entity.actor_id or "")
        return entity.roles | (actor_roles(actor) if actor else set())

    def _introduce(self, entity: Entity, start: int, end: int, subject: bool) -> None:
        for word in re.findall(r"[a-z]+", self.body[start:end]):
            if word in FEMALE_WORDS:
                entity.votes["f"] = entity.votes.get("f", 0) + 2
            elif word in MALE_WORDS:
                entity.votes["m"] = entity.votes.get("m", 0) + 2
        before = TITLE_BEFORE.search(self.body[max(0, start - 60) : start])
        if before:
            title = re.split(r"[,.;:]\s", before.group(1))[-1]
            lowered = title.lower()
            entity.roles |= _role_words(lowered)
            entity.country = entity.country or _country_in(title)
        apposition = re.match(
            r",\s+(?:a|an|the)\s+([^,.;]{1,60}?)(?:\s+of\b|,|\.|$)", self.body[end : end + 90]
        )
        if apposition:
            entity.roles |= _role_words(apposition.group(1))
            for word in re.findall(r"[a-z]+", apposition.group(1)):
                if word in FEMALE_WORDS:
                    entity.votes["f"] = entity.votes.get("f", 0) + 2
                elif word in MALE_WORDS:
                    entity.votes["m"] = entity.votes.get("m", 0) + 2
        if before:
            for word in re.findall(r"[A-Za-z]+", before.group(1).lower())[-2:]:
                if word in ("ms", "mrs", "madam"):
                    entity.votes["f"] = entity.votes.get("f", 0) + 2
                elif word == "mr":
                    entity.votes["m"] = entity.votes.get("m", 0) + 2
        self._add(entity, start, end, subject)

    def _add(self, entity: Entity, start: int, end: int, subject: bool) -> None:
        self.events.append(_Event(start, end, entity, subject))

    def _gender_votes(self) -> None:
        """A sentence whose only person is X and which says he/his or she/her votes for X."""
        for sentence in re.finditer(r"[^.!?\n]+[.!?]?", self.body):
            a, b = sentence.span()
            people = {
                e.entity.key: e.entity for e in self.events if a <= e.start < b and e.entity.person
            }
            if len(people) != 1:
                continue
            (entity,) = people.values()
            unquoted = "".join(
                " " if self._inside_quote(i) else ch for i, ch in enumerate(self.body[a:b], a)
            )
            for word in re.findall(r"[A-Za-z]+", unquoted):
                gender = PRONOUN_GENDER.get(word.lower())
                if gender:
                    entity.votes[gender] = entity.votes.get(gender, 0) + 1

    # ---- questions ----

    def _recent(self, offset: int, fits, subjects_first: bool = True) -> Entity | None:
        earlier = [e for e in self.events if e.end <= offset and fits(e.entity)]
        if not earlier:
            return None
        if subjects_first:
            as_subject = [e for e in earlier if e.subject]
            if as_subject:
                return as_subject[-1].entity
        return earlier[-1].entity

    def surname(self, mention: Mention) -> tuple[Entity | None, str]:
        """The person a bare surname (or a form several actors share) names at its place."""
        if mention.start in self._bare:
            return self._bare[mention.start]
        return self._resolve_surname(mention)

    def _previous_paragraph_start(self, offset: int) -> int:
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*", self.body[:offset])]
        return starts[-2] if len(starts) > 1 else 0

    def _sentence_start(self, offset: int) -> int:
        stops = [
            m.end() for m in re.finditer(r"[.!?][”’\"]?\s+(?=[A-Z“\"])|\n", self.body[:offset])
        ]
        return stops[-1] if stops else 0

    def _sentence_gender(self, offset: int) -> str | None:
        """The gender the pronouns of the sentence around a bare name give it, if only one."""
        start = max(self.body.rfind(". ", 0, offset), self.body.rfind("\n", 0, offset)) + 1
        stop = re.search(r"[.!?](?:\s|$)", self.body[offset:])
        end = offset + stop.end() if stop else len(self.body)
        words = {
            PRONOUN_GENDER[w.lower()]
            for i, w in (
                (m.start(), m.group()) for m in re.finditer(r"[A-Za-z]+", self.body[start:end])
            )
            if w.lower() in PRONOUN_GENDER and not self._inside_quote(start + i)
        }
        return words.pop() if len(words) == 1 else None

    def _resolve_surname(self, mention: Mention) -> tuple[Entity | None, str]:
        surface = mention.surface.replace("’", "'")
        word = surface.split()[-1] if " " in surface else surface
        titled = TITLE_BEFORE.search(self.body[max(0, mention.start - 30) : mention.start])
        title_roles = _role_words(titled.group(1).split()[-1]) if titled else set()
        candidates = set(mention.candidates)
        gender = self._sentence_gender(mention.start)

        def fits(entity: Entity) -> bool:
            if entity.actor_id is not None and entity.actor_id not in candidates:
                return False
            if word not in entity.surnames:
                return False
            if title_roles and not title_roles & self._actor_roles(entity):
                return False
            return gender is None or entity.gender in (None, gender)

        found = self._recent(mention.start, fits)
        if found is not None:
            return (
                found,
                f"“{mention.surface}” read as {found.label}, the last {word} the article named",
            )
        by_data = [
            self._actor_entities[a] for a in sorted(candidates) if fits(self._actor_entities[a])
        ]
        if len(by_data) == 1 and (title_roles or gender):
            found = by_data[0]
            fit = "title" if title_roles else "pronoun"
            return found, f"“{mention.surface}” read as {found.label}, whom its {fit} fits"
        if title_roles and titled is not None:
            label = f"{titled.group(1).split()[-1]} {word}"
            entity = self._others.setdefault(label, Entity(label, None, label, {word}, title_roles))
            return entity, f"“{label}”: a {word} whose title fits no known actor"
        return None, ""

    def role(self, noun: str, adjectives: str, offset: int) -> tuple[Entity | None, str]:
        """`the president`, `the South Korean leader`: the last one the article gave that role."""
        noun = TITLE_ALIASES.get(noun.lower(), noun.lower())
        country = _country_in(adjectives) if adjectives else None

        def fits(entity: Entity) -> bool:
            if not entity.person or noun not in self._actor_roles(entity):
                return False
            return (
                country is None
                or entity.country in (None, country)
                and (entity.country is not None or entity.actor_id is None)
            )

        phrase = f"the {adjectives + ' ' if adjectives else ''}{noun}".strip()
        found = self._recent(offset, fits, subjects_first=False)
        if found is not None:
            return found, f"“{phrase}” read as {found.label}, the last {noun} the article named"
        data = [
            e
            for e in self._actor_entities.values()
            if fits(e) and (country or len(self.actors) == 1)
        ]
        if len(data) == 1:
            return data[0], f"“{phrase}” read as {data[0].label}, the only {noun} of that country"
        return None, ""

    def pronoun(self, word: str, offset: int) -> tuple[Entity | None, str]:
        """`he`, `she`: the last person named before, of that gender when the article says it.

        In a clause that hangs on a noun of the sentence (`Lee gave an address, in which he
        ...`), the pronoun is the sentence's subject, whoever was named in between."""
        gender = PRONOUN_GENDER.get(word.lower())

        def fits(entity: Entity) -> bool:
            return entity.person and (entity.gender is None or entity.gender == gender)

        start = self._sentence_start(offset)
        if WHICH_CLAUSE.search(self.body, start, offset):
            earlier = [e for e in self.events if start <= e.start < offset and fits(e.entity)]
            # `President Lee's address ..., in which he`: the owner of what the clause is on.
            owners = [e for e in earlier if POSSESSIVE.match(self.body, e.end)]
            if owners:
                label = owners[-1].entity.label
                return owners[-1].entity, (
                    f"“{word}” read as {label}, whose words the clause is about"
                )
            subject = next((e for e in earlier if e.subject), None)
            if subject is not None:
                label = subject.entity.label
                return subject.entity, f"“{word}” read as {label}, the subject of its sentence"
        found = self._recent(offset, fits)
        if found is not None and found.gender is None and gender == "f":
            # `she` after a man whose gender the article never showed: the woman it has shown,
            # named in this paragraph or the one before, is the likelier one. (Not `he`: copy
            # marks a woman as one, with "sister" or "Ms", far more often than a man.)
            window = self._previous_paragraph_start(offset)
            shown = [
                e
                for e in self.events
                if window <= e.start
                and e.end <= offset
                and e.entity.person
                and e.entity.gender == gender
            ]
            if shown:
                label = shown[-1].entity.label
                return shown[-1].entity, (
                    f"“{word}” read as {label}, the last woman the article named"
                )
        if found is None:
            return None, ""
        kind = "person" if found.gender is None else "man" if gender == "m" else "woman"
        return found, f"“{word}” read as {found.label}, the last {kind} named"

    def entities(self) -> Iterable[Entity]:
        return [*self._actor_entities.values(), *self._others.values()]
