"""One issue or one actor among the others, for the side of the Issue and Actor views: how far
apart the stances are, which conditions elsewhere hang on the subject, and when it moved."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from tui.app.render.records import condition_block
from tui.app.render.safe import safe
from tui.app.render.stance import aligned
from tui.core.dataset import Dataset, StanceRecord
from tui.core.stances import number

MAX_NAMED = 3


def _names(ds: Dataset, records: list[StanceRecord]) -> Content:
    names = [safe(ds.actor_name(r.actor_id)) for r in records[:MAX_NAMED]]
    more = len(records) - MAX_NAMED
    return Content(", ").join(names) + (Content(f" and {more} more") if more > 0 else Content())


def issue_spread(ds: Dataset, issue_id: str, as_of: dt.date | None) -> Content:
    """ "4, from -2 (Kim Jong Un) to +2 (Donald Trump)"; absent stances are left out, not 0."""
    known = [
        record
        for (_, issue), record in ds.as_of(as_of).items()
        if issue == issue_id and record.stance is not None
    ]
    if len(known) < 2:
        return Content.styled("Fewer than two known stances: no spread to measure.", "dim")
    low = min(r.stance for r in known if r.stance is not None)
    high = max(r.stance for r in known if r.stance is not None)
    if low == high:
        return Content.assemble(
            Content.styled("0", "bold"), f": all {len(known)} known at {number(low)}"
        )
    return Content.assemble(
        Content.styled(str(high - low), "bold"),
        f", from {number(low)} (",
        _names(ds, [r for r in known if r.stance == low]),
        f") to {number(high)} (",
        _names(ds, [r for r in known if r.stance == high]),
        ")",
    )


def conditions_on(
    ds: Dataset, as_of: dt.date | None, *, issue_id: str | None = None, actor_id: str | None = None
) -> list[Content]:
    """Conditions of other stances that look at this issue (or at this actor's stances), each
    with whose stance sets it, and whether it is met now."""
    blocks = []
    for record in ds.as_of(as_of).values():
        for condition in record.conditions:
            if issue_id is not None and condition.issue != issue_id:
                continue
            if actor_id is not None and (
                condition.actor != actor_id or record.actor_id == actor_id
            ):
                continue
            holder = Content.assemble(
                safe(ds.actor_name(record.actor_id), "bold"),
                ", on ",
                safe(ds.issue_title(record.issue_id)),
                ":",
            )
            blocks.append(holder + Content("\n") + condition_block(ds, condition, as_of))
    return blocks


def issue_dates(ds: Dataset, issue_id: str, as_of: dt.date | None) -> list[dt.date]:
    """The dates on which a stance on the issue took effect, up to the as-of date."""
    return sorted(
        {
            r.as_of
            for r in ds.stances
            if r.issue_id == issue_id and (as_of is None or r.as_of <= as_of)
        }
    )


def distances_from(ds: Dataset, actor_id: str, as_of: dt.date | None) -> Content | None:
    """The actor's distance to each other actor over the issues both have a stance on, nearest
    first: "1.0 over 3 issues  Lee Jae-myung"; None when there is no other actor."""
    known: dict[str, dict[str, int]] = {}
    for (actor, issue), record in ds.as_of(as_of).items():
        if record.stance is not None:
            known.setdefault(actor, {})[issue] = record.stance
    mine = known.get(actor_id, {})
    rows: list[tuple[float | None, int, str]] = []
    for other in ds.actors:
        if other == actor_id:
            continue
        theirs = known.get(other, {})
        shared = [issue for issue in mine if issue in theirs]
        gap = sum(abs(mine[i] - theirs[i]) for i in shared)
        rows.append((gap / len(shared) if shared else None, len(shared), other))
    if not rows:
        return None
    rows.sort(key=lambda row: (row[0] is None, row[0] or 0))
    return aligned(
        [
            (
                Content.styled(
                    "no issue in common"
                    if distance is None
                    else f"{distance:.1f} over {shared} issue{'s' * (shared != 1)}",
                    "bold" if distance is not None else "dim",
                ),
                safe(ds.actor_name(other)),
            )
            for distance, shared, other in rows
        ]
    )
