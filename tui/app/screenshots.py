"""Saving SVG screenshots: numbered files, never overwriting, never inside the data."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from tui.core.writing import protected_folder

_NUMBERED = re.compile(r"-(\d+)\.svg$")


def is_inside(path: Path, folders: Iterable[Path]) -> bool:
    """Inside one of ``folders``, or any data tree's positions/ or seeds/."""
    return protected_folder(path, folders) is not None


def save_numbered_svg(svg: str, folder: Path, stem: str, forbidden: Iterable[Path] = ()) -> Path:
    """Write ``folder/stem-NNN.svg`` with the next free number; return its path.

    The file is created exclusively, so two saves at once, or a file that appeared meanwhile,
    never lose a screenshot.
    """
    if is_inside(folder, forbidden):
        raise OSError(f"refusing to write screenshots into the data folder {folder}")
    folder.mkdir(parents=True, exist_ok=True)
    taken = [
        int(match.group(1))
        for existing in folder.glob(f"{stem}-*.svg")
        if (match := _NUMBERED.search(existing.name))
    ]
    number = max(taken, default=0) + 1
    while True:
        path = folder / f"{stem}-{number:03d}.svg"
        try:
            with path.open("x", encoding="utf-8") as file:
                file.write(svg)
            return path
        except FileExistsError:
            number += 1
