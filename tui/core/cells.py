"""What one cell of an exported table holds, for every writer (CSV, JSON, Markdown, xlsx): a plain
Python value for what pandas and numpy carry, and the formula guard of spreadsheet cells.

A text cell that begins with ``= + - @``, a tab or a carriage return (or a full-width or
small-form variant of those four signs) is one a spreadsheet may run as a formula; ``neutralise``
gives it a leading apostrophe and ``restore`` takes it off again (see ``tui.core.export``). A
plain number such as ``-2`` or ``0.5`` is left alone: there is nothing in it to run.

pandas is imported inside functions only.
"""

from __future__ import annotations

import math
import re
from typing import Any

FORMULA_SIGNS = "=+-@\t\r＝＋－＠﹦﹢﹣﹫"
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?\Z")


def is_formula_like(cell: str) -> bool:
    """Would a spreadsheet run this text as a formula? Leading apostrophes are looked through, so
    that escaping stays reversible (see ``restore``)."""
    bare = cell.lstrip("'")
    return bool(bare) and bare[0] in FORMULA_SIGNS and not _PLAIN_NUMBER.match(bare)


def neutralise(cell: str) -> str:
    return "'" + cell if is_formula_like(cell) else cell


def restore(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and is_formula_like(cell) else cell


def is_missing(value: Any) -> bool:
    import pandas as pd

    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def plain_value(value: Any) -> Any:
    """A cell as plain Python: None for anything missing or not finite, numpy scalars unwrapped."""
    if value is None or is_missing(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
