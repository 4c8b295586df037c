"""The timeline's first picture does not depend on the order in which its layout settles.

Its table of fifteen months is wider than the pane. Where the table scrolled to show the latest
change used to depend on whether its columns had their widths (worked out when the table is idle)
before or after the refresh that scrolled it: two cells apart between runs of a loaded suite.
Here the columns' widths are made to come late by different amounts, and the picture must be the
same every time.
"""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable

from tui.app.widgets.timeline.view import StepTable

from tests.app.helpers import REPO, make_app, ready

# How long the table's idle handler (which measures the columns) is held back, in seconds.
DELAYS = (0.0, 0.1, 0.3)


async def first_picture(delay: float) -> tuple[float, str]:
    app = make_app(REPO, view="timeline", target="denuclearisation")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one("#timeline-steps", StepTable)
        return table.scroll_x, app.export_screenshot()


def test_the_first_picture_is_the_same_whenever_the_columns_get_their_widths(monkeypatch):
    # DataTable measures its columns in its private idle handler, and Textual offers no public
    # way to delay it: the test wraps it to move that moment about.
    measure = DataTable._on_idle
    pictures = []
    for delay in DELAYS:

        async def late_measure(self, event, delay=delay):
            await asyncio.sleep(delay)
            await measure(self, event)

        monkeypatch.setattr(DataTable, "_on_idle", late_measure)
        pictures.append(asyncio.run(first_picture(delay)))
    scrolls = {scroll for scroll, _ in pictures}
    assert len(scrolls) == 1, f"scrolled to {sorted(scrolls)}"
    assert scrolls.pop() > 0  # wider than the pane: scrolled to the latest change
    assert len({svg for _, svg in pictures}) == 1
