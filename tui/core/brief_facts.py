"""What the brief says before and after its detail: the bottom line, the caveats, and the
register that quotes each passage once.

Every sentence is built from the analysis (``tui.core.analysis``) and the dataset's history; the
text of the data goes through ``markdown_escape`` as everywhere in the brief.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tui.core.basis import inference_reason, is_inferred
from tui.core.export import markdown_escape as _e
from tui.core.history import StanceEvent, events_between
from tui.core.stances import number, word

if TYPE_CHECKING:
    from tui.core.analysis import Analysis
    from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord

# An issue whose stance is known for fewer actors than this share is a thin base.
FEW_KNOWN_SHARE = 0.5


# -- what moved ------------------------------------------------------------------------------


def previous_date(dataset: Dataset, date: dt.date | None) -> dt.date | None:
    """The last date with a stance before ``date``, or None when ``date`` is the first."""
    if date is None:
        return None
    earlier = [d for d in dataset.dates if d < date]
    return earlier[-1] if earlier else None


def moves(dataset: Dataset, start: dt.date, end: dt.date) -> list[StanceEvent]:
    """What moved after ``start`` up to ``end``: the core's history events, restatements left
    out (same value, new evidence: nothing moved)."""
    return [e for e in events_between(dataset, start, end) if e.kind != "restated"]


# -- the bottom line -------------------------------------------------------------------------


def _name(ds: Dataset, actor_id: str) -> str:
    return _e(ds.actor_name(actor_id))


def _title(ds: Dataset, issue_id: str) -> str:
    return _e(ds.issue_title(issue_id))


def _stance(record: StanceRecord | None) -> str:
    stance = None if record is None else record.stance
    if stance is None:
        return word(None)
    inferred = ", inferred" if record is not None and is_inferred(record) else ""
    return f"{word(stance)} ({number(stance)}{inferred})"


def bottom_line(a: Analysis) -> list[str]:
    """Three to five sentences: where they stand, what moved, what blocks talks, and what the
    reader should weigh before repeating it."""
    ds = a.dataset
    known = sum(
        1 for r in ds.as_of(a.as_of).values() if r.stance is not None and r.actor_id in a.actor_ids
    )
    cells = len(a.actor_ids) * len(a.issue_ids)
    lines = []
    stand = f"{known} of {cells} positions are known ({len(a.actor_ids)} actors, " + (
        f"{len(a.issue_ids)} issues)."
    )
    if a.widest:
        spread = a.widest[0]
        low, high = spread.farthest[0]
        stand += (
            f" Widest gap: {_title(ds, spread.issue_id)}, where {_name(ds, low.actor_id)} is "
            f"{_stance(low)} and {_name(ds, high.actor_id)} {_stance(high)}."
        )
    lines.append("Where they stand: " + stand)

    before = previous_date(ds, a.date)
    if a.date is None:
        lines.append("What moved: no stance in the data has a date yet.")
    elif before is None:
        lines.append(
            f"What moved: {a.date.isoformat()} is the first date in the data; every stance "
            "is a first record, so nothing has moved yet."
        )
    else:
        found = moves(ds, before, a.date)
        if not found:
            lines.append(f"What moved since {before.isoformat()}: nothing.")
        else:
            parts = []
            for kind, label in (
                ("changed", "changed"),
                ("withdrawn", "withdrawn"),
                ("first", "first recorded"),
            ):
                these = [m for m in found if m.kind == kind]
                if these:
                    said = "; ".join(
                        f"{_name(ds, m.actor_id)} on {_title(ds, m.issue_id)}"
                        + (
                            f" {_stance(m.before)} → {_stance(m.after)}"
                            if kind != "first"
                            else f" {_stance(m.after)}"
                        )
                        for m in these
                    )
                    parts.append(f"{label}: {said}")
            lines.append(f"What moved since {before.isoformat()}: " + "; ".join(parts) + ".")

    if a.unmet:
        blocks = "; ".join(_e(check.sentence) for check in a.unmet)
        lines.append(f"What blocks talks: {blocks}.")
    else:
        lines.append("What blocks talks: no recorded condition is unmet.")

    thin = caveats(a)
    if thin.count:
        lines.append(
            f"Weigh before repeating: {thin.count} caveats on thin bases (one source, "
            "inferred stances, few actors known), listed under *Caveats*."
        )
    return lines


# -- caveats ---------------------------------------------------------------------------------


@dataclass
class Caveats:
    one_source: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    few_known: list[str] = field(default_factory=list)
    unverified: list[str] = field(default_factory=list)
    excerpts: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return (
            len(self.one_source) + len(self.inferred) + len(self.few_known) + len(self.unverified)
        )


def caveats(a: Analysis) -> Caveats:
    """The thin bases of the picture on the analysis' date."""
    ds = a.dataset
    out = Caveats()
    records = [
        r
        for (actor, issue), r in sorted(
            ds.as_of(a.as_of).items(),
            key=lambda item: (a.issue_ids.index(item[0][1]) if item[0][1] in a.issue_ids else 0,),
        )
        if r.stance is not None
    ]
    for r in records:
        where = f"{_name(ds, r.actor_id)} on {_title(ds, r.issue_id)}"
        sources = {ev.evidence.source for ev in r.evidence}
        if len(sources) == 1:
            out.one_source.append(where)
        reason = inference_reason(r)
        if reason:
            out.inferred.append(f"{where}: {_e(reason.rstrip('. '))}")
        if any(not ev.verified for ev in r.evidence):
            out.unverified.append(where)
    total = len(a.actor_ids)
    for spread in a.spreads:
        if total and spread.n_known < max(2, total * FEW_KNOWN_SHARE):
            out.few_known.append(
                f"{_title(ds, spread.issue_id)}: known for {spread.n_known} of {total} actors"
            )
    for seed in ds.seeds.values():
        if getattr(seed.meta, "excerpt", False):
            out.excerpts.append(f"{_e(seed.id)} ({_e(seed.meta.outlet)})")
    return out


def caveats_section(a: Analysis) -> str:
    found = caveats(a)
    lines = ["## Caveats", ""]
    groups = [
        ("Resting on one source", found.one_source),
        ("Inferred, not in the actor's own words", found.inferred),
        ("Few actors known", found.few_known),
        ("Evidence not found in its source", found.unverified),
        ("Sources that are an excerpt of the article", found.excerpts),
    ]
    said = False
    for heading, items in groups:
        if items:
            said = True
            lines.append(f"**{heading}** ({len(items)}): " + "; ".join(items) + ".")
            lines.append("")
    if not said:
        lines += ["No thin base: every stance has two sources or more and its own words.", ""]
    return "\n".join(lines)


# -- passages, quoted once -------------------------------------------------------------------


class Passages:
    """Numbers each passage the first time the brief quotes it; after that the brief refers to
    the number. Renderings of one statement (same ``statement`` id) are one passage."""

    def __init__(self) -> None:
        self._numbers: dict[tuple[str, ...], int] = {}

    @staticmethod
    def _key(record: EvidenceRecord) -> tuple[str, ...]:
        item = record.evidence
        statement = getattr(item, "statement", None)
        if statement:
            return ("statement", statement)
        return ("text", item.source, item.text)

    def first(self, record: EvidenceRecord) -> int | None:
        """The passage's new number if it was not quoted yet, else None."""
        key = self._key(record)
        if key in self._numbers:
            return None
        self._numbers[key] = len(self._numbers) + 1
        return self._numbers[key]

    def number(self, record: EvidenceRecord) -> int:
        return self._numbers[self._key(record)]
