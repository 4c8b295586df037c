"""The timeline's first picture does not depend on the order in which its layout settles.

Its table of fifteen months is wider than the pane. Where the table scrolled to show the latest
change used to depend on whether its columns had their widths (worked out when the table is idle)
before or after the refresh that scrolled it: two cells apart between runs of a loaded suite.
Now the table shows only the whole columns that fit, so it never scrolls sideways at all. Here
the columns' widths are made to come late by different amounts, and the picture must be the
same every time, with the latest change in view.
"""

from __future__ import annotations

import asyncio

from textual.widgets import DataTable

from tui.app.widgets.timeline.step_table import StepTable

from tests.app.helpers import REPO, make_app, ready

# How long the table's idle handler (which measures the columns) is held back, in seconds.
DELAYS = (0.0, 0.1, 0.3)
LATEST_CHANGE = ("donald-trump", "2025-10-24")


async def first_picture(delay: float) -> tuple[float, str]:
    app = make_app(REPO, view="timeline", target="denuclearisation")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one("#timeline-steps", StepTable)
        # Whole columns only, the earlier ones counted; the cursor on the latest change, in view.
        assert table.virtual_size.width <= table.size.width
        assert table.dates_before > 0
        key = table.coordinate_to_cell_key(table.cursor_coordinate)
        assert (key.row_key.value, key.column_key.value) == LATEST_CHANGE
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
    assert {scroll for scroll, _ in pictures} == {0}
    assert len({svg for _, svg in pictures}) == 1
