"""The loaded data: every valid record, with where it came from, and the diagnostics.

Built once per load by ``tui.core.loader.load_tree``; everything above the core (app, analysis,
exports) reads this and never the YAML. Indexes are built once here so that views stay cheap.

A Dataset is immutable in fact, not by habit: the app hands it between threads and every view
reads the same one. Its mappings refuse writes (read-only views of dicts no one else holds), its
sequences are tuples, its records frozen dataclasses over frozen models. The loader fills a
``DatasetBuilder`` and freezes it once.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    # Annotations only: the app's first frame must not wait for pydantic to import.
    from tui.core.records import Actor, Condition, Evidence, Issue, Position, SeedMeta


@dataclass(frozen=True)
class Location:
    """Where a record stands in its file (1-based)."""

    path: str
    line: int
    col: int

    def format(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Seed:
    """A source article: its front matter and its body, verbatim."""

    meta: SeedMeta
    body: str
    location: Location

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class EvidenceRecord:
    """One evidence item of one stance, with the outcome of verifying it against its seed."""

    actor_id: str
    issue_id: str
    as_of: dt.date
    evidence: Evidence
    speaker_id: str
    verified: bool
    # Character offsets [start, end) in the seed body where each piece of the text was found.
    spans: tuple[tuple[int, int], ...]
    location: Location


@dataclass(frozen=True)
class StanceRecord:
    """An actor's stance on an issue from a date on, with its evidence records."""

    actor_id: str
    position: Position
    evidence: tuple[EvidenceRecord, ...]
    location: Location

    @property
    def issue_id(self) -> str:
        return self.position.issue

    @property
    def stance(self) -> int | None:
        return self.position.stance

    @property
    def as_of(self) -> dt.date:
        return self.position.as_of

    @property
    def conditions(self) -> tuple[Condition, ...]:
        return self.position.conditions

    @property
    def is_conditional(self) -> bool:
        return bool(self.position.conditions)


@dataclass(frozen=True)
class Change:
    """A stance that differs between two dates (``before`` is None when it is new).

    ``kind`` says what happened, in the words of ``tui.core.history``: ``first`` (nothing had been
    stated before: the first record is not a change), ``changed`` or ``withdrawn``.
    """

    actor_id: str
    issue_id: str
    before: StanceRecord | None
    after: StanceRecord | None
    kind: str = "changed"


def stated(record: StanceRecord | None) -> tuple[int | None, tuple[Condition, ...]] | None:
    """What a stance says, as a change compares it: no record and a null stance with no
    condition both say nothing."""
    if record is None or (record.stance is None and not record.conditions):
        return None
    return record.stance, record.conditions


K = TypeVar("K")
V = TypeVar("V")


def frozen_mapping(items: Mapping[K, V]) -> Mapping[K, V]:
    """A read-only view of a copy of ``items``: nobody holds the dict behind it."""
    return MappingProxyType(dict(items))


@dataclass
class DatasetBuilder:
    """A Dataset while the loader fills it: plain dicts and lists, frozen once by ``freeze``."""

    root: Path
    issues: dict[str, Issue] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    seeds: dict[str, Seed] = field(default_factory=dict)
    stances: list[StanceRecord] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    issue_locations: dict[str, Location] = field(default_factory=dict)
    actor_locations: dict[str, Location] = field(default_factory=dict)

    def freeze(self) -> Dataset:
        return Dataset(**{f.name: getattr(self, f.name) for f in fields(self)})


@dataclass(frozen=True, eq=False)
class Dataset:
    """Every valid record of one load and its diagnostics; read-only (see the module's doc).

    Any mapping or iterable may be passed in: each is copied into a read-only mapping or a tuple.
    """

    root: Path
    issues: Mapping[str, Issue] = field(default_factory=dict)
    actors: Mapping[str, Actor] = field(default_factory=dict)
    seeds: Mapping[str, Seed] = field(default_factory=dict)
    # Tuples once built; any sequence may be passed in.
    stances: Sequence[StanceRecord] = ()
    diagnostics: Sequence[Diagnostic] = ()
    issue_locations: Mapping[str, Location] = field(default_factory=dict)
    actor_locations: Mapping[str, Location] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Frozen: the fields are set once, here, through object.__setattr__.
        for name in ("issues", "actors", "seeds", "issue_locations", "actor_locations"):
            object.__setattr__(self, name, frozen_mapping(getattr(self, name)))
        object.__setattr__(self, "stances", tuple(self.stances))
        object.__setattr__(self, "diagnostics", tuple(self.diagnostics))

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # A read-only mapping cannot be pickled: rebuild from plain dicts (caches not kept).
        values = (getattr(self, f.name) for f in fields(self))
        return (Dataset, tuple(dict(v) if isinstance(v, Mapping) else v for v in values))

    # -- counts and problems -------------------------------------------------------------------

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @cached_property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @cached_property
    def evidence(self) -> tuple[EvidenceRecord, ...]:
        return tuple(ev for record in self.stances for ev in record.evidence)

    # -- time ----------------------------------------------------------------------------------

    @cached_property
    def dates(self) -> tuple[dt.date, ...]:
        """Every date on which some stance takes effect, ascending (worked out once: every
        view and caption asks, and it walks every stance)."""
        return tuple(sorted({record.as_of for record in self.stances}))

    @property
    def latest_date(self) -> dt.date | None:
        return self.dates[-1] if self.dates else None

    @cached_property
    def _history(self) -> Mapping[tuple[str, str], tuple[StanceRecord, ...]]:
        history: dict[tuple[str, str], list[StanceRecord]] = {}
        for record in self.stances:
            history.setdefault((record.actor_id, record.issue_id), []).append(record)
        return {
            key: tuple(sorted(records, key=lambda r: r.as_of)) for key, records in history.items()
        }

    def history_keys(self) -> list[tuple[str, str]]:
        """Every (actor id, issue id) with at least one dated stance."""
        return list(self._history)

    def history(self, actor_id: str, issue_id: str) -> list[StanceRecord]:
        """Every dated stance of one actor on one issue, oldest first."""
        return list(self._history.get((actor_id, issue_id), ()))

    def stance_at(
        self, actor_id: str, issue_id: str, as_of: dt.date | None = None
    ) -> StanceRecord | None:
        """The stance in force on ``as_of`` (the latest one when None)."""
        records = self._history.get((actor_id, issue_id), ())
        if as_of is None:
            return records[-1] if records else None
        # Oldest first: the last one dated on or before as_of (thousands on a long history).
        index = bisect_right(records, as_of, key=_dated)
        return records[index - 1] if index else None

    @cached_property
    def memo(self) -> dict[Hashable, Any]:
        """What the core works out once from this dataset, under a key of its own (the quotes
        search items per date, see ``tui.core.quotes``): the dataset never changes, so it is
        kept with it, and goes with it (a pickled dataset keeps none of it)."""
        return {}

    @cached_property
    def _pictures(self) -> dict[dt.date | None, Mapping[tuple[str, str], StanceRecord]]:
        return {}

    def as_of(self, when: dt.date | None = None) -> Mapping[tuple[str, str], StanceRecord]:
        """The picture on a date: (actor id, issue id) -> the stance in force.

        Worked out once per date and kept: the dataset never changes, and every view, caption
        and analysis asks for the same few dates.
        """
        picture = self._pictures.get(when)
        if picture is None:
            built = {}
            for actor_id, issue_id in self._history:
                record = self.stance_at(actor_id, issue_id, when)
                if record is not None:
                    built[(actor_id, issue_id)] = record
            # Two threads may both build it; either result is the same picture.
            picture = self._pictures.setdefault(when, MappingProxyType(built))
        return picture

    def changes(self, start: dt.date, end: dt.date) -> list[Change]:
        """Stances that differ between two dates, in catalogue order of issue then actor.

        Only a stance that takes effect between the two dates can make one differ, so only
        those are looked at: a step of the as-of date costs what changed, not the whole record.
        """
        low, high = min(start, end), max(start, end)
        dates = self._stance_dates
        window = self._by_date[bisect_right(dates, low) : bisect_right(dates, high)]
        candidates = {(record.actor_id, record.issue_id) for record in window}
        changed = []
        for key in sorted(
            candidates, key=lambda k: (self._issue_rank(k[1]), self._actor_rank(k[0]))
        ):
            old, new = self.stance_at(*key, start), self.stance_at(*key, end)
            if stated(old) == stated(new):
                continue
            changed.append(Change(key[0], key[1], old, new, self._change_kind(key, start, new)))
        return changed

    @cached_property
    def _by_date(self) -> tuple[StanceRecord, ...]:
        return tuple(sorted(self.stances, key=_dated))

    @cached_property
    def _stance_dates(self) -> tuple[dt.date, ...]:
        return tuple(record.as_of for record in self._by_date)

    def _change_kind(self, key: tuple[str, str], start: dt.date, new: StanceRecord | None) -> str:
        if stated(new) is None:
            return "withdrawn"
        stated_before = any(
            stated(r) is not None for r in self._history.get(key, []) if r.as_of <= start
        )
        return "changed" if stated_before else "first"

    def _issue_rank(self, issue_id: str) -> int:
        return self._issue_ranks.get(issue_id, len(self.issues))

    def _actor_rank(self, actor_id: str) -> int:
        return self._actor_ranks.get(actor_id, len(self.actors))

    # -- look-ups ------------------------------------------------------------------------------

    def actor_name(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.name if actor else actor_id

    def issue_title(self, issue_id: str) -> str:
        issue = self.issues.get(issue_id)
        return issue.title if issue else issue_id

    @cached_property
    def _by_statement(self) -> Mapping[str, tuple[EvidenceRecord, ...]]:
        grouped: dict[str, list[EvidenceRecord]] = {}
        for record in self.evidence:
            if record.evidence.statement is not None:
                grouped.setdefault(record.evidence.statement, []).append(record)
        return {key: tuple(records) for key, records in grouped.items()}

    def statement_evidence(self, statement_id: str) -> tuple[EvidenceRecord, ...]:
        """Every evidence item of one statement (``statement:`` id), across actor files."""
        return self._by_statement.get(statement_id, ())

    def evidence_for_seed(self, seed_id: str) -> list[EvidenceRecord]:
        """Every evidence item citing the seed, in dataset order."""
        return list(self._evidence_by_seed.get(seed_id, ()))

    @cached_property
    def _evidence_by_seed(self) -> Mapping[str, tuple[EvidenceRecord, ...]]:
        # A source's passages are asked for one source at a time, among thousands.
        by_seed: dict[str, list[EvidenceRecord]] = {}
        for ev in self.evidence:
            by_seed.setdefault(ev.evidence.source, []).append(ev)
        return {seed_id: tuple(items) for seed_id, items in by_seed.items()}

    def stance_rank(self, record: StanceRecord) -> int:
        """Where ``record`` stands in ``stances`` (dataset order), found without a scan."""
        return self._stance_ranks[id(record)]

    @cached_property
    def _stance_ranks(self) -> Mapping[int, int]:
        # By identity: every record of the dataset is kept alive by ``stances``.
        return {id(record): rank for rank, record in enumerate(self.stances)}

    @cached_property
    def _actor_ranks(self) -> Mapping[str, int]:
        return {actor_id: rank for rank, actor_id in enumerate(self.actors)}

    @cached_property
    def _issue_ranks(self) -> Mapping[str, int]:
        return {issue_id: rank for rank, issue_id in enumerate(self.issues)}

    def summary(self) -> dict[str, int]:
        from tui.core.statements import count_evidence

        evidence = self.evidence
        counts = count_evidence(evidence)
        return {
            "statements": counts.statements,
            "renderings": counts.renderings,
            "verified_renderings": counts.verified_renderings,
            "actors": len(self.actors),
            "issues": len(self.issues),
            "stances": len(self.stances),
            "evidence": len(evidence),
            "sources": len(self.seeds),
            "verified": sum(1 for ev in evidence if ev.verified),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
        }


def load_failure(root: Path, error: BaseException) -> Dataset:
    """An empty dataset whose one diagnostic says why the tree could not be loaded at all."""
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return Dataset(
        root=root,
        diagnostics=[
            Diagnostic(".", 1, 1, Severity.ERROR, f"the data could not be loaded: {reason}")
        ],
    )


def _dated(record: StanceRecord) -> dt.date:
    return record.as_of
