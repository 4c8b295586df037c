"""`peninsula add-source`: a verbatim seed with a derived id, never an overwrite, never bad text."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.cli.add_source import (
    EXIT_BAD_METADATA,
    EXIT_BAD_TEXT,
    EXIT_EXISTS,
    EXIT_IO,
    add_source_command,
)
from tui.core.loader import load_tree
from tui.core.seeds import parse_seed
from tui.core.sources import seed_id_for, slug

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]
ARTICLE = "“We will talk,” Lee said.\r\nSecond line — with a dash, ‘quotes’ and  two spaces.\n\n"
META = [
    "--title",
    "Lee Says Talks ‘Possible’",
    "--outlet",
    "Test Wire",
    "--published",
    "2025-10-01",
]
NEW_ID = "2025-10-01-test-wire-lee-says-talks-possible"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(FIRST_ARTICLE / "positions", root / "positions")
    shutil.copytree(FIRST_ARTICLE / "seeds", root / "seeds")
    return root


def run(tree: Path, data: bytes | None, *args: str, file: str = "-"):
    return CliRunner().invoke(add_source_command, [file, *args, "--data", str(tree)], input=data)


def seed_files(tree: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (tree / "seeds").iterdir()}


def test_the_seed_article_gets_the_id_the_project_uses():
    title = (
        "Kim Jong Un Has ‘Fond Memories’ Of Trump But Open To Talks With US Only If Washington "
        "Drops This ‘Absurd Obsession’"
    )
    assert seed_id_for(dt.date(2025, 9, 22), "Benzinga", title) == (
        "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"
    )


def test_ids_are_always_valid_ids():
    very_long = "Word " * 80
    assert len(seed_id_for(dt.date(2025, 1, 1), very_long, very_long)) <= 80
    assert seed_id_for(dt.date(2025, 1, 1), "연합뉴스", "북한") == "2025-01-01"
    assert slug("Café «Ünïcode» — Kim’s") == "cafe-unicode-kims"


def test_adds_a_seed_verbatim_that_the_loader_reads(tree):
    result = run(
        tree,
        ARTICLE.encode("utf-8"),
        *META,
        "--via",
        "KCNA, Reuters",
        "--url",
        "https://example.org/a",
    )
    assert result.exit_code == 0, result.output
    assert f"peninsula extract {NEW_ID}" in result.output
    path = tree / "seeds" / f"{NEW_ID}.txt"
    parsed = parse_seed(path.read_bytes(), path.name)
    assert parsed.body == ARTICLE  # byte for byte: CR LF, double spaces and trailing lines kept
    assert parsed.meta is not None
    assert parsed.meta.via == ["KCNA", "Reuters"]
    assert parsed.meta.published == dt.date(2025, 10, 1)
    dataset = load_tree(tree)
    assert NEW_ID in dataset.seeds
    assert not dataset.errors


def test_reads_a_file_too(tree, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("Plain text.\n", encoding="utf-8")
    result = run(tree, None, *META, file=str(article))
    assert result.exit_code == 0, result.output


def test_never_overwrites(tree):
    assert run(tree, ARTICLE.encode(), *META).exit_code == 0
    before = seed_files(tree)
    again = run(tree, b"Another text entirely.\n", *META)
    assert again.exit_code == EXIT_EXISTS
    assert "not overwritten" in again.stderr
    assert seed_files(tree) == before


def test_refuses_the_same_text_under_another_id(tree):
    assert run(tree, ARTICLE.encode(), *META).exit_code == 0
    other = run(tree, ARTICLE.encode(), *META, "--id", "another-id")
    assert other.exit_code == EXIT_EXISTS
    assert NEW_ID in other.stderr


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\xef\xbb\xbf\n", "empty"),
        (b"text\x00with a NUL", "NUL byte"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        ("caf\u00e9 au lait".encode("latin-1"), "not UTF-8: byte 0xE9 at line 1"),
        (b"ok\n\xff\xfe", "not UTF-8: byte 0xFF at line 2"),
        (bytes(range(1, 32)) * 20, "mostly not text"),
    ],
)
def test_refuses_what_is_not_an_articles_text(tree, data, message):
    before = seed_files(tree)
    result = run(tree, data, *META)
    assert result.exit_code == EXIT_BAD_TEXT
    assert message in result.stderr
    assert seed_files(tree) == before


@pytest.mark.parametrize(
    "args, message",
    [
        (["--title", "T", "--outlet", "O", "--published", "2025-02-30"], "valid date"),
        (["--title", "", "--outlet", "O", "--published", "2025-02-03"], "title"),
        (["--title", "T", "--outlet", "O", "--published", "2025-02-03", "--id", "Not An Id"], "id"),
        (["--title", "T\x1b[2J", "--outlet", "O", "--published", "2025-02-03"], "control"),
    ],
)
def test_refuses_bad_metadata(tree, args, message):
    before = seed_files(tree)
    result = run(tree, b"Some text.\n", *args)
    assert result.exit_code in (EXIT_BAD_METADATA, 2)
    assert message in result.output + result.stderr
    assert seed_files(tree) == before


def test_a_byte_order_mark_is_not_part_of_the_text(tree):
    assert run(tree, "\ufeffBody.\n".encode("utf-8"), *META).exit_code == 0
    parsed = parse_seed((tree / "seeds" / f"{NEW_ID}.txt").read_bytes(), "x")
    assert parsed.body == "Body.\n"


def test_refuses_a_directory_that_is_not_a_data_tree(tmp_path):
    result = CliRunner().invoke(
        add_source_command, ["-", *META, "--data", str(tmp_path)], input=b"x\n"
    )
    assert result.exit_code == EXIT_IO
    assert "positions/ and seeds/" in result.stderr


def test_records_an_excerpt_its_inferred_fields_and_the_hash_of_its_text(tree):
    result = run(
        tree,
        ARTICLE.encode("utf-8"),
        *META,
        "--excerpt",
        "--inferred",
        "published=Not in the stored text; from the URL path.",
        "--inferred",
        "title= The page gave no headline; this is the URL's slug. ",
    )
    assert result.exit_code == 0, result.output
    parsed = parse_seed((tree / "seeds" / f"{NEW_ID}.txt").read_bytes(), "x")
    assert parsed.meta is not None and parsed.diagnostics == []
    assert parsed.meta.excerpt is True
    assert parsed.meta.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()
    assert parsed.meta.inferred == {
        "published": "Not in the stored text; from the URL path.",
        "title": "The page gave no headline; this is the URL's slug.",
    }


def test_a_whole_article_is_not_marked_an_excerpt_but_its_hash_is_recorded(tree):
    assert run(tree, ARTICLE.encode("utf-8"), *META).exit_code == 0
    parsed = parse_seed((tree / "seeds" / f"{NEW_ID}.txt").read_bytes(), "x")
    assert parsed.meta is not None
    assert parsed.meta.excerpt is False
    assert parsed.meta.sha256 == hashlib.sha256(ARTICLE.encode("utf-8")).hexdigest()


@pytest.mark.parametrize(
    "inferred, message",
    [
        ("published", "FIELD=REASON"),
        ("=a reason", "FIELD=REASON"),
        ("published=", "FIELD=REASON"),
        ("headline=no such field", "unknown fields: headline"),
    ],
)
def test_refuses_an_inferred_field_without_a_reason_or_that_does_not_exist(tree, inferred, message):
    before = seed_files(tree)
    result = run(tree, b"Some text.\n", *META, "--inferred", inferred)
    assert result.exit_code in (EXIT_BAD_METADATA, 2)
    assert message in result.output + result.stderr
    assert seed_files(tree) == before


def test_validate_reports_a_seed_whose_text_was_edited_after_it_was_added(tree):
    assert run(tree, ARTICLE.encode("utf-8"), *META).exit_code == 0
    path = tree / "seeds" / f"{NEW_ID}.txt"
    assert not load_tree(tree).errors
    path.write_bytes(path.read_bytes().replace(b"We will talk", b"We will not talk"))
    dataset = load_tree(tree)
    [error] = [d for d in dataset.errors if d.path.endswith(path.name)]
    text = path.read_text(encoding="utf-8").splitlines()
    line = next(n for n, row in enumerate(text, 1) if row.startswith("sha256:"))
    assert (error.line, error.col) == (line, len("sha256: ") + 1)
    assert "no longer matches the sha256" in error.message
    assert NEW_ID in dataset.seeds  # the rest keeps working: the seed still loads
