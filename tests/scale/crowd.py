"""Generated trees that are huge along one axis, for the tests that the screen never waits on them:
a crowd of actors (thousands of actor files) and a long history (thousands of dated stances on one
issue).

Everything here is fictional and says so: every file opens with a GENERATED notice, the one seed's
title and body carry the marker, and every name ends in "(generated)". Each evidence text is a
sentence of that seed, so the whole tree verifies. The trees go to a directory the caller passes,
never to the project's own `positions/` or `seeds/`.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

MARKER = "GENERATED"
NOTICE = (
    f"# {MARKER} by tests/scale/crowd.py: fictional test data for the scale tests. Not real "
    "people, outlets, articles or positions."
)
SEED_ID = "gen-crowd-statements"
FIRST_DATE = dt.date(2000, 1, 1)
# One sentence of the seed per stance value: every evidence item quotes the one for its stance.
SENTENCES = {
    -2: "We will never accept the generated proposal on any terms.",
    -1: "We have serious doubts about the generated proposal.",
    0: "We have not decided on the generated proposal yet.",
    1: "We are prepared to consider the generated proposal.",
    2: "We insist that the generated proposal be adopted now.",
}


def _issue_id(number: int) -> str:
    return f"gen-issue-{number:02d}"


def _write_issues(root: Path, issues: int) -> None:
    lines = [NOTICE, "issues:"]
    for number in range(1, issues + 1):
        lines += [
            f"  - id: {_issue_id(number)}",
            f"    title: Generated issue {number}",
            f"    proposition: The generated proposal number {number} should be adopted.",
        ]
    (root / "positions" / "issues.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_seed(root: Path) -> None:
    body = "\n".join(
        [f"Generated statements ({MARKER}): fictional test data, not a real article.", ""]
        + [SENTENCES[value] for value in sorted(SENTENCES)]
    )
    text = "\n".join(
        [
            "---",
            NOTICE,
            f"id: {SEED_ID}",
            f'title: "Generated statements ({MARKER})"',
            "outlet: Generated Wire (generated)",
            "published: 2000-01-01",
            "---",
            body,
            "",
        ]
    )
    (root / "seeds" / f"{SEED_ID}.txt").write_text(text, encoding="utf-8")


def _position(issue_id: str, stance: int, as_of: dt.date) -> list[str]:
    return [
        f"  - issue: {issue_id}",
        f"    stance: {stance}",
        f"    as_of: {as_of.isoformat()}",
        f"    summary: Generated stance {stance:+d} ({MARKER}).",
        "    evidence:",
        "      - kind: quote",
        f'        text: "{SENTENCES[stance]}"',
        f"        source: {SEED_ID}",
    ]


def _write_actor(root: Path, number: int, positions: list[list[str]]) -> None:
    actor_id = f"gen-actor-{number:05d}"
    lines = [
        NOTICE,
        f"id: {actor_id}",
        f'name: "Generated Actor {number} (generated)"',
        f'role: "fictional ({MARKER})"',
        'country: "Nowhere (fictional, generated)"',
        "positions:" if positions else "positions: []",
    ]
    for position in positions:
        lines += position
    (root / "positions" / f"{actor_id}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _start(root: Path) -> Path:
    root = Path(root)
    if root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty; generated data goes only into a new directory")
    (root / "positions").mkdir(parents=True)
    (root / "seeds").mkdir()
    _write_seed(root)
    (root / "GENERATED.txt").write_text(NOTICE + "\n", encoding="utf-8")
    return root


def write_crowd_tree(root: Path, actors: int = 5_000, issues: int = 6, seed: int = 16) -> Path:
    """``actors`` actor files, each with a stance on most of ``issues`` issues."""
    root = _start(root)
    _write_issues(root, issues)
    rng = random.Random(seed)
    for number in range(1, actors + 1):
        positions = [
            _position(_issue_id(issue), rng.randint(-2, 2), FIRST_DATE + dt.timedelta(days=issue))
            for issue in range(1, issues + 1)
            if rng.random() < 0.85
        ]
        _write_actor(root, number, positions)
    return root


def write_long_history_tree(
    root: Path, dates: int = 10_000, actors: int = 4, seed: int = 16
) -> Path:
    """``dates`` dated stances on one issue, shared out among ``actors`` actors, one a day."""
    root = _start(root)
    _write_issues(root, 2)
    rng = random.Random(seed)
    by_actor: dict[int, list[list[str]]] = {number: [] for number in range(1, actors + 1)}
    for day in range(dates):
        number = day % actors + 1
        as_of = FIRST_DATE + dt.timedelta(days=day)
        by_actor[number].append(_position(_issue_id(1), rng.randint(-2, 2), as_of))
    for number, positions in by_actor.items():
        _write_actor(root, number, positions)
    return root
