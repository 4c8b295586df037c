"""Writing an output file (an export, a brief, a snapshot): whole or not at all, never onto data.

The text goes to a new temporary file beside the target, which is then renamed over it. A rename
replaces the name, not the file it named: a hard link to a seed, or a symbolic link to one, is
itself replaced and the seed keeps its bytes. A reader never sees a half-written file either.

No output lands in a data tree's `positions/` or `seeds/`, whichever tree it is (the one the
command reads, another, or the working directory's): only `add-source` writes there.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable
from pathlib import Path

DATA_FOLDERS = ("positions", "seeds")


class OutputExistsError(FileExistsError):
    """The output file exists and overwriting was not asked for."""


class ProtectedOutputError(PermissionError):
    """The output would land inside a folder that no output may be written into."""


def _is_data_tree(path: Path) -> bool:
    return all((path / name).is_dir() for name in DATA_FOLDERS)


def _candidates(path: Path, follow_last: bool = False) -> list[Path]:
    """Where a file written at ``path`` lands: the path as written (made absolute, `..` folded),
    and in its folder with every link resolved (the name itself too with ``follow_last``)."""
    absolute = Path(os.path.abspath(path))
    if follow_last:
        return [absolute, Path(os.path.realpath(absolute))]
    return [absolute, Path(os.path.realpath(absolute.parent)) / absolute.name]


def data_folder_holding(path: str | Path, follow_last: bool = True) -> Path | None:
    """The data tree's `positions/` or `seeds/` that ``path`` is, or lies in; else None.

    ``follow_last`` follows a link in the last component too: an output that is a link into the
    data is refused, though the rename would only replace the link."""
    for candidate in _candidates(Path(path), follow_last):
        for part in (candidate, *candidate.parents):
            if part.name in DATA_FOLDERS and _is_data_tree(part.parent):
                return part
    return None


def protected_folder(path: str | Path, protected: Iterable[Path] = ()) -> Path | None:
    """The protected folder ``path`` would land in: any data folder, or one of ``protected``."""
    found = data_folder_holding(path)
    if found is not None:
        return found
    candidates = _candidates(Path(path))
    for folder in protected:
        for real_folder in {Path(os.path.abspath(folder)), Path(os.path.realpath(folder))}:
            if any(c == real_folder or real_folder in c.parents for c in candidates):
                return Path(folder)
    return None


def write_atomic(
    content: str | bytes,
    path: str | Path,
    *,
    force: bool = False,
    protected: Iterable[Path] = (),
    make_parents: bool = False,
) -> Path:
    """Write ``content`` (text as UTF-8) to ``path`` through a temporary file and a rename.

    Never over an existing file (a symbolic link counts, even a dangling one) unless ``force``;
    never inside a data folder or one of ``protected`` (ProtectedOutputError).
    """
    target = Path(path)
    folder = protected_folder(target, protected)
    if folder is not None:
        raise ProtectedOutputError(
            f"{target}: will not write inside {folder} (a data tree's positions/ or seeds/)"
        )
    if not force and os.path.lexists(target):
        raise OutputExistsError(f"{target} already exists; not overwritten")
    if make_parents:
        target.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    # 0o666 less the umask, as open() would create it; O_EXCL never reuses an existing name.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(temporary, target)
        else:
            _rename_exclusive(temporary, target)
    except BaseException:
        try:
            os.unlink(temporary)
        except FileNotFoundError:
            pass
        raise
    return target


def _rename_exclusive(temporary: Path, target: Path) -> None:
    """Give the temporary file the target's name only if that name is still free."""
    try:
        os.link(temporary, target)  # fails if the name is taken, even since the check above
    except FileExistsError:
        raise OutputExistsError(f"{target} already exists; not overwritten") from None
    except OSError:
        # A file system without hard links: the check above is all there is.
        if os.path.lexists(target):
            raise OutputExistsError(f"{target} already exists; not overwritten") from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)
