"""A stance as a badge, a label and a matrix cell: glyph, word and number from the core's scale."""

from __future__ import annotations

from typing import Literal

from rich.cells import cell_len
from rich.text import Text
from textual.content import Content

from tui.app.render.palette import badge_style
from tui.core import stances
from tui.core.basis import is_inferred
from tui.core.dataset import StanceRecord
from tui.core.freshness import DEFAULT_STALE_DAYS


def badge(stance: int | None, inferred: bool = False) -> Content:
    """The glyph on its colour, padded: " ▲▲ "; hollow, " △△ ", for an inferred stance."""
    return Content.styled(f" {stances.glyph(stance, inferred)} ", badge_style(stance))


def label(stance: int | None, conditional: bool = False, inferred: bool = False) -> Content:
    """ " ▼▼  firmly against -2 · if" — badge, word, number, the conditional mark, and
    " · inferred" for a stance that is not the actor's words."""
    if stance is None:
        words = f" {stances.ABSENT_WORD}"
    else:
        words = f" {stances.word(stance)} {stances.number(stance)}"
    content = badge(stance, inferred) + Content(words)
    if conditional:
        content += Content.styled(f" · {stances.CONDITIONAL_MARK}", "italic")
    if inferred and stance is not None:
        content += Content.styled(f" · {stances.INFERRED_WORD}", "italic")
    return content


def record_label(record: StanceRecord | None) -> Content:
    """The label of a stance record, its basis included."""
    if record is None:
        return label(None)
    return label(record.stance, record.is_conditional, is_inferred(record))


def cell(
    stance: int | None,
    conditional: bool,
    style: Literal["worded", "numbered", "glyph"],
    inferred: bool = False,
    marks: str = "",
) -> Text:
    """A matrix cell (Rich Text, as DataTable wants).

    Worded: "▲▲ +2 if◷" over the word. Numbered: "▲▲ +2 if◷" alone. Glyph: "▲▲ if◷", for
    the narrowest screens; the word and the number are in the detail, the glyph in the legend.
    ``marks`` (``tui.core.freshness.picture_marks``: ◷ stale, ≠ disputed) are kept in every
    style: they are what a briefer must see at a glance.
    """
    text = Text(end="")
    text.append(f" {stances.glyph(stance, inferred)} ", style=badge_style(stance))
    if stance is not None and style != "glyph":
        text.append(f" {stances.number(stance)}")
    if (conditional or marks) and style != "glyph":
        # "if◷": the marks beside the conditional mark, and the narrowest cell leaning on the
        # badge's own padding, so a narrow column keeps them all.
        text.append(" ")
    if conditional:
        text.append(stances.CONDITIONAL_MARK, style="italic")
    if marks:
        text.append(marks, style="bold")
    if style == "worded":
        # "no stated position" over two lines keeps the columns as narrow as "firmly against".
        # Indented by one, under the glyph rather than the badge's edge.
        words = " no stated\n position" if stance is None else " " + stances.word(stance)
        text.append("\n" + words, style="dim" if stance is None else "")
    return text


def cell_width(
    stance: int | None,
    conditional: bool,
    style: Literal["worded", "numbered", "glyph"],
    marks: str = "",
) -> int:
    """The width of a cell's first line (glyph, number and marks), padding excluded."""
    return cell_len(cell(stance, conditional, style, False, marks).plain.split("\n")[0])


def legend_entries(stale_days: int = DEFAULT_STALE_DAYS) -> list[Content]:
    """Every scale point as "badge word", the absent mark, the conditional mark, the hollow of an
    inference and the freshness marks (stale past ``stale_days``)."""
    entries = [badge(value) + Content(f" {stances.word(value)}") for value in (2, 1, 0, -1, -2)]
    entries.append(badge(None) + Content(f" {stances.ABSENT_WORD}"))
    entries.append(Content.styled(stances.CONDITIONAL_MARK, "italic") + Content(" conditional"))
    entries.append(badge(2, inferred=True) + Content(" hollow: inferred, not own words"))
    entries.append(
        Content.styled(stances.STALE_MARK, "bold")
        + Content(f" {stances.STALE_WORD}: not stated in {stale_days} days")
    )
    entries.append(
        Content.styled(stances.DISPUTED_MARK, "bold")
        + Content(f" {stances.DISPUTED_WORD}: sources disagree that day")
    )
    return entries


def aligned(rows: list[tuple[Content, Content]], gap: int = 2) -> Content:
    """Two columns, the first padded to its widest entry: labels over labels, names over names."""
    width = max((left.cell_length for left, _ in rows), default=0)
    return Content("\n").join(
        left.pad_right(width - left.cell_length + gap) + right for left, right in rows
    )
