"""The key to the matrix: every scale point with its badge and word, wrapped between entries;
before them, when the columns are headed by tags, each tag with the name it stands for."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from tui.app.render.safe import safe
from tui.app.render.stance import legend_entries
from tui.core.freshness import DEFAULT_STALE_DAYS


class Legend(Widget):
    DEFAULT_CSS = """
    Legend {
        height: auto;
    }
    """

    _names: tuple[Content, ...] = ()
    _note = ""

    def show_names(self, names: Sequence[tuple[str, str]], note: str = "") -> None:
        """(tag, name) for each actor the columns name by a tag; empty when they use names.
        ``note``: a line before them (which actors of how many the columns show)."""
        entries = tuple(
            Content.assemble(Content.styled(tag, "bold"), " ", safe(name)) for tag, name in names
        )
        if entries != self._names or note != self._note:
            self._names, self._note = entries, note
            self.refresh(layout=True)

    def rows(self, width: int) -> int:
        """The lines the legend takes at ``width``."""
        return self.get_content_height(None, None, width)

    def render(self) -> Content:
        return self.lines(self.content_region.width or self.size.width or 80)

    def get_content_height(self, container, viewport, width: int) -> int:
        # An entry wider than the panel wraps onto more lines: count them, or the last entries
        # would fall below the widget's edge.
        rows = self.lines(width).plain.split("\n")
        return sum(max(1, -(-len(row) // max(width, 1))) for row in rows)

    def lines(self, width: int) -> Content:
        """Greedy fill: an entry never breaks across lines; the names, then the scale."""
        scale = legend_entries(getattr(self.app, "stale_days", DEFAULT_STALE_DAYS))
        groups = [list(self._names), scale] if self._names else [scale]
        if self._note:
            groups.insert(0, [Content(self._note)])
        return Content("\n").join(fill(group, width) for group in groups)


def fill(entries: list[Content], width: int, gap: int = 2) -> Content:
    """Entries side by side, a new line where the next would pass ``width``; one too long for a
    line wraps between its words."""
    rows: list[list[Content]] = [[]]
    used = 0
    for entry in entries:
        needed = entry.cell_length + (gap if rows[-1] else 0)
        if rows[-1] and used + needed > width:
            rows.append([])
            used, needed = 0, entry.cell_length
        rows[-1].append(entry)
        used += needed
    return Content("\n").join(Content(" " * gap).join(row) for row in rows)
