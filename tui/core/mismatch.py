"""Where an evidence text stops matching its seed, and what the seed says there.

A quote that is not verbatim is nearly always one mistyped or altered word. Pointing at the
start of the text leaves the contributor to compare the two by eye; this finds the first word
that differs from the closest passage of the seed, and the seed's words at that place:

    "...obsession with denucular..." differs at "denucular"; the seed has "denuclearising"

The closest passage is the longest run of the text's first words found in the seed (when even
the first word is wrong, the longest run of its last words). Both runs grow one way only, so a
bisection finds them in a logarithmic number of searches of the folded body.

Each search is of the whole folded body, so the caller charges them to the file's budget
(``searches`` says how many were made), on an account of its own: diagnosing the file's
mistakes never costs its good evidence their verification.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.core.verify import NormalisedBody, Verification, Verifier, normalise, pieces

if TYPE_CHECKING:
    from tui.core.dataset import Seed

CONTEXT_WORDS = 2  # words of the text shown before the one that differs
_WORD = re.compile(r"\S+")
_PUNCTUATION = ".,;:!?\"'“”‘’()[]«»"


@dataclass(frozen=True)
class Mismatch:
    """The first differing word of one piece of an evidence text.

    ``word_index`` counts the words of the piece before it (0 for the first word); ``seed_word``
    is the seed's word at that place in the closest passage, None when no word of the piece is in
    the seed at all.
    """

    word_index: int
    words: tuple[str, ...]
    seed_word: str | None
    searches: int

    @property
    def word(self) -> str:
        return self.words[self.word_index]

    def shown(self) -> str:
        """The differing word with a little of the text before it: "...with denucular..."."""
        start = max(0, self.word_index - CONTEXT_WORDS)
        text = " ".join(self.words[start : self.word_index + 1])
        before = "..." if start > 0 else ""
        after = "..." if self.word_index + 1 < len(self.words) else ""
        return f"{before}{text}{after}"

    def describe(self) -> str:
        said = f'"{_short(self.shown())}" differs at "{_short(self.word)}"'
        if self.seed_word is None:
            return said + "; no passage of the seed is like it"
        return said + f'; the seed has "{_short(self._seed_word_shown())}"'

    def _seed_word_shown(self) -> str:
        """The seed's word without the punctuation around it, unless that is what differs."""
        assert self.seed_word is not None
        bare = self.seed_word.strip(_PUNCTUATION)
        if not bare or bare == self.word.strip(_PUNCTUATION):
            return self.seed_word
        return bare


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


def first_difference(piece: str, body: NormalisedBody, original: str) -> Mismatch:
    """The first word of ``piece`` (one normalised piece of an evidence text) that departs from
    the closest passage of the folded ``body``; ``original`` is the body as it is, for the seed's
    own spelling of its word."""
    words = tuple(normalise(piece).split())
    text = body.text
    searches = 0

    def found(run: str) -> int:
        nonlocal searches
        searches += 1
        return text.find(run)

    # The longest run of first words found, each run ending where a word ends.
    low, high = 0, len(words)  # words[:low] is found (empty is); words[:high + 1] is not known
    while low < high:
        middle = (low + high + 1) // 2
        if found(" ".join(words[:middle]) + _word_end(middle, words)) >= 0:
            low = middle
        else:
            high = middle - 1
    if low >= len(words):
        # Every word is in the seed in order, only the piece as a whole is not (an ending cut
        # mid-word, say): the last word is where it stops matching.
        low = len(words) - 1
    if low > 0:
        run = " ".join(words[:low]) + " "
        at, searched = _best_occurrence(text, run, words[low + 1 : low + 2])
        searches += searched
        return Mismatch(low, words, _word_at(body, original, at + len(run)), searches)
    # The first word itself differs: place the text by its longest run of last words instead,
    # and take the seed's word as many words before that run as the text has.
    low, high = 1, len(words)  # words[high:] is found (empty is); words[low - 1:] is not known
    while low < high:
        middle = (low + high) // 2
        if found(" " + " ".join(words[middle:])) >= 0:
            high = middle
        else:
            low = middle + 1
    if high >= len(words):
        return Mismatch(0, words, None, searches)
    at = found(" " + " ".join(words[high:]))
    return Mismatch(0, words, _word_before(body, original, at, high), searches)


MAX_OCCURRENCES = 16


def most_searches(piece: str) -> int:
    """An upper bound of the searches ``first_difference`` makes for ``piece``."""
    return 2 * (len(piece.split()) + 1).bit_length() + MAX_OCCURRENCES + 2


def _best_occurrence(text: str, run: str, following: tuple[str, ...]) -> tuple[int, int]:
    """Where ``run`` occurs in ``text``, preferring a place where the word after the differing
    one follows too (a short run such as "the " occurs everywhere); and the searches made."""
    first = at = text.find(run)
    searches = 1
    while following and at >= 0 and searches < MAX_OCCURRENCES:
        after = text.find(" ", at + len(run))
        if after >= 0 and text.startswith(following[0], after + 1):
            return at, searches
        at = text.find(run, at + 1)
        searches += 1
    return first, searches


def _word_end(count: int, words: tuple[str, ...]) -> str:
    # A run of the first words must end at a word's end in the seed too, unless it is the whole.
    return " " if count < len(words) else ""


def _word_at(body: NormalisedBody, original: str, index: int) -> str | None:
    """The seed's word starting at folded ``index``, as the seed spells it."""
    match = _WORD.match(body.text, index)
    if match is None:
        return None
    start, end = body.span(*match.span())
    return original[start:end]


def _word_before(body: NormalisedBody, original: str, index: int, count: int) -> str | None:
    """The seed's word ``count`` words before folded ``index`` (a space), as the seed spells it."""
    end = index
    for _ in range(count):
        start = body.text.rfind(" ", 0, end) + 1
        if start >= end:
            return None
        word_start, word_end = start, end
        end = start - 1
        if end < 0 and _ != count - 1:
            return None
    begin, finish = body.span(word_start, word_end)
    return original[begin:finish]


@dataclass(frozen=True)
class NotFound:
    """What to say about an evidence text not verbatim in its seed, and where.

    ``offset`` is the character of the text to point at (its first differing word), None for the
    text's start; ``other_seed`` the seed the text is verbatim in instead, if any.
    """

    message: str
    offset: int | None = None
    other_seed: str | None = None


def diagnosis_account(account: str) -> str:
    return f"{account} (diagnosis)"


def report_not_found(
    text: str,
    seed: Seed,
    outcome: Verification,
    seeds: Mapping[str, Seed],
    verifier: Verifier,
    account: str,
    budget: int,
) -> NotFound:
    """The diagnostic of ``text``, cited from ``seed`` and not found there (``outcome``)."""
    missing = outcome.missing
    if not missing:
        return NotFound(f"evidence text is empty once elisions are removed (seed '{seed.id}')")
    if outcome.out_of_order:
        return NotFound(
            f"evidence is out of order in seed '{seed.id}': "
            f'"{_short(missing)}" comes before the text preceding it'
        )
    said = f"evidence not found verbatim in seed '{seed.id}'"
    spent = diagnosis_account(account)
    other = _verbatim_elsewhere(text, seed.id, seeds, verifier, spent, budget)
    if other is not None:
        message = f"{said}, but it is verbatim in seed '{other}': cite that seed"
        return NotFound(message, None, other)
    if verifier.searched_by.get(spent, 0) + len(seed.body) * most_searches(missing) > budget:
        return NotFound(f'{said}: "{_short(missing)}"')
    mismatch = first_difference(missing, verifier.folded(seed.id, seed.body), seed.body)
    verifier.charge(spent, len(seed.body) * mismatch.searches)
    return NotFound(f"{said}: {mismatch.describe()}", _word_offset(text, missing, mismatch))


def _verbatim_elsewhere(
    text: str,
    seed_id: str,
    seeds: Mapping[str, Seed],
    verifier: Verifier,
    account: str,
    budget: int,
) -> str | None:
    """The first other seed ``text`` is verbatim in, within the account's budget."""
    for other in seeds.values():
        if other.id == seed_id:
            continue
        if not verifier.can_afford(other.id, other.body, text, account, budget):
            return None
        if verifier.verify(other.id, other.body, text, account).found:
            return other.id
    return None


def _word_offset(text: str, missing: str, mismatch: Mismatch) -> int | None:
    """Where in ``text`` the differing word of its piece ``missing`` starts."""
    folded, raw = pieces(text), pieces(text, fold=False)
    if len(folded) != len(raw) or missing not in folded:
        return None
    index = folded.index(missing)
    position = 0
    for number, piece in enumerate(raw):
        found = text.find(piece, position)
        if found < 0:
            return None
        if number == index:
            words = list(_WORD.finditer(piece))
            if len(words) != len(mismatch.words):
                return None
            return found + words[mismatch.word_index].start()
        position = found + len(piece)
    return None
