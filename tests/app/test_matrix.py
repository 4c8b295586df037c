"""The matrix: cells, the detail beside it, the compact layout at 80x24, and the as-of date."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from tui.app.widgets.matrix.fit import COMPACT_TABLE_ROWS, DETAIL_ROWS_KEPT
from tui.app.widgets.matrix.legend import fill
from tui.app.widgets.matrix.table import MatrixTable
from tui.app.widgets.matrix.view import MatrixView
from tui.app.widgets.shared.stance_detail import StanceDetail

from tests.app.helpers import REPO, make_app, ready, screen_text, show, squash, widget_text


async def test_moving_in_the_matrix_updates_the_detail():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert table.has_focus
        first_issue, first_actor = next(iter(app.dataset.issues)), next(iter(app.dataset.actors))
        assert (app.issue_id, app.actor_id) == (first_issue, first_actor)

        # Columns follow the file order: donald-trump, kim-jong-un, kim-yo-jong, lee-jae-myung.
        await pilot.press("right")
        assert (app.issue_id, app.actor_id) == ("talks-with-us", "kim-jong-un")
        detail = squash(widget_text(app.query_one(StanceDetail)))
        assert "Kim Jong Un on Talks with the US" in detail
        assert "▲ for +1 · if" in detail
        assert "✗ UNMET" in detail
        assert "blocked by Donald Trump" in detail
        assert "needs Donald Trump on Denuclearisation ≤ 0" in detail
        assert "Evidence (3)" in detail
        assert "REPORTED SPEECH" in detail and "DIRECT QUOTE" in detail
        assert "Kim Jong Un, in the article's words · said 2025-09-21" in detail
        assert "relayed by KCNA → Reuters" in detail
        assert "✓ verified" in detail

        await pilot.press("down")
        assert (app.issue_id, app.actor_id) == ("denuclearisation", "kim-jong-un")
        detail = squash(widget_text(app.query_one(StanceDetail)))
        assert "Kim Jong Un on Denuclearisation" in detail
        assert "▼▼ firmly against -2" in detail

        await pilot.press("right")  # Kim Yo Jong said nothing known on denuclearisation
        detail = squash(widget_text(app.query_one(StanceDetail)))
        assert "Kim Yo Jong on Denuclearisation" in detail
        assert "no stated position" in detail
        assert "Evidence" not in detail


async def test_cells_carry_glyph_word_and_number_when_wide():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        kim_on_talks = table.get_cell("talks-with-us", "kim-jong-un").plain
        assert "▲" in kim_on_talks and "+1" in kim_on_talks and "for" in kim_on_talks
        assert "if" in kim_on_talks  # conditional
        absent = table.get_cell("allied-drills", "donald-trump").plain
        assert "··" in absent and "no stated" in absent and "position" in absent
        text = squash(screen_text(app))
        assert (
            "Matrix · as of 2025-09-22 · stated by then · source: Benzinga via KCNA, Reuters"
            in text
        )


async def test_compact_layout_at_80x24_keeps_every_issue_actor_and_the_detail():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.query_one(MatrixView)
        assert view.has_class("-compact")
        text = squash(screen_text(app))
        for issue in app.dataset.issues.values():
            assert issue.title in text, issue.title
        for actor in app.dataset.actors.values():
            for word in actor.name.split():
                assert word in text, actor.name
        table = app.query_one(MatrixTable)
        # Nothing hides to the right: the whole table fits the screen.
        assert table.virtual_size.width <= table.size.width
        assert "no stated position" in squash(text)
        assert "Donald Trump on Talks with the US" in text
        assert "✓ no problems" in text
        assert "Matrix · as of 2025-09-22" in text


async def test_enter_moves_into_the_detail_and_escape_back():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        assert app.query_one(StanceDetail).has_focus
        await pilot.press("escape")
        assert app.query_one(MatrixTable).has_focus


async def test_as_of_steps_back_to_an_earlier_picture():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert "+2" in table.get_cell("production-freeze", "lee-jae-myung").plain
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.as_of == dt.date(2025, 9, 21)
        # Lee's freeze stance dates from 2025-09-22: not yet known on the 21st.
        assert "··" in table.get_cell("production-freeze", "lee-jae-myung").plain
        assert "as of 2025-09-21" in screen_text(app)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.as_of is None
        assert "+2" in table.get_cell("production-freeze", "lee-jae-myung").plain


async def test_starting_as_of_a_date():
    app = make_app(as_of=dt.date(2025, 8, 25))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert "··" in table.get_cell("talks-with-us", "kim-jong-un").plain
        assert "as of 2025-08-25" in screen_text(app)


async def test_above_its_detail_the_matrix_grows_with_a_tall_screen():
    app = make_app(REPO, view="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert table.size.height == COMPACT_TABLE_ROWS and table.max_scroll_y > 0
        for size in [(80, 45), (120, 60)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            view = app.query_one(MatrixView)
            assert not view.has_class("-wide")
            # Every issue's row on screen, and the detail below keeps its rows.
            assert table.max_scroll_y == 0 and table.size.height > COMPACT_TABLE_ROWS
            assert app.query_one(StanceDetail).size.height >= DETAIL_ROWS_KEPT


def test_names_past_their_lines_end_with_a_count_of_the_rest():
    entries = [Content(f"T{n} Name number {n}") for n in range(40)]
    lines = fill(entries, 40, max_rows=3).plain.split("\n")
    assert len(lines) == 3 and all(len(line) <= 40 for line in lines)
    shown = sum(line.count("Name number") for line in lines)
    assert 0 < shown < 40 and lines[-1].endswith(f"+{40 - shown} more: the detail names each")
    assert fill(entries[:2], 40, max_rows=3).plain.count("more") == 0


async def test_a_first_open_of_the_matrix_fills_its_table_once(monkeypatch):
    # The view's first resize comes as it is first shown, and its on_show draws it in full
    # right after: filling the table for both doubled the first open's work.
    fills: list[int] = []
    original = MatrixTable.fill

    def counted(table, *args, **kwargs):
        fills.append(1)
        return original(table, *args, **kwargs)

    monkeypatch.setattr(MatrixTable, "fill", counted)
    app = make_app(view="problems")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        assert fills == []
        await show(pilot, "matrix")
        assert len(fills) == 1
        assert "Kim Jong Un" in screen_text(app)
