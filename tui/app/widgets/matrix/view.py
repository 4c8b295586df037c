"""The home view: the matrix with the selected stance's detail beside or below it."""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from tui.app.messages import StanceHighlighted
from tui.app.render.caption import Caption, source_names
from tui.app.render.safe import safe
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.matrix.fit import MatrixFit, actor_window, compact_table_rows, fit_matrix
from tui.app.widgets.matrix.legend import Legend
from tui.app.widgets.matrix.table import MatrixTable
from tui.app.widgets.matrix.work import WORKER_PAST, MatrixWork, work_out_matrix
from tui.app.widgets.shared.scale_legend import scale_legend
from tui.app.widgets.shared.stance_detail import StanceDetail
from tui.core.dataset import Dataset
from tui.core.freshness import DEFAULT_STALE_DAYS

if TYPE_CHECKING:
    from tui.core.records import Actor


class MatrixView(PeninsulaView):
    VIEW_ID = "matrix"
    TITLE = "Matrix"
    KEY_HELP = [
        ("arrows", "move between issues (rows) and actors (columns)"),
        ("enter", "into the detail, to scroll it; escape: back to the matrix"),
    ]

    # Followed by the watchers below; a repaint of the whole view on each move would be waste.
    issue_id: reactive[str | None] = reactive(None, init=False, repaint=False)
    actor_id: reactive[str | None] = reactive(None, init=False, repaint=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._detail_pending = False
        self._card_subject: tuple[Dataset, str] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="matrix-side"):
            yield MatrixTable(id="matrix-table")
            yield Legend(id="matrix-legend")
            yield Static("", id="matrix-issue-card")
        yield StanceDetail(id="matrix-detail")

    @property
    def table(self) -> MatrixTable:
        return self.query_one(MatrixTable)

    # -- layout --------------------------------------------------------------------------------

    _fit: MatrixFit | None = None

    def fit_for(self, size: Size) -> MatrixFit | None:
        """How the matrix fits ``size`` with this data (see ``fit.fit_matrix``); None until the
        view's work on the data is done."""
        ds = self.dataset
        work = self._work
        if ds is None or work is None or work.dataset is not ds:
            return None
        actors = self._window_actors(ds)
        return fit_matrix(
            [actor.name for actor in actors],
            [work.tags[actor.id] for actor in actors],
            [issue.title for issue in ds.issues.values()],
            size.width,
            size.height,
            work.widest,
        )

    def wide_at(self, size: Size) -> bool:
        fit = self.fit_for(size)
        return fit.beside if fit is not None else super().wide_at(size)

    def after_resize(self, layout_changed: bool) -> None:
        if self._stale:
            return  # the first resize of a first open: on_show draws it in full right after
        if layout_changed or self.fit_for(self.size) != self._fit:
            self.refresh_view()
        else:
            self._fit_table_height()

    def _fit_table_height(self, size: Size | None = None) -> None:
        """Above the detail the table grows with a tall screen (a slide fits it whole)."""
        table = self.table
        if self._wide or getattr(self.app, "slide", False):
            table.styles.max_height = None  # the style sheet's: the side's height, the slide's
            return
        size = size or self.size
        legend = self.query_one(Legend).rows(size.width)
        table.styles.max_height = compact_table_rows(size.height, legend)

    # -- the work on the data, and the actors drawn ----------------------------------------------

    _work: MatrixWork | None = None
    working = False
    """True while the work on a large picture runs in its thread."""

    def _when(self) -> tuple[dt.date | None, dt.date | None, int]:
        return (
            self.as_of,
            self.effective_date,
            getattr(self.app, "stale_days", DEFAULT_STALE_DAYS),
        )

    def _work_ready(self, ds: Dataset) -> bool:
        """Whether the work for this picture is done; starts it (at once, or in a thread for a
        large picture) when it is not."""
        when = self._when()
        if self._work is not None and self._work.is_for(ds, when):
            return True
        if len(ds.actors) * max(len(ds.issues), 1) <= WORKER_PAST:
            self._work = work_out_matrix(ds, *when)
            return True
        self.working = True
        self.run_worker(
            partial(work_out_matrix, ds, *when),
            name="matrix work",
            # Without one, Textual describes the worker by the repr of its work: the dataset.
            description="the matrix's marks, tags and sources",
            group="matrix-work",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        return False

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "matrix-work" or event.state != WorkerState.SUCCESS:
            return
        event.stop()
        work = event.worker.result
        ds = self.dataset
        if not isinstance(work, MatrixWork) or ds is None or not work.is_for(ds, self._when()):
            return  # the picture asked for has changed since: its own work is on its way
        self._work = work
        self.working = False
        self.set_layout(self.wide_at(self.expected_size()))
        self.refresh_view()
        self.announce_caption()

    _window_start = 0

    @property
    def _window(self) -> int:
        """How many actors are drawn at once: as many columns as the narrowest cells fill the
        screen with, and a few more; a longer catalogue is drawn a window at a time, following
        the cursor (a table draws each of its columns on every line, on screen or not)."""
        return actor_window(self.expected_size().width)

    def _window_actors(self, ds: Dataset) -> list[Actor]:
        actors = list(ds.actors.values())
        return actors[self._window_start : self._window_start + self._window]

    def _window_on(self, ds: Dataset, actor_id: str | None) -> bool:
        """Move the window of actors drawn to take in ``actor_id``; True when it moved."""
        if actor_id is None or len(ds.actors) <= self._window:
            return False
        ids = list(ds.actors)
        if actor_id not in ds.actors:
            return False
        index = ids.index(actor_id)
        start = self._window_start
        if start <= index < start + self._window:
            return False
        # The actor mid-window: half a window of context on the side the reader came from.
        start = index - self._window // 2
        self._window_start = max(0, min(start, len(ids) - self._window))
        return True

    def _window_note(self, ds: Dataset) -> str:
        total = len(ds.actors)
        if total <= self._window:
            return ""
        first = self._window_start + 1
        last = min(self._window_start + self._window, total)
        return f"Actors {first:,}-{last:,} of {total:,}: move past the first or last for the others"

    # -- data ----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        # Before the first layout, at the size it will have: a warm start fills the table
        # before its first frame, and the first resize then finds the same fit.
        size = self.expected_size()
        ds = self.dataset
        if ds is None or not size:
            return
        if not self._work_ready(ds):
            self._show_working()
            return
        work = self._work
        assert work is not None
        self._window_on(ds, self.actor_id)
        fit = self.fit_for(size)
        if fit is None:
            return
        self.set_layout(fit.beside)
        self._fit = fit
        actors = self._window_actors(ds)
        start = self._window_start
        more = (start > 0, start + len(actors) < len(ds.actors))
        table_width = self.table.fill(
            ds, self.as_of, fit, work.tags, (self.issue_id, self.actor_id), work.marks, actors, more
        )
        # Beside the detail, the side column is as wide as the table; the detail takes the rest.
        self.query_one("#matrix-side").styles.width = table_width if fit.beside else None
        self.query_one(Legend).show_names(
            [(work.tags[actor.id], actor.name) for actor in actors] if fit.tags else [],
            self._window_note(ds),
        )
        self._fit_table_height(size)
        if self.issue_id is None or self.actor_id is None:
            issue_id, actor_id = self.table.key_at_cursor()
            if issue_id and actor_id:
                self.post_message(StanceHighlighted(issue_id, actor_id))
        self._schedule_detail()

    def _show_working(self) -> None:
        self.table.clear(columns=True)
        self.query_one(Legend).show_names([], "Working out the matrix…")
        self.query_one(StanceDetail).show_nothing()

    @on(MatrixTable.PastEdge)
    def _past_edge(self, event: MatrixTable.PastEdge) -> None:
        event.stop()
        ds = self.dataset
        issue_id, actor_id = self.table.key_at_cursor()
        if ds is None or issue_id is None or actor_id is None or actor_id not in ds.actors:
            return
        ids = list(ds.actors)
        index = ids.index(actor_id) + event.step
        if 0 <= index < len(ids):
            self.post_message(StanceHighlighted(issue_id, ids[index]))

    def watch_issue_id(self) -> None:
        self._follow_selection()

    def watch_actor_id(self) -> None:
        self._follow_selection()

    def _follow_selection(self) -> None:
        if self.dataset is None or not self.is_mounted:
            return
        if self._work is not None and self._window_on(self.dataset, self.actor_id):
            self.refresh_view()
            return
        self.table.move_to(self.issue_id, self.actor_id)
        self._schedule_detail()

    def _schedule_detail(self) -> None:
        # Issue and actor often change together: draw the detail once, after both.
        if not self._detail_pending:
            self._detail_pending = True
            self.call_after_refresh(self._update_detail)

    def _update_detail(self) -> None:
        self._detail_pending = False
        ds = self.dataset
        if ds is None or not self.is_attached:
            return
        issue_id, actor_id = self.table.key_at_cursor()
        detail = self.query_one(StanceDetail)
        card = self.query_one("#matrix-issue-card", Static)
        if issue_id is None or actor_id is None:
            self._card_subject = None
            card.update("")
            detail.show_nothing()
            return
        detail.show(ds, self.as_of, issue_id, actor_id)
        # Along a row the issue stays: redrawing its card would only cost another layout.
        shown = self._card_subject
        if shown is not None and shown[0] is ds and shown[1] == issue_id:
            return
        self._card_subject = (ds, issue_id)
        issue = ds.issues.get(issue_id)
        if issue is None:
            card.update("")
            return
        title = Content.assemble(safe(issue.title, "bold"), ": what each point means")
        card.update(Content("\n").join([title, scale_legend(issue)]))

    # -- events --------------------------------------------------------------------------------

    @on(DataTable.CellHighlighted, "#matrix-table")
    def _cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        event.stop()
        self.post_message(
            StanceHighlighted(
                str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)
            )
        )

    def focus_default(self) -> None:
        self.table.focus()

    def on_key(self, event) -> None:
        if event.key == "escape" and self.query_one(StanceDetail).has_focus:
            event.stop()
            self.table.focus()

    @on(DataTable.CellSelected, "#matrix-table")
    def _cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.query_one(StanceDetail).focus()

    # -- caption -------------------------------------------------------------------------------

    def caption(self) -> Caption | Content:
        # The sources the picture cites, worked out with the rest (a crowd's picture cites
        # tens of thousands of evidence items).
        ds, work = self.dataset, self._work
        if ds is None or work is None or not work.is_for(ds, self._when()):
            return self.bare_caption()
        return self.view_caption(source_names(ds, work.sources))
