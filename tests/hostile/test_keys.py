"""Keys that are not strings (`null:`, `~:`, `3:`, `yes:`, a date): each reported at its own line
and column, in the data's words (as the file writes the key), never as a Python repr."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.loader import load_tree

from tests.hostile.cases import SEED_ID, actor_text

KEYS = {
    "null": "null",
    "tilde": "~",
    "Null": "Null",
    "int": "3",
    "octal": "012",
    "float": "1.5",
    "bool": "true",
    "yes": "yes",
    "NO": "NO",
    "date": "2025-01-01",
    "timestamp": "2025-01-01 10:00:00",
}
REPRS = ("None", "datetime", "True", "False")


def position(extra_position: str = "", extra_evidence: str = "") -> str:
    return (
        "positions:\n"
        "  - issue: allied-drills\n"
        "    stance: -2\n"
        "    as_of: 2025-09-22\n"
        "    summary: Generated test data.\n"
        f"{extra_position}"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: reckless\n"
        f"        source: {SEED_ID}\n"
        f"{extra_evidence}"
    )


def diagnostics_of(root: Path, name: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in load_tree(root).diagnostics if d.path == name]


def assert_in_data_words(found: list[tuple[int, int, str]], line: int, col: int, key: str):
    assert len(found) == 1, found
    (at_line, at_col, message) = found[0]
    assert (at_line, at_col) == (line, col)
    assert f"key '{key}' is read by YAML as" in message
    assert not any(r in message for r in REPRS if r not in key), message


@pytest.mark.parametrize("kind", sorted(KEYS))
def test_a_top_level_key_is_reported_at_itself(bundled_tree: Path, kind: str):
    key = KEYS[kind]
    (bundled_tree / "positions" / "keys.yaml").write_text(
        actor_text("keys", f"{key}: value\n", position()), encoding="utf-8"
    )
    assert_in_data_words(diagnostics_of(bundled_tree, "positions/keys.yaml"), 6, 1, key)


@pytest.mark.parametrize("kind", ["null", "tilde", "int", "bool", "date"])
def test_a_key_in_a_position_is_reported_at_itself(bundled_tree: Path, kind: str):
    key = KEYS[kind]
    (bundled_tree / "positions" / "keys.yaml").write_text(
        actor_text("keys", positions=position(f"    {key}: 1\n")), encoding="utf-8"
    )
    assert_in_data_words(diagnostics_of(bundled_tree, "positions/keys.yaml"), 11, 5, key)


@pytest.mark.parametrize("kind", ["null", "float", "NO"])
def test_a_key_in_an_evidence_item_is_reported_at_itself(bundled_tree: Path, kind: str):
    key = KEYS[kind]
    (bundled_tree / "positions" / "keys.yaml").write_text(
        actor_text("keys", positions=position(extra_evidence=f"        {key}: 1\n")),
        encoding="utf-8",
    )
    found = [f for f in diagnostics_of(bundled_tree, "positions/keys.yaml") if "key" in f[2]]
    assert_in_data_words(found, 15, 9, key)


def test_a_key_in_the_issue_catalogue_is_reported_at_itself(bundled_tree: Path):
    catalogue = bundled_tree / "positions" / "issues.yaml"
    text = catalogue.read_text(encoding="utf-8")
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("  - id:"))
    lines.insert(first + 1, "    null: 1")
    catalogue.write_text("\n".join(lines), encoding="utf-8")
    found = [f for f in diagnostics_of(bundled_tree, "positions/issues.yaml") if "key" in f[2]]
    assert_in_data_words(found, first + 2, 5, "null")
