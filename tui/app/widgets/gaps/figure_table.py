"""The widgets the Gaps view lists its figures in: tables sized by us, so that a resize never
leaves them cut, and option lists."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, OptionList


class FigureTable(DataTable):
    """A DataTable of figures: the cursor picks one, enter reads its evidence.

    Every column gets its width from us, never measured: DataTable measures new rows only once
    it is next idle, and a frame drawn before that (a resize refills the tables) keeps the
    header's width for the rest of the table, cutting every title to "Denuc". For the same
    reason names go in a first column of ours rather than in row labels; a cell cursor never
    stands on it.
    """

    DEFAULT_CLASSES = "gaps-figure"
    DEFAULT_CSS = """
    FigureTable > .datatable--fixed, FigureTable > .datatable--fixed-cursor {
        background: $panel;
        color: $foreground;
    }
    """

    BINDINGS = [Binding("enter", "select_cursor", "Read evidence", show=True)]

    def validate_cursor_coordinate(self, value: Coordinate) -> Coordinate:
        value = super().validate_cursor_coordinate(value)
        if self.cursor_type == "cell" and self.fixed_columns and value.column < self.fixed_columns:
            if len(self.columns) > self.fixed_columns:
                return value._replace(column=self.fixed_columns)
        return value

    def add_sized_column(self, label: Text, key: str, texts: list[Text] | int) -> None:
        """A column as wide as the widest of its label and ``texts`` (or ``texts`` cells)."""
        widest = texts if isinstance(texts, int) else max((cell_width(t) for t in texts), default=0)
        self.add_column(label, key=key, width=max(cell_width(label), widest))


def cell_width(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


class FigureList(OptionList):
    DEFAULT_CLASSES = "gaps-figure"
    BINDINGS = [Binding("enter", "select", "Read evidence", show=True)]
