"""`peninsula add-source page.html`: a saved web page gives a seed, or nothing at all.

The pages here are WRITTEN FOR THE TEST, in the shape of a saved news page (metadata in the
head, menus and scripts around an article); the article's words are made up.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli.add_source import EXIT_BAD_METADATA, EXIT_BAD_TEXT, add_source_command
from tui.core.loader import load_tree
from tui.core.reading import MAX_BYTES

REPO = Path(__file__).resolve().parents[2]
PARAGRAPHS = (
    "<p>SEOUL - Kim Yo Jong, the powerful sister of North Korean leader Kim Jong Un, warned on"
    " Wednesday that the North would deliver a “stern response” to the drills. (Written for the"
    " test.)</p>\n"
    "<p>“The US and its followers will pay for their reckless choice,” she said in a statement"
    " carried by KCNA.</p>\n"
    "<p>South Korea's Unification Ministry said it was monitoring the situation closely.</p>\n"
)
HEAD = (
    '<meta charset="utf-8">\n'
    "<title>Kim Yo Jong warns of stern response | Test Wire</title>\n"
    '<meta property="og:title" content="Kim Yo Jong warns of stern response">\n'
    '<meta property="og:site_name" content="Test Wire">\n'
    '<link rel="canonical" href="https://wire.example/kim-yo-jong-stern">\n'
)
DATE = '<meta property="article:published_time" content="2025-10-09T08:00:00+09:00">\n'
SCRIPT = '<script>document.write("<p>Injected by the page</p>"); var track = 1;</script>\n'


def page(head: str = HEAD + DATE, article: str = PARAGRAPHS, charset: str = "utf-8") -> bytes:
    html = (
        f'<!DOCTYPE html>\n<html lang="en"><head>\n{head}{SCRIPT}</head><body>\n'
        '<nav><a href="/">Home</a> | <a href="/world">World</a></nav>\n'
        f"<article><h1>Kim Yo Jong warns of stern response</h1>\n{article}</article>\n"
        "<footer>Share this story. Copyright Test Wire.</footer>\n"
        f"{SCRIPT}</body></html>\n"
    )
    return html.encode(charset)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(REPO / "positions", root / "positions")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def run(tree: Path, data: bytes, *args: str):
    saved = tree.parent / "saved-page.html"
    saved.write_bytes(data)
    return CliRunner().invoke(add_source_command, [str(saved), *args, "--data", str(tree)])


def digest(folder: Path) -> str:
    return hashlib.sha256(
        b"".join(p.name.encode() + p.read_bytes() for p in sorted(folder.iterdir()))
    ).hexdigest()


def test_a_saved_page_becomes_a_seed_with_its_metadata_marked_inferred(tree: Path):
    result = run(tree, page(), "--via", "KCNA")
    assert result.exit_code == 0, result.output
    seed_id = "2025-10-09-test-wire-kim-yo-jong-warns-of-stern-response"
    dataset = load_tree(tree)
    seed = dataset.seeds[seed_id]
    assert seed.meta.title == "Kim Yo Jong warns of stern response"
    assert seed.meta.outlet == "Test Wire"
    assert seed.meta.published.isoformat() == "2025-10-09"
    assert seed.meta.url == "https://wire.example/kim-yo-jong-stern"
    assert set(seed.meta.inferred) == {"title", "outlet", "published", "url"}
    assert all("metadata" in reason for reason in seed.meta.inferred.values())
    assert "pay for their reckless choice" in seed.body
    for furniture in ("Home", "Share this story", "document.write", "Injected", "<p>"):
        assert furniture not in seed.body
    assert not list((tree / "seeds").glob("*.html")), "the page itself is not kept"


def test_an_option_given_wins_over_the_page_and_is_not_marked_inferred(tree: Path):
    result = run(tree, page(), "--outlet", "Yonhap")
    assert result.exit_code == 0, result.output
    (seed,) = [s for s in load_tree(tree).seeds.values() if s.meta.outlet == "Yonhap"]
    assert "outlet" not in seed.meta.inferred and "title" in seed.meta.inferred


@pytest.mark.parametrize(
    "data, message",
    [
        (page(article="<p>Subscribe to read.</p>"), "no article text found"),
        (page(article=SCRIPT * 40), "no article text found"),
        (page(head=HEAD), "gives no published date; pass --published YYYY-MM-DD"),
        (page(head=DATE), "gives no site name; pass --outlet"),
        (page().replace(b"Kim Yo Jong warns", b"Kim Yo Jong \xff warns"), "not UTF-8"),
        (page(charset="utf-16"), "not UTF-8"),
        (
            page(head=HEAD.replace("utf-8", "windows-1252") + DATE, charset="cp1252"),
            "declares the charset windows-1252",
        ),
        (
            page(
                article=PARAGRAPHS
                + '<p>Click <a href="javascript:alert(1)">javascript:alert(1)</a>'
                " to read the rest of this story and the full statement.</p>"
            ),
            "carries markup or script",
        ),
        (page(article="<p>" + "very long words " * (MAX_BYTES // 10) + "</p>"), "over"),
    ],
    ids=[
        "no-body",
        "scripts-only",
        "no-date",
        "no-site-name",
        "not-utf8",
        "utf16",
        "other-charset",
        "script-text",
        "huge",
    ],
)
def test_a_hostile_or_empty_page_is_refused_and_nothing_is_written(
    tree: Path, data: bytes, message: str
):
    before = digest(tree / "seeds")
    result = run(tree, data)
    assert result.exit_code in (EXIT_BAD_TEXT, EXIT_BAD_METADATA), result.output
    assert message in result.output
    assert digest(tree / "seeds") == before


def test_a_text_file_still_needs_its_metadata(tree: Path):
    saved = tree.parent / "article.txt"
    saved.write_text("“We will talk,” Lee said.\n", encoding="utf-8")
    result = CliRunner().invoke(add_source_command, [str(saved), "--data", str(tree)])
    assert result.exit_code == EXIT_BAD_METADATA
    assert "--title, --outlet, --published required" in result.output
