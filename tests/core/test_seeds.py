"""Seed files: the body is kept byte for byte; front matter errors carry the file's own lines."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.seeds import body_sha256, parse_seed, render_seed, split

META = "---\nid: s\ntitle: T\noutlet: O\npublished: 2025-09-22\n---\n"


@pytest.mark.parametrize(
    "body",
    [
        "plain\n",
        "no final newline",
        "crlf\r\nlines\r\n",
        "  leading and trailing spaces  \n\n\n",
        "---\na fence inside the body\n---\n",
        "",
    ],
)
def test_body_is_kept_byte_for_byte(body: str) -> None:
    parsed = parse_seed((META + body).encode(), "seeds/s.txt")
    assert parsed.body == body
    assert parsed.meta is not None and parsed.meta.id == "s"


def test_crlf_fences_and_a_byte_order_mark() -> None:
    text = "\ufeff" + META.replace("\n", "\r\n") + "body\r\n"
    parsed = parse_seed(text.encode(), "seeds/s.txt")
    assert parsed.meta is not None
    assert parsed.body == "body\r\n"
    assert parsed.diagnostics == []


def test_an_empty_body_is_a_warning() -> None:
    parsed = parse_seed(META, "seeds/s.txt")
    assert [d.format() for d in parsed.diagnostics] == [
        "seeds/s.txt:6:1: warning: the seed has no body"
    ]
    assert parsed.meta is not None


def test_front_matter_errors_use_the_file_lines() -> None:
    text = "---\nid: s\ntitle: T\noutlet: O\npublished: 2025-13-01\nstnace: 1\n---\nbody\n"
    parsed = parse_seed(text, "seeds/s.txt")
    assert [d.format() for d in parsed.diagnostics] == [
        "seeds/s.txt:5:12: error: impossible date 2025-13-01: month must be in 1..12",
        "seeds/s.txt:6:1: error: unknown field 'stnace'",
    ]
    assert parsed.meta is None


def test_no_closing_fence() -> None:
    assert split("---\nid: s\nbody\n") is None
    parsed = parse_seed("---\nid: s\nbody\n", "seeds/s.txt")
    assert parsed.meta is None
    assert [d.line for d in parsed.diagnostics] == [1]


def test_render_reads_back_unchanged() -> None:
    meta = {
        "id": "s",
        "title": "NO: a title YAML would misread",
        "outlet": "Outlet",
        "published": dt.date(2025, 9, 22),
        "via": ["KCNA", "Reuters"],
        "inferred": {"outlet": "From the page's house style."},
    }
    body = "First line,\r\n“second” line — verbatim.\n\n"
    text = render_seed(meta, body)
    parsed = parse_seed(text.encode(), "seeds/s.txt")
    assert parsed.diagnostics == []
    assert parsed.body == body
    assert parsed.meta is not None
    assert parsed.meta.model_dump(exclude_defaults=True) == meta


def test_a_body_that_no_longer_matches_its_recorded_hash_is_an_error_at_the_hash() -> None:
    body = "The article as added.\n"
    front = f"---\nid: s\ntitle: T\noutlet: O\npublished: 2025-09-22\nsha256: {body_sha256(body)}\n"
    front += "---\n"
    assert parse_seed(front + body, "s.txt").diagnostics == []
    edited = parse_seed(front + "The article as edited.\n", "s.txt")
    [error] = edited.diagnostics
    assert (error.path, error.line, error.col) == ("s.txt", 6, 9)
    assert edited.meta is not None  # reported, not dropped


def test_a_seed_without_a_recorded_hash_is_not_checked() -> None:
    assert parse_seed(META + "Any text.\n", "s.txt").diagnostics == []
