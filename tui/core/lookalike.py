"""Names that look alike on screen: equal once invisible characters are removed and compatibility
forms and case folded (``"Kim Jong Un\\u3164"`` and ``"Kim Jong Un"``, ``"ＫＩＭ"`` and ``"Kim"``).
Two actors so named are a reader's trap: each would pass for the other."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.sanitize import without_ignorables


def look_alikes(names: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """For each (id, name) whose name looks like an earlier one's, the pair (id, earlier id)."""
    first: dict[str, str] = {}
    pairs: list[tuple[str, str]] = []
    for record_id, name in names:
        seen = without_ignorables(name)
        if seen in first:
            pairs.append((record_id, first[seen]))
        else:
            first[seen] = record_id
    return pairs


def shows_as_nothing(name: str) -> bool:
    """A name of only invisible characters and white space: a blank on screen."""
    return not without_ignorables(name)
