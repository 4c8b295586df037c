"""The key to the matrix: every scale point with its badge and word, wrapped between entries;
before them, when the columns are headed by tags, each tag with the name it stands for."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from tui.app.render.safe import safe
from tui.app.render.stance import legend_entries
from tui.core.freshness import DEFAULT_STALE_DAYS

# Lines the tags' names take at most when the columns are a window of a longer catalogue.
NAMES_ROWS = 3


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
        parts = [fill(scale, width)]
        if self._names:
            # A window of a long catalogue names its tags in a few lines, not the detail's room.
            rows = NAMES_ROWS if self._note else None
            parts.insert(0, fill(list(self._names), width, max_rows=rows))
        if self._note:
            parts.insert(0, Content(self._note))
        return Content("\n").join(parts)


def fill(entries: list[Content], width: int, gap: int = 2, max_rows: int | None = None) -> Content:
    """Entries side by side, a new line where the next would pass ``width``; one too long for a
    line wraps between its words. Past ``max_rows`` lines, the last says how many are left out."""
    rows: list[list[Content]] = [[]]
    used = 0
    for entry in entries:
        needed = entry.cell_length + (gap if rows[-1] else 0)
        if rows[-1] and used + needed > width:
            rows.append([])
            used, needed = 0, entry.cell_length
        rows[-1].append(entry)
        used += needed
    if max_rows is not None and len(rows) > max_rows:
        kept, last = rows[: max_rows - 1], rows[max_rows - 1]
        shown = sum(len(row) for row in kept) + len(last)
        while True:
            more = Content.styled(f"+{len(entries) - shown} more: the detail names each", "dim")
            width_used = sum(e.cell_length for e in last) + gap * len(last)
            if not last or width_used + more.cell_length <= width:
                break
            last.pop()
            shown -= 1
        rows = [*kept, [*last, more]]
    return Content("\n").join(Content(" " * gap).join(row) for row in rows)
