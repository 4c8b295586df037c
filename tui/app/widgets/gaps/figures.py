"""The gap figures drawn as text: spread bars on a -2..+2 axis and shaded distances.

Everything here reads without colour: a bar places each actor's initials at its point on the
axis, a distance cell carries its number, a shading glyph and the number of issues it rests on.
Colour (the stance palette) only repeats what the position and the glyphs already say.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

from tui.app.render.palette import badge_style
from tui.core.analysis import IssueSpread, PairDistance
from tui.core.dataset import Dataset
from tui.core.sanitize import clean
from tui.core.stances import number

POINTS = (-2, -1, 0, 1, 2)
MIN_SLOT = 6
MAX_SLOT = 14
# A crowded point stacks its tags over at most this many lines, the last ending "+N" for the
# actors left over: a bar's height, and the work of laying it out, stay bounded whatever the
# number of actors (the detail lists every stance).
MAX_STACK = 3
MORE = "+"  # what starts the count of the tags left over; no tag has it (see actor_tags)

AXIS = "─"
TICK = "┼"
SPAN = "━"
THIN_STYLE = "dim italic"

# Distance is 0 (same stances) to 4 (opposite ends of the scale); one glyph per band.
SHADES = ((0.0, "  "), (1.0, "░░"), (2.0, "▒▒"), (3.0, "▓▓"), (4.0, "██"))


# -- spread bars ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Axis:
    """Where the scale points fall in a bar: ``slot`` columns apart, ``pad`` columns of margin."""

    slot: int
    pad: int

    def x(self, point: int) -> int:
        return self.pad + (point + POINTS[-1]) * self.slot

    @property
    def width(self) -> int:
        return self.x(POINTS[-1]) + self.pad + 1


def point_tags(spread: IssueSpread, tags: dict[str, str]) -> dict[int, list[str]]:
    """Scale point -> the tags of the actors standing there, actor order."""
    at: dict[int, list[str]] = {}
    for record in spread.known:
        assert record.stance is not None
        at.setdefault(record.stance, []).append(tags.get(record.actor_id, record.actor_id))
    return at


def stack(names: list[str], limit: int, most: int | None = None) -> list[str]:
    """The tags at one point as lines of at most ``limit`` cells, every tag whole: a crowded
    point stacks its tags over several lines rather than fold them into "KJU+2". With ``most``,
    no more than that many lines, the last ending "+N" for the tags that did not fit; only the
    tags shown are looked at."""
    lines: list[list[str]] = []
    widths: list[int] = []
    for index, name in enumerate(names):
        width = cell_len(name)
        if lines and widths[-1] + 1 + width <= limit:
            lines[-1].append(name)
            widths[-1] += 1 + width
        elif most is not None and len(lines) >= most:
            return [" ".join(line) for line in _end_with_more(lines, len(names) - index, limit)]
        else:
            lines.append([name])
            widths.append(width)
    return [" ".join(line) for line in lines]


def _end_with_more(lines: list[list[str]], left: int, limit: int) -> list[list[str]]:
    """The last line's tags, less as many as "+N" needs room for (N counting them too)."""
    last = lines[-1]
    while last:
        more = f"{MORE}{left}"
        if cell_len(" ".join([*last, more])) <= limit:
            break
        last.pop()
        left += 1
    last.append(f"{MORE}{left}")
    return lines


def leaves_out(bar: Text) -> bool:
    """Whether a spread bar counts tags it could not show."""
    return MORE in bar.plain


def _joined_width(names: list[str], cap: int) -> int:
    """The width of the names joined by spaces, counted no further than ``cap``: a point where
    thousands of actors stand is wider than any slot either way."""
    width = -1
    for name in names:
        width += 1 + cell_len(name)
        if width >= cap:
            return cap
    return max(width, 0)


def fit_axis(
    spreads: list[IssueSpread],
    tags: dict[str, str],
    budget: int,
    labels: dict[str, dict[int, list[str]]] | None = None,
) -> Axis:
    """The roomiest axis that fits ``budget`` columns and keeps neighbouring labels apart.
    ``labels``: each spread's ``point_tags``, when already worked out."""
    at_points = [labels[s.issue_id] if labels is not None else point_tags(s, tags) for s in spreads]
    widest = max((_joined_width(n, MAX_SLOT) for at in at_points for n in at.values()), default=2)
    # Only the labels at the ends of the scale reach past it.
    ends = max(
        (
            _joined_width(at[p], MAX_SLOT)
            for at in at_points
            for p in (POINTS[0], POINTS[-1])
            if p in at
        ),
        default=2,
    )
    pad = max(1, (min(ends, MAX_SLOT) + 1) // 2)
    room = (budget - 2 * pad - 1) // 4
    slot = max(MIN_SLOT, min(widest + 2, MAX_SLOT, room))
    return Axis(slot=slot, pad=pad)


def axis_header(axis: Axis) -> Text:
    """The scale numbers centred over their points."""
    line = [" "] * axis.width
    for point in POINTS:
        label = number(point)
        start = axis.x(point) - (len(label) - 1) // 2
        for offset, char in enumerate(label):
            line[start + offset] = char
    return Text("".join(line).rstrip(), end="")


def spread_bar(
    spread: IssueSpread,
    tags: dict[str, str],
    axis: Axis,
    at: dict[int, list[str]] | None = None,
) -> Text:
    """One issue on the axis: a heavy line from the lowest to the highest known stance, and each
    actor's tag centred on its point, on the stance's colour. Where a point holds more tags than
    fit between its neighbours, the rest go on lines below, under the same point. ``at``: the
    spread's ``point_tags``, when already worked out."""
    # A label no wider than a slot less one never reaches its neighbour's.
    limit = max(axis.slot - 1, 2)
    at = at if at is not None else point_tags(spread, tags)
    stacks = {point: stack(names, limit, MAX_STACK) for point, names in sorted(at.items())}
    height = max((len(lines) for lines in stacks.values()), default=1)
    rows = []
    for line in range(height):
        chars = [" "] * axis.width
        styles = [""] * axis.width
        if line == 0:
            for col in range(axis.x(POINTS[0]), axis.x(POINTS[-1]) + 1):
                chars[col], styles[col] = AXIS, "dim"
            for point in POINTS:
                chars[axis.x(point)] = TICK
            if spread.low is not None and spread.high is not None and spread.high > spread.low:
                for col in range(axis.x(spread.low), axis.x(spread.high) + 1):
                    chars[col], styles[col] = SPAN, "bold"
        placed_end = -2
        for point, lines in stacks.items():
            if line >= len(lines):
                continue
            label = lines[line]
            width = cell_len(label)
            start = axis.x(point) - (width - 1) // 2
            start = max(start, placed_end + 2, 0)
            start = min(start, axis.width - width)
            for offset, char in enumerate(label):
                if start + offset < axis.width:
                    chars[start + offset], styles[start + offset] = char, badge_style(point)
            placed_end = start + width - 1
        # One span a run of one style, not a span a cell: drawing a bar costs its spans.
        row = Text(end="")
        start = 0
        for end in range(1, axis.width + 1):
            if end == axis.width or styles[end] != styles[start]:
                row.append("".join(chars[start:end]), style=styles[start])
                start = end
        row.rstrip()
        rows.append(row)
    return Text("\n", end="").join(rows)


def spread_number(spread: IssueSpread) -> Text:
    """ "4 ████" (one block a point of spread); "–" with the reason when it cannot be measured."""
    if spread.spread is None:
        known = "none known" if not spread.known else "1 known"
        return Text.assemble(("–", "bold"), " ", (known, "dim"), end="")
    if spread.spread == 0:
        return Text.assemble(("0", "bold"), " ", ("level", "dim"), end="")
    return Text.assemble((str(spread.spread), "bold"), " ", "█" * spread.spread, end="")


def farthest_text(ds: Dataset, spread: IssueSpread) -> Text:
    """ "Kim Jong Un -2 ↔ Donald Trump +2" (and how many more pairs are as far apart)."""
    if spread.spread is None:
        return Text("", end="")
    if spread.spread == 0:
        return Text(f"all {spread.n_known} known at {number(spread.low)}", style="dim", end="")
    low, high = spread.farthest[0]
    text = Text.assemble(
        (clean(ds.actor_name(low.actor_id)), "bold"),
        f" {number(low.stance)} ↔ ",
        (clean(ds.actor_name(high.actor_id)), "bold"),
        f" {number(high.stance)}",
        end="",
    )
    more = len(spread.farthest) - 1
    if more:
        text.append(f"  +{more:,} pair{'s' * (more != 1)}", style="dim")
    return text


def absent_text(spread: IssueSpread, tags: dict[str, str], width: int, lines: int) -> Text:
    """The tags of the actors not known on the issue, stacked in ``width`` cells over at most
    ``lines`` lines; "N more" for those left over (the detail names every one): not "+N",
    which beside the spread's figures reads as a stance."""
    # No more tags can fit than this (each takes a cell and a space at least): only those are
    # looked at, however many actors are not known.
    most = min(len(spread.absent), lines * (width + 1) // 2)
    names = [tags.get(a, a) for a in spread.absent[:most]]
    for shown in range(most, -1, -1):
        left = len(spread.absent) - shown
        stacked = stack(names[:shown] + ([f"{left:,} more"] if left else []), width)
        if len(stacked) <= lines:
            return Text("\n".join(stacked), style="dim", end="")
    return Text(f"{len(spread.absent):,} more", style="dim", end="")


# -- distances --------------------------------------------------------------------------------


def shade(distance: float) -> str:
    for bound, glyphs in SHADES:
        if distance <= bound:
            return glyphs
    return SHADES[-1][1]


def is_thin(pair: PairDistance) -> bool:
    """A distance resting on one issue says little about the whole relation."""
    return pair.shared <= 1


def distance_cell(pair: PairDistance | None, short: bool = False) -> Text:
    """ "▓▓ 2.5 n=2"; a distance on one issue dimmed; "— n=0" when nothing is shared. Short,
    for a grid that would not fit the screen: "▓▓ 2.5", the basis in the detail."""
    if pair is None:
        return Text("    ·", style="dim", end="")
    if pair.distance is None:
        return Text("   —" if short else "   —   n=0", style="dim", end="")
    text = Text(f"{shade(pair.distance)} {pair.distance:.1f}", end="")
    if not short:
        text.append(f" n={pair.shared}")
    if is_thin(pair):
        text.stylize(THIN_STYLE)
    return text


def distance_legend(wide: bool, short: bool = False) -> Text:
    bands = "  ░ ≤1 ▒ ≤2 ▓ ≤3 █ ≤4"
    if short:
        return Text.assemble(
            "0 same … 4 opposite;",
            bands,
            "; ",
            ("dim", THIN_STYLE),
            ": one issue only; the issues each rests on are in the detail",
            end="",
        )
    if wide:
        return Text.assemble(
            "Mean gap over the issues both have a stance on: 0 same, 4 opposite ends.",
            bands,
            "\n",
            "n = issues it rests on; ",
            ("dimmed", THIN_STYLE),
            ": one issue only, a thin basis. Absent stances are left out, never read as 0.",
            end="",
        )
    return Text.assemble(
        "0 same … 4 opposite;",
        bands,
        "; n = issues shared, ",
        ("dim", THIN_STYLE),
        ": n=1",
        end="",
    )
