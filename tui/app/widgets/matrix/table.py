"""The matrix itself: issues as rows, actors as columns, a stance in each cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from tui.app.render.stance import cell
from tui.app.render.wrap import wrap_lines, wrapped
from tui.app.widgets.matrix.fit import SCROLLBAR, MatrixFit
from tui.core.basis import is_inferred
from tui.core.dataset import Dataset

if TYPE_CHECKING:
    from tui.core.records import Actor

# The issue titles are a fixed first column of a width we set, not DataTable's row labels:
# those are measured once the table is next idle, and a frame drawn in between (after a resize
# refills the table) keeps a label width of nothing, cutting the titles.
TITLE_COLUMN = "issue-title"


class MatrixTable(DataTable):
    """A DataTable keyed by issue id (rows) and actor id (columns), issue titles first."""

    DEFAULT_CSS = """
    MatrixTable > .datatable--fixed, MatrixTable > .datatable--fixed-cursor {
        background: $panel;
        color: $foreground;
        text-style: bold;
    }
    """

    BINDINGS = [
        Binding("enter", "select_cursor", "Read detail", show=True),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(
            cursor_type="cell",
            # The badge keeps its own colours under the cursor; the rest of the cell takes the
            # cursor's, so the selection shows around the badge.
            cursor_foreground_priority="renderable",
            cursor_background_priority="renderable",
            cell_padding=1,
            fixed_columns=1,
            **kwargs,
        )

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        # A click on a title, or a table just refilled, lands on the first actor's cell.
        value = super().validate_cursor_coordinate(value)
        if value.column == 0 and len(self.columns) > 1:
            return value._replace(column=1)
        return value

    def fill(
        self,
        ds: Dataset,
        as_of: dt.date | None,
        fit: MatrixFit,
        tags: Mapping[str, str],
        cursor: tuple[str | None, str | None],
        marks: Mapping[tuple[str, str], str],
        actors: Sequence[Actor],
        more: tuple[bool, bool] = (False, False),
    ) -> int:
        """Rebuild every row and column; put the cursor back on the same issue and actor.
        ``marks``: each (actor id, issue id) cell's freshness marks, if it has any. ``actors``:
        the columns drawn, a window of the catalogue when it is longer than a screen shows;
        ``more``: whether actors lie before and after it (a move past the edge asks for them).

        Returns the table's width with its padding and a vertical scrollbar's room, which
        DataTable itself works out only once it is next idle."""
        picture = ds.as_of(as_of)
        self.more_left, self.more_right = more
        issues = list(ds.issues.values())
        if fit.tags:
            headers = [wrapped(tags[actor.id], fit.column_width, "bold") for actor in actors]
        else:
            headers = [wrapped(actor.name, fit.column_width, "bold") for actor in actors]

        with self.prevent(DataTable.CellHighlighted):
            self.clear(columns=True)
            self.cell_padding = fit.padding
            self.zebra_stripes = fit.cells == "worded"
            self.header_height = max((lines for _, lines in headers), default=1)
            indent = 1 - fit.padding  # a margin from the screen's edge when cells have none
            titles = [wrapped(issue.title, fit.label_width, "bold", indent) for issue in issues]
            title_width = indent + max(
                (cell_len(line) for i in issues for line in wrap_lines(i.title, fit.label_width)),
                default=1,
            )
            self.add_column(Text(""), key=TITLE_COLUMN, width=title_width)
            for actor, (header, _) in zip(actors, headers):
                self.add_column(header, key=actor.id, width=fit.column_width)
            for issue, (title, lines) in zip(issues, titles):
                cells: list[Text] = [title]
                for actor in actors:
                    record = picture.get((actor.id, issue.id))
                    stance = record.stance if record else None
                    conditional = bool(record and record.is_conditional)
                    inferred = record is not None and is_inferred(record)
                    mark = marks.get((actor.id, issue.id), "")
                    cells.append(cell(stance, conditional, fit.cells, inferred, mark))
                height = max(lines, fit.row_height)
                self.add_row(*cells, key=issue.id, height=height)
            self.move_to(*cursor)
        padded = [title_width] + [fit.column_width] * len(actors)
        return sum(width + 2 * fit.padding for width in padded) + SCROLLBAR

    more_left = False
    more_right = False

    @dataclass
    class PastEdge(Message):
        """The cursor was moved past the first or last column drawn, with actors beyond it."""

        step: int  # -1: the actor before the first column; +1: the one after the last

    def action_cursor_right(self) -> None:
        if self.more_right and self.cursor_column == len(self.columns) - 1:
            self.post_message(self.PastEdge(1))
            return
        super().action_cursor_right()

    def action_cursor_left(self) -> None:
        if self.more_left and self.cursor_column <= 1:
            self.post_message(self.PastEdge(-1))
            return
        super().action_cursor_left()

    def move_to(self, issue_id: str | None, actor_id: str | None) -> None:
        """Place the cursor without announcing it (the caller already knows)."""
        try:
            row = self.get_row_index(issue_id) if issue_id else self.cursor_row
        except RowDoesNotExist:
            row = self.cursor_row
        try:
            column = self.get_column_index(actor_id) if actor_id else self.cursor_column
        except ColumnDoesNotExist:
            column = self.cursor_column
        target = Coordinate(row, column)
        if target != self.cursor_coordinate:
            with self.prevent(DataTable.CellHighlighted):
                self.move_cursor(row=row, column=column)

    def key_at_cursor(self) -> tuple[str | None, str | None]:
        if not self.row_count or len(self.columns) < 2:
            return None, None
        coordinate = self.cursor_coordinate
        cell_key = self.coordinate_to_cell_key(
            coordinate._replace(column=max(coordinate.column, 1))
        )
        return cell_key.row_key.value, cell_key.column_key.value
