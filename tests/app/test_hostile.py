"""Hostile text in every field is shown literally, in every view, the palette and a toast."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList, Select
from textual.widgets.data_table import ColumnKey

from tui.app.widgets.matrix.table import TITLE_COLUMN, MatrixTable
from tui.app.widgets.quotes.view import QuotesView
from tui.app.widgets.shared.stance_detail import StanceDetail

from tests.app.helpers import flat, make_app, ready, screen_text, show, until, widget_text
from tests.app.hostile_tree import BAD_FILE, BAD_KEY, shown, write_hostile_tree

# A single-column layout (no side panels), tall enough that nothing needs scrolling.
SIZE = (119, 120)

FIELDS_BY_VIEW = {
    "matrix": [
        "NAME",
        "TITLE",
        "PROP",
        "SCALEHIGH",
        "SUMMARY",
        "CONDITION",
        "QUOTE",
        "NOTE",
        "VIA",
        "SEEDTITLE",
        "OUTLET",
    ],
    "issue": [
        "TITLE",
        "PROP",
        "DESC",
        "SCALELOW",
        "SCALEHIGH",
        "NAME",
        "SUMMARY",
        "CONDITION",
        "QUOTE",
    ],
    "actor": [
        "NAME",
        "ROLE",
        "COUNTRY",
        "ALIAS",
        "TITLE",
        "SUMMARY",
        "CONDITION",
        "QUOTE",
        "NOTE",
        "VIA",
    ],
    "source": [
        "SEEDTITLE",
        "OUTLET",
        "SEEDVIA",
        "URL",
        "INFERRED",
        "BODY",
        "QUOTE",
        "NAME",
        "TITLE",
    ],
    "quotes": ["QUOTE", "NAME", "TITLE", "OUTLET", "VIA"],
}


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_hostile_tree(tmp_path / "data")


def assert_harmless(app, text: str) -> None:
    assert app.is_running and app.return_code is None, "data must not be able to quit the app"
    assert "\x1b" not in text and "\u202e" not in text
    assert "\x9b" not in text


async def test_every_field_is_shown_literally(hostile: Path):
    """Each view in turn, in one app."""
    views = list(FIELDS_BY_VIEW)
    app = make_app(hostile, view=views[0])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        for view in views:
            await show(pilot, view)
            text = screen_text(app)
            assert_harmless(app, text)
            seen = flat(text)
            if view == "matrix":
                # Beside the table the detail wraps in a column of its own, so each screen row
                # mixes both: the detail's text is read from its widgets (the screen is checked
                # above).
                seen += flat(widget_text(app.query_one(StanceDetail)))
            for field in FIELDS_BY_VIEW[view]:
                assert flat(shown(field)) in seen, f"{field} in the {view} view"
            # Clicking where the would-be link or action is does nothing either.
            await pilot.click(offset=(10, 10))
            assert_harmless(app, screen_text(app))


async def test_matrix_headers_and_row_labels_are_literal(hostile: Path):
    app = make_app(hostile)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        header = table.columns[ColumnKey(next(iter(app.dataset.actors)))].label.plain
        label = table.get_cell(next(iter(table.rows)), TITLE_COLUMN).plain
        assert flat(header) == flat(shown("NAME"))
        assert flat(label) == flat(shown("TITLE"))
        caption = flat(screen_text(app))
        assert flat("source: " + shown("OUTLET")) in caption


async def test_diagnostics_and_file_names_are_literal(hostile: Path):
    app = make_app(hostile, view="problems")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert_harmless(app, text)
        assert flat(f"positions/{BAD_FILE}:3:1: error:") in flat(text)
        assert flat(f"unknown field '{BAD_KEY}'") in flat(text)
        assert "Problems 2" in text


async def test_select_options_and_palette_entries_are_literal(hostile: Path):
    app = make_app(hostile, view="quotes")
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        select = app.query_one("#quotes-actor", Select)
        select.value = "hostile-actor"
        await pilot.pause()
        assert len(app.query_one(QuotesView)._records) == 1
        assert flat(shown("NAME")) in flat(screen_text(app))

        await pilot.press("ctrl+p")
        await until(pilot, lambda: isinstance(app.screen, CommandPalette))
        await pilot.press(*"NAME")
        options = app.screen.query_one(OptionList)
        await until(pilot, lambda: options.option_count > 0)
        text = screen_text(app)
        assert_harmless(app, text)
        assert flat("Actor: " + shown("NAME")) in flat(text)


async def test_a_toast_shows_a_hostile_path_literally(hostile: Path, tmp_path: Path):
    shots = tmp_path / "[bold]shots[/bold] [@click=app.quit]x[/]"
    app = make_app(hostile, screenshots_dir=shots)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = list(shots.glob("*.svg"))
        assert len(saved) == 1
        await until(pilot, lambda: "[bold]shots[/bold]" in screen_text(app))
        # Textual lists the toasts shown only in a private attribute; the screen wraps them.
        assert [n.message for n in app._notifications] == [f"Screenshot saved to {saved[0]}"]
        # The toast wraps the path; its pieces are there as they are.
        assert flat("[@click=app.quit]x[/]/peninsula-matrix-001.svg") in flat(screen_text(app))
        assert_harmless(app, screen_text(app))
