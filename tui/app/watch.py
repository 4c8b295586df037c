"""Watching the data tree: a change to a YAML or seed file, after a quiet spell, means reload.

The tree's root is watched too, not only `positions/` and `seeds/`: a data folder deleted and
made again, or swapped in with `mv` (as some editors and `git checkout` do), is a new folder
that a watch on the old one never sees. When a data folder itself comes or goes, that is a
change to report, and the watch starts again on the folders there are now.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from watchfiles import Change

DATA_FOLDERS = ("positions", "seeds")
DATA_SUFFIXES = (".yaml", ".yml", ".txt")
# Editors save in bursts (temp file, rename, metadata): wait for this quiet spell, in ms.
DEBOUNCE_MS = 300


def is_data_file(change: Change, path: str) -> bool:
    """YAML and seed files; not editors' swap, backup or hidden temp files."""
    name = Path(path).name
    return (
        name.endswith(DATA_SUFFIXES) and not name.startswith((".", "#")) and not name.endswith("~")
    )


def _data_change_filter(root: Path) -> Callable[[Change, str], bool]:
    """Changes to a data folder itself (in the root), or to a data file in one."""

    def accepts(change: Change, path: str) -> bool:
        where = Path(path)
        if where.parent == root:
            return where.name in DATA_FOLDERS
        return (
            where.parent.name in DATA_FOLDERS
            and where.parent.parent == root
            and is_data_file(change, path)
        )

    return accepts


async def watch_data_tree(root: Path) -> AsyncIterator[set[tuple[Change, str]]]:
    """Yield each batch of changes to data files under ``root/positions`` and ``root/seeds``,
    and to those folders themselves, for as long as the root is there."""
    # Imported here: the watch starts after the first data frame, which need not wait for it.
    from watchfiles import awatch

    root = Path(os.path.abspath(root))
    accepts = _data_change_filter(root)
    while root.is_dir():
        folders = [root / name for name in DATA_FOLDERS if (root / name).is_dir()]
        rearm = False
        async for changes in awatch(
            root, *folders, watch_filter=accepts, debounce=DEBOUNCE_MS, recursive=False
        ):
            yield changes
            if any(Path(path).parent == root for _, path in changes):
                rearm = True  # a data folder came or went: watch the folders there are now
                break
        if not rearm:
            return
