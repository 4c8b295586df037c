"""Keeping the last good version of each file on screen while it is being rewritten.

An editor or a `git checkout` can leave a file half-written for a moment; the watcher may reload
right then. The loader already keeps every good record of the other files. On top of that, when a
file that loaded without errors before now has errors, the app keeps showing that file's records
from its last error-free load, names the file in a warning, and shows the new errors as well.
When the file loads cleanly again its new records replace the old ones: the app converges on the
final file. A file that never loaded cleanly shows whatever good records the loader kept.

Pure data, as the core is: the app merges each load through it, and tests need no app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.dataset import Dataset, Location, Seed, StanceRecord
from tui.core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from tui.core.records import Actor, Issue

STALE_MESSAGE = "has errors: showing its last good version until they are fixed"


def _key(path: str) -> str:
    return Path(path).as_posix()


@dataclass
class FileRecords:
    """Everything one file contributed to a dataset."""

    issues: dict[str, tuple[Issue, Location]] = field(default_factory=dict)
    actors: dict[str, tuple[Actor, Location]] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)
    stances: list[StanceRecord] = field(default_factory=list)


def records_by_file(ds: Dataset) -> dict[str, FileRecords]:
    files: dict[str, FileRecords] = {}

    def of(location: Location) -> FileRecords:
        return files.setdefault(_key(location.path), FileRecords())

    for issue_id, issue in ds.issues.items():
        location = ds.issue_locations.get(issue_id)
        if location is not None:
            of(location).issues[issue_id] = (issue, location)
    for actor_id, actor in ds.actors.items():
        location = ds.actor_locations.get(actor_id)
        if location is not None:
            of(location).actors[actor_id] = (actor, location)
    for seed_id, seed in ds.seeds.items():
        of(seed.location).seeds[seed_id] = seed
    for record in ds.stances:
        of(record.location).stances.append(record)
    return files


class LastGood:
    """Remembers each file's records from its last load without errors."""

    def __init__(self) -> None:
        self._good: dict[str, FileRecords] = {}

    @property
    def files(self) -> set[str]:
        return set(self._good)

    def merge(self, loaded: Dataset) -> Dataset:
        files = records_by_file(loaded)
        broken = {_key(d.path) for d in loaded.errors}
        for path in set(self._good) - set(files) - broken:
            del self._good[path]  # the file is gone (or holds nothing now): so be it
        for path, records in files.items():
            if path not in broken:
                self._good[path] = records
        stale = sorted(path for path in broken if path in self._good)
        if not stale:
            return loaded
        return _replace(loaded, files, {path: self._good[path] for path in stale})


def _replace(
    loaded: Dataset, files: dict[str, FileRecords], kept: dict[str, FileRecords]
) -> Dataset:
    """``loaded`` with the records of each file in ``kept`` swapped for the kept ones."""
    chosen = {**files, **kept}

    def order(location: Location) -> tuple[str, int, int]:
        return (_key(location.path), location.line, location.col)

    issues = sorted(
        (item for records in chosen.values() for item in records.issues.items()),
        key=lambda item: order(item[1][1]),
    )
    actors = sorted(
        (item for records in chosen.values() for item in records.actors.items()),
        key=lambda item: order(item[1][1]),
    )
    seeds = sorted(
        (item for records in chosen.values() for item in records.seeds.items()),
        key=lambda item: order(item[1].location),
    )
    stances = sorted(
        (record for records in chosen.values() for record in records.stances),
        key=lambda record: order(record.location),
    )
    notes = [Diagnostic(path, 1, 1, Severity.WARNING, STALE_MESSAGE) for path in sorted(kept)]
    return Dataset(
        root=loaded.root,
        issues={issue_id: issue for issue_id, (issue, _) in issues},
        actors={actor_id: actor for actor_id, (actor, _) in actors},
        seeds=dict(seeds),
        stances=stances,
        diagnostics=sorted([*loaded.diagnostics, *notes]),
        issue_locations={issue_id: location for issue_id, (_, location) in issues},
        actor_locations={actor_id: location for actor_id, (_, location) in actors},
    )
