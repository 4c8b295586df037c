"""Limits: what the loader refuses, that it refuses before the cost is paid, and that README
says so.

No test here measures time (the benchmark does that); memory is measured with tracemalloc, and
verification work by counting the characters of seed text searched.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from tui.core import verify, yamlsafe
from tui.core.loader import load_tree

from tests.hostile.cases import BUILT, STATIC, actor_text, seed_text
from tests.hostile.trees import REPO, copy_bundled

# A hostile file may cost memory in proportion to what the limits let through, never more.
MEMORY_CEILING = 48 * 1024 * 1024
HEAVY = {
    "alias-bomb.yaml",
    "nested-flow-100000.yaml",
    "nested-mapping-30000.yaml",
    "megabyte-summary.yaml",
    "too-large.yaml",
    "seed-too-large.txt",
    "seed-megabyte-line.txt",
}
# Files of very many values: measured in a child process, as tracemalloc would slow them tenfold.
MANY = {"many-values.yaml", "many-keys.yaml", "many-errors.yaml"}
_GROWTH_PROBE = """
import resource, sys
from tui.core.loader import load_tree
load_tree(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
load_tree(sys.argv[2])
print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024)
"""


def peak_memory_of_load(root: Path) -> int:
    tracemalloc.start()
    try:
        load_tree(root)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    "case", [c for c in BUILT + STATIC if c.name in HEAVY], ids=lambda case: case.name
)
def test_a_hostile_file_costs_bounded_memory(case, bundled_tree: Path):
    (bundled_tree / case.target).write_bytes(case.content())
    load_tree(bundled_tree)  # imports and caches out of the way
    assert peak_memory_of_load(bundled_tree) < MEMORY_CEILING


@pytest.mark.parametrize("case", [c for c in BUILT if c.name in MANY], ids=lambda case: case.name)
def test_a_file_of_many_values_costs_bounded_memory(case, bundled_tree: Path, tmp_path: Path):
    clean_tree = copy_bundled(tmp_path / "clean")
    (bundled_tree / case.target).write_bytes(case.content())
    probe = subprocess.run(
        [sys.executable, "-c", _GROWTH_PROBE, str(clean_tree), str(bundled_tree)],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    assert int(probe.stdout) < MEMORY_CEILING


@pytest.mark.parametrize("folder", ["positions", "seeds"])
def test_a_huge_file_is_refused_without_reading_it(folder: str, bundled_tree: Path):
    name = "huge.yaml" if folder == "positions" else "huge.txt"
    huge = bundled_tree / folder / name
    with huge.open("wb") as handle:
        handle.truncate(1024**3)  # a sparse gigabyte: cheap to make, ruinous to read
    load_tree(bundled_tree)
    assert peak_memory_of_load(bundled_tree) < 8 * 1024 * 1024
    dataset = load_tree(bundled_tree)
    assert [d.format() for d in dataset.diagnostics] == [
        f"{folder}/{name}:1:1: error: file too large: {1024**3} bytes "
        f"(the limit is {yamlsafe.MAX_BYTES})"
    ]


def test_nesting_is_refused_at_the_documented_depth(bundled_tree: Path):
    deep = "aliases: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1) + "\n"
    deeper = "aliases: " + "[" * yamlsafe.MAX_DEPTH + "]" * yamlsafe.MAX_DEPTH + "\n"
    (bundled_tree / "positions" / "deep.yaml").write_text(actor_text("deep", deep))
    (bundled_tree / "positions" / "deeper.yaml").write_text(actor_text("deeper", deeper))
    messages = [d.format() for d in load_tree(bundled_tree).diagnostics]
    assert (
        f"positions/deeper.yaml:6:{10 + yamlsafe.MAX_DEPTH - 1}: error: nesting deeper than "
        f"{yamlsafe.MAX_DEPTH} levels" in messages
    )
    assert not any("nesting" in m for m in messages if m.startswith("positions/deep.yaml"))


def test_values_are_refused_past_the_documented_count(bundled_tree: Path):
    # The head and positions of the fixture take some values; the aliases fill up the rest.
    many = "aliases:\n" + "- a\n" * yamlsafe.MAX_VALUES
    (bundled_tree / "positions" / "many.yaml").write_text(actor_text("many", many))
    messages = [d.message for d in load_tree(bundled_tree).diagnostics]
    assert messages == [f"too many values: more than {yamlsafe.MAX_VALUES} in one file"]


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of the seed text each verification searches."""
    sizes: list[int] = []
    real = verify.Verifier.verify

    def counting(
        self: verify.Verifier, seed_id: str, body: str, text: str, account: str = ""
    ) -> verify.Verification:
        sizes.append(len(body))
        return real(self, seed_id, body, text, account)

    monkeypatch.setattr(verify.Verifier, "verify", counting)
    return sizes


def tree_bytes(root: Path) -> int:
    files = [*(root / "positions").rglob("*"), *(root / "seeds").rglob("*")]
    return sum(path.stat().st_size for path in files if path.is_file())


def test_verification_work_of_the_bundled_data_is_linear(searched: list[int]):
    load_tree(REPO)
    assert searched and sum(searched) <= 16 * tree_bytes(REPO)


def test_verification_work_stays_linear_in_the_input(bundled_tree: Path, searched: list[int]):
    """A 1.9 MB seed cited by 5,000 evidence items would cost 9.5 G characters of searching."""
    (bundled_tree / "seeds" / "big.txt").write_text(seed_text("big", "word " * 380_000 + "\n"))
    evidence = "".join(
        f"      - kind: quote\n        text: w{n}\n        source: big\n" for n in range(5_000)
    )
    positions = (
        "positions:\n  - issue: allied-drills\n    stance: -2\n    as_of: 2025-09-22\n"
        "    summary: Many evidence items, none in the seed.\n    evidence:\n" + evidence
    )
    (bundled_tree / "positions" / "many-citations.yaml").write_text(
        actor_text("many-citations", positions=positions)
    )
    dataset = load_tree(bundled_tree)
    bound = max(verify.SEARCH_BUDGET_FLOOR, verify.SEARCH_BUDGET_FACTOR * tree_bytes(bundled_tree))
    assert sum(searched) <= bound
    messages = [d.message for d in dataset.diagnostics if d.path.endswith("many-citations.yaml")]
    assert any(m.startswith("not verified: this file's evidence has searched") for m in messages)
    # The bundled actors are untouched by the hostile file's cost.
    assert all(ev.verified for ev in dataset.evidence if ev.actor_id != "many-citations")


def test_readme_states_the_limits_the_loader_applies():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("<!-- section: limits -->", 1)[1].split("<!-- section:", 1)[0]
    numbers = {int(n.replace(",", "")) for n in re.findall(r"\b\d[\d,]*\b", section)}
    assert yamlsafe.MAX_DEPTH in numbers
    assert yamlsafe.MAX_VALUES in numbers
    assert yamlsafe.MAX_BYTES // (1024 * 1024) in numbers and "MiB" in section
    for words in ("refused", "shown literally", "never written"):
        assert words in section.lower()
