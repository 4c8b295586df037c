"""One issue or one actor among the others, drawn for the Issue and Actor views: how far apart the
stances are, which conditions elsewhere hang on the subject, every stance at a glance.

What is worked out about the data is ``tui.core.overview``'s; this module only draws it. A list
that grows with the data (a row per actor) is drawn a slice at a time, every slice aligned to the
same width, so that a view builds only the slices its screen reaches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content

from tui.app.render.records import condition_block
from tui.app.render.safe import safe
from tui.app.render.stance import label
from tui.core import overview
from tui.core.dataset import Dataset, StanceRecord
from tui.core.stances import number

if TYPE_CHECKING:
    from tui.core.records import Condition

MAX_NAMED = 3
GAP = 2


def _names(ds: Dataset, actor_ids: Sequence[str]) -> Content:
    names = [safe(ds.actor_name(actor_id)) for actor_id in actor_ids[:MAX_NAMED]]
    more = len(actor_ids) - MAX_NAMED
    return Content(", ").join(names) + (Content(f" and {more} more") if more > 0 else Content())


def spread_text(ds: Dataset, spread: overview.Spread) -> Content:
    """ "4, from -2 (Kim Jong Un) to +2 (Donald Trump)"; absent stances are left out, not 0."""
    if spread.known < 2 or spread.low is None or spread.high is None:
        return Content.styled("Fewer than two known stances: no spread to measure.", "dim")
    if spread.low == spread.high:
        return Content.assemble(
            Content.styled("0", "bold"), f": all {spread.known} known at {number(spread.low)}"
        )
    return Content.assemble(
        Content.styled(str(spread.high - spread.low), "bold"),
        f", from {number(spread.low)} (",
        _names(ds, spread.at_low),
        f") to {number(spread.high)} (",
        _names(ds, spread.at_high),
        ")",
    )


def condition_text(
    ds: Dataset, record: StanceRecord, condition: Condition, as_of: dt.date | None
) -> Content:
    """A condition with whose stance sets it, and whether it is met now."""
    holder = Content.assemble(
        safe(ds.actor_name(record.actor_id), "bold"),
        ", on ",
        safe(ds.issue_title(record.issue_id)),
        ":",
    )
    return holder + Content("\n") + condition_block(ds, condition, as_of)


def _stance_label(record: StanceRecord | None) -> Content:
    return label(record.stance if record else None, bool(record and record.is_conditional))


def glance_width(records: Sequence[StanceRecord | None]) -> int:
    """The widest stance label among ``records`` (worked out from the few kinds of label, not
    from every row)."""
    kinds = {(r.stance, r.is_conditional) if r else (None, False) for r in records}
    return max((label(stance, conditional).cell_length for stance, conditional in kinds), default=0)


def glance_rows(
    names: Sequence[tuple[str, StanceRecord | None]], width: int, gap: int = GAP
) -> Content:
    """Rows of a stance label padded to ``width`` and a name, bold when the stance is known."""
    lines = []
    for name, record in names:
        left = _stance_label(record)
        lines.append(
            left.pad_right(width - left.cell_length + gap) + safe(name, "bold" if record else "dim")
        )
    return Content("\n").join(lines)


def distance_words(distance: overview.Distance) -> str:
    if distance.mean is None:
        return "no issue in common"
    return f"{distance.mean:.1f} over {distance.shared} issue{'s' * (distance.shared != 1)}"


def distance_width(distances: Sequence[overview.Distance]) -> int:
    return max((len(distance_words(d)) for d in distances), default=0)


def distance_rows(
    ds: Dataset, distances: Sequence[overview.Distance], width: int, gap: int = GAP
) -> Content:
    """ "1.0 over 3 issues  Lee Jae-myung", one row per other actor."""
    lines = []
    for distance in distances:
        words = distance_words(distance)
        left = Content.styled(words, "bold" if distance.mean is not None else "dim")
        lines.append(
            left.pad_right(width - len(words) + gap) + safe(ds.actor_name(distance.actor_id))
        )
    return Content("\n").join(lines)


def dates_text(dates: Sequence[dt.date]) -> str:
    if len(dates) <= 4:
        return ", ".join(d.isoformat() for d in dates)
    return f"{dates[0].isoformat()} … {dates[-1].isoformat()}"
