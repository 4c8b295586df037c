"""A data tree, written for the tests, where one statement is carried by two outlets in two
wordings and cited from two actor files: one statement, two renderings."""

from __future__ import annotations

from pathlib import Path

SEEDS = {
    "wire": (
        "---\nid: wire\ntitle: Alpha will attend\noutlet: Wire Service\npublished: 2025-09-22\n"
        "---\nA report written for the tests. Alpha said: “We will attend the talks.”\n"
    ),
    "daily": (
        "---\nid: daily\ntitle: Alpha to attend\noutlet: Daily Paper\npublished: 2025-09-23\n"
        "via: [Wire Service]\n"
        "---\nAnother report written for the tests. Alpha told reporters: "
        "“we shall attend those talks.”\n"
    ),
}
ISSUES = "issues:\n  - id: talks\n    title: Talks\n    proposition: The parties should talk.\n"
ALPHA = (
    "id: alpha\nname: Alpha\nrole: Leader\ncountry: Testland\npositions:\n"
    "  - issue: talks\n    stance: 1\n    as_of: 2025-09-22\n    summary: Will attend.\n"
    "    evidence:\n"
    "      - kind: quote\n        text: We will attend the talks.\n        source: wire\n"
    "        statement: alpha-attends\n"
)
BETA = (
    "id: beta\nname: Beta\nrole: Envoy\ncountry: Otherland\npositions:\n"
    "  - issue: talks\n    stance: 1\n    as_of: 2025-09-23\n    summary: Alpha comes, so do we.\n"
    "    evidence:\n"
    "      - kind: quote\n        text: we shall attend those talks.\n        source: daily\n"
    "        speaker: alpha\n        statement: alpha-attends\n"
)


def write_renderings_tree(root: Path) -> Path:
    (root / "seeds").mkdir(parents=True)
    (root / "positions").mkdir()
    for name, text in SEEDS.items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    (root / "positions" / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    (root / "positions" / "alpha.yaml").write_text(ALPHA, encoding="utf-8")
    (root / "positions" / "beta.yaml").write_text(BETA, encoding="utf-8")
    return root
