"""`peninsula export -o FILE.xlsx` writes a workbook; other endings are refused, never guessed."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core import export
from tui.core.export import UnknownFormatError, format_for
from tui.core.loader import load_tree
from tui.core.xlsx import to_xlsx

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    tree = tmp_path / "data"
    for folder in ("positions", "seeds"):
        shutil.copytree(REPO / folder, tree / folder)
    return tree


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def sheet_rows(path: Path) -> list[list[object]]:
    book = openpyxl.load_workbook(path)
    return [[cell.value for cell in row] for row in book.active.iter_rows()]


def test_the_matrix_as_a_workbook_has_the_frame_in_it(data, tmp_path):
    out = tmp_path / "matrix.xlsx"
    result = run("export", "--what", "matrix", "-o", str(out), "--data", str(data))
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"  # a zip, as every .xlsx is; not CSV text
    header, *rows = sheet_rows(out)
    frame = export.frame_for("matrix", load_tree(data))
    assert header == list(frame.columns)
    assert len(rows) == len(frame)
    kim = next(r for r in rows if r[0] == "denuclearisation" and r[2] == "kim-jong-un")
    assert kim[header.index("stance")] == -2  # a number, not the text "-2"
    absent = [r for r in rows if r[header.index("word")] == "no stated position"]
    assert absent and all(r[header.index("stance")] is None for r in absent)


def test_formula_cells_are_text_with_the_csv_apostrophe(tmp_path):
    frame = pd.DataFrame(
        {
            "text": ['=HYPERLINK("http://x")', "+1+1", "@SUM(A1)", "-2", "plain"],
            "n": [1, 2, 3, 4, 5],
        }
    ).astype({"text": "str", "n": "int64"})
    path = tmp_path / "f.xlsx"
    path.write_bytes(to_xlsx(frame))
    book = openpyxl.load_workbook(path)
    cells = [row[0] for row in book.active.iter_rows(min_row=2)]
    assert [c.value for c in cells] == [
        '\'=HYPERLINK("http://x")',
        "'+1+1",
        "'@SUM(A1)",
        "-2",
        "plain",
    ]
    assert all(c.data_type == "s" for c in cells)  # no cell is stored as a formula
    assert [row[1].value for row in book.active.iter_rows(min_row=2)] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize("name", ["out.txt", "out", "out.xls", "out.csv.bak"])
def test_an_ending_that_names_no_format_is_refused_and_nothing_is_written(data, tmp_path, name):
    out = tmp_path / name
    result = run("export", "-o", str(out), "--data", str(data))
    assert result.exit_code == 2
    assert (
        "the formats are csv (.csv), md (.md, .markdown), json (.json), xlsx (.xlsx)"
        in result.output
    )
    assert not out.exists()


def test_format_and_ending_must_agree():
    assert format_for("a.XLSX", None) == "xlsx"
    assert format_for("a.markdown", "md") == "md"
    assert format_for("-", None) == "csv"
    assert format_for("report", "json") == "json"
    with pytest.raises(UnknownFormatError, match="ends in .xlsx but the format asked is csv"):
        format_for("a.xlsx", "csv")
