"""The table of steps: the actors' names, then as many whole date columns as the pane holds.

The table never scrolls sideways, which would leave a column cut at the pane's edge ("08-25",
"1 if"). It shows a window of whole columns instead (``fit_window``), says which dates lie
outside it, and moves the window a date at a time when the cursor is pushed past its first or
last column.
"""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

NAME_COLUMNS = 1  # the actors' names, before the dates
NAME_KEY = "actor"
CELL_PADDING = 1  # DataTable's, each side of a cell
EARLIER = "◀"
LATER = "▶"


def fit_window(
    widths: list[int],
    room: int,
    anchor: tuple[Literal["start", "end"], int] | None = None,
    keep: int | None = None,
) -> tuple[int, int]:
    """The dates ``[start, end)`` whose columns, ``widths`` each (padding included), fit
    ``room`` together; always one at least.

    Without ``anchor``: the latest dates, unless that leaves out ``keep`` (the date a reader
    starts on), when the window starts there and runs as late as fits. With ``("start", i)``:
    from date ``i`` on; with ``("end", i)``: up to date ``i`` (a window the reader has moved);
    either filled out the other way when the dates run out."""
    count = len(widths)
    if not count:
        return 0, 0

    def fits(first: int, last: int) -> bool:
        return sum(widths[first:last]) <= room

    def grow(first: int, last: int, later_first: bool) -> tuple[int, int]:
        for later in (later_first, not later_first):
            if later:
                while last < count and fits(first, last + 1):
                    last += 1
            else:
                while first > 0 and fits(first - 1, last):
                    first -= 1
        return first, last

    if anchor is not None:
        side, index = anchor
        index = max(0, min(index, count - 1))
        return grow(index, index + 1, later_first=side == "start")
    start, end = grow(count - 1, count, later_first=False)
    if keep is not None and keep < start:
        start, end = grow(keep, keep + 1, later_first=True)
    return start, end


def window_hint(before: int, after: int) -> Text:
    """ "◀ 3 earlier dates: ←" and "2 later dates: → ▶", for the dates outside the window."""
    parts = []
    if before:
        parts.append(f"{EARLIER} {before} earlier date{'s' * (before != 1)}: ←")
    if after:
        parts.append(f"{after} later date{'s' * (after != 1)}: → {LATER}")
    return Text("   ".join(parts), style="dim", end="")


class StepTable(DataTable):
    """The steps: the actors' names in a first column that stays in place, then one column a
    date. The cursor moves over the dates only; pushed past the first or last date shown while
    there are more, it asks the view to move the window (``PastEdge``).

    The names are a column, not DataTable row labels: a label's width is measured once the table
    is idle, from a cache that a frame drawn before that (which timing decides) fills without the
    labels, so after a refill the names were sometimes measured as nothing and left out.

    Whenever its size or its columns' widths change, the table scrolls its cursor into view as
    seen from its left edge, so that where it lands is a function of the final layout alone:
    scrolling only as far as needed from wherever an earlier, still settling layout had left it
    made the first picture differ from run to run."""

    BINDINGS = [Binding("enter", "select_cursor", "Read evidence", show=True)]

    class PastEdge(Message):
        """The cursor was pushed past the first (``step`` -1) or last (+1) date shown."""

        def __init__(self, table: StepTable, step: int) -> None:
            super().__init__()
            self.table = table
            self.step = step

        @property
        def control(self) -> StepTable:
            return self.table

    # Dates outside the window, before and after it (set by the view with the columns).
    dates_before = 0
    dates_after = 0

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        row, column = super().validate_cursor_coordinate(value)
        return Coordinate(row, max(column, min(NAME_COLUMNS, len(self.columns) - 1)))

    @property
    def date_keys(self) -> list[str]:
        """The dates of the columns, oldest first (the names' column left out)."""
        return [str(key.value) for key in self.columns][NAME_COLUMNS:]

    def action_cursor_left(self) -> None:
        if self.cursor_column <= NAME_COLUMNS and self.dates_before:
            self.post_message(self.PastEdge(self, -1))
            return
        super().action_cursor_left()

    def action_cursor_right(self) -> None:
        if self.cursor_column >= len(self.columns) - 1 and self.dates_after:
            self.post_message(self.PastEdge(self, +1))
            return
        super().action_cursor_right()

    def show_cursor_from_left(self) -> None:
        if not self.row_count or not self.columns:
            return
        self.scroll_to(x=0, animate=False, immediate=True)
        self.move_cursor(scroll=True)

    def watch_virtual_size(self) -> None:
        # Set once the columns have their widths (on idle, after rows or columns were added).
        self.show_cursor_from_left()

    def on_resize(self) -> None:
        self.show_cursor_from_left()
