"""The basis of a stance (own words, reported, inferred) and the counting of statements."""

from __future__ import annotations

from tui.core.basis import admits, evidence_basis, inference_reason, stance_basis
from tui.core.models import Evidence
from tui.core.statements import (
    channels_words,
    count_evidence,
    group_statements,
    is_fragment,
)

from .handmade import SOURCE, build_dataset


def ev(kind="quote", text="We will talk when the time is right.", **extra) -> Evidence:
    return Evidence(kind=kind, text=text, source=SOURCE, **extra)


def dataset():
    return build_dataset(
        ["one", "two", "three", "four"],
        ["ann", "bo"],
        [
            dict(
                actor="ann", issue="one", stance=1, evidence=[ev(), ev("reported", "Ann said so")]
            ),
            dict(actor="ann", issue="two", stance=1, evidence=[ev("reported", "Ann said so")]),
            dict(
                actor="ann",
                issue="three",
                stance=2,
                inferred="the article states her government's line",
                evidence=[ev("reported", "The government insists")],
            ),
            # Only another speaker's words, and no mark: an inference all the same.
            dict(
                actor="ann",
                issue="four",
                stance=-1,
                evidence=[ev(text="Bo says no.", speaker="bo")],
            ),
        ],
    )


def by_issue(ds):
    return {r.issue_id: r for r in ds.stances}


def test_own_words_reported_speech_and_inference_are_told_apart():
    stances = by_issue(dataset())
    assert stance_basis(stances["one"]) == "own"
    assert stance_basis(stances["two"]) == "reported"
    assert stance_basis(stances["three"]) == "inferred"
    assert inference_reason(stances["three"]) == "the article states her government's line"
    assert stance_basis(stances["four"]) == "inferred"
    assert evidence_basis(stances["four"].evidence[0]) == "other"
    assert "not marked `inferred:`" in inference_reason(stances["four"])


def test_the_basis_filter_nests_own_within_reported_within_all():
    stances = by_issue(dataset())
    kept = {f: {i for i, r in stances.items() if admits(f, r)} for f in ("own", "reported", "all")}
    assert kept == {
        "own": {"one"},
        "reported": {"one", "two"},
        "all": {"one", "two", "three", "four"},
    }


def test_two_renderings_of_one_statement_count_as_one_statement():
    ds = build_dataset(
        ["one"],
        ["ann"],
        [
            dict(
                actor="ann",
                issue="one",
                stance=1,
                evidence=[
                    ev(text="drops the absurd obsession", statement="spa-speech"),
                    ev(text="abandons the preposterous fixation", statement="spa-speech"),
                    ev(text="We will talk when the time is right."),
                ],
            )
        ],
    )
    records = ds.evidence
    groups = group_statements(records)
    assert [g.n_renderings for g in groups] == [2, 1]
    assert groups[0].describe() == "one statement, 2 renderings"
    counts = count_evidence(records)
    assert (counts.items, counts.renderings, counts.statements) == (3, 3, 2)


def test_an_identical_passage_cited_twice_counts_once():
    ds = dataset()
    counts = count_evidence(ds.evidence)
    # "Ann said so" is cited by two stances: one rendering, one statement.
    assert counts.items == 5
    assert counts.renderings == 4
    assert counts.statements == 4


def test_a_quote_under_three_words_is_a_fragment():
    assert is_fragment(ev(text="reckless"))
    assert is_fragment(ev(text="realistic step"))
    assert not is_fragment(ev(text="a realistic step"))
    assert not is_fragment(ev("reported", "reckless"))  # the article's words, not a quote


def test_channels_are_a_list_never_a_chain():
    words = channels_words(["BBC", "Reuters"])
    assert words == "carried separately by BBC and Reuters"
    assert "→" not in words
    assert channels_words(["BBC", "Reuters", "CNN"]) == "carried separately by BBC, Reuters and CNN"
    assert channels_words([]) == ""
