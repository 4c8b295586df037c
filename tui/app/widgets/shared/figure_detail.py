"""The detail pane beside (wide) or below (narrow) a view's figures: the Gaps and Timeline views
fill it with the stances and evidence of whatever their cursor is on.

The detail is a ``Document``: its blocks are data, drawn a line at a time as the screen reaches
them, so that showing a figure mounts no widget (a figure over many stances was some thirty
Statics, each styled and laid out before the first frame) and costs what the screen shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.app.widgets.document import LAID_OUT_WHOLE, Block, Document, block


class FigureDetail(Document):
    """The stances and evidence of the selected figure; keeps its place when the same figure is
    shown again (a reload, a date step that leaves it standing)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._shown: str | None = None

    def show_figure(self, key: str | None, blocks: Sequence[Block]) -> None:
        line = self.scroll_y
        same = key is not None and key == self._shown
        self._shown = key
        self.show(blocks or [block("detail-empty", "Nothing selected.")])
        if self._sized and len(self.blocks) <= LAID_OUT_WHOLE:
            # Laid out now, as the first frame would lay it out whole anyway: its height, and
            # so the scroll bar, are then known before that frame rather than found during it.
            self.lay_out_all()
        if same:
            self.scroll_to_line(line)
