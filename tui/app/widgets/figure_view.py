"""A view of figures in lists, with the detail of the one under the cursor beside (wide) or below
(narrow): the Gaps and Timeline views.

The lists are DataTables and OptionLists. The list the reader is in picks the figure: moving its
cursor shows that figure's detail, focusing it shows the figure under its cursor, enter moves
into the detail to scroll it, and escape comes back. Refilling a list moves its cursor too, which
picks nothing: only the focused list chooses.

The figures come from one piece of work over the data (``work_out``): between two frames for a
small tree, in a worker thread for a large one, while the screen keeps answering keys. Only what
a screen shows is then built on the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import on, work
from textual.content import Content
from textual.events import DescendantFocus, Key
from textual.message import Message
from textual.widget import Widget
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.shared.collector import collector_paused
from tui.app.widgets.shared.figure_detail import FigureDetail


class FigureView(PeninsulaView):
    """Subclasses list the widget classes whose cursor picks a figure (``FIGURE_LISTS``), say
    which figure a list's cursor is on (``figure_key``), fill the detail for ``selected_key``
    (``show_detail``), say where focus goes first (``focus_default``), and draw the figures
    their work gives (``figures_ready``)."""

    FIGURE_LISTS: ClassVar[tuple[type[Widget], ...]] = ()

    selected_key: str | None = None
    # Whether the figures last asked for are being worked out in the worker thread; what they
    # were asked for (the dataset first, then what else they depend on).
    working = False
    wanted: tuple[Any, ...] | None = None
    # What the figures on screen were worked out for.
    drawn: tuple[Any, ...] | None = None

    class FiguresReady(Message):
        """Figures worked out in the worker thread, for the event loop to draw."""

        def __init__(self, wanted: tuple[Any, ...], figures: Any) -> None:
            super().__init__()
            self.wanted = wanted
            self.figures = figures

    def on_mount(self) -> None:
        # Laid out from the start as it will be shown (side by side or one above the other):
        # switching on first showing restyles every widget of the view, and draws a frame of
        # the wrong layout first.
        self.set_layout(self.wide_at(self.expected_size()))

    def work_out(self, wanted: tuple[Any, ...], work: Callable[[], Any], inline: bool) -> None:
        """Have ``work`` give the figures of ``wanted``: now when ``inline`` (a small tree),
        else in a worker thread, the figures on screen staying until the new ones arrive.
        ``figures_ready`` draws them, if they are still the ones wanted."""
        self.wanted = wanted
        if inline:
            self.working = False
            new = not self.shows_figures_of(wanted)
            self.figures_ready(work())
            self.drawn = wanted
            if new:
                self.announce_caption()
            return
        self.working = True
        self._work_in_thread(wanted, work)

    def is_wanted(self, wanted: tuple[Any, ...] | None) -> bool:
        """Whether figures worked out for ``wanted`` are the ones asked for last. The dataset
        by identity: a reload is new data even when equal, and comparing two large datasets
        field by field would cost what the worker saves."""
        return _same(self.wanted, wanted)

    def shows_figures_of(self, wanted: tuple[Any, ...] | None) -> bool:
        """Whether the figures on screen are those of ``wanted``. Until they are, what they
        cite is not known either: it is worked out with them (off the loop for a large
        picture), so the caption names no sources meanwhile rather than look for them."""
        return _same(self.drawn, wanted)

    def figures_ready(self, figures: Any) -> None:
        raise NotImplementedError

    @work(
        thread=True,
        exclusive=True,
        group="figures",
        exit_on_error=False,
        # Named, or Textual describes the worker with the repr of its arguments: the dataset.
        description="a view's figures",
    )
    def _work_in_thread(self, wanted: tuple[Any, ...], work: Callable[[], Any]) -> None:
        with collector_paused():
            figures = work()
        if not get_current_worker().is_cancelled:
            self.post_message(self.FiguresReady(wanted, figures))

    @on(FiguresReady)
    def _figures_arrived(self, message: FiguresReady) -> None:
        message.stop()
        if not self.is_attached or not self.is_wanted(message.wanted):
            return  # worked out for a picture that is no longer asked for
        self.working = False
        self.figures_ready(message.figures)
        self.drawn = message.wanted
        self.announce_caption()

    def figure_key(self, widget: Widget) -> str | None:
        """The key of the figure under ``widget``'s cursor; None when it is on none."""
        raise NotImplementedError

    def show_detail(self) -> None:
        raise NotImplementedError

    def focus_default(self, scroll_visible: bool = False) -> None:
        raise NotImplementedError

    @property
    def detail(self) -> FigureDetail:
        return self.query_one(FigureDetail)

    def select_from(self, widget: Widget) -> None:
        """Show the figure under ``widget``'s cursor, unless it is the one shown."""
        key = self.figure_key(widget)
        if key is not None and key != self.selected_key:
            self.selected_key = key
            self.show_detail()

    @staticmethod
    def fill_options(option_list: OptionList, options: list[Option], empty: str) -> None:
        """Replace a list's options, keeping the highlight on the same option when it is still
        there; ``empty``, dimmed and not selectable, when there are none."""
        highlighted = option_list.highlighted_option.id if option_list.highlighted_option else None
        with option_list.prevent(OptionList.OptionHighlighted):
            option_list.clear_options()
            if options:
                option_list.add_options(options)
                ids = [option.id for option in options]
                option_list.highlighted = ids.index(highlighted) if highlighted in ids else 0
            else:
                option_list.add_option(Option(Content.styled(empty, "dim"), disabled=True))

    # -- events --------------------------------------------------------------------------------

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, self.FIGURE_LISTS):
            self.select_from(event.widget)

    @on(DataTable.RowHighlighted)
    @on(DataTable.CellHighlighted)
    @on(OptionList.OptionHighlighted)
    def _cursor_moved(
        self,
        event: DataTable.RowHighlighted | DataTable.CellHighlighted | OptionList.OptionHighlighted,
    ) -> None:
        event.stop()
        # Refills move cursors too; only the list the reader is in chooses the figure.
        if isinstance(event.control, self.FIGURE_LISTS) and event.control.has_focus:
            self.select_from(event.control)

    @on(DataTable.RowSelected)
    @on(DataTable.CellSelected)
    @on(OptionList.OptionSelected)
    def _figure_chosen(
        self, event: DataTable.RowSelected | DataTable.CellSelected | OptionList.OptionSelected
    ) -> None:
        event.stop()
        if isinstance(event.control, self.FIGURE_LISTS):
            self.select_from(event.control)
            self.detail.focus()

    def on_key(self, event: Key) -> None:
        if event.key == "escape" and self.detail.has_focus:
            event.stop()
            self.focus_default(scroll_visible=True)


def _same(one: tuple[Any, ...] | None, other: tuple[Any, ...] | None) -> bool:
    return one is not None and other is not None and one[0] is other[0] and one[1:] == other[1:]
