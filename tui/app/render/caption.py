"""The line that names a panel: view, subject, as-of date and sources, so a screenshot stands alone."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from textual.content import Content

from tui.app.render.safe import safe
from tui.core.dataset import Dataset

MAX_SOURCES_NAMED = 3
MAX_SUBJECT = 48


def shorten(text: str, limit: int = MAX_SUBJECT) -> str:
    """A long title cut at a word, with an ellipsis, for the one-line caption."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def source_name(ds: Dataset, seed_id: str) -> str:
    """"Benzinga via KCNA, Reuters"; an unknown id as it is."""
    seed = ds.seeds.get(seed_id)
    if seed is None:
        return seed_id
    if seed.meta.via:
        return f"{seed.meta.outlet} via {', '.join(seed.meta.via)}"
    return seed.meta.outlet


def source_names(ds: Dataset, seed_ids: Iterable[str]) -> Content:
    """"Benzinga via KCNA, Reuters; Yonhap" in order of first citation; unknown ids as they are."""
    # A dict keeps the order and looks up in constant time.
    names = dict.fromkeys(source_name(ds, seed_id) for seed_id in seed_ids)
    return named_sources(list(names))


def named_sources(names: list[str]) -> Content:
    """Source names, each once, as a caption shows them."""
    if not names:
        return Content("no sources")
    shown = "; ".join(names[:MAX_SOURCES_NAMED])
    more = len(names) - MAX_SOURCES_NAMED
    if more > 0:
        shown += f"; +{more} more"
    noun = "source" if len(names) == 1 else "sources"
    return Content(f"{noun}: ") + safe(shown)


def caption(
    view: str,
    as_of: dt.date | None,
    sources: Content,
    subject: Content | None = None,
) -> Content:
    """"Matrix · as of 2025-09-22 · source: Benzinga via KCNA, Reuters"."""
    parts = [Content.styled(view, "bold")]
    if subject is not None and subject:
        parts.append(subject)
    parts.append(Content(f"as of {as_of.isoformat()}" if as_of else "no dated stances"))
    parts.append(sources)
    return Content(" · ").join(parts)
