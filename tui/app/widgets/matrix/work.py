"""What the matrix works out from the data before it draws: each cell's freshness marks, the
actors' tags, the widest marked cell of each style and the sources its caption names.

It grows with actors times issues, so past ``WORKER_PAST`` cells the view runs it in a thread
(see ``MatrixView``) and draws only once it is done; what it draws is bounded by the screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tui.app.render.stance import cell_width
from tui.app.widgets.matrix.fit import CELL_STYLES, CellStyle
from tui.app.widgets.shared.actor_tags import actor_tags
from tui.core.citations import picture_sources
from tui.core.dataset import Dataset
from tui.core.freshness import picture_marks

# Cells (actors x issues) past which the work runs in a thread: the bundled data and a few dozen
# actors are worked out at once, on the loop, in a few milliseconds.
WORKER_PAST = 5_000


@dataclass(frozen=True)
class MatrixWork:
    dataset: Dataset
    # (as_of, the date by which a stance is stale, the age of stale): what it was worked out for.
    when: tuple[dt.date | None, dt.date | None, int]
    marks: Mapping[tuple[str, str], str]  # (actor id, issue id) -> "◷", "≠", "◷≠"
    tags: Mapping[str, str]  # actor id -> "KJU"
    widest: Mapping[CellStyle, int]  # per style, the widest cell with marks
    sources: tuple[str, ...]  # the seed ids the picture's stances cite, for the caption

    def is_for(self, ds: Dataset, when: tuple[dt.date | None, dt.date | None, int]) -> bool:
        return self.dataset is ds and self.when == when


def work_out_matrix(
    ds: Dataset, as_of: dt.date | None, day: dt.date | None, stale_days: int
) -> MatrixWork:
    picture = ds.as_of(as_of)
    marks = picture_marks(ds, as_of, day, stale_days)
    shapes = {
        (picture[key].stance, picture[key].is_conditional, mark) for key, mark in marks.items()
    }
    widest = {
        style: max(
            (cell_width(stance, cond, style, mark) for stance, cond, mark in shapes), default=0
        )
        for style in CELL_STYLES
    }
    return MatrixWork(
        ds,
        (as_of, day, stale_days),
        marks,
        actor_tags(ds, list(ds.actors)),
        widest,
        picture_sources(ds, as_of),
    )
