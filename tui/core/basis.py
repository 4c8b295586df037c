"""What a stance rests on: the actor's own words, reporting of what the actor said, or inference.

Decided once here, for every view, export and figure:

- an evidence item is **own** words when it is a direct quote whose speaker is the stance's actor;
  **reported** when it is the article's reporting of what that actor said; **other** when its
  speaker is someone else (their government, their side);
- a stance is **inferred** when its YAML says so (``inferred:`` with the reason), or when none of
  its evidence is about the actor at all (every item names another speaker: the loader warns);
  otherwise it is **own** when one of its items is the actor's own words, else **reported**.

A filter on the basis (``--basis``) keeps: ``own``, stances in the actor's own words only;
``reported``, those and stances on reported speech (every inference left out); ``all``, every
stance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.core.dataset import EvidenceRecord, StanceRecord

Basis = Literal["own", "reported", "inferred"]
BasisFilter = Literal["own", "reported", "all"]
BASIS_FILTERS: tuple[BasisFilter, ...] = ("own", "reported", "all")

# The mark of an inferred stance, beside its glyph: a hollow ring, so it never rests on colour.
INFERRED_MARK = "○"
BASIS_WORDS: dict[Basis, str] = {
    "own": "own words",
    "reported": "reported speech",
    "inferred": "inferred",
}
FILTER_WORDS: dict[BasisFilter, str] = {
    "own": "own words only",
    "reported": "own words and reported speech, no inferences",
    "all": "every stance, inferences included",
}


def evidence_basis(record: EvidenceRecord) -> Literal["own", "reported", "other"]:
    if record.speaker_id != record.actor_id:
        return "other"
    return "own" if record.evidence.kind == "quote" else "reported"


def speaks_only_of_others(record: StanceRecord) -> bool:
    """Every evidence item names another speaker than the actor (nothing said by the actor)."""
    return bool(record.evidence) and all(evidence_basis(ev) == "other" for ev in record.evidence)


def stance_basis(record: StanceRecord) -> Basis:
    if record.position.inferred is not None or speaks_only_of_others(record):
        return "inferred"
    if any(evidence_basis(ev) == "own" for ev in record.evidence):
        return "own"
    return "reported"


def is_inferred(record: StanceRecord) -> bool:
    return stance_basis(record) == "inferred"


def inference_reason(record: StanceRecord) -> str | None:
    """The contributor's reason, or the loader's when the stance is an unmarked inference."""
    if record.position.inferred is not None:
        return record.position.inferred
    if speaks_only_of_others(record):
        return "every evidence item is another speaker's (not marked `inferred:`)"
    return None


def admits(basis_filter: BasisFilter, record: StanceRecord) -> bool:
    """Whether a stance counts under ``--basis``."""
    basis = stance_basis(record)
    if basis_filter == "own":
        return basis == "own"
    if basis_filter == "reported":
        return basis != "inferred"
    return True


def basis_label(record: StanceRecord) -> str:
    """ "own words", "reported speech", "○ inferred"."""
    basis = stance_basis(record)
    word = BASIS_WORDS[basis]
    return f"{INFERRED_MARK} {word}" if basis == "inferred" else word
