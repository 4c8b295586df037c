"""What each point of an issue's scale means, in the issue's own words: the key under the
matrix's selected issue and under the Timeline's steps."""

from __future__ import annotations

from textual.content import Content

from tui.app.render.safe import safe
from tui.app.render.stance import badge
from tui.core import stances
from tui.core.records import Issue

SCALE_POINTS = (2, 1, 0, -1, -2)


def scale_legend(issue: Issue) -> Content:
    """The proposition, then a line per point from +2 down: its badge, its number and the
    issue's wording for it (the scale's general word, dimmed, where the issue gives none)."""
    lines = [
        Content.assemble(
            Content.styled("+2 is firmly for: ", "italic"),
            safe(issue.proposition, multiline=True),
        )
    ]
    for value in SCALE_POINTS:
        wording = issue.scale.get(value)
        lines.append(
            Content.assemble(
                badge(value),
                f" {stances.number(value):>2} ",
                safe(wording, "italic") if wording else Content.styled(stances.word(value), "dim"),
            )
        )
    return Content("\n").join(lines)
