"""Data strings on screen: cleaned of control and bidi characters, never read as markup.

Every string that comes from a data file reaches a widget through one of these functions.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from tui.core.sanitize import clean


def safe(text: object, style: str = "", multiline: bool = False) -> Content:
    """Literal Content: ``[b]x[/b]`` stays those eight characters.

    ``multiline`` keeps newlines (prose such as summaries and quotes); names and titles are one
    line, so a newline in them shows as a mark.
    """
    cleaned = clean("" if text is None else str(text), multiline=multiline)
    # A raw tab would move the terminal's cursor past what Textual measured.
    return Content.styled(cleaned.replace("\t", "    "), style)


def safe_text(text: object, style: str = "") -> Text:
    """The same for places that take Rich renderables (DataTable cells, Select options)."""
    return Text(clean("" if text is None else str(text)), style=style, end="")


def join(parts: list[Content | str], separator: str = " · ", style: str = "") -> Content:
    """Join pieces; plain ``str`` pieces are ours (not data) and are styled with ``style``."""
    pieces = [part if isinstance(part, Content) else Content.styled(part, style) for part in parts]
    return Content.styled(separator, style).join(piece for piece in pieces if piece)
