"""A slide's height fitted to its content: no empty rows below the panel, nothing cut off.

The view is laid out once on the tallest screen the slide may take; the last row of the panel
that holds text is where its content ends, and the screen is made that tall (with the slide's
lines below the panel). Where a part that fitted on the tallest screen would then have to scroll
(a layout that shares the height out), the fewest rows at which nothing does are searched for.
"""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget

from tui.app.png import read_grid

MIN_ROWS = 8


def is_drawing(char: str) -> bool:
    """Box drawing and block elements: borders, rules and scroll bars, not content."""
    return char.isspace() or "\u2500" <= char <= "\u259f"


def content_rows(svg: str) -> list[int]:
    """The lines of a screenshot that hold text (borders and scroll bars aside)."""
    return sorted(
        {run.line for run in read_grid(svg).runs if not all(is_drawing(char) for char in run.text)}
    )


async def settle(pilot: Pilot) -> None:
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()


def _scrolling(widgets: list[Widget]) -> dict[Widget, int]:
    return {widget: widget.max_scroll_y for widget in widgets if widget.max_scroll_y > 0}


async def fit_height(pilot: Pilot, panel: Widget, max_rows: int) -> int:
    """Resize the screen to the rows ``panel``'s content takes (at most ``max_rows``), with
    whatever is above and below the panel; the height chosen."""
    app = pilot.app
    width = app.size.width
    max_rows = max(MIN_ROWS, max_rows)
    await pilot.resize_terminal(width, max_rows)
    await settle(pilot)
    below = app.size.height - panel.region.bottom
    inside = [
        line
        for line in content_rows(app.export_screenshot())
        if panel.region.y <= line < panel.region.bottom
    ]
    end = (inside[-1] + 1) if inside else panel.region.y
    widgets = [panel, *panel.query("*")]
    # What scrolls even here is longer than the slide may be: it scrolls on the slide too.
    too_long = set(_scrolling(widgets))

    async def fits(height: int) -> bool:
        await pilot.resize_terminal(width, height)
        await settle(pilot)
        return not set(_scrolling(widgets)) - too_long

    fitted = max(MIN_ROWS, min(max_rows, end + below))
    if fitted == max_rows or await fits(fitted):
        return fitted
    # A layout that shares the height out (a table above its detail, each a fraction) needs
    # more than its text: the fewest rows at which nothing that fitted has to scroll.
    short, tall = fitted, max_rows
    while tall - short > 1:
        middle = (short + tall) // 2
        if await fits(middle):
            tall = middle
        else:
            short = middle
    if app.size.height != tall:
        await fits(tall)
    return tall
