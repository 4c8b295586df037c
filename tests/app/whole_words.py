"""What a screen cuts: names, stance words and issue titles that do not appear whole.

A view may shorten a name to its tag (with a legend), wrap a title at a space, or scroll; what it
may not do is show part of a word ("Denuclearisa" above "tion", "Lee Jae-" at a column's edge,
"San Tak" where a scroll cuts "Sanae Takaichi") or fold actors into one label ("KJU+1").

The check reads the screen's text. A word on screen is cut when it is the beginning or the end of
a word of a name, a tag, a stance word or an issue title, and is not itself a word that the data
or the app's own text uses (so "Kim" and "Un" pass, "Jae-" and "Takaich" do not). A word that ends
in an ellipsis is cut when the text before the ellipsis ends in the beginning of a name, a tag or
a title ("Freeze on nuclear pro…", "MFWG…"); a source's title shortened so is not looked at.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tui.app.widgets.shared.actor_tags import actor_tags
from tui.core import stances
from tui.core.dataset import Dataset

TOKEN = re.compile(r"[^\W_](?:[\w’'\-‐–.]*[^\W_])?-?…?|…")
APP_SOURCE = Path(__file__).resolve().parents[2] / "tui" / "app"


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


@dataclass(frozen=True)
class Vocabulary:
    """The words that must show whole, and every word that may show at all."""

    guarded: frozenset[str]
    known: frozenset[str]
    tags: frozenset[str]
    phrases: frozenset[str] = frozenset()

    def cut_words(self, screen: str) -> list[str]:
        """Every word on ``screen`` that is part of a guarded word, or a merged tag label."""
        cut = []
        for line in screen.splitlines():
            for match in TOKEN.finditer(line):
                token = match.group()
                if token.endswith("…"):
                    if self._shortened(line[: match.end() - 1]):
                        cut.append(token)
                elif self._is_cut(token):
                    cut.append(token)
            for tag in self.tags:
                # "KJU+1": a tag standing for itself and others, who are then not named.
                if re.search(rf"(?<![\w+]){re.escape(tag)}\+\d", line):
                    cut.append(f"{tag}+…")
        return cut

    def _shortened(self, before: str) -> bool:
        """Whether ``before`` ends in part of a phrase (the whole of a tag: more were cut)."""
        for phrase in self.phrases | self.tags:
            whole = len(phrase) if phrase in self.tags else len(phrase) - 1
            for end in range(1, whole + 1):
                if before.endswith(phrase[:end]):
                    start = len(before) - end
                    if start == 0 or not before[start - 1].isalnum():
                        return True
        return False

    def _is_cut(self, token: str) -> bool:
        if token in self.known or token.isdigit() or len(token) < 2:
            return False
        # Two letters at the end of a word ("mp" of a web address wrapped) are too common a
        # word ending to tell a cut; two at its start ("st" of "no st|ated") are not.
        return any(
            word != token and (word.startswith(token) or (len(token) > 2 and word.endswith(token)))
            for word in self.guarded
        )


def vocabulary(ds: Dataset) -> Vocabulary:
    tags = actor_tags(ds, list(ds.actors))
    names = [actor.name for actor in ds.actors.values()]
    titles = [issue.title for issue in ds.issues.values()]
    stance_words = [stances.word(value) for value in (-2, -1, 0, 1, 2, None)]
    guarded = set(words(names + titles + stance_words + list(tags.values())))
    return Vocabulary(
        guarded=frozenset(guarded),
        known=frozenset(guarded | set(words(_data_texts(ds))) | _app_words()),
        tags=frozenset(tags.values()),
        phrases=frozenset(names + titles + stance_words),
    )


def words(texts: Iterable[str]) -> list[str]:
    return [token for text in texts for token in tokens(text)]


def _data_texts(ds: Dataset) -> Iterable[str]:
    """Every data file of the tree, as text: the words its people, outlets and articles use."""
    for folder in ("positions", "seeds"):
        for path in sorted((ds.root / folder).rglob("*")):
            if path.is_file():
                yield path.read_text(encoding="utf-8", errors="replace")


_APP_WORDS: set[str] | None = None


def _app_words() -> set[str]:
    """The words of the app's own text (headings, hints, key help), read from its source."""
    global _APP_WORDS
    if _APP_WORDS is None:
        _APP_WORDS = {
            token
            for path in APP_SOURCE.rglob("*.py")
            for token in tokens(path.read_text(encoding="utf-8"))
        }
    return _APP_WORDS
