"""What a gap figure rests on: the figure in words, then each stance behind it with its evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from tui.app.render import palette
from tui.app.render.safe import safe
from tui.app.render.stance import aligned, label, record_label
from tui.app.widgets.shared.stance_detail import stance_blocks
from tui.core.analysis import (
    Analysis,
    CommonGround,
    ConditionCheck,
    IssueSpread,
    PairDistance,
    StartingPoint,
)
from tui.core.dataset import Dataset, StanceRecord
from tui.core.stances import number

STATUS_MARKS = {
    "unmet": ("✗ UNMET", palette.BAD),
    "met": ("✓ MET", palette.GOOD),
    "unknown": ("? OPEN", palette.UNKNOWN),
}

# Past this many stances, a figure lists them a line each and gives the evidence of the few it
# turns on (the two ends of a spread, the widest gaps of a pair).
MAX_IN_FULL = 6
MAX_PAIRS_NAMED = 3
# A figure over thousands of stances lists the first and last of them a line each, and says how
# many it leaves out between: the detail is built on every cursor move, so it must stay small.
MAX_GLANCE = 40


@dataclass(frozen=True)
class SameActor:
    """The distance grid's diagonal: an actor against itself, which has no distance to read."""

    actor_id: str


Figure = IssueSpread | PairDistance | ConditionCheck | CommonGround | StartingPoint | SameActor


def status_mark(check: ConditionCheck) -> Content:
    word, style = STATUS_MARKS[check.status]
    return Content.styled(word, style)


def _names(ds: Dataset, actor_ids: Iterable[str], limit: int = 8) -> Content:
    """ "Ann, Bo, Cy" and, past ``limit``, how many more."""
    ids = list(actor_ids)
    names = Content(", ").join(safe(ds.actor_name(a)) for a in ids[:limit])
    if len(ids) > limit:
        names += Content(f" and {len(ids) - limit} more")
    return names


def _records_blocks(analysis: Analysis, records: Iterable[StanceRecord]) -> list[Widget]:
    ds = analysis.dataset
    widgets: list[Widget] = []
    for record in records:
        widgets.extend(
            stance_blocks(
                ds, analysis.as_of, record.issue_id, record.actor_id, with_proposition=False
            )
        )
    return widgets


def _stances(
    analysis: Analysis, records: list[StanceRecord], lead: list[StanceRecord]
) -> list[Widget]:
    """Every stance with its evidence; when there are many, a line each and the evidence of
    ``lead`` only (the ones the figure turns on), so that a large picture stays quick to read."""
    if len(records) <= MAX_IN_FULL:
        return _records_blocks(analysis, records)
    ds = analysis.dataset
    several_issues = any(r.issue_id != records[0].issue_id for r in records)
    half = MAX_GLANCE // 2
    glanced = records if len(records) <= MAX_GLANCE else records[:half] + records[-half:]
    rows = [
        (
            record_label(r),
            safe(ds.actor_name(r.actor_id), "bold")
            + (Content(" on ") + safe(ds.issue_title(r.issue_id)) if several_issues else Content()),
        )
        for r in glanced
    ]
    if len(glanced) < len(records):
        between = Content.styled(f"… {len(records) - len(glanced):,} more between …", "dim")
        rows.insert(half, (Content(""), between))
    glance = aligned(rows)
    chosen_ids = {id(r) for r in lead}
    shown = [r for r in records if id(r) in chosen_ids][:MAX_IN_FULL]
    return [
        Static(glance, classes="detail-stance"),
        _section(f"The evidence of the {len(shown)} it turns on"),
        *_records_blocks(analysis, shown),
        _line(
            Content(
                f"The evidence of the other {len(records) - len(shown)}: "
                "in the Issue and Actor views."
            )
        ),
    ]


def _title(text: Content) -> Static:
    return Static(text, classes="detail-title")


def _line(text: Content, classes: str = "detail-proposition") -> Static:
    return Static(text, classes=classes)


def _section(text: str) -> Static:
    return Static(text, classes="section-title")


def spread_widgets(analysis: Analysis, spread: IssueSpread) -> list[Widget]:
    ds = analysis.dataset
    issue = safe(ds.issue_title(spread.issue_id), "bold")
    if spread.spread is None:
        head = Content.assemble(issue, ": no spread, fewer than two actors have a known stance")
    else:
        head = Content.assemble(
            issue, f": spread {spread.spread}, from {number(spread.low)} to {number(spread.high)}"
        )
    widgets: list[Widget] = [_title(head)]
    proposition = ds.issues.get(spread.issue_id)
    if proposition is not None:
        widgets.append(
            _line(
                Content.assemble(
                    Content.styled("+2 is firmly for: ", "italic"), safe(proposition.proposition)
                )
            )
        )
    if spread.spread:
        pairs = [
            Content.assemble(
                safe(ds.actor_name(low.actor_id), "bold"),
                f" {number(low.stance)} ↔ ",
                safe(ds.actor_name(high.actor_id), "bold"),
                f" {number(high.stance)}",
            )
            for low, high in spread.farthest[:MAX_PAIRS_NAMED]
        ]
        more = len(spread.farthest) - MAX_PAIRS_NAMED
        if more > 0:
            pairs.append(Content(f"and {more:,} more pair{'s' * (more != 1)} as far apart"))
        widgets.append(
            _line(Content("Farthest apart: ") + Content("; ").join(pairs), "detail-stance")
        )
    if spread.absent:
        widgets.append(
            _line(
                Content.assemble("Not known (left out, not read as 0): ", _names(ds, spread.absent))
            )
        )
    # Low to high, so the two ends of the spread come first and last; the sort keeps the
    # spread's actor order among equal stances.
    ordered = sorted(spread.known, key=lambda r: r.stance or 0)
    if not ordered:
        return widgets
    widgets.append(
        _section(f"The {len(ordered)} known stance{'s' * (len(ordered) != 1)}, low to high")
    )
    ends = list(spread.farthest[0]) if spread.farthest else ordered[:1]
    return widgets + _stances(analysis, ordered, ends)


def pair_widgets(analysis: Analysis, pair: PairDistance) -> list[Widget]:
    ds = analysis.dataset
    names = Content.assemble(
        safe(ds.actor_name(pair.actor_a), "bold"), " ↔ ", safe(ds.actor_name(pair.actor_b), "bold")
    )
    if pair.distance is None:
        head = Content.assemble(names, ": no distance, no issue on which both have a stance")
    else:
        head = Content.assemble(names, f": distance {pair.distance:.1f}, {pair.basis}")
    widgets: list[Widget] = [_title(head)]
    if pair.shared == 1:
        widgets.append(
            _line(Content("A thin basis: one issue says little about the whole relation."))
        )
    widgets.append(
        _line(
            Content("The mean gap over the issues both have a stance on (0 same, 4 opposite ends).")
        )
    )
    gaps = pair.gaps
    if len(gaps) * 2 > MAX_IN_FULL:
        # Many shared issues: each gap a line, then the evidence of the widest.
        rows = [
            (
                Content.styled(f"gap {gap.gap}", "bold"),
                Content.assemble(
                    safe(ds.issue_title(gap.issue_id)),
                    f" ({number(gap.a.stance)} / {number(gap.b.stance)})",
                ),
            )
            for gap in gaps
        ]
        widgets.append(Static(aligned(rows), classes="detail-stance"))
        gaps = tuple(sorted(gaps, key=lambda g: -g.gap)[: MAX_IN_FULL // 2])
        widgets.append(_section(f"The {len(gaps)} widest gaps, with their evidence"))
    for gap in gaps:
        widgets.append(_section(f"{ds.issue_title(gap.issue_id)}: gap {gap.gap}"))
        widgets.extend(_records_blocks(analysis, gap.records))
    return widgets


def same_actor_widgets(analysis: Analysis, same: SameActor) -> list[Widget]:
    """The row's actor against the others, nearest first, and the stances a distance rests on."""
    ds = analysis.dataset
    name = safe(ds.actor_name(same.actor_id), "bold")
    widgets: list[Widget] = [
        _title(Content.assemble(name, " against ", name, ": the same actor, no distance")),
        _line(Content("Move left or right: every other cell is this actor's distance to another.")),
    ]
    pairs = [d for d in analysis.distances if same.actor_id in (d.actor_a, d.actor_b)]
    pairs.sort(key=lambda d: (d.distance is None, d.distance or 0))
    if pairs:
        rows = []
        for pair in pairs:
            other = pair.actor_b if pair.actor_a == same.actor_id else pair.actor_a
            measure = (
                "no issue in common"
                if pair.distance is None
                else f"{pair.distance:.1f} over {pair.shared} issue{'s' * (pair.shared != 1)}"
            )
            rows.append((Content.styled(measure, "bold"), safe(ds.actor_name(other))))
        widgets.append(_section("Distance to each other actor, nearest first"))
        widgets.append(Static(aligned(rows), classes="detail-stance"))
    picture = ds.as_of(analysis.as_of)
    stances = [
        (
            record_label(record) if record else label(None),
            safe(ds.issue_title(issue_id)),
        )
        for issue_id in analysis.issue_ids
        for record in [picture.get((same.actor_id, issue_id))]
    ]
    if stances:
        widgets.append(_section("The stances the distances rest on"))
        widgets.append(Static(aligned(stances), classes="detail-stance"))
    return widgets


def condition_widgets(analysis: Analysis, check: ConditionCheck) -> list[Widget]:
    ds = analysis.dataset
    widgets: list[Widget] = [
        _title(Content.assemble(status_mark(check), " ", safe(check.sentence))),
        _line(Content.assemble("In the stance's words: ", safe(check.condition.text, "italic"))),
    ]
    if check.blocker is not None:
        widgets.append(
            _line(
                Content.assemble("Blocked by ", safe(ds.actor_name(check.blocker), "bold")),
                "detail-stance",
            )
        )
    widgets.append(_section("The conditional stance"))
    widgets.extend(_records_blocks(analysis, [check.holder]))
    widgets.append(_section("The stance the condition looks at"))
    if check.target is None:
        widgets.append(
            _line(
                Content.assemble(
                    safe(ds.actor_name(check.condition.actor), "bold"),
                    " on ",
                    safe(ds.issue_title(check.condition.issue)),
                    ": ",
                    label(None),
                )
            )
        )
    else:
        widgets.extend(_records_blocks(analysis, [check.target]))
    return widgets


def common_widgets(analysis: Analysis, common: CommonGround) -> list[Widget]:
    ds = analysis.dataset
    head = Content.assemble(
        safe(ds.issue_title(common.issue_id), "bold"),
        f": common ground, all {common.side_word}, {common.known_words}",
    )
    widgets: list[Widget] = [_title(head)]
    if common.conditional:
        widgets.append(
            _line(
                Content.assemble("With conditions: ", _names(ds, common.conditional)),
                "detail-stance",
            )
        )
    if common.absent:
        widgets.append(_line(Content.assemble("Not known: ", _names(ds, common.absent))))
    widgets.append(_section(f"Why each is {common.side_word}: the stances' summaries"))
    reasons = [
        Content.assemble(safe(ds.actor_name(actor_id), "bold"), ": ", safe(summary))
        for actor_id, summary in common.reasons
    ]
    # One widget for them all: a large picture may agree across thousands of actors.
    widgets.append(_line(Content("\n").join(reasons)))
    known = list(common.known)
    return widgets + _stances(analysis, known, known[:2])


def starting_point_widgets(analysis: Analysis, point: StartingPoint) -> list[Widget]:
    ds = analysis.dataset
    spread = point.spread
    measure = (
        "no spread (fewer than two known)" if spread.spread is None else f"spread {spread.spread}"
    )
    widgets: list[Widget] = [
        _title(
            Content.assemble(
                f"#{point.rank} starting point: ",
                safe(ds.issue_title(point.issue_id), "bold"),
                f", {measure}",
            )
        ),
        _line(Content("Ranked by spread, narrowest first; a block is flagged, never hidden.")),
    ]
    if point.too_few_known:
        widgets.append(
            _line(
                Content(
                    f"Too few known ({spread.known_words}; agreement needs {point.quorum}): "
                    "ranked after the issues that have enough."
                ),
                "detail-stance",
            )
        )
    if point.common_ground is not None:
        widgets.append(
            _line(
                Content(
                    f"Common ground: all {point.common_ground.side_word}, "
                    f"{point.common_ground.known_words}."
                ),
                "detail-stance",
            )
        )
    for checks, how in ((point.blocked, " blocked: "), (point.blocking, " blocking: ")):
        for check in checks[:MAX_IN_FULL]:
            widgets.append(
                _line(Content.assemble(status_mark(check), how, safe(check.sentence)), "condition")
            )
        if len(checks) > MAX_IN_FULL:
            widgets.append(_line(Content(f"and {len(checks) - MAX_IN_FULL:,} more"), "condition"))
    widgets.append(_section("The stances behind it"))
    lead = list(spread.farthest[0]) if spread.farthest else []
    lead += [c.holder for c in point.blocked + point.blocking]
    return widgets + _stances(analysis, list(point.records), lead)


def figure_widgets(analysis: Analysis, figure: Figure) -> list[Widget]:
    if isinstance(figure, IssueSpread):
        return spread_widgets(analysis, figure)
    if isinstance(figure, PairDistance):
        return pair_widgets(analysis, figure)
    if isinstance(figure, ConditionCheck):
        return condition_widgets(analysis, figure)
    if isinstance(figure, CommonGround):
        return common_widgets(analysis, figure)
    if isinstance(figure, SameActor):
        return same_actor_widgets(analysis, figure)
    return starting_point_widgets(analysis, figure)
