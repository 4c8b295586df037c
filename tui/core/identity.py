"""Stable names for records, so that a selection survives a reload."""

from __future__ import annotations

from tui.core.dataset import EvidenceRecord, StanceRecord


def evidence_key(record: EvidenceRecord) -> str:
    """Who, on what, from when, citing what, saying what: unchanged by edits elsewhere in a file."""
    evidence = record.evidence
    return "\x1f".join(
        [
            record.actor_id,
            record.issue_id,
            record.as_of.isoformat(),
            evidence.source,
            evidence.kind,
            evidence.text,
        ]
    )


def stance_key(record: StanceRecord) -> str:
    """The part of ``evidence_key`` that every evidence item of one stance shares."""
    return "\x1f".join([record.actor_id, record.issue_id, record.as_of.isoformat()])
