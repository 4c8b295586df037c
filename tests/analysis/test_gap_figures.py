"""The gap figures against the hand-worked dataset described in conftest.py."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.analysis import analyse

from .handmade import FEB, build_dataset


def _pairs(spread):
    return [(lo.actor_id, hi.actor_id) for lo, hi in spread.farthest]


def test_spreads_per_issue(hand):
    a = analyse(hand)
    got = {s.issue_id: (s.spread, s.low, s.high, s.n_known) for s in a.spreads}
    assert got == {
        "one": (4, -2, 2, 3),
        "two": (1, 1, 2, 3),
        "three": (1, -2, -1, 2),
        "four": (1, 0, 1, 2),
        "five": (None, 2, 2, 1),
        "six": (2, -1, 1, 2),
        "seven": (None, None, None, 0),
    }
    assert _pairs(a.spread("one")) == [("ann", "bo")]
    assert _pairs(a.spread("two")) == [("ann", "bo"), ("di", "bo")]
    assert _pairs(a.spread("three")) == [("di", "ann")]
    assert _pairs(a.spread("five")) == []
    assert a.spread("one").farthest_pair[1].stance == 2


def test_absent_stances_are_not_zero(hand):
    a = analyse(hand)
    two = a.spread("two")
    # cy's explicit null on two is absent: counted as 0 it would widen the spread to 2.
    assert two.absent == ("cy",)
    assert [r.actor_id for r in two.known] == ["ann", "bo", "di"]
    assert a.spread("one").absent == ("di",)
    assert a.spread("seven").absent == ("ann", "bo", "cy", "di")


def test_pair_distances_with_how_many_issues_they_rest_on(hand):
    a = analyse(hand)
    got = {
        (d.actor_a, d.actor_b): (d.total_gap, d.shared, [g.issue_id for g in d.gaps])
        for d in a.distances
    }
    assert got == {
        ("ann", "bo"): (7, 3, ["one", "two", "six"]),
        ("ann", "cy"): (3, 1, ["one"]),
        ("ann", "di"): (1, 2, ["two", "three"]),
        ("bo", "cy"): (2, 2, ["one", "four"]),
        ("bo", "di"): (1, 1, ["two"]),
        ("cy", "di"): (0, 0, []),
    }
    ann_bo = a.distance("bo", "ann")
    assert Fraction(ann_bo.distance).limit_denominator(10) == Fraction(7, 3)
    assert ann_bo.solidity == pytest.approx(3 / 7)
    assert ann_bo.basis == "over 3 of 7 issues"
    assert [g.gap for g in ann_bo.gaps] == [4, 1, 2]
    assert a.distance("ann", "di").distance == 0.5
    assert a.distance("cy", "di").distance is None
    assert a.distance("cy", "di").solidity == 0


def test_one_issue_overlap_is_marked_thin(hand):
    a = analyse(hand)
    ann_cy, ann_bo = a.distance("ann", "cy"), a.distance("ann", "bo")
    # ann-cy is farther apart on its one shared issue than ann-bo on average, but rests on less.
    assert ann_cy.distance == 3.0 > ann_bo.distance
    assert ann_cy.shared == 1 and ann_cy.solidity == pytest.approx(1 / 7)
    assert ann_cy.solidity < ann_bo.solidity
    assert ann_cy.basis == "over 1 of 7 issues"


def test_conditions_met_unmet_unknown_and_who_blocks(hand):
    a = analyse(hand)
    checks = [(c.holder.actor_id, c.condition.actor, c.status, c.blocker) for c in a.conditions]
    assert checks == [
        ("ann", "bo", "unmet", "bo"),
        ("ann", "cy", "met", None),
        ("ann", "di", "unknown", None),
    ]
    unmet, met, unknown = a.conditions
    assert unmet.sentence == (
        "Ann Arbor's condition for Six is unmet: Bo Bell's stance on One is +2, needs ≤ 0"
    )
    assert met.sentence == (
        "Ann Arbor's condition for Six is met: Cy Cole's stance on Four is +1, needs ≥ +1"
    )
    assert unknown.sentence == (
        "Ann Arbor's condition for Six is unknown: Di Dunn has no stated position on One, needs ≥ 0"
    )
    assert unknown.target is None
    assert a.unmet == (unmet,)


def test_figures_trace_back_to_stances_and_evidence(hand):
    a = analyse(hand)
    unmet = a.unmet[0]
    assert [(r.actor_id, r.issue_id, r.stance) for r in unmet.records] == [
        ("ann", "six", 1),
        ("bo", "one", 2),
    ]
    assert [ev.evidence.text for ev in unmet.evidence] == ["ann on six", "bo on one"]
    one = a.spread("one")
    assert [(ev.actor_id, ev.evidence.text) for ev in one.evidence] == [
        ("ann", "ann on one"),
        ("bo", "bo on one"),
        ("cy", "cy on one"),
    ]
    assert {r.issue_id for r in a.distance("ann", "bo").records} == {"one", "two", "six"}


def test_common_ground(hand):
    a = analyse(hand, quorum=2)
    got = {c.issue_id: (c.side_word, [r.actor_id for r in c.known]) for c in a.common_ground}
    # four has a 0 (neutral is on no side); five has one actor only; six and one are split.
    assert got == {"two": ("for", ["ann", "bo", "di"]), "three": ("against", ["ann", "di"])}
    two = next(c for c in a.common_ground if c.issue_id == "two")
    assert two.absent == ("cy",)
    assert two.known_words == "3 of 4 known"


def test_two_of_four_known_is_too_few_known_at_the_default_quorum(hand):
    a = analyse(hand)
    assert a.quorum == 3
    # three: ann and di both against, but only 2 of 4 known.
    assert [c.issue_id for c in a.common_ground] == ["two"]
    three = next(p for p in a.ranking if p.issue_id == "three")
    assert three.too_few_known and three.common_ground is None
    assert three.spread.known_words == "2 of 4 known"
    # Below the quorum ranks after every issue that meets it.
    assert [p.issue_id for p in a.ranking][:2] == ["two", "one"]
    row = a.gaps_frame().set_index("issue_id").loc["three"]
    assert row["common_ground"] == "too few known" and row["known_of"] == "2 of 4 known"


def test_the_basis_filter_leaves_inferences_out_of_the_figures():
    ds = build_dataset(
        ["nukes"],
        ["x", "y", "z"],
        [
            dict(actor="x", issue="nukes", stance=-2),
            dict(actor="y", issue="nukes", stance=-1),
            dict(actor="z", issue="nukes", stance=2, inferred="the article states z's side"),
        ],
    )
    every = analyse(ds)
    assert every.spread("nukes").spread == 4
    assert every.inferred_figures == 3  # the spread and z's two distances
    own = analyse(ds, basis="own")
    assert own.spread("nukes").spread == 1
    assert [r.actor_id for r in own.left_out] == ["z"]
    assert own.inferred_figures == 0


def test_common_ground_names_conditional_stances():
    ds = build_dataset(
        ["talks", "nukes"],
        ["x", "y"],
        [
            dict(
                actor="x",
                issue="talks",
                stance=1,
                conditions=[
                    dict(actor="y", issue="nukes", max=0, text="y drops nukes."),
                ],
            ),
            dict(actor="y", issue="talks", stance=2),
            dict(actor="y", issue="nukes", stance=2),
        ],
    )
    a = analyse(ds, quorum=2)
    (talks,) = a.common_ground
    assert talks.issue_id == "talks" and talks.side == 1
    assert talks.conditional == ("x",)
    # Agreement on talks does not hide that x's condition is unmet.
    assert a.ranking[0].issue_id == "talks" and a.ranking[0].is_blocked


def test_ranking_narrowest_first_blocked_flagged(hand):
    a = analyse(hand, quorum=2)
    assert [p.issue_id for p in a.ranking] == [
        "two",
        "three",
        "four",
        "six",
        "one",
        "five",
        "seven",
    ]
    assert [p.rank for p in a.ranking] == list(range(1, 8))
    flags = {p.issue_id: (p.is_blocked, len(p.blocking)) for p in a.ranking}
    assert flags["six"] == (True, 0)
    assert flags["one"] == (False, 1)  # the issue bo's stance blocks six from
    assert not any(b for i, (b, _) in flags.items() if i != "six")
    six = next(p for p in a.ranking if p.issue_id == "six")
    assert [c.status for c in six.blocked] == ["unmet"]
    assert {r.actor_id for r in six.records} == {"ann", "bo"}
    assert next(p for p in a.ranking if p.issue_id == "two").common_ground is not None


def test_as_of_uses_the_picture_on_that_date(hand):
    a = analyse(hand, FEB)
    assert a.date == FEB
    # bo was at 0 on one until March: the spread narrows and ann's first condition is met.
    assert a.spread("one").spread == 3
    assert [c.status for c in a.conditions] == ["met", "met", "unknown"]
    assert a.unmet == ()
    assert a.distance("ann", "bo").total_gap == 2 + 1 + 2


def test_as_of_before_any_stance_has_nothing_known(hand):
    import datetime as dt

    a = analyse(hand, dt.date(2024, 1, 1))
    assert all(s.n_known == 0 for s in a.spreads)
    assert a.conditions == () and a.common_ground == ()
    assert all(d.distance is None for d in a.distances)


def test_latest_date_is_reported_when_no_date_is_asked(hand):
    import datetime as dt

    assert analyse(hand).date == dt.date(2025, 3, 1)


def test_widest_gaps_widest_first(hand):
    a = analyse(hand)
    assert [s.issue_id for s in a.widest] == ["one", "six", "two", "three", "four"]


def test_frames_carry_the_same_figures(hand):
    a = analyse(hand)
    gaps = a.gaps_frame()
    assert list(gaps["issue_id"]) == [p.issue_id for p in a.ranking]
    row = gaps.set_index("issue_id").loc["one"]
    assert (row["spread"], row["low"], row["high"], row["known"]) == (4, -2, 2, 3)
    assert row["farthest"] == "Ann Arbor -2 / Bo Bell +2"
    assert row["blocks"].startswith("Ann Arbor's condition for Six is unmet")
    assert gaps.set_index("issue_id").loc["five", "spread"] is __import__("pandas").NA
    assert str(gaps["spread"].dtype) == "Int64"

    dist = a.distances_frame()
    assert len(dist) == 6
    cy_di = dist[(dist.actor_a_id == "cy") & (dist.actor_b_id == "di")].iloc[0]
    assert cy_di["shared"] == 0 and cy_di["distance"] is __import__("pandas").NA

    cond = a.conditions_frame()
    assert list(cond["status"]) == ["unmet", "met", "unknown"]
    assert list(cond["blocker"]) == ["Bo Bell", "", ""]
    assert cond["target_stance"].isna().tolist() == [False, False, True]


def test_level_issue_names_each_pair_once():
    ds = build_dataset(
        ["a"], ["x", "y", "z"], [dict(actor=n, issue="a", stance=1) for n in ("x", "y", "z")]
    )
    spread = analyse(ds).spread("a")
    assert spread.spread == 0
    assert _pairs(spread) == [("x", "y"), ("x", "z"), ("y", "z")]
    assert [c.issue_id for c in analyse(ds).common_ground] == ["a"]


def test_gap_on_one_issue(hand):
    ann_bo = analyse(hand).distance("ann", "bo")
    assert ann_bo.gap_on("one").gap == 4
    assert ann_bo.gap_on("three") is None  # bo has no stance on three


# None: no record; "null": a record whose stance is null. Both are absent, never 0.
_STANCE = st.one_of(st.none(), st.just("null"), st.integers(min_value=-2, max_value=2))


@settings(max_examples=40, deadline=None, derandomize=True)
@given(st.lists(st.lists(_STANCE, min_size=4, max_size=4), min_size=1, max_size=5))
def test_figures_agree_with_a_pandas_reference(grid):
    """Random issue x actor grids against the same rules written independently in pandas."""
    import pandas as pd

    actors = ["p", "q", "r", "s"]
    issues = [f"i{n}" for n in range(len(grid))]
    stances = [
        dict(actor=actor, issue=issue, stance=None if value == "null" else value)
        for issue, row in zip(issues, grid)
        for actor, value in zip(actors, row)
        if value is not None
    ]
    a = analyse(build_dataset(issues, actors, stances), quorum=2)
    numbers = [[None if v == "null" else v for v in row] for row in grid]
    frame = pd.DataFrame(numbers, index=issues, columns=actors, dtype="Float64")

    for issue in issues:
        row = frame.loc[issue].dropna()
        spread = a.spread(issue)
        assert spread.n_known == len(row)
        assert spread.spread == (int(row.max() - row.min()) if len(row) >= 2 else None)
        same_side = len(row) >= 2 and (bool((row > 0).all()) or bool((row < 0).all()))
        assert (issue in {c.issue_id for c in a.common_ground}) == same_side

    for x, y in itertools.combinations(actors, 2):
        both = frame[[x, y]].dropna()
        d = a.distance(x, y)
        assert d.shared == len(both)
        expected = (both[x] - both[y]).abs().mean() if len(both) else None
        assert d.distance == (pytest.approx(float(expected)) if expected is not None else None)

    spreads = [p.spread.spread for p in a.ranking if p.spread.spread is not None]
    assert spreads == sorted(spreads)
