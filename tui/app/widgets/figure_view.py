"""A view of figures in lists, with the detail of the one under the cursor beside (wide) or below
(narrow): the Gaps and Timeline views.

The lists are DataTables and OptionLists. The list the reader is in picks the figure: moving its
cursor shows that figure's detail, focusing it shows the figure under its cursor, enter moves
into the detail to scroll it, and escape comes back. Refilling a list moves its cursor too, which
picks nothing: only the focused list chooses.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.content import Content
from textual.events import DescendantFocus, Key
from textual.widget import Widget
from textual.widgets import DataTable, OptionList
from textual.widgets.option_list import Option

from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.shared.figure_detail import FigureDetail


class FigureView(PeninsulaView):
    """Subclasses list the widget classes whose cursor picks a figure (``FIGURE_LISTS``), say
    which figure a list's cursor is on (``figure_key``), fill the detail for ``selected_key``
    (``show_detail``), and say where focus goes first (``focus_default``)."""

    FIGURE_LISTS: ClassVar[tuple[type[Widget], ...]] = ()

    selected_key: str | None = None

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
