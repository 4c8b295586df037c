"""Where the known actors are named in a paragraph: full names, aliases and bare surnames.

A form (a name or alias) may fit several actors: "Kim" is a word of both "Kim Jong Un" and "Kim
Yo Jong". Such a mention keeps every candidate; choosing among them needs the text around it and
is the job of ``NameResolver``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tui.core.misspellings import Misspellings
from tui.core.records import Actor

_SEPARATORS = r"[\s\u00a0\-\u2010\u2011]+"
_APOSTROPHES = "'’"
_TOKEN_SPLIT = re.compile(r"[\s\u00a0\-\u2010\u2011]+")
# A bare surname followed by another capitalised name is someone else's full name ("Kim Jong Il").
_NEXT_NAME = re.compile(r"[\s\u00a0\-\u2010\u2011]+[A-Z][a-z]")
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*")
# A run of capitalised words, where a misspelt name may be: "Kim Yo Yong", "Kim Jung-un".
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'’-])[A-Z][a-z]+(?:(?:[\s\u00a0]|[\-\u2010\u2011])[A-Za-z][a-z]+)*(?![\w'’-])"
)
_RUN_WORD = re.compile(r"[A-Za-z][a-z]+")
_PREPOSITIONS = frozenset(
    """at in on from with to of by for about against into over under toward towards between across
    via per during after before near inside outside around behind beyond than like""".split()
)
# `the sister of leader Kim Jong Un`, `a meeting with the North Korean leader`: the name is the
# object of a preposition, perhaps behind one lower-case word (a title or an article).
_OBJECT_OF_PREPOSITION = re.compile(r"(?:^|\s)([a-z]+)(?:\s+([a-z]+))?\s+$")


def form_key(surface: str) -> str:
    """The key under which a matched surface is looked up: separators, apostrophes, case folded."""
    folded = _TOKEN_SPLIT.sub(" ", surface.strip()).replace("’", "'")
    return folded.casefold()


def _tokens(name: str) -> list[str]:
    return [token for token in _TOKEN_SPLIT.split(name.strip()) if token]


def _form_pattern(form: str) -> str:
    parts = []
    for index, token in enumerate(_tokens(form)):
        chars = [f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in token]
        # "the North Korean leader" opens a sentence as "The North Korean leader".
        if index == 0 and token[0].islower():
            chars[0] = f"[{token[0].upper()}{token[0]}]"
        parts.append("".join(chars))
    body = _SEPARATORS.join(parts)
    if len(parts) > 1:
        # Multi-word forms are specific enough to ignore case ("Kim Jong-Un", "Kim Jong-un").
        body = f"(?i:{body})"
    return rf"(?<![\w'’]){body}(?![\w])"


@dataclass(frozen=True)
class Mention:
    """A span of a paragraph naming one or more candidate actors."""

    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]
    declared_by: tuple[str, ...]
    possessive: bool
    after_preposition: bool = False
    misspells: str | None = None  # the actor's name this one is a misspelling of

    @property
    def can_be_subject(self) -> bool:
        return not self.possessive and not self.after_preposition

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1


def is_title_case(paragraph: str) -> bool:
    """Headlines capitalise most words, so a capital letter says nothing about names there."""
    words = _WORD.findall(paragraph)
    if len(words) < 3:
        return False
    capitalised = sum(1 for word in words if word[0].isupper())
    return capitalised / len(words) >= 0.7


class ActorNames:
    """Every form under which the known actors are named, compiled into one pattern."""

    def __init__(self, actors: Iterable[Actor]):
        self.actors: dict[str, Actor] = {actor.id: actor for actor in actors}
        declared: dict[str, set[str]] = {}
        surfaces: dict[str, str] = {}
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases):
                if _tokens(form):
                    declared.setdefault(form_key(form), set()).add(actor.id)
                    surfaces.setdefault(form_key(form), form)
            # Articles name people by surname after the first mention ("Trump", "Lee"); the
            # first and last words of a name cover both name orders.
            name_tokens = _tokens(actor.name)
            for token in {name_tokens[0], name_tokens[-1]} if len(name_tokens) > 1 else set():
                if len(token) >= 3 and token[0].isupper():
                    surfaces.setdefault(form_key(token), token)
        words_of: dict[str, set[str]] = {}
        for actor in self.actors.values():
            for form in (actor.name, *actor.aliases):
                tokens = _tokens(form)
                if len(tokens) > 1:
                    for token in tokens:
                        words_of.setdefault(form_key(token), set()).add(actor.id)
        self._candidates: dict[str, tuple[str, ...]] = {}
        self._declared: dict[str, tuple[str, ...]] = {}
        for key in surfaces:
            owners = set(declared.get(key, set()))
            if " " not in key:
                owners |= words_of.get(key, set())
            self._candidates[key] = tuple(sorted(owners))
            self._declared[key] = tuple(sorted(declared.get(key, set())))
        self._single_word = {key for key in surfaces if " " not in key}
        self._misspellings = Misspellings(self.actors.values())
        forms = sorted(surfaces.values(), key=lambda f: (-len(f), f))
        self._pattern = re.compile("|".join(_form_pattern(f) for f in forms)) if forms else None

    def find(self, paragraph: str, offset: int = 0) -> list[Mention]:
        """Mentions in ``paragraph``; offsets are shifted by ``offset`` (the paragraph's start)."""
        if self._pattern is None:
            return []
        headline = is_title_case(paragraph)
        mentions = []
        for match in self._pattern.finditer(paragraph):
            key = form_key(match.group())
            if (
                key in self._single_word
                and not headline
                and _NEXT_NAME.match(paragraph, match.end())
            ):
                continue
            mentions.append(
                Mention(
                    start=offset + match.start(),
                    end=offset + match.end(),
                    surface=match.group(),
                    candidates=self._candidates[key],
                    declared_by=self._declared[key],
                    possessive=_POSSESSIVE.match(paragraph, match.end()) is not None,
                    after_preposition=after_preposition(
                        paragraph[max(0, match.start() - 40) : match.start()]
                    ),
                )
            )
        taken = [(m.start - offset, m.end - offset) for m in mentions]
        mentions += self._misspelt(paragraph, offset, taken)
        return sorted(mentions, key=lambda m: m.start)

    def _misspelt(self, paragraph: str, offset: int, taken: list[tuple[int, int]]) -> list[Mention]:
        """Names in capitalised runs that misspell an actor's name by one letter."""
        found: list[Mention] = []
        lengths = self._misspellings.lengths
        for run in _CAPITALISED_RUN.finditer(paragraph):
            if any(a < run.end() and run.start() < b for a, b in taken):
                continue
            words = list(_RUN_WORD.finditer(paragraph, run.start(), run.end()))
            # Longest names first, so that "Kim Jung Un" is read whole and not as "Kim Jung".
            for size in sorted(lengths, reverse=True):
                hit = next(
                    (
                        (words[i].start(), words[i + size - 1].end(), fit)
                        for i in range(len(words) - size + 1)
                        if (
                            fit := self._misspellings.actor_for(
                                paragraph[words[i].start() : words[i + size - 1].end()]
                            )
                        )
                    ),
                    None,
                )
                if hit is None:
                    continue
                start, end, (actor_id, right) = hit
                found.append(
                    Mention(
                        start=offset + start,
                        end=offset + end,
                        surface=paragraph[start:end],
                        candidates=(actor_id,),
                        declared_by=(actor_id,),
                        possessive=_POSSESSIVE.match(paragraph, end) is not None,
                        after_preposition=after_preposition(paragraph[max(0, start - 40) : start]),
                        misspells=right,
                    )
                )
                break
        return found


def after_preposition(before: str) -> bool:
    """Whether text ending just before a name makes the name a preposition's object."""
    match = _OBJECT_OF_PREPOSITION.search(before)
    if match is None:
        return False
    first, second = match.group(1), match.group(2)
    if second is None:
        return first in _PREPOSITIONS
    return second in _PREPOSITIONS or first in _PREPOSITIONS
