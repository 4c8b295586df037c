"""The warm-start cache: restored only when the tree is what it recorded, never trusted else."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tui.core import cache, yamlsafe
from tui.core.cache import Cache, WarmStart, cache_dir
from tui.core.dataset import Dataset
from tui.core.loader import load_tree

from .conftest import TreeMaker


class CountingLoad:
    """``load_tree`` that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, root: Path) -> Dataset:
        self.calls += 1
        return load_tree(root)


def _picture(dataset: Dataset) -> tuple:
    return (
        dataset.summary(),
        sorted((r.actor_id, r.issue_id, r.stance, r.as_of) for r in dataset.stances),
        list(dataset.diagnostics),
        sorted(dataset.seeds),
    )


def _started(root: Path, folder: Path, load=load_tree) -> WarmStart:
    """A start of the app: a load through the cache, then the cache written."""
    start = WarmStart(root, folder)
    start.load(load)
    start.save()
    return start


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_a_warm_start_reads_no_yaml(tree: TreeMaker, folder: Path, monkeypatch) -> None:
    root = tree({"positions/gamma.yaml": "id: gamma\nname: [unclosed\n"})  # a diagnostic too
    cold = load_tree(root)
    _started(root, folder)

    def no_yaml(*args, **kwargs):
        raise AssertionError("a warm start parsed YAML")

    monkeypatch.setattr(yamlsafe, "load_text", no_yaml)
    monkeypatch.setattr(yamlsafe, "Loader", None)
    load = CountingLoad()
    warm = WarmStart(root, folder)
    restored = warm.load(load)
    assert warm.restored and load.calls == 0
    assert _picture(restored) == _picture(cold)
    assert restored.root == root


def test_a_changed_file_is_loaded_afresh(tree: TreeMaker, folder: Path) -> None:
    root = tree()
    _started(root, folder)
    alpha = root / "positions" / "alpha.yaml"
    alpha.write_text(alpha.read_text().replace("name: Alpha", "name: Alpha Prime"))
    load = CountingLoad()
    start = WarmStart(root, folder)
    dataset = start.load(load)
    assert not start.restored and load.calls == 1
    assert dataset.actor_name("alpha") == "Alpha Prime"


def test_a_new_or_removed_file_is_loaded_afresh(tree: TreeMaker, folder: Path) -> None:
    root = tree()
    _started(root, folder)
    (root / "positions" / "beta.yaml").unlink()
    start = WarmStart(root, folder)
    dataset = start.load(CountingLoad())
    assert not start.restored
    assert "beta" not in dataset.actors


def _entry(folder: Path) -> Path:
    (entry,) = (folder / "trees").glob("*.cache")
    return entry


def test_a_corrupt_cache_is_ignored_and_rebuilt(tree: TreeMaker, folder: Path) -> None:
    root = tree()
    _started(root, folder)
    entry = _entry(folder)
    data = bytearray(entry.read_bytes())
    data[-10] ^= 0xFF
    entry.write_bytes(bytes(data))

    load = CountingLoad()
    start = _started(root, folder, load)
    assert not start.restored and load.calls == 1
    # Rebuilt: the next start restores it.
    again = WarmStart(root, folder)
    again.load(CountingLoad())
    assert again.restored


@pytest.mark.parametrize("damage", [b"", b"not a cache", b"peninsula-cache 1\n" + b"\0" * 40])
def test_a_truncated_or_foreign_entry_is_a_miss(
    tree: TreeMaker, folder: Path, damage: bytes
) -> None:
    root = tree()
    _started(root, folder)
    _entry(folder).write_bytes(damage)
    load = CountingLoad()
    start = WarmStart(root, folder)
    start.load(load)
    assert not start.restored and load.calls == 1


class _Planted:
    def __reduce__(self):
        return (os.mkdir, (str(Path(os.environ["PLANTED_MARKER"])),))


def test_an_entry_that_names_anything_but_the_datasets_classes_never_runs_it(
    tree: TreeMaker, folder: Path, tmp_path: Path, monkeypatch
) -> None:
    """Even an entry signed with the right key unpickles nothing but the dataset's own types."""
    root = tree()
    marker = tmp_path / "planted"
    monkeypatch.setenv("PLANTED_MARKER", str(marker))
    start = _started(root, folder)
    state = start._last[0]  # type: ignore[index]
    monkeypatch.setattr(
        pickle,
        "dumps",
        lambda obj, protocol=None, _dumps=pickle.dumps: _dumps(
            _Planted() if isinstance(obj, Dataset) else obj, protocol=protocol
        ),
    )
    Cache(folder).write(root, state, load_tree(root))
    monkeypatch.undo()
    again = WarmStart(root, folder)
    again.load(CountingLoad())
    assert not again.restored
    assert not marker.exists()


def test_the_cache_lives_outside_the_tree_and_can_be_turned_off(
    tree: TreeMaker, tmp_path: Path, monkeypatch
) -> None:
    root = tree()
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    monkeypatch.delenv("PENINSULA_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "peninsula"
    _started(root, cache_dir())  # type: ignore[arg-type]
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    assert list((tmp_path / "xdg" / "peninsula" / "trees").glob("*.cache"))
    secret = tmp_path / "xdg" / "peninsula" / "secret"
    assert secret.stat().st_mode & 0o077 == 0
    monkeypatch.setenv("PENINSULA_CACHE", "off")
    assert cache_dir() is None
    load = CountingLoad()
    WarmStart(root).load(load)
    assert load.calls == 1


def test_a_reload_with_nothing_changed_gives_the_same_dataset(
    tree: TreeMaker, folder: Path
) -> None:
    root = tree()
    start = _started(root, folder)
    first = start._last[1]  # type: ignore[index]
    load = CountingLoad()
    assert start.load(load) is first and load.calls == 0


def test_a_file_rewritten_with_its_size_and_times_put_back_is_hashed_again(
    tree: TreeMaker, monkeypatch
) -> None:
    """Its change time (which no program can set) and the racy window both catch it."""
    root = tree()
    known = cache.tree_state(root)
    assert known is not None
    alpha = root / "positions" / "alpha.yaml"
    info = alpha.stat()
    # The same size, and the times put back: only the content tells the change.
    alpha.write_text(alpha.read_text().replace("Alpha", "Alfa!"))
    os.utime(alpha, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert alpha.stat().st_size == info.st_size
    again = cache.tree_state(root, known)
    assert again is not None and again.key != known.key
