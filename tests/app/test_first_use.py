"""What a new user meets first: keys that act on arrival, jumps that land, panels that fit."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList

from tests.app.helpers import make_app, ready, screen_text


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_quotes_list_has_the_keys_on_arrival_and_slash_filters():
    app = make_app(view="quotes")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        quotes = app.query_one("#quotes-list", OptionList)
        text_filter = app.query_one("#quotes-filter", Input)
        assert quotes.has_focus
        assert "/ Filter" in footer_line(app) and "To the list" not in footer_line(app)

        # The footer's keys act: [ steps the date back, nothing is typed into the filter.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.as_of == dt.date(2025, 9, 21)
        assert text_filter.value == ""

        # / goes into the filter, where keys are words; escape hands the keys back.
        await pilot.press("slash", *"kim 2")
        assert text_filter.has_focus and text_filter.value == "kim 2"
        assert app.tabs.active == "quotes" and app.as_of == dt.date(2025, 9, 21)
        assert "esc To the list" in footer_line(app)
        await pilot.press("escape")
        assert quotes.has_focus and text_filter.value == "kim 2"
        await pilot.press("2")
        assert app.tabs.active == "gaps"
