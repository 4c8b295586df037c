"""What a picture cites: the evidence, and so the sources, behind the stances a view shows.

One rule for every view, caption and export. A view of the picture on a date (matrix, gaps, an
issue, an actor) cites the evidence of the stances in force on that date. A view of the record
through time (the timeline, the quotes, a source's passages) cites every stance dated on or before
it, the superseded ones included: they are on screen too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord


def evidence_in_view(
    ds: Dataset,
    as_of: dt.date | None = None,
    *,
    actor_id: str | None = None,
    issue_id: str | None = None,
    through_time: bool = False,
) -> tuple[EvidenceRecord, ...]:
    """The evidence behind the stances in force on ``as_of`` (the latest when None), in dataset
    order; narrowed to one actor's stances and one issue when given. ``through_time``: of every
    stance dated on or before ``as_of`` instead (see the module's doc)."""
    if through_time:
        records: Iterable[StanceRecord] = stances_through(ds, as_of)
    elif actor_id is not None or issue_id is not None:
        # One actor's row or one issue's column of the picture, picked from the picture rather
        # than matched against every stance (a caption asks on every open).
        records = _picture_slice(ds, as_of, actor_id, issue_id)
    else:
        # The picture's stances put in dataset order: a few per actor and issue, where matching
        # every stance of the record against the picture walks the whole history.
        records = sorted(ds.as_of(as_of).values(), key=ds.stance_rank)
    return tuple(
        evidence
        for record in records
        if (actor_id is None or record.actor_id == actor_id)
        and (issue_id is None or record.issue_id == issue_id)
        for evidence in record.evidence
    )


def _picture_slice(
    ds: Dataset, as_of: dt.date | None, actor_id: str | None, issue_id: str | None
) -> list[StanceRecord]:
    found = [
        record
        for (actor, issue), record in ds.as_of(as_of).items()
        if (actor_id is None or actor == actor_id) and (issue_id is None or issue == issue_id)
    ]
    return sorted(found, key=ds.stance_rank)


def stances_through(ds: Dataset, as_of: dt.date | None = None) -> Iterable[StanceRecord]:
    """Every stance dated on or before ``as_of`` (all when None), in dataset order: the record
    through time."""
    return (record for record in ds.stances if as_of is None or record.as_of <= as_of)


def source_evidence_in_view(
    ds: Dataset, seed_id: str, as_of: dt.date | None = None
) -> list[EvidenceRecord]:
    """The evidence citing one source among that of every stance dated on or before ``as_of``
    (the record through time, as a source's passages show it), in dataset order: the same items
    as ``evidence_in_view(ds, as_of, through_time=True)`` narrowed to the source."""
    return [ev for ev in ds.evidence_for_seed(seed_id) if as_of is None or ev.as_of <= as_of]


def record_key(record: StanceRecord) -> tuple[str, str]:
    """Where a stance sits in a picture: (actor id, issue id)."""
    return (record.actor_id, record.issue_id)


def picture_sources(ds: Dataset, as_of: dt.date | None = None) -> tuple[str, ...]:
    """The seed ids the picture on ``as_of`` cites (``cited_sources`` of ``evidence_in_view``).

    Kept with the dataset (``Dataset.memo``): the Matrix and the Gaps view both cite the whole
    picture, which on a large tree is tens of thousands of evidence items walked, each time.
    """
    key = ("picture sources", as_of)
    found = ds.memo.get(key)
    if found is None:
        # Two threads may both work it out; either result is the same.
        found = ds.memo.setdefault(key, cited_sources(evidence_in_view(ds, as_of)))
    return found


def cited_sources(evidence: Iterable[EvidenceRecord]) -> tuple[str, ...]:
    """The seed ids that ``evidence`` cites, each once, in order of first citation."""
    return tuple(dict.fromkeys(record.evidence.source for record in evidence))


def source_name(ds: Dataset, seed_id: str) -> str:
    """ "Benzinga via KCNA, Reuters"; an unknown id as it is."""
    seed = ds.seeds.get(seed_id)
    if seed is None:
        return seed_id
    if seed.meta.via:
        return f"{seed.meta.outlet} via {', '.join(seed.meta.via)}"
    return seed.meta.outlet
