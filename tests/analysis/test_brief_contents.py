"""The Markdown brief: its sections, its claims with their evidence, and escaping."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from tui.core.brief import render_brief
from tui.core.models import Evidence

from .handmade import FEB, SOURCE, build_dataset, hand_dataset

SECTIONS = [
    "## Bottom line",
    "## Sources",
    "## Where they stand",
    "## Widest gaps",
    "## Blocked conditions",
    "## Common ground",
    "## Starting points for talks",
    "## Distance between actors",
    "## Caveats",
]


def _section(text: str, heading: str) -> str:
    start = text.index(heading)
    following = [text.index(h) for h in SECTIONS if text.index(h) > start]
    return text[start : min(following, default=len(text))]


def test_sections_in_order_with_the_as_of_date():
    text = render_brief(hand_dataset())
    assert text.startswith("# Peninsula brief")
    assert "**As of 2025-03-01 (the latest stance in the data).**" in text
    assert [text.index(h) for h in SECTIONS] == sorted(text.index(h) for h in SECTIONS)
    assert "1 error and 0 warnings" in text


def test_sources_and_matrix():
    text = render_brief(hand_dataset())
    sources = _section(text, "## Sources")
    assert (
        "| 1 | hand-source | A hand-made source | Test Outlet | 2025-03-01 | Wire |  |" in sources
    )
    matrix = _section(text, "## Where they stand")
    assert "| issue | Ann Arbor | Bo Bell | Cy Cole | Di Dunn |" in matrix
    assert (
        "| One | ▼▼ firmly against -2 | ▲▲ firmly for +2 | ▲ for +1 | ·· no stated position |"
        in matrix
    )
    assert "| Six | ▲ for +1 (if) | ▼ against -1 |" in matrix


def test_widest_gaps_with_the_claims_of_the_farthest_pair():
    text = render_brief(hand_dataset(), widest=2)
    gaps = _section(text, "## Widest gaps")
    assert re.findall(r"^### (.*)$", gaps, re.M) == [
        "One: spread 4 (-2 to +2)",
        "Six: spread 2 (-1 to +1)",
    ]
    assert "Farthest apart: **Ann Arbor** (-2) and **Bo Bell** (+2)." in gaps
    assert "Known for 3 of 4 actors; no stated position: Di Dunn." in gaps
    # Under each claim, its evidence with speaker, date said, outlet and relay chain.
    assert "- **Bo Bell** on One: ▲▲ firmly for +2, from 2025-03-01. bo on one" in gaps
    assert (
        "  - Passage 2. Quote: “bo on one” — Bo Bell, said 2025-03-01; outlet: Test Outlet "
        "(source 1, published 2025-03-01); relay: Agency → Wire → Test Outlet; found in the source."
        in gaps
    )
    # cy is on one too, but not at either end of the widest gap.
    assert "Cy Cole** on One" not in gaps


def test_blocked_conditions_with_both_sides_evidence():
    blocked = _section(render_brief(hand_dataset()), "## Blocked conditions")
    assert (
        "### Ann Arbor's condition for Six is unmet: Bo Bell's stance on One is +2, needs ≤ 0"
        in blocked
    )
    assert "The condition in the data's words: Bo stops pushing one." in blocked
    # Both were quoted under Widest gaps: here they are referred to, not quoted again.
    assert "- **Ann Arbor** on Six: ▲ for +1 (if)" in blocked
    assert "  - Also resting on passage 3, quoted above." in blocked
    assert "- **Bo Bell** on One: ▲▲ firmly for +2" in blocked
    assert "  - Also resting on passage 2, quoted above." in blocked
    assert "“" not in blocked
    assert (
        "- Ann Arbor's condition for Six is unknown: Di Dunn has no stated position on One"
        in blocked
    )


def test_common_ground_and_starting_points():
    text = render_brief(hand_dataset(), quorum=2)
    common = _section(text, "## Common ground")
    assert re.findall(r"^### (.*)$", common, re.M) == ["Two: all for", "Three: all against"]
    assert "Ann Arbor, Bo Bell, Di Dunn are for." in common
    points = _section(text, "## Starting points for talks")
    assert "| 1 | Two | 1 | 3 of 4 known | common ground (for) |" in points
    assert "| 4 | Six | 2 | 2 of 4 known | blocked by an unmet condition |" in points
    assert "| 5 | One | 4 | 3 of 4 known | blocks a condition |" in points
    default = _section(render_brief(hand_dataset()), "## Starting points for talks")
    assert "| Three | 1 | 2 of 4 known | too few known |" in default
    distances = _section(text, "## Distance between actors")
    assert "| Ann Arbor | Cy Cole | 3.00 | over 1 of 7 issues | One 3 |" in distances


def test_as_of_changes_the_picture():
    text = render_brief(hand_dataset(), FEB)
    assert "**As of 2025-02-01.**" in text
    assert "No condition is unmet." in text
    assert "### One: spread 3 (-2 to +1)" in text


def test_reported_speech_is_marked_and_undated_items_say_so():
    ds = build_dataset(
        ["one"],
        ["a", "b"],
        [
            dict(
                actor="a",
                issue="one",
                stance=1,
                evidence=[
                    Evidence(
                        kind="reported",
                        text="a backs one",
                        source=SOURCE,
                        said_on_note="recently, the article says",
                    ),
                ],
            ),
            dict(actor="b", issue="one", stance=-1),
        ],
    )
    text = render_brief(ds)
    assert (
        "Reported speech (the article's words, not a quote): “a backs one” — about A, date not "
        "given (recently, the article says); outlet: Test Outlet (source 1, published "
        "2025-03-01); relay: reported directly by Test Outlet; found in the source." in text
    )


def test_unverified_evidence_is_flagged():
    ds = build_dataset(
        ["one"],
        ["a", "b"],
        [
            dict(actor="a", issue="one", stance=1, verified=False),
            dict(actor="b", issue="one", stance=-1),
        ],
    )
    assert "NOT found in the source" in render_brief(ds)


def test_nothing_in_the_data_can_break_the_brief():
    evil = "<script>alert(1)</script> [x](http://evil.example) ![i](http://e/i.png) | `c` *e*"
    ds = build_dataset(
        ["one", "two"],
        ["a", "b"],
        [
            dict(
                actor="a",
                issue="one",
                stance=-2,
                evidence=[
                    Evidence(
                        kind="quote",
                        text=evil + "\n# heading\n> quote",
                        source=SOURCE,
                        via=["<b>KCNA</b>", "[Reuters](http://x)"],
                    ),
                ],
                conditions=[dict(actor="b", issue="one", max=0, text=evil)],
            ),
            dict(actor="b", issue="one", stance=2),
        ],
        names={"a": evil, "b": "# B\n- item"},
        titles={"one": evil, "two": "two | broken | table"},
    )
    text = render_brief(ds)
    html = MarkdownIt("commonmark").enable("table").render(text)
    for tag in ("<script", "<a ", "<img", "<b>", "<blockquote", "<em>e</em>", "<code>c</code>"):
        assert tag not in html, tag
    shown = (
        "&lt;script&gt;alert(1)&lt;/script&gt; [x](http://evil.example) ![i](http://e/i.png)"
        " | `c` *e*"
    )
    # Addresses are set in code spans so that no renderer links them; the text reads the same.
    assert shown in re.sub(r"</?code>", "", html)
    # Only the brief's own headings: nothing in the data becomes one.
    assert len(re.findall(r"^#{1,6} ", text, re.M)) == len(re.findall(r"<h[1-6]>", html))
    assert not any(
        h.startswith("# B") or h.startswith("heading")
        for h in re.findall(r"<h\d>(.*?)</h\d>", html)
    )
    # Tables keep their shape: every row of the matrix has 1 + 2 actor cells.
    matrix = _section(text, "## Where they stand")
    rows = [line for line in matrix.splitlines() if line.startswith("|")]
    assert all(len(re.findall(r"(?<!\\)\|", row)) == 4 for row in rows)


def test_empty_dataset():
    ds = build_dataset([], [], [])
    text = render_brief(ds)
    assert "no stance in the data has a date yet" in text
    assert "No issue has two actors with a stated position apart." in text
    assert "No condition is unmet." in text
