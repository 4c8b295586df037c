"""Snapshots of each view on the bundled data, at the smallest size and the slide size.

After a deliberate change: `pytest tests/app/test_snapshots.py --snapshot-update -p no:xdist`,
then look at the SVGs (tests/app/__snapshots__/) before committing them. The bundled data is part
of the picture: a change to positions/ or seeds/ changes these too.
"""

from __future__ import annotations

import pytest

from tui.app.views import parse_view

from tests.app.helpers import make_app, ready

SIZES = [(80, 24), (160, 45)]
PINNED = [
    "matrix",
    "quotes",
    "issue:denuclearisation",
    "actor:kim-jong-un",
    "source",
    "problems",
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", PINNED)
def test_view(snap_compare, view: str, size: tuple[int, int]):
    spec, target = parse_view(view)
    app = make_app(view=spec.id, target=target)
    assert snap_compare(app, terminal_size=size, run_before=ready)


def test_matrix_on_a_light_theme(snap_compare):
    """The stance badges carry their own colours: the same reading on a light background."""
    app = make_app()
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(160, 45), run_before=ready)


def test_matrix_with_the_cursor_on_a_conditional_stance(snap_compare):
    """Kim on talks: the unmet condition and who blocks it, in the compact layout."""

    async def to_kim_on_talks(pilot):
        await ready(pilot)
        await pilot.press("right", "enter")

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=to_kim_on_talks)
