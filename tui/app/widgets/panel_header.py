"""The top line: what the panel shows (view, subject, as-of, sources) and how many problems."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from tui.app.render import palette
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


class PanelHeader(Horizontal):
    DEFAULT_CSS = """
    PanelHeader {
        height: auto;
        max-height: 3;
        background: $panel;
        padding: 0 1;
        #panel-caption { width: 1fr; }
        #panel-problems { width: auto; padding-left: 2; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(Content.styled("Peninsula", "bold"), id="panel-caption")
        yield Static("", id="panel-problems")

    def show_loading(self) -> None:
        self.query_one("#panel-caption", Static).update(
            Content.styled("Peninsula", "bold") + Content(" · loading the data…")
        )

    def show_caption(self, caption: Content) -> None:
        self.query_one("#panel-caption", Static).update(caption)

    def show_problems(self, ds: Dataset) -> None:
        self.query_one("#panel-problems", Static).update(problems_label(ds))
