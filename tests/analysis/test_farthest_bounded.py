"""The brief and the exports name at most a few farthest pairs and count the rest, and work out
distances among a bounded number of actors: on a generated crowd ten times larger, the pairs
they make stay the same (counted, not timed)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tui.core import analysis as analysis_module
from tui.core.analysis import FARTHEST_NAMED, FarthestPairs
from tui.core.brief import DISTANCE_ACTORS, render_brief
from tui.core.dataset import Dataset
from tui.core.export import frame_for

from tests.analysis.handmade import build_dataset


def generated_crowd(per_end: int) -> Dataset:
    """Generated actors, half firmly against and half firmly for on one issue: every pair of
    one of each is farthest apart (per_end squared of them)."""
    actors = [f"gen-{n}" for n in range(2 * per_end)]
    stances = [
        {"actor": actor, "issue": "one", "stance": -2 if n < per_end else 2}
        for n, actor in enumerate(actors)
    ]
    names = {actor: f"Generated actor {n}" for n, actor in enumerate(actors)}
    return build_dataset(["one"], actors, stances, names=names)


class Work:
    """How many farthest pairs are made and how many distances worked out."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.pairs = 0
        self.distances = 0
        iterate, distance = FarthestPairs.__iter__, analysis_module._pair_distance

        def counted_pairs(pairs: FarthestPairs) -> Iterator:
            for pair in iterate(pairs):
                self.pairs += 1
                yield pair

        def counted_distance(*args, **kwargs):
            self.distances += 1
            return distance(*args, **kwargs)

        monkeypatch.setattr(FarthestPairs, "__iter__", counted_pairs)
        monkeypatch.setattr(analysis_module, "_pair_distance", counted_distance)

    def of(self, job) -> tuple[int, int]:
        self.pairs = self.distances = 0
        job()
        return self.pairs, self.distances


@pytest.mark.parametrize(
    "job",
    [
        lambda ds: render_brief(ds),
        lambda ds: frame_for("gaps", ds),
        lambda ds: frame_for("conditions", ds),
        lambda ds: frame_for("matrix", ds),
    ],
    ids=["brief", "gaps", "conditions", "matrix"],
)
def test_the_work_stays_the_same_on_a_crowd_ten_times_larger(job, monkeypatch) -> None:
    small, large = generated_crowd(20), generated_crowd(200)
    work = Work(monkeypatch)
    assert work.of(lambda: job(small)) == work.of(lambda: job(large))
    pairs, distances = work.of(lambda: job(large))
    assert pairs <= FARTHEST_NAMED
    assert distances <= DISTANCE_ACTORS * (DISTANCE_ACTORS - 1) // 2


def test_the_pairs_beyond_those_named_are_counted() -> None:
    ds = generated_crowd(200)
    row = frame_for("gaps", ds).iloc[0]
    assert row["farthest"].count(" / ") == FARTHEST_NAMED
    assert row["farthest"].endswith(f"; and {200 * 200 - FARTHEST_NAMED:,} more pairs as far apart")
    brief = render_brief(ds)
    assert f"and {200 * 200 - FARTHEST_NAMED:,} more pairs as far apart." in brief
    assert f"{400 - DISTANCE_ACTORS} more are left out" in brief
