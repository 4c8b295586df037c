"""Where a quotation's speaker is named: before it, after it, in its sentence, or around it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.extract.reader import Reader
from tui.core.extract.results import Speaker
from tui.core.extract.text import Quote, squash, verbs_in, word_tokens
from tui.core.extract.vocabulary import (
    ABBREVIATIONS,
    ATTRIBUTION_VERBS,
    INTRODUCING,
    RELAY_SLOT,
    REPORTED_VERBS,
    TITLE_CASE_NAME,
)


@dataclass
class Attribution:
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


def attribution_before(reader: Reader, quote: Quote, before_start: int) -> Attribution | None:
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
            return Attribution(
                speaker,
                (confidence or 1.0) * 0.9,
                joined("“quoted … as saying” before it", why),
                before_start + quoted_as.start(2),
            )
        return None
    if not re.search(r"(?:[,:]|\bthat)\s*$", before):
        return None
    verbs = verbs_in(body, before_start, quote.open_mark, INTRODUCING)
    if not verbs or len(word_tokens(body, verbs[-1].end, quote.open_mark)) > 5:
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
    return Attribution(
        subject,
        (confidence or 1.0) * 0.95,
        joined(f"“{verb.text}” introduces it", why),
        verb.start,
    )


def attribution_after(reader: Reader, quote: Quote, after_stop: int) -> Attribution | None:
    """`," Kim said`, `," said the North Korean leader`, `," according to Kim`."""
    body = reader.body
    quoted = body[quote.pieces[-1][0] : quote.close_mark + 2]
    if not _ENDS_AN_UTTERANCE.search(quoted.rstrip("”\"»’' ")) and not re.match(
        r"[”\"»’']?\s*[,—–]", body[quote.close_mark : quote.close_mark + 3]
    ):
        return None
    words = word_tokens(body, quote.close_mark + 1, after_stop)[:14]
    for index, word in enumerate(words):
        if word.text.lower() in _CONJUNCTIONS:
            return None
        if word.text not in ATTRIBUTION_VERBS:
            continue
        if index == 0:
            slot_end = _slot_end(body, word.end, after_stop)
            speaker, why, confidence = reader.speaker_in(word.end, slot_end)
            where = f"“{word.text} …” follows it"
        else:
            speaker, why, confidence = reader.speaker_in(quote.close_mark + 1, word.start)
            where = f"“… {word.text}” follows it"
        if speaker.known or speaker.label or why:
            return Attribution(speaker, (confidence or 1.0) * 0.95, joined(where, why), word.start)
        return None
    according = re.match(r"[\s,]*according to ", body[quote.close_mark + 1 : after_stop])
    if according:
        slot_start = quote.close_mark + 1 + according.end()
        slot_end = _slot_end(body, slot_start, after_stop)
        if RELAY_SLOT.search(body[slot_start:slot_end]):
            return None  # `..., according to KCNA`: the agency relays the sentence's subject
        speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
        if speaker.known or speaker.label:
            return Attribution(
                speaker, (confidence or 1.0) * 0.9, joined("“according to …” follows it", why)
            )
    return None


def attribution_in_sentence(
    reader: Reader, quote: Quote, sentence_start: int, sentence_end: int
) -> Attribution | None:
    """A partial quote (`condemned the drills as a "reckless" show`): the sentence's subject."""
    body = reader.body
    own_text = squash(body[sentence_start:sentence_end])
    if len(own_text) <= sum(b - a for a, b in quote.pieces) + 10:
        return None
    verbs = [
        v
        for v in verbs_in(body, sentence_start, quote.open_mark, REPORTED_VERBS)
        if not reader.inside_quote(v.start)
    ]
    for verb in reversed(verbs):
        speaker, why, confidence = reader.subject_before(verb.start, sentence_start)
        if speaker is not None and (speaker.known or speaker.label):
            return Attribution(
                speaker,
                (confidence or 1.0) * 0.75,
                joined(f"a partial quote; its sentence’s subject “{verb.text}”", why),
            )
    first = [
        m for m in reader.mentions if sentence_start <= m.start < sentence_end and m.can_be_subject
    ]
    if first:
        actor, why = reader.resolve(first[0])
        if actor:
            return Attribution(
                Speaker((actor,)),
                0.55,
                joined(f"a partial quote; “{first[0].surface}” is the first actor named", why),
            )
    return None


def first_full_stop(text: str) -> int | None:
    """Where the first sentence of ``text`` ends; `U.S.`, `Rep.` and `Gen.` do not end one."""
    for match in re.finditer(r"[.!?](?=\s|$)", text):
        word = re.search(r"([\w.]+)$", text[: match.start()])
        if match.group() == "." and word:
            stem = word.group(1).rstrip(".")
            if stem in ABBREVIATIONS or re.fullmatch(r"(?:[A-Z]\.?)+", stem):
                continue
        return match.end()
    return None


def is_a_name(body: str, quote: Quote) -> bool:
    """`the "Ulchi Freedom Shield" exercises`: capitalised words in quotes name a thing."""
    text = squash(" ".join(body[a:b] for a, b in quote.pieces)).strip(" ,")
    if len(text.split()) < 2 or re.search(r"[.!?]$", text) or not TITLE_CASE_NAME.fullmatch(text):
        return False
    before = body[max(0, quote.open_mark - 40) : quote.open_mark]
    # A statement's or speech's title is its author's words.
    return not re.search(
        r"\b(?:statement|speech|article|commentary|letter|editorial)\s+(?:titled|entitled|headlined)\s*$",
        before,
    )


def is_whole_sentence(body: str, quote: Quote, sentence_start: int) -> bool:
    """Whether a quote is an utterance of its own, not a fragment inside the reporter's sentence."""
    lead = body[sentence_start : quote.open_mark]
    first = body[quote.pieces[0][0] : quote.pieces[0][0] + 2].lstrip("([")
    if lead.strip() and not re.search(r"[:,]\s*$", lead):
        return False
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def soundbite_speaker(reader: Reader, quote: Quote) -> Attribution | None:
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
    return Attribution(
        speaker, (confidence or 1.0) * 0.9, joined("the transcript line above names it", why)
    )


_SENTENCE_END_ATTRIBUTION = re.compile(
    r",\s*(?P<slot>[^,;:“”\"]{1,90}?)\s+(?P<verb>said|says|stated|added|reported|noted|announced|"
    r"declared|wrote|reads|read|claimed|insisted|warned)\b[^,;:“”\"]{0,80}$"
)


def attribution_at_sentence_end(
    reader: Reader, quote: Quote, sentence_start: int, sentence_end: int
) -> Attribution | None:
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
    if RELAY_SLOT.search(reader.body[slot_start:slot_end]) and match["verb"] == "reported":
        return None  # the agency relays; the sentence's subject is the speaker
    speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
    if not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker,
        (confidence or 1.0) * 0.8,
        joined(f"a partial quote; “… {match['verb']}” ends its sentence", why),
        tail_start + match.start("verb"),
    )


def according_to_before(reader: Reader, quote: Quote, sentence_start: int) -> Attribution | None:
    """`According to the Council's readout, the two sides discussed "..."`."""
    lead = reader.body[sentence_start : quote.open_mark]
    match = re.match(r"\s*[Aa]ccording to (?P<slot>[^,“”\"]{1,80}),", lead)
    if match is None:
        return None
    slot_start = sentence_start + match.start("slot")
    slot_end = sentence_start + match.end("slot")
    if RELAY_SLOT.search(reader.body[slot_start:slot_end]):
        return None
    speaker, why, confidence = reader.speaker_in(slot_start, slot_end)
    if not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker, (confidence or 1.0) * 0.85, joined("“according to …” opens its sentence", why)
    )


def attribution_in_next_sentence(
    reader: Reader, quote: Quote, sentence_end: int
) -> Attribution | None:
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
    verbs = verbs_in(body, start, end, ATTRIBUTION_VERBS | frozenset({"put"}))
    if not verbs:
        return None
    speaker, why, confidence = reader.subject_before(verbs[0].start, start)
    if speaker is None or not (speaker.known or speaker.label):
        return None
    return Attribution(
        speaker,
        (confidence or 1.0) * 0.75,
        joined(f"the next sentence’s “{verbs[0].text}” attributes it", why),
        verbs[0].start,
    )


def joined(where: str, why: str) -> str:
    return f"{where}; {why}" if why else where


def _slot_end(body: str, start: int, stop: int) -> int:
    """Where the slot of words from ``start`` ends: the first punctuation, else the end."""
    match = re.search(r"[,.;:!?]|$", body[start:stop])
    assert match is not None  # "$" always matches
    return start + match.start()
