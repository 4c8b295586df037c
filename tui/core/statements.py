"""Statements and their renderings: how many things were said, and how many times they were cited.

- A **rendering** is one passage of one seed: the same text cited twice from the same seed (by two
  stances, say) is one rendering, counted once.
- A **statement** is what was said once: evidence items that share a ``statement:`` id are one
  statement in several renderings (other outlets, other translations), across actor files; an item
  without an id is a statement of its own rendering.
- A direct quote of fewer than ``FRAGMENT_WORDS`` words is a **fragment** ("reckless"): it is
  labelled so wherever it is listed, since it carries less than a sentence.
- **Channels** (``channels:``) are separate outlets that carried a statement, e.g. two interviews;
  unlike the relay chain (``via:``) they are said as a list, never as a chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.verify import normalise, pieces

if TYPE_CHECKING:
    from tui.core.dataset import Dataset, EvidenceRecord
    from tui.core.records import Evidence

FRAGMENT_WORDS = 3
FRAGMENT_WORD = "fragment"


def rendering_key(evidence: Evidence) -> tuple[str, str]:
    """One passage of one seed: the seed and the text as verification reads it."""
    return evidence.source, normalise(evidence.text).strip().casefold()


def statement_key(evidence: Evidence) -> tuple[str, ...]:
    if evidence.statement is not None:
        return ("statement", evidence.statement)
    return ("rendering", *rendering_key(evidence))


def word_count(text: str) -> int:
    return sum(len(piece.split()) for piece in pieces(text))


def is_fragment(evidence: Evidence) -> bool:
    return evidence.kind == "quote" and word_count(evidence.text) < FRAGMENT_WORDS


@dataclass(frozen=True)
class Statement:
    """One statement: its id (None for a lone item), its distinct renderings, first cited first."""

    statement_id: str | None
    renderings: tuple[EvidenceRecord, ...]

    @property
    def n_renderings(self) -> int:
        return len(self.renderings)

    def describe(self) -> str:
        """ "one statement, 3 renderings"; "" for a statement in one rendering."""
        if self.n_renderings < 2:
            return ""
        return f"one statement, {self.n_renderings} renderings"


def group_statements(records: Iterable[EvidenceRecord]) -> list[Statement]:
    """Evidence grouped into statements, each rendering once, in order of first citation."""
    groups: dict[tuple[str, ...], dict[tuple[str, str], EvidenceRecord]] = {}
    ids: dict[tuple[str, ...], str | None] = {}
    for record in records:
        key = statement_key(record.evidence)
        groups.setdefault(key, {}).setdefault(rendering_key(record.evidence), record)
        ids[key] = record.evidence.statement
    return [Statement(ids[key], tuple(renderings.values())) for key, renderings in groups.items()]


def statement_of(ds: Dataset, record: EvidenceRecord) -> Statement:
    """The statement ``record`` renders, with every distinct rendering of it in the data (other
    outlets, other translations, in any actor's file), first cited first; a lone item is a
    statement of its one rendering."""
    statement_id = record.evidence.statement
    if statement_id is None:
        return Statement(None, (record,))
    (statement,) = group_statements(ds.statement_evidence(statement_id) or (record,))
    return statement


@dataclass(frozen=True)
class EvidenceCounts:
    """Evidence items as cited, distinct renderings, distinct statements, and how many verified."""

    items: int
    renderings: int
    statements: int
    verified_renderings: int
    fragments: int

    def describe(self) -> str:
        """E.g. "11 statements in 12 renderings (19 citations), 12 of 12 renderings verified"."""
        return (
            f"{_count(self.statements, 'statement')} in {_count(self.renderings, 'rendering')} "
            f"({_count(self.items, 'citation')}), "
            f"{self.verified_renderings} of {self.renderings} renderings verified"
        )


def count_evidence(records: Iterable[EvidenceRecord]) -> EvidenceCounts:
    records = list(records)
    renderings: dict[tuple[str, str], bool] = {}
    statements: set[tuple[str, ...]] = set()
    fragments: set[tuple[str, str]] = set()
    for record in records:
        key = rendering_key(record.evidence)
        renderings[key] = renderings.get(key, False) or record.verified
        statements.add(statement_key(record.evidence))
        if is_fragment(record.evidence):
            fragments.add(key)
    return EvidenceCounts(
        items=len(records),
        renderings=len(renderings),
        statements=len(statements),
        verified_renderings=sum(renderings.values()),
        fragments=len(fragments),
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _listed(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def channels_words(channels: Iterable[str]) -> str:
    """Separate channels as a list, never a chain: "carried separately by BBC and Reuters"."""
    names = [name for name in channels if name]
    return f"carried separately by {_listed(names)}" if names else ""
