"""Markdown that links: in the brief and the Markdown exports no data text can make a link or a
mention. What a renderer would link by itself (web and e-mail addresses, @mentions, issue
references) is set in a code span, where nothing is linked and the text reads as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tui.core.brief import render_brief
from tui.core.export import WHATS, frame_for, markdown_escape, render
from tui.core.loader import load_tree

from tests.hostile.cases import SEED_ID

REPO = Path(__file__).resolve().parents[2]

LINKABLE = [
    "https://evil.example/path?a=1&b=2",
    "HTTP://EVIL.EXAMPLE",
    "ftp://files.example/x",
    "www.evil.example",
    "WWW.evil.example/page",
    "kim@kcna.example",
    "first.last+tag@mail.example.org",
    "mailto:kim@kcna.example",
    "javascript:alert(1)",
    "@realDonaldTrump",
    "@org/team",
    "#12",
    "GH-42",
]
# Independent of the code under test: what GitHub's renderer links or mentions in plain text.
_LIVE = re.compile(
    r"(?i:[a-z][a-z0-9+.-]*://)|(?i:\bwww\.)|[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|(?<![\w`])@[A-Za-z0-9]|(?i:\bmailto:|\bjavascript:)|(?<![\w&])#[0-9]|(?i:\bGH-[0-9])"
)
_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def live_links(markdown: str) -> list[str]:
    """Linkable text left outside code spans (a backslash-escaped character is literal text
    and never opens a code span, so escapes are read first, as a renderer does)."""
    unescaped = _ESCAPED.sub(" ", markdown)
    return [m.group() for m in _LIVE.finditer(_CODE_SPAN.sub(" ", unescaped))]


@pytest.mark.parametrize("text", LINKABLE)
def test_each_linkable_text_is_set_in_a_code_span(text: str):
    escaped = markdown_escape(f"see {text}, then")
    assert not live_links(escaped), escaped
    assert f"`{text}`" in escaped  # as written, so it reads the same


@pytest.mark.parametrize(
    "text",
    ["Korea:North", "10:30", "C# code", "a | b", "the 38th parallel", "note:this"],
)
def test_text_that_links_nothing_is_not_set_in_code(text: str):
    assert "`" not in markdown_escape(text)


def test_a_linkable_text_inside_a_table_cell_keeps_the_table(tmp_path: Path):
    md = MarkdownIt("gfm-like", {"linkify": False})
    cell = markdown_escape("https://a.example/x|y `tick` <b>")
    html = md.render(f"| a | b |\n| --- | --- |\n| {cell} | z |\n")
    assert html.count("<td>") == 2 and "<a " not in html and "<b>" not in html


@pytest.fixture(scope="module")
def linking_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.hostile.trees import copy_bundled

    root = copy_bundled(tmp_path_factory.mktemp("links") / "tree")
    words = " ".join(LINKABLE)
    kim = root / "positions" / "kim-jong-un.yaml"
    text = kim.read_text(encoding="utf-8")
    text = text.replace("name: Kim Jong Un", f'name: "Kim Jong Un {words}"')
    text = text.replace("role: ", f'role: "{words}" # ', 1)
    text = re.sub(
        r"summary: (.*)", lambda m: f'summary: "{words} {m.group(1)[:20]}"', text, count=1
    )
    kim.write_text(text, encoding="utf-8")
    seed = root / "seeds" / f"{SEED_ID}.txt"
    seed_text = seed.read_text(encoding="utf-8")
    seed_text = re.sub(r"title: (.*)", lambda m: f'title: "{words}"', seed_text, count=1)
    seed.write_text(seed_text, encoding="utf-8")
    issues = root / "positions" / "issues.yaml"
    text = issues.read_text(encoding="utf-8")
    issues.write_text(
        re.sub(r"title: (.*)", lambda m: f'title: "{m.group(1)} {words}"', text, count=1),
        encoding="utf-8",
    )
    # One problem whose message quotes a linkable value.
    (root / "positions" / "broken.yaml").write_text(
        f'# Test fixture: not real data.\nid: "{LINKABLE[0]}"\n', encoding="utf-8"
    )
    return root


def test_the_brief_links_nothing(linking_tree: Path):
    dataset = load_tree(linking_tree)
    assert dataset.actors["kim-jong-un"].name.endswith(LINKABLE[-1])  # the payload loaded
    brief = render_brief(dataset)
    assert "https://evil.example" in brief  # shown, as text
    assert not live_links(brief), live_links(brief)[:10]
    assert "<a " not in MarkdownIt("gfm-like").render(brief)


@pytest.mark.parametrize("what", WHATS)
def test_every_markdown_export_links_nothing(linking_tree: Path, what: str):
    dataset = load_tree(linking_tree)
    markdown = render(frame_for(what, dataset, None), "md")
    assert not live_links(markdown), live_links(markdown)[:10]


def test_the_readme_says_no_data_text_can_make_a_link():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    said = " ".join(text.split())
    assert "no text from the data can" in said and "make a link or a mention" in said
