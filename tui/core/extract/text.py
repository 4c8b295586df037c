"""The structure of an article's text: paragraphs, quotations, sentences and words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.extract.vocabulary import (
    ABBREVIATIONS,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    RELAYS,
    WORD_RE,
)
from tui.core.mentions import is_title_case


@dataclass
class Quote:
    pieces: list[tuple[int, int]]  # content spans, marks excluded, body offsets
    open_mark: int
    close_mark: int  # offset of the closing mark, or the paragraph end when it runs on
    paragraph: int
    single: bool = False


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


def split_paragraphs(body: str) -> list[Paragraph]:
    """Blank-line separated blocks when the text has them; else one paragraph a line."""
    separator = (
        re.compile(r"\n[ \t]*\n\s*") if re.search(r"\n[ \t]*\n", body) else re.compile(r"\n")
    )
    paragraphs: list[Paragraph] = []
    position = 0
    for match in [*separator.finditer(body), None]:
        end = match.start() if match else len(body)
        chunk = body[position:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            trail = len(chunk.rstrip())
            paragraphs.append(Paragraph(len(paragraphs), position + lead, position + trail))
        if match:
            position = match.end()
    return paragraphs


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_quotes(body: str, paragraphs: list[Paragraph]) -> list[Quote]:
    quotes: list[Quote] = []
    running: Quote | None = None  # a double quote left open at a paragraph's end
    for para in paragraphs:
        text = body[para.start : para.end]
        current: Quote | None = None
        content_start = 0
        i = 0
        if running is not None:
            # A quote running over paragraphs reopens each one with a quotation mark.
            if text[:1] in DOUBLE_OPEN or text[:1] == '"':
                current, content_start, i = running, 1, 1
            else:
                quotes.append(running)
            running = None
        while i < len(text):
            ch = text[i]
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if current is None:
                if ch in DOUBLE_OPEN or ch == '"':
                    current = Quote([], para.start + i, -1, para.index)
                    content_start = i + 1
                elif ch in "‘'" and not _is_word_char(before) and after.isalpha():
                    current = Quote([], para.start + i, -1, para.index, single=True)
                    content_start = i + 1
            elif current.single:
                if ch in "’'" and _is_word_char(before) and not _is_word_char(after):
                    current.pieces.append((para.start + content_start, para.start + i))
                    current.close_mark = para.start + i
                    quotes.append(current)
                    current = None
                elif ch in DOUBLE_OPEN or ch == '"':
                    # What looked like an opening single quote was an apostrophe.
                    current = None
                    continue
            else:
                closes = ch in DOUBLE_CLOSE or ch == '"'
                reopens = ch in DOUBLE_OPEN
                if closes or reopens:
                    current.pieces.append((para.start + content_start, para.start + i))
                    current.close_mark = para.start + i
                    quotes.append(current)
                    current = None
                    if reopens:  # an unclosed quote followed by a new one
                        continue
            i += 1
        if current is not None and not current.single:
            current.pieces.append((para.start + content_start, para.end))
            current.close_mark = para.end
            running = current
    if running is not None:
        quotes.append(running)
    kept = []
    for quote in quotes:
        quote.pieces = [(a, b) for a, b in quote.pieces if body[a:b].strip()]
        if quote.pieces:
            kept.append(quote)
    return kept


def sentence_ends(body: str, para: Paragraph, quotes: list[Quote]) -> list[int]:
    """Offsets where sentences of the paragraph end (exclusive), the paragraph's end included."""
    protected = [
        (q.open_mark, q.close_mark) for q in quotes if q.paragraph == para.index and not q.single
    ]
    text = body[para.start : para.end]
    ends = []
    for match in re.finditer(
        r"[.!?]+[”’\"')\]]*(?=\s+[\"“‘'(\[A-Z0-9])|(?<=[a-z]{2})[.!?]+[”’\"')\]]*(?=[A-Z][a-z])",
        text,
    ):
        position = para.start + match.start()
        if any(a < position < b for a, b in protected):
            continue
        word = re.search(r"([\w.]+)$", text[: match.start()])
        if (
            word
            and match.group().startswith(".")
            and (word.group(1).rstrip(".") in ABBREVIATIONS or len(word.group(1)) == 1)
        ):
            continue
        ends.append(para.start + match.end())
    ends.append(para.end)
    return ends


# -- reading the words around a quote --------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def word_tokens(body: str, start: int, end: int) -> list[Token]:
    tokens = []
    for match in WORD_RE.finditer(body, start, end):
        word = match.group().rstrip(".")
        if word:
            tokens.append(Token(word, match.start(), match.start() + len(word)))
    return tokens


def relay_names(text: str) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for surface, name in RELAYS:
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(a <= match.start() < b for a, b in taken):
                continue
            taken.append(match.span())
            found.append((match.start(), name))
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    return names


def is_headline(paragraph: str) -> bool:
    """A headline or subhead: capitalised throughout, or one short line with no full stop.

    Its quotes are the desk's paraphrase, not the speaker's words, so none is offered."""
    if re.search(r"[.!?…][”’\"')\]]*\s*$", paragraph):
        return False
    if is_title_case(paragraph):
        return True
    return "\n" not in paragraph.strip() and len(paragraph.split()) <= 15


def verbs_in(body: str, start: int, end: int, vocabulary: frozenset[str]) -> list[Token]:
    return [t for t in word_tokens(body, start, end) if t.text in vocabulary]


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
