"""Snapshots of the bundled record (eight actors, seventeen issues, fifteen months), at the
smallest size and the slide size: the views must stay readable with the real data, not only
with the first article's (see test_snapshots.py for those).

After a change to positions/ or seeds/: `pytest tests/app/test_snapshots_bundled.py
--snapshot-update -p no:xdist`, then look at the SVGs before committing them.
"""

from __future__ import annotations

import pytest

from tui.app.views import parse_view

from tests.app.helpers import REPO, make_app, ready

SIZES = [(80, 24), (160, 45)]
# The timeline's table of fifteen months is wider than its pane: its first picture pins where the
# table scrolls to show the latest change (see StepTable in the timeline view).
VIEWS = ["matrix", "gaps", "timeline:denuclearisation"]
CASES = [(view, size) for view in VIEWS for size in SIZES]


@pytest.mark.parametrize(("view", "size"), CASES, ids=[f"{v}-{s[0]}x{s[1]}" for v, s in CASES])
def test_bundled_view(snap_compare, view: str, size: tuple[int, int]):
    spec, target = parse_view(view)
    app = make_app(REPO, view=spec.id, target=target)
    assert snap_compare(app, terminal_size=size, run_before=ready)
