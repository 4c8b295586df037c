"""One answer, for every command, to "is there any data here?"."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.paths import is_data_tree
from tui.core.sanitize import clean

if TYPE_CHECKING:
    from tui.core.dataset import Dataset

# Every command that finds no data exits with this status, after the message below.
EXIT_NO_DATA = 1


def missing_data(
    root: Path, dataset: Dataset | None = None, *, problems_are_data: bool = False
) -> str | None:
    """Why ``root`` holds no data to show, or None when it does.

    Without ``dataset`` only the tree's shape is checked (positions/ and seeds/ folders). With it,
    a tree whose files gave no stance at all is without data too; its errors, if any, are counted
    so that the user knows where to look. What shows the diagnostics themselves (the Problems view,
    the problems table) has something to show whenever there is one: ``problems_are_data``."""
    where = clean(str(root))
    if not is_data_tree(root):
        return (
            f"no data in {where}: a data tree holds positions/ and seeds/ folders "
            "(give one with --data DIR; README.md shows their files)"
        )
    if dataset is not None and not dataset.stances:
        if problems_are_data and dataset.diagnostics:
            return None
        reason = f"no data in {where}: positions/ holds no stance yet"
        errors = len(dataset.errors)
        if errors:
            plural = "s" if errors != 1 else ""
            reason += f" that loads ({errors} error{plural}; `peninsula validate` lists them)"
        return reason
    return None
