"""The step table's part of the Timeline view: the whole date columns its pane holds, the lines
on what it leaves out, and where its cursor stands (see ``step_table``)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.content import Content
from textual.widgets import DataTable, Static

from tui.app.render.safe import safe
from tui.app.render.wrap import longest_word, wrapped
from tui.app.widgets.figure_view import FigureView
from tui.app.widgets.timeline.step_table import (
    CELL_PADDING,
    NAME_COLUMNS,
    NAME_KEY,
    StepTable,
    fit_window,
    window_hint,
)
from tui.app.widgets.timeline.steps import Step
from tui.app.widgets.timeline.worked import TimelineFigures
from tui.core.dataset import Dataset

FIGURES_SHARE = 0.55  # wide: the figures' share of the width (see the CSS), the detail the rest


class StepsPanel(FigureView):
    """Fills the step table from the worked-out figures, at the width the view has."""

    dates: list[dt.date]
    hidden_dates: int
    earlier_dates: int
    row_actors: list[str]
    actors_left_out: int
    _steps: dict[tuple[str, dt.date], Step]
    _figures: TimelineFigures | None
    # The dates whose columns the step table shows, [start, end) of ``dates``; where the reader
    # moved that window, if they did (see StepTable); the width it was fitted to.
    window: tuple[int, int] = (0, 0)
    _anchor: tuple[Literal["start", "end"], int] | None = None
    _fitted_width: int | None = None

    def steps_room(self) -> int:
        """The width the step table has: its pane's share of the view's (see FIGURES_SHARE),
        less the view's and the pane's padding, the scroll bar, and a column for rounding the
        share. Worked out from the view's size, which a resize gives before the pane is laid
        out again."""
        width = self.size.width
        pane = int(width * FIGURES_SHARE) - 1 if self._wide else width - 1
        return pane - 5

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
        room = self.steps_room()
        names, name_width = self._names(ds, figures, room, widest_date=0)
        start, end = fit_window(
            figures.widths,
            room - name_width,
            self._anchor,
            keep=self._latest_change()[1] if self._anchor is None else None,
        )
        if name_width + sum(figures.widths[start:end]) > room:
            # One date and the names leave it no room: the names wrap further.
            names, name_width = self._names(ds, figures, room, widest_date=figures.widths[start])
        self.window = (start, end)
        table.dates_before, table.dates_after = start, len(self.dates) - end
        hint.update(window_hint(table.dates_before, table.dates_after))
        hint.display = bool(table.dates_before or table.dates_after)
        shown = self.dates[start:end]
        table.add_column(Text(""), key=NAME_KEY, width=name_width - 2 * CELL_PADDING)
        for index in range(start, end):
            date = self.dates[index]
            table.add_column(
                Text(date.isoformat(), style="bold"),
                key=date.isoformat(),
                width=figures.widths[index] - 2 * CELL_PADDING,
            )
        for actor_id in self.row_actors:
            name, lines = names[actor_id]
            table.add_row(
                name,
                *(figures.cells[(actor_id, date)] for date in shown),
                key=actor_id,
                height=lines,
            )
        self._restore_cursor(table, saved)

    def _names(
        self, ds: Dataset, figures: TimelineFigures, room: int, widest_date: int
    ) -> tuple[dict[str, tuple[Text, int]], int]:
        """The actors' names as the first column draws them, with their lines, and the column's
        width (padding included): whole on one line while they take no more than half the
        room (and leave ``widest_date`` its own), else wrapped between words, a word never cut."""
        names = {actor_id: (figures.names[actor_id], 1) for actor_id in figures.row_actors}
        cap = min(room // 2, room - widest_date) if widest_date else room // 2
        if figures.name_width <= cap:
            return names, figures.name_width
        raw = [ds.actor_name(actor_id) for actor_id in figures.row_actors]
        width = max(cap - 2 * CELL_PADDING, longest_word(raw), 1)
        actors = figures.row_actors
        names = {actor_id: wrapped(name, width, "bold") for actor_id, name in zip(actors, raw)}
        drawn = max(
            (cell_len(line) for text, _ in names.values() for line in text.plain.split("\n")),
            default=0,
        )
        return names, drawn + 2 * CELL_PADDING

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
