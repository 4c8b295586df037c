"""Hostile strings: what a contributor's text field or article may carry to act on a reader.

Each payload is something that must be shown literally (markup) or made harmless (escapes,
controls, bidi), never executed. The terminal markers are unique so that a test can tell the
bytes that came from data apart from the escape sequences the app writes itself.
"""

from __future__ import annotations

# Markup that Rich or Textual would interpret if a string reached them as markup.
MARKUP = [
    "[bold red]loud[/bold red]",
    "[/]",
    "[/bold]",
    "[@click=app.quit]quit[/]",
    "[@click=app.bell()]ring[/]",
    "[link=https://example.invalid/x]link[/link]",
    "[on $accent]accent[/]",
    "[blink reverse]x",
    "[[escaped]]",
    "\\[backslash]",
    "$accent $text-muted",
    "[b]unclosed",
    "]]]][[[[",
]

# Terminal escape sequences: CSI, OSC (title, clipboard, hyperlink), DCS, C1 controls.
ESCAPES = [
    "\x1b[31mred\x1b[0m",
    "\x1b[2J\x1b[H",
    "\x1b[6n",
    "\x1b]0;title\x07",
    "\x1b]52;c;SGVsbG8=\x07",
    "\x1b]8;;https://example.invalid\x1b\\link\x1b]8;;\x1b\\",
    "\x1bP+q544e\x1b\\",
    "\x9b31m",
    "\x9d0;c1 title\x9c",
    "\x1bc",
]

# NUL and the other C0 controls, DEL, and line separators that are not newlines.
CONTROLS = [
    "\x00",
    "nul\x00byte",
    "bell\x07",
    "back\x08space",
    "carriage\rreturn",
    "form\x0cfeed",
    "del\x7f",
    "\x85next line",
    "line\u2028separator",
    "para\u2029separator",
]

# Bidi overrides and isolates (Trojan Source), zero-width and invisible characters.
INVISIBLES = [
    "\u202eevil\u202c",
    "\u2066isolate\u2069",
    "\u200fright-to-left mark",
    "zero\u200bwidth",
    "joiner\u200d\u200c",
    "\ufeffbom inside",
    "soft\u00adhyphen",
    "\u2060word joiner",
    "tag\U000e0041",
]

# Invisible by their Unicode properties rather than by any list the sanitiser once kept:
# default-ignorable fillers that render as nothing (a name of only U+3164 is a blank column),
# noncharacters (invalid in XML, so in an SVG), private use, unassigned, variation selectors.
PROPERTY_INVISIBLES = [
    "Kim Jong Un\u3164",
    "\u3164",
    "\u115fchoseong filler",
    "half\uffa0width filler",
    "non\uffffcharacter",
    "non\ufdd0character",
    "plane\U0001fffeend",
    "private\ue000use",
    "unassigned\u0378here",
    "variation\ufe0fselector",
    "mongolian\u180evowel",
    "shorthand\U0001bca0format",
]
INVISIBLES += PROPERTY_INVISIBLES

# Strings a spreadsheet would take for a formula.
FORMULAS = [
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("https://example.invalid","x")',
]

# Text that a Markdown table, CSV or XML writer must escape.
STRUCTURE = [
    "a | b | c",
    "line one\nline two",
    '"quoted", comma',
    "<script>alert(1)</script>",
    "]]>",
    "&amp; &#0; &lt;",
    "`code` **bold**",
]

LONE_SURROGATES = ["\ud800", "x\udfffy"]

# Text a Markdown renderer links or mentions by itself (kept out of ALL: the screens and the
# terminal test have their own markers; the properties draw these for the exports and the brief).
LINKS = [
    "see https://evil.example/x?a=1&b=2 now",
    "www.evil.example",
    "mail kim@kcna.example",
    "mailto:kim@kcna.example",
    "javascript:alert(1)",
    "thanks @realDonaldTrump",
    "fixes #12",
    "GH-42",
    "[text](https://evil.example)",
    "<https://evil.example>",
    "![x](https://evil.example/pixel.png)",
]

ALL = MARKUP + ESCAPES + CONTROLS + INVISIBLES + FORMULAS + STRUCTURE

# Unique, data-borne terminal sequences for the pseudo-terminal test. None of them is
# something Textual writes itself: the payloads carry a token that only the data holds.
TERMINAL_MARKERS = {
    "osc52": "\x1b]52;c;UE9JU09OCg==\x07",
    "osc0": "\x1b]0;PWNED-TITLE\x07",
    "dsr": "\x1b[6n",
    "c1-csi": "\x9b31mC1CSI",
    "bel": "BELL\x07MARK",
    "csi-sgr": "\x1b[5;31mSGRMARK",
}


def yaml_double_quoted(text: str) -> str:
    """`text` as a YAML double-quoted scalar, every non-printable character escaped."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif code < 0x20 or code == 0x7F or 0x80 <= code < 0xA0 or 0xD800 <= code < 0xE000:
            out.append(f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}")
        elif (
            code in (0x2028, 0x2029, 0xFEFF)
            or (code & 0xFFFE) == 0xFFFE
            or 0xFDD0 <= code <= 0xFDEF
        ):
            out.append(f"\\U{code:08x}" if code > 0xFFFF else f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)
