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
