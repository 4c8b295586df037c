"""The means to check that a view never holds the screen while it works on a huge tree.

A view that works out something that grows with the data does it in a worker thread, through a
module-level function it looks up when it starts the work. A test swaps that function for a
``Gate`` (``hold_work``), which makes the work wait in its thread until the test opens it; then
``key_is_handled_while_the_work_waits`` presses a key and checks that it is handled, and that the
event loop goes round, while the work still waits. That cannot happen if the work runs on the
loop, so the check needs no clock.

A view joins the test with a ``ViewCase`` in ``test_never_waits.py``: where its work is looked up,
how to show it, and what it must have built once the work is done (bounded by what a screen
shows, whatever the size of the data).
"""

from __future__ import annotations

import asyncio
import gc
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.app.app import PeninsulaApp
from tui.app.widgets.base import PeninsulaView

from tests.app.helpers import until

# Time the gated work may wait before it runs anyway, so that a regression (the work back on the
# event loop, which then waits for a gate only the loop can open) fails instead of hanging.
GATE_LIMIT = 30


class Gate:
    """Wraps a view's work so that it runs only once the test opens the gate, and records the
    threads it ran on."""

    def __init__(self, work: Callable[..., Any]) -> None:
        self.work = work
        self.opened = threading.Event()
        self.threads: list[threading.Thread] = []
        self.collecting: list[bool] = []  # whether the cyclic collector ran, at each run

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread())
        self.collecting.append(gc.isenabled())
        self.opened.wait(timeout=GATE_LIMIT)
        return self.work(*args, **kwargs)

    def close(self) -> None:
        """Hold the next run too (a step back, a new date)."""
        self.opened.clear()
        self.threads.clear()
        self.collecting.clear()


def hold_work(monkeypatch: pytest.MonkeyPatch, module: ModuleType, name: str) -> Gate:
    """Replace ``module.name``, the work a view runs in its worker, with a closed gate."""
    gate = Gate(getattr(module, name))
    monkeypatch.setattr(module, name, gate)
    return gate


@dataclass(frozen=True)
class ViewCase:
    """One view in the test: ``module.work`` is what its worker runs; ``show`` brings the view
    on screen (the default: ``app.show_view(view_id)``); ``check`` asserts what it built once
    the work is done; ``working`` says whether the view is still waiting for its work."""

    view_id: str
    view_class: type[PeninsulaView]
    module: ModuleType
    work: str
    check: Callable[[PeninsulaApp, Any], None]
    show: Callable[[PeninsulaApp], None] | None = None
    working: Callable[[Any], bool] = field(default=lambda view: bool(view.working))
    # Whether the work must run with the cyclic collector paused: a full pass over what it makes
    # holds the interpreter, and so the screen, however far off the loop it runs.
    collector_paused: bool = False

    def __str__(self) -> str:
        return self.view_id


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def key_is_handled_while_the_work_waits(
    app: PeninsulaApp,
    pilot: Pilot,
    gate: Gate,
    working: Callable[[], bool],
) -> None:
    """With the work held at ``gate``: a key is handled and the loop goes round; then the gate
    opens and the view finishes."""
    await until(pilot, lambda: bool(gate.threads))
    assert working(), "the view did not say it was working"
    rounds = 0

    async def go_round() -> None:
        nonlocal rounds
        while True:
            rounds += 1
            await asyncio.sleep(0)

    counter = asyncio.create_task(go_round())
    await pilot.press("S")  # slide mode: a binding of the app, answered by the event loop
    await pilot.pause()
    counter.cancel()
    assert app.slide, "the key was not handled while the view's work was held"
    # The loop went round while the work waited at its gate, in a thread of its own.
    assert rounds > 10 and not gate.opened.is_set() and working()
    assert all(thread is not threading.main_thread() for thread in gate.threads)
    await pilot.press("S")
    assert not app.slide
    gate.opened.set()
    await until(pilot, lambda: not working())
    await pilot.pause()


async def open_without_waiting(app: PeninsulaApp, pilot: Pilot, case: ViewCase, gate: Gate) -> Any:
    """Show the case's view with its work held, check that the screen answers meanwhile, and
    return the view once its work is done and checked."""
    if case.show is not None:
        case.show(app)
    else:
        app.show_view(case.view_id)
    view = app.query_one(case.view_class)
    await key_is_handled_while_the_work_waits(app, pilot, gate, lambda: case.working(view))
    if case.collector_paused:
        assert gate.collecting and not any(gate.collecting), "the work ran with the collector on"
    case.check(app, view)
    return view
