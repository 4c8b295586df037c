"""Known on a date, in the app (a key and a palette entry) and in `peninsula snapshot`: a source
published after the date drops out, and the header says which question it answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from tui.app.widgets.matrix.table import MatrixTable
from tui.cli import main

from tests.app.helpers import make_app, ready, screen_text, squash, until
from tests.core.conftest import write_tree
from tests.core.test_basis_and_knowledge import ALPHA_LATER, LATER_SEED

DAY = dt.date(2025, 9, 30)
STATED = "as of 2025-09-30 · stated by then"
KNOWN = "known on 2025-09-30: sources published by then"


def later_tree(root: Path) -> Path:
    """Alpha's -2 on talks was said on 09-25 and published on 10-01: stated by 09-30, but not
    known on 09-30, when only the +1 of 09-22 was out."""
    return write_tree(root, {"seeds/s2.txt": LATER_SEED, "positions/alpha.yaml": ALPHA_LATER})


async def test_k_switches_the_question_and_the_header_says_it(tmp_path: Path) -> None:
    app = make_app(later_tree(tmp_path / "data"), as_of=DAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert "-2" in table.get_cell("talks", "alpha").plain
        assert STATED in squash(screen_text(app)).splitlines()[0]

        await pilot.press("k")
        await until(pilot, lambda: "+1" in table.get_cell("talks", "alpha").plain)
        assert app.known_on and "s2" not in app.dataset.seeds
        assert KNOWN in squash(screen_text(app)).splitlines()[0]
        assert "s2" in app.loaded_dataset.seeds  # nothing is lost, only out of view

        await pilot.press("k")
        await until(pilot, lambda: "-2" in table.get_cell("talks", "alpha").plain)
        assert STATED in squash(screen_text(app)).splitlines()[0]


async def test_the_palette_switches_the_question_too(tmp_path: Path) -> None:
    app = make_app(later_tree(tmp_path / "data"), as_of=DAY)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"known on the date")
        await until(pilot, lambda: "Known on the date" in screen_text(app))
        await pilot.press("enter")
        await until(pilot, lambda: app.known_on)
        table = app.query_one(MatrixTable)
        await until(pilot, lambda: "+1" in table.get_cell("talks", "alpha").plain)


async def test_stepping_back_known_on_stops_at_the_day_a_source_came_out(tmp_path: Path) -> None:
    app = make_app(later_tree(tmp_path / "data"), known_on=True)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        # The latest known picture is that of the last publication, 10-01, with every source.
        assert "known on 2025-10-01" in screen_text(app)
        await pilot.press("left_square_bracket")
        await until(pilot, lambda: app.as_of == dt.date(2025, 9, 25))
        table = app.query_one(MatrixTable)
        # Stated on 09-25, but its source was not out yet.
        await until(pilot, lambda: "+1" in table.get_cell("talks", "alpha").plain)


def test_snapshot_known_on_leaves_out_the_later_source(tmp_path: Path) -> None:
    root = later_tree(tmp_path / "data")
    runner = CliRunner()
    args = ["snapshot", "--data", str(root), "--view", "actor:alpha", "--size", "160x45"]
    known = runner.invoke(main, [*args, "--known-on", "2025-09-30", "-o", "-"])
    stated = runner.invoke(main, [*args, "--as-of", "2025-09-30", "-o", "-"])
    assert known.exit_code == 0 and stated.exit_code == 0, known.output + stated.output
    known_svg = known.output.replace("&#160;", " ")
    stated_svg = stated.output.replace("&#160;", " ")
    assert KNOWN in known_svg and "Later Outlet" not in known_svg
    assert STATED in stated_svg and "Later Outlet" in stated_svg
    both = runner.invoke(
        main, [*args, "--as-of", "2025-09-30", "--known-on", "2025-09-30", "-o", "-"]
    )
    assert both.exit_code != 0 and "not both" in both.output
