"""One issue through time: each actor's stance at every date with data, as steps, and what
changed between the previous date with data and the as-of date, each with its evidence."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import DataTable, Label, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.messages import SubjectSelected
from tui.app.render.caption import Caption
from tui.app.render.safe import safe, safe_text
from tui.app.widgets.figure_view import FigureView
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.app.widgets.shared.scale_legend import scale_legend
from tui.app.widgets.timeline.detail import change_prompt, change_widgets, step_widgets
from tui.app.widgets.timeline.step_table import (
    CELL_PADDING,
    NAME_COLUMNS,
    NAME_KEY,
    StepTable,
    fit_window,
    window_hint,
)
from tui.app.widgets.timeline.steps import Step, legend, stance_chart
from tui.app.widgets.timeline.worked import TimelineFigures, work_out_timeline
from tui.core.dataset import Change, Dataset

FIGURES_SHARE = 0.55  # wide: the figures' share of the width (see the CSS), the detail the rest
MAX_CHANGES = 100  # what changed: listed up to this many, then counted
# Records up to this many stances are worked out between two frames; larger ones in a worker
# thread, while the screen keeps answering keys.
INLINE_STANCES = 5_000


class ChangeList(OptionList):
    BINDINGS = [Binding("enter", "select", "Read evidence", show=True)]


class TimelineView(FigureView):
    VIEW_ID = "timeline"
    TITLE = "Timeline"
    TARGET = "issue"
    FIGURE_LISTS = (StepTable, ChangeList)
    KEY_HELP = [
        ("arrows", "move across dates and actors: the stance in force that day and its evidence"),
        ("tab / shift+tab", "move between the issue picker, the steps and what changed"),
        ("[ / ]", "step the as-of date: the timeline stops there, and what changed follows"),
        ("enter", "into the detail, to scroll it; escape: back"),
    ]

    DEFAULT_CSS = """
    TimelineView #timeline-main { height: 1fr; }
    TimelineView.-compact #timeline-main { layout: vertical; }
    TimelineView.-wide #timeline-main { layout: horizontal; }
    TimelineView #timeline-figures { height: 1fr; padding: 0 1; }
    TimelineView.-wide #timeline-figures { width: 55%; }  /* FIGURES_SHARE */
    TimelineView .timeline-note { color: $text-muted; }
    /* Wide, the chart fills the pane beside the detail; narrow, the table says it all. */
    TimelineView.-compact .-wide-only { display: none; }
    TimelineView StepTable { height: auto; }
    TimelineView ChangeList { height: auto; }
    TimelineView #timeline-detail { height: 1fr; padding: 0 1; }
    TimelineView.-compact #timeline-detail { height: 45%; border-top: solid $primary 50%; }
    TimelineView.-wide #timeline-detail {
        width: 1fr; border-left: solid $primary 50%; padding: 0 2;
    }
    TimelineView.-compact #timeline-detail:focus { border-top: solid $accent; }
    TimelineView.-wide #timeline-detail:focus { border-left: solid $accent; }
    """

    issue_id: reactive[str | None] = reactive(None, init=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.dates: list[dt.date] = []
        self.hidden_dates = 0
        self.earlier_dates = 0  # dates before the first column, left out of the table
        self.row_actors: list[str] = []
        self.actors_left_out = 0
        self._wanted: tuple[Dataset, dt.date | None, str | None] | None = None
        self.working = False
        self.span: tuple[dt.date | None, dt.date] | None = None
        self.changes: dict[str, Change] = {}
        self._steps: dict[tuple[str, dt.date], Step] = {}
        self._shown_issue: str | None = None
        self._figures: TimelineFigures | None = None  # what the table and changes show
        # The dates whose columns the step table shows, [start, end) of ``dates``; where the
        # reader moved that window, if they did (see StepTable); the width it was fitted to.
        self.window: tuple[int, int] = (0, 0)
        self._anchor: tuple[Literal["start", "end"], int] | None = None
        self._fitted_width: int | None = None
        # selected_key: "step:ACTOR:DATE" or "change:ACTOR"

    def compose(self) -> ComposeResult:
        with Horizontal(classes="subject-bar"):
            yield Label("Issue", classes="subject-label")
            yield Select(
                [],
                allow_blank=True,
                prompt="none",
                compact=True,
                classes="subject-select",
                id="timeline-issue",
            )
        with Horizontal(id="timeline-main"):
            with VerticalScroll(id="timeline-figures"):
                yield Static(
                    "Stances over time", classes="section-title -first", id="timeline-steps-title"
                )
                yield Static("", id="timeline-window", classes="timeline-note")
                yield StepTable(id="timeline-steps", cursor_type="cell", fixed_columns=NAME_COLUMNS)
                yield Static(legend(), classes="timeline-note")
                yield Static("", id="timeline-hidden", classes="timeline-note")
                yield Static(
                    "Where each actor stands, date by date",
                    classes="section-title -wide-only",
                )
                yield Static("", id="timeline-chart", classes="-wide-only")
                yield Static("What changed", classes="section-title", id="timeline-changes-title")
                yield ChangeList(id="timeline-changes", compact=True)
                yield Static("", id="timeline-elsewhere", classes="timeline-note")
                yield Static("What the numbers mean", classes="section-title")
                yield Static("", id="timeline-scale")
            yield FigureDetail(id="timeline-detail")

    # -- layout --------------------------------------------------------------------------------

    def after_resize(self, layout_changed: bool) -> None:
        # The step table holds as many whole dates as its pane: a new width fits them again.
        figures = self._figures
        if figures is not None and self.size.width != self._fitted_width:
            with self.app.batch_update():
                self._fill_steps(figures.dataset, figures, keep_cursor=True)
        self._fill_chart()

    def steps_room(self) -> int:
        """The width the step table has: its pane's (see FIGURES_SHARE), less the pane's
        padding and scroll bar, and a column for rounding the share."""
        width = self.size.width
        pane = int(width * FIGURES_SHARE) - 1 if self._wide else width
        return pane - 2 - 2

    # -- data ----------------------------------------------------------------------------------

    def watch_issue_id(self) -> None:
        self._refresh_and_announce()

    class FiguresReady(Message):
        """The timeline worked out in the worker thread, for the event loop to draw."""

        def __init__(self, figures: TimelineFigures) -> None:
            super().__init__()
            self.figures = figures

    def refresh_view(self) -> None:
        ds = self.dataset
        if ds is None:
            return
        select = self.query_one("#timeline-issue", Select)
        options = [(safe_text(issue.title), issue.id) for issue in ds.issues.values()]
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.issue_id in ds.issues:
                select.value = self.issue_id
        issue_id = self.issue_id if self.issue_id in ds.issues else None
        self._wanted = (ds, self.as_of, issue_id)
        if len(ds.stances) <= INLINE_STANCES:
            self._draw(work_out_timeline(ds, self.as_of, issue_id))
            return
        # A large record: what is on screen stays until the new timeline is drawn.
        self.working = True
        self.query_one("#timeline-steps-title", Static).update(
            f"Stances over time: working through {len(ds.stances):,} stances…"
        )
        self._work_out(ds, self.as_of, issue_id)

    @work(
        thread=True,
        exclusive=True,
        group="timeline-figures",
        exit_on_error=False,
        # Named, or Textual describes the worker with the repr of its arguments: the dataset.
        description="the timeline",
    )
    def _work_out(self, ds: Dataset, as_of: dt.date | None, issue_id: str | None) -> None:
        figures = work_out_timeline(ds, as_of, issue_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.FiguresReady(figures))

    @on(FiguresReady)
    def _figures_ready(self, message: FiguresReady) -> None:
        message.stop()
        figures = message.figures
        wanted = self._wanted
        if (
            not self.is_attached
            or wanted is None
            or wanted[0] is not figures.dataset
            or wanted[1:] != (figures.as_of, figures.issue_id)
        ):
            return  # worked out for a timeline that is no longer asked for
        self.working = False
        if figures.issue_id is not None:
            self.keep_cited(
                figures.dataset,
                figures.as_of,
                figures.sources,
                issue_id=figures.issue_id,
                through_time=True,
            )
        self._draw(figures)
        self.announce_caption()

    def _draw(self, figures: TimelineFigures) -> None:
        ds = figures.dataset
        issue_id = figures.issue_id
        same_issue = issue_id == self._shown_issue
        if not same_issue:
            self.selected_key = None
        self._shown_issue = issue_id
        # New figures start on the latest dates again (the reader's window was for the old).
        self._figures, self._anchor = figures, None
        with self.app.batch_update():
            self._fill_steps(ds, figures, keep_cursor=same_issue)
            self._fill_chart()
            self._fill_changes(ds, figures)
            self._fill_scale(ds, issue_id)
        self.show_detail()

    def _fill_steps(
        self,
        ds: Dataset,
        figures: TimelineFigures,
        keep_cursor: bool,
        cursor: tuple[str, str] | None = None,
    ) -> None:
        table = self.query_one("#timeline-steps", StepTable)
        # Another issue starts where a reader would (see _latest_change): the cell the cursor
        # was on belongs to the last issue, and here it may well be empty.
        saved = cursor or (self._cursor_key(table) if keep_cursor else None)
        table.clear(columns=True)
        issue_id = figures.issue_id
        self._steps = figures.steps
        self.dates, self.hidden_dates = figures.dates, figures.hidden_dates
        self.earlier_dates = figures.earlier_dates
        self.row_actors, self.actors_left_out = figures.row_actors, figures.actors_left_out
        self._fitted_width = self.size.width
        self._fill_notes()
        hint = self.query_one("#timeline-window", Static)
        if issue_id is None or not self.dates:
            self.query_one("#timeline-steps-title", Static).update(
                "Stances over time: no dated stances"
            )
            self.window = (0, 0)
            table.dates_before = table.dates_after = 0
            hint.display = False
            return
        self.query_one("#timeline-steps-title", Static).update(
            Content.assemble("Stances over time on ", safe(ds.issue_title(issue_id), "bold"))
        )
        start, end = fit_window(
            figures.widths,
            self.steps_room() - figures.name_width,
            self._anchor,
            keep=self._latest_change()[1] if self._anchor is None else None,
        )
        self.window = (start, end)
        table.dates_before, table.dates_after = start, len(self.dates) - end
        hint.update(window_hint(table.dates_before, table.dates_after))
        hint.display = bool(table.dates_before or table.dates_after)
        shown = self.dates[start:end]
        table.add_column(Text(""), key=NAME_KEY, width=figures.name_width - 2 * CELL_PADDING)
        for index in range(start, end):
            date = self.dates[index]
            table.add_column(
                Text(date.isoformat(), style="bold"),
                key=date.isoformat(),
                width=figures.widths[index] - 2 * CELL_PADDING,
            )
        for actor_id in self.row_actors:
            table.add_row(
                figures.names[actor_id],
                *(figures.cells[(actor_id, date)] for date in shown),
                key=actor_id,
            )
        self._restore_cursor(table, saved)

    def _fill_notes(self) -> None:
        """What the table leaves out, and how to reach it."""
        hidden = self.query_one("#timeline-hidden", Static)
        notes = []
        if self.earlier_dates:
            noun = "date" if self.earlier_dates == 1 else "dates"
            notes.append(
                f"The latest {len(self.dates)} dates shown; {self.earlier_dates:,} earlier {noun} "
                "with data: [ steps back."
            )
        if self.hidden_dates:
            noun = "date" if self.hidden_dates == 1 else "dates"
            notes.append(
                f"{self.hidden_dates:,} later {noun} with data on this issue not shown: "
                "] steps forward."
            )
        if self.actors_left_out:
            notes.append(
                f"{len(self.row_actors)} actors shown, those first in the catalogue with a stance "
                f"here; {self.actors_left_out:,} more in the Actor and Issue views."
            )
        hidden.update("\n".join(notes))
        hidden.display = bool(notes)

    @on(StepTable.PastEdge)
    def _move_window(self, event: StepTable.PastEdge) -> None:
        """A date further on, as the cursor was pushed past the edge: the window moves to it."""
        event.stop()
        figures, row = self._figures, self._cursor_key(event.table)
        start, end = self.window
        index = start - 1 if event.step < 0 else end
        if figures is None or row is None or not 0 <= index < len(self.dates):
            return
        self._anchor = ("start", index) if event.step < 0 else ("end", index)
        cursor = (row[0], self.dates[index].isoformat())
        with self.app.batch_update():
            self._fill_steps(figures.dataset, figures, keep_cursor=True, cursor=cursor)

    def _fill_chart(self) -> None:
        ds = self.dataset
        chart = self.query_one("#timeline-chart", Static)
        if ds is None or not self._wide or not self.dates:
            chart.update("")
            return
        row_steps = {
            actor_id: [self._steps[(actor_id, date)] for date in self.dates]
            for actor_id in self.row_actors
        }
        if not row_steps:
            chart.update("")
            return
        # The pane's share of the width, less its padding and scroll bar.
        width = int(self.size.width * FIGURES_SHARE) - 4
        text, left_out = stance_chart(row_steps, actor_tags(ds, self.row_actors), width)
        if left_out:
            noun = "date" if left_out == 1 else "dates"
            text.append(f"\nThe {left_out} earlier {noun}: in the table above.", style="dim")
        chart.update(text)

    def _cursor_key(self, table: DataTable) -> tuple[str, str] | None:
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(key.row_key.value), str(key.column_key.value)

    def _restore_cursor(self, table: StepTable, saved: tuple[str, str] | None) -> None:
        if not table.row_count:
            return
        columns = [str(c.value) for c in table.columns]
        if saved is not None and saved[0] in table.rows:
            row = table.get_row_index(saved[0])
            # A date stepped past keeps the cursor on the row, at the last date shown.
            column = columns.index(saved[1]) if saved[1] in columns else len(columns) - 1
        else:
            row, index = self._latest_change()
            start, end = self.window
            column = NAME_COLUMNS + max(0, min(index, end - 1) - start)
        table.move_cursor(row=row, column=column, scroll=False)
        # Scrolled into view from the left once the widths are known (see StepTable), and once
        # more after the next refresh, for a refill that leaves the table's sizes as they were.
        self.call_after_refresh(table.show_cursor_from_left)

    def _latest_change(self) -> tuple[int, int]:
        """The row and the date (an index of ``dates``) of the most recent change: where a
        reader starts. With none, the first actor with a stance on the last date; never an
        empty cell while the issue has a stance."""
        actors = self.row_actors
        last = max(len(self.dates) - 1, 0)
        for index in range(len(self.dates) - 1, -1, -1):
            for row, actor_id in enumerate(actors):
                step = self._steps.get((actor_id, self.dates[index]))
                if step is not None and step.changed:
                    return row, index
        for row, actor_id in enumerate(actors):
            step = self._steps.get((actor_id, self.dates[last])) if self.dates else None
            if step is not None and step.record is not None:
                return row, last
        return 0, last

    def _fill_changes(self, ds: Dataset, figures: TimelineFigures) -> None:
        title = self.query_one("#timeline-changes-title", Static)
        elsewhere = self.query_one("#timeline-elsewhere", Static)
        self.changes = {}
        self.span = figures.span
        if figures.issue_id is None or figures.span is None:
            title.update("What changed")
            elsewhere.update("")
            self._set_changes([], "No dated stances.")
            return
        start, end = figures.span
        here = figures.here
        if start is None:
            heading = f"What changed: {end.isoformat()} is the first date with data"
        else:
            heading = f"What changed between {start.isoformat()} and {end.isoformat()}"
        if len(here) > MAX_CHANGES:
            heading += (
                f": {len(here):,} changes, the first {MAX_CHANGES} listed "
                "(export --what changes lists all)"
            )
        title.update(heading)
        options = []
        for change in here[:MAX_CHANGES]:
            self.changes[change.actor_id] = change
            options.append(Option(change_prompt(ds, change), id=change.actor_id))
        self._set_changes(options, "Nothing changed on this issue.")
        if figures.others:
            listed = Content(", ").join(
                Content.assemble(safe(ds.issue_title(i)), f" {n}")
                for i, n in figures.others.items()
            )
            elsewhere.update(Content.assemble("Also changed on other issues: ", listed))
        else:
            elsewhere.update("No other issue changed.")

    def _fill_scale(self, ds: Dataset, issue_id: str | None) -> None:
        """The proposition and the issue's own words for each point of the scale."""
        scale = self.query_one("#timeline-scale", Static)
        issue = ds.issues.get(issue_id) if issue_id is not None else None
        if issue is None:
            scale.update("")
            return
        scale.update(scale_legend(issue))

    def _set_changes(self, options: list[Option], empty: str) -> None:
        self.fill_options(self.query_one("#timeline-changes", ChangeList), options, empty)

    # -- detail --------------------------------------------------------------------------------

    def figure_key(self, widget: Widget) -> str | None:
        if isinstance(widget, StepTable) and widget.row_count:
            actor_id, date = self._cursor_key(widget) or ("", "")
            return f"step:{actor_id}:{date}"
        if isinstance(widget, ChangeList):
            option = widget.highlighted_option
            if option is not None and option.id is not None:
                return f"change:{option.id}"
        return None

    def show_detail(self) -> None:
        detail = self.detail
        ds = self.dataset
        if ds is None or self._shown_issue is None or not self.dates:
            detail.show(None, [Static("No dated stances on this issue.", classes="detail-empty")])
            return
        key = self.selected_key
        if key is None or self._widgets_for(ds, key) is None:
            key = self.figure_key(self.query_one("#timeline-steps", StepTable))
            self.selected_key = key
        widgets = self._widgets_for(ds, key) if key else None
        detail.show(key, widgets or [])

    def _widgets_for(self, ds: Dataset, key: str) -> list[Widget] | None:
        kind, _, rest = key.partition(":")
        issue_id = self._shown_issue
        assert issue_id is not None
        if kind == "step":
            actor_id, _, date_text = rest.partition(":")
            try:
                date = dt.date.fromisoformat(date_text)
            except ValueError:
                return None
            step = self._steps.get((actor_id, date))
            return None if step is None else step_widgets(ds, issue_id, step)
        if kind == "change":
            change = self.changes.get(rest)
            if change is None or self.span is None:
                return None
            return change_widgets(ds, issue_id, change, self.span)
        return None

    # -- events --------------------------------------------------------------------------------

    @on(Select.Changed, "#timeline-issue")
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        if event.value != Select.NULL and event.value != self.issue_id:
            self.post_message(SubjectSelected("issue", str(event.value)))

    def focus_default(self, scroll_visible: bool = False) -> None:
        self.query_one("#timeline-steps", StepTable).focus(scroll_visible=scroll_visible)

    # -- caption -------------------------------------------------------------------------------

    def caption(self) -> Caption | Content:
        ds, issue_id = self.dataset, self.issue_id
        # While a large record is worked out, its sources are too (see work_out_timeline).
        if ds is None or issue_id is None or issue_id not in ds.issues or self.working:
            return self.bare_caption()
        # The timeline shows the record through time: what it cites includes earlier stances.
        return self.citing_caption(
            safe(ds.issue_title(issue_id)), issue_id=issue_id, through_time=True
        )
