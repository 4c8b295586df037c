"""What a new user and a briefer meet first: keys that act on arrival, jumps that land, panels
that fit at 80 columns and use the room at 160, and figures that never show a stale detail."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.command import CommandPalette
from textual.content import Content
from textual.widgets import Input, OptionList, Select, Static

from tui.app.render.caption import caption, named_sources
from tui.app.views import VIEWS
from tui.app.widgets.actor.view import ActorView
from tui.app.widgets.gaps.detail import SameActor
from tui.app.widgets.gaps.view import GapsView
from tui.app.widgets.issue.view import IssueView
from tui.app.widgets.matrix.view import MatrixView
from tui.app.widgets.quotes.quote_list import QuoteList
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.app.widgets.timeline.steps import stance_chart, steps, timeline_dates
from tui.core.analysis import PairDistance
from tui.core.loader import load_tree

from tests.app.helpers import (
    make_app,
    ready,
    reloaded,
    screen_text,
    show,
    squash,
    until,
    widget_text,
)
from tests.fixtures import FIRST_ARTICLE


def footer_line(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_the_quotes_list_has_the_keys_on_arrival_and_slash_filters():
    app = make_app(view="quotes")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        quotes = app.query_one("#quotes-list", QuoteList)
        text_filter = app.query_one("#quotes-filter", Input)
        assert quotes.has_focus
        assert "/ Filter" in footer_line(app) and "To the list" not in footer_line(app)

        # The footer's keys act: [ steps the date back, nothing is typed into the filter.
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert app.as_of == dt.date(2025, 9, 21)
        assert text_filter.value == ""

        # / goes into the filter, where keys are words; escape hands the keys back.
        await pilot.press("slash", *"kim 2")
        assert text_filter.has_focus and text_filter.value == "kim 2"
        assert app.tabs.active == "quotes" and app.as_of == dt.date(2025, 9, 21)
        assert "esc To the list" in footer_line(app)
        await pilot.press("escape")
        assert quotes.has_focus and text_filter.value == "kim 2"
        await pilot.press("2")
        assert app.tabs.active == "gaps"


async def palette_jump(pilot, query: str) -> None:
    app = pilot.app
    await pilot.press("ctrl+p")
    await until(pilot, lambda: isinstance(app.screen, CommandPalette))
    await pilot.press(*query)
    palette_list = app.screen.query_one(OptionList)
    await until(pilot, lambda: palette_list.option_count > 0)
    await pilot.press("enter")
    await until(pilot, lambda: not isinstance(app.screen, CommandPalette))
    await pilot.pause()


async def test_the_palette_lands_on_the_right_view_with_the_right_selection():
    app = make_app()
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)

        await palette_jump(pilot, "Timeline: Denuclearisation")
        assert app.tabs.active == "timeline" and app.issue_id == "denuclearisation"
        assert app.query_one("#timeline-issue", Select).value == "denuclearisation"
        assert app.query_one("#timeline-steps").has_focus
        assert screen_text(app).startswith(" Timeline · Denuclearisation · as of 2025-09-22")

        await palette_jump(pilot, "Actor: Kim Yo Jong")
        assert app.tabs.active == "actor" and app.actor_id == "kim-yo-jong"
        assert app.query_one(ActorView).query_one(".subject-select", Select).value == "kim-yo-jong"
        assert screen_text(app).startswith(" Actor · Kim Yo Jong · as of")

        await palette_jump(pilot, "Issue: Sanctions")
        assert app.tabs.active == "issue" and app.issue_id == "sanctions"
        assert app.query_one(IssueView).query_one(".subject-select", Select).value == "sanctions"

        # The matrix follows: its cursor is on the issue and the actor last jumped to.
        await pilot.press("1")
        assert app.query_one(MatrixView).table.key_at_cursor() == ("sanctions", "kim-yo-jong")
        assert "Kim Yo Jong on Sanctions" in squash(screen_text(app))


async def test_the_header_is_one_line_at_80_and_names_the_sources_in_full_at_160():
    """Every view in turn, in one app: at 80x24 the header is one line and the tabs the next; at
    160x45 it names the source in full."""
    app = make_app(view=VIEWS[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for spec in VIEWS:
            await show(pilot, spec.id)
            header, tabs = screen_text(app).splitlines()[:2]
            assert header.startswith(f" {spec.title} · ") and "as of 2025-09-22" in header, header
            assert tabs.split() == [s.title for s in VIEWS], spec.id  # the tabs' line: no wrap
        await pilot.resize_terminal(160, 45)
        await pilot.pause()
        for spec in VIEWS:
            await show(pilot, spec.id)
            header = screen_text(app).splitlines()[0]
            if spec.id != "problems":
                assert "· source: Benzinga via KCNA, Reuters " in header, header
            # A screenshot's title is the caption in full, whatever the width.
            assert app.active_view.caption().plain in header, header


def test_a_narrow_caption_says_the_sources_shorter_before_it_leaves_out_the_subject():
    sources = named_sources(["Benzinga via KCNA, Reuters", "Yonhap", "NK News"])
    line = caption("Issue", dt.date(2025, 9, 22), sources, Content("Talks with the US"))
    assert line.plain == (
        "Issue · Talks with the US · as of 2025-09-22 · stated by then · sources: Benzinga via "
        "KCNA, Reuters; Yonhap; NK News"
    )
    assert line.fit(200).plain == line.plain
    assert line.fit(100).plain == (
        "Issue · Talks with the US · as of 2025-09-22 · stated by then · sources: Benzinga; "
        "Yonhap; NK News"
    )
    assert line.fit(90).plain == (
        "Issue · Talks with the US · as of 2025-09-22 · stated by then · sources: Benzinga; +2 more"
    )
    assert line.fit(80).plain == (
        "Issue · Talks with the US · as of 2025-09-22 · stated by then · 3 sources"
    )
    # Then the question is said by its date alone, then the subject is cut.
    assert line.fit(60).plain == "Issue · Talks with the US · as of 2025-09-22 · 3 sources"
    # Never a subject cut to "Talks with…": the view shows it whole below the header; without
    # it, the question has its words again.
    assert line.fit(55).plain == "Issue · as of 2025-09-22 · stated by then · 3 sources"
    # The view and the date stay to the last.
    assert line.fit(40).plain == "Issue · as of 2025-09-22 · 3 sources"
    assert line.fit(20).plain.startswith("Issue · as of")


def test_a_caption_known_on_a_date_says_so_at_every_width():
    sources = named_sources(["Benzinga via KCNA, Reuters", "Yonhap", "NK News"])
    line = caption("Issue", dt.date(2025, 9, 22), sources, Content("Talks"), known=True)
    assert line.plain == (
        "Issue · Talks · known on 2025-09-22: sources published by then · sources: Benzinga via "
        "KCNA, Reuters; Yonhap; NK News"
    )
    for width in (200, 120, 90, 80, 60, 40, 30):
        assert "known on 2025-09-22" in line.fit(width).plain


async def test_the_distance_grid_diagonal_says_it_is_the_same_actor_not_the_last_pair():
    app = make_app(view="gaps")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.query_one(GapsView)
        await pilot.press("tab")  # the grid, on Trump and Kim Jong Un
        await pilot.press("left")  # Trump against himself
        assert view.selected_figure == SameActor("donald-trump")
        detail = squash(widget_text(app.query_one("#gaps-detail", FigureDetail)))
        assert "Donald Trump against Donald Trump: the same actor, no distance" in detail
        assert "↔" not in detail  # nothing left of the pair shown before
        # The row's distances, nearest first, and the stances they rest on.
        assert "1.0 over 3 issues Lee Jae-myung 2.5 over 2 issues Kim Jong Un" in detail
        assert "no issue in common Kim Yo Jong" in detail
        # His stance on denuclearisation is an inference: hollow, and said so.
        assert "△△ firmly for +2 · inferred Denuclearisation" in detail
        await pilot.press("right")
        assert isinstance(view.selected_figure, PairDistance)


async def test_the_wide_timeline_charts_who_stands_where_beside_the_detail():
    app = make_app(view="timeline")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        chart = app.query_one("#timeline-chart", Static)
        assert chart.display and chart.region.width > 0
        lines = [line.rstrip() for line in chart.visual.plain.splitlines()]
        assert lines == [
            "                         2025-08-25  2025-09-21   2025-09-22",
            " ▲▲  +2 firmly for       ●DT         DT           DT",
            " ▲  +1 for               ●LJM        ●KJU if LJM  KJU if LJM",
            " ◆   0 neutral           ·           ·            ·",
            " ▼  -1 against           ·           ·            ·",
            " ▼▼  -2 firmly against   ·           ·            ·",
            " ··  no stated position  KJU KYJ     KYJ          KYJ",
            "● moved there that day  if conditional",
        ]
        # Beside the detail, on screen: the pane is used, not left half empty.
        assert "●KJU if LJM" in screen_text(app)

        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.query_one("#timeline-chart", Static).region.width


def test_the_chart_keeps_the_latest_dates_that_fit():
    ds = load_tree(FIRST_ARTICLE)
    dates, _ = timeline_dates(ds, "talks-with-us", None)
    row_steps = {actor: steps(ds, "talks-with-us", actor, dates) for actor in ds.actors}
    tags = actor_tags(ds, list(ds.actors))
    chart, left_out = stance_chart(row_steps, tags, 40)
    assert left_out == 2
    assert chart.plain.splitlines()[0].split() == ["2025-09-22"]
    assert stance_chart(row_steps, tags, 200)[1] == 0


def break_every_file(root: Path) -> dict[Path, bytes]:
    originals = {}
    for path in [*root.glob("positions/*.yaml"), *root.glob("seeds/*.txt")]:
        originals[path] = path.read_bytes()
        path.write_text("key: [unclosed\n", encoding="utf-8")
    return originals


async def test_a_tree_where_every_file_is_broken_says_so_in_every_view(data_copy: Path):
    """Every view but Problems in turn, in one app: the notice of what is missing, and once the
    files are fixed and reloaded, the panels back in every view."""
    views = [spec for spec in VIEWS if spec.id != "problems"]
    originals = break_every_file(data_copy)
    app = make_app(data_copy, view=views[0].id)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for spec in views:
            await show(pilot, spec.id)
            notice = app.active_view.query_one(".no-data-notice", Static)
            assert notice.region.height > 0, spec.id
            text = squash(screen_text(app))
            assert "Nothing to show here: no" in text and "loaded." in text, spec.id
            assert f"{len(originals)} problems in the data:" in text, spec.id
            assert "positions/donald-trump.yaml:2:1: error: YAML syntax error" in text, spec.id
            assert "and 3 more." in text and "Press 8 for every problem" in text, spec.id
            assert "A data tree holds positions/issues.yaml" in text, spec.id  # it fits 80x24
            # The header still names the view and says there is nothing dated.
            assert text.startswith(f"{spec.title} · "), text
            assert "· no dated stances · no sources ✗ 6 errors" in text, spec.id

        # Fixed on disk and reloaded: the panels come back and the notice goes.
        for path, content in originals.items():
            path.write_bytes(content)
        app.action_reload()
        await reloaded(pilot, 2)
        for spec in views:
            await show(pilot, spec.id)
            assert not app.active_view.query(".no-data-notice"), spec.id
            assert "Nothing to show here" not in screen_text(app), spec.id
            assert "as of 2025-09-22" in screen_text(app).splitlines()[0], spec.id


async def test_an_empty_tree_says_what_a_tree_holds(tmp_path: Path):
    for part in ("positions", "seeds"):
        (tmp_path / part).mkdir()
    app = make_app(tmp_path, view="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = squash(screen_text(app))
        assert "Nothing to show here: no issues and no actors loaded." in text
        assert "positions/issues.yaml:1:1: error: missing issue catalogue" in text
        assert "A data tree holds positions/issues.yaml, one positions/<actor>.yaml" in text
        await pilot.press("8")
        assert "positions/issues.yaml:1:1: error: missing issue catalogue" in squash(
            screen_text(app)
        )


async def test_the_wide_issue_and_actor_views_set_the_subject_among_the_others():
    app = make_app(view="issue", target="denuclearisation")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)

        def side_of(view_class) -> str:
            return squash(widget_text(app.query_one(view_class).query_one(".subject-side")))

        # The target is chosen once the data is in: wait for the side to be drawn for it.
        await until(pilot, lambda: "Spread" in side_of(IssueView))
        side = side_of(IssueView)
        assert "Spread 4, from -2 (Kim Jong Un) to +2 (Donald Trump)" in side
        assert (
            "Conditions elsewhere that hang on it Kim Jong Un, on Talks with the US: ✗ UNMET"
            in side
        )
        assert "blocked by Donald Trump" in side
        assert "Stances from 2 dates: 2025-09-21, 2025-09-22 · 7: the timeline" in side

        await pilot.press("5")  # the actor: Donald Trump, the first
        await until(pilot, lambda: "Distance to the others" in side_of(ActorView))
        side = side_of(ActorView)
        assert (
            "Distance to the others, nearest first 1.0 over 3 issues Lee Jae-myung "
            "2.5 over 2 issues Kim Jong Un no issue in common Kim Yo Jong"
        ) in side
        assert "Others' conditions on this actor Kim Jong Un, on Talks with the US: ✗ UNMET" in side

        # Narrow, the record comes first: none of it is put before the positions.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        body = squash(widget_text(app.query_one(ActorView).query_one(".subject-body")))
        assert "Positions at a glance" in body and "Distance to the others" not in body
