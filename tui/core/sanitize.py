"""Make untrusted text safe to show: control, bidi and invisible characters become visible marks.

A terminal executes escape sequences and a bidi override reorders what follows it, so text from
YAML or articles could otherwise hide or disguise itself. Nothing is dropped: each such character
is replaced by a visible stand-in (a control picture like ␛, or ⟨U+202E⟩), so the reader sees that
it was there.
"""

from __future__ import annotations

import re

# C0 controls as their control pictures (U+2400..U+241F), DEL as ␡.
_TABLE: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
_TABLE[0x7F] = "\u2421"


def _mark(code: int) -> str:
    return f"⟨U+{code:04X}⟩"


_INVISIBLE_RANGES = (
    (0x80, 0x9F),  # C1 controls, NEL and CSI among them
    (0x061C, 0x061C),  # Arabic letter mark
    (0x200B, 0x200F),  # zero-width space, joiners, LRM, RLM
    (0x2028, 0x2029),  # line and paragraph separators
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xD800, 0xDFFF),  # lone surrogates: not characters at all
    (0xE0000, 0xE007F),  # tag characters, invisible
)
for _start, _end in _INVISIBLE_RANGES:
    for _code in range(_start, _end + 1):
        _TABLE[_code] = _mark(_code)

_MULTILINE_TABLE = dict(_TABLE)
del _MULTILINE_TABLE[0x0A], _MULTILINE_TABLE[0x09]


def _class(table: dict[int, str]) -> re.Pattern[str]:
    ranges: list[list[int]] = []
    for code in sorted(table):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    body = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(f"[{body}]")


_UNSAFE = _class(_TABLE)
_UNSAFE_MULTILINE = _class(_MULTILINE_TABLE)


def clean(text: str, multiline: bool = False) -> str:
    """``text`` with every control, bidi and invisible character made visible.

    With ``multiline``, newlines and tabs are kept and a CR LF pair becomes a newline; a lone CR
    (which would overwrite the line in a terminal) is still made visible.
    """
    if multiline:
        text = text.replace("\r\n", "\n")
        if _UNSAFE_MULTILINE.search(text) is None:
            return text
        return text.translate(_MULTILINE_TABLE)
    if _UNSAFE.search(text) is None:
        return text
    return text.translate(_TABLE)


def is_clean(text: str, multiline: bool = False) -> bool:
    """True when ``clean`` would leave the text as it is."""
    if multiline:
        return "\r" not in text and _UNSAFE_MULTILINE.search(text) is None
    return _UNSAFE.search(text) is None
