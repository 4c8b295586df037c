"""On the shipped data: Kim and Trump are farthest apart on denuclearisation, and Kim's condition
for talks is unmet, with the quotes behind both, in the analysis, the exports and the brief."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest

from tui.core import export
from tui.core.analysis import analyse
from tui.core.brief import render_brief
from tui.core.loader import load_tree

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]
KIM_CONDITION_QUOTE = (
    "If the United States drops the absurd obsession with denuclearising us and accepts reality, "
    "and wants genuine peaceful coexistence, there is no reason for us not to sit down with the "
    "United States"
)
TRUMP_REPORTED = (
    "if the United States abandons its insistence that Pyongyang give up nuclear weapons"
)
UNMET = (
    "Kim Jong Un's condition for Talks with the US is unmet: Donald Trump's stance on "
    "Denuclearisation is +2, needs ≤ 0"
)


@pytest.fixture(scope="module")
def bundled():
    dataset = load_tree(FIRST_ARTICLE)
    assert dataset.errors == []
    return dataset


def test_kim_and_trump_are_farthest_apart_on_denuclearisation(bundled):
    spread = analyse(bundled).spread("denuclearisation")
    assert spread.spread == 4
    assert [(lo.actor_id, hi.actor_id) for lo, hi in spread.farthest] == [
        ("kim-jong-un", "donald-trump")
    ]
    lo, hi = spread.farthest_pair
    assert (lo.stance, hi.stance) == (-2, 2)
    texts = {ev.evidence.text for ev in lo.evidence + hi.evidence}
    assert "the absurd obsession with denuclearising us" in texts
    assert TRUMP_REPORTED in texts
    assert all(ev.verified for ev in spread.evidence)
    assert analyse(bundled).widest[0].issue_id == "denuclearisation"


def test_kims_talks_condition_is_unmet_because_of_trump(bundled):
    a = analyse(bundled)
    (check,) = a.unmet
    assert check.holder.actor_id == "kim-jong-un"
    assert check.holder.issue_id == "talks-with-us"
    assert check.blocker == "donald-trump"
    assert check.target.stance == 2
    assert check.sentence == UNMET
    texts = [ev.evidence.text for ev in check.evidence]
    assert KIM_CONDITION_QUOTE in texts and TRUMP_REPORTED in texts
    talks = next(p for p in a.ranking if p.issue_id == "talks-with-us")
    assert talks.is_blocked
    denuclearisation = next(p for p in a.ranking if p.issue_id == "denuclearisation")
    assert denuclearisation.blocking == (check,)


def test_before_trumps_stance_is_dated_the_condition_is_unknown(bundled):
    a = analyse(bundled, dt.date(2025, 9, 21))
    assert [c.status for c in a.conditions] == ["unknown"]
    assert a.spread("denuclearisation").spread is None


def test_exports_of_the_bundled_data_round_trip(bundled):
    for what in export.WHATS:
        frame = export.frame_for(what, bundled)
        text = export.render(frame, "csv")
        pd.testing.assert_frame_equal(export.read_csv(io.StringIO(text), what), frame)
    gaps = export.frame_for("gaps", bundled).set_index("issue_id")
    assert gaps.loc["denuclearisation", "farthest"] == "Kim Jong Un -2 / Donald Trump +2"
    assert gaps.loc["talks-with-us", "blocked_by"] == UNMET


def test_brief_shows_the_gap_and_the_blocked_condition_with_quotes(bundled):
    text = render_brief(bundled)
    assert "As of 2025-09-22" in text
    gaps = text[text.index("## Widest gaps") : text.index("## Blocked conditions")]
    first = gaps.split("### ")[1]
    assert first.startswith("Denuclearisation: spread 4 (-2 to +2)")
    assert "Farthest apart: **Kim Jong Un** (-2) and **Donald Trump** (+2)." in first
    assert "“the absurd obsession with denuclearising us” — Kim Jong Un, said 2025-09-21" in first
    blocked = text[text.index("## Blocked conditions") : text.index("## Common ground")]
    assert f"### {UNMET}" in blocked
    # Kim's condition was quoted once already, above the section that refers to it.
    kim = f"Quote: “{KIM_CONDITION_QUOTE}” — Kim Jong Un, said 2025-09-21"
    assert text.count(kim) == 1 and text.index(kim) < text.index("## Blocked conditions")
    assert "relay: KCNA → Reuters → Benzinga" in text[: text.index("## Blocked conditions")]
    # Trump's side was quoted under Widest gaps, as passage 1: here it is referred to.
    assert (
        "  - Passage 1. Reported speech (the article's words, not a quote): "
        f"“{TRUMP_REPORTED}” — about Donald Trump" in first
    )
    assert "  - Also resting on passage 1, quoted above." in blocked
    assert TRUMP_REPORTED not in blocked
