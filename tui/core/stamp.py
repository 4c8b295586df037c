"""What version of the data a panel shows: its git commit, else the date of its newest file."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from tui.core.sanitize import clean

GIT_TIMEOUT_S = 2.0


def data_stamp(root: Path) -> str:
    """ "data: commit 1a2b3c4 of 2025-09-22" when the data is in git (the last commit that touched
    positions/ or seeds/; "+ changes" when files differ from it), else "data: files of
    2025-09-22", the day the newest of them was saved."""
    commit = _git_commit(root)
    if commit is not None:
        return commit
    newest = max(
        (p.stat().st_mtime for folder in ("positions", "seeds") for p in _files(root / folder)),
        default=None,
    )
    if newest is None:
        return "data: no files"
    return f"data: files of {dt.date.fromtimestamp(newest).isoformat()}"


def _files(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_file()]
    except OSError:
        return []


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _git_commit(root: Path) -> str | None:
    line = _git(root, "log", "-1", "--format=%h %cs", "--", "positions", "seeds")
    if not line:
        return None
    commit, _, day = line.partition(" ")
    dirty = _git(root, "status", "--porcelain", "--", "positions", "seeds")
    suffix = " + uncommitted changes" if dirty else ""
    return clean(f"data: commit {commit} of {day}{suffix}")
