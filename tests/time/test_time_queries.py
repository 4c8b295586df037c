"""Positions through time on a fixture whose stances change: as-of, history and what changed.

The fixture (tests/time/tree) is fictional. Its timeline, per actor and issue:

    actor-a talks:      2025-01-10 -2 | 2025-03-01 +1 if actor-b drills <= 0
                        | 2025-05-01 +1, no condition
    actor-a drills:                     2025-03-01 -2
    actor-b talks:      2025-01-10 +2 | 2025-04-01 null (withdrawn)
    actor-b drills:     2025-02-01 +2 | 2025-04-01 +2 (same stance, new evidence)
    actor-b sanctions:  2025-05-01 +1
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui.core.dataset import Dataset
from tui.core.loader import load_tree

TREE = Path(__file__).resolve().parent / "tree"
D = dt.date


@pytest.fixture(scope="module")
def ds() -> Dataset:
    dataset = load_tree(TREE)
    assert not dataset.diagnostics, [d.format() for d in dataset.diagnostics]
    return dataset


def stances(picture) -> dict[tuple[str, str], int | None]:
    return {key: record.stance for key, record in picture.items()}


def test_dates_are_every_date_with_data_ascending(ds):
    assert ds.dates == (D(2025, 1, 10), D(2025, 2, 1), D(2025, 3, 1), D(2025, 4, 1), D(2025, 5, 1))
    assert ds.latest_date == D(2025, 5, 1)


def test_history_is_oldest_first_whatever_the_file_order(ds):
    history = ds.history("actor-a", "talks")
    assert [r.as_of for r in history] == [D(2025, 1, 10), D(2025, 3, 1), D(2025, 5, 1)]
    assert [r.stance for r in history] == [-2, 1, 1]
    assert ds.history("actor-a", "sanctions") == []


def test_as_of_before_any_data_is_empty(ds):
    assert ds.as_of(D(2025, 1, 9)) == {}
    assert ds.stance_at("actor-a", "talks", D(2024, 12, 31)) is None


def test_as_of_on_a_change_date_includes_that_change(ds):
    assert stances(ds.as_of(D(2025, 1, 10))) == {("actor-a", "talks"): -2, ("actor-b", "talks"): 2}


def test_as_of_between_changes_holds_the_last_one(ds):
    assert stances(ds.as_of(D(2025, 2, 15))) == {
        ("actor-a", "talks"): -2,
        ("actor-b", "talks"): 2,
        ("actor-b", "drills"): 2,
    }
    record = ds.stance_at("actor-a", "talks", D(2025, 4, 30))
    assert record is not None and record.stance == 1 and record.is_conditional


def test_a_withdrawn_stance_is_null_from_its_date(ds):
    assert ds.stance_at("actor-b", "talks", D(2025, 3, 31)).stance == 2
    withdrawn = ds.stance_at("actor-b", "talks", D(2025, 4, 1))
    assert withdrawn is not None and withdrawn.stance is None
    assert ds.as_of(D(2025, 4, 1))[("actor-b", "talks")].stance is None


def test_as_of_after_the_last_change_and_none_are_the_latest_picture(ds):
    latest = {
        ("actor-a", "talks"): 1,
        ("actor-a", "drills"): -2,
        ("actor-b", "talks"): None,
        ("actor-b", "drills"): 2,
        ("actor-b", "sanctions"): 1,
    }
    assert stances(ds.as_of(D(2030, 1, 1))) == latest
    assert stances(ds.as_of(None)) == latest
    assert ds.as_of(D(2030, 1, 1)) == ds.as_of()


def summarise(changes) -> list[tuple[str, str, int | None | str, int | None | str]]:
    """(issue, actor, stance before or "-" when none, stance after or "-")."""
    return [
        (
            c.issue_id,
            c.actor_id,
            "-" if c.before is None else c.before.stance,
            "-" if c.after is None else c.after.stance,
        )
        for c in changes
    ]


def test_changes_lists_new_and_changed_stances_in_catalogue_order(ds):
    assert summarise(ds.changes(D(2025, 1, 10), D(2025, 3, 1))) == [
        ("talks", "actor-a", -2, 1),
        ("drills", "actor-a", "-", -2),
        ("drills", "actor-b", "-", 2),
    ]


def test_changes_counts_a_withdrawal_and_a_dropped_condition_but_not_new_evidence(ds):
    changes = ds.changes(D(2025, 3, 1), D(2025, 5, 1))
    assert summarise(changes) == [
        ("talks", "actor-a", 1, 1),  # same stance, its condition dropped
        ("talks", "actor-b", 2, None),  # withdrawn
        ("sanctions", "actor-b", "-", 1),  # new
    ]
    dropped = changes[0]
    assert dropped.before.is_conditional and not dropped.after.is_conditional


def test_changes_from_before_any_data(ds):
    everything = ds.changes(D(2024, 1, 1), D(2030, 1, 1))
    # actor-b's talks went from nothing to +2 and back to no stated position: no change overall.
    assert ("talks", "actor-b", "-", None) not in summarise(everything)
    assert len(everything) == 4


def test_no_changes_between_a_date_and_itself_or_within_a_quiet_spell(ds):
    assert ds.changes(D(2025, 3, 1), D(2025, 3, 1)) == []
    assert ds.changes(D(2025, 3, 2), D(2025, 3, 31)) == []


def test_changes_backwards_reads_the_other_way(ds):
    forward = summarise(ds.changes(D(2025, 1, 10), D(2025, 3, 1)))
    backward = summarise(ds.changes(D(2025, 3, 1), D(2025, 1, 10)))
    assert backward == [(issue, actor, after, before) for issue, actor, before, after in forward]


def test_the_picture_on_each_date_is_what_changes_accumulate_to(ds):
    previous = ds.dates[0]
    picture = stances(ds.as_of(previous))
    for date in ds.dates[1:]:
        for change in ds.changes(previous, date):
            key = (change.actor_id, change.issue_id)
            picture[key] = change.after.stance if change.after else None
        expected = stances(ds.as_of(date))
        assert {k: v for k, v in picture.items() if k in expected or v is not None} == expected
        previous = date
