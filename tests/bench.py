"""The benchmark: `make bench`, or `python -m tests.bench`.

Every figure is a median over several runs and is printed beside a baseline measured in the same
run, so the ratios hold from one machine to another. Start-up and memory are measured in fresh
processes, so imports are cold; the rest runs inside one process per tree.

The large tree is generated (fictional, labelled so) by ``tests.scale.generate`` into a cache
directory, and reused while the generator is unchanged.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SIZE = (160, 45)
# A figure's baseline is measured between its own runs, so slow drift hits both sides alike.
RUNS_LOAD = 3
RUNS_PAINT = 9
RUNS_MEMORY = 3
MOVES = 15
KEYSTROKES = 12
# Typed into the quotes filter one key at a time; words that the large tree's quotes use.
FILTER_TEXT = "arsenal talks"
FILTER_BASELINE_ITEMS = 2_000
SCREENFUL = 15


# -- children: each measures one thing in a fresh interpreter and prints one JSON line ---------


def _yaml_baseline(root: Path) -> int:
    """Bare libyaml safe-loading of every YAML document of the tree: the floor of any loader."""
    import yaml

    loader = yaml.CSafeLoader
    documents = 0
    for path in sorted((root / "positions").glob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
        documents += 1
    for path in sorted((root / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        front = text.split("---\n", 2)[1]
        yaml.load(front, Loader=loader)
        documents += 1
    return documents


def child_load(root: Path, runs: int) -> dict:
    """Alternate the loader and the bare libyaml baseline on the same files."""
    from tui.core.loader import load_tree

    loads, baselines = [], []
    summary: dict = {}
    for _ in range(runs):
        start = time.perf_counter()
        _yaml_baseline(root)
        baselines.append(time.perf_counter() - start)
        start = time.perf_counter()
        dataset = load_tree(root)
        loads.append(time.perf_counter() - start)
        summary = dataset.summary()
        del dataset
    return {"load": loads, "baseline": baselines, "summary": summary}


def _minimal_app():
    """The baseline of start-up: the least a Textual app does to paint one table."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class OneTable(App):
        def compose(self) -> ComposeResult:
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("issue", "actor one", "actor two", "actor three", "actor four")
            for row in range(8):
                table.add_row(f"issue {row}", "▲ for +1", "▼ against -1", "· neutral 0", "— absent")

    return OneTable()


def _minimal_filter_app():
    """The baseline of typing: an input that filters a list of two-line items, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    words = "the delegation said talks on the arsenal would resume after the drills".split()
    items = [
        f"{' '.join(words[i % 7 :] + words[: i % 7])} ({i})\nspeaker {i % 60} · issue {i % 40}"
        for i in range(FILTER_BASELINE_ITEMS)
    ]

    class FilterList(App):
        def compose(self) -> ComposeResult:
            yield Input(id="quotes-filter")
            yield OptionList(id="quotes-list")

        def on_mount(self) -> None:
            self.refill("")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.refill(event.value)

        def refill(self, text: str) -> None:
            option_list = self.query_one(OptionList)
            option_list.clear_options()
            # A screenful, as the quotes view lists at first.
            option_list.add_options([item for item in items if text in item][:SCREENFUL])

    return FilterList()


async def _typing_baseline() -> dict:
    from textual.widgets import Input

    app = _minimal_filter_app()
    keystrokes: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE):
        await settle(app)
        text_input = app.query_one(Input)
        text_input.focus()
        await settle(app)
        await _type(app, text_input, keystrokes)
    return {
        "type_wall": [wall * 1000 for wall, _ in keystrokes],
        "type_cpu": [cpu * 1000 for _, cpu in keystrokes],
    }


async def _type(app, text_input, keystrokes: list[tuple[float, float]]) -> None:
    typed = ""
    for character in FILTER_TEXT[:KEYSTROKES]:
        typed += character
        key = "space" if character == " " else character
        keystrokes.append(
            await press(app, key, lambda: text_input.value == typed, character)
        )


def _peninsula_app(root: Path, **options):
    from tui.app.app import create_app

    return create_app(root, **options)


def child_paint(which: str, root: Path | None) -> None:
    """Start an app headless; say PAINTED on stdout as soon as its first frame is drawn."""
    app = _minimal_app() if which == "baseline" else _peninsula_app(root)  # type: ignore[arg-type]
    on_first_frame(app, lambda: print("PAINTED", _cpu_seconds(), flush=True))
    app.run(headless=True, size=SIZE)
    # Don't wait for a loading thread to finish: the figure is taken, the process may go.
    os._exit(0)


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def on_first_frame(app, callback: Callable[[], None]) -> None:
    """Call ``callback`` once the app's first frame is drawn, then end the process.

    The hook sits where Textual hands a frame to the terminal. Headless, Textual would skip
    turning the frame into terminal output, so that is done here, as a terminal run would.
    Waiting with ``call_after_refresh`` instead would also wait for whatever the app itself
    queued to run after that refresh.
    """
    display = app._display

    def first_display(screen, renderable) -> None:
        display(screen, renderable)
        if renderable is None or app._batch_count:
            return
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(app.console)
        callback()
        os._exit(0)

    app._display = first_display


def child_memory(root: Path) -> dict:
    """Peak resident memory of the app once the tree is loaded and on screen."""
    app = _peninsula_app(root)

    async def run(pilot) -> None:
        await wait_until_loaded(app, pilot)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=run)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_mb": peak_kb / 1024}


async def wait_until_loaded(app, pilot=None, timeout: float = 600.0) -> None:
    """Until the data has loaded and the screen shows it; an app that crashes ends the wait."""
    loaded = asyncio.ensure_future(app.loaded.wait())
    crashed = asyncio.ensure_future(app._exception_event.wait())
    done, pending = await asyncio.wait({loaded, crashed}, timeout=timeout, return_when="FIRST_COMPLETED")
    for task in pending:
        task.cancel()
    if loaded not in done:
        raise RuntimeError(f"the app did not load: {app._exception or 'timed out'}")
    await settle(app)


def _idle(app) -> bool:
    """No message waiting in any queue and no background work but the file watcher."""
    if any(not w.is_finished and w.group != "watch" for w in app.workers):
        return False
    return not any(node._message_queue.qsize() for node in app.screen.walk_children(with_self=True)) and (
        not app._message_queue.qsize()
    )


async def settle(app, shown: Callable[[], bool] = lambda: True, timeout: float = 60.0) -> None:
    """Until ``shown()`` holds, nothing is left to handle, and the screen has been drawn since.

    It waits from one screen refresh to the next (Textual runs an after-refresh callback once
    the screen is drawn, or at once when nothing is left to draw) rather than in the test
    pilot's way, whose idle sleeps (20 ms and more) would swamp a 16 ms figure, or by polling,
    which would add work of its own to the figure.
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
    """(wall, CPU) seconds from a key press until ``shown()`` holds and the screen is drawn.

    CPU time is the work the key caused: on a shared machine it is steadier than wall time,
    which also holds the wait for the next 60 Hz frame and for other processes.
    """
    from textual import events

    wall, cpu = time.perf_counter(), time.process_time()
    app.post_message(events.Key(key, character))
    await settle(app, shown)
    return time.perf_counter() - wall, time.process_time() - cpu


class _Walk:
    """A walk over the matrix: two steps along a column for each step along a row, bouncing off
    the edges, so that every move lands on a new cell."""

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


async def _interactions(root: Path) -> dict:
    from textual.widgets import Input

    from tui.app.widgets.detail.stance_detail import StanceDetail
    from tui.app.widgets.matrix.table import MatrixTable

    app = _peninsula_app(root, watch=False, blink=False)
    moves: list[tuple[float, float]] = []
    keystrokes: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE):
        await wait_until_loaded(app)
        table = app.query_one(MatrixTable)
        detail = app.query_one("#matrix-detail", StanceDetail)
        table.focus()
        await settle(app)
        ds = app.dataset
        def detail_shows_new_cell(before) -> Callable[[], bool]:
            def shown() -> bool:
                if table.cursor_coordinate == before:
                    return False
                issue_id, actor_id = table.key_at_cursor()
                subject = detail._subject
                if subject is None or subject[2:] != (issue_id, actor_id):
                    return False
                record = ds.stance_at(actor_id, issue_id, app.as_of)
                return len(detail.query(".evidence")) == (len(record.evidence) if record else 0)

            return shown

        walk = _Walk()
        for _ in range(MOVES):
            key = walk.next_key(table)
            moves.append(await press(app, key, detail_shows_new_cell(table.cursor_coordinate)))

        app.show_view("quotes")
        await settle(app)
        text_input = app.query_one("#quotes-filter", Input)
        text_input.focus()
        await settle(app)
        await _type(app, text_input, keystrokes)
    return {
        "move_wall": [wall * 1000 for wall, _ in moves],
        "move_cpu": [cpu * 1000 for _, cpu in moves],
        "type_wall": [wall * 1000 for wall, _ in keystrokes],
        "type_cpu": [cpu * 1000 for _, cpu in keystrokes],
    }


def child_interact(root: Path) -> dict:
    return asyncio.run(_interactions(root))


# -- the parent: runs the children, takes medians, prints ratios ---------------------------------


def _python() -> list[str]:
    return [sys.executable, "-m", "tests.bench", "--child"]


def _child_environment() -> dict[str, str]:
    """Children start as an installed app would: from compiled bytecode, not from source.

    Where the environment forbids writing bytecode, the project's modules would be compiled
    afresh at every start while the libraries' come precompiled, which says nothing about the
    app. The bytecode goes to a cache directory of its own, never into the source tree.
    """
    from tests.scale.generate import default_cache_dir

    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(default_cache_dir() / "bytecode")
    return environment


CHILD_ENVIRONMENT: dict[str, str] | None = None


def _run_child(*args: str, timeout: float = 300) -> dict:
    result = subprocess.run(
        [*_python(), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env=CHILD_ENVIRONMENT,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench child {args} failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def _time_to_paint(which: str, root: Path | None) -> tuple[float, float]:
    """(wall, CPU) seconds from launching a fresh interpreter until the app's first frame."""
    args = [*_python(), "paint", which] + ([str(root)] if root else [])
    start = time.perf_counter()
    with subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=CHILD_ENVIRONMENT
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("PAINTED"):
                elapsed = time.perf_counter() - start
                cpu = float(line.split()[1])
                break
        else:
            raise RuntimeError(f"{which} never painted:\n{process.stderr.read()[-4000:]}")
        process.wait(timeout=60)
    return elapsed, cpu


@dataclass
class Figure:
    name: str
    value: float
    baseline: float
    unit: str
    target: float | None  # the most the ratio may be; None when the figure has no ratio target
    baseline_name: str
    absolute_target: float | None = None  # for figures judged on their value (ms)

    @property
    def ratio(self) -> float:
        return self.value / self.baseline if self.baseline else float("inf")

    def verdict(self) -> str:
        if self.absolute_target is not None:
            return "met" if self.value <= self.absolute_target else "NOT MET"
        if self.target is None:
            return ""
        return "met" if self.ratio <= self.target else "NOT MET"

    def row(self) -> str:
        if self.absolute_target is not None:
            target = f"≤ {self.absolute_target:g} {self.unit}"
        else:
            target = f"≤ {self.target:g}x" if self.target is not None else "-"
        return (
            f"{self.name:<52} {_fmt(self.value, self.unit):>10} {_fmt(self.baseline, self.unit):>10}"
            f" {self.ratio:>6.2f}x  {target:<10} {self.verdict():<8} {self.baseline_name}"
        )


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.0f} ms" if value < 10 else f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.1f} ms"
    return f"{value:.0f} {unit}"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import textual

    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()}, Python {platform.python_version()}, "
        f"Textual {textual.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--scale", default="large", help="generated tree size (tiny, small, large)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default: per figure)")
    args = parser.parse_args(argv)
    if args.child:
        return _child(args.child)

    from tests.scale.generate import SCALES, cached_tree
    from tui.core.paths import bundled_data_dir

    global CHILD_ENVIRONMENT
    CHILD_ENVIRONMENT = _child_environment()
    started = time.perf_counter()
    bundled = bundled_data_dir()
    print(f"machine: {_machine()}", flush=True)
    scale = SCALES[args.scale]
    large = cached_tree(args.scale)
    print(
        f"large tree (generated, fictional): {scale.actors} actors, {scale.issues} issues, "
        f"{scale.seeds:,} seeds, {scale.evidence:,} evidence items "
        f"(ready after {time.perf_counter() - started:.1f} s)",
        flush=True,
    )
    figures: list[Figure] = []
    print(_header(), flush=True)

    # 1. load + validate + verify, against bare libyaml.
    load = _run_child("load", str(large), str(args.runs or RUNS_LOAD), timeout=900)
    print(f"  loaded: {load['summary']}", flush=True)
    figures.append(
        Figure(
            "load + validate + verify (large tree)",
            statistics.median(load["load"]),
            statistics.median(load["baseline"]),
            "s",
            1.5,
            "libyaml safe_load of the same files",
        )
    )
    _show(figures[-1])

    # 2 and 3. time to first paint, in fresh processes, interleaved, after one untimed start of
    # each, which writes the bytecode and warms the file cache.
    for which, root in (("baseline", None), ("app", bundled), ("app", large)):
        _time_to_paint(which, root)
    paint: dict[str, list[tuple[float, float]]] = {"baseline": [], "bundled": [], "large": []}
    for _ in range(args.runs or RUNS_PAINT):
        paint["baseline"].append(_time_to_paint("baseline", None))
        paint["bundled"].append(_time_to_paint("app", bundled))
        paint["large"].append(_time_to_paint("app", large))
    medians = {key: statistics.median(wall for wall, _ in runs) for key, runs in paint.items()}
    cpu = {key: statistics.median(c for _, c in runs) for key, runs in paint.items()}
    figures.append(
        Figure(
            "first paint (bundled data)",
            medians["bundled"],
            medians["baseline"],
            "s",
            1.5,
            "a minimal Textual app with one table",
        )
    )
    _show(figures[-1])
    figures.append(
        Figure("first paint (large tree)", medians["large"], medians["bundled"], "s", 2.0, "bundled data")
    )
    _show(figures[-1])
    # CPU time of the process up to its first frame: steadier than wall time on a busy machine.
    figures.append(
        Figure("first paint (bundled data, CPU)", cpu["bundled"], cpu["baseline"], "s", None, "a minimal Textual app with one table")
    )
    _show(figures[-1])

    # 4 and 5. interactions, inside one process per tree. The figure is the work a key causes
    # (CPU time); wall time also holds the wait for the next frame and for other processes.
    small_ui = _run_child("interact", str(bundled))
    large_ui = _run_child("interact", str(large), timeout=900)
    # The bundled data fills a third of the screen; this tree fills it, as the large one does,
    # so the ratio against it shows what the size of the data alone costs.
    filled_ui = _run_child("interact", str(cached_tree("small")))
    typing_ui = _run_child("type-baseline")
    median = statistics.median
    rows = [
        ("cursor move until its quotes show (large, CPU)", large_ui, "move_cpu", small_ui, 1.2, None, "bundled data"),
        ("cursor move until its quotes show (large, wall)", large_ui, "move_wall", small_ui, None, None, "bundled data"),
        ("cursor move until its quotes show (large, CPU)", large_ui, "move_cpu", filled_ui, None, None, "small generated tree, screen as full"),
        ("one key in the quotes filter (large, CPU)", large_ui, "type_cpu", typing_ui, None, 16.0, "a minimal Textual input filtering a list"),
        ("one key in the quotes filter (large, wall)", large_ui, "type_wall", typing_ui, None, None, "a minimal Textual input filtering a list"),
        ("one key in the quotes filter (bundled, CPU)", small_ui, "type_cpu", typing_ui, None, 16.0, "a minimal Textual input filtering a list"),
    ]
    for name, measured, key, base, target, absolute, base_name in rows:
        figures.append(
            Figure(name, median(measured[key]), median(base[key]), "ms", target, base_name, absolute)
        )
        _show(figures[-1])

    # 6. peak memory.
    memory = {"bundled": [], "large": []}
    for _ in range(args.runs or RUNS_MEMORY):
        memory["bundled"].append(_run_child("memory", str(bundled))["peak_mb"])
        memory["large"].append(_run_child("memory", str(large), timeout=900)["peak_mb"])
    figures.append(
        Figure(
            "peak memory (large tree)",
            statistics.median(memory["large"]),
            statistics.median(memory["bundled"]),
            "MB",
            None,
            "bundled data",
        )
    )
    _show(figures[-1])

    print()
    print(_table(figures))
    print(f"\nbenchmark took {time.perf_counter() - started:.0f} s")
    return 0


def _header() -> str:
    return (
        f"{'figure':<52} {'value':>10} {'baseline':>10} {'ratio':>7}  {'target':<10} {'verdict':<8} baseline"
    )


def _show(figure: Figure) -> None:
    print(figure.row(), flush=True)


def _table(figures: list[Figure]) -> str:
    return "\n".join([_header(), *(figure.row() for figure in figures)])


def _child(argv: list[str]) -> int:
    task, *rest = argv
    if task == "paint":
        child_paint(rest[0], Path(rest[1]) if len(rest) > 1 else None)
        return 0
    if task == "load":
        result = child_load(Path(rest[0]), int(rest[1]))
    elif task == "memory":
        result = child_memory(Path(rest[0]))
    elif task == "interact":
        result = child_interact(Path(rest[0]))
    elif task == "type-baseline":
        result = asyncio.run(_typing_baseline())
    else:
        raise SystemExit(f"unknown bench task {task!r}")
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
