"""The stance detail shows a statement carried by several outlets as one statement, with each
outlet's words, once."""

from __future__ import annotations

from pathlib import Path

from tui.app.widgets.shared.stance_detail import StanceDetail
from tui.core.loader import load_tree
from tui.core.statements import statement_of

from tests.app.helpers import make_app, ready, squash, widget_text
from tests.app.renderings_tree import write_renderings_tree


def test_a_rendering_knows_its_statement_across_actor_files(tmp_path: Path) -> None:
    ds = load_tree(write_renderings_tree(tmp_path / "data"))
    assert ds.errors == []
    (alpha,) = ds.stance_at("alpha", "talks").evidence
    statement = statement_of(ds, alpha)
    assert statement.describe() == "one statement, 2 renderings"
    assert [r.evidence.source for r in statement.renderings] == ["wire", "daily"]


async def test_the_detail_shows_one_statement_with_each_outlets_words(tmp_path: Path) -> None:
    app = make_app(write_renderings_tree(tmp_path / "data"))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        app.issue_id, app.actor_id = "talks", "alpha"
        await pilot.pause()
        detail = squash(widget_text(app.query_one(StanceDetail)))
        assert "One statement, 2 renderings:" in detail
        assert "· Wire Service (above): “We will attend the talks.” ✓ verified" in detail
        assert "· Daily Paper via Wire Service: “we shall attend those talks.” ✓" in detail
        assert detail.count("One statement") == 1
