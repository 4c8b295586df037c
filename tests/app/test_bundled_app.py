"""The dashboard over the real record the project ships (not the first-article fixture)."""

from __future__ import annotations

from tui.app.widgets.source.view import SourceView

from tests.app.helpers import REPO, make_app, ready, squash, widget_text


async def test_the_source_view_says_a_corpus_seed_is_an_excerpt():
    app = make_app(REPO, view="source")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        text = squash(widget_text(app.query_one(SourceView)))
        assert "excerpt: the opening of the article as stored" in text
