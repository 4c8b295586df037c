"""A scrolling column of text blocks that builds and lays out only what the reader reaches.

An actor's or an issue's whole record on a large tree is a thousand blocks and more. One widget
per block costs a box model, a style and a layout each, every one before the first frame: seconds.
A ``Document`` holds the blocks as data and draws lines (Textual's line API): a block's content is
built, wrapped and cached when a line of it is first drawn, from the top down as far as the
screen reaches, so an open and a scroll cost what the screen shows. The height of what has not
been reached yet is estimated from what has; it becomes exact as the reader goes (the End key
lays out the rest first). A short document is laid out whole at once.

Each block is styled as a ``Static`` of the same classes would be, from the style sheet: its
classes are component classes of the widget (margins collapse as in a vertical layout; padding,
a left border, colour and text style apply).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import ClassVar, TypeVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

# A lone class merges with the others of a block; a compound one matches the style sheet's
# compound rule (``.citation.-focus``) as the same classes on one widget would.
BLOCK_CLASSES = frozenset(
    {
        "subject-title",
        "detail-title",
        "detail-stance",
        "detail-proposition",
        "detail-summary",
        "detail-history",
        "detail-empty",
        "section-title",
        "section-title -first",
        "condition",
        "evidence",
        "renderings",
        "glance",
        "source-paragraph",
        "citation",
        "citation -focus",
        "citation -unfound",
        "plain",
        "-before-main",
    }
)

# A left border of any kind is drawn as Textual draws a thick one (the only kind the style sheet
# gives a block).
BORDER_CHAR = "█"

# Lines laid out beyond the screen's last, so that a step down is already there.
LOOKAHEAD = 20
# A document of up to this many blocks is laid out whole when first drawn (up to WHOLE_LINES
# lines), so that its scroll bar is exact from the start; a longer one is laid out as far as the
# reader goes.
LAID_OUT_WHOLE = 200
WHOLE_LINES = 600


@dataclass(eq=False)
class Block:
    """A block of text with the classes it is styled by, built when first drawn.

    ``content`` is the Content itself or a function that builds it; ``tag`` is what the view
    finds the block by (a passage's numbers, a citation's key).
    """

    classes: tuple[str, ...]
    content: Content | Callable[[], Content]
    tag: object = None
    _built: Content | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        unknown = [name for name in self.classes if name not in BLOCK_CLASSES]
        assert not unknown, f"no style for block classes {unknown}"

    @property
    def built(self) -> Content:
        if self._built is None:
            content = self.content
            self._built = content if isinstance(content, Content) else content()
        return self._built

    @property
    def plain(self) -> str:
        return self.built.plain

    def has_class(self, name: str) -> bool:
        return any(name in classes.split() for classes in self.classes)

    def with_class(self, name: str) -> Block:
        return Block((*self.classes, name), self.content, self.tag, self._built)


def block(
    classes: str, content: Content | str | Callable[[], Content], tag: object = None
) -> Block:
    """``block("section-title", "Evidence (3)")``: a compound class is written as the style sheet
    writes it on a widget ("citation -focus"); a plain string is literal text, never markup."""
    if isinstance(content, str):
        content = Content(content)
    names = (classes,) if classes in BLOCK_CLASSES else tuple(classes.split())
    return Block(names, content, tag)


Row = TypeVar("Row")

# A block is built and laid out whole when the screen first reaches it: a list of thousands of rows
# (every actor at a glance, on a tree of thousands) is cut into blocks of this many rows.
ROWS_PER_BLOCK = 20


def row_blocks(
    classes: str,
    rows: Sequence[Row],
    draw: Callable[[Sequence[Row]], Content],
    per_block: int = ROWS_PER_BLOCK,
) -> list[Block]:
    """``rows`` as consecutive blocks of ``per_block`` rows each, drawn by ``draw`` when first on
    screen; they read as one block when ``classes`` gives a block no vertical margin."""
    return [
        block(classes, partial(draw, rows[start : start + per_block]))
        for start in range(0, len(rows), per_block)
    ] or [block(classes, Content(""))]


@dataclass
class _Laid:
    """One block as laid out at the current width."""

    start: int  # first line, its top margin included
    gap: int  # blank lines above it (collapsed margins)
    strips: list[Strip] | None  # None once evicted; rebuilt when drawn again
    height: int  # lines of content


class Document(ScrollView, can_focus=True):
    """Blocks of text drawn a line at a time; see the module's doc."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(BLOCK_CLASSES)
    DEFAULT_CSS = """
    Document {
        height: 1fr;
        overflow-x: hidden;
        overflow-y: auto;
    }
    """

    def __init__(self, *, classes: str | None = None, id: str | None = None) -> None:
        super().__init__(classes=classes, id=id)
        self._blocks: list[Block] = []
        self._laid: list[_Laid] = []
        self._starts: list[int] = []
        self._end = 0  # the line after the last laid-out block (its bottom margin excluded)
        self._width = -1
        # A place asked for before the widget had a size, taken once it has one.
        self._pending: tuple[str, float] | None = None

    # -- content -------------------------------------------------------------------------------

    @property
    def blocks(self) -> Sequence[Block]:
        return self._blocks

    def show(self, blocks: Iterable[Block]) -> None:
        """Replace every block; nothing is built until it is drawn."""
        self._blocks = list(blocks)
        self._pending = None
        self._reset()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def plain_text(self) -> str:
        """Every block's text (builds them all: for checks and exports, not for drawing)."""
        return "\n".join(item.plain for item in self._blocks)

    def find(self, predicate: Callable[[Block], bool]) -> int | None:
        return next((i for i, item in enumerate(self._blocks) if predicate(item)), None)

    def scroll_to_block(self, index: int, *, top: bool = True) -> None:
        """Scroll so that block ``index`` starts at the top (lays out the blocks above it)."""
        if not 0 <= index < len(self._blocks):
            return
        if not self._sized:
            self._pending = ("block", index)
            return
        self._layout_through_block(index)
        laid = self._laid[index]
        self.scroll_to(y=laid.start + laid.gap, animate=False, immediate=True)

    def scroll_to_line(self, line: float) -> None:
        """Scroll to ``line`` (a reader's place kept across a redraw), laying out down to it."""
        if not self._sized:
            self._pending = ("line", line)
            return
        self._layout_to_line(int(line) + self.scrollable_content_region.height)
        self.scroll_to(y=line, animate=False, immediate=True)

    def block_at_line(self, line: int) -> int | None:
        """The block drawn on ``line`` of the document (None for a margin or past the end)."""
        self._layout_to_line(line)
        index = bisect_right(self._starts, line) - 1
        if index < 0 or index >= len(self._laid):
            return None
        laid = self._laid[index]
        offset = line - laid.start - laid.gap
        return index if 0 <= offset < laid.height else None

    # -- layout --------------------------------------------------------------------------------

    @property
    def _sized(self) -> bool:
        region = self.scrollable_content_region
        return region.width > 0 and region.height > 0

    def _reset(self) -> None:
        self._laid = []
        self._starts = []
        self._end = 0
        self._width = self._content_width()
        self._update_virtual_size()

    def _content_width(self) -> int:
        return max(0, self.scrollable_content_region.width)

    def _check_width(self) -> None:
        width = self._content_width()
        if width != self._width:
            self._reset()

    def _margins(self, item: Block) -> tuple[int, int]:
        styles = self.get_component_styles(*item.classes)
        margin = styles.margin
        return margin.top, margin.bottom

    def _render_block(self, item: Block) -> list[Strip]:
        """The block's lines at the current width: padding and a left border as on a widget."""
        styles = self.get_component_styles(*item.classes)
        visual_style = self.get_visual_style(*item.classes)
        rich_style = visual_style.rich_style
        padding = styles.padding
        margin = styles.margin
        border_type, border_color = styles.border_left
        border = 1 if border_type not in ("", "none", "hidden", "blank") else 0
        left = margin.left + border + padding.left
        width = max(1, self._width - left - margin.right - padding.right)
        content: Visual = item.built
        strips = Visual.to_strips(self, content, width, None, visual_style)
        base = self.rich_style
        prefix: list[Segment] = []
        if margin.left:
            prefix.append(Segment(" " * margin.left, base))
        if border:
            background = self.background_colors[1]
            border_style = RichStyle(
                color=(background + border_color).rich_color, bgcolor=background.rich_color
            )
            prefix.append(Segment(BORDER_CHAR, border_style))
        # Padding and the rest of each line only in the background, as a widget pads its lines.
        fill = RichStyle(bgcolor=rich_style.bgcolor)
        if padding.left:
            prefix.append(Segment(" " * padding.left, fill))
        top = [Strip.blank(self._width, fill)] * padding.top
        bottom = [Strip.blank(self._width, fill)] * padding.bottom
        lines = [
            Strip([*prefix, *strip]).extend_cell_length(self._width - margin.right, fill)
            for strip in strips
        ]
        if margin.right:
            lines = [line.extend_cell_length(self._width, base) for line in lines]
        return [*top, *lines, *bottom]

    def _lay_out_next(self) -> None:
        index = len(self._laid)
        item = self._blocks[index]
        top, _ = self._margins(item)
        if index == 0:
            gap, start = top, 0
        else:
            _, bottom = self._margins(self._blocks[index - 1])
            gap, start = max(bottom, top), self._end
        strips = self._render_block(item)
        self._laid.append(_Laid(start, gap, strips, len(strips)))
        self._starts.append(start)
        self._end = start + gap + len(strips)

    def _layout_to_line(self, line: int) -> None:
        self._check_width()
        laid_before = len(self._laid)
        while len(self._laid) < len(self._blocks) and self._end <= line:
            self._lay_out_next()
        if len(self._laid) != laid_before:
            self._update_virtual_size()

    def _layout_through_block(self, index: int) -> None:
        self._check_width()
        laid_before = len(self._laid)
        while len(self._laid) <= index:
            self._lay_out_next()
        if len(self._laid) != laid_before:
            self._update_virtual_size()

    def lay_out_all(self) -> None:
        if self._blocks:
            self._layout_through_block(len(self._blocks) - 1)

    def _total_height(self) -> int:
        if not self._blocks:
            return 0
        laid = len(self._laid)
        if laid == len(self._blocks):
            _, bottom = self._margins(self._blocks[-1])
            return self._end + bottom
        # The rest, estimated at the mean height of what is laid out (two lines before any).
        mean = self._end / laid if laid else 2
        return self._end + round(mean * (len(self._blocks) - laid))

    def _update_virtual_size(self) -> None:
        size = Size(self._width if self._width > 0 else 0, self._total_height())
        if size != self.virtual_size:
            self.virtual_size = size

    # -- drawing -------------------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._reset()
        self.refresh()

    def on_resize(self) -> None:
        self._check_width()
        pending, self._pending = self._pending, None
        if pending is not None and self._sized:
            kind, where = pending
            if kind == "block":
                self.scroll_to_block(int(where))
            else:
                self.scroll_to_line(where)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        if len(self._blocks) <= LAID_OUT_WHOLE:
            # Few blocks, but one may hold many rows (see row_blocks): bounded in lines too.
            self._layout_to_line(max(line + LOOKAHEAD, WHOLE_LINES))
        else:
            self._layout_to_line(line + LOOKAHEAD)
        index = bisect_right(self._starts, line) - 1
        if index < 0 or index >= len(self._laid):
            return self._blank()
        laid = self._laid[index]
        offset = line - laid.start - laid.gap
        if offset < 0 or offset >= laid.height:
            return self._blank()
        if laid.strips is None:
            laid.strips = self._render_block(self._blocks[index])
        return laid.strips[offset]

    def _blank(self) -> Strip:
        # Only a background, as the widget's own padding is drawn, so that a margin and the
        # padding beside it are one run of blank cells.
        return Strip.blank(self._width, RichStyle(bgcolor=self.rich_style.bgcolor))

    def action_scroll_end(self) -> None:
        # The end is only known once everything above it is laid out; and it is reached at once,
        # not in an animation over what may be thousands of lines (which a test, or a reader
        # pressing a key next, would catch half-way).
        self.lay_out_all()
        self.scroll_end(animate=False)
