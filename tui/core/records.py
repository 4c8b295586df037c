"""The records a Dataset holds: frozen, plain, and free of pydantic.

The pydantic models of ``tui.core.models`` check what a file may hold; once a record has passed,
the loader hands on its twin from here, with the same fields (lists as tuples). So a dataset is
immutable in fact, pickles and unpickles without running any validator (the warm start), and
nothing that reads one, the app's first frame above all, imports pydantic. A test keeps the
fields of each twin equal to its model's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class Issue:
    id: str
    title: str
    proposition: str
    scale: dict[int, str]
    description: str | None = None


@dataclass(frozen=True)
class Condition:
    """Another actor's stance on an issue must lie within [min, max]."""

    actor: str
    issue: str
    min: int | None
    max: int | None
    text: str

    def met_by(self, stance: int | None) -> bool | None:
        """True/False when the stance is known; None when the actor has no stated position."""
        return condition_met(self.min, self.max, stance)

    def needs(self) -> str:
        """The required range in words: "≤ 0", "≥ +1", "between -1 and +1"."""
        return condition_needs(self.min, self.max)


@dataclass(frozen=True)
class Evidence:
    kind: str
    text: str
    source: str
    speaker: str | None
    said_on: dt.date | None
    said_on_note: str | None
    via: tuple[str, ...]
    channels: tuple[str, ...]
    statement: str | None


@dataclass(frozen=True)
class Position:
    issue: str
    stance: int | None
    as_of: dt.date
    summary: str
    inferred: str | None
    conditions: tuple[Condition, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    role: str
    country: str
    aliases: tuple[str, ...]
    positions: tuple[Position, ...]


@dataclass(frozen=True)
class SeedMeta:
    id: str
    title: str
    outlet: str
    published: dt.date
    via: tuple[str, ...]
    url: str | None
    excerpt: bool
    sha256: str | None
    inferred: dict[str, str]


TWINS: dict[str, type] = {
    cls.__name__: cls for cls in (Issue, Condition, Evidence, Position, Actor, SeedMeta)
}
FIELD_NAMES: dict[type, frozenset[str]] = {
    cls: frozenset(f.name for f in fields(cls)) for cls in TWINS.values()
}


def condition_met(low: int | None, high: int | None, stance: int | None) -> bool | None:
    if stance is None:
        return None
    if low is not None and stance < low:
        return False
    if high is not None and stance > high:
        return False
    return True


def _signed(value: int) -> str:
    return f"{value:+d}" if value else "0"


def condition_needs(low: int | None, high: int | None) -> str:
    if low is not None and high is not None:
        if low == high:
            return f"= {low:+d}" if low else "= 0"
        return f"between {_signed(low)} and {_signed(high)}"
    if high is not None:
        return f"≤ {_signed(high)}"
    return f"≥ {_signed(low)}"  # type: ignore[arg-type]


class _TwinClasses(dict[type, "type | None"]):
    """The twin class of each type met so far (None for plain values). A type is looked up by
    name once, on first sight, since this module may not import the pydantic models it mirrors."""

    def __missing__(self, kind: type) -> type | None:
        twin = self[kind] = TWINS.get(kind.__name__)
        return twin


_TWIN_OF = _TwinClasses()


class Twins:
    """Turns validated models into their twins, once each (a shared model stays shared)."""

    def __init__(self) -> None:
        self._made: dict[int, Any] = {}
        self._kept: list[Any] = []  # the models, so that their ids stay theirs meanwhile

    def __call__(self, model: Any) -> Any:
        made = self._made.get(id(model))
        if made is not None:
            return made
        twin_of = _TWIN_OF
        twin_class: Any = twin_of[type(model)]
        values = dict(model.__dict__)  # a pydantic model's field values, already checked
        for name, value in values.items():
            kind = type(value)
            if kind is list:
                values[name] = tuple(
                    [self(item) if twin_of[type(item)] else item for item in value]
                )
            elif twin_of[kind]:
                values[name] = self(value)
        twin = twin_class.__new__(twin_class)
        # Set as pickle sets a frozen dataclass's fields: the model has checked them.
        twin.__dict__.update(values)
        self._made[id(model)] = twin
        self._kept.append(model)
        return twin
