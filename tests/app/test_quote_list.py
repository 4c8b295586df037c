"""The quotes list: items built when the screen reaches them, keys that move and choose, and a
scroll indicator of where the screen is among every item the list stands for."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.content import Content

from tui.app.widgets.quotes.quote_list import QuoteList

SIZE = (60, 12)


class ListApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.chosen: list[int] = []
        self.built: list[int] = []

    def compose(self) -> ComposeResult:
        yield QuoteList()

    def item(self, number: int) -> Content:
        self.built.append(number)
        return Content(f"quote {number}\nwho said it")

    def show(self, count: int, total: int | None = None) -> None:
        items = [lambda number=number: self.item(number) for number in range(count)]
        self.query_one(QuoteList).set_items(items, 0, total)

    def on_quote_list_selected(self, message: QuoteList.Selected) -> None:
        self.chosen.append(message.index)


def thumb_rows(quote_list: QuoteList) -> list[int]:
    """The screen lines on which the indicator's cell is the thumb."""
    thumb = quote_list.get_visual_style("quote-list--thumb").rich_style
    height = quote_list.scrollable_content_region.height
    return [y for y in range(height) if list(quote_list.render_line(y))[-1].style == thumb]


async def test_only_the_items_on_screen_are_built_and_keys_move_and_choose() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        app.show(100)
        await pilot.pause()
        quote_list = app.query_one(QuoteList)
        # Three lines an item (two and a rule) on twelve: five items reach the screen.
        assert quote_list.built == len(app.built) <= 6
        assert quote_list.item_count == 100
        # No scroll bar widget, and the wheel still scrolls.
        assert quote_list.scrollbar_size_vertical == 0 and quote_list.allow_vertical_scroll
        quote_list.focus()
        await pilot.press("down", "down", "enter")
        assert quote_list.highlighted == 2 and app.chosen == [2]
        await pilot.press("end")
        await pilot.pause()
        assert quote_list.highlighted == 99
        assert quote_list.scroll_y == quote_list.max_scroll_y > 0


async def test_the_indicator_shows_the_screen_among_every_item_the_list_stands_for() -> None:
    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        quote_list = app.query_one(QuoteList)
        app.show(3)
        await pilot.pause()
        assert thumb_rows(quote_list) == []  # everything fits: no thumb
        # A screenful listed of 1,000: a thumb of one line, at the top.
        app.show(10, total=1_000)
        await pilot.pause()
        assert thumb_rows(quote_list) == [0]
        # Of 10 items that are all there is, about half fit: a thumb of about half the height,
        # which goes down as the list does.
        app.show(10)
        await pilot.pause()
        rows = thumb_rows(quote_list)
        assert rows[0] == 0 and 4 <= len(rows) <= 6
        quote_list.focus()
        await pilot.press("end")
        await pilot.pause()
        assert thumb_rows(quote_list)[-1] == quote_list.scrollable_content_region.height - 1
