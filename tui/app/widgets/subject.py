"""A view about one subject (an issue, an actor, a source), picked with a Select at its top.

Wide screens show a side panel (an at-a-glance summary, or the list of citations) beside the
scrolling body; narrow ones put the side panel's blocks into the body, before or after it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, Select

from tui.app.messages import SubjectSelected
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.document import Block, Document, block


class SubjectView(PeninsulaView):
    """Subclasses set ``TARGET``, declare the matching reactive (e.g. ``actor_id``), and
    implement ``subjects``, ``compose_subject`` and optionally ``compose_side``."""

    PICK_LABEL: ClassVar[str] = ""
    SIDE: ClassVar[str] = "left"  # where the side panel sits when wide; before/after when narrow

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown_subject: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="subject-bar"):
            yield Label(self.PICK_LABEL, classes="subject-label")
            yield Select(
                [], allow_blank=True, prompt="none", compact=True, classes="subject-select"
            )
        with Horizontal(classes=f"subject-main -side-{self.SIDE}"):
            # Documents, not a widget per block: an actor's record on a large tree is thousands
            # of blocks, and only a screenful of them is drawn at a time.
            side = Document(classes="subject-side")
            body = Document(classes="subject-body")
            if self.SIDE == "left":
                yield side
                yield body
            else:
                yield body
                yield side

    @property
    def subject_id(self) -> str | None:
        return getattr(self, f"{self.TARGET}_id")

    def subjects(self) -> list[tuple[Text, str]]:
        raise NotImplementedError

    def is_subject(self, subject_id: str) -> bool:
        """Whether the data holds ``subject_id`` (without listing every subject)."""
        return any(value == subject_id for _, value in self.subjects())

    def compose_subject(self, subject_id: str) -> list[Block]:
        raise NotImplementedError

    def compose_side(self, subject_id: str) -> list[Block]:
        return []

    def after_resize(self, layout_changed: bool) -> None:
        # Not while stale: see PeninsulaView.after_resize.
        if layout_changed and self.dataset is not None and not self._stale:
            self._fill_body()

    def refresh_view(self) -> None:
        if self.dataset is None:
            return
        select = self.query_one(".subject-select", Select)
        options = self.subjects()
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.subject_id is not None and self.is_subject(self.subject_id):
                select.value = self.subject_id
        self._fill_body()

    def _fill_body(self) -> None:
        if self._wide is None:
            return
        body = self.query_one(".subject-body", Document)
        side = self.query_one(".subject-side", Document)
        scroll_y = body.scroll_y
        subject_id = self.subject_id
        known = self.dataset is not None and subject_id is not None and self.is_subject(subject_id)
        extra: list[Block] = []
        main: list[Block]
        if not known:
            main = [block("plain", f"Nothing to show: no {self.TARGET} selected or known.")]
        else:
            assert subject_id is not None
            main = self.compose_subject(subject_id)
            extra = self.compose_side(subject_id)
        if self._wide and extra:
            side.show(extra)
            body.show(main)
        elif extra and self.SIDE == "left":
            # A line between the side's last block and the subject's title.
            body.show([*extra[:-1], extra[-1].with_class("-before-main"), *main])
        else:
            body.show(main + extra)
        side.display = bool(self._wide and extra)
        if known and subject_id == self._shown_subject:
            # A reload of the same subject keeps the reader's place.
            body.scroll_to_line(scroll_y)
        self._shown_subject = subject_id
        self.after_fill(body)

    def after_fill(self, body: Document) -> None:
        """Hook: scroll to something once the body is filled."""

    def on_subject_changed(self) -> None:
        if self.dataset is None or not self.is_mounted:
            return
        if not self.is_shown:
            self._stale = True  # redrawn in full when shown
            return
        select = self.query_one(".subject-select", Select)
        with select.prevent(Select.Changed):
            if self.subject_id is not None and self.is_subject(self.subject_id):
                select.value = self.subject_id
        self._fill_body()
        self.announce_caption()

    @on(Select.Changed, ".subject-select")
    def _picked(self, event: Select.Changed) -> None:
        event.stop()
        if event.value != Select.NULL and event.value != self.subject_id:
            assert self.TARGET is not None
            self.post_message(SubjectSelected(self.TARGET, str(event.value)))

    def focus_default(self) -> None:
        self.query_one(".subject-body", Document).focus()
