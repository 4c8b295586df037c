"""The data the project ships loads with no problem at all, and every quote is found verbatim."""

from __future__ import annotations

from pathlib import Path

from tui.core.loader import load_tree

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]


def test_the_bundled_data_validates_clean_and_verified() -> None:
    dataset = load_tree(FIRST_ARTICLE)
    assert [d.format() for d in dataset.diagnostics] == []
    summary = dataset.summary()
    assert summary["actors"] >= 4
    assert summary["issues"] >= 6
    assert summary["sources"] >= 1
    assert summary["evidence"] > 0
    assert summary["verified"] == summary["evidence"]
    assert {"kim-jong-un", "donald-trump", "lee-jae-myung", "kim-yo-jong"} <= set(dataset.actors)
    for record in dataset.evidence:
        body = dataset.seeds[record.evidence.source].body
        assert record.spans and all(0 <= start < end <= len(body) for start, end in record.spans)
