"""Screenshots whose SVG needs no network: the fonts it names are ones a machine has offline.

Rich's SVG loads Fira Code from a CDN. Offline, or in a converter that fetches nothing
(rsvg-convert, cairosvg), that web font is missing and the text falls back to whatever the
converter picks. The SVG written here drops the remote font and names, in order, Fira Code (if
installed), then fonts most systems ship (DejaVu Sans Mono, Liberation Mono, Noto Sans Mono,
Menlo, Consolas) and finally the generic monospace, so every reader draws a monospace grid. Each
run of text keeps its ``textLength``, which holds it to its cells whatever the font.
"""

from __future__ import annotations

import re

OFFLINE_FONTS = (
    '"Fira Code", "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono", Menlo, Consolas, '
    "monospace"
)

_FONT_FACE = re.compile(r"\s*@font-face \{[^}]*\}")
_FAMILY = re.compile(r"font-family: Fira Code, monospace;")


def offline_svg(svg: str) -> str:
    """``svg`` with no remote font and a font list that resolves offline; white space kept."""
    svg = _FONT_FACE.sub("", svg)
    # Without it, rsvg-convert and cairosvg drop a run's leading spaces ("Donald Trumpon Talks").
    svg = svg.replace(
        '<svg class="rich-terminal" ', '<svg class="rich-terminal" xml:space="preserve" ', 1
    )
    return _FAMILY.sub(f"font-family: {OFFLINE_FONTS};", svg)
