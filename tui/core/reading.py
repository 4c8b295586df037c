"""Reading a data file: only regular files, never more than a bound, never outside the tree.

Every command reads through here (the loader, `add-source`, `extract`), so that no file can
block a read (a FIFO), feed one without end (`/dev/zero`), or smuggle in what lies outside the
data tree through a symbolic link. What cannot be read is refused with a reason that reads as a
diagnostic; it never raises anything but ``Unreadable``.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

MAX_BYTES = 2 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class Unreadable(Exception):
    """A file that is not read; ``reason`` says why, in words for a diagnostic."""

    def __init__(self, reason: str, too_large: bool = False):
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def is_within(path: Path, root: Path) -> bool:
    """Whether ``path``, every link followed, lies inside ``root`` (also resolved)."""
    return _inside(os.path.realpath(path), os.path.realpath(root))


class Confinement:
    """A data tree that reads may not leave, for the many reads of one load.

    Resolving every link of every path is most of the cost of reading thousands of small files,
    so the tree and each folder read from are resolved once; a file is then opened without
    following a link, and only a file that is itself a link has its target resolved.
    """

    __slots__ = ("root", "_real_root", "_folders")

    def __init__(self, root: Path):
        self.root = root
        self._real_root = os.path.realpath(root)
        self._folders: dict[Path, bool] = {}

    def holds(self, path: Path) -> bool:
        """Whether ``path``, every link followed, lies inside the tree."""
        return _inside(os.path.realpath(path), self._real_root)

    def holds_folder_of(self, path: Path) -> bool:
        folder = path.parent
        inside = self._folders.get(folder)
        if inside is None:
            inside = self._folders[folder] = self.holds(folder)
        return inside


# Non-blocking, so that opening a named pipe returns at once instead of waiting for a writer;
# the type check after it then refuses it.
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC


def _outside(path: Path) -> Unreadable:
    return Unreadable(f"a link to {os.path.realpath(path)}, outside the data tree; not read")


def _open_confined(path: Path, tree: Confinement) -> int:
    """A descriptor of ``path``, refused when a link leads it out of ``tree``."""
    if not tree.holds_folder_of(path):
        raise _outside(path)
    try:
        return os.open(path, _OPEN_FLAGS | os.O_NOFOLLOW)
    except OSError as error:
        if error.errno != errno.ELOOP:  # ELOOP: the file is a link, whose target is checked
            raise
    if not tree.holds(path):
        raise _outside(path)
    return os.open(path, _OPEN_FLAGS)


def read_regular(
    path: Path, max_bytes: int = MAX_BYTES, within: Path | Confinement | None = None
) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    With ``within`` (a folder, or a ``Confinement`` kept for many reads), a path whose links
    lead outside that folder is refused unread.
    """
    try:
        if within is None:
            fd = os.open(path, _OPEN_FLAGS)
        else:
            tree = within if isinstance(within, Confinement) else Confinement(within)
            fd = _open_confined(path, tree)
    except OSError as error:
        raise Unreadable(f"cannot read the file: {error.strerror or error}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"{_kind(info.st_mode)}, not a regular file; not read")
        if info.st_size > max_bytes:
            raise Unreadable(
                f"file too large: {info.st_size} bytes (the limit is {max_bytes})", too_large=True
            )
        with os.fdopen(os.dup(fd), "rb", buffering=0) as handle:
            data = read_bounded(handle, max_bytes, expected=info.st_size)
    except OSError as error:
        raise Unreadable(f"cannot read the file: {error.strerror or error}") from None
    finally:
        os.close(fd)
    return data


def read_bounded(handle: BinaryIO, max_bytes: int = MAX_BYTES, expected: int = 0) -> bytes:
    """At most ``max_bytes`` from a stream (standard input, a file that may grow while read).

    ``expected`` (a file's size) sizes the first read, so that a small file costs no buffer of
    the limit's size; one byte more than it tells whether the file grew meanwhile.
    """
    chunks: list[bytes] = []
    left = max_bytes + 1  # one byte more than allowed tells a file that is too large
    step = min(left, expected + 1) if expected else min(left, 64 * 1024)
    while left > 0:
        chunk = handle.read(min(left, step))
        step = 1024 * 1024
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise Unreadable(f"file too large: over {max_bytes} bytes", too_large=True)
    return data


def list_folder(folder: Path) -> list[Path]:
    """The entries of a folder, sorted; ``Unreadable`` when it cannot be listed."""
    try:
        # Sorted by name, which is the order of paths in one folder, without comparing paths.
        return [folder / name for name in sorted(os.listdir(folder))]
    except OSError as error:
        raise Unreadable(f"cannot read the folder: {error.strerror or error}") from None


def folder_state(folder: Path) -> str | None:
    """None for a folder that is there; else why not ("missing", or the error)."""
    try:
        info = folder.stat()
    except FileNotFoundError:
        return "missing"
    except OSError as error:
        return f"cannot read the folder: {error.strerror or error}"
    return None if stat.S_ISDIR(info.st_mode) else "not a folder"
