"""An article body cut into paragraphs, with the cited passages marked and numbered."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from math import ceil

from textual.content import Content

from tui.app.render import palette
from tui.core.dataset import EvidenceRecord
from tui.core.identity import evidence_key
from tui.core.sanitize import clean


@dataclass(frozen=True)
class Citation:
    number: int
    record: EvidenceRecord
    key: str
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]


def citations(records: list[EvidenceRecord]) -> list[Citation]:
    """Numbered in reading order of where they are found; unfound items last, unnumbered spans."""
    keyed = [(evidence_key(record), record) for record in records]
    found = sorted(
        ((key, record) for key, record in keyed if record.spans),
        key=lambda item: (item[1].spans[0][0], item[1].spans[-1][1]),
    )
    return [
        Citation(number, record, key, tuple(record.spans))
        for number, (key, record) in enumerate(found, start=1)
    ]


Line = tuple[int, int, list[int]]  # (start, end) in the body, the citation numbers in it

# After a passage, its citations' numbers: a run of consecutive ones is written as a range, and
# past this many numbers or ranges the rest are counted (one sentence quoted by thousands of stances
# would otherwise end in thousands of numbers).
MAX_MARKS = 8


def lines(body: str, cited: list[Citation]) -> list[Line]:
    """Each line of the body with the numbers of the citations that fall in it.

    Boundaries are found on the raw body (the spans are offsets into it); nothing is styled
    here, so that a long article costs its lines' numbers, not their drawing. Each span finds
    its lines by bisection: the cost grows with the lines and the spans, not their product.
    """
    result: list[Line] = []
    starts: list[int] = []
    start = 0
    for text in body.split("\n"):
        end = start + len(text)
        starts.append(start)
        result.append((start, end, []))
        start = end + 1
    for citation in cited:
        for span_start, span_end in citation.spans:
            first = max(0, bisect_right(starts, span_start) - 1)
            for index in range(first, len(result)):
                line_start, line_end, numbers = result[index]
                if line_start >= span_end:
                    break
                if (
                    span_start < line_end
                    and span_end > line_start
                    and (not numbers or numbers[-1] != citation.number)
                ):
                    numbers.append(citation.number)
    return result


def number_marks(numbers: list[int]) -> list[str]:
    """ "[3]", "[4–9]" for a run, and "[+N more]" past MAX_MARKS."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][1] + 1:
            runs[-1][1] = number
        else:
            runs.append([number, number])
    marks = []
    for low, high in runs[:MAX_MARKS]:
        if high - low >= 2:
            marks.append(f"[{low}–{high}]")
        else:
            marks.extend(f"[{n}]" for n in range(low, high + 1))
    left = sum(high - low + 1 for low, high in runs[MAX_MARKS:])
    if left:
        marks.append(f"[+{left:,} more]")
    return marks


def line_content(
    body: str, start: int, end: int, cited: list[Citation], focus_key: str | None
) -> Content:
    """One line with its cited passages marked and each passage's number after its end.

    ``cited`` need only hold the citations that fall in the line. Each piece is cleaned on its
    own, so that a visible stand-in for a control character never shifts a mark.
    """
    cuts = {start, end}
    ends: dict[int, list[int]] = {}
    # Citations of the same words are styled alike: each set of spans is looked at once (one
    # sentence may be quoted by thousands of stances).
    focused: dict[tuple[tuple[int, int], ...], bool] = {}
    for citation in cited:
        focused[citation.spans] = focused.get(citation.spans, False) or (citation.key == focus_key)
        last_end = citation.spans[-1][1]
        if start < last_end <= end:
            ends.setdefault(last_end, []).append(citation.number)
    for spans in focused:
        for span_start, span_end in spans:
            if span_end <= start or span_start >= end:
                continue
            cuts.add(max(span_start, start))
            cuts.add(min(span_end, end))
    pieces: list[Content] = []
    ordered = sorted(cuts)
    for piece_start, piece_end in zip(ordered, ordered[1:]):
        style = ""
        for spans, focus in focused.items():
            if any(s <= piece_start and piece_end <= e for s, e in spans):
                style = palette.CITED_FOCUS if focus else palette.CITED
                if focus:
                    break
        pieces.append(Content.styled(clean(body[piece_start:piece_end]), style))
        for mark in number_marks(ends.get(piece_end, [])):
            pieces.append(Content.styled(mark, "bold reverse"))
    return Content("").join(pieces)


# One block per line would make a seed of 100,000 short lines (within the file size limit) a
# hundred thousand blocks; past this many, lines are grouped into runs of equal length instead.
MAX_BLOCKS = 500


@dataclass(frozen=True)
class Passage:
    """A block of the text as the view shows it: some lines, the citation numbers in them."""

    body: str
    lines: tuple[Line, ...]
    numbers: tuple[int, ...]
    by_number: Mapping[int, Citation]  # shared by every passage of the body
    focus_key: str | None

    def content(self) -> Content:
        return Content("\n\n").join(
            line_content(
                self.body, start, end, [self.by_number[n] for n in numbers], self.focus_key
            )
            for start, end, numbers in self.lines
        )


def blocks(body: str, cited: list[Citation], focus_key: str | None) -> list[Passage]:
    """The body cut into the blocks the view shows, each drawn when first on screen.

    A cited line stands alone, so that the view can scroll to it; a run of uncited lines is one
    block. Paragraphs keep the blank line between them.
    """
    every = lines(body, cited)
    groups: list[list[Line]] = []
    for line in every:
        if line[2] or not groups or groups[-1][-1][2]:
            groups.append([line])
        else:
            groups[-1].append(line)
    if len(groups) > MAX_BLOCKS:
        size = ceil(len(every) / MAX_BLOCKS)
        groups = [every[index : index + size] for index in range(0, len(every), size)]
    shared = {citation.number: citation for citation in cited}
    return [
        Passage(
            body,
            tuple(group),
            tuple(number for _, _, line_numbers in group for number in line_numbers),
            shared,
            focus_key,
        )
        for group in groups
    ]
