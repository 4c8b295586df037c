"""The real record the project ships: every corpus article a seed, every quote verified, clean."""

from __future__ import annotations

import functools
from pathlib import Path

from tui.core.brief import render_brief
from tui.core.dataset import Dataset
from tui.core.loader import load_tree
from tui.core.seeds import body_sha256

REPO = Path(__file__).resolve().parents[2]
FIRST_SEED = "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"


@functools.cache
def bundled() -> Dataset:
    return load_tree(REPO)


def test_the_bundled_data_validates_clean_with_every_evidence_item_verified() -> None:
    dataset = bundled()
    assert [d.format() for d in dataset.diagnostics] == []
    summary = dataset.summary()
    assert summary["sources"] >= 40
    assert summary["evidence"] > 0
    assert summary["verified"] == summary["evidence"]


def test_every_corpus_seed_is_an_excerpt_whose_text_matches_its_recorded_hash() -> None:
    seeds = bundled().seeds
    corpus = [seed for seed_id, seed in seeds.items() if seed_id != FIRST_SEED]
    assert len(corpus) >= 39
    for seed in corpus:
        assert seed.meta.excerpt, seed.id
        assert seed.meta.sha256 == body_sha256(seed.body), seed.id
    assert not seeds[FIRST_SEED].meta.excerpt  # the first seed stays as it was


def test_a_title_the_page_did_not_give_is_marked_inferred_with_its_reason() -> None:
    seeds = bundled().seeds
    bizchosun = seeds["2025-01-21-bizchosun-trump-kim-has-nuclear-power"].meta
    assert "no headline" in bizchosun.inferred["title"]
    assert "URL" in bizchosun.inferred["published"]
    assert (
        "title"
        not in seeds["2025-03-05-donga-kim-yo-jong-condemns-carrier-deployment"].meta.inferred
    )


def test_the_brief_says_which_sources_are_excerpts() -> None:
    brief = render_brief(bundled())
    header = next(line for line in brief.splitlines() if line.startswith("| no. |"))
    assert header.rstrip().endswith("| text |")
    rows = [line for line in brief.splitlines() if line[:3] in {f"| {n}" for n in range(1, 10)}]
    assert sum(row.rstrip().endswith("| excerpt |") for row in rows) >= 39


def test_the_bundled_record_has_eight_actors_over_more_than_a_year_of_published_dates() -> None:
    dataset = bundled()
    assert len(dataset.actors) >= 8
    assert {
        "kim-jong-un",
        "donald-trump",
        "lee-jae-myung",
        "kim-yo-jong",
        "xi-jinping",
        "vladimir-putin",
        "sanae-takaichi",
        "chung-dong-young",
    } <= set(dataset.actors)
    published = sorted(seed.meta.published for seed in dataset.seeds.values())
    assert (published[-1] - published[0]).days >= 365


def test_the_main_actors_take_stances_on_many_issues_from_the_corpus() -> None:
    dataset = bundled()

    def issues_of(actor_id: str) -> set[str]:
        return {record.issue_id for record in dataset.stances if record.actor_id == actor_id}

    assert len(issues_of("kim-jong-un")) >= 8
    assert len(issues_of("lee-jae-myung")) >= 8
    assert len(issues_of("kim-yo-jong")) >= 6
    assert len(issues_of("donald-trump")) >= 7
    cited = {record.evidence.source for record in dataset.evidence}
    assert len(cited) >= 30  # the stances rest on the corpus, not on the first article alone


def test_trumps_denuclearisation_stance_changes_with_evidence_at_both_dates() -> None:
    history = bundled().history("donald-trump", "denuclearisation")
    values = [(record.as_of.isoformat(), record.stance) for record in history]
    assert values[0] == ("2025-07-29", 2)
    assert values[-1] == ("2025-10-24", 0)
    before, after = history[-2], history[-1]
    assert before.stance != after.stance
    assert before.evidence and after.evidence
    assert before.position.inferred  # the US demand, in his government's words
    assert after.position.inferred is None  # "sort of a nuclear power", in his own
    assert any("sort of a nuclear power" in e.evidence.text for e in after.evidence)
    assert all(e.verified for e in (*before.evidence, *after.evidence))


def test_one_statement_carried_by_several_outlets_shares_one_statement_id() -> None:
    renderings: dict[str, set[str]] = {}
    for record in bundled().evidence:
        if record.evidence.statement:
            renderings.setdefault(record.evidence.statement, set()).add(record.evidence.source)
    assert len(renderings["kju-2025-09-21-spa-talks-if-us-drops-denuclearisation"]) == 3
    assert len(renderings["kju-2025-09-21-spa-good-memories-of-trump"]) == 3
    assert len(renderings["trump-2025-08-25-meet-him-this-year"]) == 2


def test_a_said_on_resolved_from_the_articles_words_says_so() -> None:
    for record in bundled().evidence:
        note = record.evidence.said_on_note or ""
        if record.evidence.said_on is not None and note.startswith("Inferred:"):
            assert '"' in note, note  # the words it was resolved from
