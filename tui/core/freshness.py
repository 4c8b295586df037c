"""How fresh and how heavy a stance is: when it was last stated, on how many statements it rests,
whether it is stale by the date asked, and whether another source disputes it that same day.

- **Last stated**: the date of the stance's latest record (a restatement renews it).
- **Statements**: the distinct statements (``tui.core.statements``) behind the value in force,
  over its unbroken run of records: a stance restated three times rests on every one of them.
- **Stale**: last stated more than ``stale_days`` (default ``DEFAULT_STALE_DAYS``) before the date
  the picture is of. A stale stance still counts; it is marked, so a reader can weigh it.
- **Disputed**: the actor's file holds, on the same date and issue, a stance from other sources
  with another value (the loader keeps both and warns). The picture shows the later one in the
  file; the cell says it is disputed and the detail names the rival.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.dataset import Dataset, StanceRecord, stated
from tui.core.stances import (
    DISPUTED_MARK,
    DISPUTED_WORD,
    STALE_MARK,
    STALE_WORD,
    freshness_marks,
)
from tui.core.statements import count_evidence

DEFAULT_STALE_DAYS = 180


@dataclass(frozen=True)
class Freshness:
    last_stated: dt.date
    statements: int
    stale: bool
    stale_days: int
    rivals: tuple[StanceRecord, ...] = ()

    @property
    def disputed(self) -> bool:
        return bool(self.rivals)

    def describe(self) -> str:
        """ "last stated 2025-09-22 · 3 statements · stale (over 180 days)"."""
        noun = "statement" if self.statements == 1 else "statements"
        words = [f"last stated {self.last_stated.isoformat()}", f"{self.statements} {noun}"]
        if self.stale:
            words.append(
                f"{STALE_MARK} {STALE_WORD} (last stated over {self.stale_days} days before "
                "the date)"
            )
        if self.disputed:
            words.append(f"{DISPUTED_MARK} {DISPUTED_WORD}")
        return " · ".join(words)


def sources_of(record: StanceRecord) -> frozenset[str]:
    return frozenset(ev.evidence.source for ev in record.evidence)


def disputes(first: StanceRecord | None, second: StanceRecord | None) -> bool:
    """Two stances of one day dispute each other: different values, from different sources."""
    if first is None or second is None:
        return False
    return stated(first) != stated(second) and not (sources_of(first) & sources_of(second))


def is_stale(record: StanceRecord, day: dt.date | None, stale_days: int) -> bool:
    """Last stated more than ``stale_days`` before ``day``. A withdrawal says nothing, so nothing
    of it can go stale."""
    return day is not None and stated(record) is not None and (day - record.as_of).days > stale_days


def rivals_of(ds: Dataset, record: StanceRecord) -> tuple[StanceRecord, ...]:
    """The stances of the same actor, issue and day, from other sources, that say otherwise."""
    history = ds.history(record.actor_id, record.issue_id)
    if len(history) < 2:
        return ()
    return tuple(
        other
        for other in history
        if other is not record and other.as_of == record.as_of and disputes(other, record)
    )


def picture_marks(
    ds: Dataset,
    as_of: dt.date | None,
    day: dt.date | None,
    stale_days: int = DEFAULT_STALE_DAYS,
    keys: Iterable[tuple[str, str]] | None = None,
) -> dict[tuple[str, str], str]:
    """(actor id, issue id) -> the cell's freshness marks ("◷", "≠", "◷≠") for every stance of
    the picture of ``as_of`` that has one (of ``keys`` only, when given); ``day`` is the date by
    which a stance is stale."""
    picture = ds.as_of(as_of)
    wanted = picture.keys() if keys is None else keys
    marks = {}
    for key in wanted:
        record = picture.get(key)
        if record is None:
            continue
        mark = freshness_marks(is_stale(record, day, stale_days), bool(rivals_of(ds, record)))
        if mark:
            marks[key] = mark
    return marks


def freshness(
    ds: Dataset,
    record: StanceRecord,
    day: dt.date | None,
    stale_days: int = DEFAULT_STALE_DAYS,
) -> Freshness:
    """The freshness of ``record`` (a stance in force) in the picture of ``day``."""
    history = ds.history(record.actor_id, record.issue_id)
    # The unbroken run of records saying what ``record`` says, ending at it.
    end = next((n for n, other in enumerate(history) if other is record), len(history) - 1)
    run = [record]
    for other in reversed(history[:end]):
        if other.as_of == record.as_of:
            continue  # a rival of the same day is not a restatement
        if stated(other) != stated(record):
            break
        run.append(other)
    statements = count_evidence(ev for r in run for ev in r.evidence).statements
    stale = is_stale(record, day, stale_days)
    return Freshness(record.as_of, statements, stale, stale_days, rivals_of(ds, record))


def latest_stated(ds: Dataset, as_of: dt.date | None) -> tuple[str, str] | None:
    """(issue id, actor id) of the known stance of the picture stated last, the first in the
    catalogue (issue, then actor) on a tie: where a reader of the matrix starts, never on a cell
    with nothing in it while the picture has a stance."""
    issue_rank = {issue: n for n, issue in enumerate(ds.issues)}
    actor_rank = {actor: n for n, actor in enumerate(ds.actors)}
    best: tuple[dt.date, int, int] | None = None
    lead = None
    for (actor_id, issue_id), record in ds.as_of(as_of).items():
        if record.stance is None:
            continue
        key = (
            record.as_of,
            -issue_rank.get(issue_id, len(issue_rank)),
            -actor_rank.get(actor_id, 0),
        )
        if best is None or key > best:
            best, lead = key, (issue_id, actor_id)
    return lead
