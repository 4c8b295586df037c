"""The registry of views: one line per view.

The app builds its tabs from this table, the number keys and the help screen follow its order, the
command palette offers every view, and `peninsula snapshot --view` accepts every id. It imports no
Textual, so that `peninsula snapshot --help` can list the views without loading the app.

A view is a widget class (see ``tui.app.widgets.base.PeninsulaView``). ``target`` names what a
``--view ID:TARGET`` selects: an issue, an actor or a source (None when the view takes none).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from tui.app.widgets.base import PeninsulaView

Target = Literal["issue", "actor", "source"]


@dataclass(frozen=True)
class ViewSpec:
    id: str
    title: str
    widget: str  # "module:Class", imported only when the app is built
    target: Target | None = None
    description: str = ""

    def load(self) -> type[PeninsulaView]:
        module_name, _, attribute = self.widget.partition(":")
        return getattr(importlib.import_module(module_name), attribute)


VIEWS: tuple[ViewSpec, ...] = (
    ViewSpec(
        "matrix",
        "Matrix",
        "tui.app.widgets.matrix.view:MatrixView",
        description="issues by actors, with the selected stance beside",
    ),
    ViewSpec(
        "gaps",
        "Gaps",
        "tui.app.widgets.gaps.view:GapsView",
        description="spreads, distances, blocked conditions, common ground",
    ),
    ViewSpec(
        "quotes",
        "Quotes",
        "tui.app.widgets.quotes.view:QuotesView",
        description="every quote and reported statement, searchable",
    ),
    ViewSpec(
        "issue",
        "Issue",
        "tui.app.widgets.issue.view:IssueView",
        "issue",
        "one issue: its proposition and every actor's stance",
    ),
    ViewSpec(
        "actor",
        "Actor",
        "tui.app.widgets.actor.view:ActorView",
        "actor",
        "one actor's whole record",
    ),
    ViewSpec(
        "source",
        "Source",
        "tui.app.widgets.source.view:SourceView",
        "source",
        "one article with its cited passages marked",
    ),
    ViewSpec(
        "timeline",
        "Timeline",
        "tui.app.widgets.timeline.view:TimelineView",
        "issue",
        "one issue's stances over time, and what changed",
    ),
    ViewSpec(
        "problems",
        "Problems",
        "tui.app.widgets.problems.view:ProblemsView",
        description="every diagnostic of the data",
    ),
)

VIEW_IDS: tuple[str, ...] = tuple(spec.id for spec in VIEWS)


def view_spec(view_id: str) -> ViewSpec:
    for spec in VIEWS:
        if spec.id == view_id:
            return spec
    raise KeyError(view_id)


def parse_view(text: str) -> tuple[ViewSpec, str | None]:
    """ "matrix" -> (matrix, None); "actor:kim-jong-un" -> (actor, "kim-jong-un").

    Raises ValueError with a message fit for the command line.
    """
    view_id, sep, target = text.partition(":")
    try:
        spec = view_spec(view_id)
    except KeyError:
        raise ValueError(
            f"unknown view {view_id!r}; choose from {', '.join(usage_forms())}"
        ) from None
    if sep and spec.target is None:
        raise ValueError(f"the {spec.id} view takes no target (got {text!r})")
    if sep and not target:
        raise ValueError(f"{spec.id}: needs an id after the colon, e.g. {spec.id}:ID")
    return spec, (target or None)


def usage_forms() -> list[str]:
    """ "matrix", "actor:ID", ... for help texts."""
    return [f"{spec.id}:ID" if spec.target else spec.id for spec in VIEWS]
