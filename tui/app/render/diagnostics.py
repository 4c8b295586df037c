"""A diagnostic as one line of screen text: `path:line:col: severity: message`, GCC style, so an
editor or a reader can go to the spot (the Problems view and the no-data notice both show it)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from textual.content import Content

from tui.app.render import palette
from tui.app.render.safe import safe
from tui.core.dataset import Dataset
from tui.core.diagnostics import Diagnostic


def shown_path(ds: Dataset, path: str) -> str:
    """Relative to the data tree when inside it, so screens never show where the tree lives."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            return candidate.relative_to(_resolved(Path(ds.root))).as_posix()
        except ValueError:
            try:
                return candidate.relative_to(Path(ds.root)).as_posix()
            except ValueError:
                return path
    return candidate.as_posix()


@lru_cache(maxsize=8)
def _resolved(root: Path) -> Path:
    # Asked once per diagnostic shown, thousands on a large tree: the file system once a tree.
    return root.resolve()


def diagnostic_line(ds: Dataset, diagnostic: Diagnostic) -> Content:
    """`path:line:col: severity: message`, literally, with the severity marked."""
    style = palette.BAD if diagnostic.is_error else "bold"
    return Content.assemble(
        safe(f"{shown_path(ds, diagnostic.path)}:{diagnostic.line}:{diagnostic.col}: "),
        Content.styled(f"{diagnostic.severity.value}:", style),
        " ",
        safe(diagnostic.message, multiline=True),
    )
