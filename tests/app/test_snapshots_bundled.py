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
VIEWS = ["matrix", "gaps", "timeline:denuclearisation"]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", VIEWS)
def test_bundled_view(snap_compare, view: str, size: tuple[int, int]):
    spec, target = parse_view(view)
    app = make_app(REPO, view=spec.id, target=target)
    assert snap_compare(app, terminal_size=size, run_before=ready)
