"""The pass over an article: each sentence's quotes and reported positions, in reading order.

This reads news prose with rules, not understanding, and every finding says how sure it is and
why. It never decides a stance; a contributor reads the draft, keeps what is right and pastes it
under a position, where the loader verifies the text against the seed.

What it reads:
- quotations in curly or straight double quotes, quotes in single quotes, a quote split by its
  attribution (`"...," Kim said, "..."`), a quote running over paragraphs, and the soundbites of
  a broadcast transcript (`Name / Title` or `[Soundbite: Name]` above the words); headlines and
  capitalised names in quotes (`the "Ulchi Freedom Shield" drills`) are not offered;
- the attribution after a quote (`," Kim said`), before it (`Trump told reporters, "...`), at
  the end of its sentence (`..., the commission said in a statement.`), in the sentence after it,
  `According to X,` opening its sentence, the subject of the sentence a partial quote is part of,
  each name resolved by the article's discourse model (a surname, title, role noun, relation or
  pronoun to the person the article made current, a name misspelt by one letter to the actor);
  an agency or state media is the relay of the sentence's subject, not its speaker; a quotation
  standing alone continues the open quotation, a fragment with no attribution is given to no one;
- quotes with no verb of saying beside them: a term someone used or is named as using, a quote
  in an opening participle clause, a question put to the one who answers it (the asker's, not
  the answerer's), and a weapon's designation (nobody's);
- reported speech: a sentence whose subject is a known actor and whose verb reports a position
  (said, urged, backed, rejected, condemned, signaled, framed, ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from tui.core.extract.attribution import (
    Attribution,
    according_to_before,
    attribution_after,
    attribution_at_sentence_end,
    attribution_before,
    attribution_in_next_sentence,
    attribution_in_sentence,
    first_full_stop,
    is_a_name,
    is_whole_sentence,
    soundbite_speaker,
)
from tui.core.extract.clauses import (
    attribution_of_a_passive_agent,
    attribution_of_a_term_used,
    attribution_of_an_owned_term,
    attribution_of_fronted_clause,
    is_a_designation,
    question_put,
)
from tui.core.extract.reader import Reader
from tui.core.extract.results import Extraction, Finding, Speaker
from tui.core.extract.text import (
    Paragraph,
    Quote,
    Token,
    relay_names,
    sentence_ends,
    squash,
    verbs_in,
    word_tokens,
)
from tui.core.extract.vocabulary import DATELINE, INTRODUCING, REPORTED_VERBS
from tui.core.mentions import ActorNames
from tui.core.records import Actor

# -- the pass --------------------------------------------------------------------------------------


def extract(body: str, actors: Iterable[Actor], published: dt.date | None = None) -> Extraction:
    """Every quote and reported position found in ``body``, in reading order."""
    names = ActorNames(actors)
    reader = Reader(body, names, published)
    quotes_by_paragraph: dict[int, list[Quote]] = {}
    for quote in reader.quotes:
        quotes_by_paragraph.setdefault(quote.paragraph, []).append(quote)

    merged: set[int] = set()  # ids of quotes folded into the one before them
    for para in reader.paragraphs:
        para_quotes = sorted(quotes_by_paragraph.get(para.index, []), key=lambda q: q.open_mark)
        ends = sentence_ends(body, para, reader.quotes)
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
    reader: Reader,
    para: Paragraph,
    start: int,
    end: int,
    quotes: list[Quote],
    para_quotes: list[Quote],
    merged: set[int],
) -> None:
    body = reader.body
    attribution_verbs: set[int] = set()
    quoted_speakers: set[str] = set()
    events: list[tuple[int, str, object]] = [(q.open_mark, "quote", q) for q in quotes]
    for verb in verbs_in(body, start, end, REPORTED_VERBS):
        if not reader.inside_quote(verb.start):
            events.append((verb.start, "verb", verb))
    events.sort(key=lambda e: e[0])
    reported_for: set[str] = set()

    # Quotes first, so that their attribution verbs are known before reported speech is read.
    previous_close = start
    for quote in quotes:
        if id(quote) in merged:
            continue
        if (
            reader.headline.get(quote.paragraph)
            or is_a_name(body, quote)
            or is_a_designation(body, quote)
        ):
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
        assert isinstance(item, Token)
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
        elif start == para.start and (dateline := DATELINE.match(body[start:end])):
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
                    text=squash(text),
                    spans=((text_start, text_start + len(text)),),
                    speaker=Speaker((actor_id,)),
                    confidence=round(0.7 * (confidence or 1.0), 2),
                    reason=f"reported speech: {reason}",
                    line=reader.line_of(text_start),
                    said_on=said_on,
                    said_on_note=note,
                    via=tuple(relay_names(reader.unquoted[para.start : para.end])),
                )
            )


def _describe_subject(speaker: Speaker, actor_id: str, why: str) -> str:
    if why:
        return f"{why}, then"
    if len(speaker.actor_ids) > 1:
        return f"{actor_id} (with {', '.join(a for a in speaker.actor_ids if a != actor_id)})"
    return actor_id


def _read_quote(
    reader: Reader,
    quote: Quote,
    sentence_start: int,
    sentence_end: int,
    previous_close: int,
    para_quotes: list[Quote],
    merged: set[int],
) -> tuple[Finding, set[int]]:
    body = reader.body
    para = reader.paragraph_of(quote.close_mark)
    after_end = min(
        [q.open_mark for q in para_quotes if q.open_mark > quote.close_mark] + [para.end]
    )
    full_stop = first_full_stop(body[quote.close_mark + 1 : after_end])
    after_stop = quote.close_mark + 1 + full_stop if full_stop is not None else after_end

    attribution = soundbite_speaker(reader, quote)
    if attribution is None:
        attribution = question_put(reader, quote, max(sentence_start, previous_close))
    if attribution is None:
        attribution = attribution_before(reader, quote, max(sentence_start, previous_close))
    if attribution is None:
        attribution = attribution_after(reader, quote, after_stop)
        if attribution is not None and attribution.verb_start is not None:
            _merge_resumed_quote(reader, quote, attribution, after_end, para_quotes, merged)
    whole = is_whole_sentence(body, quote, sentence_start)
    if attribution is None and not whole:
        attribution = attribution_at_sentence_end(reader, quote, sentence_start, sentence_end)
    if attribution is None:
        attribution = according_to_before(reader, quote, sentence_start)
    if attribution is None and not whole:
        attribution = attribution_of_a_passive_agent(reader, quote, sentence_start, sentence_end)
    if attribution is None and not whole:
        attribution = attribution_of_an_owned_term(reader, quote, sentence_start)
    if attribution is None and not whole:
        attribution = attribution_of_a_term_used(reader, quote, sentence_start)
    if attribution is None and not whole:
        attribution = attribution_of_fronted_clause(reader, quote, sentence_start, sentence_end)
    if attribution is None and not whole:
        attribution = attribution_in_sentence(reader, quote, sentence_start, sentence_end)
    if attribution is None and whole:
        attribution = attribution_in_next_sentence(reader, quote, sentence_end)
    if (
        attribution is None
        and whole
        and reader.last_speaker is not None
        and (reader.last_speaker.known or reader.last_speaker.label)
    ):
        # A quotation standing alone goes on with the open quotation's speaker; a fragment
        # inside a sentence with no attribution (a term, a name) is given to no one.
        attribution = Attribution(
            reader.last_speaker, 0.5, "no attribution; read as the last speaker going on"
        )
    if attribution is None:
        attribution = Attribution(Speaker(), 0.0, "no attribution found")

    why = attribution.why
    if reader.paragraph_of(quote.pieces[-1][0]).index != quote.paragraph:
        why += "; the quote runs over paragraphs"
    texts = [squash(body[a:b]).rstrip(",;: ") for a, b in quote.pieces]
    said_on, note = reader.dates(sentence_start, sentence_end)
    if note is None:
        said_on, note = reader.dates(para.start, para.end)
    opening_para = reader.paragraphs[quote.paragraph]
    via = [
        name
        for name in relay_names(reader.unquoted[opening_para.start : para.end])
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
    reader: Reader,
    quote: Quote,
    attribution: Attribution,
    after_end: int,
    para_quotes: list[Quote],
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
    if any(t.text in INTRODUCING for t in word_tokens(body, attribution.verb_start, after_end)[1:]):
        return
    quote.pieces.extend(resumed.pieces)
    merged.add(id(resumed))
    attribution.why += "; the quote resumes after its attribution"
