"""Stance colours: Okabe-Ito blue for "for", orange for "against", grey between.

Blue/orange stays distinct for the common forms of colour blindness, and each badge carries its
own foreground and background so it reads the same on dark and light themes. Colour only adds to
the glyph and the word; it never carries the meaning alone.
"""

from __future__ import annotations

_BADGE = {
    2: "bold #ffffff on #0072b2",
    1: "bold #000000 on #56b4e9",
    0: "bold #000000 on #c4c4c4",
    -1: "bold #000000 on #e69f00",
    -2: "bold #ffffff on #a64600",
}
_ABSENT = "dim"

# Outcome marks for conditions and verification; the mark and word say it, colour repeats it.
GOOD = "bold #0072b2"
BAD = "bold #d55e00"
UNKNOWN = "bold"
MATCH = "bold #000000 on #f0e442"  # search hits: Okabe-Ito yellow
CITED = "underline"
CITED_FOCUS = "bold underline reverse"


def badge_style(stance: int | None) -> str:
    return _ABSENT if stance is None else _BADGE[stance]
