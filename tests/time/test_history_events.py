"""The history of a stance as events (first, changed, withdrawn, restated), and its export.

On the fixture of tests/time/tree (see test_time_queries.py for its timeline).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.dataset import Dataset
from tui.core.history import events, events_between, stance_events
from tui.core.loader import load_tree

TREE = Path(__file__).resolve().parent / "tree"
D = dt.date


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_tree(TREE)


def kinds(ds: Dataset, actor: str, issue: str) -> list[tuple[dt.date, str]]:
    return [(e.date, e.kind) for e in stance_events(ds.history(actor, issue))]


def test_a_first_record_is_first_not_a_change(ds):
    assert kinds(ds, "actor-b", "sanctions") == [(D(2025, 5, 1), "first")]
    assert kinds(ds, "actor-a", "talks") == [
        (D(2025, 1, 10), "first"),
        (D(2025, 3, 1), "changed"),  # -2 to +1 with a condition
        (D(2025, 5, 1), "changed"),  # the condition dropped: what it says differs
    ]


def test_a_withdrawal_and_a_restatement_are_told_apart(ds):
    assert kinds(ds, "actor-b", "talks") == [
        (D(2025, 1, 10), "first"),
        (D(2025, 4, 1), "withdrawn"),
    ]
    assert kinds(ds, "actor-b", "drills") == [(D(2025, 2, 1), "first"), (D(2025, 4, 1), "restated")]
    withdrawn = events(ds, D(2025, 4, 1), D(2025, 4, 1), kinds=("withdrawn",))[0]
    assert (withdrawn.from_stance, withdrawn.to_stance) == (2, None)


def test_events_are_bounded_by_their_dates(ds):
    march_to_april = events(ds, D(2025, 3, 1), D(2025, 4, 1))
    assert {e.date for e in march_to_april} == {D(2025, 3, 1), D(2025, 4, 1)}
    assert [e.kind for e in events_between(ds, D(2025, 3, 1), D(2025, 4, 1))] == [
        "withdrawn",
        "restated",
    ]


def test_the_net_change_between_two_dates_says_first_or_withdrawn(ds):
    by_key = {(c.actor_id, c.issue_id): c.kind for c in ds.changes(D(2025, 1, 9), D(2025, 5, 1))}
    assert by_key[("actor-b", "sanctions")] == "first"
    assert by_key[("actor-a", "talks")] == "first"  # nothing was stated by 2025-01-09
    assert ("actor-b", "talks") not in by_key  # from nothing known to withdrawn: no net change
    later = {(c.actor_id, c.issue_id): c.kind for c in ds.changes(D(2025, 2, 1), D(2025, 4, 1))}
    assert later[("actor-a", "talks")] == "changed"
    assert later[("actor-b", "talks")] == "withdrawn"


def test_export_changes_lists_each_event_with_its_evidence():
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--data",
            str(TREE),
            "--what",
            "changes",
            "--format",
            "json",
            "-o",
            "-",
            "--from",
            "2025-04-01",
            "--to",
            "2025-04-01",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["actor_id"], r["issue_id"], r["kind"], r["from"], r["to"]) for r in rows] == [
        ("actor-b", "talks", "withdrawn", 2, None),
        ("actor-b", "drills", "restated", 2, 2),
    ]
    assert all(r["date"] == "2025-04-01" for r in rows)
    assert all(r["evidence"].startswith("positions/actor-b.yaml:") for r in rows)
    assert {r["sources"] for r in rows} == {"fixture-april"}


def test_export_changes_refuses_a_range_that_ends_before_it_starts():
    result = CliRunner().invoke(
        main,
        [
            "export",
            "--data",
            str(TREE),
            "--what",
            "changes",
            "-o",
            "-",
            "--from",
            "2025-05-01",
            "--to",
            "2025-01-01",
        ],
    )
    assert result.exit_code != 0
    assert "--from 2025-05-01 is after --to 2025-01-01" in result.output
