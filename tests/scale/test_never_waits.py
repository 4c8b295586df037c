"""The screen never waits on a huge tree: 5,000 actors, or 10,000 dated stances on one issue.

Checked by design, not by the clock (see ``tests/scale/never_waits.py``): each view's work is held
in its worker thread while a key is pressed, and the key must be handled. Once the work is done,
what the view built on the event loop is bounded by what a screen shows, whatever the size of the
data; and memory stays in proportion. A view joins by adding a ``ViewCase`` to ``ON_THE_CROWD``
(one app runs them all in turn, since loading 5,000 actor files is the slow part).
"""

from __future__ import annotations

import re
from math import ceil
from pathlib import Path

import pytest
from textual.widgets import DataTable, OptionList, Static

from tui.app.app import PeninsulaApp
from tui.app.render.caption import Caption, Names
from tui.app.widgets import subject as subject_module
from tui.app.widgets.actor.view import ActorView
from tui.app.widgets.document import ROWS_PER_BLOCK, Document
from tui.app.widgets.gaps import view as gaps_module
from tui.app.widgets.gaps.detail import MAX_GLANCE
from tui.app.widgets.gaps.figures import MAX_STACK
from tui.app.widgets.gaps.lists import LIST_LIMIT
from tui.app.widgets.gaps.view import GapsView
from tui.app.widgets.gaps.worked import GRID_SIZE
from tui.app.widgets.issue.view import IssueView
from tui.app.widgets.matrix import view as matrix_module
from tui.app.widgets.matrix.fit import actor_window
from tui.app.widgets.matrix.view import MatrixView
from tui.app.widgets.problems.view import LIST_LIMIT as PROBLEMS_LISTED
from tui.app.widgets.quotes import view as quotes_module
from tui.app.widgets.quotes.quote_list import QuoteList
from tui.app.widgets.quotes.view import LINES_PER_ITEM, QuotesView
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.app.widgets.source.view import SourceView
from tui.app.widgets.timeline import view as timeline_module
from tui.app.widgets.timeline.step_table import StepTable
from tui.app.widgets.timeline.steps import MAX_DATES, MAX_ROWS
from tui.app.widgets.timeline.view import MAX_CHANGES, TimelineView

from tests.app.helpers import make_app, ready, screen_text, squash, until
from tests.scale.crowd import SEED_ID, write_crowd_tree, write_long_history_tree
from tests.scale.never_waits import (
    Gate,
    ViewCase,
    hold_work,
    key_is_handled_while_the_work_waits,
    open_without_waiting,
    rss_mb,
)

ACTORS = 5_000
DATES = 10_000
SIZE = (160, 45)
# Far above what the bounded views need (some tens of MB), far below what the old ones took
# (2.8 GB for the distance grid of 5,000 actors).
MAX_GROWTH_MB = 400
CROWDED_ISSUE = "gen-issue-01"
FIRST_ACTOR = "gen-actor-00001"
# A screenful of blocks, with room: the record of a subject on 5,000 actors is tens of thousands.
MAX_BUILT = 120
BROKEN = 1_000  # actor files with a position on an issue that does not exist


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_crowd_tree(tmp_path_factory.mktemp("crowd") / "tree", actors=ACTORS)


@pytest.fixture(scope="module")
def long_history(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_long_history_tree(tmp_path_factory.mktemp("long") / "tree", dates=DATES)


def caption_cites_the_seed(view) -> bool:
    """The caption names the one source, found along with the figures in the worker."""
    caption = view.caption()
    sources = caption.sources if isinstance(caption, Caption) else None
    return isinstance(sources, Names) and sources.names == ("Generated Wire (generated)",)


def gaps_bounded(app: PeninsulaApp, gaps: GapsView) -> None:
    analysis = gaps.analysis
    assert analysis is not None and len(analysis.actor_ids) == ACTORS
    # The distance grid: the actors with the most known stances, the rest counted.
    grid = app.query_one("#gaps-distances", DataTable)
    assert grid.row_count == GRID_SIZE
    assert len(grid.columns) == GRID_SIZE + 1  # and the column of names
    assert len(analysis.distances) == GRID_SIZE * (GRID_SIZE - 1) // 2
    assert analysis.grid_left_out == ACTORS - GRID_SIZE
    note = str(app.query_one("#gaps-distances-note", Static).render())
    assert f"{ACTORS - GRID_SIZE:,} more left out" in note
    # Some 850 actors at each point of a bar: a few lines of tags, and the count of the rest.
    spreads = app.query_one("#gaps-spreads", DataTable)
    assert all(row.height <= MAX_STACK for row in spreads.rows.values())
    assert "+N on a bar" in str(app.query_one("#gaps-tags", Static).render())
    for selector in ("#gaps-conditions", "#gaps-common"):
        assert app.query_one(selector, OptionList).option_count <= LIST_LIMIT
    assert app.query_one("#gaps-ranking", DataTable).row_count <= LIST_LIMIT
    # The detail of the widest spread, over some 4,000 stances: a glance at its ends.
    detail = gaps.query_one(FigureDetail)
    assert len(detail.blocks) < 20
    glance = max((item.plain for item in detail.blocks), key=len)
    assert glance.count("\n") <= MAX_GLANCE + 1
    assert "more between" in glance
    assert caption_cites_the_seed(gaps)


def timeline_bounded(app: PeninsulaApp, timeline: TimelineView) -> None:
    table = app.query_one("#timeline-steps", StepTable)
    assert table.row_count == MAX_ROWS and timeline.actors_left_out > 3_000
    assert len(table.date_keys) <= MAX_DATES
    assert app.query_one("#timeline-changes", OptionList).option_count <= MAX_CHANGES
    assert caption_cites_the_seed(timeline)


def matrix_bounded(app: PeninsulaApp, matrix: MatrixView) -> None:
    # The titles and a window of the actors, as many as the narrowest columns fill the screen
    # with; the legend says which of how many.
    window = actor_window(SIZE[0])
    assert len(matrix.table.columns) == window + 1
    assert matrix.table.row_count == len(app.dataset.issues)
    assert f"Actors 1-{window} of {ACTORS:,}" in squash(screen_text(app))
    assert caption_cites_the_seed(matrix)


def show_crowded_timeline(app: PeninsulaApp) -> None:
    app.issue_id = CROWDED_ISSUE
    app.show_view("timeline")


def built(document: Document) -> int:
    return sum(item._built is not None for item in document.blocks)


def built_text(document: Document) -> str:
    return "\n".join(item.plain for item in document.blocks if item._built is not None)


def listing(view) -> bool:
    """Whether a subject view is still listing its record; while it is, it says so."""
    if view.working:
        building = view.query_one(".subject-body", Document).blocks[0].plain
        assert building.startswith("Building… ") and building.endswith(f" {view.WORK_NOUN}")
    return bool(view.working)


def subject_bounded(view) -> tuple[Document, Document]:
    body = view.query_one(".subject-body", Document)
    side = view.query_one(".subject-side", Document)
    assert len(body.blocks) > 1 and not body.blocks[0].plain.startswith("Building")
    for document in (body, side):
        assert built(document) <= MAX_BUILT, "more built than a screen shows"
    return body, side


def issue_bounded(app: PeninsulaApp, issue: IssueView) -> None:
    _, side = subject_bounded(issue)
    # Every actor at a glance, a slice of rows per block, the first slices drawn.
    glance = [item for item in side.blocks if item.has_class("glance")]
    assert len(glance) == 1 + ceil(ACTORS / ROWS_PER_BLOCK)  # the scale, then the actors
    assert "Generated Actor 1 (generated)" in built_text(side)
    assert caption_cites_the_seed(issue)


def actor_bounded(app: PeninsulaApp, actor: ActorView) -> None:
    _, side = subject_bounded(actor)
    assert "Distance to the others, nearest first" in built_text(side)
    # The issues at a glance, then the other 4,999 actors by distance.
    glance = [item for item in side.blocks if item.has_class("glance")]
    assert len(glance) == 1 + ceil((ACTORS - 1) / ROWS_PER_BLOCK)
    assert caption_cites_the_seed(actor)


def source_bounded(app: PeninsulaApp, source: SourceView) -> None:
    body, side = subject_bounded(source)
    # Each sentence is quoted by about a thousand stances: its numbers run as a range.
    marks = re.findall(r"\[(\d+)–(\d+)\]", built_text(body))
    assert marks and all(int(high) - int(low) > 100 for low, high in marks)
    assert len(side.blocks) > ACTORS


def quotes_bounded(app: PeninsulaApp, quotes: QuotesView) -> None:
    # Some 25,000 quotes on record: a screenful listed, and only what the screen shows built.
    evidence = len(app.dataset.evidence)
    assert evidence > 20_000 and len(quotes._matches) == evidence
    quote_list = app.query_one("#quotes-list", QuoteList)
    screenful = quote_list.size.height // LINES_PER_ITEM + 2
    assert len(quotes._records) == quote_list.item_count == screenful
    assert 0 < quote_list.built <= screenful
    count = str(app.query_one("#quotes-count", Static).render())
    assert f"{evidence} of {evidence} items" in count and "listed as you go down" in count
    # The pickers offer every actor, worked out with the quotes.
    assert quotes._pickers_for is app.dataset
    assert caption_cites_the_seed(quotes)


def show_subject(view_id: str, **selection: str):
    def show(app: PeninsulaApp) -> None:
        for name, value in selection.items():
            setattr(app, name, value)
        app.show_view(view_id)

    return show


ON_THE_CROWD = [
    ViewCase(
        "gaps", GapsView, gaps_module, "work_out_figures", gaps_bounded, collector_paused=True
    ),
    ViewCase(
        "timeline",
        TimelineView,
        timeline_module,
        "work_out_timeline",
        timeline_bounded,
        show=show_crowded_timeline,
        collector_paused=True,
    ),
    # The three subject views list through one function: its gate is closed again for each.
    *(
        ViewCase(
            view_id,
            view_class,
            subject_module,
            "list_blocks",
            check,
            show=show_subject(view_id, **{name: value}),
            working=listing,
        )
        for view_id, view_class, check, name, value in [
            ("issue", IssueView, issue_bounded, "issue_id", CROWDED_ISSUE),
            ("actor", ActorView, actor_bounded, "actor_id", FIRST_ACTOR),
            ("source", SourceView, source_bounded, "source_id", SEED_ID),
        ]
    ),
    ViewCase("matrix", MatrixView, matrix_module, "work_out_matrix", matrix_bounded),
    ViewCase("quotes", QuotesView, quotes_module, "find_quotes", quotes_bounded),
]


async def test_every_view_of_five_thousand_actors_answers_keys_while_it_builds(
    crowd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gates: dict[tuple[str, str], Gate] = {}
    for case in ON_THE_CROWD:
        work = (case.module.__name__, case.work)
        if work not in gates:
            gates[work] = hold_work(monkeypatch, case.module, case.work)
    before = rss_mb()
    # Started on the first view, so that no other view works on the crowd first.
    app = make_app(crowd, view=ON_THE_CROWD[0].view_id)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, app.loaded.is_set, polls=1200)
        for case in ON_THE_CROWD:
            gate = gates[(case.module.__name__, case.work)]
            if gate.opened.is_set():
                gate.close()  # opened for an earlier view that works through the same function
            await open_without_waiting(app, pilot, case, gate)
        assert rss_mb() - before < MAX_GROWTH_MB


async def test_ten_thousand_dated_stances_on_one_issue_never_hold_the_timeline(
    long_history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = hold_work(monkeypatch, timeline_module, "work_out_timeline")
    app = make_app(long_history, view="timeline", target=CROWDED_ISSUE)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, app.loaded.is_set, polls=1200)
        timeline = app.query_one(TimelineView)
        await key_is_handled_while_the_work_waits(app, pilot, gate, lambda: timeline.working)
        table = app.query_one("#timeline-steps", StepTable)
        # The latest 40 dates worked out, as many whole columns of them as the pane holds.
        assert len(timeline.dates) == MAX_DATES and 0 < len(table.date_keys) <= MAX_DATES
        assert timeline.earlier_dates == DATES - MAX_DATES
        hidden = str(app.query_one("#timeline-hidden", Static).render())
        assert f"{DATES - MAX_DATES:,} earlier dates" in hidden
        # The latest date first in view: the table's last column is the as-of date.
        assert str(table.ordered_columns[-1].key.value) == timeline.dates[-1].isoformat()

        # A step back is worked out off the loop too, and moves the window by one date.
        gate.close()
        await pilot.press("left_square_bracket")
        await key_is_handled_while_the_work_waits(app, pilot, gate, lambda: timeline.working)
        assert timeline.earlier_dates == DATES - MAX_DATES - 1
        assert timeline.hidden_dates == 1


@pytest.fixture(scope="module")
def broken_crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_crowd_tree(tmp_path_factory.mktemp("broken") / "tree", actors=BROKEN)
    for path in sorted((root / "positions").glob("gen-actor-*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"issue: {CROWDED_ISSUE}", "issue: gen-issue-99"), "utf-8")
    return root


async def test_problems_of_a_thousand_broken_files_list_a_screenful_and_say_the_rest(
    broken_crowd: Path,
) -> None:
    """The Problems view needs no worker: it lists a bounded number and counts the rest."""
    app = make_app(broken_crowd, view="problems")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, app.loaded.is_set, polls=1200)
        await pilot.pause()
        ds = app.dataset
        assert ds is not None and len(ds.diagnostics) > PROBLEMS_LISTED
        assert app.query_one("#problems-list", OptionList).option_count == PROBLEMS_LISTED
        summary = str(app.query_one("#problems-summary", Static).render())
        more = len(ds.diagnostics) - PROBLEMS_LISTED
        assert f"{more:,} more" in summary and "peninsula validate" in summary


async def test_a_move_past_the_last_actor_drawn_brings_the_next_one_in(tmp_path: Path) -> None:
    # A hundred actors: more than a screen shows, few enough to be worked out at once.
    app = make_app(write_crowd_tree(tmp_path / "tree", actors=100), view="matrix")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixView).table
        window = actor_window(80)
        ids = list(app.dataset.actors)
        assert len(table.columns) == window + 1 and window < len(ids)
        table.move_cursor(column=window)
        await pilot.pause()
        assert app.actor_id == ids[window - 1]
        await pilot.press("right")
        await until(pilot, lambda: app.actor_id == ids[window])
        assert table.key_at_cursor()[1] == ids[window]
        assert len(table.columns) == window + 1
        text = squash(screen_text(app))
        assert f"of {len(ids)}" in text and "Actors 1-" not in text
        await pilot.press("left")
        assert app.actor_id == ids[window - 1]
