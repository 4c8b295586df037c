"""Check that an evidence text is verbatim in a seed body, and find where.

Typography is forgiven, words are not: curly and straight quotes match each other, every dash
matches every dash, and any run of whitespace matches any other. An elision (`...`, `…`, `[...]`)
splits the text into pieces that must appear in the body in that order. The result carries the
span of each piece as offsets into the original body, so a view can mark the words in place.

The search is ``str.find``: first in the body as it is, which settles most evidence at no cost;
failing that, in the folded body, built once per seed (see ``NormalisedBody``) and kept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

# Each fold maps one character to one character, so offsets survive it. Folding by regular
# expression (or str.replace) is much faster than str.translate on long non-ASCII texts.
_FOLDS = (
    (re.compile("[‘’‚‛′`´]"), "'"),
    (re.compile("[“”„‟″«»]"), '"'),
    (re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]"), "-"),
    # Whitespace other than ASCII (no-break and typographic spaces, separators) becomes a space.
    (re.compile("[\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"), " "),
)
_ASCII_WHITESPACE = "\t\n\x0b\x0c\r"
_SPACE_RUN = re.compile(" {2,}")
# The white space around an elision is stripped from the pieces, not matched here: a leading
# ``\s*`` would be tried again from every character of a long run of spaces, quadratic in it.
_ELISION = re.compile(r"\[\s*(?:\.{3,}|…)\s*\]|(?:\.{3,}|…)\.?")

Span = tuple[int, int]


def _fold_characters(text: str) -> str:
    """Quotes, dashes and every whitespace character folded, one character to one."""
    for pattern, replacement in _FOLDS:
        text = pattern.sub(replacement, text)
    for space in _ASCII_WHITESPACE:
        if space in text:
            text = text.replace(space, " ")
    return text


def normalise(text: str) -> str:
    """Quotes and dashes folded, whitespace runs made one space."""
    return _SPACE_RUN.sub(" ", _fold_characters(text))


def pieces(text: str, fold: bool = True) -> list[str]:
    """The pieces of an evidence text, split at its elisions (normalised when ``fold``)."""
    parts: Iterable[str]
    if "..." in text or "…" in text:
        parts = (p.strip() for p in _ELISION.split(text))
    else:
        parts = (text.strip(),)  # no elision: skip the split, the commonest case by far
    if fold:
        parts = (normalise(p).strip() for p in parts)
    return [part for part in parts if part]


class NormalisedBody:
    """A seed body folded like an evidence text, with a map back to the original offsets.

    Folding quotes and dashes keeps every offset; only whitespace runs of two or more characters
    shrink, to one space. For each such run we keep where it lands in the folded text and how far
    the folded text lags behind the original after it, so mapping back is one bisection.
    """

    __slots__ = ("text", "_run_positions", "_shift_after")

    def __init__(self, body: str):
        folded = _fold_characters(body)
        self.text = _SPACE_RUN.sub(" ", folded)
        positions: list[int] = []
        shifts: list[int] = []
        shift = 0
        for match in _SPACE_RUN.finditer(folded):
            start, end = match.span()
            positions.append(start - shift)
            shift += end - start - 1
            shifts.append(shift)
        self._run_positions = positions
        self._shift_after = shifts

    def original(self, index: int) -> int:
        """Offset in the original body of the folded character at ``index`` (not in a run)."""
        runs_before = bisect_left(self._run_positions, index)
        return index + (self._shift_after[runs_before - 1] if runs_before else 0)

    def span(self, start: int, end: int) -> Span:
        """Original offsets [start, end) of the folded slice [start, end) (ends not in runs)."""
        return self.original(start), self.original(end - 1) + 1


@dataclass(frozen=True)
class Verification:
    """``found`` when every piece is in the body in order; ``spans`` then holds where each is.

    When not found, ``missing`` is the first piece that could not be placed and ``out_of_order``
    says whether it does occur in the body, only before the piece preceding it.
    """

    found: bool
    spans: tuple[Span, ...] = ()
    missing: str | None = None
    out_of_order: bool = False


def _find_in_order(parts: list[str], text: str) -> tuple[list[Span], int]:
    """Spans of the pieces found in order in ``text``, and the index of the first one missing.

    Taking the earliest match of each piece leaves the most room for the pieces after it.
    """
    spans: list[Span] = []
    position = 0
    for index, part in enumerate(parts):
        start = text.find(part, position)
        if start < 0:
            return spans, index
        position = start + len(part)
        spans.append((start, position))
    return spans, len(parts)


def verify_text(text: str, body: str, folded: Callable[[], NormalisedBody]) -> Verification:
    """Verify against the body as it is first; fold typography only when that fails.

    ``folded`` gives the folded body when needed, so that a caller can build it once and keep it.
    """
    if "..." not in text and "…" not in text:
        # One piece, the commonest case by far: one search settles it when it is verbatim.
        part = text.strip()
        start = body.find(part) if part else -1
        if start >= 0:
            return Verification(True, ((start, start + len(part)),))
    exact = pieces(text, fold=False)
    if exact:
        spans, missing = _find_in_order(exact, body)
        if missing == len(exact):
            return Verification(True, tuple(spans))
    parts = pieces(text)
    if not parts:
        return Verification(False, missing="")
    normalised = folded()
    spans, missing = _find_in_order(parts, normalised.text)
    if missing < len(parts):
        part = parts[missing]
        return Verification(False, missing=part, out_of_order=normalised.text.find(part) >= 0)
    return Verification(True, tuple(normalised.span(start, end) for start, end in spans))


@lru_cache(maxsize=512)
def normalised_body(body: str) -> NormalisedBody:
    return NormalisedBody(body)


def verify(text: str, body: str) -> Verification:
    """Verify one text against one body; folded bodies are cached."""
    return verify_text(text, body, lambda: normalised_body(body))


# Verification searches a seed once per evidence item that cites it, so a large seed cited by
# many items costs their product. Each file citing seeds may search this many times its own size,
# and never less than the floor (a long article cited a few dozen times is ordinary); past that,
# its items are left unverified with a diagnostic rather than letting a hostile file stall every
# load. The budget is the file's own: a hostile file exhausts it and leaves the others theirs.
SEARCH_BUDGET_FACTOR = 16
SEARCH_BUDGET_FLOOR = 64 * 1024 * 1024


def file_budget(file_size: int) -> int:
    """Characters of seed text that the evidence of one file of ``file_size`` may search."""
    return max(SEARCH_BUDGET_FLOOR, SEARCH_BUDGET_FACTOR * file_size)


class Verifier:
    """Verifies many evidence items against many seeds, folding each seed body once.

    Work is charged to an account (the file whose evidence it is): ``searched_by`` counts the
    characters of seed text handed to its searches (an upper bound of the work), and
    ``can_afford`` says whether one more search of a body stays within the account's budget
    (``budget`` unless given). An outcome already known costs nothing, whoever asks.
    """

    def __init__(self, budget: int | None = None) -> None:
        self._bodies: dict[str, NormalisedBody] = {}
        self._outcomes: dict[tuple[str, str], Verification] = {}
        self.budget = budget
        self.searched_by: dict[str, int] = {}

    @property
    def searched(self) -> int:
        return sum(self.searched_by.values())

    def can_afford(
        self, seed_id: str, body: str, text: str, account: str = "", budget: int | None = None
    ) -> bool:
        limit = self.budget if budget is None else budget
        if limit is None or (seed_id, text) in self._outcomes:
            return True
        return self.searched_by.get(account, 0) + len(body) <= limit

    def verify(self, seed_id: str, body: str, text: str, account: str = "") -> Verification:
        key = (seed_id, text)
        outcome = self._outcomes.get(key)
        if outcome is None:
            passes = [1]

            def folded() -> NormalisedBody:
                passes[0] += 1
                return self._folded(seed_id, body)

            outcome = self._outcomes[key] = verify_text(text, body, folded)
            self.searched_by[account] = self.searched_by.get(account, 0) + len(body) * passes[0]
        return outcome

    def charge(self, account: str, characters: int) -> None:
        """Work done for ``account`` outside ``verify`` (diagnosing a mismatch, say)."""
        self.searched_by[account] = self.searched_by.get(account, 0) + characters

    def folded(self, seed_id: str, body: str) -> NormalisedBody:
        """The seed's folded body, built once."""
        return self._folded(seed_id, body)

    def _folded(self, seed_id: str, body: str) -> NormalisedBody:
        folded = self._bodies.get(seed_id)
        if folded is None:
            folded = self._bodies[seed_id] = NormalisedBody(body)
        return folded
