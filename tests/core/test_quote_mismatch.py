"""A quote that is not verbatim in its seed is reported at the first word that differs, with the
seed's words at the closest passage, whatever the YAML style of the text; a quote verbatim in
another seed names that seed; the diagnosis never costs good evidence its verification."""

from __future__ import annotations

from collections.abc import Callable

import pytest

import tui.core.loader as loader_module
from tui.core.dataset import Dataset
from tui.core.mismatch import first_difference
from tui.core.verify import NormalisedBody

from .conftest import SEED_BODY, actor, lines, position

Load = Callable[..., Dataset]
GAMMA = "positions/gamma.yaml"
SAID = "error: evidence not found verbatim in seed 's1': "


def evidence(text_lines: str, source: str = "s1") -> str:
    """An evidence item whose ``text:`` key is on line 12 of the actor file."""
    return f"      - kind: quote\n        text: {text_lines}        source: {source}\n"


def errors_of(load: Load, text_lines: str, **files: str) -> list[str]:
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence(text_lines))), **files})
    return lines(dataset, GAMMA)


def test_a_mistyped_word_of_a_plain_string_is_reported_at_that_word(load: Load) -> None:
    assert errors_of(load, "If the talks resume, we will atend\n") == [
        f'{GAMMA}:12:44: {SAID}"...we will atend" differs at "atend"; the seed has "attend"'
    ]


def test_inside_a_literal_block_the_word_is_found_on_its_own_line(load: Load) -> None:
    text = "|\n          If the talks resume,\n          we will atend\n"
    assert errors_of(load, text) == [
        f'{GAMMA}:14:19: {SAID}"...we will atend" differs at "atend"; the seed has "attend"'
    ]


def test_inside_a_folded_block_the_word_is_found_on_its_own_line(load: Load) -> None:
    text = ">-\n          If the talks\n          resume, we wil attend\n"
    assert errors_of(load, text) == [
        f'{GAMMA}:14:22: {SAID}"...resume, we wil..." differs at "wil"; the seed has "will"'
    ]


def test_a_double_quoted_string_over_two_lines(load: Load) -> None:
    text = '"If the talks\n          resume, we shall attend"\n'
    assert errors_of(load, text) == [
        f'{GAMMA}:13:22: {SAID}"...resume, we shall..." differs at "shall"; the seed has "will"'
    ]


def test_a_wrong_first_word_is_placed_by_the_words_after_it(load: Load) -> None:
    assert errors_of(load, "When the talks resume, we will attend\n") == [
        f'{GAMMA}:12:15: {SAID}"When..." differs at "When"; the seed has "If"'
    ]


def test_the_piece_after_an_elision_is_the_one_pointed_at(load: Load) -> None:
    assert errors_of(load, "If the talks resume ... Alpha sang on Monday\n") == [
        f'{GAMMA}:12:45: {SAID}"Alpha sang..." differs at "sang"; the seed has "said"'
    ]


def test_no_word_in_the_seed_points_at_the_text(load: Load) -> None:
    assert errors_of(load, "Zebras graze quietly\n") == [
        f'{GAMMA}:12:15: {SAID}"Zebras..." differs at "Zebras"; no passage of the seed is like it'
    ]


def test_a_quote_verbatim_in_another_seed_names_it_at_the_source(load: Load) -> None:
    other = (
        "---\nid: s2\ntitle: Another article\noutlet: Other Outlet\npublished: 2025-09-23\n"
        "---\nGamma said the summit would wait for spring.\n"
    )
    found = errors_of(load, "the summit would wait for spring\n", **{"seeds/s2.txt": other})
    assert found == [f"{GAMMA}:13:17: {SAID[:-2]}, but it is verbatim in seed 's2': cite that seed"]


def test_the_diagnosis_never_costs_good_evidence_its_verification(
    load: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Enough for verifying the file's three items (a miss searches the body twice, a hit once),
    # not for diagnosing the miss on top: its diagnosis has an account of its own.
    body = len(SEED_BODY)
    monkeypatch.setattr(loader_module, "file_budget", lambda size: body * 5)
    items = (
        evidence("we will not attend\n")
        + evidence("If the talks resume, we will attend\n")
        + evidence("Alpha said on Monday\n")
    )
    dataset = load({GAMMA: actor("gamma", position(evidence=items))})
    assert lines(dataset, GAMMA) == [f'{GAMMA}:12:15: {SAID}"we will not attend"']
    verified = [ev.verified for ev in dataset.evidence if ev.actor_id == "gamma"]
    assert verified == [False, True, True]


def test_a_short_common_run_is_placed_where_the_next_word_follows() -> None:
    original = "the cat sat. the dog ran far away."
    mismatch = first_difference("the dog walked far", NormalisedBody(original), original)
    assert (mismatch.word, mismatch.seed_word) == ("walked", "ran")
