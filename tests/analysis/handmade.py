"""Small datasets built by hand, so that every figure can be worked out on paper.

The "hand" dataset (issues one..seven, actors ann, bo, cy, di), latest picture:

    issue   ann  bo   cy    di   spread  farthest        common ground
    one     -2   +2   +1    ·    4       ann / bo        -
    two     +1   +2   null  +1   1       ann/bo, di/bo   for (cy's null is absent)
    three   -1   ·    ·     -2   1       di / ann        against
    four    ·    0    +1    ·    1       bo / cy         - (0 is on no side)
    five    ·    ·    +2    ·    None    -               - (one actor only)
    six     +1c  -1   ·     ·    2       bo / ann        -
    seven   ·    ·    ·     ·    None    -               -

ann's stance on six is conditional: bo on one ≤ 0 (unmet: +2), cy on four ≥ +1 (met: +1), di on
one ≥ 0 (unknown: di has no stance). bo's stance on one was 0 from 2025-01-01 and +2 from
2025-03-01; every other stance holds from 2025-01-01.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from tui.core.dataset import Dataset, DatasetBuilder, EvidenceRecord, Location, Seed, StanceRecord
from tui.core.diagnostics import Diagnostic, Severity
from tui.core.models import Actor, Condition, Evidence, Issue, Position, SeedMeta

JAN = dt.date(2025, 1, 1)
FEB = dt.date(2025, 2, 1)
MAR = dt.date(2025, 3, 1)
SOURCE = "hand-source"


def build_dataset(
    issues: list[str],
    actors: list[str],
    stances: list[dict[str, Any]],
    *,
    names: dict[str, str] | None = None,
    titles: dict[str, str] | None = None,
    diagnostics: list[Diagnostic] | None = None,
) -> Dataset:
    """stances: dicts with actor, issue, stance and optionally as_of, conditions, evidence."""
    names = names or {}
    titles = titles or {}
    meta = SeedMeta(
        id=SOURCE,
        title="A hand-made source",
        outlet="Test Outlet",
        published=MAR,
        via=["Wire"],
    )
    ds = DatasetBuilder(root=Path("."))
    ds.seeds[SOURCE] = Seed(meta=meta, body="", location=Location(f"seeds/{SOURCE}.txt", 1, 1))
    for issue in issues:
        ds.issues[issue] = Issue(
            id=issue, title=titles.get(issue, issue.capitalize()), proposition=f"{issue}?"
        )
    for actor in actors:
        ds.actors[actor] = Actor(
            id=actor, name=names.get(actor, actor.capitalize()), role="role", country="country"
        )
    for n, spec in enumerate(stances, start=1):
        as_of = spec.get("as_of", JAN)
        evidence = spec.get("evidence") or [
            Evidence(
                kind="quote",
                text=f"{spec['actor']} on {spec['issue']}",
                source=SOURCE,
                said_on=as_of,
                via=["Agency", "Wire"],
            )
        ]
        position = Position(
            issue=spec["issue"],
            stance=spec["stance"],
            as_of=as_of,
            summary=spec.get("summary", f"{spec['actor']} on {spec['issue']}"),
            inferred=spec.get("inferred"),
            conditions=[Condition(**c) for c in spec.get("conditions", [])],
            evidence=evidence,
        )
        location = Location(f"positions/{spec['actor']}.yaml", n, 3)
        records = tuple(
            EvidenceRecord(
                actor_id=spec["actor"],
                issue_id=spec["issue"],
                as_of=as_of,
                evidence=ev,
                speaker_id=ev.speaker or spec["actor"],
                verified=spec.get("verified", True),
                spans=((0, len(ev.text)),),
                location=location,
            )
            for ev in evidence
        )
        ds.stances.append(
            StanceRecord(
                actor_id=spec["actor"], position=position, evidence=records, location=location
            )
        )
    ds.diagnostics.extend(diagnostics or [])
    return ds.freeze()


def hand_dataset() -> Dataset:
    s = [
        dict(actor="ann", issue="one", stance=-2),
        dict(actor="bo", issue="one", stance=0),
        dict(actor="bo", issue="one", stance=2, as_of=MAR),
        dict(actor="cy", issue="one", stance=1),
        dict(actor="ann", issue="two", stance=1),
        dict(actor="bo", issue="two", stance=2),
        dict(actor="cy", issue="two", stance=None),
        dict(actor="di", issue="two", stance=1),
        dict(actor="ann", issue="three", stance=-1),
        dict(actor="di", issue="three", stance=-2),
        dict(actor="bo", issue="four", stance=0),
        dict(actor="cy", issue="four", stance=1),
        dict(actor="cy", issue="five", stance=2),
        dict(
            actor="ann",
            issue="six",
            stance=1,
            conditions=[
                dict(actor="bo", issue="one", max=0, text="Bo stops pushing one."),
                dict(actor="cy", issue="four", min=1, text="Cy backs four."),
                dict(actor="di", issue="one", min=0, text="Di accepts one."),
            ],
        ),
        dict(actor="bo", issue="six", stance=-1),
    ]
    return build_dataset(
        ["one", "two", "three", "four", "five", "six", "seven"],
        ["ann", "bo", "cy", "di"],
        s,
        names={"ann": "Ann Arbor", "bo": "Bo Bell", "cy": "Cy Cole", "di": "Di Dunn"},
        diagnostics=[
            Diagnostic("positions/bo.yaml", 4, 7, Severity.ERROR, "stance: 3 is above +2"),
        ],
    )
