"""Where a word of a YAML string value stands in its file: the line and column an editor shows.

A value's mark is where its scalar starts: the quote, the plain text, or the ``|`` / ``>`` of a
block scalar, whose text begins on the next line. Inside, YAML changes only the white space
between words (folding, indentation, line breaks), never the words themselves, so the n-th word
of the value is the n-th word of the scalar's source. That holds for plain, quoted, literal and
folded scalars alike; where escapes break it (``\\"`` in a double-quoted string), the word read
does not look like the value's, and the caller falls back on the scalar's own mark.
"""

from __future__ import annotations

import re

from tui.core.yamlsafe import DataPath, EditorLines, YamlDocument

_WORD = re.compile(r"\S+")


def word_ordinal(value: str, offset: int) -> tuple[int, int] | None:
    """(n, d): the character at ``offset`` of ``value`` is ``d`` characters into its n-th word."""
    for ordinal, match in enumerate(_WORD.finditer(value)):
        if match.start() <= offset < match.end():
            return ordinal, offset - match.start()
        if match.start() > offset:
            return None
    return None


def _content_start(source: str, start: int) -> int:
    """Where the text of the scalar starting at ``start`` begins in ``source``."""
    lead = source[start : start + 1]
    if lead in ("|", ">"):
        # The header line (indicators, maybe a comment) holds no text of the value.
        newline = source.find("\n", start)
        return len(source) if newline < 0 else newline + 1
    if lead in ('"', "'"):
        return start + 1
    return start


class SourceLines:
    """Editor positions of character indexes of one file's text, worked out once."""

    def __init__(self, text: str, doc: YamlDocument):
        self.text = text
        self.doc = doc
        self._lines: EditorLines | None = None

    def position(self, index: int) -> tuple[int, int]:
        if self._lines is None:
            self._lines = EditorLines(self.text)
        line, column = self._lines.position(index)
        return line + 1 + self.doc.line_offset, column + 1

    def word_position(self, path: DataPath, value: str, offset: int) -> tuple[int, int] | None:
        """1-based (line, col) of the character at ``offset`` of the string value at ``path``;
        None when it cannot be placed with confidence."""
        mark = self.doc.raw_marks.get(path)
        located = word_ordinal(value, offset)
        if mark is None or located is None:
            return None
        ordinal, delta = located
        words = _WORD.finditer(self.text, _content_start(self.text, mark.index))
        for seen, match in enumerate(words):
            if seen == ordinal:
                expected = _WORD.match(value, offset - delta)
                word = match.group()
                if expected is None or not word.startswith(expected.group()[: delta + 1]):
                    return None
                return self.position(match.start() + delta)
        return None
