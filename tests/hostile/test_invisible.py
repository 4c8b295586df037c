"""Invisible and invalid characters, decided by Unicode properties: shown as marks wherever data
is shown, valid XML in every SVG, and two actors whose names look alike are a warning."""

from __future__ import annotations

import sys
import unicodedata
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from tui.core.loader import load_tree
from tui.core.sanitize import clean, is_clean, is_shown_as_mark, without_ignorables

from tests.hostile.cases import actor_text

# Categories whose every character is shown as a mark. Cn is left to the noncharacters below:
# the sanitiser's character database may be newer than this Python's, with more assigned.
MARKED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Zl", "Zp"}
NONCHARACTERS = [
    *range(0xFDD0, 0xFDF0),
    *(p * 0x10000 + e for p in range(17) for e in (0xFFFE, 0xFFFF)),
]
DEFAULT_IGNORABLE = [
    0x00AD,
    0x034F,
    0x115F,
    0x1160,
    0x17B4,
    0x180B,
    0x200B,
    0x2060,
    0x3164,
    0xFE00,
    0xFE0F,
    0xFEFF,
    0xFFA0,
    0xFFF0,
    0x1BCA0,
    0x1D173,
    0xE0001,
    0xE0100,
]


def test_every_character_of_the_marked_categories_is_shown_as_a_mark():
    missed = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if code not in (0x09, 0x0A)
        and unicodedata.category(chr(code)) in MARKED_CATEGORIES
        and not is_shown_as_mark(chr(code))
    ]
    assert not missed, missed[:20]


@pytest.mark.parametrize("code", NONCHARACTERS + DEFAULT_IGNORABLE, ids=lambda c: f"U+{c:04X}")
def test_noncharacters_and_default_ignorables_are_shown_as_marks(code: int):
    text = f"Kim{chr(code)}Jong"
    assert clean(text) == f"Kim⟨U+{code:04X}⟩Jong"
    assert is_clean(clean(text)) and not is_clean(text)
    assert clean(text, multiline=True) == f"Kim⟨U+{code:04X}⟩Jong"


@pytest.mark.parametrize(
    "text",
    ["Lee Jae-myung", "김정은", "李在明", "Ким Чен Ын", "emoji 🙂", "a\u00a0b", "café", "ｋａｎａ"],
)
def test_visible_text_is_left_alone(text: str):
    assert clean(text) == text


@pytest.mark.parametrize(
    "impostor",
    [
        "Kim Jong Un\u3164",
        "Kim Jong\u200b Un",
        "KIM JONG UN",
        "Ｋｉｍ Ｊｏｎｇ Ｕｎ",
        "Kim Jong Un\u00ad",
        "\u115fKim Jong Un",
        "Kim Jong Un\ufe0f",
    ],
)
def test_an_actor_whose_name_looks_like_anothers_is_a_warning(bundled_tree: Path, impostor: str):
    text = actor_text("impostor").replace("name: Fixture impostor", f'name: "{impostor}"')
    (bundled_tree / "positions" / "impostor.yaml").write_text(text, encoding="utf-8")
    dataset = load_tree(bundled_tree)
    warned = [d for d in dataset.warnings if d.path == "positions/impostor.yaml"]
    assert [(d.line, d.col) for d in warned] == [(3, 7)]
    assert "looks the same as that of actor 'kim-jong-un'" in warned[0].message
    real = [d for d in dataset.warnings if d.path == "positions/kim-jong-un.yaml"]
    assert any("looks the same as that of actor 'impostor'" in d.message for d in real)
    assert without_ignorables(impostor) == without_ignorables("Kim Jong Un")


@pytest.mark.parametrize("blank", ["\u3164", "\u3164\u3164", "\u200b", " \u115f\u1160 "])
def test_a_name_of_only_invisible_characters_is_a_warning(bundled_tree: Path, blank: str):
    text = actor_text("blank").replace("name: Fixture blank", f'name: "{blank}"')
    (bundled_tree / "positions" / "blank.yaml").write_text(text, encoding="utf-8")
    dataset = load_tree(bundled_tree)
    messages = [d.message for d in dataset.diagnostics if d.path == "positions/blank.yaml"]
    assert any("name shows as nothing" in m for m in messages), messages


@pytest.fixture(scope="module")
def invalid_xml_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.hostile.trees import copy_bundled

    root = copy_bundled(tmp_path_factory.mktemp("xml") / "tree")
    path = root / "positions" / "kim-yo-jong.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("name: Kim Yo Jong", 'name: "Kim Yo Jong\\uffff\\ufdd0\\u3164"'),
        encoding="utf-8",
    )
    return root


@pytest.mark.parametrize("view", ["matrix", "actor:kim-yo-jong", "source", "quotes"])
def test_every_svg_over_noncharacters_is_valid_xml(invalid_xml_tree: Path, view: str):
    from tui.app.snapshot import render_svg
    from tui.app.views import parse_view

    spec, target = parse_view(view)
    svg = render_svg(invalid_xml_tree, spec, target, (120, 30))
    ElementTree.fromstring(svg)  # raises on a character XML does not allow (U+FFFF among them)
    assert not any(c in svg for c in "\uffff\ufdd0\u3164")
    if view.startswith("actor"):  # the name in full, its invisible characters shown as marks
        assert "⟨U+FFFF⟩⟨U+FDD0⟩⟨U+3164⟩" in svg.replace("&#160;", " ")
