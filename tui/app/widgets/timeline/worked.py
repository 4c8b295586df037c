"""What the timeline draws, worked out in one go from the dataset, so that a large record can be
worked out in a worker thread while the screen keeps answering keys (see ``TimelineView``): the
steps, their cells as drawn and each column's width (the view fits whole columns to its pane),
and what changed."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from rich.text import Text

from tui.app.render.caption import Names, cited_names, named_sources
from tui.app.render.safe import safe_text
from tui.app.widgets.timeline.step_table import CELL_PADDING
from tui.app.widgets.timeline.steps import (
    Step,
    latest_dates,
    step_cell,
    steps,
    timeline_actors,
    timeline_dates,
)
from tui.core.dataset import Change, Dataset


@dataclass(frozen=True)
class TimelineFigures:
    """One issue's timeline on one as-of date: the columns, the rows, and what changed."""

    dataset: Dataset
    as_of: dt.date | None
    issue_id: str | None
    dates: list[dt.date] = field(default_factory=list)  # the columns, oldest first
    hidden_dates: int = 0  # later dates with data, past the as-of date
    earlier_dates: int = 0  # dates before the first column, left out of the table
    row_actors: list[str] = field(default_factory=list)
    actors_left_out: int = 0
    steps: dict[tuple[str, dt.date], Step] = field(default_factory=dict)
    span: tuple[dt.date | None, dt.date] | None = None  # what changed: from, to
    here: list[Change] = field(default_factory=list)  # the changes on this issue
    others: Counter[str] = field(default_factory=Counter)  # issue id -> changes elsewhere
    sources: Names = field(default_factory=lambda: named_sources([]))  # what the caption cites
    cells: dict[tuple[str, dt.date], Text] = field(default_factory=dict)  # the steps as drawn
    names: dict[str, Text] = field(default_factory=dict)  # actor id -> the name as drawn
    widths: list[int] = field(default_factory=list)  # each date's column, padding included
    name_width: int = 0  # the names' column, padding included


def work_out_timeline(ds: Dataset, as_of: dt.date | None, issue_id: str | None) -> TimelineFigures:
    if issue_id is None:
        return TimelineFigures(ds, as_of, issue_id)
    dates, hidden = timeline_dates(ds, issue_id, as_of)
    dates, earlier = latest_dates(dates)
    actors, left_out = timeline_actors(ds, issue_id)
    by_cell: dict[tuple[str, dt.date], Step] = {}
    if dates:
        first = dates[0]
        day_before = first - dt.timedelta(days=1) if first > dt.date.min else None
        for actor_id in actors:
            before = (
                ds.stance_at(actor_id, issue_id, day_before)
                if earlier and day_before is not None
                else None
            )
            for step in steps(ds, issue_id, actor_id, dates, before):
                by_cell[(actor_id, step.date)] = step
    span, here, others = _changes(ds, as_of, issue_id)
    # The record through time, as the caption cites it (see TimelineView.caption).
    sources = cited_names(ds, as_of, issue_id=issue_id, through_time=True)
    cells = {key: step_cell(step) for key, step in by_cell.items()}
    names = {actor_id: safe_text(ds.actor_name(actor_id), "bold") for actor_id in actors}
    widths = [
        max([len(date.isoformat())] + [cells[(a, date)].cell_len for a in actors])
        + 2 * CELL_PADDING
        for date in dates
    ]
    name_width = max((name.cell_len for name in names.values()), default=0)
    return TimelineFigures(
        ds,
        as_of,
        issue_id,
        dates,
        hidden,
        earlier,
        actors,
        left_out,
        by_cell,
        span,
        here,
        others,
        sources,
        cells,
        names,
        widths,
        name_width + 2 * CELL_PADDING,
    )


def _changes(
    ds: Dataset, as_of: dt.date | None, issue_id: str
) -> tuple[tuple[dt.date | None, dt.date] | None, list[Change], Counter[str]]:
    """What changed between the previous date with data and the as-of date."""
    end = as_of if as_of is not None else ds.latest_date
    if end is None:
        return None, [], Counter()
    earlier = [d for d in ds.dates if d < end]
    start = earlier[-1] if earlier else None
    # Before the first date with data nothing was known: every stance then is new. (A date of
    # year 1 has no day before it; the data may hold one.)
    day_before = end - dt.timedelta(days=1) if end > dt.date.min else end
    every = ds.changes(start or day_before, end)
    here = [c for c in every if c.issue_id == issue_id]
    others = Counter(c.issue_id for c in every if c.issue_id != issue_id)
    return (start, end), here, others
