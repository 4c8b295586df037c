"""The stance scale in glyphs and words, so that meaning never rests on colour alone."""

from __future__ import annotations

ABSENT_GLYPH = "··"
ABSENT_WORD = "no stated position"
CONDITIONAL_MARK = "if"

_GLYPHS = {-2: "▼▼", -1: "▼", 0: "◆", 1: "▲", 2: "▲▲"}
_WORDS = {-2: "firmly against", -1: "against", 0: "neutral", 1: "for", 2: "firmly for"}


def glyph(stance: int | None) -> str:
    return ABSENT_GLYPH if stance is None else _GLYPHS[stance]


def word(stance: int | None) -> str:
    return ABSENT_WORD if stance is None else _WORDS[stance]


def number(stance: int | None) -> str:
    """ "+2", "-1", "0"; empty for an absent stance."""
    if stance is None:
        return ""
    return f"{stance:+d}" if stance else "0"


def label(stance: int | None) -> str:
    """Glyph, word and number in one line, e.g. "▼▼ firmly against -2"."""
    if stance is None:
        return f"{ABSENT_GLYPH} {ABSENT_WORD}"
    return f"{glyph(stance)} {word(stance)} {number(stance)}"
