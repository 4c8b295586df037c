"""Common ground shows each agreeing stance's summary beside the others', in the figures, the
gaps export and the brief: agreeing on a side is not agreeing for the same reason."""

from __future__ import annotations

from tui.core.analysis import analyse
from tui.core.brief import render_brief

from .handmade import build_dataset

# Both against sanctions, for opposite reasons: the case the summaries are there to show.
SANCTIONS = [
    dict(actor="kim", issue="sanctions", stance=-2, summary="Pressure only made us stronger."),
    dict(actor="lee", issue="sanctions", stance=-1, summary="Sanctions failed to stop the arms."),
    dict(actor="xi", issue="sanctions", stance=-1, summary="Talks, not pressure."),
]


def dataset():
    return build_dataset(
        ["sanctions"],
        ["kim", "lee", "xi", "trump"],
        SANCTIONS,
        names={"kim": "Kim", "lee": "Lee", "xi": "Xi", "trump": "Trump"},
    )


def test_each_agreeing_stance_brings_its_summary():
    (common,) = analyse(dataset()).common_ground
    assert common.side_word == "against"
    assert common.reasons == (
        ("kim", "Pressure only made us stronger."),
        ("lee", "Sanctions failed to stop the arms."),
        ("xi", "Talks, not pressure."),
    )


def test_the_gaps_export_carries_the_summaries_side_by_side():
    row = analyse(dataset()).gaps_frame().set_index("issue_id").loc["sanctions"]
    assert row["common_ground"] == "all against"
    assert row["common_ground_reasons"] == (
        "Kim: Pressure only made us stronger. | Lee: Sanctions failed to stop the arms. | "
        "Xi: Talks, not pressure."
    )


def test_an_issue_without_common_ground_has_no_summaries_in_the_export():
    two = build_dataset(["sanctions"], ["kim", "lee", "xi", "trump"], SANCTIONS[:2])
    row = analyse(two).gaps_frame().set_index("issue_id").loc["sanctions"]
    assert row["common_ground"] == "too few known" and row["common_ground_reasons"] == ""


def test_the_brief_tables_the_summaries_under_each_common_ground():
    text = render_brief(dataset())
    common = text.split("## Common ground", 1)[1].split("\n## ", 1)[0]
    assert "Why each is against, in their stances' summaries:" in common
    assert "| Kim | -2 | Pressure only made us stronger. |" in common
    assert "| Lee | -1 | Sanctions failed to stop the arms. |" in common
    assert "| Xi | -1 | Talks, not pressure. |" in common
