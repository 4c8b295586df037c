"""What must hold of anything the tracker makes from hostile data: diagnostics, command output,
exports and screens. Each check raises AssertionError with the offending piece."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tui.core.dataset import Dataset
from tui.core.sanitize import is_clean

from tests.hostile.test_markdown_links import live_links

DIAGNOSTIC = re.compile(r"^[^:]+:\d+:\d+: (error|warning): ")
MAX_MESSAGE = 400
# Signs a spreadsheet takes for the start of a formula (ASCII and full-width forms).
FORMULA_SIGNS = "=+-@\t\r＝＋－＠﹦﹢﹣﹫"
PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
# What no output may carry raw: C0 controls but tab and newline, DEL, C1, bidi controls.
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def line_count(data: bytes) -> int:
    try:
        return len(data.decode("utf-8").splitlines()) + 1
    except UnicodeDecodeError:
        return data.count(b"\n") + 1


def check_diagnostics(dataset: Dataset, root: Path) -> None:
    for diagnostic in dataset.diagnostics:
        line = diagnostic.format()
        shown = repr(line[:200])
        assert DIAGNOSTIC.match(line), shown
        assert "\n" not in line and "\r" not in line, shown
        assert len(diagnostic.message) <= MAX_MESSAGE, shown
        assert is_clean(diagnostic.message), f"raw control characters in {shown}"
        path = root / diagnostic.path
        assert path.is_file() or diagnostic.line == 1, f"names no file: {shown}"
        if path.is_file():
            assert 1 <= diagnostic.line <= line_count(path.read_bytes()), f"no such line: {shown}"
        assert diagnostic.col >= 1, shown


def check_validate_output(text: str) -> None:
    lines = text.splitlines()
    assert lines, "validate printed nothing"
    for line in lines[:-1]:
        assert DIAGNOSTIC.match(line), repr(line[:200])
    assert "actor" in lines[-1] and "verified" in lines[-1], repr(lines[-1][:200])
    assert not RAW_CONTROL.search(text), f"raw control characters: {RAW_CONTROL.search(text)!r}"


NO_DATA = re.compile(r"^Error: no data in .+")


def check_no_data_message(stderr: str, exit_code: int, no_data: bool) -> None:
    """A tree without a stance: one line, "Error: no data in DIR: why", and exit 1; else nothing."""
    if not no_data:
        assert stderr == "", repr(stderr[:400])
        return
    assert exit_code == 1, exit_code
    lines = stderr.splitlines()
    assert len(lines) == 1 and NO_DATA.match(lines[0]), repr(stderr[:400])
    assert not RAW_CONTROL.search(stderr), f"raw control characters: {stderr[:200]!r}"


def check_json_document(text: str) -> None:
    document = json.loads(text)
    assert set(document) == {"diagnostics", "summary"}
    for item in document["diagnostics"]:
        assert {"path", "line", "col", "severity", "message"} <= set(item)


def check_csv(text: str, what: str, frame) -> None:  # noqa: ANN001 - a pandas frame
    import pandas as pd

    from tui.core.export import COLUMNS, csv_read_options, read_csv

    assert not RAW_CONTROL.search(text), f"raw control in CSV: {RAW_CONTROL.search(text)!r}"
    rows = list(csv.reader(io.StringIO(text)))
    assert rows and rows[0] == list(COLUMNS[what])
    assert all(len(row) == len(rows[0]) for row in rows), "a CSV row lost or gained a cell"
    written = pd.read_csv(io.StringIO(text), **csv_read_options(what))
    for column, dtype in COLUMNS[what].items():
        if dtype != "str":
            continue
        for cell in written[column]:
            if isinstance(cell, str) and cell and cell[0] in FORMULA_SIGNS:
                assert PLAIN_NUMBER.fullmatch(cell), (
                    f"{what}.{column}: a formula cell {cell[:60]!r}"
                )
    pd.testing.assert_frame_equal(read_csv(io.StringIO(text), what), frame)


def markdown_cells(line: str) -> int:
    """Cells in a Markdown table row: pipes that no backslash escapes, less one."""
    pipes, index = 0, 0
    while index < len(line):
        if line[index] == "\\":
            index += 2
            continue
        if line[index] == "|":
            pipes += 1
        index += 1
    return pipes - 1


def check_markdown(text: str) -> None:
    assert not RAW_CONTROL.search(text), f"raw control in Markdown: {RAW_CONTROL.search(text)!r}"
    block: list[str] = []
    for line in [*text.split("\n"), ""]:
        if line.startswith("|"):
            block.append(line)
            continue
        if block:
            counts = {markdown_cells(row) for row in block}
            assert len(counts) == 1, f"table rows with {sorted(counts)} cells:\n" + "\n".join(
                row[:160] for row in block[:6]
            )
            block = []
    assert "<script" not in text.lower(), "raw HTML from the data"
    assert not live_links(text), f"text a renderer would link: {live_links(text)[:5]}"


def check_json(text: str, what: str) -> None:
    from tui.core.export import COLUMNS

    records = json.loads(text)
    assert isinstance(records, list)
    for record in records:
        assert list(record) == list(COLUMNS[what])


def check_svg(svg: str, where: str) -> None:
    ElementTree.fromstring(svg)  # well-formed XML or ParseError
    found = RAW_CONTROL.search(svg)
    assert found is None, f"{where}: raw control character {found.group()!r} in the SVG"
