"""The key to the matrix: every scale point with its badge and word, wrapped between entries."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.app.render.stance import legend_entries


class Legend(Widget):
    DEFAULT_CSS = """
    Legend {
        height: auto;
    }
    """

    def render(self) -> Content:
        return self.lines(self.content_region.width or self.size.width or 80)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.lines(width).plain.split("\n"))

    @staticmethod
    def lines(width: int) -> Content:
        """Greedy fill: an entry never breaks across lines."""
        rows: list[list[Content]] = [[]]
        used = 0
        gap = 2
        for entry in legend_entries():
            needed = entry.cell_length + (gap if rows[-1] else 0)
            if rows[-1] and used + needed > width:
                rows.append([])
                used, needed = 0, entry.cell_length
            rows[-1].append(entry)
            used += needed
        return Content("\n").join(Content(" " * gap).join(row) for row in rows)
