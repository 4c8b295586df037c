"""How far apart the actors are, what blocks talks, and where they agree, on the as-of date.

Five figures, each a list with a cursor: the spread of every issue as a bar on the -2..+2 axis,
the distance between every pair of actors, the conditions and who blocks them, the common
ground, and the issues ranked as starting points for talks. The detail beside (wide) or below
(narrow) shows the stances and the evidence of whatever the cursor is on.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render.caption import Caption
from tui.app.render.wrap import longest_word
from tui.app.widgets.document import block
from tui.app.widgets.gaps.detail import Figure, figure_blocks
from tui.app.widgets.gaps.figure_table import FigureList, FigureTable
from tui.app.widgets.gaps.lists import (
    ABSENT_WIDTH,
    FIGURES_SHARE,
    MIN_BAR,
    NARROWEST_TITLE,
    SPREAD_WIDTH,
    GapsLists,
)
from tui.app.widgets.gaps.worked import WorkedFigures, work_out_figures
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.core.analysis import Analysis
from tui.core.basis import BasisFilter

# Pictures up to this many cells (actors x issues) are worked out between two frames; larger
# ones in a worker thread, while the screen keeps answering keys.
INLINE_CELLS = 5_000


class GapsView(GapsLists):
    VIEW_ID = "gaps"
    TITLE = "Gaps"
    KEY_HELP = [
        (
            "tab / shift+tab",
            "move between spreads, distances, conditions, common ground, starting points",
        ),
        ("arrows", "choose a figure: the stances and evidence behind it show in the detail"),
        ("enter", "into the detail, to scroll it; escape: back to the figure"),
        ("o", "own words only: count only stances in the actors' own words, or every stance"),
    ]
    BINDINGS = [Binding("o", "toggle_own_words", "Own words only")]
    FIGURE_LISTS = (FigureTable, FigureList)

    DEFAULT_CSS = """
    GapsView.-compact { layout: vertical; }
    GapsView.-wide { layout: horizontal; }
    /* The scroll bar's room kept, so that its coming once the figures are in does not narrow
       the pane and draw every table again. */
    GapsView #gaps-figures { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
    GapsView.-wide #gaps-figures { width: 62%; }
    GapsView.-compact #gaps-figures { height: 1fr; }
    GapsView .gaps-note { color: $text-muted; }
    GapsView FigureTable { height: auto; }
    GapsView FigureList { height: auto; }
    /* Only the list whose figure the detail shows keeps a cursor, so a screenshot is clear. */
    GapsView .-idle > .datatable--cursor { background: transparent; text-style: none; }
    GapsView .-idle > .option-list--option-highlighted {
        background: transparent; color: $foreground; text-style: none;
    }
    GapsView #gaps-detail { height: 1fr; padding: 0 1; }
    GapsView.-compact #gaps-detail { height: 40%; border-top: solid $primary 50%; }
    GapsView.-wide #gaps-detail { width: 1fr; border-left: solid $primary 50%; padding: 0 2; }
    GapsView.-compact #gaps-detail:focus { border-top: solid $accent; }
    GapsView.-wide #gaps-detail:focus { border-left: solid $accent; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.analysis: Analysis | None = None
        self._figures: dict[str, Figure] = {}
        self.basis: BasisFilter = "all"
        self.tags: dict[str, str] = {}

    def action_toggle_own_words(self) -> None:
        self.basis = "all" if self.basis == "own" else "own"
        self._refresh_and_announce()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="gaps-figures"):
            yield Static("", id="gaps-basis", classes="gaps-note")
            yield Static(
                Content.assemble(
                    "Spread per issue, widest first",
                    Content.styled("   -2 firmly against … +2 firmly for", "not bold dim"),
                ),
                classes="section-title -first",
            )
            yield FigureTable(id="gaps-spreads", cursor_type="row", zebra_stripes=False)
            yield Static("", id="gaps-tags", classes="gaps-note")
            yield Static("Distance between actors", classes="section-title")
            yield FigureTable(id="gaps-distances", cursor_type="cell")
            yield Static("", id="gaps-distances-note", classes="gaps-note")
            yield Static("Conditions", classes="section-title", id="gaps-conditions-title")
            yield FigureList(id="gaps-conditions", compact=True)
            yield Static("Common ground", classes="section-title", id="gaps-common-title")
            yield FigureList(id="gaps-common", compact=True)
            yield Static("Starting points for talks", classes="section-title")
            yield FigureTable(id="gaps-ranking", cursor_type="row")
            yield Static(
                "Narrowest spread first. ⚑ blocked: a stance on the issue has an unmet condition; "
                "⚑ blocking: an unmet condition points at the issue.",
                classes="gaps-note",
            )
        yield FigureDetail(id="gaps-detail")

    # -- layout --------------------------------------------------------------------------------

    def wide_at(self, size: Size) -> bool:
        """Side by side only where the spreads keep every column: titles wrapped no narrower
        than their longest word, the shortest bar, the spread and the actors not known."""
        ds = self.dataset
        if ds is None:
            return super().wide_at(size)
        title = max(longest_word([issue.title for issue in ds.issues.values()]), NARROWEST_TITLE)
        need = (title + 2) + (MIN_BAR + 2) + (SPREAD_WIDTH + 2) + (ABSENT_WIDTH + 2) + 2 + 3
        return size.width >= self.WIDE_AT and int(size.width * FIGURES_SHARE) >= need

    _drawn_width: int | None = None

    def after_resize(self, layout_changed: bool) -> None:
        # The bars are fitted to the width: a new width draws them again. Not while stale: the
        # first resize comes as the view is first shown, and on_show draws it right after.
        if self._stale:
            return
        if layout_changed or self.size.width != self._drawn_width:
            self.refresh_view()

    # -- data ----------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        ds = self.dataset
        if ds is None or self._wide is None or not self.size.width:
            return  # drawn on the first resize: the bars are fitted to the width
        as_of, basis = self.as_of, self.basis
        wanted = (ds, as_of, basis)
        if self.analysis is not None and self.shows_figures_of(wanted):
            self._draw(self.analysis)  # a new layout, the same figures
            return
        if self.working and self.is_wanted(wanted):
            return  # being worked out; drawn in the layout of the day when it arrives
        inline = len(ds.actors) * max(len(ds.issues), 1) <= INLINE_CELLS
        if not inline:
            self.query_one("#gaps-basis", Static).update(
                Content(f"Working out the figures for {len(ds.actors):,} actors…")
            )
        # Looked up when it runs, so that a test can hold the work back (see tests/scale).
        self.work_out(wanted, lambda: work_out_figures(ds, as_of, basis), inline)

    def figures_ready(self, worked: WorkedFigures) -> None:
        self.keep_cited(worked.analysis.dataset, worked.analysis.as_of, worked.sources)
        self.analysis = worked.analysis
        self.tags = worked.tags
        self._worked = worked
        self._draw(worked.analysis)

    def _draw(self, analysis: Analysis) -> None:
        self._drawn_width = self.size.width
        self.query_one("#gaps-basis", Static).update(
            Content(self._worked.caveat + " △ hollow: inferred. o: own words only / all.")
        )
        self._figures = {}
        with self.app.batch_update():
            self._fill_spreads(analysis)
            self._fill_distances(analysis)
            self._fill_conditions(analysis)
            self._fill_common(analysis)
            self._fill_ranking(analysis)
        if self.selected_key not in self._figures:
            focused = self.focused_figures()
            self.selected_key = (focused and self.figure_key(focused)) or next(
                iter(self._figures), None
            )
        self.show_detail()

    # -- selection -----------------------------------------------------------------------------

    def focused_figures(self) -> Widget | None:
        focused = self.screen.focused if self.is_attached else None
        if isinstance(focused, self.FIGURE_LISTS) and self in focused.ancestors:
            return focused
        return None

    def figure_key(self, widget: Widget) -> str | None:
        key = self._key_under_cursor(widget)
        return key if key in self._figures else None

    def _key_under_cursor(self, widget: Widget) -> str | None:
        if isinstance(widget, FigureTable) and widget.row_count:
            key = widget.coordinate_to_cell_key(widget.cursor_coordinate)
            row = str(key.row_key.value)
            if widget.id == "gaps-spreads":
                return f"spread:{row}"
            if widget.id == "gaps-ranking":
                return f"start:{row}"
            column = str(key.column_key.value)
            if row == column:
                return f"self:{row}"
            for a, b in ((row, column), (column, row)):
                if f"pair:{a}:{b}" in self._figures:
                    return f"pair:{a}:{b}"
            return None
        if isinstance(widget, FigureList):
            option = widget.highlighted_option
            if option is None or option.id is None:
                return None
            prefix = "condition" if widget.id == "gaps-conditions" else "common"
            return f"{prefix}:{option.id}"
        return None

    def show_detail(self) -> None:
        current = self._widget_of(self.selected_key)
        for widget in self.query(".gaps-figure"):
            widget.set_class(widget is not current, "-idle")
        detail = self.detail
        analysis = self.analysis
        figure = self._figures.get(self.selected_key or "")
        if analysis is None or figure is None:
            empty = "No figures: no issues or no actors in the data; see Problems."
            detail.show_figure(None, [block("detail-empty", empty)])
            return
        detail.show_figure(self.selected_key, figure_blocks(analysis, figure))

    @property
    def selected_figure(self) -> Figure | None:
        return self._figures.get(self.selected_key or "")

    # -- focus ---------------------------------------------------------------------------------

    def focus_default(self, scroll_visible: bool = False) -> None:
        # Not scrolled on showing the view: the pane keeps its place, headings included.
        widget = self._widget_of(self.selected_key) or self.query_one("#gaps-spreads", FigureTable)
        widget.focus(scroll_visible=scroll_visible)

    def _widget_of(self, key: str | None) -> Widget | None:
        prefix = (key or "").partition(":")[0]
        selector = {
            "spread": "#gaps-spreads",
            "pair": "#gaps-distances",
            "self": "#gaps-distances",
            "condition": "#gaps-conditions",
            "common": "#gaps-common",
            "start": "#gaps-ranking",
        }.get(prefix)
        return self.query_one(selector) if selector else None

    # -- caption -------------------------------------------------------------------------------

    def caption(self) -> Caption | Content:
        # The sources are worked out with the figures (see work_out_figures).
        ds = self.dataset
        if ds is None or not self.shows_figures_of((ds, self.as_of, self.basis)):
            return self.bare_caption()
        return self.citing_caption()
