"""Stances, conditions and evidence as Content blocks, shared by the detail, issue, actor views."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual.content import Content

from tui.app.render import palette
from tui.app.render.safe import join, safe
from tui.app.render.stance import label, record_label
from tui.core import stances
from tui.core.citations import source_name
from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord
from tui.core.freshness import freshness
from tui.core.statements import FRAGMENT_WORD, Statement, channels_words, is_fragment

if TYPE_CHECKING:
    from tui.core.records import Condition

# Said on screen in full: a reader must never take the article's paraphrase for the speaker's words.
KIND_WORDS = {"quote": "DIRECT QUOTE", "reported": "REPORTED SPEECH"}


def stance_line(ds: Dataset, record: StanceRecord | None) -> Content:
    """The badge and words, the issue's own wording for that point, and the as-of date."""
    if record is None:
        return label(None) + Content.styled(
            " — nothing known from the sources (absent is not neutral)", "dim"
        )
    parts: list[Content | str] = [record_label(record)]
    issue = ds.issues.get(record.issue_id)
    if issue is not None and record.stance is not None and record.stance in issue.scale:
        parts.append(safe(issue.scale[record.stance], "italic"))
    parts.append(f"as of {record.as_of.isoformat()}")
    return join(parts)


def condition_outcome(
    ds: Dataset, condition: Condition, as_of: dt.date | None
) -> tuple[bool | None, StanceRecord | None]:
    other = ds.stance_at(condition.actor, condition.issue, as_of)
    return condition.met_by(other.stance if other else None), other


def condition_block(ds: Dataset, condition: Condition, as_of: dt.date | None) -> Content:
    """ "✗ UNMET  <text>" then what it needs, where the other actor stands, who meets or blocks
    it."""
    met, other = condition_outcome(ds, condition, as_of)
    who = safe(ds.actor_name(condition.actor), "bold")
    if met is True:
        mark = Content.styled("✓ MET", palette.GOOD)
    elif met is False:
        mark = Content.styled("✗ UNMET", palette.BAD)
    else:
        mark = Content.styled("? OPEN", palette.UNKNOWN)
    needs = Content.assemble(
        "needs ", who, " on ", safe(ds.issue_title(condition.issue)), f" {condition.needs()}"
    )
    if other is None or other.stance is None:
        now = Content.assemble(who, " has no stated position: open")
    else:
        verdict = "met by " if met else "blocked by "
        now = Content.assemble(
            "now ", record_label(other), f" (as of {other.as_of.isoformat()}): {verdict}", who
        )
    return Content.assemble(mark, "  ", safe(condition.text), "\n", needs, " — ", now)


def said_on(record: EvidenceRecord, with_note: bool = True) -> Content:
    """ "said 2025-09-21 (note)"; without the note for one-line listings."""
    evidence = record.evidence
    if evidence.said_on is not None:
        said = Content(f"said {evidence.said_on.isoformat()}")
        if evidence.said_on_note and with_note:
            said += Content(" (") + safe(evidence.said_on_note) + Content(")")
        return said
    if evidence.said_on_note and with_note:
        return Content("date not given: ") + safe(evidence.said_on_note)
    return Content("date not given")


def source_line(ds: Dataset, record: EvidenceRecord) -> Content:
    """Outlet, “title”, "excerpt" when the seed holds only the article's opening, the relay."""
    evidence = record.evidence
    seed = ds.seeds.get(evidence.source)
    if seed is None:
        parts: list[Content | str] = [
            Content.assemble("source ", safe(evidence.source), " (not in seeds/)")
        ]
    else:
        parts = [
            Content.assemble(safe(seed.meta.outlet, "bold"), ", “", safe(seed.meta.title), "”")
        ]
        if seed.meta.excerpt:
            parts.append("excerpt")
    if evidence.via:
        parts.append(Content("relayed by ") + safe(" → ".join(evidence.via)))
    if evidence.channels:
        # Separate outlets, said as a list: never drawn as a chain.
        parts.append(safe(channels_words(evidence.channels)))
    return join(parts)


def verified_mark(record: EvidenceRecord) -> Content:
    if record.verified:
        return Content.styled("✓ verified", palette.GOOD) + Content(": found in the source")
    return Content.styled("✗ NOT VERIFIED", palette.BAD) + Content(": not found in the source")


def verified_short(record: EvidenceRecord) -> Content:
    if record.verified:
        # The word uncoloured: a list's highlighted row is blue, and blue words would vanish on it.
        return Content.styled("✓", palette.GOOD) + Content.styled(" verified", "bold")
    return Content.styled("✗ NOT VERIFIED", palette.BAD)


def highlight_words(content: Content, words: Iterable[str]) -> Content:
    """Mark every case-insensitive occurrence of each word (span styles, never markup)."""
    plain = content.plain.casefold()
    for word in {w.casefold() for w in words if w}:
        start = plain.find(word)
        while start != -1:
            content = content.stylize(palette.MATCH, start, start + len(word))
            start = plain.find(word, start + len(word))
    return content


def evidence_text(record: EvidenceRecord, words: Iterable[str] = ()) -> Content:
    """The words themselves: a quote in quotation marks, reported speech without them."""
    body = highlight_words(safe(record.evidence.text, multiline=True), words)
    if record.evidence.kind == "quote":
        return Content("“") + body + Content("”")
    return body


def kind_tag(record: EvidenceRecord) -> Content:
    tag = Content.styled(KIND_WORDS.get(record.evidence.kind, record.evidence.kind), "bold reverse")
    if is_fragment(record.evidence):
        # A word or two carries less than a sentence: said wherever the quote is listed.
        tag += Content(" ") + Content.styled(FRAGMENT_WORD.upper(), "italic")
    return tag


def evidence_block(
    ds: Dataset, record: EvidenceRecord, number: int | None = None, words: Iterable[str] = ()
) -> Content:
    """Every fact of one evidence item, four lines: text, speaker and date, source, verification."""
    head = Content(f"{number} ") if number is not None else Content()
    speaker = safe(ds.actor_name(record.speaker_id), "bold")
    if record.evidence.kind == "reported":
        speaker += Content(", in the article's words")
    return Content("\n").join(
        [
            head + kind_tag(record) + Content(" ") + evidence_text(record, words),
            Content.assemble(speaker, " · ", said_on(record)),
            source_line(ds, record),
            verified_mark(record),
        ]
    )


def renderings_block(ds: Dataset, statement: Statement, shown: EvidenceRecord) -> Content:
    """ "One statement, 3 renderings" and each outlet's words, the one ``shown`` above marked."""
    lines = [Content.styled(statement.describe().capitalize(), "bold") + Content(":")]
    for rendering in statement.renderings:
        seed = ds.seeds.get(rendering.evidence.source)
        if seed is None:
            outlet = safe(rendering.evidence.source)
        else:
            outlet = safe(seed.meta.outlet, "bold")
            via = rendering.evidence.via or seed.meta.via
            if via:
                outlet += Content(" via ") + safe(", ".join(via))
        this = Content.styled(" (above)", "italic") if rendering is shown else Content()
        lines.append(
            Content.assemble(
                "· ", outlet, this, ": ", evidence_text(rendering), " ", verified_short(rendering)
            )
        )
    return Content("\n").join(lines)


def freshness_line(
    ds: Dataset, record: StanceRecord, as_of: dt.date | None, stale_days: int
) -> Content:
    """ "last stated 2025-09-22 · 3 statements · ◷ stale (...)", and a disputing source named."""
    fresh = freshness(ds, record, as_of or ds.latest_date, stale_days)
    line = Content(fresh.describe())
    for rival in fresh.rivals:
        sources = ", ".join(
            dict.fromkeys(source_name(ds, ev.evidence.source) for ev in rival.evidence)
        )
        line += Content.assemble(
            "\n",
            Content.styled(f"{stances.DISPUTED_MARK} disputed", "bold"),
            ": the same day, ",
            safe(sources),
            " gives ",
            record_label(rival),
        )
    return line
