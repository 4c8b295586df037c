"""Watching the data tree: a change to a YAML or seed file, after a quiet spell, means reload."""

from __future__ import annotations

from collections.abc import AsyncIterator
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


async def watch_data_tree(root: Path) -> AsyncIterator[set[tuple[Change, str]]]:
    """Yield each batch of changes to data files under ``root/positions`` and ``root/seeds``."""
    # Imported here: the watch starts after the first data frame, which need not wait for it.
    from watchfiles import awatch

    folders = [root / name for name in DATA_FOLDERS if (root / name).is_dir()]
    if not folders:
        return
    async for changes in awatch(
        *folders, watch_filter=is_data_file, debounce=DEBOUNCE_MS, recursive=False
    ):
        yield changes
