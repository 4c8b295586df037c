"""How far apart the actors are, what blocks talks, and where they agree, on the as-of date.

Five figures, each a list with a cursor: the spread of every issue as a bar on the -2..+2 axis,
the distance between every pair of actors, the conditions and who blocks them, the common
ground, and the issues ranked as starting points for talks. The detail beside (wide) or below
(narrow) shows the stances and the evidence of whatever the cursor is on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.render.caption import Caption, Names, cited_names
from tui.app.render.safe import safe, safe_text
from tui.app.render.wrap import column_width, longest_word, wrapped
from tui.app.widgets.figure_view import FigureView
from tui.app.widgets.gaps.detail import (
    Figure,
    SameActor,
    figure_widgets,
    status_mark,
)
from tui.app.widgets.gaps.figure_table import FigureTable, cell_width
from tui.app.widgets.gaps.figures import (
    absent_text,
    axis_header,
    distance_cell,
    distance_legend,
    fit_axis,
    leaves_out,
    point_tags,
    spread_bar,
    spread_number,
)
from tui.app.widgets.shared.actor_tags import actor_tags, tag_legend
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.core.analysis import TOO_FEW_KNOWN, Analysis, ConditionCheck, analyse, basis_caveat
from tui.core.basis import BasisFilter
from tui.core.dataset import Dataset

# Wide: the figures take this share of the width and the detail the rest.
FIGURES_SHARE = 0.62
SPREAD_WIDTH = 9  # "– 1 known"
ABSENT_WIDTH = 12
ABSENT_LINES = 2  # a row grows this far to name the actors not known; then "+N"
MIN_BAR = 31
COMPACT_TITLE = 22
# Side by side needs room for the issue titles wrapped at least this wide.
NARROWEST_TITLE = 16
WIDE_TITLE = 30
STATUS_ORDER = {"unmet": 0, "unknown": 1, "met": 2}
NAME_COLUMN = "actor-name"
# The distance grid is one column an actor: past this many it cannot be read (nor computed: the
# pairs grow with the square), so it shows the actors with the most known stances.
GRID_SIZE = 16
# A list shows this many figures, and says how many more there are and where to find them all.
LIST_LIMIT = 100
TAGS_NAMED = 24  # actors named in the tag legend
NOTES_PER_ROW = 3  # flags in one row of the starting points
# Pictures up to this many cells (actors x issues) are worked out between two frames; larger
# ones in a worker thread, while the screen keeps answering keys.
INLINE_CELLS = 5_000


@dataclass(frozen=True)
class WorkedFigures:
    """What the view draws from, worked out off the event loop when the picture is large."""

    analysis: Analysis
    tags: dict[str, str]
    caveat: str
    labels: dict[str, dict[int, list[str]]]  # issue id -> scale point -> tags standing there
    sources: Names  # what the caption cites


def work_out_figures(ds: Dataset, as_of: dt.date | None, basis: BasisFilter) -> WorkedFigures:
    analysis = analyse(ds, as_of, basis=basis, grid_size=GRID_SIZE)
    tags = actor_tags(ds, analysis.actor_ids)
    labels = {s.issue_id: point_tags(s, tags) for s in analysis.spreads}
    return WorkedFigures(analysis, tags, basis_caveat(analysis), labels, cited_names(ds, as_of))


def condition_id(check: ConditionCheck) -> str:
    return f"{check.holder.actor_id}:{check.holder.issue_id}:{check.index}"


# Summaries listed under a common-ground row; the detail lists them all.
REASONS_IN_ROW = 6


class FigureList(OptionList):
    DEFAULT_CLASSES = "gaps-figure"
    BINDINGS = [Binding("enter", "select", "Read evidence", show=True)]


class GapsView(FigureView):
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
    GapsView #gaps-figures { height: 1fr; padding: 0 1; }
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
        self._worked: WorkedFigures
        # What the figures on screen were worked out for, or are being worked out for.
        self._wanted: tuple[Dataset, dt.date | None, BasisFilter] | None = None
        self.working = False

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

    @property
    def figures_width(self) -> int:
        width = self.size.width
        return int(width * FIGURES_SHARE) if self._wide else width

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
        # The bars are fitted to the width: a new width draws them again.
        if layout_changed or self.size.width != self._drawn_width:
            self.refresh_view()

    # -- data ----------------------------------------------------------------------------------

    class FiguresReady(Message):
        """The figures worked out in the worker thread, for the event loop to draw."""

        def __init__(self, worked: WorkedFigures) -> None:
            super().__init__()
            self.worked = worked

    def refresh_view(self) -> None:
        ds = self.dataset
        if ds is None or self._wide is None:
            return
        wanted = (ds, self.as_of, self.basis)
        if self.analysis is not None and _same_picture(self._wanted, wanted):
            self._draw(self.analysis)  # a new layout, the same figures
            return
        self._wanted = wanted
        if len(ds.actors) * max(len(ds.issues), 1) <= INLINE_CELLS:
            self._show_figures(work_out_figures(ds, self.as_of, self.basis))
            return
        # A large picture: the figures on screen stay until the new ones are drawn.
        self.working = True
        self.query_one("#gaps-basis", Static).update(
            Content(f"Working out the figures for {len(ds.actors):,} actors…")
        )
        self._work_out(ds, self.as_of, self.basis)

    @work(
        thread=True,
        exclusive=True,
        group="gaps-figures",
        exit_on_error=False,
        # Named, or Textual describes the worker with the repr of its arguments: the dataset.
        description="the gap figures",
    )
    def _work_out(self, ds: Dataset, as_of: dt.date | None, basis: BasisFilter) -> None:
        worked = work_out_figures(ds, as_of, basis)
        if not get_current_worker().is_cancelled:
            self.post_message(self.FiguresReady(worked))

    @on(FiguresReady)
    def _figures_ready(self, message: FiguresReady) -> None:
        message.stop()
        analysis = message.worked.analysis
        if not self.is_attached or not _same_picture(
            self._wanted, (analysis.dataset, analysis.as_of, analysis.basis)
        ):
            return  # worked out for a picture that is no longer asked for
        self.working = False
        self._show_figures(message.worked)
        self.announce_caption()

    def _show_figures(self, worked: WorkedFigures) -> None:
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

    def _fill_spreads(self, analysis: Analysis) -> None:
        ds = analysis.dataset
        table = self.query_one("#gaps-spreads", FigureTable)
        wide = bool(self._wide)
        tags = self.tags
        # Widest first: the headline gap is the first thing read.
        spreads = sorted(
            analysis.spreads,
            key=lambda s: (
                s.spread is None,
                -(s.spread or 0),
                analysis.issue_ids.index(s.issue_id),
            ),
        )
        titles = [ds.issue_title(s.issue_id) for s in spreads]
        # What the other columns take, each with one column of padding a side, and the pane's
        # own padding and scroll bar.
        others = (SPREAD_WIDTH + 2) + (ABSENT_WIDTH + 2 if wide else 0) + 2 + 3
        room = self.figures_width - others - (MIN_BAR + 2) - 2
        title_width = column_width(titles, min(WIDE_TITLE if wide else COMPACT_TITLE, room))
        bar_room = self.figures_width - others - (title_width + 2) - 2
        labels = self._worked.labels
        axis = fit_axis(spreads, tags, max(bar_room, MIN_BAR), labels)
        saved = self._saved_row(table)
        rows = []
        for spread, title_text in zip(spreads, titles):
            title, lines = wrapped(title_text, title_width)
            bar = spread_bar(spread, tags, axis, labels[spread.issue_id])
            height = max(lines, len(bar.plain.split("\n")))
            cells = [title, bar, spread_number(spread)]
            if wide:
                absent = absent_text(spread, tags, ABSENT_WIDTH, max(height, ABSENT_LINES))
                height = max(height, len(absent.plain.split("\n")))
                cells.append(absent)
            rows.append((spread, cells, height))
        table.clear(columns=True)
        headers = [
            (Text("Issue", style="bold"), "issue"),
            (axis_header(axis), "bar"),
            (Text("Spread", style="bold"), "spread"),
        ]
        if wide:
            headers.append((Text("Not known", style="bold"), "absent"))
        for index, (label, key) in enumerate(headers):
            table.add_sized_column(label, key, [cells[index] for _, cells, _ in rows])
        for spread, cells, height in rows:
            table.add_row(*cells, key=spread.issue_id, height=height)
            self._figures[f"spread:{spread.issue_id}"] = spread
        self._restore_row(table, saved)
        legend = tag_legend(ds, tags, TAGS_NAMED)
        if any(leaves_out(cells[1]) for _, cells, _ in rows):
            legend.append(". +N on a bar: N more actors at that point (the detail lists them).")
        self.query_one("#gaps-tags", Static).update(legend)

    def _fill_distances(self, analysis: Analysis) -> None:
        ds = analysis.dataset
        table = self.query_one("#gaps-distances", FigureTable)
        tags = self.tags
        grid = analysis.grid_actor_ids
        saved = table.cursor_coordinate if table.row_count else None
        pairs = {(d.actor_a, d.actor_b): d for d in analysis.distances}
        pairs.update({(d.actor_b, d.actor_a): d for d in analysis.distances})
        names = {
            actor_id: Text.assemble(
                (tags[actor_id], "bold"), " ", safe_text(ds.actor_name(actor_id)), end=""
            )
            for actor_id in grid
        }
        room = self.figures_width - 5
        cells: dict[str, list[Text]] = {}
        for short, tagged in ((False, False), (False, True), (True, True)):
            # The richest grid that fits: names and "▒▒ 1.2 n=5", then tags (the legend above
            # names them), then "▒▒ 1.2" (the detail gives the basis).
            if not cells or short:
                cells = {
                    row_actor: [distance_cell(pairs.get((row_actor, col)), short) for col in grid]
                    for row_actor in grid
                }
            if tagged:
                names = {a: Text(tags[a], style="bold", end="") for a in grid}
            grid_width = sum(
                max(cell_width(row[index]) for row in cells.values()) + 2
                for index in range(len(grid))
            )
            if max(map(cell_width, names.values()), default=0) + 2 + grid_width <= room:
                break
        table.clear(columns=True)
        table.fixed_columns = 1
        table.add_sized_column(Text(""), NAME_COLUMN, list(names.values()))
        for index, actor_id in enumerate(grid):
            table.add_sized_column(
                Text(tags[actor_id], style="bold"),
                actor_id,
                [row[index] for row in cells.values()],
            )
        for row_actor in grid:
            table.add_row(names[row_actor], *cells[row_actor], key=row_actor)
        for d in analysis.distances:
            self._figures[f"pair:{d.actor_a}:{d.actor_b}"] = d
        for actor_id in grid:
            self._figures[f"self:{actor_id}"] = SameActor(actor_id)
        if saved is not None and table.row_count:
            table.move_cursor(
                row=min(saved.row, table.row_count - 1),
                column=min(saved.column, len(table.columns) - 1),
            )
        elif table.row_count > 1:
            table.move_cursor(row=0, column=2)  # the first pair, not an actor with itself
        note = distance_legend(bool(self._wide), short)
        if analysis.grid_left_out:
            note = Text.assemble(
                (
                    f"Among the {len(grid)} actors with the most known stances; "
                    f"{analysis.grid_left_out:,} more left out here "
                    "(peninsula export --what distances gives every pair).\n",
                    "bold",
                ),
                note,
                end="",
            )
        self.query_one("#gaps-distances-note", Static).update(note)

    def _fill_conditions(self, analysis: Analysis) -> None:
        ds = analysis.dataset
        checks = sorted(analysis.conditions, key=lambda c: STATUS_ORDER[c.status])
        options: list[Option] = []
        for check in checks[:LIST_LIMIT]:
            key = condition_id(check)
            self._figures[f"condition:{key}"] = check
            prompt = Content.assemble(status_mark(check), " ", safe(check.sentence))
            if check.blocker is not None:
                prompt += Content.assemble(
                    " — blocked by ", safe(ds.actor_name(check.blocker), "bold")
                )
            options.append(Option(prompt, id=key))
        unmet = len(analysis.unmet)
        title = f"Conditions: {unmet:,} unmet of {len(checks):,}" if checks else "Conditions"
        if len(checks) > LIST_LIMIT:
            title += f" (the first {LIST_LIMIT} shown, unmet first; export --what conditions)"
        self.query_one("#gaps-conditions-title", Static).update(title)
        self.fill_options(
            self.query_one("#gaps-conditions", FigureList),
            options,
            "No stance carries a condition.",
        )

    def _fill_common(self, analysis: Analysis) -> None:
        ds = analysis.dataset
        tags = self.tags
        options: list[Option] = []
        for common in analysis.common_ground[:LIST_LIMIT]:
            self._figures[f"common:{common.issue_id}"] = common
            who = Content(", ").join(
                Content.assemble(safe(tags.get(r.actor_id, r.actor_id), "bold"), f" {r.stance:+d}")
                for r in common.known[:TAGS_NAMED]
            )
            if len(common.known) > TAGS_NAMED:
                who += Content(f" and {len(common.known) - TAGS_NAMED:,} more")
            glyph = "▲" if common.side > 0 else "▼"
            prompt = Content.assemble(
                f"{glyph} ",
                safe(ds.issue_title(common.issue_id), "bold"),
                f": all {common.side_word}, {common.known_words} (",
                who,
                ")",
            )
            if common.conditional:
                prompt += Content.styled(" · with conditions", "italic")
            # Each stance's summary under the row, side by side: the same side is not always
            # the same reason.
            for record in common.known[:REASONS_IN_ROW]:
                prompt += Content.assemble(
                    "\n  ",
                    safe(tags.get(record.actor_id, record.actor_id), "bold"),
                    f" {record.stance:+d}: ",
                    safe(record.position.summary),
                )
            if len(common.known) > REASONS_IN_ROW:
                more = len(common.known) - REASONS_IN_ROW
                prompt += Content(f"\n  and {more:,} more (see the detail)")
            options.append(Option(prompt, id=common.issue_id))
        found = len(analysis.common_ground)
        title = f"Common ground: {found:,} issue{'s' * (found != 1)}"
        if found > LIST_LIMIT:
            title += f" (the first {LIST_LIMIT} shown)"
        self.query_one("#gaps-common-title", Static).update(title)
        self.fill_options(
            self.query_one("#gaps-common", FigureList),
            options,
            f"No issue on which at least {analysis.quorum} actors are known and all on one side.",
        )

    def _fill_ranking(self, analysis: Analysis) -> None:
        ds = analysis.dataset
        table = self.query_one("#gaps-ranking", FigureTable)
        wide = bool(self._wide)
        saved = self._saved_row(table)
        title_width = column_width(
            [ds.issue_title(p.issue_id) for p in analysis.ranking[:LIST_LIMIT]],
            WIDE_TITLE if wide else COMPACT_TITLE,
        )
        tags = self.tags
        rows = []
        for point in analysis.ranking[:LIST_LIMIT]:
            notes: list[Text] = []
            for check in point.blocked:
                holder = tags.get(check.holder.actor_id, check.holder.actor_id)
                notes.append(
                    Text.assemble(("⚑ blocked", "bold"), f": {holder}'s condition unmet", end="")
                )
            for check in point.blocking:
                blocker = tags.get(check.condition.actor, check.condition.actor)
                holder = tags.get(check.holder.actor_id, check.holder.actor_id)
                notes.append(
                    Text.assemble(
                        ("⚑ blocking", "bold"), f": {blocker}'s stance here blocks {holder}", end=""
                    )
                )
            if point.common_ground is not None:
                notes.append(Text(f"common ground: all {point.common_ground.side_word}", end=""))
            if point.too_few_known:
                notes.append(Text(f"{TOO_FEW_KNOWN} ({point.spread.known_words})", end=""))
            if len(notes) > NOTES_PER_ROW:
                more = len(notes) - NOTES_PER_ROW + 1
                notes = [*notes[: NOTES_PER_ROW - 1], Text(f"and {more:,} more flags", end="")]
            spread = point.spread
            title, lines = wrapped(ds.issue_title(point.issue_id), title_width)
            cells = [
                Text(str(point.rank), end=""),
                title,
                spread_number(spread),
                Text("\n", end="").join(notes),
            ]
            rows.append((point, cells, max(len(notes), lines, 1)))
        table.clear(columns=True)
        for index, (label, key) in enumerate(
            (("#", "rank"), ("Issue", "issue"), ("Spread", "spread"), ("Notes", "notes"))
        ):
            table.add_sized_column(
                Text(label, style="bold"), key, [cells[index] for _, cells, _ in rows]
            )
        for point, cells, height in rows:
            table.add_row(*cells, key=point.issue_id, height=height)
            self._figures[f"start:{point.issue_id}"] = point
        self._restore_row(table, saved)

    @staticmethod
    def _saved_row(table: DataTable) -> str | None:
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    @staticmethod
    def _restore_row(table: DataTable, key: str | None) -> None:
        if key is not None and key in table.rows:
            table.move_cursor(row=table.get_row_index(key), column=0)
        elif table.row_count:
            table.move_cursor(row=0, column=0)

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
            detail.show(
                None,
                [
                    Static(
                        "No figures: no issues or no actors in the data; see Problems.",
                        classes="detail-empty",
                    )
                ],
            )
            return
        detail.show(self.selected_key, figure_widgets(analysis, figure))

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
        # While a large picture is worked out, its sources are too (see work_out_figures).
        return self.bare_caption() if self.working else self.citing_caption()


def _same_picture(
    a: tuple[Dataset, dt.date | None, BasisFilter] | None,
    b: tuple[Dataset, dt.date | None, BasisFilter] | None,
) -> bool:
    # The dataset by identity: a reload is new data even when equal, and comparing two large
    # datasets field by field would cost what the worker saves.
    return a is not None and b is not None and a[0] is b[0] and a[1:] == b[1:]
