"""Short tags for actors ("KJU" for Kim Jong Un), where a figure has no room for whole names:
the Gaps view's bars and distance grid, the Timeline's chart."""

from __future__ import annotations

import re

from rich.text import Text

from tui.core.dataset import Dataset
from tui.core.sanitize import clean

TAG_MAX = 4


def actor_tags(ds: Dataset, actor_ids: tuple[str, ...] | list[str]) -> dict[str, str]:
    """ "Kim Jong Un" -> "KJU", "Lee Jae-myung" -> "LJM": unique, short, from the names."""
    tags: dict[str, str] = {}
    used: set[str] = set()
    # The next suffix to try per tag: thousands of actors with the same initials would
    # otherwise try every suffix taken before theirs.
    next_suffix: dict[str, int] = {}
    for actor_id in actor_ids:
        words = [w for w in re.split(r"[\s\-‐-―]+", clean(ds.actor_name(actor_id))) if w]
        initials = "".join(next((c for c in word if c.isalnum()), "") for word in words).upper()
        tag = initials[:TAG_MAX] or clean(actor_id)[:3].upper()
        unique, suffix = tag, next_suffix.get(tag, 2)
        while unique in used:
            unique, suffix = f"{tag}{suffix}", suffix + 1
        next_suffix[tag] = suffix
        used.add(unique)
        tags[actor_id] = unique
    return tags


def tag_legend(ds: Dataset, tags: dict[str, str], limit: int | None = None) -> Text:
    """ "DT Donald Trump · KJU Kim Jong Un · …", and past ``limit`` how many more."""
    named = list(tags.items())[:limit]
    parts = [Text.assemble((tag, "bold"), " ", clean(ds.actor_name(a))) for a, tag in named]
    if len(named) < len(tags):
        parts.append(Text(f"and {len(tags) - len(named):,} more actors", style="dim"))
    return Text(" · ", end="").join(parts)
