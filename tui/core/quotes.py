"""The quotes search: every evidence item on record by a date, found by words, actor and issue.

The Quotes view and `peninsula quotes` both ask this. A word matches when it is in the quote, the
speaker's or the stance holder's name, the issue's title, the kind, the relay or the outlet,
ignoring case; every word must match.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence

from tui.core.citations import source_name, stances_through
from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord


def haystack(ds: Dataset, record: EvidenceRecord) -> str:
    """What a filter word may match: the words, the speaker, the issue, the relay, the outlet."""
    return (
        record.evidence.text.casefold()
        + "\n"
        + _context(ds, record)
        + _outlet(ds, record.evidence.source)
    )


def _context(ds: Dataset, record: EvidenceRecord) -> str:
    """The haystack's part about who said it on what, and how it was relayed, case-folded."""
    evidence = record.evidence
    parts = [
        ds.actor_name(record.speaker_id),
        ds.actor_name(record.actor_id),
        ds.issue_title(record.issue_id),
        evidence.kind,
        " ".join(evidence.via),
    ]
    return "\n".join(parts).casefold()


def _outlet(ds: Dataset, source: str) -> str:
    # The outlet, not the title: a long headline would match every quote it holds.
    seed = ds.seeds.get(source)
    return "\n" + seed.meta.outlet.casefold() if seed is not None else ""


class Quotes:
    """Every evidence item of a stance dated on or before ``as_of``, in dataset order, and what a
    filter word may match in each.

    Listing them is a walk over the stances; what a word may match (``haystacks``) is built only
    when a word is first looked for, once: a first look at the list, or a narrowing by actor
    and issue alone, never pays for case-folding tens of thousands of texts.
    """

    def __init__(self, ds: Dataset, as_of: dt.date | None = None) -> None:
        self.dataset = ds
        self.as_of = as_of
        # Each record and, at the same place, the stance it is evidence of.
        self.records: list[EvidenceRecord] = []
        self.stances: list[StanceRecord] = []
        records, stances = self.records.append, self.stances.append
        for stance in stances_through(ds, as_of):
            for record in stance.evidence:
                records(record)
                stances(stance)
        self._haystacks: list[str] | None = None
        self._names: dict[str, str] = {}
        # One build at a time: a view and a worker thread may ask at once.
        self._building = threading.Lock()

    def __len__(self) -> int:
        return len(self.records)

    @property
    def searchable(self) -> bool:
        """Whether a search by words is ready (``haystacks`` built)."""
        return self._haystacks is not None

    def haystacks(self) -> list[str]:
        """Per record, in order, what a filter word may match, case-folded: the one
        ``haystack`` gives, built over every record at once so that what records share (each
        name, title, kind, relay and outlet) is case-folded once."""
        if self._haystacks is None:
            with self._building:
                if self._haystacks is None:
                    self._haystacks = _build_haystacks(self.dataset, self.records)
        return self._haystacks

    def search(
        self,
        words: Sequence[str] = (),
        *,
        actor_id: str | None = None,
        issue_id: str | None = None,
        within: Sequence[int] | None = None,
    ) -> Sequence[int]:
        """The positions in ``records`` (among ``within``, when given) of the records that every
        word matches, said by or held by ``actor_id``, on ``issue_id``."""
        records = self.records
        matches: Sequence[int] = range(len(records)) if within is None else within
        if actor_id is not None or issue_id is not None:
            matches = [
                index
                for index in matches
                if (
                    actor_id is None
                    or actor_id in (records[index].actor_id, records[index].speaker_id)
                )
                and (issue_id is None or records[index].issue_id == issue_id)
            ]
        folded = fold(words)
        if folded:
            haystacks = self.haystacks()
            for word in folded:
                matches = [index for index in matches if word in haystacks[index]]
        return matches

    def source_name(self, seed_id: str) -> str:
        name = self._names.get(seed_id)
        if name is None:
            name = self._names[seed_id] = source_name(self.dataset, seed_id)
        return name

    def sources(self, matches: Iterable[int]) -> list[str]:
        """The names of the sources the matches cite, each once, in order of first citation."""
        records = self.records
        cited = dict.fromkeys(records[index].evidence.source for index in matches)
        return list(dict.fromkeys(self.source_name(seed_id) for seed_id in cited))


def _build_haystacks(ds: Dataset, records: Sequence[EvidenceRecord]) -> list[str]:
    names = {actor_id: actor.name.casefold() for actor_id, actor in ds.actors.items()}
    titles: dict[str, str] = {}
    outlets: dict[str, str] = {}
    relays: dict[tuple[str, ...], str] = {(): ""}
    kinds: dict[str, str] = {}
    haystacks: list[str] = []
    append = haystacks.append
    for record in records:
        evidence = record.evidence
        source, issue_id = evidence.source, record.issue_id
        title = titles.get(issue_id)
        if title is None:
            title = titles[issue_id] = ds.issue_title(issue_id).casefold()
        outlet = outlets.get(source)
        if outlet is None:
            outlet = outlets[source] = _outlet(ds, source)
        relay = relays.get(evidence.via)
        if relay is None:
            relay = relays[evidence.via] = " ".join(evidence.via).casefold()
        kind = kinds.get(evidence.kind)
        if kind is None:
            kind = kinds[evidence.kind] = evidence.kind.casefold()
        speaker, holder = record.speaker_id, record.actor_id
        parts = (
            evidence.text.casefold(),
            names.get(speaker) or speaker.casefold(),
            names.get(holder) or holder.casefold(),
            title,
            kind,
            relay,
        )
        append("\n".join(parts) + outlet)
    return haystacks


# One build at a time: a view and a worker thread may ask for the same date at once.
_BUILDING = threading.Lock()


def quotes_on_record(ds: Dataset, as_of: dt.date | None = None) -> Quotes:
    """The ``Quotes`` of ``as_of``, built once per dataset and date and kept with the dataset
    (``Dataset.memo``), its haystacks with it once built."""
    key = ("quotes", as_of)
    quotes = ds.memo.get(key)
    if quotes is None:
        with _BUILDING:
            quotes = ds.memo.get(key)
            if quotes is None:
                quotes = ds.memo[key] = Quotes(ds, as_of)
    return quotes


def fold(words: Iterable[str]) -> tuple[str, ...]:
    """Search words as they are compared: case-folded."""
    return tuple(word.casefold() for word in words)


def narrows(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """True when every item matching ``after`` also matches ``before`` (typing on narrows), so
    that a search for ``after`` may start from the matches of ``before``."""
    return len(after) >= len(before) and all(old in new for old, new in zip(before, after))
