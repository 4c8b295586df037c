"""The quotes search: every evidence item on record by a date, found by words, actor and issue.

The Quotes view and `peninsula quotes` both ask this. A word matches when it is in the quote, the
speaker's or the stance holder's name, the issue's title, the kind, the relay or the outlet,
ignoring case; every word must match.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tui.core.citations import source_name, stances_through
from tui.core.dataset import Dataset, EvidenceRecord
from tui.core.identity import stance_key


class QuoteItem(NamedTuple):
    """One evidence item as the search sees it."""

    key: str  # unique within one dataset and date: a selection survives a reload by it
    record: EvidenceRecord
    haystack: str  # what a word may match, case-folded
    source: str  # the source's name, as a caption says it


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


# One build at a time: a view and a worker thread may ask for the same items at once.
_BUILDING = threading.Lock()


def quote_items(ds: Dataset, as_of: dt.date | None = None) -> list[QuoteItem]:
    """Every evidence item of a stance dated on or before ``as_of``, in dataset order.

    Built once per dataset and date and kept with the dataset (``Dataset.memo``): on a large
    tree that is tens of thousands of items and a fifth of a second, spent once, not again
    when the view is refreshed or comes back to a date.
    """
    key = ("quote items", as_of)
    items = ds.memo.get(key)
    if items is None:
        with _BUILDING:
            items = ds.memo.get(key)
            if items is None:
                items = ds.memo[key] = build_quote_items(ds, as_of)
    return items


def build_quote_items(ds: Dataset, as_of: dt.date | None = None) -> list[QuoteItem]:
    """The items ``quote_items`` keeps, built afresh.

    Built over every quote at once, so what items share is worked out once: the key's part per
    stance, each name, title, kind and relay case-folded once, the source's name and outlet per
    source. The haystack is the one
    ``haystack`` gives (case-folding a joined string and joining case-folded parts agree).
    """
    items: list[QuoteItem] = []
    append = items.append
    keys: set[str] = set()
    sources: dict[str, tuple[str, str]] = {}
    names = {actor_id: actor.name.casefold() for actor_id, actor in ds.actors.items()}
    relays: dict[tuple[str, ...], str] = {(): ""}
    for stance in stances_through(ds, as_of):
        prefix = stance_key(stance)
        holder = names.get(stance.actor_id) or stance.actor_id.casefold()
        title = ds.issue_title(stance.issue_id).casefold()
        for record in stance.evidence:
            evidence = record.evidence
            source, kind, text = evidence.source, evidence.kind, evidence.text
            key = f"{prefix}\x1f{source}\x1f{kind}\x1f{text}"
            while key in keys:  # the same words cited twice in one stance
                key += "\x1e"
            keys.add(key)
            named = sources.get(source)
            if named is None:
                named = sources[source] = (source_name(ds, source), _outlet(ds, source))
            relay = relays.get(evidence.via)
            if relay is None:
                relay = relays[evidence.via] = " ".join(evidence.via).casefold()
            speaker = record.speaker_id
            parts = (
                text.casefold(),
                names.get(speaker) or speaker.casefold(),
                holder,
                title,
                kind.casefold(),
                relay,
            )
            append(QuoteItem(key, record, "\n".join(parts) + named[1], named[0]))
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
