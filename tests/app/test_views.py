"""Quotes, source, issue, actor and problems views; the palette, help and screenshots."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.command import CommandPalette
from textual.widgets import Input, OptionList, Select

from tui.app.render import palette
from tui.app.views import VIEW_IDS
from tui.app.widgets.document import Block, Document
from tui.app.widgets.quotes.quote_list import QuoteList
from tui.app.widgets.quotes.view import QuotesView
from tui.app.widgets.source.view import SourceView
from tui.core.identity import evidence_key

from tests.app.helpers import make_app, ready, screen_text, squash, until, widget_text

SEED = "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"


def source_blocks(source: SourceView):
    """Every block the source view shows, beside the text and in it."""

    def blocks() -> list[Block]:
        return [item for document in source.query(Document) for item in document.blocks]

    return blocks


def key_of(view_id: str) -> str:
    """Views are numbered in registry order."""
    return str(VIEW_IDS.index(view_id) + 1)


def shown_quotes(app) -> list:
    """The records the quotes list holds, in its order (one item each)."""
    records = app.query_one(QuotesView)._records
    assert app.query_one("#quotes-list", QuoteList).item_count == len(records)
    return list(records)


async def test_filtering_the_quotes_narrows_them_and_marks_the_words():
    app = make_app(view="quotes")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        everything = shown_quotes(app)
        assert len(everything) == len(app.dataset.evidence)
        # The list has the keys on arrival; / goes into the filter.
        assert app.query_one("#quotes-list", QuoteList).has_focus
        await pilot.press("slash", *"fond memories")
        assert app.query_one("#quotes-filter", Input).has_focus
        await pilot.pause()
        narrowed = shown_quotes(app)
        assert 0 < len(narrowed) < len(everything)
        for record in narrowed:
            assert "fond" in record.evidence.text.casefold()
        assert f"{len(narrowed)} of {len(everything)} items" in screen_text(app)

        # The matched words carry the match style, as spans (no markup involved).
        prompt = app.query_one("#quotes-list", QuoteList).item(0)
        marked = [
            prompt.plain[span.start : span.end]
            for span in prompt.spans
            if str(span.style) == palette.MATCH
        ]
        assert "fond" in [m.casefold() for m in marked]
        assert "memories" in [m.casefold() for m in marked]

        # Words must all match.
        await pilot.press(*" zzzz")
        await pilot.pause()
        assert shown_quotes(app) == []
        assert "nothing matches" in screen_text(app)


async def test_keys_typed_fast_after_slash_all_reach_the_filter():
    """A fast typist's terminal delivers / and the words at once, before the app has run a
    step: every key after / lands in the filter, none in the list (where 1-8 switch views), and
    the keys after escape reach the list."""
    app = make_app(view="quotes")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        quote_list = app.query_one("#quotes-list", QuoteList)

        def deliver(*keys: tuple[str, str | None]) -> None:
            for key, character in keys:
                app.post_message(events.Key(key, character))

        deliver(("slash", "/"), *((c, c) for c in "kim"), ("escape", None), ("down", None))
        await pilot.pause()
        assert app.query_one("#quotes-filter", Input).value == "kim"
        assert quote_list.has_focus and quote_list.item_count > 1
        assert quote_list.highlighted == 1

        # In the list, 2 switches views; after /, it is typed.
        deliver(("slash", "/"), ("2", "2"))
        await pilot.pause()
        assert app.tabs.active == "quotes"
        assert app.query_one("#quotes-filter", Input).value.endswith("2")


async def test_narrowing_by_actor_and_issue():
    app = make_app(view="quotes")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.query_one("#quotes-actor", Select).value = "kim-jong-un"
        await pilot.pause()
        kim = shown_quotes(app)
        assert kim and all(record.actor_id == "kim-jong-un" for record in kim)
        app.query_one("#quotes-issue", Select).value = "denuclearisation"
        await pilot.pause()
        both = shown_quotes(app)
        assert 0 < len(both) < len(kim)
        assert all(record.issue_id == "denuclearisation" for record in both)
        assert "by Kim Jong Un · on Denuclearisation" in squash(screen_text(app))


async def test_enter_on_a_quote_opens_it_in_its_source():
    app = make_app(view="quotes")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"fond memories", "enter")  # enter in the filter: to the list
        assert app.query_one("#quotes-list", QuoteList).has_focus
        chosen = shown_quotes(app)[0]
        await pilot.press("enter")
        await pilot.pause()
        assert app.tabs.active == "source"
        assert app.source_id == SEED
        assert app.evidence_key == evidence_key(chosen)
        source = app.query_one(SourceView)
        blocks = source_blocks(source)
        await until(pilot, lambda: any(item.has_class("-focus") for item in blocks()))
        focused = [item for item in blocks() if item.has_class("-focus")]
        assert len(focused) == 1
        assert "Personally, I still have fond memories" in focused[0].plain
        # The passage itself is marked in the text, and is on screen.
        paragraphs = [
            item
            for item in blocks()
            if item.has_class("source-paragraph")
            and any(str(span.style) == palette.CITED_FOCUS for span in item.built.spans)
        ]
        assert paragraphs
        assert "fond memories of US President Trump" in squash(screen_text(app))


async def test_source_view_marks_every_cited_passage_and_names_who_cites_it():
    app = make_app(view="source")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        source = app.query_one(SourceView)
        cited = [e for e in app.dataset.evidence if e.evidence.source == SEED and e.spans]
        citations = [item for item in source_blocks(source)() if item.has_class("citation")]
        assert len(citations) == len(cited)
        text = squash(widget_text(source))
        assert "inferred" in text  # the seed's inferred outlet and date are said so
        for number in range(1, len(cited) + 1):
            assert f"[{number}]" in text
        assert "Kim Yo Jong · on Allied military drills" in text
        assert "Source · “Kim Jong Un Has ‘Fond Memories’" in squash(screen_text(app))


async def test_issue_and_actor_views_follow_the_matrix_selection():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("right", "down")  # Kim Jong Un, denuclearisation
        await pilot.press(key_of("issue"))
        assert app.tabs.active == "issue"
        text = squash(screen_text(app))
        assert "Issue · Denuclearisation · as of 2025-09-22" in text
        assert "Stances at a glance" in text
        await pilot.press(key_of("actor"))
        assert app.tabs.active == "actor"
        text = squash(screen_text(app))
        assert "Actor · Kim Jong Un · as of 2025-09-22" in text
        assert "Leader of North Korea" in text
        assert "Positions at a glance" in text


async def test_problems_view_says_when_there_are_none():
    app = make_app(view="problems")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = squash(screen_text(app))
        assert "✓ No problems" in text
        assert "✓ no problems" in text  # the header, seen from every view


async def test_the_palette_jumps_to_an_actor():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"Actor: Kim Yo")
        palette_list = app.screen.query_one(OptionList)
        await until(pilot, lambda shown=palette_list: shown.option_count > 0)
        assert "Actor: Kim Yo Jong" in squash(screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: app.tabs.active == "actor")
        assert app.actor_id == "kim-yo-jong"
        assert "Actor · Kim Yo Jong" in squash(screen_text(app))


async def test_the_palette_jumps_to_a_view_an_issue_and_a_source():
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        for query, view, check in [
            ("View: Problems", "problems", lambda: True),
            ("Issue: Sanctions", "issue", lambda: app.issue_id == "sanctions"),
            ("Source: Benzinga", "source", lambda: app.source_id == SEED),
        ]:
            await pilot.press("ctrl+p")
            await until(pilot, lambda: isinstance(app.screen, CommandPalette))
            await pilot.press(*query)
            palette_list = app.screen.query_one(OptionList)
            await until(pilot, lambda shown=palette_list: shown.option_count > 0)
            await pilot.press("enter")
            await until(pilot, lambda wanted=view: app.tabs.active == wanted)
            assert check()


async def test_question_mark_lists_the_keys():
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = squash(screen_text(app))
        for expected in (
            "Keys",
            "Matrix",
            "ctrl+s Screenshot: save the screen",
            "ctrl+p",
            "[ Earlier",
        ):
            assert expected in text
        await pilot.press("escape")
        await pilot.pause()
        assert "save the screen" not in squash(screen_text(app))


async def test_screenshots_are_numbered_and_never_overwritten(tmp_path: Path):
    shots = tmp_path / "shots"
    shots.mkdir()
    (shots / "peninsula-matrix-001.svg").write_text("somebody's file")
    app = make_app(screenshots_dir=shots)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert (shots / "peninsula-matrix-001.svg").read_text() == "somebody's file"
        second = (shots / "peninsula-matrix-002.svg").read_text()
        assert second.startswith("<svg") and "Matrix" in second
        assert (shots / "peninsula-matrix-003.svg").exists()
        # Textual lists the toasts shown only in a private attribute; the screen cuts them.
        messages = [n.message for n in app._notifications]
        assert any(str(shots / "peninsula-matrix-003.svg") in m for m in messages)
