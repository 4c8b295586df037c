"""One pass over an article, with the discourse model of who it has introduced."""

from __future__ import annotations

import datetime as dt
import re

from tui.core.discourse import Discourse, Entity
from tui.core.extract.dating import said_on_from_words
from tui.core.extract.results import Finding, Speaker
from tui.core.extract.text import (
    Paragraph,
    Quote,
    Token,
    find_quotes,
    is_headline,
    split_paragraphs,
    verbs_in,
    word_tokens,
)
from tui.core.extract.vocabulary import (
    DATELINE,
    IN_A_PREPOSITION,
    MODIFIES_A_NOUN,
    NOT_NAMES,
    PARTICIPLES,
    POSS_AFTER,
    PRONOUNS,
    PROPER_NAME,
    REPORTED_VERBS,
    ROLE_PHRASE,
    SPEAKER_NOUNS,
    TRANSCRIPT_SPEAKER,
    WORD_RE,
)
from tui.core.mentions import ActorNames, Mention, after_preposition, is_title_case
from tui.core.relations import relation_mentions


class Reader:
    """One pass over an article, in reading order, keeping track of who spoke last."""

    def __init__(self, body: str, names: ActorNames, published: dt.date | None):
        self.body = body
        self.names = names
        self.published = published
        self.paragraphs = split_paragraphs(body)
        self.quotes = find_quotes(body, self.paragraphs)
        self.soundbites = self._soundbites()
        self.mentions: list[Mention] = []
        for para in self.paragraphs:
            self.mentions.extend(names.find(body[para.start : para.end], para.start))
        inside = [(q.open_mark, q.close_mark) for q in self.quotes]
        self.mentions = [m for m in self.mentions if not any(a <= m.start < b for a, b in inside)]
        related = relation_mentions(body, names.actors, self.mentions)
        if related:
            covered = [(m.start, m.end) for m in related]
            self.mentions = sorted(
                [m for m in self.mentions if not any(a <= m.start < b for a, b in covered)]
                + related,
                key=lambda m: m.start,
            )
        self.discourse = Discourse(body, names.actors, self.mentions, inside)
        self.headline = {p.index: is_headline(body[p.start : p.end]) for p in self.paragraphs}
        # A headline in sentence case still reports a position in its own words.
        self.title_case = {
            p.index: is_title_case(body[p.start : p.end])
            and not re.search(r"[.!?]\W*$", body[p.start : p.end])
            for p in self.paragraphs
        }
        # The body with quoted words blanked out: dates and relays inside a quote are the
        # speaker's words, not the article's account of when and through whom.
        chars = list(body)
        for quote in self.quotes:
            for a, b in quote.pieces:
                chars[a:b] = " " * (b - a)
        self.unquoted = "".join(chars)
        self.last_speaker: Speaker | None = None
        self.findings: list[Finding] = []
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", body)]

    def _soundbites(self) -> dict[int, tuple[int, int]]:
        """Broadcast transcripts: a `Name / Title` or `[Soundbite: Name]` line, then the words.

        Returns, for each paragraph holding a soundbite, the span of the line naming its
        speaker; a soundbite without quotation marks becomes a quote of the whole text.
        """
        found: dict[int, tuple[int, int]] = {}
        body = self.body
        for para in self.paragraphs:
            text = body[para.start : para.end]
            line_end = text.find("\n")
            line = text if line_end < 0 else text[:line_end]
            if not TRANSCRIPT_SPEAKER.match(line.strip()):
                continue
            if line_end >= 0:
                start, end, index = para.start + line_end + 1, para.end, para.index
            elif para.index + 1 < len(self.paragraphs):
                following = self.paragraphs[para.index + 1]
                start, end, index = following.start, following.end, following.index
                if TRANSCRIPT_SPEAKER.match(body[start:end].strip()):
                    continue
            else:
                continue
            while start < end and body[start].isspace():
                start += 1
            found[index] = (para.start, para.start + len(line))
            if not any(start <= q.open_mark < end for q in self.quotes):
                self.quotes.append(Quote([(start, end)], start, end, index))
        self.quotes.sort(key=lambda q: q.open_mark)
        return found

    # ---- small helpers ----

    def line_of(self, offset: int) -> int:
        low, high = 0, len(self._line_starts)
        while low + 1 < high:
            mid = (low + high) // 2
            if self._line_starts[mid] <= offset:
                low = mid
            else:
                high = mid
        return low + 1

    def paragraph_of(self, offset: int) -> Paragraph:
        for para in self.paragraphs:
            if para.start <= offset <= para.end:
                return para
        return self.paragraphs[-1]

    def inside_quote(self, offset: int) -> bool:
        return any(q.open_mark <= offset <= q.close_mark for q in self.quotes)

    def resolve(self, mention: Mention) -> tuple[str | None, str]:
        """The actor a mention names, and why, when the form fits several actors."""
        if not mention.ambiguous:
            if mention.misspells:
                return mention.candidates[0], (
                    f"“{mention.surface}” read as {mention.misspells}, one letter off"
                )
            return mention.candidates[0], ""
        para = self.paragraph_of(mention.start)
        nearby_from = self.paragraphs[max(para.index - 1, 0)].start
        full = [
            m
            for m in self.mentions
            if not m.ambiguous and m.candidates[0] in mention.candidates and m.end <= mention.start
        ]
        # The last actor named in full as a subject nearby, not as an object (`the sister of
        # leader Kim Jong Un`) or owner (`Kim Jong Un's sister`).
        close = [m for m in full if m.start >= nearby_from and m.can_be_subject]
        surface = mention.surface
        if close:
            actor = close[-1].candidates[0]
            return actor, f"bare “{surface}” read as {actor}, named in full just before"
        if len(mention.declared_by) == 1:
            actor = mention.declared_by[0]
            return actor, f"bare “{surface}” read as {actor}, whose alias it is"
        if full:
            actor = full[-1].candidates[0]
            return actor, f"bare “{surface}” read as {actor}, the last named in full"
        return None, f"“{surface}” fits {', '.join(mention.candidates)}"

    def speaker_of(self, mention: Mention) -> tuple[Speaker, str, float]:
        """Who a mention names here: a bare surname or shared form by the article's context."""
        if mention.ambiguous or " " not in mention.surface.strip():
            entity, why = self.discourse.surname(mention)
            if entity is not None:
                return _entity_speaker(entity), why, 0.85 if entity.actor_id else 0.6
        actor, why = self.resolve(mention)
        if actor:
            return Speaker((actor,)), why, 0.85 if why else 1.0
        return Speaker(label=mention.surface), why, 0.5

    def pronoun_speaker(self, word: Token) -> tuple[Speaker, str, float] | None:
        entity, why = self.discourse.pronoun(word.text, word.start)
        if entity is not None:
            return _entity_speaker(entity), why, 0.8
        if self.last_speaker is not None:
            who = self.last_speaker.label or ", ".join(self.last_speaker.actor_ids)
            return self.last_speaker, f"“{word.text}” after {who}", 0.7
        return None

    def role_phrases(
        self, start: int, end: int, objects_too: bool = False
    ) -> list[tuple[int, int, Speaker, str, float]]:
        """`the minister`, `the South Korean leader`, read as the person the article gave it."""
        found = []
        for match in ROLE_PHRASE.finditer(self.body, start, end):
            if self.inside_quote(match.start()):
                continue
            if not objects_too and after_preposition(
                self.body[max(0, match.start() - 40) : match.start()]
            ):
                continue
            if any(
                m.start <= match.start() < m.end or match.start() <= m.start < match.end()
                for m in self.mentions
            ):
                continue
            entity, why = self.discourse.role(
                match["noun"], match["adjectives"].strip(), match.start()
            )
            if entity is not None:
                found.append((match.start(), match.end(), _entity_speaker(entity), why, 0.8))
        return found

    def speaker_in(
        self, start: int, end: int, allow_unknown: bool = True
    ) -> tuple[Speaker, str, float]:
        """The speaker named in a slot of text (the words between a quote and its verb)."""
        slot_mentions = [
            m for m in self.mentions if start <= m.start and m.end <= end and m.can_be_subject
        ]
        if slot_mentions:
            mention = slot_mentions[-1]
            speaker, why, confidence = self.speaker_of(mention)
            return speaker, why or f"“{mention.surface}”", confidence
        roles = self.role_phrases(start, end)
        if roles:
            return roles[-1][2], roles[-1][3], roles[-1][4]
        words = word_tokens(self.body, start, end)
        for word in words:
            if word.text.lower() in PRONOUNS:
                found = self.pronoun_speaker(word)
                if found is not None:
                    return found
                return Speaker(), f"“{word.text}” with nobody named before", 0.0
        slot = self.body[start:end].strip(" ,;:—–-\u00a0\n")
        # `an English-language statement carried by the state-run Korean Central News Agency`:
        # the statement speaks; the agency that carried it is its relay.
        slot = _CARRIED_BY.sub("", slot)
        if allow_unknown and slot and len(slot) <= 80:
            return Speaker(label=slot), "", 0.0
        return Speaker(), "", 0.0

    def subject_before(self, verb_start: int, limit: int) -> tuple[Speaker | None, str, float]:
        """The nearest plausible subject to the left of a verb, within a few words."""
        window = self.body[limit:verb_start]
        if any(ch in window for ch in '“”"'):
            limit = limit + max(window.rfind(ch) for ch in '“”"') + 1
        relative = _RELATIVE_WHO.search(self.body, limit, verb_start)
        if relative:
            antecedent = self._antecedent(limit, relative.start())
            if antecedent is not None:
                return antecedent
        shared = _AND_BEFORE_VERB.search(self.body, limit, verb_start)
        if shared:
            # `She stressed that ... and said`: the second verb has the first one's subject.
            earlier = [
                v
                for v in verbs_in(self.body, limit, shared.start(), REPORTED_VERBS)
                if not self.inside_quote(v.start)
            ]
            if earlier:
                speaker, why, confidence = self.subject_before(earlier[0].start, limit)
                if speaker is not None and (speaker.known or speaker.label):
                    first = earlier[0].text
                    return (
                        speaker,
                        f"the subject of “{first}” goes on; {why}".rstrip("; "),
                        confidence,
                    )
        words = word_tokens(self.body, limit, verb_start)[-9:]
        candidates: list[tuple[int, int, Speaker, str, float]] = []
        for mention in self.mentions:
            if (
                limit <= mention.start
                and mention.end <= verb_start
                and mention.can_be_subject
                and not MODIFIES_A_NOUN.match(self.body, mention.end)
            ):
                speaker, why, confidence = self.speaker_of(mention)
                candidates.append((mention.start, mention.end, speaker, why, confidence))
        candidates += self.role_phrases(limit, verb_start)
        for word in words:
            if word.text.lower() in PRONOUNS:
                found = self.pronoun_speaker(word)
                if found is not None:
                    candidates.append((word.start, word.end, *found))
        for match in PROPER_NAME.finditer(self.body, limit, verb_start):
            name = match.group()
            if re.search(r"['’]s?$", name):
                continue
            first = name.split()[0]
            if first in NOT_NAMES:
                rest = name[len(first) :].strip()
                if not rest:
                    continue
                name, start = rest, match.start() + len(first) + 1
            else:
                start = match.start()
            if any(
                m.start <= start < m.end or start <= m.start < start + len(name)
                for m in self.mentions
            ):
                continue
            if after_preposition(self.body[max(limit, start - 40) : start]):
                continue
            if POSS_AFTER.match(self.body, start + len(name)):
                continue
            candidates.append((start, start + len(name), Speaker(label=name), "", 0.0))
        for word in words:
            if word.text.lower() in SPEAKER_NOUNS and not IN_A_PREPOSITION.search(
                self.body, max(limit, word.start - 60), word.start
            ):
                candidates.append((word.start, word.end, Speaker(label=word.text), "", 0.0))
        # `Its state media said`: an agency or state media as the only source speaks for itself.
        for media in _STATE_MEDIA.finditer(self.body, limit, verb_start):
            if not after_preposition(self.body[max(limit, media.start() - 40) : media.start()]):
                candidates.append(
                    (media.start(), media.end(), Speaker(label="state media"), "", 0.0)
                )
        candidates = [c for c in candidates if c[1] <= verb_start]
        # `Lee Jae-myung, the South Korean president, urged`: words in an aside describe the
        # subject before it; they are not the subject.
        for aside in re.finditer(
            r",\s*(?:a|an|the|who|which|whose|himself|herself)\b[^,]{1,80},",
            self.body[limit:verb_start],
        ):
            aside_start, aside_end = limit + aside.start(), limit + aside.end()
            if any(c[1] <= aside_start for c in candidates):
                candidates = [c for c in candidates if not (aside_start < c[0] < aside_end)]
        if not candidates:
            return None, "", 0.0
        verb_word = word_tokens(self.body, verb_start, verb_start + 20)
        if (
            verb_word
            and verb_word[0].text in PARTICIPLES
            and re.search(r",\s*$", self.body[limit:verb_start])
        ):
            # `He slammed Seoul's overtures, saying ...`: the one who slammed is saying it.
            start, end, speaker, why, confidence = min(candidates, key=lambda c: c[0])
            if speaker.known:
                speaker = self._with_coordinated(start, speaker, limit)
            return speaker, why, confidence
        start, end, speaker, why, confidence = max(candidates, key=lambda c: (c[1], -c[0]))
        # `Kim Yo Jong, the sister of the leader, said`: an aside between commas is not a gap.
        between = re.sub(r",[^,]*,", " ", self.body[end:verb_start])
        if len(WORD_RE.findall(between)) > 8:
            return None, "", 0.0
        if speaker.known:
            speaker = self._with_coordinated(start, speaker, limit)
        return speaker, why, confidence

    def _antecedent(self, limit: int, end: int) -> tuple[Speaker, str, float] | None:
        """Who `, who` refers to: the person named just before the comma, even as an object
        (`comments by Foreign Minister Cho Hyun, who told reporters`)."""
        for mention in self.mentions:
            if limit <= mention.start and mention.end == end and not mention.possessive:
                speaker, why, confidence = self.speaker_of(mention)
                return speaker, _relative_why(why or f"“{mention.surface}”"), confidence
        for _start, stop, speaker, why, confidence in self.role_phrases(limit, end, True):
            if stop == end:
                return speaker, _relative_why(why), confidence
        for match in PROPER_NAME.finditer(self.body, limit, end):
            if match.end() != end or re.search(r"['’]s?$", match.group()):
                continue
            words = match.group().split()
            while words and words[0] in NOT_NAMES:
                words = words[1:]
            if words:
                name = " ".join(words)
                return Speaker(label=name), _relative_why(f"“{name}”"), 0.0
        noun = re.search(r"(?<!\w)([a-z]+)$", self.body[limit:end])
        if noun and noun.group(1) in SPEAKER_NOUNS:
            return Speaker(label=noun.group(1)), _relative_why(f"“{noun.group(1)}”"), 0.0
        return None

    def _with_coordinated(self, start: int, speaker: Speaker, limit: int) -> Speaker:
        """`Trump and Lee said`: both are the subject."""
        actors = list(speaker.actor_ids)
        position = start
        while True:
            before = [
                m
                for m in self.mentions
                if limit <= m.start and m.end <= position and not m.possessive
            ]
            if not before:
                break
            previous = before[-1]
            between = self.body[previous.end : position]
            if not re.fullmatch(r"\s*(?:,|and|, and|&)\s*", between):
                break
            actor, _ = self.resolve(previous)
            if actor and actor not in actors:
                actors.insert(0, actor)
            position = previous.start
        return Speaker(tuple(actors))

    def dates(self, start: int, end: int) -> tuple[dt.date | None, str | None]:
        """An explicit date in the sentence, else the article's own words for when it was said."""
        text = self.unquoted[start:end]
        para = self.paragraph_of(start)
        if start == para.start:
            dateline = DATELINE.match(text)
            if dateline:
                text = " " * dateline.end() + text[dateline.end() :]
        return said_on_from_words(text, self.published)


_STATE_MEDIA = re.compile(r"(?<![\w-])state(?:[- ]run)?\s+media\b")
_AND_BEFORE_VERB = re.compile(r"\s(?:and|but)\s+(?:then\s+|also\s+|later\s+)?\Z")
_CARRIED_BY = re.compile(
    r"\s+(?:carried|published|released|issued|relayed|distributed|run)\s+(?:by|in|on|through)\b.*$",
    re.DOTALL,
)
# `X, who told reporters,`: the verb's subject is the one named before the comma.
_RELATIVE_WHO = re.compile(
    r",\s*who\s+(?:(?:also|then|later|earlier|previously|had|has|once|[a-z]+ly)\s+)?\Z"
)


def _relative_why(why: str) -> str:
    return f"{why}, whom “, who” refers to" if why else "the one “, who” refers to"


def _entity_speaker(entity: Entity) -> Speaker:
    return Speaker((entity.actor_id,)) if entity.actor_id else Speaker(label=entity.label)
