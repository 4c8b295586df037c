"""How long a key waits while a view opens on a huge tree: the longest the event loop leaves a
callback waiting, from the key that opens the view until the view is built and drawn.

A heartbeat thread posts a callback to the loop (``call_soon_threadsafe``) and waits for it to
run before it posts the next, about every 5 ms; each callback records how long it waited. A key
from the terminal waits the same way, behind whatever the loop is doing, so the longest of these
waits is the longest a key would have waited. The trees are generated (fictional, labelled so) by
``tests.scale.crowd``: 5,000 actors, and 10,000 dated stances on one issue.

    python -m tests.bench.key_wait crowd|history DIR [--where]

prints one JSON line: per view, the longest wait and the longest pass of the cyclic collector in
that time, in any thread (a pass stops the loop as any long callback does, and says where a wait
comes from); and the longest wait of the idle app, the probe's own floor. The views open in turn
in one app, so the first (Gaps) also pays for whatever the app's first switch of views costs.
``--where`` also prints, per view, where the loop was while a callback waited: the project's
innermost frames of the stacks sampled then, most frequent first.
"""

from __future__ import annotations

import asyncio
import gc
import json
import re
import sys
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from tests.bench.harness import press, wait_until_loaded
from tests.bench.report import Figure

SIZE = (160, 45)
BEAT = 0.005  # s between a callback's run and the next post
IDLE = 1.0  # s of the idle app, for the probe's floor
TARGET_MS = 100.0
ACTORS = 5_000
DATES = 10_000
# The app starts on Problems, which these trees leave empty, so that every other view's first
# open is measured; Matrix last but one, as it is the app's usual first view elsewhere.
ON_THE_CROWD = ("gaps", "timeline", "issue", "actor", "source", "quotes", "matrix")
ON_THE_HISTORY = ("timeline",)


class Heartbeat:
    """A thread that keeps one callback waiting on the loop at a time and records the longest
    wait, and the longest pass of the cyclic collector, since the last ``restart``."""

    def __init__(self, loop: asyncio.AbstractEventLoop, sample: bool = False) -> None:
        self.loop = loop
        # Where the loop's thread is, every few ms while a callback waits past a few beats: to
        # find what holds the loop, not part of the figure.
        self.sample = sample
        self.samples: list[list[str]] = []
        self.longest = 0.0
        self.beats = 0
        self.longest_collection = 0.0
        self._collection_started: float | None = None
        self._answered = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
        self._loop_thread = threading.current_thread()

    def __enter__(self) -> Heartbeat:
        gc.callbacks.append(self._collection)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._answered.set()
        self._thread.join()
        gc.callbacks.remove(self._collection)

    def restart(self) -> None:
        self.longest, self.beats, self.longest_collection = 0.0, 0, 0.0

    def _run(self) -> None:
        while not self._stop.is_set():
            self._answered.clear()
            self.loop.call_soon_threadsafe(self._beat, time.perf_counter())
            if self.sample:
                self._sample_while_waiting()
            self._answered.wait()
            time.sleep(BEAT)

    def _sample_while_waiting(self) -> None:
        waited = 0
        while not self._answered.wait(BEAT):
            waited += 1
            if waited >= 4:
                frame = sys._current_frames().get(self._loop_thread.ident or 0)
                stack = traceback.format_stack(frame) if frame is not None else []
                self.samples.append(stack)

    def _beat(self, posted: float) -> None:
        self.longest = max(self.longest, time.perf_counter() - posted)
        self.beats += 1
        self._answered.set()

    def _collection(self, phase: str, info: dict) -> None:
        # In whichever thread: a pass holds the interpreter, so the loop waits for it too.
        if phase == "start":
            self._collection_started = time.perf_counter()
        elif self._collection_started is not None:
            took = time.perf_counter() - self._collection_started
            self.longest_collection = max(self.longest_collection, took)
            self._collection_started = None


def _done(app, view_id: str) -> Callable[[], bool]:
    def done() -> bool:
        view = app.active_view
        return (
            app.tabs.active == view_id
            and view is not None
            and view.is_shown
            and not getattr(view, "working", False)
        )

    return done


async def key_waits(root: Path, views: tuple[str, ...], where: bool = False) -> dict:
    from tui.app.app import create_app
    from tui.app.views import VIEW_IDS

    app = create_app(root, view="problems", watch=False, blink=False)
    waits: dict[str, float] = {}
    collections: dict[str, float] = {}
    beats: dict[str, int] = {}
    places: dict[str, list[tuple[str, int]]] = {}
    async with app.run_test(size=SIZE):
        await wait_until_loaded(app)
        with Heartbeat(asyncio.get_running_loop(), sample=where) as heartbeat:
            await asyncio.sleep(IDLE)
            idle = heartbeat.longest
            for view_id in views:
                heartbeat.restart()
                heartbeat.samples.clear()
                await press(app, str(VIEW_IDS.index(view_id) + 1), _done(app, view_id))
                waits[view_id] = heartbeat.longest
                collections[view_id] = heartbeat.longest_collection
                beats[view_id] = heartbeat.beats
                places[view_id] = _places(heartbeat.samples)
    found = {"wait": waits, "collection": collections, "beats": beats, "idle": idle}
    return {**found, "where": places} if where else found


def _places(samples: list[list[str]], depth: int = 3) -> list[tuple[str, int]]:
    """Each sampled stack as its innermost frame and the innermost ``depth`` frames of the
    project's own code (``tui/``), counted."""
    counted: Counter[str] = Counter()
    for stack in samples:
        frames = [_frame(entry) for entry in stack]
        ours = [frame for frame in frames if frame.startswith("tui/")][-depth:]
        shown = frames[-1:] + [frame for frame in reversed(ours) if frame != frames[-1]]
        counted[" < ".join(shown)] += 1
    return counted.most_common(8)


def _frame(entry: str) -> str:
    """'tui/core/dataset.py:208 _history' from a formatted stack entry."""
    match = re.match(r'\s*File "(.+)", line (\w+), in (.+)', entry)
    if match is None:
        return entry.strip()
    path, line, function = match.groups()
    path = re.sub(r".*/(site-packages|lib/python3\.\d+)/", "", path)
    path = re.sub(r".*/(?=tui/|tests/)", "", path)
    return f"{path}:{line} {function}"


def write_tree(kind: str, root: Path) -> Path:
    from tests.scale.crowd import write_crowd_tree, write_long_history_tree

    if kind == "crowd":
        return write_crowd_tree(root, actors=ACTORS)
    return write_long_history_tree(root, dates=DATES)


TREES = {
    "crowd": (f"{ACTORS:,} actors", ON_THE_CROWD),
    "history": (f"{DATES:,} dated stances on one issue", ON_THE_HISTORY),
}


def figures(kind: str, runs: list[dict]) -> list[Figure]:
    """A row per view: the median over the runs of the longest wait, against the idle app."""
    described, views = TREES[kind]
    idle = _median([run["idle"] for run in runs])
    return [
        Figure(
            f"longest wait of a key (wall) while {view_id} opens, {described}",
            (_median([run["wait"][view_id] for run in runs]) * 1000, None),
            (idle * 1000, None),
            "the same probe on the idle app",
            limit=TARGET_MS,
            unit="ms",
        )
        for view_id in views
    ]


def collections(kind: str, runs: list[dict]) -> str:
    """The longest collector pass while each view opened, in any thread, for the record."""
    _, views = TREES[kind]
    return ", ".join(
        f"{view_id} {_median([run['collection'][view_id] for run in runs]) * 1000:.0f} ms"
        for view_id in views
    )


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def main(argv: list[str]) -> int:
    kind, folder, *options = argv
    root = Path(folder)
    if not root.exists():
        write_tree(kind, root)
    found = asyncio.run(key_waits(root, TREES[kind][1], where="--where" in options))
    for view_id, places in found.pop("where", {}).items():
        print(f"{view_id}: {found['wait'][view_id] * 1000:.0f} ms", file=sys.stderr)
        for place, count in places:
            print(f"  {count:3d}  {place}", file=sys.stderr)
    print(json.dumps(found), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
