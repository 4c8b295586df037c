"""The stance scale in glyphs and words, so that meaning never rests on colour alone."""

from __future__ import annotations

ABSENT_GLYPH = "··"
ABSENT_WORD = "no stated position"
CONDITIONAL_MARK = "if"
# Freshness marks (tui.core.freshness), glyphs one cell wide so a cell reads without colour.
STALE_MARK = "◷"
STALE_WORD = "stale"
DISPUTED_MARK = "≠"
DISPUTED_WORD = "disputed"


def freshness_marks(stale: bool, disputed: bool) -> str:
    """ "◷", "≠", "◷≠" or "": what a matrix cell shows of its freshness (side by side, so a
    narrow column keeps them)."""
    return "".join(mark for mark, on in ((STALE_MARK, stale), (DISPUTED_MARK, disputed)) if on)


_GLYPHS = {-2: "▼▼", -1: "▼", 0: "◆", 1: "▲", 2: "▲▲"}
# An inferred stance (see tui.core.basis) is drawn hollow, so it reads without colour.
_HOLLOW = {-2: "▽▽", -1: "▽", 0: "◇", 1: "△", 2: "△△"}
INFERRED_WORD = "inferred"
_WORDS = {-2: "firmly against", -1: "against", 0: "neutral", 1: "for", 2: "firmly for"}


def glyph(stance: int | None, inferred: bool = False) -> str:
    if stance is None:
        return ABSENT_GLYPH
    return _HOLLOW[stance] if inferred else _GLYPHS[stance]


def word(stance: int | None) -> str:
    return ABSENT_WORD if stance is None else _WORDS[stance]


def number(stance: int | None) -> str:
    """ "+2", "-1", "0"; empty for an absent stance."""
    if stance is None:
        return ""
    return f"{stance:+d}" if stance else "0"


def label(stance: int | None, inferred: bool = False) -> str:
    """Glyph, word and number in one line, e.g. "▼▼ firmly against -2", "△△ firmly for +2
    (inferred)"."""
    if stance is None:
        return f"{ABSENT_GLYPH} {ABSENT_WORD}"
    text = f"{glyph(stance, inferred)} {word(stance)} {number(stance)}"
    return f"{text} ({INFERRED_WORD})" if inferred else text
