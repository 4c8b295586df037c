"""Two questions about a date, kept apart.

- **As of D** ("where did they stand on D"): the stances in force on D, stated by D, whatever the
  date their source was published (an article of October may report a stance of August).
- **Known on D** ("what could an analyst know on D"): only sources published by D; a stance
  whose every source came out later is not known yet, and evidence published later is left out.

``known_on`` gives the dataset an analyst had on D; every figure, view and export built from it
then answers the second question. ``question_words`` says which question a header answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.core.dataset import Dataset


def known_on(dataset: Dataset, day: dt.date) -> Dataset:
    """The data as an analyst could know it on ``day``: sources published by then only."""
    seeds = {sid: seed for sid, seed in dataset.seeds.items() if seed.meta.published <= day}
    stances = []
    for record in dataset.stances:
        if record.as_of > day:
            continue
        evidence = tuple(ev for ev in record.evidence if ev.evidence.source in seeds)
        if not evidence:
            continue
        stances.append(
            record if evidence == record.evidence else replace(record, evidence=evidence)
        )
    return replace(dataset, seeds=seeds, stances=stances)


def question_words(day: dt.date | None, known: bool) -> str:
    """What a header says about its date, in words."""
    if day is None:
        return "no dated stances"
    if known:
        return f"known on {day.isoformat()}: only sources published by then"
    return f"as of {day.isoformat()}: stances stated by then, whenever reported"
