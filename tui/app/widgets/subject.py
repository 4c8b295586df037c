"""A view about one subject (an issue, an actor, a source), picked with a Select at its top.

Wide screens show a side panel (an at-a-glance summary, or the list of citations) beside the
scrolling body; narrow ones put the side panel's blocks into the body, before or after it.

The blocks are data, drawn when the screen reaches them (see ``Document``); but listing them walks
the subject's whole record, which on a tree of thousands of actors takes seconds. A subject that
large is listed in a worker thread, while the screen says how far it has got and keeps answering
keys; a small one is listed between two frames, as before.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, Select
from textual.worker import get_current_worker

from tui.app.messages import SubjectSelected
from tui.app.render.caption import Caption
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.document import Block, Document, block
from tui.app.widgets.shared.collector import collector_paused
from tui.core.dataset import Dataset

# A subject whose record grows with more than this many items (actors, citations) is listed off
# the event loop; the bundled data and the generated large tree stay well below.
INLINE_ITEMS = 1_000
# How often, at most, a listing in progress says how far it has got.
PROGRESS_EVERY = 0.1  # seconds


@dataclass(frozen=True)
class Listed:
    """A subject's blocks, for the side panel and for the body."""

    side: list[Block]
    main: list[Block]


def list_blocks(view: SubjectView, subject_id: str) -> Listed:
    """Every block of one subject (in a worker thread when the subject is large)."""
    return Listed(view.compose_side(subject_id), view.compose_subject(subject_id))


class _Progress:
    """Says how far a listing in a worker thread has got, at most every PROGRESS_EVERY seconds;
    and stops it once a newer one is asked for."""

    def __init__(self, view: SubjectView, total: int) -> None:
        self.view, self.total = view, total
        self._last = time.monotonic()

    def __call__(self, done: int) -> None:
        if get_current_worker().is_cancelled:
            raise _Cancelled
        now = time.monotonic()
        if now - self._last >= PROGRESS_EVERY:
            self._last = now
            self.view.post_message(SubjectView.Building(done, self.total))


# The listing of the current worker thread, if any (a listing on the loop reports nothing).
_LISTING = threading.local()


class _Cancelled(Exception):
    """A newer listing was asked for: this one stops where it is."""


class SubjectView(PeninsulaView):
    """Subclasses set ``TARGET``, declare the matching reactive (e.g. ``actor_id``), and
    implement ``subjects``, ``compose_subject`` and optionally ``compose_side``."""

    PICK_LABEL: ClassVar[str] = ""
    SIDE: ClassVar[str] = "left"  # where the side panel sits when wide; before/after when narrow
    # What ``work_size`` counts, for "building… N of M actors".
    WORK_NOUN: ClassVar[str] = "items"

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._shown_subject: str | None = None
        # True while a large subject is listed in its worker thread.
        self.working = False
        # What the listing in progress is for: a result for anything else is dropped.
        self._wanted: tuple[object, ...] | None = None
        self._scroll_kept: float = 0
        # The picker's options, and the dataset they were listed from.
        self._options: tuple[Dataset, list[tuple[Text, str]]] | None = None

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

    def subjects(self, ds: Dataset) -> list[tuple[Text, str]]:
        """The picker's options: (label, id) for every subject of ``ds``."""
        raise NotImplementedError

    def is_subject(self, subject_id: str) -> bool:
        """Whether the data holds ``subject_id`` (without listing every subject)."""
        raise NotImplementedError

    def prepare(self, ds: Dataset) -> None:
        """Hook: work out ahead, off the event loop, what a first open of ``ds`` will ask."""

    def watch_dataset(self) -> None:
        ds = self.dataset
        if ds is not None and self.is_mounted and not self.is_shown:
            # Hidden now, opened later: what the open would work out first (the picker's
            # thousands of options, an index of the data) is worked out meanwhile, in a thread.
            self._prepare_off_the_loop(ds)
        super().watch_dataset()

    def _options_for(self, ds: Dataset) -> list[tuple[Text, str]]:
        options = self._options
        if options is None or options[0] is not ds:
            options = (ds, self.subjects(ds))
            self._options = options
        return options[1]

    @work(thread=True, exclusive=True, group="subject-prepare", description="a view's options")
    def _prepare_off_the_loop(self, ds: Dataset) -> None:
        self._options_for(ds)
        self.prepare(ds)

    def compose_subject(self, subject_id: str) -> list[Block]:
        raise NotImplementedError

    def compose_side(self, subject_id: str) -> list[Block]:
        return []

    def progress(self, done: int) -> None:
        """For ``compose_*`` to call as they go through ``work_size``'s items."""
        report = getattr(_LISTING, "progress", None)
        if report is not None:
            report(done)

    def work_size(self, subject_id: str) -> int:
        """How many items the subject's record grows with (e.g. actors): past INLINE_ITEMS it is
        listed off the event loop."""
        return 0

    def after_resize(self, layout_changed: bool) -> None:
        # Not while stale: see PeninsulaView.after_resize.
        if layout_changed and self.dataset is not None and not self._stale:
            self._fill_body()

    def refresh_view(self) -> None:
        if self.dataset is None:
            return
        select = self.query_one(".subject-select", Select)
        options = self._options_for(self.dataset)
        with select.prevent(Select.Changed):
            select.set_options(options)
            if self.subject_id is not None and self.is_subject(self.subject_id):
                select.value = self.subject_id
        self._fill_body()

    def _fill_body(self) -> None:
        if self._wide is None:
            return
        body = self.query_one(".subject-body", Document)
        if not self.working:
            self._scroll_kept = body.scroll_y
        subject_id = self.subject_id
        known = self.dataset is not None and subject_id is not None and self.is_subject(subject_id)
        if not known:
            self._wanted = None
            self.working = False
            nothing = [block("plain", f"Nothing to show: no {self.TARGET} selected or known.")]
            self._show(subject_id, Listed([], nothing))
            return
        assert subject_id is not None
        wanted = self._wants(subject_id)
        size = self.work_size(subject_id)
        if size <= INLINE_ITEMS:
            self._wanted = None
            self.working = False
            self._show(subject_id, list_blocks(self, subject_id))
            return
        # A large subject: the screen says what is being built, and keeps answering keys.
        self._wanted = wanted
        self.working = True
        self._show_building(0, size)
        self._list_off_the_loop(subject_id, wanted, size)

    def _wants(self, subject_id: str) -> tuple[object, ...]:
        """What a listing depends on: a result listed for anything else is out of date."""
        return (self.dataset, self.as_of, self.known_on, self._wide, subject_id)

    def _show_building(self, done: int, total: int) -> None:
        body = self.query_one(".subject-body", Document)
        side = self.query_one(".subject-side", Document)
        side.display = False
        body.show(
            [
                block(
                    "detail-empty",
                    Content(f"Building… {done:,} of {total:,} {self.WORK_NOUN}"),
                )
            ]
        )

    class Building(Message):
        """A listing in a worker thread has got through ``done`` of ``total`` items."""

        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done, self.total = done, total

    class ListingDone(Message):
        """A listing in a worker thread is done."""

        def __init__(self, wanted: tuple[object, ...], listed: Listed) -> None:
            super().__init__()
            self.wanted, self.listed = wanted, listed

    @work(thread=True, exclusive=True, group="subject-listing", description="a subject's record")
    def _list_off_the_loop(self, subject_id: str, wanted: tuple[object, ...], size: int) -> None:
        _LISTING.progress = _Progress(self, size)
        try:
            with collector_paused():
                listed = list_blocks(self, subject_id)
        except _Cancelled:
            return
        finally:
            _LISTING.progress = None
        if not get_current_worker().is_cancelled:
            self.post_message(self.ListingDone(wanted, listed))

    @on(Building)
    def _building(self, message: Building) -> None:
        message.stop()
        if self.working:
            self._show_building(message.done, message.total)

    @on(ListingDone)
    def _listed(self, message: SubjectView.ListingDone) -> None:
        message.stop()
        # A dataset compares by identity: a reload is new data.
        if not self.is_attached or message.wanted != self._wanted:
            return  # listed for a subject, a date or a layout no longer asked for
        self._wanted = None
        self.working = False
        subject_id = message.wanted[-1]
        assert isinstance(subject_id, str)
        self._show(subject_id, message.listed)
        self.announce_caption()

    def _show(self, subject_id: str | None, listed: Listed) -> None:
        body = self.query_one(".subject-body", Document)
        side = self.query_one(".subject-side", Document)
        extra, main = listed.side, listed.main
        if self._wide and extra:
            side.show(extra)
            body.show(main)
        elif extra and self.SIDE == "left":
            # A line between the side's last block and the subject's title.
            body.show([*extra[:-1], extra[-1].with_class("-before-main"), *main])
        else:
            body.show(main + extra)
        side.display = bool(self._wide and extra)
        known = bool(main) and subject_id is not None and self.is_subject(subject_id)
        if known and subject_id == self._shown_subject:
            # A reload of the same subject keeps the reader's place.
            body.scroll_to_line(self._scroll_kept)
        self._shown_subject = subject_id
        self.after_fill(body)

    def citing_caption(self, subject: Content | None = None, **narrowed) -> Caption | Content:
        if self.working or (self._stale and self._is_large()):
            # The sources are named once the record is listed (finding them walks it too); a
            # view about to be listed afresh is announced again once it is.
            return self.view_caption(Content.styled("sources: building…", "dim"), subject)
        return super().citing_caption(subject, **narrowed)

    def _is_large(self) -> bool:
        subject_id = self.subject_id
        return (
            self.dataset is not None
            and subject_id is not None
            and self.is_subject(subject_id)
            and self.work_size(subject_id) > INLINE_ITEMS
        )

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
