"""The matrix itself: issues as rows, actors as columns, a stance in each cell."""

from __future__ import annotations

import datetime as dt
import textwrap

from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnDoesNotExist, RowDoesNotExist

from tui.app.render.safe import safe_text
from tui.app.render.stance import cell
from tui.core.basis import is_inferred
from tui.core.dataset import Dataset

# Wide layout: badge and number over the word, three lines an issue, zebra stripes between.
WIDE_ROW_HEIGHT = 3
WIDE_TEXT_WIDTH = 14
COMPACT_MIN_COLUMN = 8
CELL_PADDING = 1


def wrap_lines(text: str, width: int) -> list[str]:
    lines = textwrap.wrap(text, width=max(width, 1), break_on_hyphens=False, break_long_words=True)
    return lines or [""]


def wrapped(text: str, width: int, style: str = "") -> tuple[Text, int]:
    """A label wrapped by us, so that DataTable sizes the column to the wrapped width."""
    lines = wrap_lines(text, width)
    label = Text("\n", end="").join(safe_text(line, style) for line in lines)
    return label, len(lines)


class MatrixTable(DataTable):
    """A DataTable keyed by issue id (rows) and actor id (columns)."""

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
            cell_padding=CELL_PADDING,
            **kwargs,
        )

    _placement: tuple[Size, Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # ScrollView compares the compositor's virtual size with its own, which never match, so
        # any layout anywhere on screen (each cursor move changes the detail) would redraw the
        # table's scrollbars; skip when nothing about the table's place or size has changed.
        placement = (size, virtual_size, container_size, self.virtual_size)
        if placement == self._placement:
            return False
        self._placement = placement
        return super()._size_updated(size, virtual_size, container_size, layout)

    def fill(
        self,
        ds: Dataset,
        as_of: dt.date | None,
        wide: bool,
        width: int,
        cursor: tuple[str | None, str | None],
    ) -> None:
        """Rebuild every row and column; put the cursor back on the same issue and actor."""
        picture = ds.as_of(as_of)
        actors = list(ds.actors.values())
        issues = list(ds.issues.values())
        name_width = (
            WIDE_TEXT_WIDTH
            if wide
            else max(
                COMPACT_MIN_COLUMN,
                max((len(word) for a in actors for word in a.name.split()), default=0),
            )
        )
        headers = [wrapped(actor.name, name_width, "bold") for actor in actors]
        column_width = max(
            # Wide: room for the word line, indented one under the glyph.
            [COMPACT_MIN_COLUMN if not wide else WIDE_TEXT_WIDTH + 1]
            + [max(len(line) for line in wrap_lines(a.name, name_width)) for a in actors]
        )
        # What is left for the issue titles once every actor column has its room.
        label_width = width - len(actors) * (column_width + 2 * CELL_PADDING) - 2 * CELL_PADDING - 2
        label_width = max(12, min(label_width, WIDE_TEXT_WIDTH + 4 if wide else 40))

        with self.prevent(DataTable.CellHighlighted):
            self.clear(columns=True)
            self.zebra_stripes = wide
            self.header_height = max((lines for _, lines in headers), default=1)
            for actor, (header, _) in zip(actors, headers):
                self.add_column(header, key=actor.id, width=column_width)
            for issue in issues:
                title, lines = wrapped(issue.title, label_width, "bold")
                cells = []
                for actor in actors:
                    record = picture.get((actor.id, issue.id))
                    stance = record.stance if record else None
                    conditional = bool(record and record.is_conditional)
                    inferred = record is not None and is_inferred(record)
                    cells.append(cell(stance, conditional, wide, inferred))
                height = max(lines, WIDE_ROW_HEIGHT if wide else 1)
                self.add_row(*cells, key=issue.id, label=title, height=height)
            self.move_to(*cursor)

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
        if not self.row_count or not self.columns:
            return None, None
        cell_key = self.coordinate_to_cell_key(self.cursor_coordinate)
        return cell_key.row_key.value, cell_key.column_key.value
