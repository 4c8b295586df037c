"""A view about one subject (an issue, an actor, a source), picked with a Select at its top."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, Select

from tui.app.messages import SubjectSelected
from tui.app.widgets.base import PeninsulaView


class SubjectView(PeninsulaView):
    """Subclasses set ``TARGET``, declare the matching reactive (e.g. ``actor_id``), and
    implement ``subjects`` and ``compose_subject``."""

    PICK_LABEL: ClassVar[str] = ""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown_subject: str | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(classes="subject-bar"):
            yield Label(self.PICK_LABEL, classes="subject-label")
            yield Select([], allow_blank=True, prompt="none", compact=True, classes="subject-select")
        yield VerticalScroll(classes="subject-body", can_focus=True)

    @property
    def subject_id(self) -> str | None:
        return getattr(self, f"{self.TARGET}_id")

    def subjects(self) -> list[tuple[Text, str]]:
        raise NotImplementedError

    def compose_subject(self, subject_id: str) -> list[Widget]:
        raise NotImplementedError

    def refresh_view(self) -> None:
        if self.dataset is None:
            return
        select = self.query_one(".subject-select", Select)
        options = self.subjects()
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.subject_id in {value for _, value in options}:
                select.value = self.subject_id
        self._fill_body()

    def _fill_body(self) -> None:
        body = self.query_one(".subject-body", VerticalScroll)
        scroll_y = body.scroll_y
        subject_id = self.subject_id
        known = self.dataset is not None and subject_id is not None and any(
            value == subject_id for _, value in self.subjects()
        )
        with self.app.batch_update():
            body.remove_children()
            if known:
                body.mount_all(self.compose_subject(subject_id))
            else:
                body.mount(Label(Content(f"Nothing to show: no {self.TARGET} selected or known.")))
        if known and subject_id == self._shown_subject:
            body.call_after_refresh(body.scroll_to, y=scroll_y, animate=False)
        self._shown_subject = subject_id
        self.after_fill(body)

    def after_fill(self, body: VerticalScroll) -> None:
        """Hook: scroll to something once the body is mounted."""

    def on_subject_changed(self) -> None:
        if self.dataset is None or not self.is_mounted:
            return
        select = self.query_one(".subject-select", Select)
        with select.prevent(Select.Changed):
            if self.subject_id is not None and self.subject_id in {v for _, v in self.subjects()}:
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
        self.query_one(".subject-body", VerticalScroll).focus()
