"""Line numbers counted as editors count them (LF, CR LF, CR), whatever YAML's reader takes for
a line break (it also breaks at NEL, U+2028 and U+2029), in YAML files and in seeds' front
matter; and `add-source` never writes a raw line separator into the front matter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.loader import load_tree
from tui.core.seeds import parse_seed
from tui.core.yamlsafe import load_text

from tests.hostile.cases import actor_text, seed_text

SEPARATORS = {"U+2028": "\u2028", "U+2029": "\u2029", "NEL": "\x85"}

# Five errors after a summary that may carry separators: each must stay on its own line.
BROKEN = (
    "positions:\n"
    "  - issue: allied-drills\n"
    "    stance: -2\n"
    "    as_of: 2025-09-22\n"
    '    summary: "{summary}"\n'
    "    evidence:\n"
    "      - kind: quote\n"
    "        text: reckless\n"
    "        source: nowhere-1\n"
    "      - kind: quote\n"
    "        text: reckless\n"
    "        source: nowhere-2\n"
    "  - issue: sanctions\n"
    "    stance: 7\n"
    "    as_of: 2025-09-22\n"
    "    summary: out of range\n"
    "    evidence:\n"
    "      - kind: quote\n"
    "        text: reckless\n"
    "        source: nowhere-3\n"
)


def error_lines(root: Path, name: str) -> list[tuple[int, int, str]]:
    return [
        (d.line, d.col, d.message)
        for d in load_tree(root).diagnostics
        if d.path == f"positions/{name}"
    ]


@pytest.mark.parametrize("separator", sorted(SEPARATORS))
@pytest.mark.parametrize("count", [1, 5])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_separators_in_a_string_do_not_move_later_diagnostics(
    bundled_tree: Path, separator: str, count: int, newline: str
):
    plain = actor_text("plain", positions=BROKEN.format(summary="one line"))
    (bundled_tree / "positions" / "plain.yaml").write_bytes(plain.replace("\n", newline).encode())
    summary = "one" + SEPARATORS[separator] * count + " line"
    hostile = actor_text("plain", positions=BROKEN.format(summary=summary))
    expected = error_lines(bundled_tree, "plain.yaml")
    (bundled_tree / "positions" / "plain.yaml").write_bytes(hostile.replace("\n", newline).encode())
    assert error_lines(bundled_tree, "plain.yaml") == expected
    assert [line for line, _, _ in expected] == [14, 17, 19]


def test_the_positions_are_those_an_editor_shows():
    text = 'a: "x\u2028y\u2029z\x85"\nb:\n  c: 1\n  d: [1, 2\n'
    doc = load_text(text)
    assert [(p.line, p.col) for p in doc.problems] == [(5, 1)]  # the end: flow list not closed
    doc = load_text('a: "x\u2028\u2028"\r\nb:\r\n  c: 1\r\n  d: true\r\n')
    assert doc.mark(("b", "d")) == (4, 6)
    assert doc.key_mark(("b", "c")) == (3, 3)


def test_a_separator_in_a_comment_or_quoted_scalar_counts_no_line():
    # To YAML the comment ends at the separator and the rest is a value: shown where it stands.
    doc = load_text("# a comment\u2028with a separator\nb: 1\nc: [\n")
    assert [(p.line, p.col) for p in doc.problems] == [(1, 13)]
    doc = load_text('a: "\u2028"\nb: yes\n')
    assert doc.mark(("b",)) == (2, 4)


def test_a_seeds_front_matter_keeps_its_lines(tmp_path: Path):
    head = seed_text("seed-with-separator", "Body.\n")
    hostile = head.replace("title: Fixture seed-with-separator", 'title: "A\u2028B\u2029C"')
    hostile = hostile.replace("published: 2025-09-22", "published: 2025-02-30")
    parsed = parse_seed(hostile, "seeds/x.txt")
    dates = [d for d in parsed.diagnostics if "impossible date" in d.message]
    assert [(d.line, d.col) for d in dates] == [(6, 12)]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\u3164", "\u200b"])
def test_add_source_refuses_a_title_with_a_raw_separator(bundled_tree: Path, separator: str):
    article = bundled_tree.parent / "article.txt"
    article.write_text("Generated test text, not a real article.\n", encoding="utf-8")
    before = sorted(p.name for p in (bundled_tree / "seeds").iterdir())
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "add-source",
            str(article),
            "--title",
            f"Line one{separator}line two",
            "--outlet",
            "Test fixture",
            "--published",
            "2025-10-01",
            "--data",
            str(bundled_tree),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 2, result.stderr
    assert "title:" in result.stderr and "not allowed" in result.stderr
    assert sorted(p.name for p in (bundled_tree / "seeds").iterdir()) == before
