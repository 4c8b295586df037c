"""A small, valid data tree written afresh for each test, and helpers to spoil one file of it.

The fixture article is made up for these tests; the positions quote it, so every evidence item
verifies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.core.dataset import Dataset
from tui.core.loader import load_tree

SEED_BODY = (
    "A fixture article, written for the tests.\n"
    "“If the talks resume, we will attend,” Alpha said on Monday.\n"
    "Beta said sanctions had failed — a “realistic” view  of the\tsituation.\n"
)

GOOD_FILES: dict[str, str] = {
    "seeds/s1.txt": (
        "---\n"
        "id: s1\n"
        "title: A fixture article\n"
        "outlet: Fixture Outlet\n"
        "published: 2025-09-22\n"
        "via: [KCNA, Reuters]\n"
        "---\n" + SEED_BODY
    ),
    "positions/issues.yaml": (
        "issues:\n"
        "  - id: talks\n"
        "    title: Talks\n"
        "    proposition: The parties should talk.\n"
        "  - id: sanctions\n"
        "    title: Sanctions\n"
        "    proposition: Sanctions should go on.\n"
    ),
    "positions/alpha.yaml": (
        "id: alpha\n"
        "name: Alpha\n"
        "role: Leader\n"
        "country: Testland\n"
        "positions:\n"
        "  - issue: talks\n"
        "    stance: 1\n"
        "    as_of: 2025-09-22\n"
        "    summary: Open to talks.\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: If the talks resume, we will attend\n"
        "        source: s1\n"
    ),
    "positions/beta.yaml": (
        "id: beta\n"
        "name: Beta\n"
        "role: President\n"
        "country: Otherland\n"
        "positions:\n"
        "  - issue: sanctions\n"
        "    stance: -1\n"
        "    as_of: 2025-09-22\n"
        "    summary: Sanctions have failed.\n"
        "    conditions:\n"
        "      - actor: alpha\n"
        "        issue: talks\n"
        "        min: 1\n"
        "        text: if Alpha talks\n"
        "    evidence:\n"
        "      - kind: reported\n"
        "        text: Beta said sanctions had failed\n"
        "        source: s1\n"
    ),
}

# What the good tree loads: (actor, issue) of each stance.
GOOD_STANCES = {("alpha", "talks"), ("beta", "sanctions")}

TreeMaker = Callable[..., Path]


def write_tree(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """The good tree with ``files`` written over it (None removes a file)."""
    merged: dict[str, str | bytes | None] = {**GOOD_FILES, **files}
    for relative, content in merged.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink(missing_ok=True)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


@pytest.fixture
def tree(tmp_path: Path) -> TreeMaker:
    """``tree({"positions/gamma.yaml": "..."})`` writes the good tree plus those files."""

    def make(files: dict[str, str | bytes | None] | None = None) -> Path:
        return write_tree(tmp_path / "data", files or {})

    return make


@pytest.fixture
def load(tree: TreeMaker) -> Callable[..., Dataset]:
    """``load({...})``: the good tree with those files, loaded."""

    def run(files: dict[str, str | bytes | None] | None = None) -> Dataset:
        return load_tree(tree(files))

    return run


def lines(dataset: Dataset, path: str | None = None) -> list[str]:
    """The formatted diagnostics, of one file when ``path`` is given."""
    return [d.format() for d in dataset.diagnostics if path is None or d.path == path]


def stances(dataset: Dataset) -> set[tuple[str, str]]:
    return {(record.actor_id, record.issue_id) for record in dataset.stances}


def actor(actor_id: str, positions: str = "", head: str = "", name: str = "Gamma") -> str:
    """An actor file: lines 1-4 are id, name, role, country (plus ``head``), then positions."""
    text = f"id: {actor_id}\nname: {name}\nrole: Envoy\ncountry: Thirdland\n" + head
    if positions:
        text += "positions:\n" + positions
    return text


def position(
    issue: str = "talks",
    stance: str = "0",
    as_of: str = "2025-09-22",
    extra: str = "",
    evidence: str | None = None,
) -> str:
    """One position entry (6 lines before its evidence items, plus ``extra`` after `summary`)."""
    if evidence is None:
        evidence = "      - kind: quote\n        text: we will attend\n        source: s1\n"
    return (
        f"  - issue: {issue}\n"
        f"    stance: {stance}\n"
        f"    as_of: {as_of}\n"
        "    summary: A summary.\n" + extra + "    evidence:\n" + evidence
    )
