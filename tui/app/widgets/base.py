"""What every view has: the dataset and the as-of date (bound from the app), and a caption."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from typing import ClassVar

from textual.containers import Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.events import Resize
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from tui.app.messages import CaptionChanged
from tui.app.render.caption import Caption, Names, caption, cited_names, source_names
from tui.app.views import Target
from tui.app.widgets.shared.no_data import no_data_notice
from tui.core.citations import evidence_in_view
from tui.core.dataset import Dataset, EvidenceRecord
from tui.core.knowledge import DateQuestion


def _set_aside_what_is_drawn() -> None:
    """What a view worked out and drew for a dataset (its pictures, lists and laid-out lines) is
    kept until the data or the date changes: set aside from the cyclic collector, as the dataset
    itself is (see ``PeninsulaApp._show_dataset``, whose next load hands it all back). Left in,
    each full collection rescans every view drawn so far (some 100,000 objects a view on the large
    tree), a tenth of a second and more in the middle of the next view's first open."""
    gc.freeze()


class PeninsulaView(Vertical):
    """A view fills one tab. Subclasses render in ``refresh_view`` and describe themselves in
    ``caption``; ``dataset`` and ``as_of`` are bound to the app's (see ``App.compose``)."""

    VIEW_ID: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""
    TARGET: ClassVar[Target | None] = None
    # What the view needs to show anything (see ``tui.app.widgets.shared.no_data``); without it, a
    # notice says what is missing and why, in place of empty panels.
    NEEDS: ClassVar[tuple[str, ...]] = ("issues", "actors")
    # (keys, what they do) for the help screen. Not Textual's HELP, which is Markdown for its
    # help panel.
    KEY_HELP: ClassVar[Sequence[tuple[str, str]]] = ()

    # always_update: a reload is new data even when it compares equal; views keep their own state.
    dataset: reactive[Dataset | None] = reactive(None, always_update=True, init=False)
    as_of: reactive[dt.date | None] = reactive(None, init=False)
    # Which question the date asks: "known on" it (sources published by then) or "as of" it.
    known_on: reactive[bool] = reactive(False, init=False)

    _stale = False
    _cited_cache: tuple[Dataset, tuple, Names] | None = None

    @property
    def effective_date(self) -> dt.date | None:
        """The date shown: the chosen one, else the latest there is (see DateQuestion)."""
        if self.dataset is None:
            return self.as_of
        return DateQuestion(self.as_of, self.known_on).date_in(self.dataset)

    # From this width a view lays out side by side (class -wide), below it one above the other
    # (class -compact); None until the first resize.
    WIDE_AT: ClassVar[int] = 120
    _wide: bool | None = None

    def expected_size(self) -> Size:
        """The view's size; before its first layout, the size the app will give it, so that a
        view given its data before then can draw it in its first frame."""
        if self.size:
            return self.size
        view_size = getattr(self.app, "view_size", None)
        return view_size() if view_size is not None else self.size

    def on_resize(self, event: Resize) -> None:
        self.after_resize(self.set_layout(self.wide_at(event.size)))

    def wide_at(self, size: Size) -> bool:
        """Whether the side-by-side layout fits ``size``; views that know their content say."""
        return size.width >= self.WIDE_AT

    def set_layout(self, wide: bool) -> bool:
        """Switch between side by side and one above the other; True when that changed."""
        changed = wide != self._wide
        if changed:
            self._wide = wide
            self.set_class(wide, "-wide")
            self.set_class(not wide, "-compact")
        return changed

    def after_resize(self, layout_changed: bool) -> None:
        """Redraw for a new layout; views that fit their content to the width redraw always.

        Not while stale: a view's first resize comes as it is first shown, and its ``on_show``
        redraws it in full, in the new layout, right after (drawing both doubles a first open).
        """
        if layout_changed and not self._stale:
            self.refresh_view()

    def watch_dataset(self) -> None:
        self._refresh_and_announce()

    def watch_as_of(self) -> None:
        self._refresh_and_announce()

    def watch_known_on(self) -> None:
        self._refresh_and_announce()

    def on_mount(self) -> None:
        if self.dataset is not None:
            self._refresh_and_announce()

    def _refresh_and_announce(self) -> None:
        if self.dataset is None or not self.is_mounted:
            return
        if not self.is_shown:
            # A hidden view redraws when it is next shown (see on_show): a move in one view
            # must not pay for redrawing every other.
            self._stale = True
            return
        self._stale = False
        self._show_what_is_missing(self.dataset)
        self.refresh_view()
        self.announce_caption()
        self.call_after_refresh(_set_aside_what_is_drawn)

    def _show_what_is_missing(self, ds: Dataset) -> None:
        notice = no_data_notice(ds, self.NEEDS)
        self.set_class(notice is not None, "-no-data")
        shown = self.query_children(".no-data-notice")
        if notice is None:
            shown.remove()
        elif shown:
            shown.first(Static).update(notice)
        else:
            self.mount(
                Static(notice, classes="no-data-notice"), before=0 if self.children else None
            )

    def on_show(self) -> None:
        if self._stale:
            self._refresh_and_announce()

    @property
    def is_shown(self) -> bool:
        """False while the view's tab, or anything around it, is hidden."""
        node: DOMNode | None = self
        while isinstance(node, Widget):
            if not node.display:
                return False
            node = node.parent
        return True

    def announce_caption(self) -> None:
        self.post_message(CaptionChanged(self))

    def visible_evidence(self) -> tuple[EvidenceRecord, ...]:
        """Evidence of every stance dated on or before the as-of date, in dataset order."""
        if self.dataset is None:
            return ()
        return evidence_in_view(self.dataset, self.as_of, through_time=True)

    # -- for subclasses ------------------------------------------------------------------------

    def focus_default(self) -> None:
        """Give focus to the view's main widget when the view is shown."""

    def refresh_view(self) -> None:
        """Redraw from ``self.dataset``; keep the cursor, filters and scroll where they were."""

    def caption(self) -> Caption | Content:
        return self.bare_caption()

    def bare_caption(self) -> Caption | Content:
        """The caption with no subject (none chosen, or none in the data): the view, the date."""
        if self.dataset is None:
            return Content(self.TITLE)
        return self.view_caption(source_names(self.dataset, []))

    def view_caption(self, sources: Names | Content, subject: Content | None = None) -> Caption:
        """The view's caption: its title, its date and the question about it, its sources."""
        return caption(self.TITLE, self.effective_date, sources, subject, known=self.known_on)

    def citing_caption(
        self,
        subject: Content | None = None,
        *,
        actor_id: str | None = None,
        issue_id: str | None = None,
        through_time: bool = False,
    ) -> Caption | Content:
        """The caption naming the sources of what the view shows (see ``tui.core.citations``)."""
        ds = self.dataset
        if ds is None:
            return Content(self.TITLE)
        key = (self.as_of, actor_id, issue_id, through_time)
        cached = self._cited_cache
        if cached is not None and cached[0] is ds and cached[1] == key:
            names = cached[2]
        else:
            names = cited_names(
                ds, self.as_of, actor_id=actor_id, issue_id=issue_id, through_time=through_time
            )
            self.keep_cited(
                ds,
                self.as_of,
                names,
                actor_id=actor_id,
                issue_id=issue_id,
                through_time=through_time,
            )
        return self.view_caption(names, subject)

    def keep_cited(
        self,
        ds: Dataset,
        as_of: dt.date | None,
        names: Names,
        *,
        actor_id: str | None = None,
        issue_id: str | None = None,
        through_time: bool = False,
    ) -> None:
        """Keep the sources ``cited_names`` found, so that the caption need not find them again:
        the same caption is asked for several times a redraw (the view announces it, the tab
        shows it), and on a large tree finding its sources walks every stance, which a view's
        worker thread can do instead."""
        self._cited_cache = (ds, (as_of, actor_id, issue_id, through_time), names)
