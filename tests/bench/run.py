"""The parent of the benchmark: runs the children, interleaved, and prints the table."""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import key_wait
from tests.bench.pty_frame import Shown, time_to_exit, time_to_texts
from tests.bench.report import Figure, medians, table

BARE_TABLE = Path(__file__).with_name("bare_table.py")
# An actor's name the matrix shows whole at the bench's size: the longer names wrap between
# words in their column header, so they never appear on one line.
BUNDLED_NAME = "Xi Jinping"
PLACEHOLDER = "loading the data"
VIEW_TARGET = 0.25  # s of CPU, the first open of any view
SIZE = (160, 45)


def _repeats() -> int:
    return int(os.environ.get("BENCH_REPEAT", "5"))


class Bench:
    def __init__(self, repeats: int, scratch: Path):
        self.repeats = repeats
        self.scratch = scratch
        self.empty_caches = 0
        self.environment = self._environment()

    def _environment(self) -> dict[str, str]:
        """Children start as an installed app would: from compiled bytecode (kept in a cache
        directory of its own), with a parse cache of their own, never the user's."""
        from tests.scale.generate import default_cache_dir

        environment = dict(os.environ)
        environment.pop("PYTHONDONTWRITEBYTECODE", None)
        environment["PYTHONPYCACHEPREFIX"] = str(default_cache_dir() / "bytecode")
        environment["XDG_CACHE_HOME"] = str(self.scratch / "cache-home")
        environment.setdefault("TERM", "xterm-256color")
        environment.pop("PENINSULA_CACHE", None)
        return environment

    def cold(self) -> dict[str, str]:
        return {**self.environment, "PENINSULA_CACHE": "off"}

    def empty_cache(self) -> dict[str, str]:
        """A first start: the cache on, and empty (it reads and hashes every file)."""
        self.empty_caches += 1
        folder = self.scratch / f"empty-cache-{self.empty_caches}"
        return {**self.environment, "PENINSULA_CACHE": str(folder)}

    def child(
        self,
        *args: str,
        environment: dict[str, str] | None = None,
        module: str = "tests.bench.children",
    ) -> dict:
        result = subprocess.run(
            [sys.executable, "-m", module, *args],
            capture_output=True,
            text=True,
            check=False,
            env=environment or self.cold(),
        )
        if result.returncode != 0:
            raise RuntimeError(f"bench child {args} failed:\n{result.stderr[-4000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])

    # -- start-up, from outside, in a pty ------------------------------------------------------

    def app_argv(self, root: Path) -> list[str]:
        entry = Path(sys.executable).with_name("peninsula")
        command = [str(entry)] if entry.exists() else [sys.executable, "-m", "tui.cli"]
        return [*command, "app", "--data", str(root)]

    def starts(self, trees: dict[str, Path]) -> dict[str, list[dict[str, Shown]]]:
        """Every kind of start, interleaved run by run, after one untimed start of each (which
        writes the bytecode, warms the file cache and writes the parse cache)."""
        kinds = {
            "bare": lambda: time_to_texts(
                [sys.executable, str(BARE_TABLE)], [BUNDLED_NAME], self.environment, SIZE
            ),
        }
        for label, root in trees.items():
            name = BUNDLED_NAME if label == "bundled" else first_actor_name(root)
            argv = self.app_argv(root)
            kinds[f"{label} warm"] = lambda argv=argv, name=name: time_to_texts(
                argv, [PLACEHOLDER, name], self.environment, SIZE
            )
            kinds[f"{label} cold"] = lambda argv=argv, name=name: time_to_texts(
                argv, [PLACEHOLDER, name], self.empty_cache(), SIZE
            )
            if label != "bundled":
                kinds[f"{label} load"] = lambda root=root: {
                    "load": time_to_exit(
                        [sys.executable, "-m", "tests.bench.children", "load-once", str(root)],
                        self.cold(),
                    )
                }
        for run in kinds.values():
            run()
        # The warm starts find the cache a first start writes (the timed runs are stopped at
        # their first data frame, before the app writes it).
        for root in trees.values():
            self.child("prime", str(root), environment=self.environment)
        runs: dict[str, list[dict[str, Shown]]] = {kind: [] for kind in kinds}
        for _ in range(self.repeats):
            for kind, run in kinds.items():
                runs[kind].append(run())
        return runs


def first_actor_name(root: Path) -> str:
    """The name of the tree's first actor, which the matrix shows in its first column."""
    first = sorted((root / "positions").glob("gen-actor-*.yaml"))[0]
    match = re.search(r"^name: (.+?)(?: \(generated\))?$", first.read_text(encoding="utf-8"), re.M)
    assert match, first
    return match.group(1)


def _shown(runs: list[dict[str, Shown]], text: str) -> tuple[float, float]:
    pairs = [(r[text].wall, r[text].cpu) for r in runs if text in r]
    return medians(pairs) if pairs else (float("nan"), float("nan"))


def _machine() -> str:
    cpu = platform.processor() or "unknown CPU"
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


def start_figures(runs, label: str, root: Path) -> list[Figure]:
    name = BUNDLED_NAME if label == "bundled" else first_actor_name(root)
    if label == "bundled":
        bare = _shown(runs["bare"], BUNDLED_NAME)
        base_name = "bare Textual app: DataTable, Header, Footer"
        return [
            Figure(
                "first data frame, bundled (warm start)",
                _shown(runs["bundled warm"], name),
                bare,
                base_name,
                1.5,
            ),
            Figure(
                "first data frame, bundled (first start, empty cache)",
                _shown(runs["bundled cold"], name),
                bare,
                base_name,
            ),
            Figure(
                "placeholder frame, bundled (if drawn)",
                _shown(runs["bundled warm"], PLACEHOLDER),
                bare,
                base_name,
            ),
        ]
    load = _shown(runs[f"{label} load"], "load")
    base_name = "a fresh process that only loads the tree (cold)"
    return [
        Figure(
            f"first data frame, {label} (first start, empty cache)",
            _shown(runs[f"{label} cold"], name),
            load,
            base_name,
            1.3,
        ),
        Figure(
            f"first data frame, {label} (warm start)",
            _shown(runs[f"{label} warm"], name),
            load,
            base_name,
        ),
    ]


def load_figures(result: dict, label: str) -> list[Figure]:
    libyaml = medians(result["libyaml"])
    base_name = "libyaml CSafeLoader of the same files, collector paused alike"
    return [
        Figure(
            f"load + validate + verify, {label} (cold)",
            medians(result["cold"]),
            libyaml,
            base_name,
            1.0,
        ),
        Figure(
            f"warm start load, {label} (nothing changed)",
            medians(result["warm"]),
            libyaml,
            base_name,
            0.3,
        ),
        Figure(
            f"reload after one file saved, {label}",
            medians(result["reload"]),
            medians(result["cold"]),
            "a full load of the same tree (the cold load above)",
            0.1,
        ),
    ]


def view_figures(views: list[dict], filters: list[dict], label: str) -> list[Figure]:
    moves = medians([pair for run in views for pair in run["move"]])
    figures = [
        Figure(
            f"first open of {view_id}, {label}",
            medians([run["open"][view_id] for run in views]),
            moves,
            "a cursor move in the matrix until its quotes show",
            cpu_target=VIEW_TARGET,
        )
        for view_id in views[0]["open"]
    ]
    figures.append(
        Figure(
            f"one key in the quotes filter, {label}",
            medians([pair for run in views for pair in run["key"]]),
            medians([pair for run in filters for pair in run["key"]]),
            "a minimal Input filtering an OptionList of 50,000",
            2.0,
        )
    )
    return figures


def memory_figure(app: list[dict], plain: list[dict], label: str) -> Figure:
    return Figure(
        f"peak memory, {label}",
        (sorted(r["peak_mb"] for r in app)[len(app) // 2], None),
        (sorted(r["peak_mb"] for r in plain)[len(plain) // 2], None),
        "the plainly parsed YAML and texts (CSafeLoader)",
        2.5,
        unit="MB",
    )


def measure_tree(bench: Bench, label: str, root: Path) -> list[Figure]:
    figures = load_figures(
        bench.child("load", str(root), str(bench.repeats), str(bench.scratch / f"load-{label}")),
        label,
    )
    _show(figures)
    views, filters, app_memory, plain_memory = [], [], [], []
    for _ in range(bench.repeats):
        views.append(bench.child("views", str(root), environment=bench.environment))
        filters.append(bench.child("filter-baseline"))
    figures += _show(view_figures(views, filters, label))
    for _ in range(bench.repeats):
        app_memory.append(bench.child("memory", str(root)))
        plain_memory.append(bench.child("memory-baseline", str(root)))
    figures += _show([memory_figure(app_memory, plain_memory, label)])
    return figures


def measure_key_waits(bench: Bench) -> list[Figure]:
    """The longest a key waits while each view opens on a crowd of actors and on a long history
    (see ``key_wait``), each tree generated once into the scratch directory."""
    figures: list[Figure] = []
    for kind in key_wait.TREES:
        root = key_wait.write_tree(kind, bench.scratch / f"{kind}-tree")
        runs = [
            bench.child(kind, str(root), module="tests.bench.key_wait")
            for _ in range(bench.repeats)
        ]
        figures += _show(key_wait.figures(kind, runs))
        print(f"    longest collector pass meanwhile: {key_wait.collections(kind, runs)}")
    return figures


def _show(figures: list[Figure]) -> list[Figure]:
    for figure in figures:
        print("  " + " · ".join(c for c in figure.cells() if c), flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--4x",
        dest="four",
        action="store_true",
        default=bool(os.environ.get("BENCH_4X")),
        help="also measure a tree 4x the large one (generated once, slow)",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown too")
    args = parser.parse_args(argv)
    repeats = _repeats()

    from tui.core.paths import bundled_data_dir

    from tests.scale.generate import SCALES, cached_tree

    started = time.perf_counter()
    print(f"machine: {_machine()}; {repeats} runs per figure (BENCH_REPEAT)", flush=True)
    trees = {"bundled": bundled_data_dir(), "large": cached_tree("large")}
    if args.four:
        trees["4x"] = cached_tree("4x")
    for label in trees:
        if label != "bundled":
            scale = SCALES[label]
            print(
                f"{label} tree (generated, fictional): {scale.actors} actors, "
                f"{scale.issues} issues, {scale.seeds:,} seeds, {scale.evidence:,} evidence items",
                flush=True,
            )
    scratch = Path(tempfile.mkdtemp(prefix="peninsula-bench-"))
    try:
        bench = Bench(repeats, scratch)
        runs = bench.starts(trees)
        figures: list[Figure] = []
        for label, root in trees.items():
            figures += _show(start_figures(runs, label, root))
        by_tree = {
            label: measure_tree(bench, label, root)
            for label, root in trees.items()
            if label != "bundled"
        }
        waits = measure_key_waits(bench)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for tree_figures in by_tree.values():
        figures += tree_figures
    figures += waits
    if "4x" in by_tree:
        _growth(figures)
    print()
    print(table(figures))
    if args.markdown:
        print()
        print(table(figures, markdown=True))
    print(f"\nbenchmark took {time.perf_counter() - started:.0f} s")
    return 0


def _growth(figures: list[Figure]) -> None:
    """Put beside each large-tree figure how it grows on the 4x tree."""
    by_name = {f.name: f for f in figures}
    for figure in figures:
        if ", large" in figure.name:
            bigger = by_name.get(figure.name.replace(", large", ", 4x"))
            if bigger is not None and figure.measure:
                figure.growth = bigger.measure / figure.measure
