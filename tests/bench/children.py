"""What the benchmark measures inside fresh interpreters: one task per child, one JSON line out.

Every figure is a list of (wall, CPU) seconds pairs, one per run; the parent takes medians.
"""

from __future__ import annotations

import asyncio
import gc
import json
import resource
import shutil
import sys
import time
from functools import partial
from pathlib import Path

from tests.bench.harness import MatrixWalk, press, settle, type_text, wait_until_loaded

SIZE = (160, 45)
MOVES = 9
# Typed into the quotes filter one key at a time; words that the generated quotes use.
FILTER_TEXT = "arsenal talks"
FILTER_BASELINE_ITEMS = 50_000
SCREENFUL = 15
# The views in the order they are opened; the app starts on the problems view, which the
# generated tree leaves empty, so that every other view's first open is measured.
OPENED = ("matrix", "gaps", "quotes", "issue", "actor", "source", "timeline")
EDITED_ACTOR = "positions/gen-actor-001.yaml"


def _timed(work) -> tuple[tuple[float, float], object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return (time.perf_counter() - wall, time.process_time() - cpu), result


# -- load ----------------------------------------------------------------------------------------


def plain_parse(root: Path) -> list:
    """libyaml's CSafeLoader over every YAML document of the tree, and every seed's text: the
    floor of any loader. The documents and texts are returned, so that memory can be taken."""
    import yaml

    kept = []
    for path in sorted((root / "positions").glob("*.yaml")):
        kept.append(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
    for path in sorted((root / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split("---\n", 2)
        kept.append((yaml.load(front, Loader=yaml.CSafeLoader), body))
    return kept


def _gc_matched(work):
    """Run ``work`` with the cyclic collector as the loader runs: paused for the duration."""

    def run():
        gc.disable()
        try:
            return work()
        finally:
            gc.enable()

    return run


def child_load(root: Path, runs: int, scratch: Path) -> dict:
    """Interleaved, run by run: libyaml, a cold load, a warm start, a reload of one edited file.

    The edits go to a copy of the tree in ``scratch``; the generated tree is never touched.
    """
    from tui.core.cache import WarmStart
    from tui.core.loader import load_tree

    copy = scratch / "tree"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(root, copy)
    edited = copy / EDITED_ACTOR
    cache_dir = scratch / "cache"
    figures: dict[str, list] = {"libyaml": [], "cold": [], "warm": [], "reload": []}
    summary: dict = {}
    for run in range(runs):
        shutil.rmtree(cache_dir, ignore_errors=True)
        gc.collect()
        timing, _ = _timed(_gc_matched(lambda: plain_parse(copy)))
        figures["libyaml"].append(timing)
        # A cold start: no cache.
        gc.collect()
        timing, dataset = _timed(lambda: load_tree(copy))
        figures["cold"].append(timing)
        summary = dataset.summary()
        del dataset
        # A first start writes the cache; the next start (nothing changed) is the warm one.
        first = WarmStart(copy, cache_dir)
        first.load(load_tree)
        first.save()
        del first
        gc.collect()
        warm = WarmStart(copy, cache_dir)
        timing, _ = _timed(partial(warm.load, load_tree))
        figures["warm"].append(timing)
        assert warm.restored, "the warm start did not restore the cache"
        # An editor saves one actor file; the app, holding the tree, reloads.
        _save_in_editor(edited, run)
        gc.collect()
        timing, _ = _timed(partial(warm.load, load_tree))
        figures["reload"].append(timing)
        assert warm.reread == [EDITED_ACTOR], warm.reread
        del warm
    return {**figures, "summary": summary}


def _save_in_editor(path: Path, run: int) -> None:
    """Write the file anew with one more line, as an editor saves it (a new file, renamed)."""
    text = path.read_text(encoding="utf-8")
    fresh = path.with_name(path.name + ".swp")
    fresh.write_text(text + f"# edited {run}\n", encoding="utf-8")
    fresh.replace(path)


def child_prime(root: Path) -> dict:
    """A start that writes the cache (the environment says where), as the app's first would."""
    from tui.core.cache import WarmStart
    from tui.core.loader import load_tree

    start = WarmStart(root)
    start.load(load_tree)
    start.save()
    return {"restored": start.restored}


def child_load_once(root: Path) -> dict:
    """One load from exec to exit: what the first data frame of a cold start cannot beat."""
    from tui.core.loader import load_tree

    return load_tree(root).summary()


# -- views, moves and keys -----------------------------------------------------------------------


async def _views(root: Path) -> dict:
    from textual.widgets import Input, TabbedContent

    from tui.app.app import create_app
    from tui.app.views import VIEW_IDS
    from tui.app.widgets.matrix.table import MatrixTable
    from tui.app.widgets.shared.stance_detail import StanceDetail

    app = create_app(root, view="problems", watch=False, blink=False)
    opened: dict[str, tuple[float, float]] = {}
    moves: list[tuple[float, float]] = []
    async with app.run_test(size=SIZE):
        await wait_until_loaded(app)
        tabs = app.query_one("#views", TabbedContent)
        for view_id in OPENED:
            key = str(VIEW_IDS.index(view_id) + 1)

            def shown(view_id=view_id) -> bool:
                view = app.active_view
                return tabs.active == view_id and view is not None and view.is_shown

            opened[view_id] = await press(app, key, shown)
            if view_id == "matrix":
                moves = await _cursor_moves(app, MatrixTable, StanceDetail)
        await press(app, str(VIEW_IDS.index("quotes") + 1), lambda: tabs.active == "quotes")
        text_input = app.query_one("#quotes-filter", Input)
        text_input.focus()
        await settle(app)
        keys = await type_text(app, text_input, FILTER_TEXT)
    return {"open": opened, "move": moves, "key": keys}


async def _cursor_moves(app, table_class, detail_class) -> list[tuple[float, float]]:
    table = app.query_one(table_class)
    detail = app.query_one("#matrix-detail", detail_class)
    table.focus()
    await settle(app)
    ds = app.dataset

    def detail_shows_new_cell(before):
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

    walk, moves = MatrixWalk(), []
    for _ in range(MOVES):
        key = walk.next_key(table)
        moves.append(await press(app, key, detail_shows_new_cell(table.cursor_coordinate)))
    return moves


def _minimal_filter_app():
    """The floor of a filter key: an input filtering a list of two-line items, nothing else."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input, OptionList

    words = "the delegation said talks on the arsenal would resume after the drills".split()
    items = [
        f"{' '.join(words[i % 7 :] + words[: i % 7])} ({i})\nspeaker {i % 60} · issue {i % 40}"
        for i in range(FILTER_BASELINE_ITEMS)
    ]

    class FilterList(App):
        def compose(self) -> ComposeResult:
            yield Input(id="filter")
            yield OptionList()

        def on_mount(self) -> None:
            self.refill("")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.refill(event.value)

        def refill(self, text: str) -> None:
            option_list = self.query_one(OptionList)
            option_list.clear_options()
            option_list.add_options([item for item in items if text in item][:SCREENFUL])

    return FilterList()


async def _filter_baseline() -> dict:
    from textual.widgets import Input

    app = _minimal_filter_app()
    async with app.run_test(size=SIZE):
        await settle(app)
        text_input = app.query_one(Input)
        text_input.focus()
        await settle(app)
        keys = await type_text(app, text_input, FILTER_TEXT)
    return {"key": keys}


# -- memory --------------------------------------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_memory(root: Path) -> dict:
    """Peak resident memory of the app once the tree is loaded and on screen."""
    from tui.app.app import create_app

    app = create_app(root, watch=False)

    async def run(pilot) -> None:
        await wait_until_loaded(app)
        app.exit()

    app.run(headless=True, size=SIZE, auto_pilot=run)
    return {"peak_mb": _peak_mb()}


def child_memory_baseline(root: Path) -> dict:
    """Peak resident memory of the plainly parsed YAML and the seeds' texts, all kept."""
    kept = plain_parse(root)
    peak = _peak_mb()
    del kept
    return {"peak_mb": peak}


TASKS = {
    "load": lambda rest: child_load(Path(rest[0]), int(rest[1]), Path(rest[2])),
    "load-once": lambda rest: child_load_once(Path(rest[0])),
    "prime": lambda rest: child_prime(Path(rest[0])),
    "views": lambda rest: asyncio.run(_views(Path(rest[0]))),
    "filter-baseline": lambda rest: asyncio.run(_filter_baseline()),
    "memory": lambda rest: child_memory(Path(rest[0])),
    "memory-baseline": lambda rest: child_memory_baseline(Path(rest[0])),
}


def main(argv: list[str]) -> int:
    task, *rest = argv
    print(json.dumps(TASKS[task](rest)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
