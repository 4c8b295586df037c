"""The home view: the matrix with the selected stance's detail beside or below it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from tui.app.messages import StanceHighlighted
from tui.app.render.caption import Caption
from tui.app.render.safe import safe
from tui.app.render.stance import cell_width
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.matrix.fit import CellStyle, MatrixFit, fit_matrix
from tui.app.widgets.matrix.legend import Legend
from tui.app.widgets.matrix.table import MatrixTable
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.app.widgets.shared.scale_legend import scale_legend
from tui.app.widgets.shared.stance_detail import StanceDetail
from tui.core.dataset import Dataset
from tui.core.freshness import DEFAULT_STALE_DAYS, picture_marks


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
        """How the matrix fits ``size`` with this data (see ``fit.fit_matrix``)."""
        ds = self.dataset
        if ds is None:
            return None
        return fit_matrix(
            [actor.name for actor in ds.actors.values()],
            list(self._tags(ds).values()),
            [issue.title for issue in ds.issues.values()],
            size.width,
            size.height,
            self._marked_widths(ds),
        )

    def wide_at(self, size: Size) -> bool:
        fit = self.fit_for(size)
        return fit.beside if fit is not None else super().wide_at(size)

    def after_resize(self, layout_changed: bool) -> None:
        if layout_changed or self.fit_for(self.size) != self._fit:
            self.refresh_view()

    _tags_of: tuple[Dataset, dict[str, str]] | None = None

    def _tags(self, ds: Dataset) -> dict[str, str]:
        if self._tags_of is None or self._tags_of[0] is not ds:
            self._tags_of = (ds, actor_tags(ds, list(ds.actors)))
        return self._tags_of[1]

    _marks_of: tuple[Dataset, tuple[object, ...], dict[tuple[str, str], str]] | None = None

    def _marks(self, ds: Dataset) -> dict[tuple[str, str], str]:
        """The picture's freshness marks, worked out once per dataset, date and age."""
        stale_days = getattr(self.app, "stale_days", DEFAULT_STALE_DAYS)
        when = (self.as_of, self.effective_date, stale_days)
        cached = self._marks_of
        if cached is None or cached[0] is not ds or cached[1] != when:
            cached = (ds, when, picture_marks(ds, self.as_of, self.effective_date, stale_days))
            self._marks_of = cached
        return cached[2]

    def _marked_widths(self, ds: Dataset) -> dict[CellStyle, int]:
        """Per cell style, the widest cell that carries marks."""
        picture = ds.as_of(self.as_of)
        shapes = {
            (picture[key].stance, picture[key].is_conditional, mark)
            for key, mark in self._marks(ds).items()
        }
        styles: tuple[CellStyle, ...] = ("worded", "numbered", "glyph")
        return {
            style: max((cell_width(*shape[:2], style, shape[2]) for shape in shapes), default=0)
            for style in styles
        }

    # -- data ----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        # Before the first layout, at the size it will have: a warm start fills the table
        # before its first frame, and the first resize then finds the same fit.
        size = self.expected_size()
        fit = self.fit_for(size)
        if self.dataset is None or fit is None or not size:
            return
        ds = self.dataset
        self.set_layout(fit.beside)
        self._fit = fit
        tags = self._tags(ds)
        table_width = self.table.fill(
            ds, self.as_of, fit, tags, (self.issue_id, self.actor_id), self._marks(ds)
        )
        # Beside the detail, the side column is as wide as the table; the detail takes the rest.
        self.query_one("#matrix-side").styles.width = table_width if fit.beside else None
        self.query_one(Legend).show_names(
            [(tags[actor_id], actor.name) for actor_id, actor in ds.actors.items()]
            if fit.tags
            else []
        )
        if self.issue_id is None or self.actor_id is None:
            issue_id, actor_id = self.table.key_at_cursor()
            if issue_id and actor_id:
                self.post_message(StanceHighlighted(issue_id, actor_id))
        self._schedule_detail()

    def watch_issue_id(self) -> None:
        self._follow_selection()

    def watch_actor_id(self) -> None:
        self._follow_selection()

    def _follow_selection(self) -> None:
        if self.dataset is None or not self.is_mounted:
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
        return self.citing_caption()
