"""A PNG of a screenshot, drawn from the SVG so that the two show the same cells.

Rich writes the screen as a grid: a ``<rect>`` per run of background and a ``<text>`` per run of
styled characters, each at a column and a line of the terminal. This module reads that grid back
and draws it with Pillow in Fira Code, the font the SVG names, taken from the ``fontpkg-fira-code``
package: the PNG comes out the same on any machine, with no network and no system font.

The few characters Fira Code has no glyph for are drawn as a close stand-in (``FALLBACK``).
"""

from __future__ import annotations

import html
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.ImageFont import FreeTypeFont

# Rich's SVG geometry (rich 15, pinned): a cell is 0.61 em wide, a line 1.22 em high, at 20px.
SVG_CELL_WIDTH = 12.2
SVG_LINE_HEIGHT = 24.4
SVG_LINE_TOP = 1.5

# Pixel size of the font at scale 1; a cell is then about 10 x 20 pixels.
BASE_FONT_SIZE = 16
MARGIN_CELLS = 1
# Stand-ins for the characters Fira Code lacks.
FALLBACK = {
    "✗": "×",
    "⚑": "!",
    "‐": "-",
    "⏵": "▶",
    "⇅": "↕",
    "★": "*",
    "✕": "×",
    # The hollow marks of an inferred stance: the mathematical triangles are hollow too.
    "△": "∆",
    "▽": "∇",
}

_RECT = re.compile(
    r'<rect fill="(#[0-9a-fA-F]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" '
    r'height="[\d.]+" shape-rendering="crispEdges"/>'
)
_TEXT = re.compile(
    r'<text class="[\w-]*?-(r\d+)" x="([\d.]+)" y="[\d.]+" textLength="[\d.]+" '
    r'clip-path="url\(#[\w-]*?-line-(\d+)\)">(.*?)</text>',
    re.S,
)
_CLASS = re.compile(r"\.[\w-]*?-(r\d+) \{ fill: (#[0-9a-fA-F]{6})(;font-weight: bold)?")
_VIEWBOX = re.compile(
    r'<clipPath id="[\w-]*?-clip-terminal">\s*<rect x="0" y="0" '
    r'width="([\d.]+)" height="([\d.]+)"'
)


@dataclass(frozen=True)
class Run:
    line: int
    column: int
    text: str
    colour: str
    bold: bool


@dataclass(frozen=True)
class Grid:
    columns: int
    lines: int
    backgrounds: list[tuple[int, int, int, str]]  # line, column, width in cells, colour
    runs: list[Run]


def font_path() -> Path:
    """Fira Code, variable weight, from its package."""
    import fontpkg_fira_code

    return next(Path(fontpkg_fira_code.ROOT, "files").glob("FiraCode*.ttf"))


def read_grid(svg: str) -> Grid:
    """The cells of a Rich SVG screenshot."""
    size = _VIEWBOX.search(svg)
    if size is None:
        raise ValueError("not a Rich terminal screenshot")
    columns = round(float(size.group(1)) / SVG_CELL_WIDTH)
    lines = round(float(size.group(2)) / SVG_LINE_HEIGHT)
    styles = {m.group(1): (m.group(2), bool(m.group(3))) for m in _CLASS.finditer(svg)}
    backgrounds = [
        (
            round((float(y) - SVG_LINE_TOP) / SVG_LINE_HEIGHT),
            round(float(x) / SVG_CELL_WIDTH),
            round(float(width) / SVG_CELL_WIDTH),
            colour,
        )
        for colour, x, y, width in _RECT.findall(svg)
    ]
    runs = []
    for cls, x, line, body in _TEXT.findall(svg):
        colour, bold = styles.get(cls, ("#c5c8c6", False))
        text = html.unescape(body).replace("\xa0", " ")
        runs.append(Run(int(line), round(float(x) / SVG_CELL_WIDTH), text, colour, bold))
    return Grid(columns, lines, backgrounds, runs)


@lru_cache(maxsize=8)
def _fonts(size: int) -> tuple[FreeTypeFont, FreeTypeFont]:
    from PIL import ImageFont

    regular = ImageFont.truetype(str(font_path()), size)
    bold = ImageFont.truetype(str(font_path()), size)
    try:
        regular.set_variation_by_name("Regular")
        bold.set_variation_by_name("Bold")
    except (OSError, ValueError):  # a build of FreeType without variable fonts: one weight
        pass
    return regular, bold


def cell_size(scale: float = 1.0) -> tuple[int, int, int]:
    """Font size, cell width and cell height in pixels at ``scale``."""
    size = max(6, round(BASE_FONT_SIZE * scale))
    regular, _ = _fonts(size)
    width = round(regular.getlength("M"))
    return size, width, round(size * 1.25)


def render_png(svg: str, scale: float = 1.0, background: str | None = None) -> bytes:
    """The screenshot as PNG bytes: one cell per character, at ``scale`` times 16px text."""
    from PIL import Image, ImageDraw

    grid = read_grid(svg)
    size, cw, ch = cell_size(scale)
    regular, bold = _fonts(size)
    margin = MARGIN_CELLS * cw
    fill = background or _most_common_background(grid) or "#000000"
    image = Image.new("RGB", (grid.columns * cw + 2 * margin, grid.lines * ch + 2 * margin), fill)
    draw = ImageDraw.Draw(image)
    for line, column, width, colour in grid.backgrounds:
        if width <= 0:
            continue  # a sliver of a cell, which rounds to none
        left, top = margin + column * cw, margin + line * ch
        draw.rectangle([left, top, left + width * cw - 1, top + ch - 1], fill=colour)
    for run in grid.runs:
        font = bold if run.bold else regular
        top = margin + run.line * ch + (ch - size) // 2
        for n, char in enumerate(run.text):
            if char == " ":
                continue
            left = margin + (run.column + n) * cw
            draw.text((left, top), FALLBACK.get(char, char), font=font, fill=run.colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _most_common_background(grid: Grid) -> str | None:
    counts: dict[str, int] = {}
    for _, _, width, colour in grid.backgrounds:
        counts[colour] = counts.get(colour, 0) + width
    return max(counts, key=counts.__getitem__) if counts else None
