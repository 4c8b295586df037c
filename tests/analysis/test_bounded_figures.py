"""Figures that grow with the square of the actors are bounded or made when read: the farthest
pairs of a spread, the distance grid; and a step of the as-of date looks only at what changed."""

from __future__ import annotations

import itertools
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from tui.core.analysis import FarthestPairs, analyse, grid_actors
from tui.core.dataset import stated
from tui.core.loader import load_tree

from tests.analysis.handmade import hand_dataset
from tests.app.helpers import REPO


@given(
    lows=st.integers(0, 6),
    highs=st.integers(0, 6),
    start=st.integers(-8, 8),
    stop=st.integers(-8, 8),
)
def test_farthest_pairs_read_as_the_tuple_they_stand_for(lows, highs, start, stop):
    low = tuple(SimpleNamespace(n=n) for n in range(lows))
    high = tuple(SimpleNamespace(n=n) for n in range(highs))
    pairs = FarthestPairs(low, high)
    whole = tuple(itertools.product(low, high) if high else itertools.combinations(low, 2))
    assert len(pairs) == len(whole) and tuple(pairs) == whole
    assert pairs[start:stop] == whole[start:stop]
    for index in range(-len(whole), len(whole)):
        assert pairs[index] == whole[index]


def test_a_level_spread_of_thousands_counts_its_pairs_without_making_them():
    known = tuple(SimpleNamespace(n=n) for n in range(5_000))
    pairs = FarthestPairs(known)
    assert len(pairs) == 5_000 * 4_999 // 2
    assert pairs[0] == (known[0], known[1]) and pairs[:2][1] == (known[0], known[2])


def test_the_grid_keeps_the_actors_with_the_most_known_stances_in_catalogue_order():
    known = {"a": {"x": 1}, "b": {"x": 1, "y": 1}, "c": {}, "d": {"x": 1, "y": 1}}
    assert grid_actors(("a", "b", "c", "d"), known, 2) == ("b", "d")
    assert grid_actors(("a", "b", "c", "d"), known, 3) == ("a", "b", "d")
    assert grid_actors(("a", "b", "c", "d"), known, None) == ("a", "b", "c", "d")


def test_a_bounded_grid_leaves_every_other_figure_as_it_was():
    hand = hand_dataset()
    full, bounded = analyse(hand), analyse(hand, grid_size=2)
    assert bounded.grid_left_out == len(full.actor_ids) - 2
    assert len(bounded.distances) == 1
    pair = bounded.distances[0]
    assert full.distance(pair.actor_a, pair.actor_b).total_gap == pair.total_gap
    assert bounded.spreads == full.spreads and bounded.ranking == full.ranking
    assert bounded.conditions == full.conditions and bounded.common_ground == full.common_ground


def test_changes_between_any_two_dates_are_those_of_the_whole_pictures():
    """Looking only at the stances dated between two dates finds every change the two whole
    pictures differ by, on the bundled record (fifteen months, every pair of dates)."""
    ds = load_tree(REPO)
    for start, end in itertools.permutations(ds.dates, 2):
        before, after = ds.as_of(start), ds.as_of(end)
        differ = {
            k for k in set(before) | set(after) if stated(before.get(k)) != stated(after.get(k))
        }
        assert {(c.actor_id, c.issue_id) for c in ds.changes(start, end)} == differ
