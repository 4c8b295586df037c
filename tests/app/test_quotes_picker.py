"""The Quotes view's actor picker at 80 columns: a chosen name shows whole, or shortened with an
ellipsis on the picker's line, never as its first word alone (on generated long names)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from tests.app.helpers import make_app, ready, screen_text, show
from tests.app.long_names import NAMES, long_names_tree


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return long_names_tree(tmp_path_factory.mktemp("picker") / "tree")


def _filter_row(app) -> str:
    """The line of the filter and the pickers (the one with the issue picker's prompt)."""
    return next(line for line in screen_text(app).splitlines() if "any issue" in line)


async def test_a_chosen_actor_shows_whole_or_with_an_ellipsis_at_80_columns(long_names: Path):
    app = make_app(long_names, view="quotes")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await show(pilot, "quotes")
        assert app.dataset is not None
        by_name = {actor.name: actor_id for actor_id, actor in app.dataset.actors.items()}
        picker = app.query_one("#quotes-actor", Select)
        shortest, longest = min(NAMES, key=len), max(NAMES, key=len)

        picker.value = by_name[shortest]
        await pilot.pause()
        await pilot.pause()
        assert shortest in _filter_row(app)

        picker.value = by_name[longest]
        await pilot.pause()
        await pilot.pause()
        row = _filter_row(app)
        first, second = longest.split()[:2]
        # More than the first word, and the cut said by an ellipsis.
        assert f"{first} {second[:4]}" in row and "…" in row, row
