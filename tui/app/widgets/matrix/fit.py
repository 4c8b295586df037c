"""How the matrix fits a screen: beside or above its detail, how much a cell says, names or tags.

The richest arrangement that fits wins, tried in this order:

1. beside the detail, each cell spelling out its word under the glyph and number;
2. beside the detail, glyph and number on one line;
3. above the detail, glyph and number, actors by their names;
4. above the detail, glyph and number, actors by their tags ("KJU"), named in the legend;
5. above the detail, the glyph alone (the legend and the detail give word and number), tags.

A name or an issue title wraps only between words, so a column is never narrower than its
longest word; if even the last arrangement does not fit, the table scrolls sideways (its
scrollbar shows it) rather than cut a word.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from tui.app.render.wrap import longest_word

CellStyle = Literal["worded", "numbered", "glyph"]
CELL_STYLES: tuple[CellStyle, ...] = ("worded", "numbered", "glyph")

# Content widths of a cell, padding excluded: " ▲▲ " badge, " +2", " if"; the word line
# " firmly against" under it when worded.
CELL_WIDTH: dict[CellStyle, int] = {"worded": 15, "numbered": 10, "glyph": 7}
ROW_HEIGHT: dict[CellStyle, int] = {"worded": 3, "numbered": 1, "glyph": 1}
SCROLLBAR = 2
# The detail beside the matrix needs room for a sentence, not a word a line.
DETAIL_MIN = 40
DETAIL_BORDER = 1
# Rows the side column keeps under the table, beside the detail: the legend and the start of the
# issue's scale wording. Worded cells that would push those off the screen are not worth it.
SIDE_ROWS_KEPT = 12
LABEL_PREFERRED = {True: 20, False: 40}
# Above its detail the table keeps at least this many rows, and on a taller screen grows to
# what leaves the detail DETAIL_ROWS_KEPT under it.
COMPACT_TABLE_ROWS = 12
DETAIL_ROWS_KEPT = 8


@dataclass(frozen=True)
class MatrixFit:
    beside: bool
    cells: CellStyle
    tags: bool
    padding: int
    column_width: int
    # Issue titles wrap to this width, between words (a longer word keeps its own line).
    label_width: int
    fits: bool

    @property
    def row_height(self) -> int:
        return ROW_HEIGHT[self.cells]


def fit_matrix(
    names: Sequence[str],
    tags: Sequence[str],
    titles: Sequence[str],
    width: int,
    height: int,
    widest: Mapping[CellStyle, int] | None = None,
) -> MatrixFit:
    """The first arrangement (see the module's notes) that fits ``width`` x ``height`` cells;
    ``widest``: per style, the widest cell with freshness marks, when wider than ``CELL_WIDTH``
    (a column keeps its marks rather than cut them)."""
    candidates: list[tuple[bool, CellStyle, bool]] = [
        (True, "worded", False),
        (True, "numbered", False),
        (False, "numbered", False),
        (False, "numbered", True),
        (False, "glyph", True),
    ]
    title_word = longest_word(list(titles))
    fit: MatrixFit | None = None
    for beside, cells, use_tags in candidates:
        fit = _try(
            beside,
            cells,
            use_tags,
            names,
            tags,
            title_word,
            len(titles),
            width,
            height,
            widest or {},
        )
        if fit.fits:
            return fit
    assert fit is not None
    return fit


def _try(
    beside: bool,
    cells: CellStyle,
    use_tags: bool,
    names: Sequence[str],
    tags: Sequence[str],
    title_word: int,
    rows: int,
    width: int,
    height: int,
    widest: Mapping[CellStyle, int],
) -> MatrixFit:
    padding = 0 if cells == "glyph" else 1
    headers = tags if use_tags else names
    cell_width = max(CELL_WIDTH[cells], widest.get(cells, 0))
    column = max([cell_width, longest_word(list(headers))])
    columns = len(names) * (column + 2 * padding)
    # Without cell padding the titles keep one column of margin from the screen's edge.
    room = width - SCROLLBAR - 2 * padding - columns - (1 - padding)
    if beside:
        room -= DETAIL_MIN + DETAIL_BORDER
    label = max(title_word, min(room, LABEL_PREFERRED[beside]))
    fits = room >= title_word
    if beside and cells == "worded":
        fits = fits and rows * ROW_HEIGHT[cells] + 2 + SIDE_ROWS_KEPT <= height
    return MatrixFit(beside, cells, use_tags, padding, column, label, fits)


def compact_table_rows(view_height: int, legend_rows: int) -> int:
    """The most rows the table takes above its legend and detail in a view ``view_height`` tall:
    the table grows with a tall screen and leaves the detail its rows."""
    return max(COMPACT_TABLE_ROWS, view_height - legend_rows - DETAIL_ROWS_KEPT - DETAIL_BORDER)


def actor_window(width: int) -> int:
    """The most actors a screen ``width`` wide can show at once (the narrowest columns), and two
    more so that the last one shown is never the last one drawn."""
    return max(2, width // CELL_WIDTH["glyph"] + 2)
