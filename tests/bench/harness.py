"""Waiting for a Textual app to have drawn what a key or a load caused, without polling."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


async def wait_until_loaded(app, timeout: float = 900.0) -> None:
    """Until the data has loaded and the screen shows it; an app that crashes ends the wait."""
    loaded = asyncio.ensure_future(app.loaded.wait())
    # Textual says that an app crashed only through private attributes (_exception_event and
    # _exception); without them a crash would read as a load that never ends.
    crashed = asyncio.ensure_future(app._exception_event.wait())
    done, pending = await asyncio.wait(
        {loaded, crashed}, timeout=timeout, return_when="FIRST_COMPLETED"
    )
    for task in pending:
        task.cancel()
    if loaded not in done:
        raise RuntimeError(f"the app did not load: {app._exception or 'timed out'}")
    await settle(app)


def _idle(app) -> bool:
    """No message waiting in any queue and no background work but the file watcher."""
    if any(not w.is_finished and w.group != "watch" for w in app.workers):
        return False
    # No public way to ask whether a message is waiting: the queues are private.
    return (
        not any(node._message_queue.qsize() for node in app.screen.walk_children(with_self=True))
        and not app._message_queue.qsize()
    )


async def settle(app, shown: Callable[[], bool] = lambda: True, timeout: float = 120.0) -> None:
    """Until ``shown()`` holds, nothing is left to handle, and the screen has been drawn since.

    It waits from one screen refresh to the next (Textual runs an after-refresh callback once
    the screen is drawn, or at once when nothing is left to draw) rather than in the test
    pilot's way, whose idle sleeps (20 ms and more) would swamp a 16 ms figure.
    """
    deadline = time.perf_counter() + timeout
    while True:
        refreshed = asyncio.Event()
        app.call_after_refresh(refreshed.set)
        try:
            await asyncio.wait_for(refreshed.wait(), max(0.0, deadline - time.perf_counter()))
        except TimeoutError:
            raise RuntimeError("the app never settled") from None
        if app._exception is not None:
            raise RuntimeError(f"the app crashed: {app._exception!r}")
        if shown() and _idle(app):
            return
        busy = [w for w in app.workers if not w.is_finished and w.group != "watch"]
        if busy:
            await app.workers.wait_for_complete(busy)


async def press(
    app, key: str, shown: Callable[[], bool], character: str | None = None
) -> tuple[float, float]:
    """(wall, CPU) seconds from a key press until ``shown()`` holds and the screen is drawn."""
    from textual import events

    wall, cpu = time.perf_counter(), time.process_time()
    app.post_message(events.Key(key, character))
    await settle(app, shown)
    return time.perf_counter() - wall, time.process_time() - cpu


async def type_text(app, text_input, text: str) -> list[tuple[float, float]]:
    """Type ``text`` one key at a time; (wall, CPU) per key until its effect is drawn."""
    typed, costs = "", []
    for character in text:
        typed += character
        key = "space" if character == " " else character
        costs.append(await press(app, key, lambda t=typed: text_input.value == t, character))
    return costs


class MatrixWalk:
    """Two steps along a column for each step along a row, bouncing off the edges, so that
    every move lands on a new cell."""

    def __init__(self) -> None:
        self.down = True
        self.right = True
        self.count = 0

    def next_key(self, table) -> str:
        row, column = table.cursor_coordinate
        self.count += 1
        if self.count % 3 == 0 and len(table.columns) > 1:
            if not 0 <= column + (1 if self.right else -1) < len(table.columns):
                self.right = not self.right
            return "right" if self.right else "left"
        if not 0 <= row + (1 if self.down else -1) < table.row_count:
            self.down = not self.down
        return "down" if self.down else "up"
