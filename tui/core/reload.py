"""A reload after actor files changed: only those files are read and checked again.

An actor file's records depend on its own text, on the issue catalogue, on the seeds it cites
and on the ids of the other actors. When only actor files changed, and each still holds the
same actor under the same name (so no reference, duplicate or look-alike check of another file
can come out differently), the other files' records and diagnostics stand as they were: each
changed file is read and checked against the dataset on hand, and its records take the place
of its old ones. Anything else returns None, and the caller loads the whole tree.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from tui.core.dataset import Dataset
from tui.core.loader import _TreeLoader, shown_safely
from tui.core.paths import is_actor_file

# Diagnostics that say one actor file's records depend on another's beyond ids: their presence
# anywhere sends a reload to a full load.
_CROSS_FILE = ("duplicate actor id", "looks the same as that of actor")


def reload_actor_files(root: Path, previous: Dataset, changed: list[str]) -> Dataset | None:
    """``previous`` with the actor files ``changed`` (names relative to ``root``) read again."""
    if not changed or not all(is_actor_file(name) for name in changed):
        return None
    if any(marker in d.message for d in previous.diagnostics for marker in _CROSS_FILE):
        return None
    holder = {location.path: actor_id for actor_id, location in previous.actor_locations.items()}
    if any(name not in holder for name in changed):
        return None  # the file held no actor before (or lost its id to another): reload all
    actors = dict(previous.actors)
    actor_locations = dict(previous.actor_locations)
    stances = list(previous.stances)
    diagnostics = [d for d in previous.diagnostics if d.path not in changed]
    for name in changed:
        loaded = _reload_one(root, previous, name, holder[name])
        if loaded is None:
            return None
        loader, actor_id = loaded
        actors[actor_id] = loader.dataset.actors[actor_id]
        actor_locations[actor_id] = loader.dataset.actor_locations[actor_id]
        # The file's stances stand together, in file order: the new ones take their place.
        at = [i for i, record in enumerate(stances) if record.location.path == name]
        start = at[0] if at else len(stances)
        stances[start : start + len(at)] = loader.dataset.stances
        diagnostics.extend(shown_safely(d) for d in loader.diagnostics)
    return dataclasses.replace(
        previous,
        actors=actors,
        actor_locations=actor_locations,
        stances=stances,
        diagnostics=sorted(diagnostics),
    )


def _reload_one(
    root: Path, previous: Dataset, name: str, actor_id: str
) -> tuple[_TreeLoader, str] | None:
    loader = _TreeLoader(root)
    # What the file is checked against: the catalogue, the seeds and the other actors on hand.
    loader.dataset.issues = dict(previous.issues)
    loader.dataset.issue_locations = dict(previous.issue_locations)
    loader.dataset.seeds = dict(previous.seeds)
    read = loader.read_actor(root / name)
    if read is None:
        return None  # no actor in it now: the ids of the tree change
    _, (_, shell) = read
    before = previous.actors[actor_id]
    if shell.id != actor_id or shell.name != before.name:
        return None  # references or look-alike warnings elsewhere may change
    others = {key: actor for key, actor in previous.actors.items() if key != actor_id}
    loader.choose_actors([read], others)
    if actor_id not in loader.dataset.actors:
        return None
    loader.dataset.actors = {**others, actor_id: loader.dataset.actors[actor_id]}
    if any(marker in d.message for d in loader.diagnostics for marker in _CROSS_FILE):
        return None
    return loader, actor_id
