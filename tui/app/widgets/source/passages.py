"""An article body cut into paragraphs, with the cited passages marked and numbered."""

from __future__ import annotations

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


def lines(body: str, cited: list[Citation]) -> list[Line]:
    """Each line of the body with the numbers of the citations that fall in it.

    Boundaries are found on the raw body (the spans are offsets into it); nothing is styled
    here, so that a long article costs its lines' numbers, not their drawing.
    """
    result = []
    start = 0
    for text in body.split("\n"):
        end = start + len(text)
        numbers = []
        for citation in cited:
            if any(s < end and e > start for s, e in citation.spans) and (
                citation.number not in numbers
            ):
                numbers.append(citation.number)
        result.append((start, end, numbers))
        start = end + 1
    return result


def line_content(
    body: str, start: int, end: int, cited: list[Citation], focus_key: str | None
) -> Content:
    """One line with its cited passages marked and each passage's number after its end.

    Each piece is cleaned on its own, so that a visible stand-in for a control character never
    shifts a mark.
    """
    cuts = {start, end}
    ends: dict[int, list[int]] = {}
    for citation in cited:
        for span_start, span_end in citation.spans:
            if span_end <= start or span_start >= end:
                continue
            cuts.add(max(span_start, start))
            cuts.add(min(span_end, end))
        last_end = citation.spans[-1][1]
        if start < last_end <= end:
            ends.setdefault(last_end, []).append(citation.number)
    pieces: list[Content] = []
    ordered = sorted(cuts)
    for piece_start, piece_end in zip(ordered, ordered[1:]):
        style = ""
        for citation in cited:
            if any(s <= piece_start and piece_end <= e for s, e in citation.spans):
                style = palette.CITED_FOCUS if citation.key == focus_key else palette.CITED
                if style == palette.CITED_FOCUS:
                    break
        pieces.append(Content.styled(clean(body[piece_start:piece_end]), style))
        for number in ends.get(piece_end, []):
            pieces.append(Content.styled(f"[{number}]", "bold reverse"))
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
    cited: tuple[Citation, ...]
    focus_key: str | None

    def content(self) -> Content:
        cited = list(self.cited)
        return Content("\n\n").join(
            line_content(self.body, start, end, cited, self.focus_key)
            for start, end, _ in self.lines
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
    shared = tuple(cited)
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
