"""Gap analysis: how far apart the actors are, what blocks talks, and where they agree.

Every figure is built from the stances in force on one date (``Dataset.as_of``) and keeps the
``StanceRecord`` objects it comes from, so that a view can show the stances and the evidence behind
any number (``.records`` and ``.evidence`` on every result).

Rules, decided once here:

- **Absent is not 0.** An actor with no record on an issue, or a record whose stance is null, is
  *unknown* there: it is left out of spreads, distances and common ground, and listed as absent.
- **Spread** of an issue is max - min over the actors with a known stance. It needs two of them:
  with fewer, ``spread`` is None (one actor alone says nothing about a gap).
- **Distance** between two actors is the mean absolute difference of their stances over the issues
  both have a stance on, with ``shared`` (how many) beside it and ``solidity`` = shared / issues in
  the catalogue, so a distance resting on one issue of six reads as thin (1/6), not as solid as one
  resting on six (6/6). With no shared issue the distance is None.
- **Conditions** are checked against the target actor's stance in force: met, unmet, or unknown
  when the target has no known stance (unknown never counts as met or unmet). The target of an
  unmet condition is who blocks it.
- **Quorum.** Agreement needs enough voices: an issue with fewer than ``quorum`` known stances
  (default ``DEFAULT_QUORUM``, 3) is "too few known", never common ground, and ranks after every
  issue that meets the quorum. Every such figure says how many are known ("3 of 4 known").
- **Common ground** is an issue on which at least ``quorum`` actors have a known stance and every
  one of them is on the same side: all above 0 ("for") or all below 0 ("against"). A 0 is on
  neither side, so one neutral stance means no common ground. Conditional stances count at their
  value; the result names them, since a condition may still stand in the way. Each row keeps the
  stances themselves, so a view shows their summaries side by side: the same side may be taken for
  different reasons.
- **Starting points for talks**: issues ranked by spread, narrowest first (then more actors known
  first, then catalogue order); issues below the quorum come last, then those with fewer than two
  known actors. Ranking does not hide blocks: an issue is flagged when a stance on it has an unmet
  condition (``blocked``) or when it is the issue an unmet condition points at (``blocking``).
- **Basis.** ``basis`` (see ``tui.core.basis``) leaves out the stances that do not count: ``own``
  keeps the actors' own words only, ``reported`` leaves out inferences, ``all`` keeps every stance.
  ``inferred_figures`` says how many figures rest on at least one inferred stance.

pandas is imported inside the ``*_frame`` functions only, so loading this module stays cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations, islice, product
from typing import TYPE_CHECKING, Literal, overload

from tui.core.basis import FILTER_WORDS, BasisFilter, admits, is_inferred
from tui.core.records import Condition
from tui.core.stances import number

DEFAULT_QUORUM = 3
TOO_FEW_KNOWN = "too few known"
# How many farthest pairs a brief or an export row names; the rest are counted, never listed:
# with thousands of actors at each end there are millions of them.
FARTHEST_NAMED = 3

if TYPE_CHECKING:
    import pandas as pd

    from tui.core.dataset import Dataset, EvidenceRecord, StanceRecord

ConditionStatus = Literal["met", "unmet", "unknown"]


def _unique(records: tuple[StanceRecord, ...]) -> tuple[StanceRecord, ...]:
    # By identity: records hold lists (conditions), so they cannot be hashed.
    seen: set[int] = set()
    unique = []
    for record in records:
        if id(record) not in seen:
            seen.add(id(record))
            unique.append(record)
    return tuple(unique)


class _Figure:
    """A figure of the analysis: the stances it comes from, and so their evidence."""

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        raise NotImplementedError

    @property
    def evidence(self) -> tuple[EvidenceRecord, ...]:
        return tuple(ev for record in self.records for ev in record.evidence)


@dataclass(frozen=True)
class FarthestPairs(Sequence["tuple[StanceRecord, StanceRecord]"]):
    """The pairs (low end, high end) whose gap equals the spread, in actor order, made when read:
    with thousands of actors at each end there are millions of them, and a view names three.

    ``highs`` empty means every known stance is level: each pair of ``lows`` once."""

    lows: tuple[StanceRecord, ...] = ()
    highs: tuple[StanceRecord, ...] = ()

    def __len__(self) -> int:
        if not self.highs:
            return len(self.lows) * (len(self.lows) - 1) // 2
        return len(self.lows) * len(self.highs)

    def __iter__(self) -> Iterator[tuple[StanceRecord, StanceRecord]]:
        if not self.highs:
            return combinations(self.lows, 2)
        return product(self.lows, self.highs)

    @overload
    def __getitem__(self, index: int) -> tuple[StanceRecord, StanceRecord]: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[tuple[StanceRecord, StanceRecord], ...]: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            return tuple(islice(self, start, stop, step))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if self.highs:  # cheap: no need to walk the pairs before it
            return self.lows[index // len(self.highs)], self.highs[index % len(self.highs)]
        return next(islice(self, index, None))

    def named(
        self, limit: int = FARTHEST_NAMED
    ) -> tuple[tuple[tuple[StanceRecord, StanceRecord], ...], int]:
        """The first ``limit`` pairs, and how many more there are: the pairs a reader is given,
        made without walking the rest."""
        shown = self[:limit]
        return shown, len(self) - len(shown)


@dataclass(frozen=True)
class IssueSpread(_Figure):
    """How far apart the actors with a known stance are on one issue."""

    issue_id: str
    known: tuple[StanceRecord, ...]  # stance is not None; actor order
    absent: tuple[str, ...]  # actor ids with no known stance on this issue
    spread: int | None  # max - min; None when fewer than two actors are known
    low: int | None
    high: int | None
    # Every pair (low end, high end) whose gap equals the spread; empty when spread is None.
    farthest: FarthestPairs

    @property
    def n_known(self) -> int:
        return len(self.known)

    @property
    def known_words(self) -> str:
        """ "3 of 4 known"."""
        return known_words(self.n_known, self.n_known + len(self.absent))

    @property
    def farthest_pair(self) -> tuple[StanceRecord, StanceRecord] | None:
        return self.farthest[0] if self.farthest else None

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        return self.known


@dataclass(frozen=True)
class IssueGap(_Figure):
    """Two actors' stances on one issue both have a stance on."""

    issue_id: str
    a: StanceRecord
    b: StanceRecord

    @property
    def gap(self) -> int:
        return abs(self.a.stance - self.b.stance)  # type: ignore[operator]

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        return (self.a, self.b)


@dataclass(frozen=True)
class PairDistance(_Figure):
    """How far apart two actors are over every issue both have a stance on."""

    actor_a: str
    actor_b: str
    issue_ids: tuple[str, ...]  # the shared issues, catalogue order
    total_gap: int  # sum of the gaps over the shared issues
    issues_total: int  # issues in the catalogue: the most a distance could rest on
    # Each actor's known stances by issue, shared with the other pairs: the per-issue gaps are
    # built when asked for, since a large picture has tens of thousands of them.
    known_a: dict[str, StanceRecord] = field(repr=False, compare=False)
    known_b: dict[str, StanceRecord] = field(repr=False, compare=False)

    @property
    def gaps(self) -> tuple[IssueGap, ...]:
        """The gap on each shared issue, catalogue order."""
        return tuple(IssueGap(i, self.known_a[i], self.known_b[i]) for i in self.issue_ids)

    @property
    def shared(self) -> int:
        return len(self.issue_ids)

    @property
    def distance(self) -> float | None:
        """Mean absolute difference over shared issues (0..4); None when none are shared."""
        return self.total_gap / self.shared if self.issue_ids else None

    @property
    def solidity(self) -> float:
        """Share of the catalogue the distance rests on: 1/6 is thin, 6/6 is solid."""
        return self.shared / self.issues_total if self.issues_total else 0.0

    @property
    def basis(self) -> str:
        noun = "issue" if self.issues_total == 1 else "issues"
        return f"over {self.shared} of {self.issues_total} {noun}"

    def gap_on(self, issue_id: str) -> IssueGap | None:
        """The two stances on one issue, when both actors have one."""
        if issue_id not in self.known_a or issue_id not in self.known_b:
            return None
        return IssueGap(issue_id, self.known_a[issue_id], self.known_b[issue_id])

    def involves(self, actor_id: str) -> bool:
        return actor_id in (self.actor_a, self.actor_b)

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        return tuple(r for g in self.gaps for r in g.records)


@dataclass(frozen=True)
class ConditionCheck(_Figure):
    """One condition of one conditional stance, against the target actor's stance in force."""

    holder: StanceRecord  # the conditional stance
    index: int  # position of the condition in the stance's list
    condition: Condition
    target: StanceRecord | None  # the target actor's stance on the target issue, if any record
    status: ConditionStatus
    sentence: str  # e.g. "Kim Jong Un's condition for Talks with the US is unmet: ..."

    @property
    def target_stance(self) -> int | None:
        return self.target.stance if self.target is not None else None

    @property
    def blocker(self) -> str | None:
        """The actor whose stance blocks the condition, when it is unmet."""
        return self.condition.actor if self.status == "unmet" else None

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        return (self.holder,) if self.target is None else (self.holder, self.target)


@dataclass(frozen=True)
class CommonGround(_Figure):
    """An issue on which every actor with a known stance (two or more) is on the same side."""

    issue_id: str
    side: int  # +1: all for; -1: all against
    known: tuple[StanceRecord, ...]
    absent: tuple[str, ...]

    @property
    def side_word(self) -> str:
        return "for" if self.side > 0 else "against"

    @property
    def known_words(self) -> str:
        return known_words(len(self.known), len(self.known) + len(self.absent))

    @property
    def reasons(self) -> tuple[tuple[str, str], ...]:
        """(actor id, summary) of each known stance, side by side: agreeing on a side is not
        agreeing for the same reason ("pressure only strengthened us" beside "sanctions
        failed"), and a reader must see which it is."""
        return tuple((r.actor_id, r.position.summary) for r in self.known)

    @property
    def conditional(self) -> tuple[str, ...]:
        """Actors whose agreement here comes with conditions."""
        return tuple(r.actor_id for r in self.known if r.is_conditional)

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        return self.known


@dataclass(frozen=True)
class StartingPoint(_Figure):
    """One issue in the ranking of starting points for talks."""

    rank: int  # 1 = narrowest spread
    spread: IssueSpread
    blocked: tuple[ConditionCheck, ...]  # unmet conditions of stances on this issue
    blocking: tuple[ConditionCheck, ...]  # unmet conditions that point at this issue
    common_ground: CommonGround | None
    quorum: int = DEFAULT_QUORUM

    @property
    def issue_id(self) -> str:
        return self.spread.issue_id

    @property
    def too_few_known(self) -> bool:
        """Fewer known stances than the quorum: no agreement can be read here."""
        return self.spread.n_known < self.quorum

    @property
    def is_blocked(self) -> bool:
        return bool(self.blocked)

    @property
    def records(self) -> tuple[StanceRecord, ...]:
        extra = tuple(r for c in self.blocked + self.blocking for r in c.records)
        return _unique(self.spread.records + extra)


@dataclass(frozen=True)
class Analysis:
    """All gap figures for one date. ``as_of`` is the date asked for (None: the latest picture)."""

    dataset: Dataset
    as_of: dt.date | None
    issue_ids: tuple[str, ...]
    actor_ids: tuple[str, ...]
    spreads: tuple[IssueSpread, ...]  # catalogue order
    distances: tuple[PairDistance, ...]  # among grid_actor_ids, actor order, each pair once
    conditions: tuple[ConditionCheck, ...]  # issue order, then actor order
    common_ground: tuple[CommonGround, ...]  # catalogue order
    ranking: tuple[StartingPoint, ...]  # narrowest spread first
    quorum: int = DEFAULT_QUORUM
    basis: BasisFilter = "all"
    left_out: tuple[StanceRecord, ...] = ()  # stances in force that the basis leaves out
    # The actors the distances are worked out among: every actor, or with ``grid_size`` the
    # ones with the most known stances (see ``grid_actors``).
    grid_actor_ids: tuple[str, ...] = ()

    @property
    def grid_left_out(self) -> int:
        """How many actors the distance grid leaves out."""
        return len(self.actor_ids) - len(self.grid_actor_ids)

    @property
    def inferred_figures(self) -> int:
        """How many figures (spreads, distances, conditions, common ground) rest on an inference."""
        figures: tuple[_Figure, ...] = (
            *[s for s in self.spreads if s.spread is not None],
            *[d for d in self.distances if d.shared],
            *self.conditions,
            *self.common_ground,
        )
        # Figures share their stances (a stance is in its spread, its pairs, its conditions):
        # each is judged once, by identity, as stances hold lists and cannot be hashed.
        judged: dict[int, bool] = {}

        def inferred(record: StanceRecord) -> bool:
            found = judged.get(id(record))
            if found is None:
                found = judged[id(record)] = is_inferred(record)
            return found

        return sum(1 for f in figures if any(inferred(r) for r in f.records))

    @property
    def figures_total(self) -> int:
        return (
            sum(1 for s in self.spreads if s.spread is not None)
            + sum(1 for d in self.distances if d.shared)
            + len(self.conditions)
            + len(self.common_ground)
        )

    @property
    def date(self) -> dt.date | None:
        """The date the picture describes: the one asked for, else the latest stance date."""
        if self.as_of is not None:
            return self.as_of
        return self.dataset.latest_date

    def spread(self, issue_id: str) -> IssueSpread:
        return next(s for s in self.spreads if s.issue_id == issue_id)

    def distance(self, actor_a: str, actor_b: str) -> PairDistance:
        """The pair in either order; the returned pair keeps actor order."""
        pair = {actor_a, actor_b}
        return next(d for d in self.distances if {d.actor_a, d.actor_b} == pair)

    @property
    def unmet(self) -> tuple[ConditionCheck, ...]:
        return tuple(c for c in self.conditions if c.status == "unmet")

    @property
    def widest(self) -> tuple[IssueSpread, ...]:
        """Issues with a measurable spread above 0, widest first (catalogue order on ties)."""
        measured = [s for s in self.spreads if s.spread]
        return tuple(sorted(measured, key=lambda s: -s.spread))  # type: ignore[operator]

    # -- frames for export ---------------------------------------------------------------------

    def gaps_frame(self) -> pd.DataFrame:
        return gaps_frame(self)

    def distances_frame(self) -> pd.DataFrame:
        return distances_frame(self)

    def conditions_frame(self) -> pd.DataFrame:
        return conditions_frame(self)


# -- building ----------------------------------------------------------------------------------


def _ordered_ids(preferred: list[str], seen: set[str]) -> tuple[str, ...]:
    """Catalogue order first, then anything else seen, sorted, so nothing is silently dropped."""
    return tuple(preferred) + tuple(sorted(seen - set(preferred)))


def basis_caveat(analysis: Analysis) -> str:
    """E.g. "Figures count every stance, inferences included; 4 of 9 rest on an inference"."""
    head = f"Figures count {FILTER_WORDS[analysis.basis]}"
    if analysis.left_out:
        head += f" ({len(analysis.left_out)} stances left out)"
    inferred, total = analysis.inferred_figures, analysis.figures_total
    if analysis.basis == "all":
        return f"{head}; {inferred} of {total} rest on an inferred stance."
    return f"{head}."


def known_words(known: int, total: int) -> str:
    return f"{known} of {total} known"


def grid_actors(
    actor_ids: tuple[str, ...], known_by_actor: Mapping[str, Mapping[str, object]], size: int | None
) -> tuple[str, ...]:
    """The ``size`` actors with the most known stances (catalogue order on ties), in catalogue
    order; every actor when ``size`` is None. Distances grow with the square of the actors:
    12.5 million pairs for 5,000, more than any screen or reader takes in."""
    if size is None or len(actor_ids) <= size:
        return actor_ids
    rank = {actor: n for n, actor in enumerate(actor_ids)}
    most = sorted(actor_ids, key=lambda a: (-len(known_by_actor[a]), rank[a]))[: max(size, 0)]
    return tuple(sorted(most, key=rank.__getitem__))


def analyse(
    dataset: Dataset,
    as_of: dt.date | None = None,
    *,
    basis: BasisFilter = "all",
    quorum: int = DEFAULT_QUORUM,
    grid_size: int | None = None,
) -> Analysis:
    """Every gap figure for the picture on ``as_of`` (the latest when None), counting only the
    stances ``basis`` admits, and agreement only among ``quorum`` known stances or more. With
    ``grid_size``, distances only among that many actors (see ``grid_actors``)."""
    full = dataset.as_of(as_of)
    picture = full if basis == "all" else {k: r for k, r in full.items() if admits(basis, r)}
    left_out = tuple(r for k, r in full.items() if k not in picture)
    issue_ids = _ordered_ids(list(dataset.issues), {issue for _, issue in picture})
    actor_ids = _ordered_ids(list(dataset.actors), {actor for actor, _ in picture})

    spreads = tuple(_issue_spread(issue, actor_ids, picture) for issue in issue_ids)
    issue_rank = {issue: n for n, issue in enumerate(issue_ids)}
    known_by_actor: dict[str, dict[str, StanceRecord]] = {a: {} for a in actor_ids}
    values_by_actor: dict[str, dict[str, int]] = {a: {} for a in actor_ids}
    for (actor, issue), record in picture.items():
        if record.stance is not None:
            known_by_actor[actor][issue] = record
            values_by_actor[actor][issue] = record.stance
    grid = grid_actors(actor_ids, known_by_actor, grid_size)
    distances = tuple(
        _pair_distance(
            a,
            b,
            issue_rank,
            known_by_actor,
            values_by_actor,
            len(dataset.issues) or len(issue_ids),
        )
        for a, b in combinations(grid, 2)
    )
    conditions = tuple(
        check
        for issue in issue_ids
        for actor in actor_ids
        if (held := picture.get((actor, issue))) is not None
        for check in _condition_checks(dataset, held, picture)
    )
    common = tuple(c for s in spreads if (c := _common_ground(s, quorum)) is not None)
    ranking = _ranking(spreads, conditions, common, quorum)
    return Analysis(
        dataset=dataset,
        as_of=as_of,
        issue_ids=issue_ids,
        actor_ids=actor_ids,
        spreads=spreads,
        distances=distances,
        conditions=conditions,
        common_ground=common,
        ranking=ranking,
        quorum=quorum,
        basis=basis,
        left_out=left_out,
        grid_actor_ids=grid,
    )


def _known(record: StanceRecord | None) -> bool:
    return record is not None and record.stance is not None


def _issue_spread(
    issue_id: str, actor_ids: tuple[str, ...], picture: Mapping[tuple[str, str], StanceRecord]
) -> IssueSpread:
    known = tuple(picture[(a, issue_id)] for a in actor_ids if _known(picture.get((a, issue_id))))
    absent = tuple(a for a in actor_ids if not _known(picture.get((a, issue_id))))
    if len(known) < 2:
        only = known[0].stance if known else None
        return IssueSpread(issue_id, known, absent, None, only, only, FarthestPairs())
    values = [r.stance for r in known]
    low, high = min(values), max(values)  # type: ignore[type-var]
    if low == high:  # all level: every pair is farthest, each named once in actor order
        farthest = FarthestPairs(known)
    else:
        farthest = FarthestPairs(
            tuple(r for r in known if r.stance == low), tuple(r for r in known if r.stance == high)
        )
    return IssueSpread(issue_id, known, absent, high - low, low, high, farthest)  # type: ignore[operator]


def _pair_distance(
    actor_a: str,
    actor_b: str,
    issue_rank: dict[str, int],
    known_by_actor: dict[str, dict[str, StanceRecord]],
    values_by_actor: dict[str, dict[str, int]],
    issues_total: int,
) -> PairDistance:
    known_a, known_b = known_by_actor[actor_a], known_by_actor[actor_b]
    shared = tuple(sorted(known_a.keys() & known_b.keys(), key=issue_rank.__getitem__))
    values_a, values_b = values_by_actor[actor_a], values_by_actor[actor_b]
    total = sum([abs(values_a[i] - values_b[i]) for i in shared])
    return PairDistance(actor_a, actor_b, shared, total, issues_total, known_a, known_b)


def _condition_checks(
    dataset: Dataset, holder: StanceRecord, picture: Mapping[tuple[str, str], StanceRecord]
) -> list[ConditionCheck]:
    checks = []
    for index, condition in enumerate(holder.conditions):
        target = picture.get((condition.actor, condition.issue))
        met = condition.met_by(target.stance if target is not None else None)
        status: ConditionStatus = "unknown" if met is None else ("met" if met else "unmet")
        sentence = condition_sentence(dataset, holder, condition, target, status)
        checks.append(ConditionCheck(holder, index, condition, target, status, sentence))
    return checks


def condition_sentence(
    dataset: Dataset,
    holder: StanceRecord,
    condition: Condition,
    target: StanceRecord | None,
    status: ConditionStatus,
) -> str:
    """E.g. "Kim Jong Un's condition for Talks with the US is unmet: Donald Trump's stance on
    Denuclearisation is +2, needs ≤ 0"."""
    who = dataset.actor_name(holder.actor_id)
    what = dataset.issue_title(holder.issue_id)
    target_name = dataset.actor_name(condition.actor)
    target_issue = dataset.issue_title(condition.issue)
    head = f"{who}'s condition for {what} is {status}"
    if status == "unknown":
        return (
            f"{head}: {target_name} has no stated position on {target_issue}, "
            f"needs {condition.needs()}"
        )
    stance = number(target.stance if target is not None else None)
    return (
        f"{head}: {target_name}'s stance on {target_issue} is {stance}, needs {condition.needs()}"
    )


def _common_ground(spread: IssueSpread, quorum: int) -> CommonGround | None:
    if spread.n_known < max(2, quorum):
        return None
    if all(r.stance > 0 for r in spread.known):  # type: ignore[operator]
        side = 1
    elif all(r.stance < 0 for r in spread.known):  # type: ignore[operator]
        side = -1
    else:
        return None
    return CommonGround(spread.issue_id, side, spread.known, spread.absent)


def _ranking(
    spreads: tuple[IssueSpread, ...],
    conditions: tuple[ConditionCheck, ...],
    common: tuple[CommonGround, ...],
    quorum: int,
) -> tuple[StartingPoint, ...]:
    order = {s.issue_id: i for i, s in enumerate(spreads)}
    ranked = sorted(
        spreads,
        key=lambda s: (
            s.n_known < quorum,
            s.spread is None,
            s.spread if s.spread is not None else 0,
            -s.n_known,
            order[s.issue_id],
        ),
    )
    unmet = [c for c in conditions if c.status == "unmet"]
    common_by_issue = {c.issue_id: c for c in common}
    return tuple(
        StartingPoint(
            rank=rank,
            spread=s,
            blocked=tuple(c for c in unmet if c.holder.issue_id == s.issue_id),
            blocking=tuple(c for c in unmet if c.condition.issue == s.issue_id),
            common_ground=common_by_issue.get(s.issue_id),
            quorum=quorum,
        )
        for rank, s in enumerate(ranked, start=1)
    )


# -- frames ------------------------------------------------------------------------------------
# Text columns hold plain str ("" when there is nothing); integer columns that can be missing use
# the nullable Int64 dtype, never a float with NaN; absent stances stay missing, never 0.


def _names(dataset: Dataset, actor_ids: tuple[str, ...] | list[str]) -> str:
    return "; ".join(dataset.actor_name(a) for a in actor_ids)


def _at(dataset: Dataset, record: StanceRecord) -> str:
    return f"{dataset.actor_name(record.actor_id)} {number(record.stance)}"


def more_pairs_words(more: int) -> str:
    """ "and 3 more pairs as far apart"; empty for none."""
    return f"and {more:,} more pair{'s' * (more != 1)} as far apart" if more > 0 else ""


def _farthest_words(ds: Dataset, farthest: FarthestPairs) -> str:
    """ "Ann -2 / Bo +2; ...; and 9 more pairs as far apart": at most ``FARTHEST_NAMED``."""
    shown, more = farthest.named()
    words = [f"{_at(ds, lo)} / {_at(ds, hi)}" for lo, hi in shown]
    return "; ".join(words + ([more_pairs_words(more)] if more else []))


def gaps_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per issue, in ranking order: spread, farthest pair, common ground, blocks."""
    import pandas as pd

    ds = analysis.dataset
    rows = []
    for point in analysis.ranking:
        s = point.spread
        common = point.common_ground
        rows.append(
            {
                "rank": point.rank,
                "issue_id": s.issue_id,
                "issue": ds.issue_title(s.issue_id),
                "known": s.n_known,
                "known_of": s.known_words,
                "too_few_known": point.too_few_known,
                "absent": _names(ds, s.absent),
                "low": s.low,
                "high": s.high,
                "spread": s.spread,
                "farthest": _farthest_words(ds, s.farthest),
                "common_ground": (
                    f"all {common.side_word}"
                    if common
                    else (TOO_FEW_KNOWN if point.too_few_known else "")
                ),
                "common_ground_reasons": (
                    " | ".join(f"{ds.actor_name(a)}: {why}" for a, why in common.reasons)
                    if common
                    else ""
                ),
                "blocked": point.is_blocked,
                "blocked_by": "; ".join(c.sentence for c in point.blocked),
                "blocks": "; ".join(c.sentence for c in point.blocking),
            }
        )
    return _typed(pd.DataFrame(rows, columns=list(GAPS_COLUMNS)), GAPS_COLUMNS)


def distances_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per pair of actors: distance, how many issues it rests on, and the gap on each."""
    import pandas as pd

    ds = analysis.dataset
    rows = [
        {
            "actor_a_id": d.actor_a,
            "actor_a": ds.actor_name(d.actor_a),
            "actor_b_id": d.actor_b,
            "actor_b": ds.actor_name(d.actor_b),
            "distance": d.distance,
            "shared": d.shared,
            "issues_total": d.issues_total,
            "solidity": d.solidity,
            "gaps": "; ".join(f"{ds.issue_title(g.issue_id)}: {g.gap}" for g in d.gaps),
        }
        for d in analysis.distances
    ]
    return _typed(pd.DataFrame(rows, columns=list(DISTANCES_COLUMNS)), DISTANCES_COLUMNS)


def conditions_frame(analysis: Analysis) -> pd.DataFrame:
    """One row per condition of every conditional stance, with its status and who blocks it."""
    import pandas as pd

    ds = analysis.dataset
    rows = [
        {
            "actor_id": c.holder.actor_id,
            "actor": ds.actor_name(c.holder.actor_id),
            "issue_id": c.holder.issue_id,
            "issue": ds.issue_title(c.holder.issue_id),
            "stance": c.holder.stance,
            "condition": c.condition.text,
            "target_actor_id": c.condition.actor,
            "target_actor": ds.actor_name(c.condition.actor),
            "target_issue_id": c.condition.issue,
            "target_issue": ds.issue_title(c.condition.issue),
            "target_stance": c.target_stance,
            "needs": c.condition.needs(),
            "status": c.status,
            "blocker": ds.actor_name(c.blocker) if c.blocker else "",
            "sentence": c.sentence,
        }
        for c in analysis.conditions
    ]
    return _typed(pd.DataFrame(rows, columns=list(CONDITIONS_COLUMNS)), CONDITIONS_COLUMNS)


# Column -> dtype of each frame; also what a reader passes to get the same frame back from CSV.
GAPS_COLUMNS: dict[str, str] = {
    "rank": "int64",
    "issue_id": "str",
    "issue": "str",
    "known": "int64",
    "known_of": "str",  # "3 of 4 known"
    "too_few_known": "bool",  # below the quorum: no agreement is read here
    "absent": "str",
    "low": "Int64",
    "high": "Int64",
    "spread": "Int64",
    "farthest": "str",
    "common_ground": "str",
    "common_ground_reasons": "str",  # "Ann: <summary> | Bo: <summary>", each known stance's
    "blocked": "bool",
    "blocked_by": "str",
    "blocks": "str",
}
DISTANCES_COLUMNS: dict[str, str] = {
    "actor_a_id": "str",
    "actor_a": "str",
    "actor_b_id": "str",
    "actor_b": "str",
    "distance": "Float64",
    "shared": "int64",
    "issues_total": "int64",
    "solidity": "float64",
    "gaps": "str",
}
CONDITIONS_COLUMNS: dict[str, str] = {
    "actor_id": "str",
    "actor": "str",
    "issue_id": "str",
    "issue": "str",
    "stance": "Int64",
    "condition": "str",
    "target_actor_id": "str",
    "target_actor": "str",
    "target_issue_id": "str",
    "target_issue": "str",
    "target_stance": "Int64",
    "needs": "str",
    "status": "str",
    "blocker": "str",
    "sentence": "str",
}


def _typed(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    return frame.astype(dtypes)
