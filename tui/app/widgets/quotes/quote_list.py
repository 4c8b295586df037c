"""A list of quotes drawn a line at a time (Textual's line API), each item wrapped once.

An ``OptionList`` wraps every option twice, once to measure its height and again to draw it, and
a key in the filter replaces a screenful of two-line items: most of what a key costs was that
drawing. Here an item is built and wrapped once, when the screen first reaches it (from the top
down, as far as the screen and a few lines more), and its lines are kept. The list holds what
the view lists (a screenful, then more as the cursor goes down), never every match.

The listed items are the first of the matches, so a line of the list is a line of the whole list
of matches: the list draws its own scroll indicator, in its last column, of where the screen is
among all of them (a scroll bar widget would show the listed screenful as nearly the whole, and
redraw itself as a widget of its own on every key).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import ClassVar, cast

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import RenderOptions

RULE = "─"
# Lines laid out below the screen's last, so that a step down is already there.
LOOKAHEAD = 3

Item = Content | Callable[[], Content]


class QuoteList(ScrollView, can_focus=True):
    """Items of text one under another, a rule between each two, one of them highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page Down", show=False),
        Binding("pageup", "page_up", "Page Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "quote-list--item",
        "quote-list--highlighted",
        "quote-list--rule",
        "quote-list--track",
        "quote-list--thumb",
    }
    # The look of an OptionList, which this list replaced.
    DEFAULT_CSS = """
    QuoteList {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
        color: $foreground;
        background: $surface;
        padding: 0 0 0 1;
        scrollbar-size-vertical: 0;
        & > .quote-list--item {
            padding: 0 1;
        }
        & > .quote-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .quote-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .quote-list--rule {
            color: $foreground 15%;
        }
        & > .quote-list--track {
            background: $scrollbar-background;
        }
        & > .quote-list--thumb {
            background: $scrollbar;
        }
    }
    """

    class ItemMessage(Message):
        """Something happened to item ``index`` of the list."""

        def __init__(self, quote_list: QuoteList, index: int) -> None:
            super().__init__()
            self.quote_list = quote_list
            self.index = index

        @property
        def control(self) -> QuoteList:
            return self.quote_list

    class Highlighted(ItemMessage):
        """The highlight moved onto item ``index``."""

    class Selected(ItemMessage):
        """Item ``index`` was chosen (enter, or a click on it)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._items: list[Item] = []
        # Per item laid out at the current width, from the first on: its lines (without the
        # rule) and its first line.
        self._lines: list[list[Strip]] = []
        self._starts: list[int] = []
        self._width = -1  # of the items' lines: the content's, less the indicator's column
        self._total = 0  # how many items the list stands for (it lists the first of them)
        self._highlighted: int | None = None
        # The highlighted item's lines in the highlight's style: (index, focused, lines).
        self._lit: tuple[int, bool, list[Strip]] | None = None

    # -- content -------------------------------------------------------------------------------

    @property
    def item_count(self) -> int:
        return len(self._items)

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    def item(self, index: int) -> Content:
        """Item ``index``'s content (built now if it was not yet)."""
        item = self._items[index]
        if not isinstance(item, Content):
            item = self._items[index] = item()
        return item

    def set_items(
        self, items: Iterable[Item], highlighted: int | None = 0, total: int | None = None
    ) -> None:
        """Replace every item (at once: an empty list between would lay the screen out for it),
        highlight ``highlighted`` and scroll to it, quietly (no ``Highlighted``). An item is
        its content or a function that builds it, called when the screen reaches it. ``total``:
        how many items these are the first of (the scroll indicator's whole)."""
        self._items = list(items)
        self._total = max(len(self._items), total or 0)
        self._lines, self._starts = [], []
        self._lit = None
        self._highlighted = None
        if self._items and highlighted is not None:
            self._highlighted = max(0, min(highlighted, len(self._items) - 1))
        self.scroll_to(y=0, animate=False, immediate=True)
        # The screenful now, so that the size is set once, not again when the lines are drawn
        # (each change of size lays the screen out again).
        self._lay_out_to(self.scrollable_content_region.height + LOOKAHEAD)
        self._scroll_to_highlight()
        self._update_virtual_size()
        self.refresh()

    def add_items(self, items: Iterable[Item]) -> None:
        self._items.extend(items)
        self._total = max(self._total, len(self._items))
        self._update_virtual_size()
        self.refresh()

    def move_to(self, index: int) -> None:
        """Highlight item ``index``, scroll it into view and say so (``Highlighted``)."""
        if not self._items:
            return
        index = max(0, min(index, len(self._items) - 1))
        if index != self._highlighted:
            self._highlighted = index
            self._lit = None
            self.refresh()
        self._scroll_to_highlight()
        self.post_message(self.Highlighted(self, index))

    # -- layout --------------------------------------------------------------------------------

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width - 1)

    def _check_width(self) -> bool:
        """Forget the layout when the width changed; False while there is no width."""
        width = self._content_width()
        if width != self._width:
            self._width = width
            self._lines, self._starts = [], []
            self._lit = None
        return width > 0

    def _lay_out_to(self, line: int) -> None:
        """Lay out the items from the first on, until one reaches below ``line``."""
        if not self._check_width():
            return
        laid = len(self._lines)
        if laid == len(self._items) or self._end() > line:
            return
        style = self.get_visual_style("quote-list--item")
        end = self._end()
        while len(self._lines) < len(self._items) and end <= line:
            lines = self._render_item(self.item(len(self._lines)), style)
            self._starts.append(end)
            self._lines.append(lines)
            end += len(lines) + 1  # and the rule below it
        self._update_virtual_size()

    def _lay_out_through(self, index: int) -> None:
        while self._check_width() and len(self._lines) <= min(index, len(self._items) - 1):
            self._lay_out_to(self._end())

    def _end(self) -> int:
        """The line after the last laid-out item's rule."""
        return self._starts[-1] + len(self._lines[-1]) + 1 if self._lines else 0

    def _render_item(self, item: Content, style: VisualStyle) -> list[Strip]:
        """The item's lines, wrapped once, padded to the width in one strip each. Drawn as
        plain text is: no selection and no links in a list of quotes (``Visual.to_strips``
        would look for both on every line)."""
        padding = self.get_component_styles("quote-list--item").padding
        full = self._width
        width = max(1, full - padding.left - padding.right)
        options = RenderOptions(self._get_style, cast(RulesMap, self.styles))
        fill = style.rich_style
        left = [Segment(" " * padding.left, fill)] if padding.left else []
        blank = Strip.blank(full, fill)
        lines = [blank] * padding.top
        for strip in item.render_strips(width, None, style, options):
            rest = full - padding.left - strip.cell_length
            right = [Segment(" " * rest, fill)] if rest > 0 else []
            lines.append(Strip([*left, *strip, *right], full))
        lines += [blank] * padding.bottom
        return lines

    def _update_virtual_size(self) -> None:
        laid = len(self._lines)
        end = self._end()
        if laid < len(self._items):
            # The rest at the mean height of what is laid out (two lines and a rule before any).
            end += round((end / laid if laid else 3) * (len(self._items) - laid))
        size = Size(max(0, self._width), max(0, end - 1))  # no rule below the last item
        if size != self.virtual_size:
            self.virtual_size = size

    def _item_at_line(self, line: int) -> tuple[int, int] | None:
        """(item, line within it) drawn on ``line``; the line within is past the item's lines
        on its rule."""
        index = bisect_right(self._starts, line) - 1
        if index < 0 or index >= len(self._lines):
            return None
        return index, line - self._starts[index]

    def _scroll_to_highlight(self) -> None:
        index = self._highlighted
        if index is None:
            return
        self._lay_out_through(index)
        if index >= len(self._lines):
            return
        region = Region(0, self._starts[index], max(1, self._width), len(self._lines[index]))
        self.scroll_to_region(region, animate=False, immediate=True, force=True)

    # -- drawing -------------------------------------------------------------------------------

    def on_resize(self) -> None:
        if self._content_width() != self._width:
            self._check_width()
            self._scroll_to_highlight()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._width = -1  # the styles of the items may have changed: wrap them again
        self._lit = None
        self.refresh()

    def _on_focus(self, event: events.Focus) -> None:
        self._lit = None
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._lit = None
        self.refresh()

    def _highlighted_lines(self, index: int) -> list[Strip]:
        focused = self.has_focus
        lit = self._lit
        if lit is None or lit[:2] != (index, focused):
            style = self.get_visual_style("quote-list--item", "quote-list--highlighted")
            lit = self._lit = (index, focused, self._render_item(self.item(index), style))
        return lit[2]

    def render_line(self, y: int) -> Strip:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        self._lay_out_to(top + height + LOOKAHEAD)
        line = self._line(top + y)
        indicator = self._indicator(y, top, height)
        return Strip([*line, indicator], self._width + 1)

    def _line(self, line: int) -> Strip:
        found = self._item_at_line(line)
        if found is None:
            return Strip.blank(self._width, self.get_visual_style("quote-list--item").rich_style)
        index, offset = found
        lines = self._lines[index]
        if offset >= len(lines):
            rule = self.get_visual_style("quote-list--rule").rich_style
            return Strip([Segment(RULE * self._width, rule)], self._width)
        if index == self._highlighted:
            lines = self._highlighted_lines(index)
        return lines[offset]

    def _indicator(self, y: int, top: int, height: int) -> Segment:
        """The indicator's cell on screen line ``y``: the thumb where the screen is among every
        item the list stands for (their height estimated at the mean of those laid out)."""
        laid = len(self._lines)
        whole = (self._end() / laid if laid else 3) * self._total
        if whole > height:
            size = max(1, round(height * height / whole))
            start = round(min(1.0, top / max(1.0, whole - height)) * (height - size))
            if start <= y < start + size:
                return Segment(" ", self.get_visual_style("quote-list--thumb").rich_style)
        return Segment(" ", self.get_visual_style("quote-list--track").rich_style)

    # -- keys and the mouse --------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        if self._highlighted is None:
            self.move_to(0)
        elif self._highlighted < len(self._items) - 1:
            self.move_to(self._highlighted + 1)

    def action_cursor_up(self) -> None:
        if self._highlighted is None:
            self.move_to(0)
        elif self._highlighted > 0:
            self.move_to(self._highlighted - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(len(self._items) - 1)

    def _page(self, direction: int) -> None:
        if not self._lines:
            return
        current = self._highlighted or 0
        line = self._starts[current] + direction * self.scrollable_content_region.height
        self._lay_out_to(line)
        found = self._item_at_line(max(0, min(line, self._end() - 1)))
        target = found[0] if found is not None else len(self._lines) - 1
        if target == current:
            target += direction
        self.move_to(target)

    def action_page_down(self) -> None:
        self._page(1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self.post_message(self.Selected(self, self._highlighted))

    async def _on_click(self, event: events.Click) -> None:
        found = self._item_at_line(self.scroll_offset.y + event.y)
        if found is not None and found[1] < len(self._lines[found[0]]):  # not on a rule
            self.move_to(found[0])
            self.post_message(self.Selected(self, found[0]))

    @property
    def built(self) -> int:
        """How many items are built (for checks that a list builds what the screen shows)."""
        return sum(isinstance(item, Content) for item in self._items)
