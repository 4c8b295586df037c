"""The history of a stance as events: first recorded, changed, withdrawn, restated.

One actor's dated records on one issue, oldest first, read pairwise:

- **first**: the first record that states something (a value, or conditions); it is not a change;
- **changed**: a later record that states something different (value or conditions), including a
  value stated again after a withdrawal;
- **withdrawn**: a record with no stance (null) after one that stated a value;
- **restated**: a record that states the same as the one before it, on new evidence.

A null record with nothing stated before it is no event: nothing was known, and nothing is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    import pandas as pd

    from tui.core.dataset import Dataset, StanceRecord

EventKind = Literal["first", "changed", "withdrawn", "restated"]
EVENT_KINDS: tuple[EventKind, ...] = ("first", "changed", "withdrawn", "restated")
EVENT_WORDS: dict[EventKind, str] = {
    "first": "first recorded",
    "changed": "changed",
    "withdrawn": "withdrawn",
    "restated": "restated",
}


@dataclass(frozen=True)
class StanceEvent:
    """One event in the history of one actor's stance on one issue."""

    kind: EventKind
    before: StanceRecord | None  # the record in force before; None for a first record
    after: StanceRecord

    @property
    def actor_id(self) -> str:
        return self.after.actor_id

    @property
    def issue_id(self) -> str:
        return self.after.issue_id

    @property
    def date(self) -> dt.date:
        return self.after.as_of

    @property
    def from_stance(self) -> int | None:
        return self.before.stance if self.before is not None else None

    @property
    def to_stance(self) -> int | None:
        return self.after.stance

    @property
    def word(self) -> str:
        return EVENT_WORDS[self.kind]

    @property
    def evidence_ids(self) -> tuple[str, ...]:
        """Where each evidence item behind the event stands: ``path:line:col``."""
        return tuple(ev.location.format() for ev in self.after.evidence)


def _says(record: StanceRecord) -> tuple[int | None, tuple] | None:
    if record.stance is None and not record.conditions:
        return None
    return record.stance, tuple(record.conditions)


def stance_events(records: list[StanceRecord]) -> list[StanceEvent]:
    """The events of one actor's records on one issue, ``records`` oldest first.

    Of two records of one day (a disputed day, see ``tui.core.freshness``) only the last, the one
    in force, makes an event: sources disagreeing on a day is not a change of mind that day.
    """
    events: list[StanceEvent] = []
    before: StanceRecord | None = None
    stated_before = False
    records = [
        record
        for n, record in enumerate(records)
        if n + 1 == len(records) or records[n + 1].as_of != record.as_of
    ]
    for record in records:
        says = _says(record)
        if says is None:
            if before is not None and _says(before) is not None:
                events.append(StanceEvent("withdrawn", before, record))
        elif not stated_before:
            events.append(StanceEvent("first", None, record))
            stated_before = True
        elif before is not None and _says(before) == says:
            events.append(StanceEvent("restated", before, record))
        else:
            events.append(StanceEvent("changed", before, record))
        before = record
    return events


def events(
    dataset: Dataset,
    start: dt.date | None = None,
    end: dt.date | None = None,
    kinds: tuple[EventKind, ...] = EVENT_KINDS,
) -> list[StanceEvent]:
    """Every event dated within [start, end] (open ends when None), by date, issue, then actor."""
    issue_rank = {issue: n for n, issue in enumerate(dataset.issues)}
    actor_rank = {actor: n for n, actor in enumerate(dataset.actors)}
    found = [
        event
        for actor_id, issue_id in dataset.history_keys()
        for event in stance_events(dataset.history(actor_id, issue_id))
        if event.kind in kinds
        and (start is None or event.date >= start)
        and (end is None or event.date <= end)
    ]
    found.sort(
        key=lambda e: (
            e.date,
            issue_rank.get(e.issue_id, len(issue_rank)),
            e.issue_id,
            actor_rank.get(e.actor_id, len(actor_rank)),
            e.actor_id,
        )
    )
    return found


def events_between(dataset: Dataset, start: dt.date, end: dt.date) -> list[StanceEvent]:
    """What happened after ``start`` up to and including ``end``: the Timeline's "what changed"."""
    return [e for e in events(dataset, end=end) if e.date > start]


# Column -> dtype of ``peninsula export --what changes``.
CHANGES_COLUMNS: dict[str, str] = {
    "actor_id": "str",
    "actor": "str",
    "issue_id": "str",
    "issue": "str",
    "date": "str",  # ISO date the event takes effect
    "kind": "str",  # first, changed, withdrawn, restated
    "from": "Int64",  # the stance before; missing for a first record or after a withdrawal
    "to": "Int64",  # the stance after; missing when withdrawn
    "evidence": "str",  # path:line:col of each evidence item behind the event, joined with "; "
    "sources": "str",  # the seed ids those items cite, each once, joined with "; "
}


def changes_frame(
    dataset: Dataset, start: dt.date | None = None, end: dt.date | None = None
) -> pd.DataFrame:
    """One row per event dated within [start, end]."""
    import pandas as pd

    rows = [
        {
            "actor_id": e.actor_id,
            "actor": dataset.actor_name(e.actor_id),
            "issue_id": e.issue_id,
            "issue": dataset.issue_title(e.issue_id),
            "date": e.date.isoformat(),
            "kind": e.kind,
            "from": e.from_stance,
            "to": e.to_stance,
            "evidence": "; ".join(e.evidence_ids),
            "sources": "; ".join(dict.fromkeys(ev.evidence.source for ev in e.after.evidence)),
        }
        for e in events(dataset, start, end)
    ]
    return pd.DataFrame(rows, columns=list(CHANGES_COLUMNS))
