"""The top line: what the panel shows (view, subject, as-of, sources) and how many problems."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render import palette
from tui.app.render.caption import Caption
from tui.core.dataset import Dataset


def problems_label(ds: Dataset) -> Content:
    errors, warnings = len(ds.errors), len(ds.warnings)
    if not errors and not warnings:
        return Content.styled("✓ no problems", palette.GOOD)
    parts = []
    if errors:
        parts.append(Content.styled(f"✗ {errors} error{'s' * (errors != 1)}", palette.BAD))
    if warnings:
        parts.append(Content.styled(f"! {warnings} warning{'s' * (warnings != 1)}", "bold"))
    return Content(" ").join(parts)


class CaptionLine(Widget):
    """The caption on one line at any width: a narrow header says the sources shorter rather
    than wrap (a wrapped header pushes every view down a line, on some views and not others)."""

    DEFAULT_CSS = "CaptionLine { height: 1; }"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._caption: Caption | Content = Content.styled("Peninsula", "bold")
        self._slide = False

    def show(self, caption: Caption | Content, slide: bool = False) -> None:
        self._caption = caption
        self._slide = slide
        self.refresh()

    @property
    def plain(self) -> str:
        """What the line says in full (a screenshot's title says the same)."""
        return self._caption.plain

    def render(self) -> Content:
        width = self.content_region.width
        if isinstance(self._caption, Caption):
            if self._slide:
                # A slide says its date and sources on lines of their own (see the app).
                return self._caption.title.truncate(width, ellipsis=True)
            return self._caption.fit(width)
        return self._caption.truncate(width, ellipsis=True)


class PanelHeader(Horizontal):
    DEFAULT_CSS = """
    PanelHeader {
        height: 1;
        background: $panel;
        padding: 0 1;
        #panel-caption { width: 1fr; }
        #panel-problems { width: auto; padding-left: 2; }
    }
    """

    def compose(self) -> ComposeResult:
        yield CaptionLine(id="panel-caption")
        yield Static("", id="panel-problems")

    def show_loading(self) -> None:
        self.query_one(CaptionLine).show(
            Content.styled("Peninsula", "bold") + Content(" · loading the data…")
        )

    def show_caption(self, caption: Caption | Content, slide: bool = False) -> None:
        self.query_one(CaptionLine).show(caption, slide)

    def show_problems(self, ds: Dataset) -> None:
        self.query_one("#panel-problems", Static).update(problems_label(ds))
