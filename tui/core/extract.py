"""Draft evidence from an article: the quotes in it, who said each, and reported positions.

This reads news prose with rules, not understanding, and every finding says how sure it is and
why. It never decides a stance; a contributor reads the draft, keeps what is right and pastes it
under a position, where the loader verifies the text against the seed.

What it reads:
- quotations in curly or straight double quotes, headline quotes in single quotes, a quote split
  by its attribution (`"...," Kim said, "..."`) and a quote running over paragraphs (each
  paragraph reopens it);
- the attribution after a quote (`," Kim said` / `," said Kim`), before it (`Trump told
  reporters, "...`, `KCNA quoted Kim as saying "...`), a pronoun (`He added`) read as the last
  speaker, a partial quote inside a sentence read as that sentence's subject, and a quote with no
  attribution read as continuing the last speaker's words;
- reported speech: a sentence whose subject is a known actor and whose verb reports a position
  (said, urged, backed, rejected, condemned, signaled, framed, ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from tui.core.discourse import ROLE_NOUNS, Discourse, Entity, relation_mentions
from tui.core.mentions import ActorNames, Mention, after_preposition, form_key, is_title_case
from tui.core.records import Actor

# -- vocabulary ------------------------------------------------------------------------------------

_ATTRIBUTION_VERBS = frozenset(
    """said says say told tells added adds asked asks wrote writes stated states declared declares
    warned warns insisted insists noted notes stressed stresses urged urges argued argues continued
    explained explains replied replies responded claimed claims vowed vows announced announces
    posted posts tweeted quipped recalled acknowledged conceded emphasised emphasized emphasises
    emphasizes remarked reiterated reiterates pledged pledges promised promises suggested suggests
    cautioned complained joked observed predicted demanded demands shouted affirmed affirms
    reaffirmed reaffirms reads read answered answers""".split()
)
# Participles that introduce a quote after a first one: `," Trump said, adding, "..."`.
_INTRODUCING = _ATTRIBUTION_VERBS | frozenset(
    "adding saying telling noting warning insisting stressing declaring writing".split()
)
_REPORTED_VERBS = _ATTRIBUTION_VERBS | frozenset(
    """backed backs rejected rejects condemned condemns signaled signalled signals framed frames
    called calls denounced denounces proposed proposes criticized criticised criticizes criticises
    dismissed dismisses welcomed welcomes praised praises accused accuses threatened threatens
    outlined outlines supported supports opposed opposes endorsed endorses blasted blasts slammed
    slams offered offers expressed expresses hinted hints indicated indicates agreed agrees refused
    refuses sought seeks blamed blames described describes labelled labeled branded brands
    voiced voices floated floats pressed presses renewed renews repeated repeats estimated
    estimates saying asserted asserts maintained maintains questioned questions defended defends
    highlighted highlights underscored underscores ruled rules insisting warning urging calling
    demanding rejecting mocked mocks defining defined defines labeling labelling ask asks""".split()
)
_PRONOUNS = frozenset({"he", "she"})
# Capitalised words that open clauses and are never a speaker's name.
_NOT_NAMES = frozenset(
    """The A An In On At As But And Or If When While After Before According Per Meanwhile However
    He She It They We I You This That These Those His Her Its Their Our My Your Such Some Many
    Most All Any Both Each Other Also Still Yet So Then Now Later Earlier Last Next Read See Photo
    Personally There Here What Who Why How Where Which Since Until Though Although Despite Even
    Only Just More Less Under Over From With Without Into For Of To By Not No Yes Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday""".split()
)
_SPEAKER_NOUNS = frozenset(
    """spokesperson spokesman spokeswoman official officials ministry minister statement analyst
    analysts expert experts diplomat diplomats source sources lawmaker lawmakers commentator
    agency office government report aide aides adviser advisers advisor advisors envoy ambassador
    negotiator negotiators commentary editorial newspaper""".split()
)
# News agencies and outlets that relay what others said.
_RELAYS = (
    ("Korean Central News Agency", "KCNA"),
    ("KCNA", "KCNA"),
    ("Reuters", "Reuters"),
    ("Associated Press", "AP"),
    ("AP", "AP"),
    ("AFP", "AFP"),
    ("Agence France-Presse", "AFP"),
    ("Yonhap", "Yonhap"),
    ("BBC", "BBC"),
    ("CNN", "CNN"),
    ("NHK", "NHK"),
    ("Kyodo", "Kyodo"),
    ("Rodong Sinmun", "Rodong Sinmun"),
    ("KCTV", "KCTV"),
    ("North Korean state media", "North Korean state media"),
    ("North Korea’s state media", "North Korean state media"),
    ("state media", "state media"),
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(
        rf"\b(?P<month>{_MONTH})\.? (?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,? (?P<year>\d{{4}}))?\b"
    ),
    re.compile(rf"\b(?P<day>\d{{1,2}}) (?P<month>{_MONTH})\.?(?:,? (?P<year>\d{{4}}))?\b"),
    re.compile(r"\b(?P<year>\d{4})-(?P<month_number>\d{2})-(?P<day>\d{2})\b"),
)
_RELATIVE_TIME = re.compile(
    r"\b(?:(?:last|this|earlier this|late last|early last) (?:week|month|year|weekend|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|yesterday|today|recently|"
    r"on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"in recent (?:days|weeks|months|interviews))\b",
    re.IGNORECASE,
)
# `SEOUL, Oct. 3 -` opens a story: the date is the dispatch's, not the day anything was said.
_DATELINE = re.compile(
    rf"^[A-Z][A-Z .'’-]+(?:,\s*(?:{_MONTH})\.?\s+\d{{1,2}})?\s*(?:\([^)]{{1,30}}\))?\s*[-—–]+\s*"
)
_ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Sgt St Jr Sr Prof No vs etc Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec U.S U.N U.K".split()
)

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_WORD_RE = re.compile(r"[\w][\w'’\-\.]*")
_PROPER_NAME = re.compile(
    r"(?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*)(?:[\s\u00a0](?:[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’\-]*))*"
)

Kind = Literal["quote", "reported"]


# -- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    """Who said something: a known actor, or a phrase from the article when nobody known fits."""

    actor_ids: tuple[str, ...] = ()
    label: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.actor_ids)


@dataclass(frozen=True)
class Finding:
    """One quote or reported sentence with its speaker and how sure the reading is."""

    kind: Kind
    text: str
    spans: tuple[tuple[int, int], ...]
    speaker: Speaker
    confidence: float
    reason: str
    line: int
    said_on: dt.date | None = None
    said_on_note: str | None = None
    via: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return self.spans[0][0]


@dataclass
class Extraction:
    findings: list[Finding] = field(default_factory=list)

    @property
    def quotes(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "quote"]

    @property
    def reported(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "reported"]

    def by_actor(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for actor_id in finding.speaker.actor_ids:
                grouped.setdefault(actor_id, []).append(finding)
        return grouped

    @property
    def unknown_speakers(self) -> list[Finding]:
        return [f for f in self.quotes if not f.speaker.known and f.speaker.label]

    @property
    def unattributed(self) -> list[Finding]:
        return [f for f in self.quotes if not f.speaker.known and not f.speaker.label]


# -- text structure --------------------------------------------------------------------------------


@dataclass
class _Quote:
    pieces: list[tuple[int, int]]  # content spans, marks excluded, body offsets
    open_mark: int
    close_mark: int  # offset of the closing mark, or the paragraph end when it runs on
    paragraph: int
    single: bool = False


@dataclass(frozen=True)
class _Paragraph:
    index: int
    start: int
    end: int


def _paragraphs(body: str) -> list[_Paragraph]:
    """Blank-line separated blocks when the text has them; else one paragraph a line."""
    separator = (
        re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", body) else re.compile(r"\n")
    )
    paragraphs: list[_Paragraph] = []
    position = 0
    for match in [*separator.finditer(body), None]:
        end = match.start() if match else len(body)
        chunk = body[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            paragraphs.append(_Paragraph(len(paragraphs), position + lead, position + trail))
        if match:
            position = match.end()
    return paragraphs


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def _find_quotes(body: str, paragraphs: list[_Paragraph]) -> list[_Quote]:
    quotes: list[_Quote] = []
    running: _Quote | None = None  # a double quote left open at a paragraph's end
    for para in paragraphs:
        text = body[para.start : para.end]
        current: _Quote | None = None
        content_start = 0
        i = 0
        if running is not None:
            # A quote running over paragraphs reopens each one with a quotation mark.
            if text[:1] in _DOUBLE_OPEN or text[:1] == '"':
                current, content_start, i = running, 1, 1
            else:
                quotes.append(running)
            running = None
        while i < len(text):
            ch = text[i]
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if current is None:
                if ch in _DOUBLE_OPEN or ch == '"':
                    current = _Quote([], para.start + i, -1, para.index)
                    content_start = i + 1
                elif ch in "‘'" and not _is_word_char(before) and after.isalpha():
                    current = _Quote([], para.start + i, -1, para.index, single=True)
                    content_start = i + 1
            elif current.single:
                if ch in "’'" and _is_word_char(before) and not _is_word_char(after):
                    current.pieces.append((para.start + content_start, para.start + i))
                    current.close_mark = para.start + i
                    quotes.append(current)
                    current = None
                elif ch in _DOUBLE_OPEN or ch == '"':
                    # What looked like an opening single quote was an apostrophe.
                    current = None
                    continue
            else:
                closes = ch in _DOUBLE_CLOSE or ch == '"'
                reopens = ch in _DOUBLE_OPEN
                if closes or reopens:
                    current.pieces.append((para.start + content_start, para.start + i))
                    current.close_mark = para.start + i
                    quotes.append(current)
                    current = None
                    if reopens:  # an unclosed quote followed by a new one
                        continue
            i += 1
        if current is not None and not current.single:
            current.pieces.append((para.start + content_start, para.end))
            current.close_mark = para.end
            running = current
    if running is not None:
        quotes.append(running)
    kept = []
    for quote in quotes:
        quote.pieces = [(a, b) for a, b in quote.pieces if body[a:b].strip()]
        if quote.pieces:
            kept.append(quote)
    return kept


def _sentence_ends(body: str, para: _Paragraph, quotes: list[_Quote]) -> list[int]:
    """Offsets where sentences of the paragraph end (exclusive), the paragraph's end included."""
    protected = [
        (q.open_mark, q.close_mark) for q in quotes if q.paragraph == para.index and not q.single
    ]
    text = body[para.start : para.end]
    ends = []
    for match in re.finditer(r"[.!?]+[”’\"')\]]*(?=\s+[\"“‘'(\[A-Z0-9])", text):
        position = para.start + match.start()
        if any(a < position < b for a, b in protected):
            continue
        word = re.search(r"([\w.]+)$", text[: match.start()])
        if (
            word
            and match.group().startswith(".")
            and (word.group(1).rstrip(".") in _ABBREVIATIONS or len(word.group(1)) == 1)
        ):
            continue
        ends.append(para.start + match.end())
    ends.append(para.end)
    return ends


# -- reading the words around a quote --------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(body: str, start: int, end: int) -> list[_Token]:
    tokens = []
    for match in _WORD_RE.finditer(body, start, end):
        word = match.group().rstrip(".")
        if word:
            tokens.append(_Token(word, match.start(), match.start() + len(word)))
    return tokens


def _relay_names(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for surface, name in _RELAYS:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            taken.append(match.span())
            found.append((match.start(), name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


class _Reader:
    """One pass over an article, in reading order, keeping track of who spoke last."""

    def __init__(self, body: str, names: ActorNames, published: dt.date | None):
        self.body = body
        self.names = names
        self.published = published
        self.paragraphs = _paragraphs(body)
        self.quotes = _find_quotes(body, self.paragraphs)
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
        self.headline = {p.index: _is_headline(body[p.start : p.end]) for p in self.paragraphs}
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
            if not _TRANSCRIPT_SPEAKER.match(line.strip()):
                continue
            if line_end >= 0:
                start, end, index = para.start + line_end + 1, para.end, para.index
            elif para.index + 1 < len(self.paragraphs):
                following = self.paragraphs[para.index + 1]
                start, end, index = following.start, following.end, following.index
                if _TRANSCRIPT_SPEAKER.match(body[start:end].strip()):
                    continue
            else:
                continue
            while start < end and body[start].isspace():
                start += 1
            found[index] = (para.start, para.start + len(line))
            if not any(start <= q.open_mark < end for q in self.quotes):
                self.quotes.append(_Quote([(start, end)], start, end, index))
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

    def paragraph_of(self, offset: int) -> _Paragraph:
        for para in self.paragraphs:
            if para.start <= offset <= para.end:
                return para
        return self.paragraphs[-1]

    def inside_quote(self, offset: int) -> bool:
        return any(q.open_mark <= offset <= q.close_mark for q in self.quotes)

    def resolve(self, mention: Mention) -> tuple[str | None, str]:
        """The actor a mention names, and why, when the form fits several actors."""
        if not mention.ambiguous:
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

    def pronoun_speaker(self, word: _Token) -> tuple[Speaker, str, float] | None:
        entity, why = self.discourse.pronoun(word.text, word.start)
        if entity is not None:
            return _entity_speaker(entity), why, 0.8
        if self.last_speaker is not None:
            who = self.last_speaker.label or ", ".join(self.last_speaker.actor_ids)
            return self.last_speaker, f"“{word.text}” after {who}", 0.7
        return None

    def role_phrases(self, start: int, end: int) -> list[tuple[int, int, Speaker, str, float]]:
        """`the minister`, `the South Korean leader`, read as the person the article gave it."""
        found = []
        for match in _ROLE_PHRASE.finditer(self.body, start, end):
            if self.inside_quote(match.start()) or after_preposition(
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
        words = _tokens(self.body, start, end)
        for word in words:
            if word.text.lower() in _PRONOUNS:
                found = self.pronoun_speaker(word)
                if found is not None:
                    return found
                return Speaker(), f"“{word.text}” with nobody named before", 0.0
        slot = self.body[start:end].strip(" ,;:—–-\u00a0\n")
        if allow_unknown and slot and len(slot) <= 80:
            return Speaker(label=slot), "", 0.0
        return Speaker(), "", 0.0

    def subject_before(self, verb_start: int, limit: int) -> tuple[Speaker | None, str, float]:
        """The nearest plausible subject to the left of a verb, within a few words."""
        window = self.body[limit:verb_start]
        if any(ch in window for ch in '“”"'):
            limit = limit + max(window.rfind(ch) for ch in '“”"') + 1
        words = _tokens(self.body, limit, verb_start)[-9:]
        candidates: list[tuple[int, int, Speaker, str, float]] = []
        for mention in self.mentions:
            if (
                limit <= mention.start
                and mention.end <= verb_start
                and mention.can_be_subject
                and not _MODIFIES_A_NOUN.match(self.body, mention.end)
            ):
                speaker, why, confidence = self.speaker_of(mention)
                candidates.append((mention.start, mention.end, speaker, why, confidence))
        candidates += self.role_phrases(limit, verb_start)
        for word in words:
            if word.text.lower() in _PRONOUNS:
                found = self.pronoun_speaker(word)
                if found is not None:
                    candidates.append((word.start, word.end, *found))
        for match in _PROPER_NAME.finditer(self.body, limit, verb_start):
            name = match.group()
            if re.search(r"['’]s?$", name):
                continue
            first = name.split()[0]
            if first in _NOT_NAMES:
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
            if _POSS_AFTER.match(self.body, start + len(name)):
                continue
            candidates.append((start, start + len(name), Speaker(label=name), "", 0.0))
        for word in words:
            if word.text.lower() in _SPEAKER_NOUNS and not _IN_A_PREPOSITION.search(
                self.body, max(limit, word.start - 60), word.start
            ):
                candidates.append((word.start, word.end, Speaker(label=word.text), "", 0.0))
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
        verb_word = _tokens(self.body, verb_start, verb_start + 20)
        if (
            verb_word
            and verb_word[0].text in _PARTICIPLES
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
        if len(_WORD_RE.findall(between)) > 8:
            return None, "", 0.0
        if speaker.known:
            speaker = self._with_coordinated(start, speaker, limit)
        return speaker, why, confidence

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
            dateline = _DATELINE.match(text)
            if dateline:
                text = " " * dateline.end() + text[dateline.end() :]
        for pattern in _DATE_PATTERNS:
            match = pattern.search(text)
            if not match:
                continue
            parts = match.groupdict()
            month = (
                int(parts["month_number"]) if parts.get("month_number") else _MONTHS[parts["month"]]
            )
            year = int(parts["year"]) if parts.get("year") else None
            if year is None and self.published is not None:
                year = self.published.year
                try:
                    if dt.date(year, month, int(parts["day"])) > self.published:
                        year -= 1
                except ValueError:
                    continue
            if year is None:
                return None, f"The article says “{match.group()}”"
            try:
                return dt.date(
                    year, month, int(parts["day"])
                ), f"The article says “{match.group()}”"
            except ValueError:
                continue
        match = _RELATIVE_TIME.search(text)
        if match:
            return None, f"The article says “{match.group()}”"
        return None, None


_POSS_AFTER = re.compile(r"['’]s?(?!\w)")
_ROLE_PHRASE = re.compile(
    r"(?<!\w)[Tt]he\s+(?P<adjectives>(?:(?:[A-Z][\w.'’-]*|[a-z][\w-]*)\s+){0,3}?)"
    rf"(?P<noun>{'|'.join(sorted(ROLE_NOUNS, key=len, reverse=True))})(?![\w'’-])",
    re.IGNORECASE,
)


# `of the Unification Ministry`: a body named after a preposition is not the subject.
_IN_A_PREPOSITION = re.compile(
    r"\b(?:of|at|from|with|to|for|by|in|on|about|against)\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){0,3}$"
)
_MODIFIES_A_NOUN = re.compile(
    r"\s+(?:administration|government|camp|era|office|presidency|regime|cabinet|team|aides?|"
    r"doctrine|policy|initiative)\b"
)
_PARTICIPLES = frozenset(
    """saying adding calling declaring noting warning insisting stressing describing labeling
    labelling urging telling arguing""".split()
)
# Words that make an attribution's slot a relay of someone else's words, not a speaker.
_RELAY_SLOT = re.compile(
    r"(?i)\b(?:state[- ](?:run )?media|state[- ]run|news agency|KCNA|Korean Central News Agency|"
    r"Yonhap|Reuters|AFP|Xinhua|TASS|Rodong Sinmun|KCTV|report|reports|dispatch)\b"
)
_TITLE_CASE_NAME = re.compile(
    r"(?:[A-Z0-9][\w'’.-]*|of|the|and|a|an|in|on|for|to|is)(?:\s+(?:[A-Z0-9][\w'’.-]*|of|the|and|a|an|in|on|for|to|is))+"
)
_TRANSCRIPT_SPEAKER = re.compile(
    r"^(?:\[\s*(?i:soundbite)\s*:\s*(?P<bite>[^\]\(]{2,60}?)\s*(?:\([^)]*\))?\s*\]|"
    r"(?P<name>[A-Z][\w.'’ -]{2,40}?)\s+/\s+[A-Z][\w.,'’ -]{1,40})$"
)


def _is_headline(paragraph: str) -> bool:
    """A headline or subhead: capitalised throughout, or one short line with no full stop.

    Its quotes are the desk's paraphrase, not the speaker's words, so none is offered."""
    if re.search(r"[.!?…][”’\"')\]]*\s*$", paragraph):
        return False
    if is_title_case(paragraph):
        return True
    return "\n" not in paragraph.strip() and len(paragraph.split()) <= 15


def _entity_speaker(entity: Entity) -> Speaker:
    return Speaker((entity.actor_id,)) if entity.actor_id else Speaker(label=entity.label)


def _verbs(body: str, start: int, end: int, vocabulary: frozenset[str]) -> list[_Token]:
    return [t for t in _tokens(body, start, end) if t.text in vocabulary]


# -- the pass --------------------------------------------------------------------------------------


def extract(body: str, actors: Iterable[Actor], published: dt.date | None = None) -> Extraction:
    """Every quote and reported position found in ``body``, in reading order."""
    names = ActorNames(actors)
    reader = _Reader(body, names, published)
    quotes_by_paragraph: dict[int, list[_Quote]] = {}
    for quote in reader.quotes:
        quotes_by_paragraph.setdefault(quote.paragraph, []).append(quote)

    merged: set[int] = set()  # ids of quotes folded into the one before them
    for para in reader.paragraphs:
        para_quotes = sorted(quotes_by_paragraph.get(para.index, []), key=lambda q: q.open_mark)
        ends = _sentence_ends(body, para, reader.quotes)
        sentence_start = para.start
        for sentence_end in ends:
            sentence_quotes = [
                q
                for q in para_quotes
                if sentence_start <= q.open_mark < sentence_end and id(q) not in merged
            ]
            _read_sentence(
                reader, para, sentence_start, sentence_end, sentence_quotes, para_quotes, merged
            )
            sentence_start = sentence_end
            while sentence_start < para.end and body[sentence_start].isspace():
                sentence_start += 1
    reader.findings.sort(key=lambda f: (f.start, f.kind))
    return Extraction(reader.findings)


def _read_sentence(
    reader: _Reader,
    para: _Paragraph,
    start: int,
    end: int,
    quotes: list[_Quote],
    para_quotes: list[_Quote],
    merged: set[int],
) -> None:
    body = reader.body
    attribution_verbs: set[int] = set()
    quoted_speakers: set[str] = set()
    events: list[tuple[int, str, object]] = [(q.open_mark, "quote", q) for q in quotes]
    for verb in _verbs(body, start, end, _REPORTED_VERBS):
        if not reader.inside_quote(verb.start):
            events.append((verb.start, "verb", verb))
    events.sort(key=lambda e: e[0])
    reported_for: set[str] = set()

    # Quotes first, so that their attribution verbs are known before reported speech is read.
    previous_close = start
    for quote in quotes:
        if id(quote) in merged:
            continue
        if reader.headline.get(quote.paragraph) or _is_a_name(body, quote):
            previous_close = max(b for _, b in quote.pieces) + 1
            continue
        finding, verb_offsets = _read_quote(
            reader, quote, start, end, previous_close, para_quotes, merged
        )
        attribution_verbs |= verb_offsets
        if verb_offsets:
            # The sentence that attributes a quote reports nothing more of the same speaker.
            quoted_speakers.update(finding.speaker.actor_ids)
        reader.findings.append(finding)
        if finding.speaker.known or finding.speaker.label:
            reader.last_speaker = finding.speaker
        previous_close = max(b for _, b in quote.pieces) + 1

    if reader.title_case.get(para.index):
        return
    for _, kind, item in events:
        if kind != "verb":
            continue
        assert isinstance(item, _Token)
        verb = item
        if verb.start in attribution_verbs:
            continue
        speaker, why, confidence = reader.subject_before(verb.start, start)
        if speaker is None or not speaker.known:
            if speaker is not None and speaker.label:
                reader.last_speaker = speaker
            continue
        reader.last_speaker = speaker
        text_start = start
        first_subject = min(
            (
                m.start
                for m in reader.mentions
                if start <= m.start < verb.start and set(m.candidates) & set(speaker.actor_ids)
            ),
            default=verb.start,
        )
        if any(q.open_mark < first_subject for q in quotes):
            text_start = first_subject
        elif start == para.start and (dateline := _DATELINE.match(body[start:end])):
            text_start = start + dateline.end()
        text = body[text_start:end].strip()
        said_on, note = reader.dates(start, end)
        if note is None:
            said_on, note = reader.dates(para.start, para.end)
        for actor_id in speaker.actor_ids:
            if actor_id in reported_for or actor_id in quoted_speakers:
                continue
            reported_for.add(actor_id)
            reason = f"{_describe_subject(speaker, actor_id, why)} “{verb.text}”"
            reader.findings.append(
                Finding(
                    kind="reported",
                    text=_squash(text),
                    spans=((text_start, text_start + len(text)),),
                    speaker=Speaker((actor_id,)),
                    confidence=round(0.7 * (confidence or 1.0), 2),
                    reason=f"reported speech: {reason}",
                    line=reader.line_of(text_start),
                    said_on=said_on,
                    said_on_note=note,
                    via=tuple(_relay_names(reader.unquoted[para.start : para.end])),
                )
            )


def _describe_subject(speaker: Speaker, actor_id: str, why: str) -> str:
    if why:
        return f"{why}, then"
    if len(speaker.actor_ids) > 1:
        return f"{actor_id} (with {', '.join(a for a in speaker.actor_ids if a != actor_id)})"
    return actor_id


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class _Attribution:
    speaker: Speaker
    confidence: float
    why: str
    verb_start: int | None = None


_CONJUNCTIONS = frozenset(
    "while and but as because when after before although though if since whereas which who that "
    "where so or nor yet".split()
)
# A quote whose attribution follows it ends in punctuation inside or just after its closing mark.
_ENDS_AN_UTTERANCE = re.compile(r"[,.?!…—–\-]\s*$")


def _attribution_before(reader: _Reader, quote: _Quote, before_start: int) -> _Attribution | None:
    """`Trump told reporters, "...`, `He added: "...`, `KCNA quoted Kim as saying "...`."""
    body = reader.body
    before = body[before_start : quote.open_mark]
    quoted_as = re.search(
        r"\b(?:quoted|cited)\s+(.{1,60}?)\s+as\s+(saying|telling)\b(?=[^“\"]*$)", before
    )
    if quoted_as:
        speaker, why, confidence = reader.speaker_in(
            before_start + quoted_as.start(1), before_start + quoted_as.end(1)
        )
        if speaker.known or speaker.label:
            return _Attribution(
                speaker,
                (confidence or 1.0) * 0.9,
                _joined("“quoted … as saying” before it", why),
                before_start + quoted_as.start(2),
            )
        return None
    if not re.search(r"(?:[,:]|\bthat)\s*$", before):
        return None
    verbs = _verbs(body, before_start, quote.open_mark, _INTRODUCING)
    if not verbs or len(_tokens(body, verbs[-1].end, quote.open_mark)) > 5:
        return None
    verb = verbs[-1]
    subject, why, confidence = reader.subject_before(verb.start, before_start)
    if (
        subject is None
        and reader.last_speaker is not None
        and re.fullmatch(r"[\s,]*and\s*", body[before_start : verb.start])
    ):
        # `"...," Kim said, and added, "..."`: the verb shares the last speaker.
        subject, why, confidence = reader.last_speaker, f"“and {verb.text}” goes on", 0.8
    if subject is None:
        return None
    return _Attribution(
        subject,
        (confidence or 1.0) * 0.95,
        _joined(f"“{verb.text}” introduces it", why),
        verb.start,
    )


def _attribution_after(reader: _Reader, quote: _Quote, after_stop: int) -> _Attribution | None:
    """`," Kim said`, `," said the North Korean leader`, `," according to Kim`."""
    body = reader.body
    quoted = body[quote.pieces[-1][0] : quote.close_mark + 2]
    if not _ENDS_AN_UTTERANCE.search(quoted.rstrip("”\"»’' ")) and not re.match(
        r"[”\"»’']?\s*[,—–]", body[quote.close_mark : quote.close_mark + 3]
    ):
        return None
    words = _tokens(body, quote.close_mark + 1, after_stop)[:14]
    for index, word in enumerate(words):
        if word.text.lower() in _CONJUNCTIONS:
            return None
        if word.text not in _ATTRIBUTION_VERBS:
            continue
        if index == 0:
            slot_end = _slot_end(body, word.end, after_stop)
            speaker, why, confidence = reader.speaker_in(word.end, slot_end)
            where = f"“{word.text} …” follows it"
        else:
            speaker, why, confidence = reader.speaker_in(quote.close_mark + 1, word.start)
            where = f"“… {word.text}” follows it"
        if speaker.known or speaker.label or why:
            return _Attribution(
                speaker, (confidence or 1.0) * 0.95, _joined(where, why), word.start
            )
        return None
    according = re.match(r"[\s,]*according to ", body[quote.close_mark + 1 : after_stop])
    if according:
        slot_start = quote.close_mark + 1 + according.end()
        slot_end = _slot_end(body, slot_start, after_stop)
        if _RELAY_SLOT.search(body[slot_start:slot_end]):
            return None  # `..., according to KCNA`: the agency relays the sentence's subject
        speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
        if speaker.known or speaker.label:
            return _Attribution(
                speaker, (confidence or 1.0) * 0.9, _joined("“according to …” follows it", why)
            )
    return None


def _attribution_in_sentence(
    reader: _Reader, quote: _Quote, sentence_start: int, sentence_end: int
) -> _Attribution | None:
    """A partial quote (`condemned the drills as a "reckless" show`): the sentence's subject."""
    body = reader.body
    own_text = _squash(body[sentence_start:sentence_end])
    if len(own_text) <= sum(b - a for a, b in quote.pieces) + 10:
        return None
    verbs = [
        v
        for v in _verbs(body, sentence_start, quote.open_mark, _REPORTED_VERBS)
        if not reader.inside_quote(v.start)
    ]
    for verb in reversed(verbs):
        speaker, why, confidence = reader.subject_before(verb.start, sentence_start)
        if speaker is not None and (speaker.known or speaker.label):
            return _Attribution(
                speaker,
                (confidence or 1.0) * 0.75,
                _joined(f"a partial quote; its sentence’s subject “{verb.text}”", why),
            )
    first = [
        m for m in reader.mentions if sentence_start <= m.start < sentence_end and m.can_be_subject
    ]
    if first:
        actor, why = reader.resolve(first[0])
        if actor:
            return _Attribution(
                Speaker((actor,)),
                0.55,
                _joined(f"a partial quote; “{first[0].surface}” is the first actor named", why),
            )
    return None


def _is_a_name(body: str, quote: _Quote) -> bool:
    """`the "Ulchi Freedom Shield" exercises`: capitalised words in quotes name a thing."""
    text = _squash(" ".join(body[a:b] for a, b in quote.pieces)).strip(" ,")
    if len(text.split()) < 2 or re.search(r"[.!?]$", text) or not _TITLE_CASE_NAME.fullmatch(text):
        return False
    before = body[max(0, quote.open_mark - 40) : quote.open_mark]
    # A statement's or speech's title is its author's words.
    return not re.search(
        r"\b(?:statement|speech|article|commentary|letter|editorial)\s+(?:titled|entitled|headlined)\s*$",
        before,
    )


def _is_whole_sentence(body: str, quote: _Quote, sentence_start: int) -> bool:
    """Whether a quote is an utterance of its own, not a fragment inside the reporter's sentence."""
    lead = body[sentence_start : quote.open_mark]
    first = body[quote.pieces[0][0] : quote.pieces[0][0] + 2].lstrip("([")
    if lead.strip() and not re.search(r"[:,]\s*$", lead):
        return False
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def _soundbite_speaker(reader: _Reader, quote: _Quote) -> _Attribution | None:
    line = reader.soundbites.get(quote.paragraph)
    if line is None:
        return None
    first = min(
        (q.open_mark for q in reader.quotes if q.paragraph == quote.paragraph),
        default=quote.open_mark,
    )
    if quote.open_mark != first:
        return None
    speaker, why, confidence = reader.speaker_in(*line)
    if not (speaker.known or speaker.label):
        return None
    return _Attribution(
        speaker, (confidence or 1.0) * 0.9, _joined("the transcript line above names it", why)
    )


_SENTENCE_END_ATTRIBUTION = re.compile(
    r",\s*(?P<slot>[^,;:“”\"]{1,90}?)\s+(?P<verb>said|says|stated|added|reported|noted|announced|"
    r"declared|wrote|reads|read|claimed|insisted|warned)\b[^,;:“”\"]{0,80}$"
)


def _attribution_at_sentence_end(
    reader: _Reader, quote: _Quote, sentence_start: int, sentence_end: int
) -> _Attribution | None:
    """`... was "a sacred mission" aimed at ..., the Commission said in a statement.`"""
    last_close = max(
        q.close_mark for q in reader.quotes if sentence_start <= q.open_mark < sentence_end
    )
    tail_start = last_close + 1
    match = _SENTENCE_END_ATTRIBUTION.search(
        reader.unquoted[tail_start:sentence_end].rstrip(" .!?\n")
    )
    if match is None:
        return None
    slot_start, slot_end = tail_start + match.start("slot"), tail_start + match.end("slot")
    if _RELAY_SLOT.search(reader.body[slot_start:slot_end]) and match["verb"] == "reported":
        return None  # the agency relays; the sentence's subject is the speaker
    speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
    if not (speaker.known or speaker.label):
        return None
    return _Attribution(
        speaker,
        (confidence or 1.0) * 0.8,
        _joined(f"a partial quote; “… {match['verb']}” ends its sentence", why),
        tail_start + match.start("verb"),
    )


def _according_to_before(
    reader: _Reader, quote: _Quote, sentence_start: int
) -> _Attribution | None:
    """`According to the Council's readout, the two sides discussed "..."`."""
    lead = reader.body[sentence_start : quote.open_mark]
    match = re.match(r"\s*[Aa]ccording to (?P<slot>[^,“”\"]{1,80}),", lead)
    if match is None:
        return None
    slot_start = sentence_start + match.start("slot")
    slot_end = sentence_start + match.end("slot")
    if _RELAY_SLOT.search(reader.body[slot_start:slot_end]):
        return None
    speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
    if not (speaker.known or speaker.label):
        return None
    return _Attribution(
        speaker, (confidence or 1.0) * 0.85, _joined("“according to …” opens its sentence", why)
    )


def _attribution_in_next_sentence(
    reader: _Reader, quote: _Quote, sentence_end: int
) -> _Attribution | None:
    """`"We will never give up our weapons." That was how Kim put it on Monday.`"""
    body = reader.body
    para = reader.paragraph_of(quote.close_mark)
    if sentence_end >= para.end:
        return None
    following = re.match(r"\s*(?P<sentence>[^.!?“”\"]{3,120}[.!?])", body[sentence_end : para.end])
    if following is None:
        return None
    start = sentence_end + following.start("sentence")
    end = sentence_end + following.end("sentence")
    verbs = _verbs(body, start, end, _ATTRIBUTION_VERBS | frozenset({"put"}))
    if not verbs:
        return None
    speaker, why, confidence = reader.subject_before(verbs[0].start, start)
    if speaker is None or not (speaker.known or speaker.label):
        return None
    return _Attribution(
        speaker,
        (confidence or 1.0) * 0.75,
        _joined(f"the next sentence’s “{verbs[0].text}” attributes it", why),
        verbs[0].start,
    )


def _slot_end(body: str, start: int, stop: int) -> int:
    """Where the slot of words from ``start`` ends: the first punctuation, else the end."""
    match = re.search(r"[,.;:!?]|$", body[start:stop])
    assert match is not None  # "$" always matches
    return start + match.start()


def _joined(where: str, why: str) -> str:
    return f"{where}; {why}" if why else where


def _read_quote(
    reader: _Reader,
    quote: _Quote,
    sentence_start: int,
    sentence_end: int,
    previous_close: int,
    para_quotes: list[_Quote],
    merged: set[int],
) -> tuple[Finding, set[int]]:
    body = reader.body
    para = reader.paragraph_of(quote.close_mark)
    after_end = min(
        [q.open_mark for q in para_quotes if q.open_mark > quote.close_mark] + [para.end]
    )
    full_stop = re.search(r"[.!?](?=\s|$)", body[quote.close_mark + 1 : after_end])
    after_stop = quote.close_mark + 1 + full_stop.end() if full_stop else after_end

    attribution = _soundbite_speaker(reader, quote)
    if attribution is None:
        attribution = _attribution_before(reader, quote, max(sentence_start, previous_close))
    if attribution is None:
        attribution = _attribution_after(reader, quote, after_stop)
        if attribution is not None and attribution.verb_start is not None:
            _merge_resumed_quote(reader, quote, attribution, after_end, para_quotes, merged)
    whole = _is_whole_sentence(body, quote, sentence_start)
    if attribution is None and not whole:
        attribution = _attribution_at_sentence_end(reader, quote, sentence_start, sentence_end)
    if attribution is None:
        attribution = _according_to_before(reader, quote, sentence_start)
    if attribution is None and not whole:
        attribution = _attribution_in_sentence(reader, quote, sentence_start, sentence_end)
    if attribution is None and whole:
        attribution = _attribution_in_next_sentence(reader, quote, sentence_end)
    if (
        attribution is None
        and whole
        and reader.last_speaker is not None
        and (reader.last_speaker.known or reader.last_speaker.label)
    ):
        # A quotation standing alone goes on with the open quotation's speaker; a fragment
        # inside a sentence with no attribution (a term, a name) is given to no one.
        attribution = _Attribution(
            reader.last_speaker, 0.5, "no attribution; read as the last speaker going on"
        )
    if attribution is None:
        attribution = _Attribution(Speaker(), 0.0, "no attribution found")

    why = attribution.why
    if reader.paragraph_of(quote.pieces[-1][0]).index != quote.paragraph:
        why += "; the quote runs over paragraphs"
    texts = [_squash(body[a:b]).rstrip(",;: ") for a, b in quote.pieces]
    said_on, note = reader.dates(sentence_start, sentence_end)
    if note is None:
        said_on, note = reader.dates(para.start, para.end)
    opening_para = reader.paragraphs[quote.paragraph]
    via = [
        name
        for name in _relay_names(reader.unquoted[opening_para.start : para.end])
        if name != attribution.speaker.label
    ]
    finding = Finding(
        kind="quote",
        text=" ... ".join(t for t in texts if t),
        spans=tuple(quote.pieces),
        speaker=attribution.speaker,
        confidence=round(min(attribution.confidence, 1.0), 2) if attribution.speaker.known else 0.0,
        reason=why,
        line=reader.line_of(quote.open_mark),
        said_on=said_on,
        said_on_note=note,
        via=tuple(via),
    )
    verbs = {attribution.verb_start} if attribution.verb_start is not None else set()
    return finding, verbs


def _merge_resumed_quote(
    reader: _Reader,
    quote: _Quote,
    attribution: _Attribution,
    after_end: int,
    para_quotes: list[_Quote],
    merged: set[int],
) -> None:
    """`"...," Kim said, "..."`: the second part is the same quote, resumed."""
    body = reader.body
    resumed = next((q for q in para_quotes if q.open_mark == after_end), None)
    if resumed is None or attribution.verb_start is None:
        return
    tail = body[attribution.verb_start : after_end]
    ends_sentence = body[quote.pieces[-1][1] - 1 : quote.pieces[-1][1]] in ".!?"
    if ends_sentence or not re.fullmatch(r"[^.!?“”\"—–]{0,60}?,\s*", tail):
        return
    if any(t.text in _INTRODUCING for t in _tokens(body, attribution.verb_start, after_end)[1:]):
        return
    quote.pieces.extend(resumed.pieces)
    merged.add(id(resumed))
    attribution.why += "; the quote resumes after its attribution"


__all__ = ["Extraction", "Finding", "Speaker", "extract", "form_key"]
