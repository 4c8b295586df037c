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
which knows these properties; the standard `re` module does not.
"""

from __future__ import annotations

import re
import unicodedata

import regex

_SHOWN_AS_MARK = (
    r"\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}"
    r"\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}"
)
_UNSAFE = regex.compile(f"[{_SHOWN_AS_MARK}]")
_UNSAFE_MULTILINE = regex.compile(f"[[{_SHOWN_AS_MARK}]--[\\n\\t]]", flags=regex.V1)
# Text that is all ASCII can only hold C0 controls and DEL: a cheaper test for the commonest case.
_ASCII_UNSAFE = re.compile("[\x00-\x1f\x7f]")
_ASCII_UNSAFE_MULTILINE = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


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
    return _UNSAFE.match(character) is not None


def clean(text: str, multiline: bool = False) -> str:
    """``text`` with every control, bidi and invisible character made visible.

    With ``multiline``, newlines and tabs are kept and a CR LF pair becomes a newline; a lone CR
    (which would overwrite the line in a terminal) is still made visible.
    """
    if multiline:
        text = text.replace("\r\n", "\n")
        pattern = _ASCII_UNSAFE_MULTILINE if text.isascii() else _UNSAFE_MULTILINE
    else:
        pattern = _ASCII_UNSAFE if text.isascii() else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_marked, text)


def is_clean(text: str, multiline: bool = False) -> bool:
    """True when ``clean`` would leave the text as it is."""
    if multiline:
        if "\r" in text:
            return False
        pattern = _ASCII_UNSAFE_MULTILINE if text.isascii() else _UNSAFE_MULTILINE
    else:
        pattern = _ASCII_UNSAFE if text.isascii() else _UNSAFE
    return pattern.search(text) is None


def without_ignorables(text: str) -> str:
    """``text`` as a reader sees it: invisible characters removed, compatibility forms folded
    (NFKC) and case folded. Two names equal by this look alike on screen."""
    visible = _UNSAFE.sub("", text)
    return unicodedata.normalize("NFKC", visible).casefold().strip()
