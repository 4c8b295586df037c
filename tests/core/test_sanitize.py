"""Untrusted text made safe to show: nothing invisible or executable survives, nothing is lost."""

from __future__ import annotations

import pytest

from tui.core import sanitize
from tui.core.sanitize import clean, is_clean


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("\x1b[31mred", "␛[31mred"),
        ("bell\x07", "bell␇"),
        ("nul\x00", "nul␀"),
        ("del\x7f", "del␡"),
        ("csi\x9b", "csi⟨U+009B⟩"),
        ("nel\x85", "nel⟨U+0085⟩"),
        ("a\u202eb", "a⟨U+202E⟩b"),
        ("a\u2066b\u2069", "a⟨U+2066⟩b⟨U+2069⟩"),
        ("lrm\u200e rlm\u200f alm\u061c", "lrm⟨U+200E⟩ rlm⟨U+200F⟩ alm⟨U+061C⟩"),
        ("zw\u200b\u200c\u200d\u2060\ufeff", "zw⟨U+200B⟩⟨U+200C⟩⟨U+200D⟩⟨U+2060⟩⟨U+FEFF⟩"),
        ("lone\ud800", "lone⟨U+D800⟩"),
        ("line\u2028sep", "line⟨U+2028⟩sep"),
        ("tag\U000e0041", "tag⟨U+E0041⟩"),
        ("a\nb\tc\rd", "a␊b␉c␍d"),
    ],
)
def test_single_line_makes_every_unsafe_character_visible(raw: str, shown: str) -> None:
    assert clean(raw) == shown
    assert is_clean(clean(raw))
    assert not is_clean(raw)


def test_multiline_keeps_newlines_and_tabs_only() -> None:
    assert clean("a\nb\tc", multiline=True) == "a\nb\tc"
    assert clean("a\r\nb", multiline=True) == "a\nb"
    assert clean("a\rb\x1b", multiline=True) == "a␍b␛"
    assert is_clean("a\nb", multiline=True)
    assert not is_clean("a\r\nb", multiline=True)


@pytest.mark.parametrize(
    "text", ["", "Kim Jong Un’s “fond memories” — U.S.–South Korea", "김정은 위원장", "emoji 🙂 ok"]
)
def test_ordinary_text_is_unchanged(text: str) -> None:
    assert clean(text) is text or clean(text) == text
    assert is_clean(text)


def test_the_common_ranges_read_without_regex_hold_no_character_it_would_mark():
    # Text of only these characters is passed by `re` without asking `regex` for properties:
    # each of them must be one that `regex` would leave alone, or a mark would go missing.
    import regex

    unsafe = regex.compile(f"[{sanitize._SHOWN_AS_MARK}]")
    spans = regex.findall(r"(.)-(.)", sanitize.COMMON_SAFE)
    assert len(spans) == 11
    marked = [
        f"U+{code:04X}"
        for low, high in spans
        for code in range(ord(low), ord(high) + 1)
        if unsafe.match(chr(code))
    ]
    assert marked == []


def test_a_mark_among_common_characters_is_still_made():
    # Curly quotes and a dash keep the text off the ASCII path; the zero-width space is marked.
    assert sanitize.clean("“Kim–Trump”\u200b") == "“Kim–Trump”⟨U+200B⟩"
    assert sanitize.clean("“Kim–Trump” 김정은") == "“Kim–Trump” 김정은"
    assert sanitize.clean("line\n“two”\u2028", multiline=True) == "line\n“two”⟨U+2028⟩"
