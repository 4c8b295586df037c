"""A small data tree whose stances change over time, for the timeline view's tests.

TEST DATA: fictional actors, issues and articles written for these tests; nothing here is a real
quote. The timeline, per actor and issue:

    alpha talks:  2025-01-10 -2 | 2025-03-01 +1 if beta drills <= 0 | 2025-05-01 +1, no condition
    beta talks:   2025-01-10 +2 | 2025-04-01 null (withdrawn)
    beta drills:  2025-02-01 +2
"""

from __future__ import annotations

from pathlib import Path

ISSUES = """\
issues:
  - id: talks
    title: Talks
    proposition: The two sides should talk.
    scale:
      -2: Refuses talks
      1: Open to talks
      2: Wants talks now
  - id: drills
    title: Drills
    proposition: The drills should go on.
"""

ALPHA = """\
id: alpha
name: Actor Alpha
role: Test actor
country: Testland
positions:
  - issue: talks
    stance: -2
    as_of: 2025-01-10
    summary: Refuses talks.
    evidence:
      - kind: reported
        text: Actor Alpha refused any talks.
        source: test-january
  - issue: talks
    stance: 1
    as_of: 2025-03-01
    summary: Open to talks if the drills stop.
    conditions:
      - actor: beta
        issue: drills
        max: 0
        text: The drills stop.
    evidence:
      - kind: quote
        text: We will talk once the drills stop.
        source: test-march
  - issue: talks
    stance: 1
    as_of: 2025-05-01
    summary: Open to talks, no condition.
    evidence:
      - kind: reported
        text: Actor Alpha dropped the condition on talks.
        source: test-may
"""

BETA = """\
id: beta
name: Actor Beta
role: Test actor
country: Testland
positions:
  - issue: talks
    stance: 2
    as_of: 2025-01-10
    summary: Wants talks now.
    evidence:
      - kind: reported
        text: Actor Beta called for talks at once.
        source: test-january
  - issue: talks
    stance: null
    as_of: 2025-04-01
    summary: No longer says anything about talks.
    evidence:
      - kind: reported
        text: Actor Beta would not discuss talks.
        source: test-april
  - issue: drills
    stance: 2
    as_of: 2025-02-01
    summary: Backs the drills.
    evidence:
      - kind: reported
        text: Actor Beta backed the drills.
        source: test-february
"""

SEEDS = {
    "test-january": (
        "2025-01-10",
        "Actor Alpha refused any talks. Actor Beta called for talks at once.",
    ),
    "test-february": ("2025-02-01", "Actor Beta backed the drills."),
    "test-march": ("2025-03-01", 'Actor Alpha said: "We will talk once the drills stop."'),
    "test-april": ("2025-04-01", "Actor Beta would not discuss talks."),
    "test-may": ("2025-05-01", "Actor Alpha dropped the condition on talks."),
}


def write_timeline_tree(root: Path) -> Path:
    positions, seeds = root / "positions", root / "seeds"
    positions.mkdir(parents=True)
    seeds.mkdir(parents=True)
    (positions / "issues.yaml").write_text(ISSUES, encoding="utf-8")
    (positions / "alpha.yaml").write_text(ALPHA, encoding="utf-8")
    (positions / "beta.yaml").write_text(BETA, encoding="utf-8")
    for seed_id, (published, body) in SEEDS.items():
        (seeds / f"{seed_id}.txt").write_text(
            "---\n"
            f"id: {seed_id}\n"
            f"title: Test report {published} (fictional, test data)\n"
            "outlet: Test Wire\n"
            f"published: {published}\n"
            "---\n"
            "TEST DATA, fictional, written for the timeline tests.\n"
            f"{body}\n",
            encoding="utf-8",
        )
    return root
