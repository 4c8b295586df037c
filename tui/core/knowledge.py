"""Two questions about a date, kept apart.

- **As of D** ("where did they stand on D"): the stances in force on D, stated by D, whatever the
  date their source was published (an article of October may report a stance of August).
- **Known on D** ("what could an analyst know on D"): only sources published by D; a stance
  whose every source came out later is not known yet, and evidence published later is left out.

``known_on`` gives the dataset an analyst had on D; every figure, view and export built from it
then answers the second question. ``DateQuestion`` is the one rule for what is in view, asked by
the app, the snapshot and the commands alike; ``header_words`` and ``question_words`` say which
question a header, a snapshot or a brief answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
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


def latest_known_date(dataset: Dataset) -> dt.date | None:
    """The last date anything happened: a stance took effect or a source came out."""
    dates = [*dataset.dates[-1:], *(seed.meta.published for seed in dataset.seeds.values())]
    return max(dates) if dates else None


def question_dates(dataset: Dataset, known: bool) -> tuple[dt.date, ...]:
    """The dates on which the answer can change, ascending: those of stances, and for "known
    on", those on which a source came out too."""
    if not known:
        return dataset.dates
    published = {seed.meta.published for seed in dataset.seeds.values()}
    return tuple(sorted(set(dataset.dates) | published))


@dataclass(frozen=True)
class DateQuestion:
    """Which question about which date a picture answers: ``day`` None is the latest."""

    day: dt.date | None = None
    known: bool = False

    def date_in(self, dataset: Dataset) -> dt.date | None:
        """The date the answer is about: the one asked, else the latest there is."""
        if self.day is not None:
            return self.day
        return latest_known_date(dataset) if self.known else dataset.latest_date

    def in_view(self, dataset: Dataset) -> Dataset:
        """What is in view: all the data for "as of", what was published by then for "known
        on" (the same object when nothing is left out)."""
        if not self.known:
            return dataset
        day = self.date_in(dataset)
        return dataset if day is None else known_on(dataset, day)

    def header(self, dataset: Dataset) -> str:
        return header_words(self.date_in(dataset), self.known)


def header_words(day: dt.date | None, known: bool, short: bool = False) -> str:
    """What a header says of its date: "as of 2025-10-24 · stated by then", "known on
    2025-10-24: sources published by then"; ``short``, the date and question alone."""
    if day is None:
        return "no dated stances"
    if known:
        return f"known on {day.isoformat()}" + ("" if short else ": sources published by then")
    return f"as of {day.isoformat()}" + ("" if short else " · stated by then")


def question_words(day: dt.date | None, known: bool) -> str:
    """What a header says about its date, in words."""
    if day is None:
        return "no dated stances"
    if known:
        return f"known on {day.isoformat()}: only sources published by then"
    return f"as of {day.isoformat()}: stances stated by then, whenever reported"
