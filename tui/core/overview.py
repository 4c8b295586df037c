"""One issue or one actor among the others, as the Issue and Actor views show it: every stance at a
glance, how far apart the stances are, which conditions elsewhere hang on the subject, and when it
moved.

Each answer is a plain value (records and numbers, no drawing), worked out in one pass over what it
needs: on a tree of thousands of actors a view asks for these off the event loop and draws only
the rows a screen reaches.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.dataset import Dataset, StanceRecord

if TYPE_CHECKING:
    from tui.core.records import Condition


def issue_glance(
    ds: Dataset, issue_id: str, as_of: dt.date | None
) -> tuple[tuple[str, StanceRecord | None], ...]:
    """Every actor, in catalogue order, with its stance on the issue in force on ``as_of``."""
    return tuple((actor_id, ds.stance_at(actor_id, issue_id, as_of)) for actor_id in ds.actors)


def actor_glance(
    ds: Dataset, actor_id: str, as_of: dt.date | None
) -> tuple[tuple[str, StanceRecord | None], ...]:
    """Every issue, in catalogue order, with the actor's stance on it in force on ``as_of``."""
    return tuple((issue_id, ds.stance_at(actor_id, issue_id, as_of)) for issue_id in ds.issues)


@dataclass(frozen=True)
class Distance:
    """How far another actor stands: the mean gap over the issues both have a stance on."""

    actor_id: str
    mean: float | None  # None: no issue in common
    shared: int


def distances_from(ds: Dataset, actor_id: str, as_of: dt.date | None) -> tuple[Distance, ...]:
    """The actor's distance to every other actor, nearest first, those with no issue in common
    last (each group in catalogue order)."""
    known: dict[str, dict[str, int]] = {}
    for (actor, issue), record in ds.as_of(as_of).items():
        if record.stance is not None:
            known.setdefault(actor, {})[issue] = record.stance
    mine = known.get(actor_id, {})
    rows = []
    for other in ds.actors:
        if other == actor_id:
            continue
        theirs = known.get(other, {})
        shared = [issue for issue in mine if issue in theirs]
        gap = sum(abs(mine[issue] - theirs[issue]) for issue in shared)
        rows.append(Distance(other, gap / len(shared) if shared else None, len(shared)))
    rows.sort(key=lambda row: (row.mean is None, row.mean or 0))
    return tuple(rows)


@dataclass(frozen=True)
class Spread:
    """The known stances on one issue: how many, and who stands at either end."""

    known: int
    low: int | None
    high: int | None
    at_low: tuple[str, ...]  # actor ids, catalogue order
    at_high: tuple[str, ...]

    @property
    def width(self) -> int | None:
        return None if self.low is None or self.high is None else self.high - self.low


def issue_spread(ds: Dataset, issue_id: str, as_of: dt.date | None) -> Spread:
    """Absent stances are left out, not counted as 0."""
    known = [
        (actor_id, record.stance)
        for actor_id in ds.actors
        for record in [ds.stance_at(actor_id, issue_id, as_of)]
        if record is not None and record.stance is not None
    ]
    if not known:
        return Spread(0, None, None, (), ())
    low = min(stance for _, stance in known)
    high = max(stance for _, stance in known)
    return Spread(
        len(known),
        low,
        high,
        tuple(actor for actor, stance in known if stance == low),
        tuple(actor for actor, stance in known if stance == high),
    )


def conditions_on(
    ds: Dataset, as_of: dt.date | None, *, issue_id: str | None = None, actor_id: str | None = None
) -> tuple[tuple[StanceRecord, Condition], ...]:
    """The conditions of stances in force that look at this issue, or at this actor (set by
    another actor's stance), each with the stance that sets it."""
    found = []
    for record in ds.as_of(as_of).values():
        for condition in record.conditions:
            if issue_id is not None and condition.issue != issue_id:
                continue
            if actor_id is not None and (
                condition.actor != actor_id or record.actor_id == actor_id
            ):
                continue
            found.append((record, condition))
    return tuple(found)


def issue_dates(ds: Dataset, issue_id: str, as_of: dt.date | None) -> tuple[dt.date, ...]:
    """The dates on which a stance on the issue took effect, up to ``as_of``, ascending."""
    return tuple(
        sorted(
            {
                record.as_of
                for record in ds.stances
                if record.issue_id == issue_id and (as_of is None or record.as_of <= as_of)
            }
        )
    )
