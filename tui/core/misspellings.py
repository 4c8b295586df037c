"""A known actor's name misspelt in an article: "Kim Yo Yong" for Kim Yo Jong.

Reporters and translators misspell romanised names, and a misspelt name read as a new person
takes every later "Kim said" and "she" with it. A capitalised name is read as an actor's when it
has as many words as one of the actor's names, every word but one the same, and that one word
one edit away (a letter changed, added, dropped or two swapped: optimal string alignment
distance 1), both at least three letters long. Names that differ by more, or in a short word,
are other people: Kim Jong Il is not Kim Jong Un, Lee Jae-yong is not Lee Jae-myung. A name
that would fit two actors is read as neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz.distance import OSA

from tui.core.records import Actor

# The edit distance one misspelt word may be from the right one, and the shortest word that may
# be misspelt at all: a two-letter given name ("Il", "Un") changed is another name.
MAX_EDITS = 1
MIN_WORD_LENGTH = 3
_WORD_SPLIT = re.compile(r"[\s\u00a0\-\u2010\u2011]+")


def name_words(name: str) -> tuple[str, ...]:
    """A name's words, case folded, hyphens as spaces: "Kim Jong-un" -> (kim, jong, un)."""
    return tuple(word.casefold() for word in _WORD_SPLIT.split(name.strip()) if word)


class Misspellings:
    """The actors' full names (and multi-word aliases), to read a misspelt one back."""

    def __init__(self, actors: Iterable[Actor]):
        self._names: dict[tuple[str, ...], dict[str, str]] = {}
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                words = name_words(form)
                # Only proper names: an alias with a lower-case word is a title or a relation.
                if len(words) > 1 and all(w[:1].isupper() for w in form.split()):
                    self._names.setdefault(words, {}).setdefault(actor.id, form)
        self.lengths = frozenset(len(words) for words in self._names)

    def actor_for(self, name: str) -> tuple[str, str] | None:
        """(actor id, the name it is a misspelling of), or None when it is nobody's or exact."""
        words = name_words(name)
        if words in self._names:
            return None  # spelt right: the name finder has it
        fits: dict[str, str] = {}
        for known, forms in self._names.items():
            if len(known) != len(words):
                continue
            differing = [(a, b) for a, b in zip(words, known, strict=True) if a != b]
            if len(differing) != 1:
                continue
            written, right = differing[0]
            if min(len(written), len(right)) < MIN_WORD_LENGTH:
                continue
            if OSA.distance(written, right, score_cutoff=MAX_EDITS) > MAX_EDITS:
                continue
            for actor_id, form in forms.items():
                fits.setdefault(actor_id, form)
        if len(fits) != 1:
            return None
        ((actor_id, form),) = fits.items()
        return actor_id, form
