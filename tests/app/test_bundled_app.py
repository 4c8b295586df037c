"""The dashboard over the real record the project ships (not the first-article fixture)."""

from __future__ import annotations

from tui.app.render.records import source_line
from tui.app.widgets.source.view import SourceView
from tui.core.loader import load_tree

from tests.app.helpers import REPO, make_app, ready, squash, widget_text


async def test_the_source_view_says_a_corpus_seed_is_an_excerpt():
    app = make_app(REPO, view="source")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        text = squash(widget_text(app.query_one(SourceView)))
        assert "excerpt: the opening of the article as stored" in text


def test_an_evidence_items_source_line_says_excerpt_when_its_seed_is_one():
    dataset = load_tree(REPO)
    excerpt = next(r for r in dataset.evidence if dataset.seeds[r.evidence.source].meta.excerpt)
    whole = next(r for r in dataset.evidence if not dataset.seeds[r.evidence.source].meta.excerpt)
    assert "excerpt" in source_line(dataset, excerpt).plain
    assert "excerpt" not in source_line(dataset, whole).plain
