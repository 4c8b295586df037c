"""Snapshots of the gaps and timeline views at the smallest and the slide size.

Update after a deliberate change with `pytest tests/app --snapshot-update -p no:xdist`, and look at
the SVGs before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.helpers import make_app, ready
from tests.app.timeline_fixture import write_timeline_tree

SIZES = [(80, 24), (160, 45)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_gaps(snap_compare, size):
    assert snap_compare(make_app(view="gaps"), terminal_size=size, run_before=ready)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_gaps_on_the_blocked_condition(snap_compare, size):
    """The cursor on Kim's talks condition: the sentence, and the quotes behind it."""

    async def to_the_condition(pilot):
        await ready(pilot)
        await pilot.press("tab", "tab")
        await pilot.pause()

    assert snap_compare(make_app(view="gaps"), terminal_size=size, run_before=to_the_condition)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_timeline(snap_compare, size):
    app = make_app(view="timeline", target="talks-with-us")
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_timeline_with_changes_stepped_back_a_date(snap_compare, tmp_path: Path):
    """Test data that changes over time, one date back: a withdrawal, and a date not shown."""
    tree = write_timeline_tree(tmp_path / "data")

    async def step_back(pilot):
        await ready(pilot)
        await pilot.press("left_square_bracket")
        await pilot.pause()

    app = make_app(tree, view="timeline", target="talks")
    assert snap_compare(app, terminal_size=(100, 30), run_before=step_back)
