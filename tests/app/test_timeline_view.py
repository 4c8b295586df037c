"""The timeline view: one issue's stances as steps through time, the evidence at each change, what
changed between two dates, and the as-of keys. Most tests run on a small fictional tree whose
stances change (tests/app/timeline_fixture.py); one runs on the bundled data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from textual.coordinate import Coordinate
from textual.widgets import Select

from tui.app.views import VIEWS
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.app.widgets.timeline.detail import change_words, condition_lines
from tui.app.widgets.timeline.step_table import StepTable, fit_window
from tui.app.widgets.timeline.steps import steps, timeline_dates
from tui.app.widgets.timeline.view import ChangeList, TimelineView
from tui.cli import main as cli_main
from tui.core.loader import load_tree

from tests.analysis.handmade import FEB, JAN, MAR, build_dataset
from tests.app.helpers import REPO, flat, make_app, ready, screen_text, show, widget_text
from tests.app.hostile_tree import shown, write_hostile_tree
from tests.app.long_names import long_names_tree
from tests.app.timeline_fixture import write_timeline_tree
from tests.fixtures import FIRST_ARTICLE

D = dt.date
CONDITION_DRILLS = dict(actor="bo", issue="one", max=0, text="The drills stop.")
CONDITION_TALKS = dict(actor="bo", issue="one", min=1, text="Talks start.")


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return write_timeline_tree(tmp_path / "data")


def row_text(table: StepTable, actor_id: str) -> list[str]:
    return [cell.plain for cell in table.get_row(actor_id)][1:]  # the name first


def test_dates_stop_at_the_as_of_date_and_count_what_they_hide(tree):
    ds = load_tree(tree)
    assert timeline_dates(ds, "talks", None) == (
        [D(2025, 1, 10), D(2025, 3, 1), D(2025, 4, 1), D(2025, 5, 1)],
        0,
    )
    assert timeline_dates(ds, "talks", D(2025, 3, 1)) == ([D(2025, 1, 10), D(2025, 3, 1)], 2)
    # An as-of date with no change on this issue is still a column: where things stand then.
    assert timeline_dates(ds, "talks", D(2025, 2, 1)) == ([D(2025, 1, 10), D(2025, 2, 1)], 3)
    assert timeline_dates(ds, "talks", D(2024, 12, 31)) == ([D(2024, 12, 31)], 4)


def test_a_step_is_a_change_only_when_the_stance_says_something_new(tree):
    ds = load_tree(tree)
    dates, _ = timeline_dates(ds, "talks", None)
    alpha = steps(ds, "talks", "alpha", dates)
    assert [s.changed for s in alpha] == [True, True, False, True]  # the last drops a condition
    assert [s.record.stance for s in alpha] == [-2, 1, 1, 1]
    beta = steps(ds, "talks", "beta", dates)
    assert [s.changed for s in beta] == [True, False, True, False]  # withdrawn on 2025-04-01
    assert beta[2].record.stance is None


async def test_steps_changes_and_the_evidence_at_each_change(tree):
    app = make_app(tree, view="timeline", target="talks")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.query_one(TimelineView)
        table = app.query_one(StepTable)
        assert table.has_focus
        assert table.date_keys == [
            "2025-01-10",
            "2025-03-01",
            "2025-04-01",
            "2025-05-01",
        ]
        alpha = row_text(table, "alpha")
        assert alpha[0].startswith("★") and "▼▼" in alpha[0] and "-2" in alpha[0]
        assert alpha[1].startswith("●") and "+1 if" in alpha[1]
        assert alpha[2].startswith("───") and "+1 if" in alpha[2]
        assert alpha[3].startswith("●") and "+1" in alpha[3] and "if" not in alpha[3]
        beta = row_text(table, "beta")
        assert beta[2].startswith("✕") and "withdrawn" in beta[2]

        # The cursor starts on the latest change: Alpha dropping the condition on 2025-05-01.
        detail = widget_text(app.query_one("#timeline-detail", FigureDetail))
        assert "Actor Alpha on Talks, 2025-05-01" in detail
        assert "Changed that day" in detail
        assert "Actor Alpha dropped the condition on talks." in detail

        await pilot.press("left")
        detail = widget_text(app.query_one("#timeline-detail", FigureDetail))
        assert "Unchanged since 2025-03-01." in detail
        await pilot.press("left")
        detail = widget_text(app.query_one("#timeline-detail", FigureDetail))
        assert "Actor Alpha on Talks, 2025-03-01" in detail
        assert "Changed that day: ▼▼ firmly against -2 → ▲ for +1 · if" in " ".join(detail.split())
        assert "We will talk once the drills stop." in detail  # the quote at that change
        assert "The drills stop." in detail  # and its condition

        # What changed between the previous date with data and the as-of date.
        title = app.query_one("#timeline-changes-title").visual.plain
        assert title == "What changed between 2025-04-01 and 2025-05-01"
        changes = app.query_one(ChangeList)
        assert changes.option_count == 1
        assert "Actor Alpha" in changes.get_option_at_index(0).prompt.plain
        await pilot.press("tab")
        assert changes.has_focus
        detail = widget_text(app.query_one("#timeline-detail", FigureDetail))
        assert "After, from 2025-05-01" in detail and "Before, from 2025-03-01" in detail
        assert "Actor Alpha dropped the condition on talks." in detail
        assert "We will talk once the drills stop." in detail
        assert view.hidden_dates == 0


async def test_the_as_of_keys_cut_the_timeline_and_move_what_changed(tree):
    app = make_app(tree, view="timeline", target="talks")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.query_one(TimelineView)
        table = app.query_one(StepTable)
        assert len(table.date_keys) == 4

        await pilot.press("left_square_bracket")  # as of 2025-04-01
        await pilot.pause()
        assert app.as_of == D(2025, 4, 1)
        assert table.date_keys == ["2025-01-10", "2025-03-01", "2025-04-01"]
        text = screen_text(app)
        assert "Timeline · Talks · as of 2025-04-01" in text
        assert "1 later date with data on this issue not shown" in text
        assert "What changed between 2025-03-01 and 2025-04-01" in text
        assert list(view.changes) == ["beta"]
        assert "withdrawn" in app.query_one(ChangeList).get_option_at_index(0).prompt.plain

        await pilot.press("left_square_bracket", "left_square_bracket")  # as of 2025-02-01
        await pilot.pause()
        assert app.as_of == D(2025, 2, 1)
        assert table.date_keys == ["2025-01-10", "2025-02-01"]
        assert row_text(table, "alpha")[1].startswith("───")
        assert view.changes == {}
        text = screen_text(app)
        assert "Nothing changed on this issue." in text
        assert "Also changed on other issues: Drills 1" in text

        await pilot.press("left_square_bracket")  # the first date: everything known is new
        await pilot.pause()
        assert app.as_of == D(2025, 1, 10)
        assert "2025-01-10 is the first date with data" in screen_text(app)
        assert sorted(view.changes) == ["alpha", "beta"]

        await pilot.press(*["right_square_bracket"] * 4)
        await pilot.pause()
        assert app.as_of is None
        assert len(table.date_keys) == 4


async def test_picking_another_issue_follows_everywhere(tree):
    app = make_app(tree, view="timeline", target="talks")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        app.query_one("#timeline-issue", Select).value = "drills"
        await pilot.pause()
        await pilot.pause()
        assert app.issue_id == "drills"  # the app's selection: the issue view follows too
        table = app.query_one(StepTable)
        assert table.date_keys == ["2025-02-01", "2025-05-01"]
        assert row_text(table, "alpha") == ["  ··", "  ··"]
        assert "Timeline · Drills" in screen_text(app)


async def test_bundled_data_shows_kim_opening_to_talks_on_the_21st():
    app = make_app(view="timeline", target="talks-with-us")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(StepTable)
        assert table.date_keys == ["2025-08-25", "2025-09-21", "2025-09-22"]
        kim = row_text(table, "kim-jong-un")
        assert "··" in kim[0] and kim[1].startswith("★") and "+1 if" in kim[1]
        detail = widget_text(app.query_one("#timeline-detail", FigureDetail))
        assert "Kim Jong Un on Talks with the US, 2025-09-21" in detail
        assert "there is no reason for us not to sit down with the United States" in detail


def test_snapshot_command_writes_the_timeline_as_svg(tmp_path):
    out = tmp_path / "timeline.svg"
    result = CliRunner().invoke(
        cli_main,
        [
            "snapshot",
            "--data",
            str(FIRST_ARTICLE),
            "--view",
            "timeline:talks-with-us",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    root = ElementTree.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Timeline" in text and "Talks with the US" in text and "as of 2025-09-22" in text


async def test_hostile_text_is_shown_literally(tmp_path):
    app = make_app(write_hostile_tree(tmp_path / "data"), view="timeline", target="hostile-issue")
    async with app.run_test(size=(119, 120)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert app.is_running and "\x1b" not in text and "\u202e" not in text
        fields = ("NAME", "TITLE", "PROP", "SCALELOW", "SCALEHIGH", "SUMMARY", "CONDITION", "QUOTE")
        for field in fields:
            assert flat(shown(field)) in flat(text), field


async def test_every_view_follows_the_as_of_keys():
    """Stepped back to 2025-08-25, before Kim Jong Un's speech: every panel names the date, and
    none shows what was said later (the source view shows the whole article, by design). One
    app, every view in turn: the date keys act on whichever view is shown."""
    app = make_app(view=VIEWS[0].id)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        for spec in VIEWS:
            await show(pilot, spec.id)
            await pilot.press("left_square_bracket", "left_square_bracket")
            await pilot.pause()
            assert app.as_of == D(2025, 8, 25), spec.id
            text = screen_text(app)
            assert "as of 2025-08-25" in text.splitlines()[0], spec.id
            if spec.id not in ("source", "problems"):
                assert "absurd obsession" not in text, spec.id
            await pilot.press("right_square_bracket", "right_square_bracket")
            await pilot.pause()
            assert "as of 2025-09-22" in screen_text(app).splitlines()[0], spec.id


def test_a_change_of_conditions_under_the_same_value_says_what_changed():
    ds = build_dataset(
        ["one"],
        ["ann", "bo"],
        [
            dict(actor="ann", issue="one", stance=1, as_of=JAN, conditions=[CONDITION_DRILLS]),
            dict(actor="ann", issue="one", stance=1, as_of=FEB, conditions=[CONDITION_TALKS]),
            dict(actor="ann", issue="one", stance=2, as_of=MAR, conditions=[CONDITION_TALKS]),
        ],
    )
    jan, feb, mar = ds.history("ann", "one")
    # Not "▲ for +1 · if → ▲ for +1 · if", which reads as no change at all.
    words = change_words(jan, feb).plain
    assert "other conditions" in words and "→" not in words
    lines = [line.plain for line in condition_lines(jan, feb)]
    assert lines == ["Condition dropped: The drills stop.", "Condition added: Talks start."]
    # A new value reads as before → after, with the conditions unchanged listed nowhere.
    assert "→" in change_words(feb, mar).plain and condition_lines(feb, mar) == []


def test_the_step_table_shows_whole_columns_that_fit_and_moves_a_date_at_a_time():
    widths = [20, 5, 5, 5, 12, 5]
    # The latest dates that fit, at least one; never a part of a column.
    assert fit_window(widths, 22) == (3, 6)
    assert fit_window(widths, 4) == (5, 6)
    assert fit_window(widths, 100) == (0, 6)
    # Where the reader starts (the latest change) stays in view: the window starts there.
    assert fit_window(widths, 22, keep=1) == (1, 4)
    # Moved by the reader: from a date on, or up to one, filled out when the dates run out.
    assert fit_window(widths, 22, ("start", 0)) == (0, 1)
    assert fit_window(widths, 22, ("end", 2)) == (1, 4)
    assert fit_window(widths, 22, ("start", 4)) == (3, 6)
    assert fit_window([], 22) == (0, 0)


async def test_the_bundled_timeline_at_80_columns_cuts_no_column_and_the_cursor_moves_the_window():
    app = make_app(REPO, view="timeline", target="talks-with-us")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one(StepTable)
        view = app.query_one(TimelineView)
        assert table.virtual_size.width <= table.size.width and table.scroll_x == 0
        start, end = view.window
        assert start > 0 and table.date_keys == [d.isoformat() for d in view.dates[start:end]]
        assert f"◀ {start} earlier dates: ←" in screen_text(app)
        table.focus()
        table.move_cursor(column=1)
        await pilot.press("left")
        await pilot.pause()
        # The window moved one date back, the cursor on the date it brought in.
        assert view.window[0] == start - 1
        assert table.date_keys[0] == view.dates[start - 1].isoformat()
        assert table.cursor_column == 1
        assert table.virtual_size.width <= table.size.width


async def test_long_names_wrap_so_that_a_whole_date_still_fits_beside_them(tmp_path):
    """Names longer than half the table wrap between words rather than push the one date shown
    past the edge (where it would be cut) or be cut themselves."""
    app = make_app(long_names_tree(tmp_path / "tree"), view="timeline")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one(StepTable)
        assert table.date_keys and table.virtual_size.width <= table.size.width
        names = [str(table.get_cell_at(Coordinate(row, 0))) for row in range(table.row_count)]
        assert any("\n" in name for name in names)
        shown = {word for name in names for word in name.split()}
        for actor in app.dataset.actors.values():
            assert set(actor.name.split()) <= shown  # every word of every name, whole
