"""Every custom message of the app. Views post them; the app (or an ancestor) decides."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message
from textual.widget import Widget

from tui.app.views import Target


@dataclass
class ShowView(Message):
    """Switch to a view, and select a subject in it when ``target`` is given."""

    view_id: str
    target: str | None = None


@dataclass
class SubjectSelected(Message):
    """The user picked an issue, an actor or a source: every view that shows one follows."""

    kind: Target
    subject_id: str


@dataclass
class StanceHighlighted(Message):
    """The matrix cursor moved to a cell."""

    issue_id: str
    actor_id: str


@dataclass
class ShowEvidence(Message):
    """Open the source of an evidence item with that item's passage in view."""

    source_id: str
    evidence_key: str


class CaptionChanged(Message):
    """A view's caption (view, subject, as-of, sources) changed."""

    def __init__(self, view: Widget) -> None:
        super().__init__()
        self.view = view
