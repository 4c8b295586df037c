"""Driving the dashboard in tests: building it, waiting for data, reading what is on screen."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from tui.app.app import PeninsulaApp, create_app
from tui.app.views import VIEW_IDS
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.document import Document

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]

# Waiting is by polling a condition, never by asserting a duration; this only bounds a hang.
MAX_POLLS = 600


def make_app(data_dir: Path = FIRST_ARTICLE, **options) -> PeninsulaApp:
    options.setdefault("watch", False)
    options.setdefault("blink", False)
    return create_app(data_dir, **options)


def copy_data(target: Path) -> Path:
    """The first article's positions/ and seeds/ copied into ``target``, for tests that edit."""
    target.mkdir(parents=True, exist_ok=True)
    for part in ("positions", "seeds"):
        shutil.copytree(FIRST_ARTICLE / part, target / part)
    return target


async def until(
    pilot: Pilot, condition: Callable[[], bool], step: float = 0.05, polls: int = MAX_POLLS
) -> None:
    for _ in range(polls):
        if condition():
            return
        await pilot.pause(step)
    raise AssertionError("the app never reached the expected state")


async def ready(pilot: Pilot) -> None:
    """The first dataset is on screen."""
    app = pilot.app
    assert isinstance(app, PeninsulaApp)
    await until(pilot, app.loaded.is_set)
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


async def show(pilot: Pilot, view_id: str) -> None:
    """Switch the running app to a view, as its number key does, and wait until it is drawn."""
    app = pilot.app
    assert isinstance(app, PeninsulaApp)
    await until(pilot, lambda: len(app.query(PeninsulaView)) == len(VIEW_IDS))
    app.show_view(view_id)

    def drawn() -> bool:
        view = app.active_view
        return app.tabs.active == view_id and view is not None and view.is_shown

    await until(pilot, drawn)
    await pilot.pause()
    await pilot.pause()


async def reloaded(pilot: Pilot, count: int) -> None:
    app = pilot.app
    assert isinstance(app, PeninsulaApp)
    await until(pilot, lambda: app.load_count >= count)
    await pilot.pause()
    await pilot.pause()


def screen_text(app: PeninsulaApp) -> str:
    """Every character on screen, as the terminal would show it (styles dropped)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
        safe_box=False,
    )
    # Textual has no public way to the composed screen but as an SVG; its compositor renders
    # the same frame the terminal gets.
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def widget_text(widget: Widget) -> str:
    """The plain text of every Static and Document inside ``widget`` (scrolled out of view or
    not)."""
    parts = []
    texts = [widget] if isinstance(widget, (Static, Document)) else []
    texts += list(widget.query("Static, Document"))
    for item in texts:
        if isinstance(item, Document):
            parts.append(item.plain_text())
        else:
            parts.append(item.visual.plain if hasattr(item.visual, "plain") else str(item.content))
    return "\n".join(parts)


def squash(text: str) -> str:
    """Runs of whitespace as one space (badges are padded; lines wrap)."""
    return " ".join(text.split())


def flat(text: str) -> str:
    """Whitespace removed, so that a check does not depend on where a line wrapped."""
    return "".join(text.split())
