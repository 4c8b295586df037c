"""When something was said, from the article's relative words and the date it was published.

"On Tuesday", "Monday", "yesterday" and "on the 14th" name one day, counted back from the
published date: they give a date, marked as inferred with the words it came from. "Last week",
"last month" and "this year" name a span, not a day: the note says which span, and no date is
made up for them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_WORDS = re.compile(
    r"\b(?P<words>(?:(?P<last>last)\s+|on\s+|(?:early|late)\s+)?(?P<weekday>"
    + "|".join(_WEEKDAYS)
    + r")|yesterday|today|on the (?P<day>\d{1,2})(?:st|nd|rd|th))\b",
    re.IGNORECASE,
)
_SPAN_WORDS = re.compile(
    r"\b(?:earlier this|late last|early last|last|this)\s+(?P<unit>week|month|year|weekend)\b",
    re.IGNORECASE,
)
_VAGUE_WORDS = re.compile(
    r"\b(?:recently|in recent (?:days|weeks|months|interviews)|earlier)\b", re.IGNORECASE
)


def _weekday_before(published: dt.date, weekday: int, strictly: bool) -> dt.date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and strictly:
        back = 7
    return published - dt.timedelta(days=back)


def day_from_words(text: str, published: dt.date | None) -> tuple[dt.date | None, str] | None:
    """(date, note) for the first word of time in ``text`` that names a day, else None."""
    match = _DAY_WORDS.search(text)
    if match is None:
        return None
    words = match.group()
    if published is None:
        return None, f"The article says “{words}”; it has no published date to count from"
    lowered = words.lower()
    if lowered == "yesterday":
        day = published - dt.timedelta(days=1)
    elif lowered == "today":
        day = published
    elif match["day"]:
        number = int(match["day"])
        year, month = published.year, published.month
        if number > published.day:  # "on the 20th" in a story of the 2nd: last month's
            month -= 1
            if month == 0:
                year, month = year - 1, 12
        if number > calendar.monthrange(year, month)[1]:
            return None, f"The article says “{words}”"
        day = dt.date(year, month, number)
    else:
        weekday = _WEEKDAYS.index(match["weekday"].capitalize())
        day = _weekday_before(published, weekday, strictly=bool(match["last"]))
    return day, f"inferred from “{words}”, counted back from the published date {published}"


def span_from_words(text: str, published: dt.date | None) -> str | None:
    """The note for words that name a span ("last week"), or vague ones ("recently")."""
    match = _SPAN_WORDS.search(text)
    if match is not None:
        words = match.group()
        if published is None:
            return f"The article says “{words}”"
        unit = match["unit"].lower()
        last = words.lower().startswith(("last", "late last", "early last"))
        if unit in ("week", "weekend"):
            monday = published - dt.timedelta(days=published.weekday() + (7 if last else 0))
            span = f"the week of {monday}"
        elif unit == "month":
            year, month = published.year, published.month - (1 if last else 0)
            if month == 0:
                year, month = year - 1, 12
            span = f"{calendar.month_name[month]} {year}"
        else:
            span = str(published.year - (1 if last else 0))
        return (
            f"The article says “{words}”: {span} (inferred from the published date "
            f"{published}); the day is not stated"
        )
    vague = _VAGUE_WORDS.search(text)
    if vague is not None:
        return f"The article says “{vague.group()}”"
    return None
