"""Quotes with no verb of saying beside them: whose words a term, a clause or a question is.

A term someone used (`by using the expression “...”`), a term named as someone's (`Pyongyang's
“hostile two-state theory”`) or called so by someone (`called a “defensive” action by Seoul`), a
quote in a participle clause opening its sentence (`Calling it a “pragmatic” approach, the
nominee said`), a question put to the one who answers it, and a weapon's designation, which is
nobody's words.
"""

from __future__ import annotations

import re

from tui.core.extract.attribution import Attribution, joined
from tui.core.extract.reader import Reader
from tui.core.extract.results import Speaker
from tui.core.extract.text import Quote, squash, word_tokens
from tui.core.extract.vocabulary import NOT_NAMES, REPORTED_VERBS

# `caused controversy by using the expression “status of nuclear power”`: whoever uses a term.
_USES_A_TERM = re.compile(
    r"\b(?:us(?:e|es|ed|ing)|invok(?:e|es|ed|ing)|adopt(?:s|ed|ing)?|repeat(?:s|ed|ing)?)\s+"
    r"(?:(?:the|a|an|his|her|its|their|this|that|same)\s+){0,2}(?:[a-z-]+\s+)?"
    r"(?:expression|term|phrase|words?|label|description|formula|formulation|slogan)\s*,?\s*\Z"
)


def attribution_of_a_term_used(
    reader: Reader, quote: Quote, sentence_start: int
) -> Attribution | None:
    """`Hegseth drew criticism by using the term “nuclear power”`: the one who used it."""
    term = _USES_A_TERM.search(reader.body, sentence_start, quote.open_mark)
    if term is None:
        return None
    speaker, why, confidence = reader.subject_before(term.start(), sentence_start)
    if speaker is None or not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker, (confidence or 1.0) * 0.75, joined("a term its sentence’s subject used", why)
    )


# `which have been called a “defensive” action by Washington and Seoul`: a passive verb of
# naming before the quote, its agent after "by".
_PASSIVE_NAMING = re.compile(
    r"\b(?:been|was|were|is|are|be|being)\s+(?:[a-z]+ly\s+)?(?:called|described|labell?ed|"
    r"branded|dubbed|termed|characteri[sz]ed|hailed|denounced|condemned|critici[sz]ed)\b"
    r"(?:\s+as)?(?:\s+(?:a|an|the))?\s*\Z"
)
_AGENT = re.compile(
    r"[^,;.!?]{0,40}?\bby\s+(?P<agent>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?)"
)


def attribution_of_a_passive_agent(
    reader: Reader, quote: Quote, sentence_start: int, sentence_end: int
) -> Attribution | None:
    """`exercises which have been called a “defensive” action by Washington`: Washington's."""
    if not _PASSIVE_NAMING.search(reader.body[sentence_start : quote.open_mark]):
        return None
    agent = _AGENT.match(reader.unquoted, quote.close_mark + 1, sentence_end)
    if agent is None:
        return None
    name = agent.group("agent")
    # `by Washington and Seoul.`: the full stop ends the sentence; in `the U.S.` it is the name's.
    end = agent.end("agent")
    if not re.search(r"(?:\b[A-Z]\.)+\Z", name):
        end -= len(name) - len(name.rstrip("."))
    speaker, why, confidence = reader.speaker_in(agent.start("agent"), end)
    if not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker, (confidence or 1.0) * 0.75, joined("the agent of a passive “called … by”", why)
    )


# A term written after its owner, `Pyongyang's “hostile two-state theory”`, is the owner's.
_ENDS_A_NOUN_PHRASE = re.compile(r"[”\"’']?\s*(?:[,.;:)!?—–]|which\b|that\b|$)")
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})['’]s?\s*\Z")


def attribution_of_an_owned_term(
    reader: Reader, quote: Quote, sentence_start: int
) -> Attribution | None:
    owner = _OWNER_BEFORE.search(reader.body, sentence_start, quote.open_mark)
    if owner is None or owner.group("owner") in NOT_NAMES:
        return None
    # `China's “fair” stance`: words that describe a noun after them are the reporter's.
    if not _ENDS_A_NOUN_PHRASE.match(reader.body, quote.close_mark + 1):
        return None
    mention = next(
        (m for m in reader.mentions if m.start == owner.start("owner") and m.possessive), None
    )
    if mention is not None:
        speaker, why, confidence = reader.speaker_of(mention)
    else:
        speaker, why, confidence = Speaker(label=owner.group("owner")), "", 0.0
    if not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker, (confidence or 1.0) * 0.7, joined("a term written as its owner’s", why)
    )


# `Calling the German path a “pragmatic” approach, the nominee said ...`: a clause opening the
# sentence with a participle, whose subject is the main clause's.
_FRONTED_PARTICIPLE = re.compile(
    r"\s*(?:Calling|Describing|Labell?ing|Branding|Terming|Dubbing|Denouncing|Criticizing|"
    r"Criticising|Praising|Slamming|Warning|Stressing|Noting|Saying|Referring|Characterizing|"
    r"Characterising|Defining|Hailing|Rejecting|Dismissing|Condemning)\b"
)


def attribution_of_fronted_clause(
    reader: Reader, quote: Quote, sentence_start: int, sentence_end: int
) -> Attribution | None:
    body = reader.body
    if not _FRONTED_PARTICIPLE.match(body, sentence_start):
        return None
    if re.search(r"[,;:]\s", body[sentence_start : quote.open_mark]):
        return None  # the opening clause ended before the quote
    comma = re.search(r",\s*", reader.unquoted[quote.close_mark + 1 : sentence_end])
    if comma is None:
        return None
    slot_start = quote.close_mark + 1 + comma.end()
    verb = next(
        (
            w
            for w in word_tokens(body, slot_start, sentence_end)[:8]
            if w.text in REPORTED_VERBS or re.fullmatch(r"[a-z]+ed", w.text)
        ),
        None,
    )
    if verb is None:
        return None
    speaker, why, confidence = reader.speaker_in(slot_start, verb.start)
    if not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker,
        (confidence or 1.0) * 0.8,
        joined("a partial quote in the clause that opens its sentence; its subject follows", why),
    )


# `To the question, “...?” the minister said`, `Asked, “...?”`: the words are the asker's.
_QUESTION_PUT = re.compile(
    r"(?:\b[Tt]o\s+)?\b(?:the|a|this|that|his|her)\s+question\s*[,:]?\s*\Z|"
    r"(?:^|[.!?]\s+|\n)\s*(?:When\s+)?[Aa]sked\s*[,:]?\s*\Z"
)


def question_put(reader: Reader, quote: Quote, sentence_start: int) -> Attribution | None:
    """A question put to the one who answers is not the answerer's, and its asker is unnamed."""
    text = squash(" ".join(reader.body[a:b] for a, b in quote.pieces))
    if not text.endswith("?"):
        return None
    if not _QUESTION_PUT.search(reader.body[sentence_start : quote.open_mark]):
        return None
    return Attribution(
        Speaker(label="whoever asked (not named)"),
        0.0,
        "a question put to the one who answers it, by someone the article does not name",
    )


# Nouns that end a weapon's or a vessel's designation.
_DESIGNATED_THINGS = frozenset(
    """missile missiles rocket rockets submarine submarines destroyer destroyers warship warships
    drone drones launcher launchers warhead warheads satellite satellites""".split()
)


def is_a_designation(body: str, quote: Quote) -> bool:
    """`the test-firing of a “new-type high-altitude long-range anti-air missile”`: a quoted
    noun phrase, the object of a test or a launch, ending in a weapon's noun, is its name."""
    text = squash(" ".join(body[a:b] for a, b in quote.pieces)).strip(" ,")
    words = text.split()
    if not 1 < len(words) <= 10 or re.search(r"[,.!?;:]", text):
        return False
    # Only the object of a test, a launch or a display: in `called it a “dangerous missile”`
    # the words are the caller's.
    if not _SHOWN_OFF.search(body[max(0, quote.open_mark - 40) : quote.open_mark]):
        return False
    return words[-1].lower() in _DESIGNATED_THINGS


_SHOWN_OFF = re.compile(
    r"(?:\bof|\b(?:test-fired|launched|unveiled|tested|fired|deployed|displayed|showcased|"
    r"inspected))\s+(?:a|an|the)\s*\Z"
)
