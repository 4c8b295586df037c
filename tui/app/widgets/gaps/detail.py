"""What a gap figure rests on: the figure in words, then each stance behind it with its evidence."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.content import Content

from tui.app.render import palette
from tui.app.render.safe import safe
from tui.app.render.stance import aligned, label, record_label
from tui.app.widgets.document import Block, block
from tui.app.widgets.shared.stance_detail import stance_parts
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


def _records_blocks(analysis: Analysis, records: Iterable[StanceRecord]) -> list[Block]:
    ds = analysis.dataset
    blocks: list[Block] = []
    for record in records:
        blocks.extend(
            stance_parts(
                ds, analysis.as_of, record.issue_id, record.actor_id, with_proposition=False
            )
        )
    return blocks


def _stances(
    analysis: Analysis, records: list[StanceRecord], lead: list[StanceRecord]
) -> list[Block]:
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
        block("detail-stance", glance),
        _section(f"The evidence of the {len(shown)} it turns on"),
        *_records_blocks(analysis, shown),
        _line(
            Content(
                f"The evidence of the other {len(records) - len(shown)}: "
                "in the Issue and Actor views."
            )
        ),
    ]


def _title(text: Content) -> Block:
    return block("detail-title", text)


def _line(text: Content, classes: str = "detail-proposition") -> Block:
    return block(classes, text)


def _section(text: str) -> Block:
    return block("section-title", text)


def spread_blocks(analysis: Analysis, spread: IssueSpread) -> list[Block]:
    ds = analysis.dataset
    issue = safe(ds.issue_title(spread.issue_id), "bold")
    if spread.spread is None:
        head = Content.assemble(issue, ": no spread, fewer than two actors have a known stance")
    else:
        head = Content.assemble(
            issue, f": spread {spread.spread}, from {number(spread.low)} to {number(spread.high)}"
        )
    blocks: list[Block] = [_title(head)]
    proposition = ds.issues.get(spread.issue_id)
    if proposition is not None:
        blocks.append(
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
        blocks.append(
            _line(Content("Farthest apart: ") + Content("; ").join(pairs), "detail-stance")
        )
    if spread.absent:
        blocks.append(
            _line(
                Content.assemble("Not known (left out, not read as 0): ", _names(ds, spread.absent))
            )
        )
    # Low to high, so the two ends of the spread come first and last; the sort keeps the
    # spread's actor order among equal stances.
    ordered = sorted(spread.known, key=lambda r: r.stance or 0)
    if not ordered:
        return blocks
    blocks.append(
        _section(f"The {len(ordered)} known stance{'s' * (len(ordered) != 1)}, low to high")
    )
    ends = list(spread.farthest[0]) if spread.farthest else ordered[:1]
    return blocks + _stances(analysis, ordered, ends)


def pair_blocks(analysis: Analysis, pair: PairDistance) -> list[Block]:
    ds = analysis.dataset
    names = Content.assemble(
        safe(ds.actor_name(pair.actor_a), "bold"), " ↔ ", safe(ds.actor_name(pair.actor_b), "bold")
    )
    if pair.distance is None:
        head = Content.assemble(names, ": no distance, no issue on which both have a stance")
    else:
        head = Content.assemble(names, f": distance {pair.distance:.1f}, {pair.basis}")
    blocks: list[Block] = [_title(head)]
    if pair.shared == 1:
        blocks.append(
            _line(Content("A thin basis: one issue says little about the whole relation."))
        )
    blocks.append(
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
        blocks.append(block("detail-stance", aligned(rows)))
        gaps = tuple(sorted(gaps, key=lambda g: -g.gap)[: MAX_IN_FULL // 2])
        blocks.append(_section(f"The {len(gaps)} widest gaps, with their evidence"))
    for gap in gaps:
        blocks.append(_section(f"{ds.issue_title(gap.issue_id)}: gap {gap.gap}"))
        blocks.extend(_records_blocks(analysis, gap.records))
    return blocks


def same_actor_blocks(analysis: Analysis, same: SameActor) -> list[Block]:
    """The row's actor against the others, nearest first, and the stances a distance rests on."""
    ds = analysis.dataset
    name = safe(ds.actor_name(same.actor_id), "bold")
    blocks: list[Block] = [
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
        blocks.append(_section("Distance to each other actor, nearest first"))
        blocks.append(block("detail-stance", aligned(rows)))
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
        blocks.append(_section("The stances the distances rest on"))
        blocks.append(block("detail-stance", aligned(stances)))
    return blocks


def condition_blocks(analysis: Analysis, check: ConditionCheck) -> list[Block]:
    ds = analysis.dataset
    blocks: list[Block] = [
        _title(Content.assemble(status_mark(check), " ", safe(check.sentence))),
        _line(Content.assemble("In the stance's words: ", safe(check.condition.text, "italic"))),
    ]
    if check.blocker is not None:
        blocks.append(
            _line(
                Content.assemble("Blocked by ", safe(ds.actor_name(check.blocker), "bold")),
                "detail-stance",
            )
        )
    blocks.append(_section("The conditional stance"))
    blocks.extend(_records_blocks(analysis, [check.holder]))
    blocks.append(_section("The stance the condition looks at"))
    if check.target is None:
        blocks.append(
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
        blocks.extend(_records_blocks(analysis, [check.target]))
    return blocks


def common_blocks(analysis: Analysis, common: CommonGround) -> list[Block]:
    ds = analysis.dataset
    head = Content.assemble(
        safe(ds.issue_title(common.issue_id), "bold"),
        f": common ground, all {common.side_word}, {common.known_words}",
    )
    blocks: list[Block] = [_title(head)]
    if common.conditional:
        blocks.append(
            _line(
                Content.assemble("With conditions: ", _names(ds, common.conditional)),
                "detail-stance",
            )
        )
    if common.absent:
        blocks.append(_line(Content.assemble("Not known: ", _names(ds, common.absent))))
    blocks.append(_section(f"Why each is {common.side_word}: the stances' summaries"))
    reasons = [
        Content.assemble(safe(ds.actor_name(actor_id), "bold"), ": ", safe(summary))
        for actor_id, summary in common.reasons
    ]
    # One block for them all: a large picture may agree across thousands of actors.
    blocks.append(_line(Content("\n").join(reasons)))
    known = list(common.known)
    return blocks + _stances(analysis, known, known[:2])


def starting_point_blocks(analysis: Analysis, point: StartingPoint) -> list[Block]:
    ds = analysis.dataset
    spread = point.spread
    measure = (
        "no spread (fewer than two known)" if spread.spread is None else f"spread {spread.spread}"
    )
    blocks: list[Block] = [
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
        blocks.append(
            _line(
                Content(
                    f"Too few known ({spread.known_words}; agreement needs {point.quorum}): "
                    "ranked after the issues that have enough."
                ),
                "detail-stance",
            )
        )
    if point.common_ground is not None:
        blocks.append(
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
            blocks.append(
                _line(Content.assemble(status_mark(check), how, safe(check.sentence)), "condition")
            )
        if len(checks) > MAX_IN_FULL:
            blocks.append(_line(Content(f"and {len(checks) - MAX_IN_FULL:,} more"), "condition"))
    blocks.append(_section("The stances behind it"))
    lead = list(spread.farthest[0]) if spread.farthest else []
    lead += [c.holder for c in point.blocked + point.blocking]
    return blocks + _stances(analysis, list(point.records), lead)


def figure_blocks(analysis: Analysis, figure: Figure) -> list[Block]:
    if isinstance(figure, IssueSpread):
        return spread_blocks(analysis, figure)
    if isinstance(figure, PairDistance):
        return pair_blocks(analysis, figure)
    if isinstance(figure, ConditionCheck):
        return condition_blocks(analysis, figure)
    if isinstance(figure, CommonGround):
        return common_blocks(analysis, figure)
    if isinstance(figure, SameActor):
        return same_actor_blocks(analysis, figure)
    return starting_point_blocks(analysis, figure)
