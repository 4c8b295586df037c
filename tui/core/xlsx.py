"""A frame as an Excel workbook (.xlsx), with the same formula neutralising as the CSV export.

openpyxl stores any string that begins with "=" as a formula, so every text cell is first passed
through ``tui.core.cells.neutralise`` (a leading apostrophe before = + - @ and friends, as in CSV)
and then stored with the string type forced, so that no cell of the data can run in a spreadsheet.
Numbers stay numbers; missing values are empty cells. openpyxl is imported inside the function."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from tui.core.cells import neutralise, plain_value

if TYPE_CHECKING:
    import pandas as pd

SHEET_TITLE_LIMIT = 31  # Excel's own limit on a sheet's name
_WIDEST_COLUMN = 60


def to_xlsx(frame: pd.DataFrame, sheet: str = "peninsula") -> bytes:
    """The workbook's bytes: one sheet, a bold header row frozen at the top, columns sized."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    page = book.active
    page.title = sheet[:SHEET_TITLE_LIMIT]
    page.append([str(column) for column in frame.columns])
    for cell in page[1]:
        cell.font = Font(bold=True)
    widths = [len(str(column)) for column in frame.columns]
    for row in frame.itertuples(index=False, name=None):
        values = [plain_value(value) for value in row]
        page.append([value if not isinstance(value, str) else None for value in values])
        line = page.max_row
        for n, value in enumerate(values):
            if isinstance(value, str):
                cell = page.cell(row=line, column=n + 1)
                cell.value = neutralise(value)
                cell.data_type = TYPE_STRING
                widths[n] = max(widths[n], min(len(value), _WIDEST_COLUMN))
    for n, width in enumerate(widths):
        page.column_dimensions[get_column_letter(n + 1)].width = width + 2
    page.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
