"""Make untrusted text safe to show: control, bidi and invisible characters become visible marks.

A terminal executes escape sequences, a bidi override reorders what follows it, and an invisible
character (a zero-width space, a Hangul filler) makes two different names look alike or a name
look blank. So text from YAML or articles could otherwise hide or disguise itself. Nothing is
dropped: each such character is replaced by a visible stand-in (a control picture like ␛, or
⟨U+202E⟩), so the reader sees that it was there.

What counts is decided by Unicode properties, not by a list kept by hand: the general categories
Cc (controls), Cf (format: bidi marks, zero-width characters, tags), Co (private use), Cn
(unassigned, noncharacters among them), Cs (surrogates), Zl and Zp (line and paragraph
separators), and every Default_Ignorable_Code_Point (which a renderer shows as nothing: U+3164
HANGUL FILLER, variation selectors, ...). The character database is that of the `regex` module,
which knows these properties; the standard `re` module does not (it serves text of characters
known to have none of them, see COMMON_SAFE).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

_SHOWN_AS_MARK = (
    r"\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}"
    r"\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}"
)
# Text that is all ASCII can only hold C0 controls and DEL: a cheaper test for the commonest case.
_ASCII_UNSAFE = re.compile("[\x00-\x1f\x7f]")
_ASCII_UNSAFE_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
# Ranges with none of the characters above (a test checks each against the properties): Latin-1
# and Latin Extended (not the soft hyphen), the dashes, quotes and ellipsis of General
# Punctuation (not its invisible or bidi characters), arrows, box drawing and geometric shapes,
# Hangul jamo (not the filler) and syllables, and the older CJK ideographs. Text of only these
# needs no look-up of Unicode properties, so `regex` is imported only for other text.
COMMON_SAFE = (
    "\x20-\x7e\xa0-\xac\xae-\u024f\u2010-\u2027\u2030-\u205e\u2190-\u21ff"
    "\u2500-\u25ff\u3131-\u3163\u3165-\u318e\u4e00-\u9fa5\uac00-\ud7a3"
)
_COMMON = re.compile(f"[{COMMON_SAFE}]*")
_COMMON_MULTILINE = re.compile(f"[\\n\\t{COMMON_SAFE}]*")


@cache
def _unsafe(multiline: bool) -> regex.Pattern[str]:
    import regex  # its import is some 10 ms of a start: only for text that needs it

    if multiline:
        return regex.compile(f"[[{_SHOWN_AS_MARK}]--[\\n\\t]]", flags=regex.V1)
    return regex.compile(f"[{_SHOWN_AS_MARK}]")


def mark(character: str) -> str:
    """The visible stand-in of one character: a control picture for C0 and DEL, else ⟨U+XXXX⟩."""
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return f"⟨U+{code:04X}⟩"


def _marked(match: regex.Match[str] | re.Match[str]) -> str:
    return mark(match.group())


def is_shown_as_mark(character: str) -> bool:
    """Whether ``clean`` replaces this character (on one line) by a visible mark."""
    return _unsafe(False).match(character) is not None


def clean(text: str, multiline: bool = False) -> str:
    """``text`` with every control, bidi and invisible character made visible.

    With ``multiline``, newlines and tabs are kept and a CR LF pair becomes a newline; a lone CR
    (which would overwrite the line in a terminal) is still made visible.
    """
    if multiline:
        text = text.replace("\r\n", "\n")
    pattern = _pattern(text, multiline)
    if pattern is None or pattern.search(text) is None:
        return text
    return pattern.sub(_marked, text)


def _pattern(text: str, multiline: bool) -> regex.Pattern[str] | re.Pattern[str] | None:
    """What finds the characters of ``text`` to mark; None when it can have none."""
    if text.isascii():
        return _ASCII_UNSAFE_MULTILINE if multiline else _ASCII_UNSAFE
    if (_COMMON_MULTILINE if multiline else _COMMON).fullmatch(text):
        return None
    return _unsafe(multiline)


def is_clean(text: str, multiline: bool = False) -> bool:
    """True when ``clean`` would leave the text as it is."""
    if multiline and "\r" in text:
        return False
    pattern = _pattern(text, multiline)
    return pattern is None or pattern.search(text) is None


def without_ignorables(text: str) -> str:
    """``text`` as a reader sees it: invisible characters removed, compatibility forms folded
    (NFKC) and case folded. Two names equal by this look alike on screen."""
    visible = _unsafe(False).sub("", text)
    return unicodedata.normalize("NFKC", visible).casefold().strip()
