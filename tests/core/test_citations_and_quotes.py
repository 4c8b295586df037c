"""The rules views ask the core: what a picture cites, the quotes search, a dataset that refuses
writes. On the fictional fixture of tests/time, whose stances change (see its test module)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.citations import (
    cited_sources,
    evidence_in_view,
    picture_sources,
    source_evidence_in_view,
    source_name,
)
from tui.core.dataset import Dataset
from tui.core.loader import load_tree
from tui.core.quotes import Quotes, haystack, narrows, quotes_on_record

TREE = Path(__file__).resolve().parents[1] / "time" / "tree"
MARCH, MAY = dt.date(2025, 3, 1), dt.date(2025, 5, 1)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    dataset = load_tree(TREE)
    assert not dataset.diagnostics, [d.format() for d in dataset.diagnostics]
    return dataset


# -- immutable in fact -----------------------------------------------------------------------


def test_a_dataset_refuses_writes(ds):
    with pytest.raises(TypeError):
        ds.actors["someone"] = ds.actors["actor-a"]  # type: ignore[index]
    with pytest.raises(TypeError):
        del ds.issues["talks"]  # type: ignore[attr-defined]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ds.stances = ()  # type: ignore[misc]
    assert isinstance(ds.stances, tuple) and isinstance(ds.diagnostics, tuple)
    assert isinstance(ds.dates, tuple) and isinstance(ds.evidence, tuple)
    with pytest.raises(TypeError):
        ds.as_of(MARCH)[("actor-a", "talks")] = None  # type: ignore[index]


def test_a_dataset_holds_no_dict_its_maker_could_still_change():
    issues = dict(load_tree(TREE).issues)
    frozen = Dataset(root=TREE, issues=issues)
    issues.clear()
    assert list(frozen.issues) == ["talks", "drills", "sanctions"]


def test_a_dataset_survives_pickling(ds):
    copy = pickle.loads(pickle.dumps(ds))
    assert list(copy.actors) == list(ds.actors)
    assert copy.stances == ds.stances
    with pytest.raises(TypeError):
        copy.seeds["x"] = None  # type: ignore[index]


def test_the_picture_of_a_date_is_worked_out_once(ds):
    assert ds.as_of(MARCH) is ds.as_of(MARCH)
    assert ds.as_of(None) is ds.as_of(None)
    assert ds.as_of(MARCH) is not ds.as_of(MAY)


# -- what a picture cites -----------------------------------------------------------------------


def texts(evidence) -> list[str]:
    return [record.evidence.text for record in evidence]


def test_a_picture_cites_the_stances_in_force_and_a_history_every_one_so_far(ds):
    in_force = evidence_in_view(ds, MAY, actor_id="actor-a", issue_id="talks")
    assert texts(in_force) == ["Actor A said talks were possible with no condition."]
    so_far = evidence_in_view(ds, MAY, actor_id="actor-a", issue_id="talks", through_time=True)
    assert set(texts(so_far)) == {
        "Actor A said talks were possible with no condition.",
        "Actor A rejected talks outright.",
        "Actor A said talks were possible if the drills stopped",
    }
    assert cited_sources(in_force) == ("fixture-may",)
    assert set(cited_sources(so_far)) == {"fixture-may", "fixture-january", "fixture-march"}


def test_before_a_stance_takes_effect_nothing_of_it_is_cited(ds):
    march = evidence_in_view(ds, MARCH, actor_id="actor-a", issue_id="talks")
    assert texts(march) == ["Actor A said talks were possible if the drills stopped"]
    assert "fixture-may" not in cited_sources(evidence_in_view(ds, MARCH, through_time=True))


def test_the_sources_of_a_picture_are_worked_out_once_per_date(ds):
    assert picture_sources(ds, MARCH) == cited_sources(evidence_in_view(ds, MARCH))
    assert picture_sources(ds) == cited_sources(evidence_in_view(ds))
    assert picture_sources(ds, MARCH) != picture_sources(ds, MAY)
    assert picture_sources(ds, MAY) is picture_sources(ds, MAY)


# -- the quotes search ----------------------------------------------------------------------------


def found(quotes: Quotes, *words: str, **narrowing: str) -> list:
    return [quotes.records[index] for index in quotes.search(words, **narrowing)]


def test_every_word_must_match_in_any_case(ds):
    quotes = quotes_on_record(ds)
    assert len(quotes) == len(ds.evidence)
    assert set(texts(found(quotes, "TALKS", "possible"))) == {
        "Actor A said talks were possible with no condition.",
        "Actor A said talks were possible if the drills stopped",
    }
    assert found(quotes, "talks", "nowhere-in-the-data") == []


def test_the_search_narrows_by_actor_and_issue(ds):
    quotes = quotes_on_record(ds)
    by_b = found(quotes, actor_id="actor-b")
    assert by_b and all("actor-b" in (r.actor_id, r.speaker_id) for r in by_b)
    on_drills = found(quotes, issue_id="drills")
    assert on_drills and all(record.issue_id == "drills" for record in on_drills)
    assert len(found(quotes, actor_id="actor-b", issue_id="drills")) < len(on_drills)


def test_a_narrowed_search_looks_only_among_the_earlier_matches(ds):
    quotes = quotes_on_record(ds)
    talks = quotes.search(["talks"])
    assert list(quotes.search(["talks", "drills"])) == list(quotes.search(["drills"], within=talks))
    # Among nothing, nothing matches, whatever the words.
    assert list(quotes.search(["talks"], within=[])) == []


def test_a_date_limits_the_search_to_what_was_on_record(ds):
    assert len(quotes_on_record(ds, MARCH)) < len(quotes_on_record(ds))
    assert not found(quotes_on_record(ds, MARCH), "no", "condition")


def test_the_quotes_are_kept_once_per_date_and_not_carried_by_a_pickled_dataset(ds):
    assert quotes_on_record(ds) is quotes_on_record(ds)
    assert quotes_on_record(ds, MARCH) is not quotes_on_record(ds)
    restored = pickle.loads(pickle.dumps(ds))
    assert restored.memo == {}
    assert quotes_on_record(restored).records == quotes_on_record(ds).records


def test_what_a_word_may_match_is_built_only_when_a_word_is_looked_for(ds):
    quotes = Quotes(ds)
    assert quotes.search() == range(len(ds.evidence))
    quotes.search(actor_id="actor-b", issue_id="drills")
    assert not quotes.searchable
    quotes.search(["talks"])
    assert quotes.searchable


def test_typing_on_narrows_and_a_changed_word_does_not():
    assert narrows(("tal",), ("talk",))
    assert narrows(("talk",), ("talk", "a"))
    assert not narrows(("talk",), ("tax",))
    assert not narrows(("talk", "a"), ("talk",))


# -- peninsula quotes -----------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(main, ["quotes", "--data", str(TREE), *args])


@pytest.mark.parametrize("when", [None, MARCH, MAY])
def test_each_quote_is_listed_and_searched_as_its_record_says(ds, when):
    """The haystacks share their context's parts, built once: the same haystacks and order as
    working each out from its record alone; the sources named once each, in order."""
    quotes = Quotes(ds, when)
    records = evidence_in_view(ds, when, through_time=True)
    assert quotes.records == list(records)
    assert quotes.haystacks() == [haystack(ds, r) for r in records]
    names = [source_name(ds, r.evidence.source) for r in records]
    assert quotes.sources(range(len(records))) == list(dict.fromkeys(names))


def test_a_source_cites_what_the_record_through_time_holds_of_it(ds):
    for when in (None, MARCH, MAY):
        every = evidence_in_view(ds, when, through_time=True)
        for seed_id in ds.seeds:
            expected = [e for e in every if e.evidence.source == seed_id]
            assert source_evidence_in_view(ds, seed_id, when) == expected


def test_the_command_lists_what_the_search_finds():
    result = run("--grep", "talks possible")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == f"2 quotes of {len(load_tree(TREE).evidence)}"
    assert any(line.startswith("positions/actor-a.yaml:") for line in lines)
    assert "Actor A said talks were possible with no condition." in result.output


def test_the_command_says_json_and_exits_1_on_no_match():
    result = run("--actor", "actor-b", "--issue", "drills", "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload and {item["issue"] for item in payload} == {"drills"}
    assert run("--grep", "nowhere-in-the-data").exit_code == 1


def test_an_unknown_actor_or_issue_is_a_usage_error():
    assert run("--actor", "nobody").exit_code == 2
    assert run("--issue", "nothing").exit_code == 2
