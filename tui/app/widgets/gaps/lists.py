"""The five figure lists of the Gaps view, filled from the worked-out figures: the spreads as
bars, the distance grid, the conditions, the common ground and the starting points for talks.
Each shows what a screen holds (a list's first figures, a bar's first tags) and counts the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from rich.text import Text
from textual.content import Content
from textual.widgets import DataTable, Static
from textual.widgets.option_list import Option

from tui.app.render.safe import safe, safe_text
from tui.app.render.wrap import column_width, wrap_lines, wrapped
from tui.app.widgets.figure_view import FigureView
from tui.app.widgets.gaps.detail import Figure, SameActor, status_mark
from tui.app.widgets.gaps.figure_table import FigureList, FigureTable, cell_width
from tui.app.widgets.gaps.figures import (
    absent_text,
    axis_header,
    distance_cell,
    distance_legend,
    fit_axis,
    leaves_out,
    spread_bar,
    spread_number,
)
from tui.app.widgets.gaps.worked import WorkedFigures
from tui.app.widgets.shared.actor_tags import tag_legend
from tui.core.analysis import TOO_FEW_KNOWN, Analysis, ConditionCheck, StartingPoint

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
# A list shows this many figures, and says how many more there are and where to find them all.
LIST_LIMIT = 100
TAGS_NAMED = 24  # actors named in the tag legend
NOTES_PER_ROW = 3  # flags in one row of the starting points
MIN_NOTES = 16  # the narrowest the notes of a starting point wrap to

# Summaries listed under a common-ground row; the detail lists them all.
REASONS_IN_ROW = 6


def _note(head: str, rest: str, width: int) -> Text:
    """A flag of a starting point wrapped between words to ``width``, its head in bold."""
    text = Text("\n".join(wrap_lines(head + rest, width)), end="")
    text.stylize("bold", 0, len(head))
    return text


def condition_id(check: ConditionCheck) -> str:
    return f"{check.holder.actor_id}:{check.holder.issue_id}:{check.index}"


class GapsLists(FigureView):
    """The Gaps view's lists (see ``GapsView``), each filled from the worked-out figures at the
    width the view has; every figure listed is kept in ``_figures`` under the key its list's
    cursor gives."""

    _figures: dict[str, Figure]
    _worked: WorkedFigures
    tags: dict[str, str]

    @property
    def figures_width(self) -> int:
        width = self.size.width
        return int(width * FIGURES_SHARE) if self._wide else width

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
        ranks = [str(point.rank) for point in analysis.ranking[:LIST_LIMIT]]
        # The notes wrap between words in what the other columns leave of the pane.
        others = (max(map(len, ranks), default=1) + 2) + (title_width + 2) + (SPREAD_WIDTH + 2)
        notes_width = max(self.figures_width - 5 - others - 2, MIN_NOTES)
        rows = []
        for rank, point in zip(ranks, analysis.ranking[:LIST_LIMIT]):
            flags = list(islice(self._flags(point), NOTES_PER_ROW + 1))
            if len(flags) > NOTES_PER_ROW:
                total = len(point.blocked) + len(point.blocking)
                total += (point.common_ground is not None) + bool(point.too_few_known)
                more = total - NOTES_PER_ROW + 1
                flags = [*flags[: NOTES_PER_ROW - 1], ("", f"and {more:,} more flags")]
            notes = [_note(head, rest, notes_width) for head, rest in flags]
            title, lines = wrapped(ds.issue_title(point.issue_id), title_width)
            cells = [
                Text(rank, end=""),
                title,
                spread_number(point.spread),
                Text("\n", end="").join(notes),
            ]
            height = sum(len(note.plain.split("\n")) for note in notes)
            rows.append((point, cells, max(height, lines, 1)))
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

    def _flags(self, point: StartingPoint) -> Iterator[tuple[str, str]]:
        """What a starting point's row flags, as (bold head, rest), one at a time: a point may
        hold thousands of conditions, and a row shows a few."""
        tags = self.tags
        for check in point.blocked:
            holder = tags.get(check.holder.actor_id, check.holder.actor_id)
            yield "⚑ blocked", f": {holder}'s condition unmet"
        for check in point.blocking:
            blocker = tags.get(check.condition.actor, check.condition.actor)
            holder = tags.get(check.holder.actor_id, check.holder.actor_id)
            yield "⚑ blocking", f": {blocker}'s stance here blocks {holder}"
        if point.common_ground is not None:
            yield "", f"common ground: all {point.common_ground.side_word}"
        if point.too_few_known:
            yield "", f"{TOO_FEW_KNOWN} ({point.spread.known_words})"

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
