"""A reload after an actor file changed reads that file alone, and gives what a full load gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core import loader
from tui.core.cache import WarmStart
from tui.core.dataset import Dataset
from tui.core.loader import load_tree

from .conftest import TreeMaker
from .test_warm_start import CountingLoad, _picture


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files the loader reads from now on."""
    seen: list[str] = []
    read_text = loader.read_text

    def counting(path, *args, **kwargs):
        seen.append(Path(path).name)
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(loader, "read_text", counting)
    return seen


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _order(dataset: Dataset) -> list:
    return [(r.actor_id, r.issue_id, r.as_of, r.location) for r in dataset.stances]


EDITS = {
    "a new stance value": ("stance: 1", "stance: 2"),
    "evidence no longer verbatim": ("we will attend", "we shall attend"),
    "an unknown speaker and seed": ("source: s1", "source: s9\n        speaker: nobody"),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_one_file_reload_reads_only_that_file_and_equals_a_full_load(
    tree: TreeMaker, tmp_path: Path, reads: list[str], edit: str
) -> None:
    root = tree()
    start = WarmStart(root, tmp_path / "cache")
    start.load(load_tree)
    _edit(root, "positions/alpha.yaml", *EDITS[edit])
    reads.clear()
    load = CountingLoad()
    dataset = start.load(load)
    assert start.reread == ["positions/alpha.yaml"]
    assert reads == ["alpha.yaml"] and load.calls == 0
    full = load_tree(root)
    assert _picture(dataset) == _picture(full)
    assert _order(dataset) == _order(full)
    assert dataset.actors == full.actors


def test_a_start_after_one_file_changed_reads_only_that_file(
    tree: TreeMaker, tmp_path: Path, reads: list[str]
) -> None:
    root = tree()
    first = WarmStart(root, tmp_path / "cache")
    first.load(load_tree)
    first.save()
    _edit(root, "positions/beta.yaml", "stance: -1", "stance: -2")
    reads.clear()
    start = WarmStart(root, tmp_path / "cache")
    dataset = start.load(CountingLoad())
    assert start.reread == ["positions/beta.yaml"] and reads == ["beta.yaml"]
    assert _picture(dataset) == _picture(load_tree(root))
    # The entry is left as it was, and the start after that does the same.
    entry = next((tmp_path / "cache" / "trees").glob("*.cache"))
    written = entry.stat().st_mtime_ns
    start.save()
    assert entry.stat().st_mtime_ns == written
    again = WarmStart(root, tmp_path / "cache")
    again.load(CountingLoad())
    assert again.reread == ["positions/beta.yaml"]


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("positions/alpha.yaml", "name: Alpha", "name: Alpha Prime"),  # look-alikes may change
        ("positions/alpha.yaml", "id: alpha", "id: gamma"),  # references elsewhere change
        ("seeds/s1.txt", "Fixture Outlet", "Other Outlet"),  # every citing file changes
        ("positions/issues.yaml", "title: Talks", "title: Dialogue"),
        ("positions/alpha.yaml", "positions:", "positions: [oops"),  # the actor is gone
    ],
)
def test_a_change_other_files_depend_on_loads_the_whole_tree(
    tree: TreeMaker, tmp_path: Path, name: str, old: str, new: str
) -> None:
    root = tree()
    start = WarmStart(root, tmp_path / "cache")
    start.load(load_tree)
    _edit(root, name, old, new)
    load = CountingLoad()
    dataset = start.load(load)
    assert start.reread is None and load.calls == 1
    assert _picture(dataset) == _picture(load_tree(root))
