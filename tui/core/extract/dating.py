"""When a quote was said, from the words of its sentence: a date it gives, else a day or span."""

from __future__ import annotations

import datetime as dt

from tui.core.extract.vocabulary import DATE_PATTERNS, MONTHS
from tui.core.relative_dates import day_from_words, span_from_words


def said_on_from_words(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """An explicit date in ``text`` ("Oct. 3", "3 October 2025"), else a day counted back from
    the published date ("on Tuesday"), else a note naming the span ("last week"); the note says
    which words it came from."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["month_number"]) if parts.get("month_number") else MONTHS[parts["month"]]
        year = int(parts["year"]) if parts.get("year") else None
        if year is None and published is not None:
            year = published.year
            try:
                if dt.date(year, month, int(parts["day"])) > published:
                    year -= 1
            except ValueError:
                continue
        if year is None:
            return None, f"The article says “{match.group()}”"
        try:
            return dt.date(year, month, int(parts["day"])), f"The article says “{match.group()}”"
        except ValueError:
            continue
    named_day = day_from_words(text, published)
    if named_day is not None:
        return named_day
    return None, span_from_words(text, published)
