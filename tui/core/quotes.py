"""The quotes search: every evidence item on record by a date, found by words, actor and issue.

The Quotes view and `peninsula quotes` both ask this. A word matches when it is in the quote, the
speaker's or the stance holder's name, the issue's title, the kind, the relay or the outlet,
ignoring case; every word must match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tui.core.citations import evidence_in_view, source_name
from tui.core.dataset import Dataset, EvidenceRecord
from tui.core.identity import evidence_key


class QuoteItem(NamedTuple):
    """One evidence item as the search sees it."""

    key: str  # unique within one dataset and date: a selection survives a reload by it
    record: EvidenceRecord
    haystack: str  # what a word may match, case-folded
    source: str  # the source's name, as a caption says it


def haystack(ds: Dataset, record: EvidenceRecord) -> str:
    """What a filter word may match: the words, the speaker, the issue, the relay, the outlet."""
    evidence = record.evidence
    seed = ds.seeds.get(evidence.source)
    parts = [
        evidence.text,
        ds.actor_name(record.speaker_id),
        ds.actor_name(record.actor_id),
        ds.issue_title(record.issue_id),
        evidence.kind,
        " ".join(evidence.via),
    ]
    if seed is not None:
        # The outlet, not the title: a long headline would match every quote it holds.
        parts.append(seed.meta.outlet)
    return "\n".join(parts).casefold()


def quote_items(ds: Dataset, as_of: dt.date | None = None) -> list[QuoteItem]:
    """Every evidence item of a stance dated on or before ``as_of``, in dataset order."""
    items: list[QuoteItem] = []
    keys: set[str] = set()
    names: dict[str, str] = {}
    for record in evidence_in_view(ds, as_of, through_time=True):
        key = evidence_key(record)
        while key in keys:  # the same words cited twice in one stance
            key += "\x1e"
        keys.add(key)
        source = record.evidence.source
        name = names.get(source)
        if name is None:
            name = names[source] = source_name(ds, source)
        items.append(QuoteItem(key, record, haystack(ds, record), name))
    return items


def fold(words: Iterable[str]) -> tuple[str, ...]:
    """Search words as they are compared: case-folded."""
    return tuple(word.casefold() for word in words)


def search(
    items: Sequence[QuoteItem],
    words: Sequence[str] = (),
    *,
    actor_id: str | None = None,
    issue_id: str | None = None,
) -> list[QuoteItem]:
    """The items that every word matches, said by or held by ``actor_id``, on ``issue_id``."""
    matches = [
        item
        for item in items
        if (actor_id is None or actor_id in (item.record.actor_id, item.record.speaker_id))
        and (issue_id is None or item.record.issue_id == issue_id)
    ]
    for word in fold(words):
        matches = [item for item in matches if word in item.haystack]
    return matches


def narrows(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """True when every item matching ``after`` also matches ``before`` (typing on narrows), so
    that a search for ``after`` may start from the matches of ``before``."""
    return len(after) >= len(before) and all(old in new for old, new in zip(before, after))
