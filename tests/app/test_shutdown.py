"""Quitting while work is in flight: what arrives after the app began shutting down is dropped."""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path

import pytest
from textual.screen import Screen

import tui.app.app
import tui.core.loader
from tui.app.app import PeninsulaApp
from tui.app.messages import CaptionChanged
from tui.app.widgets.base import PeninsulaView

from tests.app.helpers import copy_data, ready, until

# Bounds a hang only (seconds); the test waits on events and states, never on a duration.
HANG = 60


class LateCaptionScreen(Screen):
    """The default screen, except that as it goes (every view, the tabs and the header already
    removed) the view that was shown announces a caption change: the latest moment a message
    posted before the quit could reach the app."""

    def __init__(self, on_gone) -> None:
        super().__init__(id="_default")
        self._on_gone = on_gone

    def on_unmount(self) -> None:
        self._on_gone()


class QuittingApp(PeninsulaApp):
    # A relative CSS path is read beside the class that sets it: point it back at the app's.
    CSS_PATH = Path(tui.app.app.__file__).with_name(PeninsulaApp.CSS_PATH)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.shown_view: PeninsulaView | None = None
        self.late_caption_posted = False
        self.release_reload = threading.Event()

    def get_default_screen(self) -> Screen:
        return LateCaptionScreen(self._screen_gone)

    def _screen_gone(self) -> None:
        assert self.shown_view is not None
        self.late_caption_posted = self.post_message(CaptionChanged(self.shown_view))
        # The reload in flight finishes now, while the app is being taken down.
        self.release_reload.set()


async def test_quitting_while_a_reload_and_a_caption_change_are_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data = copy_data(tmp_path / "data")
    app = QuittingApp(data, watch=False, blink=False)
    real_load = tui.core.loader.load_tree
    reload_started = threading.Event()
    reload_loaded = threading.Event()

    def stalled_load(path: Path):
        if app.load_count == 0:
            return real_load(path)
        reload_started.set()
        assert app.release_reload.wait(HANG)
        try:
            return real_load(path)
        finally:
            reload_loaded.set()

    monkeypatch.setattr(tui.core.loader, "load_tree", stalled_load)

    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.shown_view = app.active_view
        app.action_reload()
        await until(pilot, reload_started.is_set)
        # Leaving the block quits the app: the reload is still loading, and the caption change
        # arrives once the screen is gone.

    assert app.late_caption_posted, "the caption change reached the app during shutdown"
    # The load paused the cyclic collector; the dataset it made is never shown, and the
    # collector runs again all the same. Waited for on the event loop: the loading thread hands
    # its dataset over through it.
    for _ in range(HANG * 100):
        if reload_loaded.is_set() and gc.isenabled():
            break
        await asyncio.sleep(0.01)
    assert reload_loaded.is_set()
    assert gc.isenabled()
