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


def paragraphs(
    body: str, cited: list[Citation], focus_key: str | None
) -> list[tuple[Content, tuple[int, int], list[int]]]:
    """(content, (start, end) in the body, citation numbers in it) for each line of the body.

    Boundaries are found on the raw body (the spans are offsets into it) and each piece is
    cleaned on its own, so that a visible stand-in for a control character never shifts a mark.
    """
    result = []
    start = 0
    lines = body.split("\n")
    for line in lines:
        end = start + len(line)
        result.append(_paragraph(body, start, end, cited, focus_key))
        start = end + 1
    return result


def _paragraph(
    body: str, start: int, end: int, cited: list[Citation], focus_key: str | None
) -> tuple[Content, tuple[int, int], list[int]]:
    cuts = {start, end}
    ends: dict[int, list[int]] = {}
    numbers = []
    for citation in cited:
        for span_start, span_end in citation.spans:
            if span_end <= start or span_start >= end:
                continue
            cuts.add(max(span_start, start))
            cuts.add(min(span_end, end))
            if citation.number not in numbers:
                numbers.append(citation.number)
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
    return Content("").join(pieces), (start, end), numbers


# A widget per line would make a seed of 100,000 short lines (within the file size limit) take
# minutes to show; past this many blocks, lines are grouped into runs of equal length instead.
MAX_BLOCKS = 500

Paragraph = tuple[Content, tuple[int, int], list[int]]


def blocks(lines: list[Paragraph]) -> list[tuple[Content, list[int]]]:
    """Lines grouped into the blocks the view shows, with the citation numbers in each.

    A cited line stands alone, so that the view can scroll to it; a run of uncited lines is one
    block. Paragraphs keep the blank line between them.
    """
    groups: list[list[Paragraph]] = []
    for line in lines:
        if line[2] or not groups or groups[-1][-1][2]:
            groups.append([line])
        else:
            groups[-1].append(line)
    if len(groups) > MAX_BLOCKS:
        size = ceil(len(lines) / MAX_BLOCKS)
        groups = [lines[index : index + size] for index in range(0, len(lines), size)]
    result = []
    for group in groups:
        numbers = [number for _, _, line_numbers in group for number in line_numbers]
        result.append((Content("\n\n").join(content for content, _, _ in group), numbers))
    return result
