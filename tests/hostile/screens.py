"""Every view of the app rendered headless over a data tree, as SVG and as plain screen text."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tui.app.app import create_app
from tui.app.views import VIEWS

# A guard against a hang, not a speed test: a load that never finishes fails instead of stalling.
LOAD_GUARD_SECONDS = 120

_SVG = "{http://www.w3.org/2000/svg}"
_ROW_CLIP = re.compile(
    r"clip-path:url\(#[\w-]+-line-(\d+)\)|clip-path=\"url\(#[\w-]+-line-(\d+)\)\""
)


async def render_views(
    root: Path,
    size: tuple[int, int] = (120, 36),
    targets: dict[str, str] | None = None,
    keys: tuple[str, ...] = (),
    as_of: dt.date | None = None,
) -> dict[str, str]:
    """The SVG screenshot of each view, after ``keys`` are pressed in it (same app throughout).

    ``targets`` picks what the issue, actor and source views show (by default the app's choice).
    """
    targets = targets or {}
    shots: dict[str, str] = {}
    app = create_app(root, watch=False, blink=False, as_of=as_of)
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.loaded.wait(), LOAD_GUARD_SECONDS)
        for spec in VIEWS:
            target = targets.get(spec.target) if spec.target else None
            app.show_view(spec.id, target)
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
            await pilot.pause()
            shots[spec.id] = app.export_screenshot(title=spec.title)
    return shots


def svg_text(svg: str) -> str:
    """The characters an SVG screenshot shows, row by row (no styling)."""
    tree = ElementTree.fromstring(svg)
    rows: dict[float, list[tuple[float, str]]] = {}
    for node in tree.iter(f"{_SVG}text"):
        text = "".join(node.itertext())
        if not text:
            continue
        y = float(node.get("y", "0"))
        x = float(node.get("x", "0"))
        rows.setdefault(y, []).append((x, text))
    lines = []
    for y in sorted(rows):
        lines.append("".join(text for _, text in sorted(rows[y])).replace("\xa0", " "))
    return "\n".join(lines)
