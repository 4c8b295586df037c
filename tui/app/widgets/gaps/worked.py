"""What the Gaps view draws from, worked out in one go from the dataset, so that a large picture
can be worked out in a worker thread while the screen keeps answering keys (see ``FigureView``):
the analysis, the actors' tags, the basis caveat, each bar's tags by point, the caption's sources.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tui.app.render.caption import Names, cited_names
from tui.app.widgets.gaps.figures import point_tags
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.core.analysis import Analysis, analyse, basis_caveat
from tui.core.basis import BasisFilter
from tui.core.dataset import Dataset

# The distance grid is one column an actor: past this many it cannot be read (nor computed: the
# pairs grow with the square), so it shows the actors with the most known stances.
GRID_SIZE = 16


@dataclass(frozen=True)
class WorkedFigures:
    """What the view draws from, worked out off the event loop when the picture is large."""

    analysis: Analysis
    tags: dict[str, str]
    caveat: str
    labels: dict[str, dict[int, list[str]]]  # issue id -> scale point -> tags standing there
    sources: Names  # what the caption cites


def work_out_figures(ds: Dataset, as_of: dt.date | None, basis: BasisFilter) -> WorkedFigures:
    analysis = analyse(ds, as_of, basis=basis, grid_size=GRID_SIZE)
    tags = actor_tags(ds, analysis.actor_ids)
    labels = {s.issue_id: point_tags(s, tags) for s in analysis.spreads}
    return WorkedFigures(analysis, tags, basis_caveat(analysis), labels, cited_names(ds, as_of))
