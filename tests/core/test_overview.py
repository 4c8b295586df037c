"""What the Issue and Actor views ask about one subject among the others (``tui.core.overview``),
and the narrowed citations of a caption: each checked against the plain definition, worked out
the slow way, on the bundled data and on the fictional tree of tests/time whose stances change."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tui.core import overview
from tui.core.citations import evidence_in_view, record_key
from tui.core.dataset import Dataset
from tui.core.loader import load_tree
from tui.core.paths import bundled_data_dir

TIME_TREE = Path(__file__).resolve().parents[1] / "time" / "tree"
MARCH = dt.date(2025, 3, 1)


@pytest.fixture(scope="module", params=["bundled", "time"])
def ds(request) -> Dataset:
    return load_tree(bundled_data_dir() if request.param == "bundled" else TIME_TREE)


def dates_of(ds: Dataset) -> list[dt.date | None]:
    return [None, MARCH, *ds.dates[:: max(1, len(ds.dates) // 3)]]


def test_every_actor_at_a_glance_on_an_issue_and_every_issue_for_an_actor(ds):
    for as_of in dates_of(ds):
        for issue_id in ds.issues:
            glance = overview.issue_glance(ds, issue_id, as_of)
            assert [actor for actor, _ in glance] == list(ds.actors)
            assert all(r is ds.stance_at(a, issue_id, as_of) for a, r in glance)
        for actor_id in ds.actors:
            glance = overview.actor_glance(ds, actor_id, as_of)
            assert [issue for issue, _ in glance] == list(ds.issues)
            assert all(r is ds.stance_at(actor_id, i, as_of) for i, r in glance)


def _slow_distance(ds: Dataset, a: str, b: str, as_of) -> tuple[float | None, int]:
    gaps = []
    for issue_id in ds.issues:
        mine, theirs = ds.stance_at(a, issue_id, as_of), ds.stance_at(b, issue_id, as_of)
        if mine and theirs and mine.stance is not None and theirs.stance is not None:
            gaps.append(abs(mine.stance - theirs.stance))
    return (sum(gaps) / len(gaps) if gaps else None), len(gaps)


def test_distances_are_the_mean_gap_over_shared_issues_nearest_first(ds):
    for as_of in dates_of(ds):
        for actor_id in ds.actors:
            rows = overview.distances_from(ds, actor_id, as_of)
            assert sorted(row.actor_id for row in rows) == sorted(set(ds.actors) - {actor_id})
            for row in rows:
                assert (row.mean, row.shared) == _slow_distance(ds, actor_id, row.actor_id, as_of)
            means = [row.mean for row in rows]
            known = [m for m in means if m is not None]
            assert known == sorted(known), "nearest first"
            assert means == known + [None] * (len(means) - len(known)), "none in common last"


def test_a_spread_runs_from_the_lowest_known_stance_to_the_highest(ds):
    some_spread = False
    for as_of in dates_of(ds):
        for issue_id in ds.issues:
            known = {
                actor: record.stance
                for actor in ds.actors
                if (record := ds.stance_at(actor, issue_id, as_of)) and record.stance is not None
            }
            spread = overview.issue_spread(ds, issue_id, as_of)
            assert spread.known == len(known)
            if not known:
                assert spread.low is spread.high is spread.width is None
                continue
            low, high = min(known.values()), max(known.values())
            assert (spread.low, spread.high, spread.width) == (low, high, high - low)
            assert spread.at_low == tuple(a for a, s in known.items() if s == low)
            assert spread.at_high == tuple(a for a, s in known.items() if s == high)
            some_spread |= high > low
    assert some_spread, "the data has no issue with a spread: the check proves nothing"


def test_conditions_on_an_issue_or_an_actor_are_those_of_the_stances_in_force(ds):
    for as_of in dates_of(ds):
        picture = ds.as_of(as_of)
        pairs = [(r, c) for r in picture.values() for c in r.conditions]
        for issue_id in ds.issues:
            found = overview.conditions_on(ds, as_of, issue_id=issue_id)
            assert list(found) == [(r, c) for r, c in pairs if c.issue == issue_id]
        for actor_id in ds.actors:
            found = overview.conditions_on(ds, as_of, actor_id=actor_id)
            expected = [(r, c) for r, c in pairs if c.actor == actor_id and r.actor_id != actor_id]
            assert list(found) == expected


def test_the_dates_an_issue_moved_on_are_those_of_its_stances_up_to_the_date(ds):
    for as_of in dates_of(ds):
        for issue_id in ds.issues:
            expected = sorted(
                {
                    r.as_of
                    for r in ds.stances
                    if r.issue_id == issue_id and (as_of is None or r.as_of <= as_of)
                }
            )
            assert list(overview.issue_dates(ds, issue_id, as_of)) == expected


def test_a_caption_narrowed_to_one_actor_or_issue_cites_what_the_full_scan_does(ds):
    """The narrowed picture is picked from the picture, not matched against every stance: the
    same evidence, in dataset order."""
    for as_of in dates_of(ds):
        picture = ds.as_of(as_of)
        in_force = [r for r in ds.stances if picture.get(record_key(r)) is r]
        for actor_id, issue_id in [
            *((a, None) for a in ds.actors),
            *((None, i) for i in ds.issues),
            *((a, i) for a in list(ds.actors)[:3] for i in ds.issues),
        ]:
            expected = tuple(
                ev
                for r in in_force
                if (actor_id is None or r.actor_id == actor_id)
                and (issue_id is None or r.issue_id == issue_id)
                for ev in r.evidence
            )
            got = evidence_in_view(ds, as_of, actor_id=actor_id, issue_id=issue_id)
            assert got == expected


def test_a_stance_knows_its_place_in_the_dataset(ds):
    assert [ds.stance_rank(record) for record in ds.stances] == list(range(len(ds.stances)))
