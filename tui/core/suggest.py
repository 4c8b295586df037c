""" "Did you mean ...": the known names closest to one that is not known."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """The known names most like ``value`` (ids, seed ids, aliases), best first."""
    return difflib.get_close_matches(value, sorted(set(known)), n=limit, cutoff=0.6)


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """`; did you mean 'sanctions'?` to append to an error, or nothing when nothing is close."""
    close = closest(value, known)
    if not close:
        return ""
    return "; did you mean " + " or ".join(f"'{name}'" for name in close) + "?"
