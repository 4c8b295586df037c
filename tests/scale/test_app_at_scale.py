"""What keeps the dashboard quick on a large tree, checked by behaviour (speed itself is left to
the benchmark, `make bench`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app.app import create_app
from tui.app.messages import ShowEvidence
from tui.app.widgets import document
from tui.app.widgets.document import Document
from tui.app.widgets.quotes.quote_list import QuoteList
from tui.app.widgets.quotes.view import QuotesView
from tui.core.identity import evidence_key

from .generate import generate_tree

SIZE = (120, 40)


def test_the_first_frame_needs_no_pydantic_pandas_or_yaml() -> None:
    # The app module and the home view are all the first frame imports; the loader and its
    # libraries come after, in the loading thread.
    code = (
        "import sys, tui.app.app, tui.app.widgets.matrix.view\n"
        "heavy = ('pydantic', 'pandas', 'yaml', 'tui.core.models', 'tui.core.loader')\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


@pytest.fixture(scope="module")
def small_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_tree(tmp_path_factory.mktemp("generated") / "tree", "small")


async def _ready(app, pilot) -> None:
    for _ in range(600):
        if app.loaded.is_set():
            break
        await pilot.pause(0.05)
    assert app.loaded.is_set()
    await pilot.pause()


def _listed(app) -> int:
    return len(app.query_one(QuotesView)._records)


async def test_a_long_quote_list_starts_with_a_screenful_and_grows_on_the_way_down(
    small_tree: Path,
) -> None:
    app = create_app(small_tree, view="quotes", watch=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        view = app.query_one(QuotesView)
        assert len(view._matches) == len(app.dataset.evidence) > 1000
        first = _listed(app)
        assert 0 < first < 100
        assert "listed as you go down" in str(app.query_one("#quotes-count").render())

        quote_list = app.query_one("#quotes-list", QuoteList)
        quote_list.focus()
        # Only the items the screen reaches are built.
        assert 0 < quote_list.built < first
        await pilot.press("end")
        await pilot.pause()
        assert _listed(app) > first
        # The cursor stays on the item it reached; the list grew past it.
        assert quote_list.highlighted is not None
        assert quote_list.highlighted < quote_list.item_count - 1


async def test_typing_narrows_the_list_to_every_match_and_only_matches(small_tree: Path) -> None:
    app = create_app(small_tree, view="quotes", watch=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        view = app.query_one(QuotesView)
        app.query_one("#quotes-filter", Input).focus()
        await pilot.press(*"inspect")
        await pilot.pause()
        narrowed = len(view._matches)
        expected = [
            record
            for record in app.dataset.evidence
            if "inspect" in record.evidence.text.casefold()
        ]
        assert 0 < narrowed < len(app.dataset.evidence)
        # Every item whose words hold the text is counted (the haystack holds more than the
        # words, so the count may only be larger).
        assert narrowed >= len(expected)
        haystacks = view._quotes.haystacks()
        assert all("inspect" in haystacks[index] for index in view._matches)

        # Typing on narrows from the last matches; deleting widens again.
        await pilot.press(*"ors")
        await pilot.pause()
        assert all("inspectors" in haystacks[index] for index in view._matches)
        assert len(view._matches) <= narrowed
        for _ in "ors":
            await pilot.press("backspace")
        await pilot.pause()
        assert len(view._matches) == narrowed


def _built(document: Document) -> int:
    return sum(item._built is not None for item in document.blocks)


@pytest.mark.parametrize("view_id", ["actor", "issue"])
async def test_a_long_record_builds_only_the_blocks_on_screen(
    small_tree: Path, view_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An actor's or an issue's record is one Document: no widget per quote, and only the
    blocks a screen reaches are built; the End key lays out the rest and reaches the last."""
    # The small tree's records are a few hundred blocks: laid out as the reader goes, as the
    # large tree's thousands are.
    monkeypatch.setattr(document, "LAID_OUT_WHOLE", 50)
    app = create_app(small_tree, view=view_id, watch=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        view = app.active_view
        body = view.query_one(".subject-body", Document)
        await pilot.pause()
        total = len(body.blocks)
        assert total > 100
        assert not body.children
        assert 0 < _built(body) < 80
        estimated = body.virtual_size.height

        body.focus()
        await pilot.press("end")
        await pilot.pause()
        assert _built(body) == total
        assert body.scroll_y == body.max_scroll_y > 0
        last = body.block_at_line(body.virtual_size.height - 1)
        assert last == total - 1 or body.block_at_line(body.virtual_size.height - 2) == total - 1
        # The estimate was of the right size, not exact.
        assert estimated / 3 < body.virtual_size.height < estimated * 3


async def test_a_source_opened_at_a_quote_scrolls_to_its_passage(small_tree: Path) -> None:
    app = create_app(small_tree, view="quotes", watch=False, blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(app, pilot)
        view = app.query_one(QuotesView)
        record = view._records[0]
        key = evidence_key(record)
        app.post_message(ShowEvidence(record.evidence.source, key))
        await pilot.pause()
        await pilot.pause()
        source = app.active_view
        assert source is not None and source.VIEW_ID == "source"
        side = source.query_one(".subject-side", Document)
        body = source.query_one(".subject-body", Document)
        focus = side.find(lambda item: item.has_class("-focus"))
        assert focus is not None
        assert side.blocks[focus].tag == key
        # The passage the quote was found in is on screen.
        number = next(c.number for c in source.cited(record.evidence.source) if c.key == key)
        passage = body.find(lambda item: number in (item.tag or ()))
        on_screen = {
            body.block_at_line(round(body.scroll_y) + y)
            for y in range(body.scrollable_content_region.height)
        }
        assert passage in on_screen
