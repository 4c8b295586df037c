"""The safe YAML reader on its own, with libyaml's parser and with the pure-Python one."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tui.core import yamlsafe
from tui.core.yamlsafe import INVALID, load_text, typing_hint

PARSERS = [yaml.SafeLoader] + ([yaml.CSafeLoader] if yaml.__with_libyaml__ else [])


@pytest.fixture(params=PARSERS, ids=lambda loader: loader.__name__)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    monkeypatch.setattr(yamlsafe, "Loader", request.param)
    return request.param


def problems(text: str) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.message) for p in load_text(text).problems]


def test_libyaml_is_used_when_present() -> None:
    if yaml.__with_libyaml__:
        assert yamlsafe.Loader is yaml.CSafeLoader
    else:
        assert yamlsafe.Loader is yaml.SafeLoader


def test_values_are_typed_as_yaml_1_1_types_them_and_remember_their_text(parser: type) -> None:
    doc = load_text("a: NO\nb: '012'\nc: 012\nd: 2025-09-22\ne: [on, ~, 1.5]\n")
    assert doc.data == {
        "a": False,
        "b": "012",
        "c": 10,
        "d": dt.date(2025, 9, 22),
        "e": [True, None, 1.5],
    }
    assert doc.sources == {
        ("a",): "NO",
        ("c",): "012",
        ("d",): "2025-09-22",
        ("e", 0): "on",
        ("e", 1): "~",
        ("e", 2): "1.5",
    }
    assert doc.problems == []


def test_every_value_and_key_has_its_position(parser: type) -> None:
    doc = load_text("top:\n  - name: x\n    list: [1, {k: v}]\n")
    assert doc.mark(()) == (1, 1)
    assert doc.mark(("top",)) == (2, 3)
    assert doc.mark(("top", 0)) == (2, 5)
    assert doc.mark(("top", 0, "name")) == (2, 11)
    assert doc.key_mark(("top", 0, "name")) == (2, 5)
    assert doc.mark(("top", 0, "list", 1, "k")) == (3, 19)
    # A path that is not there falls back to the nearest enclosing value.
    assert doc.mark(("top", 0, "missing")) == (2, 5)


def test_line_offset_for_embedded_yaml(parser: type) -> None:
    doc = load_text("a: 1\nb: [\n", line_offset=10)
    assert doc.data is None
    assert doc.problems[0].line > 10


@pytest.mark.parametrize("depth", [65, 1_001, 100_000])
def test_deep_nesting_is_refused_at_the_level_that_crosses_the_limit(
    parser: type, depth: int
) -> None:
    assert problems("k: " + "[" * depth) == [(1, 67, "nesting deeper than 64 levels")]


def test_deep_block_nesting(parser: type) -> None:
    text = "".join(" " * level + "k:\n" for level in range(200))
    assert problems(text) == [(65, 65, "nesting deeper than 64 levels")]


def test_anchors_aliases_and_merge_keys(parser: type) -> None:
    doc = load_text("a: &x 1\nb: *x\nc:\n  <<: {d: 1}\n")
    assert [(p.line, p.col, p.message, p.data_path) for p in doc.problems] == [
        (1, 4, "anchors are not allowed (&x); write the value out", ("a",)),
        (2, 4, "aliases are not allowed (*x); write the value out", ("b",)),
        (4, 3, "merge keys (<<) are not allowed; quote it", ("c",)),
    ]
    assert doc.data is not None and doc.data["b"] is INVALID


def test_keys_must_be_plain_values(parser: type) -> None:
    doc = load_text("? [a, b]\n: 1\nc: 2\n")
    assert [(p.line, p.col, p.message) for p in doc.problems] == [
        (1, 3, "a mapping key must be a plain value, not a list")
    ]
    assert doc.data == {"c": 2}


def test_true_and_1_cannot_both_be_keys(parser: type) -> None:
    assert problems("1: a\ntrue: b\n") == [
        (2, 1, "key 'true' clashes with the key '1' at 1:1; quote them")
    ]


def test_control_characters_are_refused_where_they_stand(parser: type) -> None:
    assert problems("a: 1\nb: x\x07y\n") == [
        (2, 5, "control character U+0007 is not allowed in YAML")
    ]


def test_too_many_values(parser: type) -> None:
    text = "a: [" + "1, " * 300_000 + "]\n"
    [(line, col, message)] = problems(text)
    assert message == f"too many values: more than {yamlsafe.MAX_VALUES} in one file"
    # The mapping, its key and the list are the first three values; each `1, ` is three columns.
    assert (line, col) == (1, 5 + 3 * (yamlsafe.MAX_VALUES - 3))


def test_a_byte_order_mark_is_not_counted_as_a_column(parser: type) -> None:
    doc = load_text("\ufeffa: yes\n")
    assert doc.mark(("a",)) == (1, 4)


@pytest.mark.parametrize(
    ("source", "value", "hint"),
    [
        ("NO", False, "YAML reads NO as false; quote it"),
        ("on", True, "YAML reads on as true; quote it"),
        ("012", 10, "YAML reads 012 as the number 10; quote it"),
        ("~", None, "YAML reads ~ as null; quote it"),
        ("", None, "the value is empty"),
        ("2025-09-22", dt.date(2025, 9, 22), "YAML reads 2025-09-22 as a date; quote it"),
        (None, "text", ""),
    ],
)
def test_typing_hints(source: str | None, value: object, hint: str) -> None:
    assert typing_hint(source, value) == hint


@pytest.mark.parametrize("code", range(128))
def test_the_ascii_check_finds_exactly_the_characters_yaml_forbids(code: int) -> None:
    text = f"a: b{chr(code)}c\n"
    found = yamlsafe.first_non_printable(text)
    allowed = code in (0x09, 0x0A, 0x0D) or 0x20 <= code <= 0x7E
    assert (found is None) == allowed
    assert found is None or found.start() == 4
    # The same verdict as the search over the whole set, which non-ASCII text takes.
    assert (yamlsafe._NON_PRINTABLE.search(text) is None) == allowed


def test_a_forbidden_character_in_non_ascii_text_is_found() -> None:
    assert problems("a: é\x07\n") == [(1, 5, "control character U+0007 is not allowed in YAML")]
    assert problems('a: "é\u2028b"\n') == []
