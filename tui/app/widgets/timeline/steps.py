"""One issue through time as text: which dates to show, and each actor's stance at each date.

A cell marks a first record with ★, a change with ●, a withdrawal with ✕ and a restatement with ○
(the event kinds of ``tui.core.history``), the stance on its badge; a stance carried over from an
earlier date is drawn as a line with its number, so the steps read without colour.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text

from tui.app.render.palette import badge_style
from tui.core import stances
from tui.core.basis import is_inferred
from tui.core.dataset import Dataset, StanceRecord
from tui.core.history import EventKind, stance_events

FIRST = "★"
CHANGED = "●"
WITHDRAWN = "✕"
RESTATED = "○"
EVENT_MARKS = {"first": FIRST, "changed": CHANGED, "withdrawn": WITHDRAWN, "restated": RESTATED}
CARRIED = "───"


@dataclass(frozen=True)
class Step:
    """An actor's stance on one date of the timeline, and how it came to be."""

    actor_id: str
    date: dt.date
    record: StanceRecord | None  # in force on that date
    previous: StanceRecord | None  # in force on the column before (None on the first)
    kind: EventKind | None = None  # the history's event on this date, if any

    @property
    def set_here(self) -> bool:
        """A stance takes effect on this date (a change, or the same stance stated again)."""
        return self.record is not None and self.record.as_of == self.date

    @property
    def changed(self) -> bool:
        """Something new is known on this date: a first record, a change or a withdrawal."""
        return self.set_here and self.kind in ("first", "changed", "withdrawn")


def timeline_dates(ds: Dataset, issue_id: str, as_of: dt.date | None) -> tuple[list[dt.date], int]:
    """The dates on which a stance on the issue takes effect, up to the as-of date, and the
    as-of date itself; with how many later dates the as-of date hides."""
    on_issue = sorted({r.as_of for r in ds.stances if r.issue_id == issue_id})
    until = as_of if as_of is not None else ds.latest_date
    if until is None:
        return [], 0
    shown = [d for d in on_issue if d <= until]
    hidden = sum(1 for d in on_issue if d > until)
    if not shown or shown[-1] != until:
        shown.append(until)
    return shown, hidden


# The table shows at most this many dates (the latest up to the as-of date) and this many actors:
# a cell costs the same to build whether or not it is on screen, and ten thousand dates on one
# issue, or five thousand actors, are more than any screen shows.
MAX_DATES = 40
MAX_ROWS = 120


def latest_dates(dates: list[dt.date], limit: int = MAX_DATES) -> tuple[list[dt.date], int]:
    """The last ``limit`` dates, and how many earlier ones that leaves out."""
    if len(dates) <= limit:
        return dates, 0
    return dates[-limit:], len(dates) - limit


def timeline_actors(ds: Dataset, issue_id: str, limit: int = MAX_ROWS) -> tuple[list[str], int]:
    """The actors the table has a row for, catalogue order, and how many more it leaves out:
    every actor while they fit, else the first ``limit`` with a stance on the issue."""
    actors = list(ds.actors)
    if len(actors) <= limit:
        return actors, 0
    on_issue = {actor for actor, issue in ds.history_keys() if issue == issue_id}
    stated = [actor for actor in actors if actor in on_issue]
    return stated[:limit], len(stated) - min(len(stated), limit)


def steps(
    ds: Dataset,
    issue_id: str,
    actor_id: str,
    dates: list[dt.date],
    before: StanceRecord | None = None,
) -> list[Step]:
    """The actor's step at each date; ``before``: the stance in force before the first date (the
    timeline may start after earlier dates it leaves out)."""
    result = []
    previous: StanceRecord | None = before
    kinds = {e.date: e.kind for e in stance_events(ds.history(actor_id, issue_id))}
    for date in dates:
        record = ds.stance_at(actor_id, issue_id, date)
        kind = kinds.get(date) if record is not None and record.as_of == date else None
        result.append(Step(actor_id, date, record, previous, kind))
        previous = record
    return result


def value_text(record: StanceRecord | None) -> str:
    """ "+1 if", "-2", "withdrawn", "" (no record)."""
    if record is None:
        return ""
    if record.stance is None:
        return "withdrawn" if not record.conditions else f"{stances.CONDITIONAL_MARK} only"
    value = stances.number(record.stance)
    return f"{value} {stances.CONDITIONAL_MARK}" if record.is_conditional else value


def step_cell(step: Step) -> Text:
    """ "★ ▲ +1" first recorded, "● ▲ +1 if" changed, "○ ▲ +1" restated, "─── +1" carried over."""
    record = step.record
    if record is None:
        return Text(f"  {stances.ABSENT_GLYPH}", style="dim", end="")
    text = Text(end="")
    if step.set_here:
        text.append(EVENT_MARKS.get(step.kind or "", " "), style="bold")
        text.append(" ")
        glyph = stances.glyph(record.stance, is_inferred(record))
        text.append(f" {glyph} ", style=badge_style(record.stance))
        text.append(f" {value_text(record)}", style="bold" if step.changed else "")
        return text
    text.append(f"{CARRIED} {value_text(record)}", style="dim")
    return text


def legend() -> Text:
    return Text.assemble(
        (FIRST, "bold"),
        " first recorded  ",
        (CHANGED, "bold"),
        " changed  ",
        (WITHDRAWN, "bold"),
        " withdrawn  ",
        (RESTATED, "bold"),
        " stated again  ",
        (CARRIED, "dim"),
        " carried over  ",
        (stances.ABSENT_GLYPH, "dim"),
        " no stated position",
        end="",
    )


# -- the stance chart: who stands where, date by date -------------------------------------------

SCALE_ROWS: tuple[int | None, ...] = (2, 1, 0, -1, -2, None)
MAX_TAGS_IN_CELL = 4
COLUMN_GAP = 2


def _chart_cell(entries: list[tuple[str, bool, bool]]) -> Text:
    """ "●KJU if LJM": the actors at one point on one date; ● where one moved there that day."""
    if not entries:
        return Text("·", style="dim", end="")
    shown = entries if len(entries) <= MAX_TAGS_IN_CELL else entries[: MAX_TAGS_IN_CELL - 1]
    text = Text(end="")
    for n, (tag, moved, conditional) in enumerate(shown):
        if n:
            text.append(" ")
        if moved:
            text.append(CHANGED, style="bold")
        text.append(tag, style="bold" if moved else "")
        if conditional:
            text.append(f" {stances.CONDITIONAL_MARK}", style="italic")
    if len(shown) < len(entries):
        text.append(f" +{len(entries) - len(shown)}", style="dim")
    return text


def stance_chart(
    row_steps: dict[str, list[Step]], tags: dict[str, str], width: int
) -> tuple[Text, int]:
    """The scale down the side, the dates across, each actor's tag at its stance on each date:
    who moved, and who ends up beside whom, read at a glance and without colour.

    Returns the chart and how many earlier dates it leaves out to fit ``width`` (the latest
    dates are the ones kept)."""
    dates = [step.date for step in next(iter(row_steps.values()), [])]
    if not dates:
        return Text("", end=""), 0
    columns: list[list[Text]] = []
    for index in range(len(dates)):
        at: dict[int | None, list[tuple[str, bool, bool]]] = {value: [] for value in SCALE_ROWS}
        for actor_id, steps_of_actor in row_steps.items():
            record = steps_of_actor[index].record
            stance = record.stance if record is not None else None
            conditional = record is not None and record.is_conditional
            at[stance].append((tags[actor_id], steps_of_actor[index].changed, conditional))
        columns.append([_chart_cell(at[value]) for value in SCALE_ROWS])
    heads = [
        Text.assemble(
            (f" {stances.glyph(v)} ", badge_style(v)),
            f" {stances.number(v):>2} {stances.word(v)}"
            if v is not None
            else f" {stances.word(v)}",
            end="",
        )
        for v in SCALE_ROWS
    ]
    head_width = max(h.cell_len for h in heads) + COLUMN_GAP
    widths = [
        max(len(date.isoformat()), *(cell.cell_len for cell in cells)) + COLUMN_GAP
        for date, cells in zip(dates, columns)
    ]
    # The latest dates that fit; at least the last one.
    first = len(dates) - 1
    while first > 0 and head_width + sum(widths[first - 1 :]) <= width:
        first -= 1
    lines = [Text(" " * head_width, end="")]
    for date, column_width in zip(dates[first:], widths[first:]):
        lines[0].append(date.isoformat().ljust(column_width), style="bold")
    for row, head in enumerate(heads):
        line = head + Text(" " * (head_width - head.cell_len), end="")
        for cells, column_width in zip(columns[first:], widths[first:]):
            cell = cells[row]
            line.append_text(cell)
            line.append(" " * (column_width - cell.cell_len))
        lines.append(line)
    note = Text.assemble(
        (CHANGED, "bold"),
        " moved there that day  ",
        (stances.CONDITIONAL_MARK, "italic"),
        " conditional",
        end="",
    )
    lines.append(note)
    for line in lines:
        line.rstrip()
    return Text("\n", end="").join(lines), first
