"""A warm start: the dataset a tree loaded into, kept outside the tree, keyed by its content.

A start with nothing changed since the last one reads no YAML: it lists `positions/` and
`seeds/`, finds every file's content hash, and restores the dataset the same hashes gave last
time. The cache lives under ``$XDG_CACHE_HOME/peninsula`` (``~/.cache/peninsula``), one entry per
data tree; ``PENINSULA_CACHE=off`` turns it off, ``PENINSULA_CACHE=DIR`` puts it elsewhere.

The cache is never trusted:

- The key is the content of every entry of both folders (names, kinds, and a hash of each
  regular file's bytes) and the source of the core that loaded them, so any change to the data
  or to the rules gives a new key and a full load. A file's hash is taken again unless its
  stat (device, inode, size, modification and change times) is the one recorded when it was
  hashed, and the change time is older than two seconds before that record was made (a file
  written within the same clock tick as the record would otherwise look unchanged).
- An entry is written by this module only, with an HMAC of its bytes under a random key kept
  beside it (mode 0600); an entry whose HMAC does not match, that cannot be read or that does
  not unpickle into the dataset's own classes is ignored, and the next load rewrites it.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import hmac
import io
import os
import pickle
import secrets
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.core.dataset import Dataset
from tui.core.paths import is_actor_file
from tui.core.reading import Unreadable, read_regular

FORMAT = b"peninsula-cache 1\n"
FOLDERS = ("positions", "seeds")
# Files past the reader's own limit are refused by the loader whatever their bytes.
HASHED_UP_TO = 2 * 1024 * 1024
RACY_NS = 2_000_000_000
# Past this many changed files (a checkout, a sweeping edit) a full load is as quick.
RELOAD_AT_MOST = 8
_DIGEST = 32

# What an entry may hold: the dataset's own classes, dates and paths; nothing else unpickles.
_ALLOWED_MODULES = ("tui.core.dataset", "tui.core.records", "tui.core.diagnostics")
_ALLOWED_GLOBALS = {
    ("datetime", "date"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("copyreg", "_reconstructor"),
    ("builtins", "object"),
    ("builtins", "set"),
    ("builtins", "frozenset"),
    ("tui.core.cache", "TreeState"),
}


def cache_dir() -> Path | None:
    """Where entries go, or None when the cache is off."""
    setting = os.environ.get("PENINSULA_CACHE", "").strip()
    if setting.lower() in {"off", "0", "no", "false"}:
        return None
    if setting:
        return Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "peninsula"


@dataclass(frozen=True)
class TreeState:
    """The content of a tree's two folders as a key, and the stat of each hashed file."""

    key: str
    stats: dict[str, tuple[tuple[int, ...], str]]  # relative path -> (stat, content hash)
    taken_at: int  # time.time_ns() when the folders were listed
    # The key of all but the regular files' contents: the same when only contents changed.
    layout: str = ""

    def changed_files(self, before: TreeState) -> list[str] | None:
        """The files whose content differs from ``before``; None when more than that changed."""
        if self.layout != before.layout or self.stats.keys() != before.stats.keys():
            return None
        return sorted(
            name for name, (_, content) in self.stats.items() if before.stats[name][1] != content
        )


def _stat_key(info: os.stat_result) -> tuple[int, ...]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _content_hash(path: str) -> str:
    # Through the loader's own guarded read: a file swapped for a pipe after the stat above
    # must not block the start.
    try:
        return hashlib.blake2b(read_regular(Path(path), HASHED_UP_TO), digest_size=16).hexdigest()
    except Unreadable as error:
        return f"unreadable: {error}"


def tree_state(root: Path, known: TreeState | None = None) -> TreeState | None:
    """The state of ``root``'s folders; hashes of files unchanged since ``known`` are reused.

    None when a folder cannot be listed: such a tree is loaded, never cached.
    """
    taken_at = time.time_ns()
    digest = hashlib.blake2b(FORMAT + _core_source_hash().encode(), digest_size=16)
    layout = digest.copy()
    stats: dict[str, tuple[tuple[int, ...], str]] = {}
    trusted_before = (known.taken_at - RACY_NS) if known else 0
    for folder in FOLDERS:
        directory = root / folder
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except FileNotFoundError:
            digest.update(f"\0{folder} missing".encode())
            layout.update(f"\0{folder} missing".encode())
            continue
        except OSError:
            return None
        digest.update(f"\0{folder}/".encode())
        layout.update(f"\0{folder}/".encode())
        for entry in entries:
            name = f"{folder}/{entry.name}"
            try:
                info = os.stat(entry.path)  # through a link, as the loader reads it
            except OSError as error:
                gone = f"\0{name}\0gone {error.errno}".encode("utf-8", "surrogateescape")
                digest.update(gone)
                layout.update(gone)
                continue
            if not stat.S_ISREG(info.st_mode) or info.st_size > HASHED_UP_TO:
                # Not read by the loader (a folder, a pipe) or refused for its size.
                kind = f"mode {info.st_mode:o} size {info.st_size}"
                other = f"\0{name}\0{kind}".encode("utf-8", "surrogateescape")
                digest.update(other)
                layout.update(other)
                continue
            key = _stat_key(info)
            previous = known.stats.get(name) if known else None
            if previous is not None and previous[0] == key and info.st_ctime_ns < trusted_before:
                content = previous[1]
            else:
                content = _content_hash(entry.path)
            stats[name] = (key, content)
            digest.update(f"\0{name}\0{content}".encode("utf-8", "surrogateescape"))
    return TreeState(digest.hexdigest(), stats, taken_at, layout.hexdigest())


_SOURCE_HASH: str | None = None


def _core_source_hash() -> str:
    """A hash of the core's source: new rules make new keys."""
    global _SOURCE_HASH
    if _SOURCE_HASH is None:
        digest = hashlib.blake2b(digest_size=16)
        for path in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _SOURCE_HASH = digest.hexdigest()
    return _SOURCE_HASH


class _DatasetUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_GLOBALS or (module in _ALLOWED_MODULES and "." not in name):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"not part of a dataset: {module}.{name}")


class Cache:
    """The entries of one cache folder; every failure to read or write one is a miss."""

    def __init__(self, directory: Path):
        self.directory = directory

    def _entry(self, root: Path) -> Path:
        where = hashlib.blake2b(
            str(root.resolve()).encode("utf-8", "surrogateescape"), digest_size=16
        )
        return self.directory / "trees" / f"{where.hexdigest()}.cache"

    def _secret(self, create: bool) -> bytes | None:
        path = self.directory / "secret"
        try:
            return path.read_bytes()
        except OSError:
            if not create:
                return None
        secret = secrets.token_bytes(32)
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(secret)
        except FileExistsError:
            return self._secret(create=False)
        except OSError:
            return None
        return secret

    def read(self, root: Path) -> tuple[TreeState | None, bytes | None]:
        """The recorded state of ``root`` and the dataset's bytes, or (None, None)."""
        secret = self._secret(create=False)
        if secret is None:
            return None, None
        try:
            data = self._entry(root).read_bytes()
        except OSError:
            return None, None
        head = len(FORMAT) + _DIGEST
        if not data.startswith(FORMAT) or len(data) < head + 8:
            return None, None
        mac, payload = data[len(FORMAT) : head], data[head:]
        if not hmac.compare_digest(mac, hmac.new(secret, payload, "sha256").digest()):
            return None, None
        size = int.from_bytes(payload[:8], "big")
        try:
            state = _loads(payload[8 : 8 + size])
        except Exception:
            return None, None
        if not isinstance(state, TreeState):
            return None, None
        return state, payload[8 + size :]

    def size(self, root: Path) -> int | None:
        """The size in bytes of ``root``'s entry, None when there is none."""
        try:
            return self._entry(root).stat().st_size
        except OSError:
            return None

    def write(self, root: Path, state: TreeState, dataset: Dataset) -> None:
        secret = self._secret(create=True)
        if secret is None:
            return
        head = pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
        body = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
        payload = len(head).to_bytes(8, "big") + head + body
        mac = hmac.new(secret, payload, "sha256").digest()
        entry = self._entry(root)
        fresh = entry.with_name(f".{entry.name}.{os.getpid()}")
        try:
            entry.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            with open(fresh, "wb") as handle:
                handle.write(FORMAT + mac + payload)
            fresh.replace(entry)  # whole or not at all
        except OSError:
            fresh.unlink(missing_ok=True)


def _loads(data: bytes) -> Any:
    return _DatasetUnpickler(io.BytesIO(data)).load()


class WarmStart:
    """Loads one tree, start after start and reload after reload, through the cache.

    The first load restores the dataset when the tree's content is what the entry recorded;
    later loads compare with the last one (nothing changed: the same dataset). When only a few
    actor files changed, only those are read again (see tui.core.reload), on a reload as on a
    start. Whatever was loaded afresh is recorded by ``save``. ``restored`` says whether the
    last load read no file, ``reread`` which files it read when not all.
    """

    def __init__(self, root: Path, directory: Path | None = None):
        self.root = Path(root)
        folder = directory if directory is not None else cache_dir()
        self.cache = Cache(folder) if folder is not None else None
        self.restored = False
        self.reread: list[str] | None = None  # the files the last load read, when not all
        self._last: tuple[TreeState, Dataset] | None = None
        self._pending: tuple[TreeState, Dataset] | None = None

    def load(self, load: Callable[[Path], Dataset]) -> Dataset:
        """The dataset of the tree; ``load(root)`` is called when the cache cannot give it."""
        # As in a load: a restore makes hundreds of thousands of objects and no cycles.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self._load(load)
        finally:
            if collecting:
                gc.enable()

    def _load(self, load: Callable[[Path], Dataset]) -> Dataset:
        self.restored, self.reread = False, None
        if self.cache is None:
            return load(self.root)
        if self._last is None:
            known, body = self.cache.read(self.root)
            previous = None
        else:
            (known, previous), body = self._last, None
        state = tree_state(self.root, known)
        if state is None or known is None:
            dataset = load(self.root)
        elif state.key == known.key:
            dataset = self._restore(body) if body is not None else previous  # type: ignore[assignment]
            if dataset is not None:
                self.restored = True
                self._last = (state, dataset)
                return dataset
            dataset = load(self.root)
        else:
            reloaded = self._reload(state, known, previous, body)
            if reloaded is not None:
                # The entry stays as it is: the next start restores it and reads these files
                # again, which costs less than writing the whole dataset after every save.
                self._last = (state, reloaded)
                return reloaded
            dataset = load(self.root)
        if state is not None:
            self._last = (state, dataset)
            # A copy of its own: the views cache what they work out on the one they are given.
            self._pending = (state, dataclasses.replace(dataset))
        return dataset

    def restore(self, at_most: int) -> Dataset | None:
        """The dataset recorded for the tree, when nothing in it changed and its entry holds at
        most ``at_most`` bytes; else None, and ``load`` does the rest.

        A small entry restores in a few milliseconds: the app restores it before its first
        frame, so that frame has the data in it, where a load in a thread would first draw a
        placeholder and then the data (two frames where one will do).
        """
        if self.cache is None or self._last is not None:
            return None
        size = self.cache.size(self.root)
        if size is None or size > at_most:
            return None
        collecting = gc.isenabled()
        gc.disable()
        try:
            known, body = self.cache.read(self.root)
            if known is None or body is None:
                return None
            state = tree_state(self.root, known)
            if state is None or state.key != known.key:
                return None
            dataset = self._restore(body)
            if dataset is None:
                return None
            self.restored, self.reread = True, None
            self._last = (state, dataset)
            return dataset
        finally:
            if collecting:
                gc.enable()

    def _reload(
        self, state: TreeState, known: TreeState, previous: Dataset | None, body: bytes | None
    ) -> Dataset | None:
        """The last dataset with only the files changed since read again, when that can be."""
        changed = state.changed_files(known)
        if not changed or len(changed) > RELOAD_AT_MOST or not all(map(is_actor_file, changed)):
            return None
        if previous is None and body is not None:
            previous = self._restore(body)  # a start after a few files changed
        if previous is None:
            return None
        from tui.core.reload import reload_actor_files  # the loader: pydantic and YAML

        dataset = reload_actor_files(self.root, previous, changed)
        if dataset is not None:
            self.reread = changed
        return dataset

    def _restore(self, body: bytes) -> Dataset | None:
        try:
            dataset = _loads(body)
        except Exception:  # whatever a damaged entry makes the unpickler raise: a miss
            return None
        if not isinstance(dataset, Dataset):
            return None
        return dataclasses.replace(dataset, root=self.root)

    def save(self) -> None:
        """Record the last load afresh (apart, so that it need not hold up showing the data)."""
        if self.cache is not None and self._pending is not None:
            state, dataset = self._pending
            self._pending = None
            self.cache.write(self.root, state, dataset)
