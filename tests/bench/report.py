"""A figure of the benchmark: a median against the median of its baseline, with its target."""

from __future__ import annotations

import statistics
from dataclasses import dataclass


def medians(runs: list) -> tuple[float, float]:
    """(wall, CPU) medians of a list of (wall, CPU) pairs."""
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


@dataclass
class Figure:
    """``value`` and ``baseline`` are (wall, CPU) seconds, or (MB, None) for memory.

    A target is either a ratio of CPU times (``ratio_target``) or an absolute CPU figure in
    seconds (``cpu_target``); the verdict is taken on CPU time, which a shared machine disturbs
    less than wall time. Wall time is shown beside it. A figure with no CPU time (memory, a wait)
    may instead have a ``limit`` in its own unit.
    """

    name: str
    value: tuple[float, float | None]
    baseline: tuple[float, float | None]
    baseline_name: str
    ratio_target: float | None = None
    cpu_target: float | None = None
    unit: str = "s"
    limit: float | None = None
    runs: int = 0
    growth: float | None = None  # this figure on the 4x tree over the same on the large one

    @property
    def measure(self) -> float:
        """The figure judged: CPU where there is one, else the value itself (memory)."""
        wall, cpu = self.value
        return cpu if cpu is not None else wall

    @property
    def base_measure(self) -> float:
        wall, cpu = self.baseline
        return cpu if cpu is not None else wall

    @property
    def ratio(self) -> float:
        return self.measure / self.base_measure if self.base_measure else float("inf")

    @property
    def wall_ratio(self) -> float | None:
        if self.value[1] is None or not self.baseline[0]:
            return None
        return self.value[0] / self.baseline[0]

    @property
    def target(self) -> str:
        if self.ratio_target is not None:
            return f"≤ {self.ratio_target:g}x"
        if self.cpu_target is not None:
            return f"≤ {self.cpu_target * 1000:g} ms CPU"
        if self.limit is not None:
            return f"≤ {self.limit:g} {self.unit}"
        return "—"

    @property
    def met(self) -> bool | None:
        if self.ratio_target is not None:
            return self.ratio <= self.ratio_target
        if self.cpu_target is not None:
            return self.measure <= self.cpu_target
        if self.limit is not None:
            return self.measure <= self.limit
        return None

    @property
    def verdict(self) -> str:
        return {True: "met", False: "NOT MET", None: ""}[self.met]

    def _amount(self, pair: tuple[float, float | None]) -> str:
        wall, cpu = pair
        if cpu is None:
            return f"{wall:.0f} {self.unit}"
        if max(wall, cpu) < 1:
            return f"{cpu * 1000:.0f} ms ({wall * 1000:.0f})"
        return f"{cpu:.2f} s ({wall:.2f})"

    def cells(self) -> list[str]:
        if self.measure != self.measure:  # NaN: it never showed (a placeholder that is not drawn)
            return [
                self.name,
                "not shown",
                self._amount(self.baseline),
                "—",
                self.target,
                "",
                "",
                self.baseline_name,
            ]
        wall_ratio = self.wall_ratio
        return [
            self.name,
            self._amount(self.value),
            self._amount(self.baseline),
            f"{self.ratio:.2f}x" + (f" ({wall_ratio:.2f}x)" if wall_ratio is not None else ""),
            self.target,
            self.verdict,
            "" if self.growth is None else f"{self.growth:.1f}x",
            self.baseline_name,
        ]


HEADINGS = [
    "figure",
    "CPU (wall)",
    "baseline CPU (wall)",
    "ratio (wall)",
    "target",
    "verdict",
    "4x/large",
    "baseline",
]


def table(figures: list[Figure], markdown: bool = False) -> str:
    rows = [HEADINGS, *(figure.cells() for figure in figures)]
    if markdown:
        lines = ["| " + " | ".join(row) + " |" for row in rows]
        lines.insert(1, "|" + " --- |" * len(HEADINGS))
        return "\n".join(lines)
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    )
