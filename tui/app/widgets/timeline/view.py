"""One issue through time: each actor's stance at every date with data, as steps, and what
changed between the previous date with data and the as-of date, each with its evidence."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tui.app.messages import SubjectSelected
from tui.app.render.caption import Caption
from tui.app.render.safe import safe, safe_text
from tui.app.widgets.document import Block, block
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.app.widgets.shared.scale_legend import scale_legend
from tui.app.widgets.timeline.detail import change_blocks, change_prompt, step_blocks
from tui.app.widgets.timeline.step_table import (
    NAME_COLUMNS,
    StepTable,
)
from tui.app.widgets.timeline.steps import Step, legend, stance_chart
from tui.app.widgets.timeline.steps_panel import FIGURES_SHARE, StepsPanel
from tui.app.widgets.timeline.worked import TimelineFigures, work_out_timeline
from tui.core.dataset import Change, Dataset

MAX_CHANGES = 100  # what changed: listed up to this many, then counted
# Records up to this many stances are worked out between two frames; larger ones in a worker
# thread, while the screen keeps answering keys. At 6,000 the work is about 50 ms (the large
# generated tree's 5,090 stances, or one issue's 6,000 dates), under the 100 ms a key may wait;
# a worker costs the first open a frame that says it is working and a second, full redraw.
INLINE_STANCES = 6_000


class ChangeList(OptionList):
    BINDINGS = [Binding("enter", "select", "Read evidence", show=True)]


class TimelineView(StepsPanel):
    VIEW_ID = "timeline"
    TITLE = "Timeline"
    TARGET = "issue"
    FIGURE_LISTS = (StepTable, ChangeList)
    KEY_HELP = [
        ("arrows", "move across dates and actors: the stance in force that day and its evidence"),
        ("← / → at the edge", "bring in the dates the screen has no room for, one at a time"),
        ("tab / shift+tab", "move between the issue picker, the steps and what changed"),
        ("[ / ]", "step the as-of date: the timeline stops there, and what changed follows"),
        ("enter", "into the detail, to scroll it; escape: back"),
    ]

    DEFAULT_CSS = """
    TimelineView #timeline-main { height: 1fr; }
    TimelineView.-compact #timeline-main { layout: vertical; }
    TimelineView.-wide #timeline-main { layout: horizontal; }
    /* The scroll bar's room kept, so that its coming once the figures are in does not narrow
       the pane and fit the table's dates again. */
    TimelineView #timeline-figures { height: 1fr; padding: 0 1; scrollbar-gutter: stable; }
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
        self.span: tuple[dt.date | None, dt.date] | None = None
        self.changes: dict[str, Change] = {}
        self._steps: dict[tuple[str, dt.date], Step] = {}
        self._shown_issue: str | None = None
        self._figures: TimelineFigures | None = None  # what the table and changes show
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

    # -- data ----------------------------------------------------------------------------------

    def watch_issue_id(self) -> None:
        self._refresh_and_announce()

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
        if len(ds.stances) > INLINE_STANCES:
            # A large record: what is on screen stays until the new timeline is drawn.
            self.query_one("#timeline-steps-title", Static).update(
                f"Stances over time: working through {len(ds.stances):,} stances…"
            )
        as_of = self.as_of
        self.work_out(
            (ds, as_of, issue_id),
            lambda: work_out_timeline(ds, as_of, issue_id),
            inline=len(ds.stances) <= INLINE_STANCES,
        )

    def figures_ready(self, figures: TimelineFigures) -> None:
        if figures.issue_id is not None:
            self.keep_cited(
                figures.dataset,
                figures.as_of,
                figures.sources,
                issue_id=figures.issue_id,
                through_time=True,
            )
        self._draw(figures)

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
            detail.show_figure(None, [block("detail-empty", "No dated stances on this issue.")])
            return
        key = self.selected_key
        if key is None or self._blocks_for(ds, key) is None:
            key = self.figure_key(self.query_one("#timeline-steps", StepTable))
            self.selected_key = key
        blocks = self._blocks_for(ds, key) if key else None
        detail.show_figure(key, blocks or [])

    def _blocks_for(self, ds: Dataset, key: str) -> list[Block] | None:
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
            return None if step is None else step_blocks(ds, issue_id, step)
        if kind == "change":
            change = self.changes.get(rest)
            if change is None or self.span is None:
                return None
            return change_blocks(ds, issue_id, change, self.span)
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
        # The sources are worked out with the figures (see work_out_timeline).
        if (
            ds is None
            or issue_id is None
            or issue_id not in ds.issues
            or not self.shows_figures_of((ds, self.as_of, issue_id))
        ):
            return self.bare_caption()
        # The timeline shows the record through time: what it cites includes earlier stances.
        return self.citing_caption(
            safe(ds.issue_title(issue_id)), issue_id=issue_id, through_time=True
        )
