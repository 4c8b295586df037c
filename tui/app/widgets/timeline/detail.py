"""What the timeline's detail shows: one step (an actor's stance on one date, and how it came to
be), or one change between the previous date with data and the as-of date; and the words of a
change, which say what moved when the value stayed the same."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from tui.app.render.safe import safe
from tui.app.render.stance import label, record_label
from tui.app.widgets.document import Block, block
from tui.app.widgets.shared.stance_detail import stance_parts
from tui.app.widgets.timeline.steps import Step
from tui.core.dataset import Change, Dataset, StanceRecord
from tui.core.differences import differences
from tui.core.history import EVENT_WORDS


def stance_words(record: StanceRecord | None) -> Content:
    """The stance as badge and words; a withdrawn stance says so."""
    if record is None:
        return label(None)
    if record.stance is None:
        return label(None) + Content.styled(" (withdrawn)", "italic")
    return record_label(record)


def change_words(before: StanceRecord | None, after: StanceRecord | None) -> Content:
    """ "▲ for +1 → ▲▲ firmly for +2"; the same value with other conditions says so, rather
    than "▲ for +1 · if → ▲ for +1 · if"."""
    if differences(before, after).only_conditions:
        return Content.assemble(stance_words(after), Content.styled(", other conditions", "italic"))
    return Content.assemble(stance_words(before), " → ", stance_words(after))


def condition_lines(before: StanceRecord | None, after: StanceRecord | None) -> list[Block]:
    """The conditions a change dropped and added, each in its own words."""
    found = differences(before, after)
    return [
        block("condition", Content.assemble(Content.styled(how, "italic"), safe(c.text)))
        for conditions, how in (
            (found.dropped, "Condition dropped: "),
            (found.added, "Condition added: "),
        )
        for c in conditions
    ]


def change_prompt(ds: Dataset, change: Change) -> Content:
    """ "Kim Jong Un  ·· no stated position → ▲ for +1 · if  from 2025-09-21"."""
    after = change.after
    when = f"  from {after.as_of.isoformat()}" if after is not None else ""
    if change.kind == "first":
        # Nothing was stated before: a first record, not a change.
        what = Content.assemble(Content.styled("first recorded: ", "italic"), stance_words(after))
    else:
        what = Content.assemble(
            Content.styled(f"{EVENT_WORDS[change.kind]}: ", "italic"),  # type: ignore[index]
            change_words(change.before, after),
        )
    return Content.assemble(
        safe(ds.actor_name(change.actor_id), "bold"), "  ", what, Content.styled(when, "dim")
    )


def step_blocks(ds: Dataset, issue_id: str, step: Step) -> list[Block]:
    head = Content.assemble(
        safe(ds.actor_name(step.actor_id), "bold"),
        " on ",
        safe(ds.issue_title(issue_id), "bold"),
        f", {step.date.isoformat()}",
    )
    changes: list[Block] = []
    if step.changed:
        how = Content.assemble("Changed that day: ", change_words(step.previous, step.record))
        changes = condition_lines(step.previous, step.record)
        if step.kind == "first":
            how = Content.assemble("First recorded that day: ", stance_words(step.record))
            changes = []
    elif step.set_here:
        how = Content("Stated again that day: the same stance, with new evidence.")
        if differences(step.previous, step.record).summary:
            how = Content("Stated again that day: the same stance, in new words, on new evidence.")
    elif step.record is not None:
        how = Content(f"Unchanged since {step.record.as_of.isoformat()}.")
    else:
        how = Content("Nothing known by that date (absent is not neutral).")
    blocks: list[Block] = [
        block("detail-title", head),
        block("detail-stance", how),
        *changes,
    ]
    if step.record is not None:
        blocks.append(block("section-title", "The stance in force that day"))
        blocks.extend(
            stance_parts(
                ds, step.date, issue_id, step.actor_id, with_title=False, with_proposition=False
            )
        )
    return blocks


def change_blocks(
    ds: Dataset, issue_id: str, change: Change, span: tuple[dt.date | None, dt.date]
) -> list[Block]:
    start, end = span
    head = Content.assemble(
        safe(ds.actor_name(change.actor_id), "bold"),
        " on ",
        safe(ds.issue_title(issue_id), "bold"),
        ": ",
        change_words(change.before, change.after),
    )
    blocks: list[Block] = [
        block("detail-title", head),
        *condition_lines(change.before, change.after),
    ]
    if change.after is not None:
        blocks.append(block("section-title", f"After, from {change.after.as_of.isoformat()}"))
        blocks.extend(
            stance_parts(
                ds, end, issue_id, change.actor_id, with_title=False, with_proposition=False
            )
        )
    if change.before is not None and start is not None:
        blocks.append(block("section-title", f"Before, from {change.before.as_of.isoformat()}"))
        blocks.extend(
            stance_parts(
                ds, start, issue_id, change.actor_id, with_title=False, with_proposition=False
            )
        )
    else:
        blocks.append(block("detail-proposition", "Before: no stated position."))
    return blocks
