"""Text wrapped between words only, for table cells that DataTable sizes to what it is given."""

from __future__ import annotations

import textwrap

from rich.cells import cell_len
from rich.text import Text

from tui.app.render.safe import safe_text


def wrap_lines(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` cells, broken between words only: a longer word keeps its line."""
    lines = textwrap.wrap(text, width=max(width, 1), break_on_hyphens=False, break_long_words=False)
    return lines or [""]


def wrapped(text: str, width: int, style: str = "", indent: int = 0) -> tuple[Text, int]:
    """The text as lines of a cell (untrusted text made safe), and how many lines it takes."""
    lines = wrap_lines(text, width)
    label = Text("\n", end="").join(Text(" " * indent) + safe_text(line, style) for line in lines)
    return label, len(lines)


def longest_word(texts: list[str] | tuple[str, ...]) -> int:
    return max((cell_len(word) for text in texts for word in text.split()), default=0)


def column_width(texts: list[str], preferred: int) -> int:
    """The width to wrap ``texts`` to: ``preferred``, or the longest word where that is wider,
    and no wider than the longest text needs."""
    longest = max((cell_len(text) for text in texts), default=1)
    return max(longest_word(texts), min(longest, preferred))
