"""What the extractor finds: each quote or reported sentence, its speaker and its confidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tui.core.extract.vocabulary import Kind

# -- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    """Who said something: a known actor, or a phrase from the article when nobody known fits."""

    actor_ids: tuple[str, ...] = ()
    label: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.actor_ids)


@dataclass(frozen=True)
class Finding:
    """One quote or reported sentence with its speaker and how sure the reading is."""

    kind: Kind
    text: str
    spans: tuple[tuple[int, int], ...]
    speaker: Speaker
    confidence: float
    reason: str
    line: int
    said_on: dt.date | None = None
    said_on_note: str | None = None
    via: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        return self.spans[0][0]


@dataclass
class Extraction:
    findings: list[Finding] = field(default_factory=list)

    @property
    def quotes(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "quote"]

    @property
    def reported(self) -> list[Finding]:
        return [f for f in self.findings if f.kind == "reported"]

    def by_actor(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            for actor_id in finding.speaker.actor_ids:
                grouped.setdefault(actor_id, []).append(finding)
        return grouped

    @property
    def unknown_speakers(self) -> list[Finding]:
        return [f for f in self.quotes if not f.speaker.known and f.speaker.label]

    @property
    def unattributed(self) -> list[Finding]:
        return [f for f in self.quotes if not f.speaker.known and not f.speaker.label]


# -- text structure --------------------------------------------------------------------------------
