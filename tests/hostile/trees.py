"""Data trees for the hostile suite: the project's own data, plus files whose every text field and
article carries hostile strings. All of it is test data, labelled so, written to a directory the
caller gives and never into the project's own positions/ or seeds/.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.fixtures import FIRST_ARTICLE
from tests.hostile import payloads
from tests.hostile.payloads import yaml_double_quoted as q

REPO = Path(__file__).resolve().parents[2]
SEED_ID = "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"

HOSTILE_ACTOR = "hostile-text"
HOSTILE_ISSUE = "hostile-issue"
HOSTILE_SEED = "hostile-article"
NOTICE = "Test fixture: hostile input, not real data."

_CATEGORIES = [
    payloads.FORMULAS,  # first, so that cells start with a formula sign
    payloads.MARKUP,
    payloads.ESCAPES,
    payloads.CONTROLS,
    payloads.INVISIBLES,
    payloads.STRUCTURE,
]
_MARKERS = list(payloads.TERMINAL_MARKERS.values())


def composed(index: int) -> str:
    """One string with a payload of every kind and a terminal marker: different for each index."""
    parts = [category[index % len(category)] for category in _CATEGORIES]
    parts.append(_MARKERS[index % len(_MARKERS)])
    return " ".join(parts)


def copy_bundled(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for part in ("positions", "seeds"):
        shutil.copytree(FIRST_ARTICLE / part, root / part)
    return root


def body_lines() -> list[str]:
    """The hostile article's paragraphs, raw: each evidence item of the hostile actor cites one."""
    return [f"Paragraph {n}: {composed(n)}" for n in range(len(_MARKERS) * 2)]


def hostile_seed() -> str:
    lines = [
        "---",
        f"# {NOTICE}",
        f"id: {HOSTILE_SEED}",
        f"title: {q(composed(1))}",
        f"outlet: {q(composed(2))}",
        "published: 2025-09-22",
        f"via: [{q(composed(3))}, {q(composed(4))}]",
        f"url: {q(composed(5))}",
        "inferred:",
        f"  outlet: {q(composed(6))}",
        "---",
        # The body is not YAML: the payloads are in it raw, NUL and escapes included.
        *body_lines(),
        # Everything a terminal could act on, once more, alone on lines.
        *payloads.ALL,
        *_MARKERS,
        "",
    ]
    return "\n".join(lines)


def hostile_issue() -> str:
    """An issue to append to the catalogue's `issues:` list."""
    return "\n".join(
        [
            f"  - id: {HOSTILE_ISSUE}",
            f"    title: {q(composed(7))}",
            f"    proposition: {q(composed(8))}",
            "    scale:",
            f"      -2: {q(composed(9))}",
            f"      2: {q(composed(10))}",
            f"    description: {q(composed(11))}",
            "",
        ]
    )


def hostile_actor() -> str:
    lines = body_lines()
    evidence = []
    for n, line in enumerate(lines):
        evidence += [
            f"      - kind: {'quote' if n % 2 else 'reported'}",
            f"        text: {q(line)}",
            f"        source: {HOSTILE_SEED}",
            f"        said_on_note: {q(composed(n + 20))}",
            f"        via: [{q(composed(n + 21))}]",
        ]
    half = len(evidence) // 2 // 5 * 5
    return "\n".join(
        [
            f"# {NOTICE}",
            f"id: {HOSTILE_ACTOR}",
            f"name: {q(composed(12))}",
            f"role: {q(composed(13))}",
            f"country: {q(composed(14))}",
            "aliases:",
            *[f"  - {q(text)}" for text in [*payloads.ALL, *_MARKERS]],
            "positions:",
            f"  - issue: {HOSTILE_ISSUE}",
            "    stance: 2",
            "    as_of: 2025-09-22",
            f"    summary: {q(composed(15))}",
            "    conditions:",
            "      - actor: kim-jong-un",
            "        issue: talks-with-us",
            "        min: 1",
            f"        text: {q(composed(16))}",
            "    evidence:",
            *evidence[:half],
            "  - issue: talks-with-us",
            "    stance: -1",
            "    as_of: 2025-09-22",
            f"    summary: {q(composed(17))}",
            "    evidence:",
            *evidence[half:],
            "",
        ]
    )


def unknown_field_with_markers() -> str:
    """A file whose errors quote data: the Problems view shows what the keys were."""
    keys = "\n".join(f"{q(marker)}: 1" for marker in _MARKERS)
    return (
        f"# {NOTICE}\nid: hostile-keys\nname: Keys\nrole: Test fixture\ncountry: Nowhere\n{keys}\n"
    )


# File names are data too: a contributor chooses them, and diagnostics and the app show them.
HOSTILE_FILE_NAMES = [
    f"positions/name-{payloads.TERMINAL_MARKERS['osc52']}\u202e.yaml",
    f"seeds/name-{payloads.TERMINAL_MARKERS['c1-csi']}\u200b.txt",
]


def write_hostile_text(root: Path) -> Path:
    """Add the hostile actor, issue and article (and files of bad keys and bad names)."""
    for name in HOSTILE_FILE_NAMES:
        (root / name).write_text(f"# {NOTICE}\n", encoding="utf-8")
    (root / "seeds" / f"{HOSTILE_SEED}.txt").write_text(hostile_seed(), encoding="utf-8")
    catalogue = root / "positions" / "issues.yaml"
    text = catalogue.read_text(encoding="utf-8")
    catalogue.write_text(text.rstrip("\n") + "\n" + hostile_issue(), encoding="utf-8")
    (root / "positions" / f"{HOSTILE_ACTOR}.yaml").write_text(hostile_actor(), encoding="utf-8")
    (root / "positions" / "hostile-keys.yaml").write_text(
        unknown_field_with_markers(), encoding="utf-8"
    )
    return root


def hostile_text_tree(root: Path) -> Path:
    return write_hostile_text(copy_bundled(root))
