"""What differs between two records of one stance: the value, the conditions, the summary."""

from __future__ import annotations

from tui.core.differences import differences

from tests.analysis.handmade import FEB, JAN, build_dataset

DRILLS = dict(actor="bo", issue="one", max=0, text="The drills stop.")
SANCTIONS = dict(actor="bo", issue="one", max=-1, text="Sanctions are lifted.")


def history(*specs):
    stances = [dict(actor="ann", issue="one", **spec) for spec in specs]
    ds = build_dataset(["one"], ["ann", "bo"], stances)
    return ds.history("ann", "one")


def test_the_same_value_with_other_conditions_is_a_change_of_conditions_only():
    before, after = history(
        dict(stance=1, as_of=JAN, conditions=[DRILLS]),
        dict(stance=1, as_of=FEB, conditions=[SANCTIONS]),
    )
    found = differences(before, after)
    assert found.only_conditions and not found.value
    assert [c.text for c in found.dropped] == ["The drills stop."]
    assert [c.text for c in found.added] == ["Sanctions are lifted."]


def test_a_new_value_is_not_only_conditions_and_a_condition_kept_is_neither_dropped_nor_added():
    before, after = history(
        dict(stance=1, as_of=JAN, conditions=[DRILLS]),
        dict(stance=2, as_of=FEB, conditions=[DRILLS, SANCTIONS]),
    )
    found = differences(before, after)
    assert found.value and not found.only_conditions
    assert found.dropped == () and [c.text for c in found.added] == ["Sanctions are lifted."]


def test_new_words_for_the_same_stance_differ_in_the_summary_alone():
    before, after = history(
        dict(stance=-1, as_of=JAN, summary="Cool to talks."),
        dict(stance=-1, as_of=FEB, summary="Cool  to talks, for now."),
    )
    found = differences(before, after)
    assert found.summary and not found.value and not found.conditions
    same = differences(before, before)
    assert not (same.summary or same.value or same.conditions)


def test_nothing_before_differs_in_value_from_a_first_stance():
    (first,) = history(dict(stance=0, as_of=JAN))
    assert differences(None, first).value
