"""Slide mode (`snapshot --slide`, the S key): a title, the date with its question, the panel
alone with its height fitted to the content, the sources in full, the data's version; and the
subject views opening on a stance rather than on an empty cell."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image

from tui.app.png import read_grid, render_png
from tui.app.render.caption import Caption, named_sources, slide_lines
from tui.app.slide_fit import content_rows, fit_height
from tui.app.snapshot import render_svg
from tui.app.views import VIEWS, view_spec
from tui.app.widgets.timeline.step_table import StepTable
from tui.core.freshness import latest_stated
from tui.core.loader import load_tree

from tests.app.helpers import REPO, make_app, ready, screen_text, widget_text
from tests.fixtures import FIRST_ARTICLE

SOURCES = ("Source: ", "Sources: ")


def lines_of(svg: str) -> list[str]:
    """The text of each line of a screenshot."""
    grid = read_grid(svg)
    rows = [[" "] * grid.columns for _ in range(grid.lines)]
    for run in grid.runs:
        for n, char in enumerate(run.text):
            if run.column + n < grid.columns:
                rows[run.line][run.column + n] = char
    return ["".join(row).rstrip() for row in rows]


def test_a_slide_caption_says_its_title_its_question_and_every_source():
    sources = named_sources([f"Outlet {n} via KCNA" for n in range(6)])
    caption = Caption("Issue", dt.date(2025, 9, 22), sources)
    question, listed = slide_lines(caption)
    assert question.plain == "As of 2025-09-22: stances stated by then, whenever reported"
    # In full: the one-line header says "+3 more", a slide names them all.
    assert listed.plain == "Sources: " + "; ".join(f"Outlet {n} via KCNA" for n in range(6))
    assert caption.title.plain == "Issue"


@pytest.fixture(scope="module")
def matrix_slide() -> str:
    return render_svg(FIRST_ARTICLE, view_spec("matrix"), None, (120, 24), fit_rows=120)


def test_a_slide_has_its_title_question_and_sources_and_no_tabs_keys_or_problems(matrix_slide):
    lines = lines_of(matrix_slide)
    assert lines[0].strip() == "Matrix"
    assert lines[1].strip() == "As of 2025-09-22: stances stated by then, whenever reported"
    text = "\n".join(lines)
    assert "Quotes  Issue  Actor" not in text  # the tab bar
    assert "Earlier" not in text and "Quit" not in text  # the key footer
    assert "no problems" not in text
    sources = next(n for n, line in enumerate(lines) if line.lstrip().startswith(SOURCES))
    assert "Benzinga" in lines[sources]
    assert lines[-1].strip().startswith("Peninsula · data: ")


def test_a_slide_is_as_tall_as_its_content_with_no_empty_rows_below(matrix_slide):
    grid = read_grid(matrix_slide)
    # Laid out at 120x24 the matrix scrolls; the slide has grown to show all of it...
    assert grid.lines > 24
    starts = [line.strip() for line in lines_of(matrix_slide)]
    for issue in load_tree(FIRST_ARTICLE).issues.values():
        # Each row's title begins a line (how a narrow column wraps it is the layout's business).
        assert any(line.startswith(issue.title[:6]) for line in starts), issue.title
    # ...and stops there: between the panel's last line of text and the sources, the one
    # blank line that sets them apart, no more.
    lines = lines_of(matrix_slide)
    sources = next(n for n, line in enumerate(lines) if line.lstrip().startswith(SOURCES))
    content = [line for line in content_rows(matrix_slide) if line < sources]
    assert sources - content[-1] == 2


async def test_a_slide_is_no_taller_than_asked_and_fits_every_view_in_one_run():
    app = make_app(REPO, view="matrix")
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        heights = {}
        for spec in VIEWS:
            app.show_view(spec.id)
            app.set_slide(True)
            heights[spec.id] = await fit_height(pilot, app.tabs, max_rows=60)
            svg = app.export_screenshot()
            assert read_grid(svg).lines == heights[spec.id] == app.size.height
            lines = lines_of(svg)
            assert lines[-1].strip().startswith("Peninsula · data: "), spec.id
            assert not any(line.lstrip().startswith("Matrix  Gaps") for line in lines)
            if spec.id == "matrix":
                matrix_words = set(" ".join(lines).split())
            if spec.id == "problems":
                # A PNG of the same cells, as the snapshot command makes it.
                image = Image.open(io.BytesIO(render_png(svg)))
                assert image.format == "PNG" and image.size[1] > heights[spec.id] * 10
        # The matrix of 18 issues is fitted whole (every title on the slide, wrapped between
        # words, none cut off), and takes more rows than clean data's few problems.
        for issue in app.dataset.issues.values():
            assert set(issue.title.split()) <= matrix_words, issue.title
        assert heights["matrix"] > 30
        assert heights["problems"] < 15


async def test_the_timeline_opens_on_a_stance_on_every_issue():
    app = make_app(REPO, view="timeline")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        ds = app.dataset
        table = app.query_one(StepTable)
        for issue_id in ds.issues:
            app.issue_id = issue_id
            await pilot.pause()
            await pilot.pause()
            key = table.coordinate_to_cell_key(table.cursor_coordinate)
            actor_id, date = str(key.row_key.value), str(key.column_key.value)
            record = ds.stance_at(actor_id, issue_id, dt.date.fromisoformat(date))
            assert record is not None, (issue_id, actor_id, date)
            detail = widget_text(app.query_one("#timeline-detail"))
            assert "Nothing known by that date" not in detail, issue_id


async def test_the_issue_view_shows_the_stances_first_and_names_the_silent_together():
    app = make_app(REPO, view="issue", target="allied-drills")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        body = widget_text(app.query_one(".subject-body"))
        names = [a.name for a in app.dataset.actors.values()]
        assert body.index("Kim Jong Un") < body.index("No stated position")
        silent = body[body.index("No stated position") :]
        assert "Chung Dong-young, Donald Trump, Lee Jae-myung" in silent
        assert "Kim Jong Un" not in silent and len(names) == 8
        assert "firmly against -2" in screen_text(app)


async def test_the_s_key_turns_the_dashboard_into_its_slide_and_back():
    app = make_app(FIRST_ARTICLE, view="issue", target="denuclearisation")
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        assert "Matrix  Gaps  Quotes" in screen_text(app)
        await pilot.press("S")
        await pilot.pause()
        text = screen_text(app)
        assert "Matrix  Gaps  Quotes" not in text and "Quit" not in text
        lines = [line.strip() for line in text.splitlines()]
        assert lines[0] == "Issue · Denuclearisation"
        assert lines[1] == "As of 2025-09-22: stances stated by then, whenever reported"
        assert "Source: Benzinga via KCNA, Reuters" in lines
        await pilot.press("S")
        await pilot.pause()
        text = screen_text(app)
        assert "Matrix  Gaps  Quotes" in text and "stances stated by then" not in text


async def test_a_narrow_slide_shows_the_whole_matrix_that_the_screen_caps():
    app = make_app(REPO, view="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one("#matrix-table")
        assert table.max_scroll_y > 0  # narrow, the table is capped to leave room for the detail
        app.set_slide(True)
        height = await fit_height(pilot, app.tabs, max_rows=80)
        assert table.max_scroll_y == 0 and 24 < height < 80


def test_the_matrix_slide_opens_on_the_stance_stated_last():
    # The first cell (Chung Dong-young on talks) is empty on the bundled data: the slide's
    # detail is of the stance stated last instead, the core's rule for where a reader starts.
    ds = load_tree(REPO)
    lead = latest_stated(ds, None)
    assert lead is not None and lead != (next(iter(ds.issues)), next(iter(ds.actors)))
    issue_id, actor_id = lead
    record = ds.as_of()[(actor_id, issue_id)]
    assert record.stance is not None
    assert all(r.as_of <= record.as_of for r in ds.as_of().values())
    text = "\n".join(lines_of(render_svg(REPO, view_spec("matrix"), None, (160, 45), fit_rows=80)))
    assert f"{ds.actor_name(actor_id)} on" in text
    assert "no stated position — nothing known" not in text
