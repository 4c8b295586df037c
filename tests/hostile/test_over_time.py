"""The app over time: reloads do not leak, and a data folder deleted and made again (or swapped
in with `mv`) is watched again."""

from __future__ import annotations

import asyncio
import gc
import shutil
from pathlib import Path

import pytest

from tui.app.app import create_app
from tui.app.watch import watch_data_tree

from tests.hostile.trees import copy_bundled

KIM = "positions/kim-jong-un.yaml"
# A batch of changes can take a while on a loaded machine; the wait ends as soon as it comes.
PATIENCE = 30


async def next_batch_naming(watch, name: str) -> None:
    async def seen() -> None:
        async for changes in watch:
            if any(Path(path).name == name for _, path in changes):
                return

    await asyncio.wait_for(seen(), PATIENCE)


async def touch_until_seen(watch, path: Path, text: str) -> None:
    """Write ``path`` again and again until the watch reports it (the watch may start late)."""
    waiter = asyncio.ensure_future(next_batch_naming(watch, path.name))
    try:
        for attempt in range(PATIENCE * 2):
            path.write_text(text.replace("Kim Jong Un", f"Kim Jong Un {attempt}"), encoding="utf-8")
            done, _ = await asyncio.wait({waiter}, timeout=0.5)
            if done:
                waiter.result()
                return
        pytest.fail(f"the watch never reported {path}")
    finally:
        waiter.cancel()


@pytest.mark.parametrize("how", ["deleted-and-made-again", "swapped-in-with-mv"])
async def test_a_replaced_positions_folder_is_watched_again(tmp_path: Path, how: str):
    root = copy_bundled(tmp_path / "tree")
    text = (root / KIM).read_text(encoding="utf-8")
    watch = watch_data_tree(root)
    try:
        await touch_until_seen(watch, root / KIM, text)
        if how == "deleted-and-made-again":
            shutil.rmtree(root / "positions")
            await next_batch_naming(watch, "positions")
            shutil.copytree(Path(__file__).resolve().parents[2] / "positions", root / "positions")
        else:
            fresh = tmp_path / "fresh-positions"
            shutil.copytree(root / "positions", fresh)
            (root / "positions").rename(tmp_path / "old-positions")
            fresh.rename(root / "positions")
        # The new folder's files are seen, as the old folder's were.
        await touch_until_seen(watch, root / KIM, text)
        # And the old folder, wherever it went, is no longer watched for the tree.
    finally:
        await watch.aclose()


@pytest.mark.parametrize("folder", ["seeds", "positions"])
async def test_a_data_folder_that_appears_later_is_watched(tmp_path: Path, folder: str):
    root = copy_bundled(tmp_path / "tree")
    kept = tmp_path / "kept"
    (root / folder).rename(kept)
    other = root / ("positions" if folder == "seeds" else "seeds")
    present = next(p for p in sorted(other.iterdir()) if p.name.endswith((".yaml", ".txt")))
    watch = watch_data_tree(root)
    try:
        # The watch is running (it reported the folder that is there) before the other appears.
        await touch_until_seen(watch, present, present.read_text(encoding="utf-8"))
        kept.rename(root / folder)
        target = next(p for p in sorted((root / folder).iterdir()) if p.suffix in (".yaml", ".txt"))
        await touch_until_seen(watch, target, target.read_text(encoding="utf-8"))
    finally:
        await watch.aclose()


RELOADS = 20
# A reload that leaked as before (some 2,400 objects, 0.3 MB) would pass these many times over.
GROWTH_LIMIT = 2_000
RSS_GROWTH_LIMIT = 5 * 1024 * 1024


def resident_bytes() -> int:
    with open("/proc/self/statm", encoding="ascii") as handle:
        return int(handle.read().split()[1]) * 4096


def frozen_parts() -> tuple[int, int]:
    """What the frozen generation holds, as (alive, garbage): the objects that a collection of
    everything keeps, and the frozen ones it frees.

    The frozen count alone is no measure of a leak. Whatever was alive when the app froze its
    data stays frozen until the next reload: the widgets that a redraw replaces, and whatever
    Textual had in flight at that moment. On a busy machine, that can be some 130 widgets'
    Idle handlers, about 1,150 objects. So the same app reads some thousand objects apart from
    one reload to the next. Taken apart, both parts are exact. A leak keeps objects alive, and
    the garbage that goes at the next reload does not grow with the number of reloads. The app
    is left as it was, with everything that lives frozen again."""
    gc.collect()  # the young garbage, which is not frozen and is no part of either
    gc.unfreeze()
    garbage = gc.collect()
    alive = len(gc.get_objects())
    gc.freeze()
    return alive, garbage


async def test_reloads_do_not_leak(tmp_path: Path):
    """Each reload's leftovers are collected: what lives, what the frozen generation holds
    beyond it, and the resident memory do not grow with the number of reloads (measured as
    deltas, after a warm-up)."""
    root = copy_bundled(tmp_path / "tree")
    app = create_app(root, watch=False, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.loaded.wait()

        async def reload() -> None:
            count = app.load_count
            app.load_data()
            while app.load_count == count:
                await asyncio.sleep(0.01)
            await pilot.pause()

        for _ in range(5):  # caches and first-use allocations out of the way
            await reload()
        (alive, garbage), resident = frozen_parts(), resident_bytes()
        for _ in range(RELOADS):
            await reload()
        alive_after, garbage_after = frozen_parts()
        assert alive_after - alive < GROWTH_LIMIT
        assert garbage_after - garbage < GROWTH_LIMIT
        assert resident_bytes() - resident < RSS_GROWTH_LIMIT


@pytest.mark.fuzz
async def test_five_hundred_reloads_grow_resident_memory_by_less_than_ten_megabytes(tmp_path: Path):
    """The long form, under `make fuzz`: 500 headless reloads of the bundled data."""
    root = copy_bundled(tmp_path / "tree")
    app = create_app(root, watch=False, blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.loaded.wait()

        async def reload() -> None:
            count = app.load_count
            app.load_data()
            while app.load_count == count:
                await asyncio.sleep(0.01)
            await pilot.pause()

        for _ in range(10):
            await reload()
        resident = resident_bytes()
        for _ in range(500):
            await reload()
        assert resident_bytes() - resident < 10 * 1024 * 1024
