"""`?` at the smallest screen: the keys run past the box, and the arrow and page keys scroll it."""

from __future__ import annotations

from textual.containers import VerticalScroll

from tests.app.helpers import make_app, ready, screen_text, squash


async def test_the_help_scrolls_with_the_arrow_and_page_keys_at_80x24():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.max_scroll_y > 0, "the help fits: nothing to scroll"
        assert "escape closes this" not in squash(screen_text(app))

        await pilot.press("down")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("pagedown")
        await pilot.pause()
        assert box.scroll_y > 1
        await pilot.press("up")
        await pilot.pause()
        after_up = box.scroll_y
        await pilot.press("end")
        await pilot.pause()
        assert after_up < box.scroll_y == box.max_scroll_y
        assert "escape closes this" in squash(screen_text(app))
        await pilot.press("pageup", "home")
        await pilot.pause()
        assert box.scroll_y == 0

        await pilot.press("escape")
        await pilot.pause()
        assert "escape closes this" not in squash(screen_text(app))
