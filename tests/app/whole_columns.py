"""What a table cuts: a column shown in part at either edge of the table's visible width.

A table wider than its screen may scroll, with a visible scrollbar; what it may not do is leave
a column half in view, which cuts whatever the column holds, dates and numbers too ("08-25" of
"2025-08-25", "1 if" of "+1 if") where the word check cannot tell a cut from a whole word.
Columns fixed at the left (the names) never scroll, so only the columns after them are looked at.
"""

from __future__ import annotations

from textual.app import App
from textual.widgets import DataTable


def cut_columns(app: App) -> list[str]:
    """Every column of a shown table that is only partly in view, as "table: column"."""
    cut = []
    for table in app.screen.query(DataTable):
        if not table.display or not table.is_on_screen or not table.columns:
            continue
        columns = table.ordered_columns
        fixed = sum(c.get_render_width(table) for c in columns[: table.fixed_columns])
        left = int(table.scroll_x) + fixed
        right = int(table.scroll_x) + table.scrollable_content_region.width
        x = fixed
        for column in columns[table.fixed_columns :]:
            start, x = x, x + column.get_render_width(table)
            # The padding either side may fall outside; the column's content may not.
            first, end = start + table.cell_padding, x - table.cell_padding
            if first < left < end or first < right < end:
                name = table.id or type(table).__name__
                cut.append(f"{name}: {column.label.plain or column.key.value} at {first}..{end}")
    return cut
