"""The detail pane beside (wide) or below (narrow) a view's figures: the Gaps and Timeline views
fill it with the stances and evidence of whatever their cursor is on."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static


class FigureDetail(VerticalScroll, can_focus=True):
    """The stances and evidence of the selected figure; keeps its place when the same figure is
    shown again (a reload, a date step that leaves it standing)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown: str | None = None

    def show(self, key: str | None, widgets: list[Widget]) -> None:
        scroll_y = self.scroll_y
        same = key is not None and key == self._shown
        self._shown = key
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(widgets or [Static("Nothing selected.", classes="detail-empty")])
        if same:
            self.call_after_refresh(self.scroll_to, y=scroll_y, animate=False)
        else:
            self.scroll_home(animate=False)
