"""Properties for the round-two classes: line counting, keys that are not strings, what the
sanitiser marks, Markdown that links, and the elision split. A few examples in `make test`, many
under `make fuzz`."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tui.core.export import markdown_escape
from tui.core.sanitize import clean, is_clean, is_shown_as_mark, without_ignorables
from tui.core.verify import pieces
from tui.core.yamlsafe import load_text

from tests.hostile.profiles import hostile_settings
from tests.hostile.test_markdown_links import LINKABLE, live_links

SEPARATORS = "\x85\u2028\u2029"
_plain_chars = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters='"\\'
)
quoted_values = st.text(alphabet=_plain_chars | st.sampled_from(SEPARATORS), max_size=12)


@hostile_settings(25)
@given(values=st.lists(quoted_values, min_size=1, max_size=8), crlf=st.booleans())
def test_a_problem_after_any_separators_is_at_the_editors_line(values: list[str], crlf: bool):
    lines = [f'k{index}: "{value}"' for index, value in enumerate(values)]
    lines.append("when: 2025-02-30")
    text = ("\r\n" if crlf else "\n").join(lines) + "\n"
    doc = load_text(text)
    dates = [p for p in doc.problems if "impossible date" in p.message]
    assert [(p.line, p.col) for p in dates] == [(len(values) + 1, 7)]


KEY_SPELLINGS = [
    "null",
    "~",
    "Null",
    "NULL",
    "3",
    "-1",
    "0x1F",
    "1.5",
    "true",
    "False",
    "yes",
    "NO",
    "on",
    "2025-01-01",
]


@hostile_settings(25)
@given(
    before=st.lists(st.sampled_from(["a: 1", "b: x", 'c: "y\u2028z"']), max_size=5),
    key=st.sampled_from(KEY_SPELLINGS),
)
def test_a_key_that_is_not_a_string_is_placed_at_itself(before, key):
    from tui.core.models import Actor
    from tui.core.validation import validate_record

    from tests.hostile.cases import actor_text

    middle = "".join(f"{line}\n" for line in before)
    body = middle + f"{key}: value\n"
    text = actor_text("k", body, positions="positions: []\n")
    doc = load_text(text)
    record, errors = validate_record(Actor, doc.data, doc, (), "k.yaml", doc.problem_paths())
    keyed = [e for e in errors if f"key '{key}'" in e.message]
    if not keyed:  # a duplicate of an earlier key of the same value is reported as such
        assert any("duplicate" in p.message or "clashes" in p.message for p in doc.problems)
        return
    assert [(e.line, e.col) for e in keyed] == [(6 + len(before), 1)]
    assert "None" not in keyed[0].message and "datetime" not in keyed[0].message


@hostile_settings(50)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_cleaned_text_holds_no_character_that_should_be_a_mark(text: str):
    cleaned = clean(text)
    assert is_clean(cleaned)
    assert not any(is_shown_as_mark(c) for c in cleaned)
    assert is_clean(clean(text, multiline=True), multiline=True)
    assert without_ignorables(without_ignorables(text)) == without_ignorables(text)


_linky = st.sampled_from([*LINKABLE, " ", ".", ",", "|", "`", "<", ">", "\\", "(", ")", "a", "é"])


@hostile_settings(50)
@given(parts=st.lists(_linky | st.text(max_size=5), max_size=12))
def test_no_escaped_text_makes_a_link(parts: list[str]):
    escaped = markdown_escape("".join(parts))
    assert not live_links(escaped), escaped


_OLD_ELISION = re.compile(r"\s*(?:\[\s*(?:\.{3,}|…)\s*\]|(?:\.{3,}|…)\.?)\s*")
_evidence_chars = st.sampled_from(["a", "b", " ", "\t", "\n", "\u3000", ".", "…", "[", "]", "x"])


@hostile_settings(100)
@given(text=st.text(alphabet=_evidence_chars, max_size=30))
def test_the_linear_elision_split_gives_the_pieces_the_old_one_gave(text: str):
    """On short texts, where the old split's cost did not matter, both give the same pieces."""
    old = (
        [p.strip() for p in _OLD_ELISION.split(text)]
        if ("..." in text or "…" in text)
        else [text.strip()]
    )
    assert pieces(text, fold=False) == [p for p in old if p]
