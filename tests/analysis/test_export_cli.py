"""`peninsula export` and `peninsula brief` end to end, on a copy of the shipped data."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core import export
from tui.core.loader import load_tree

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data(tmp_path) -> Path:
    tree = tmp_path / "data"
    for folder in ("positions", "seeds"):
        shutil.copytree(FIRST_ARTICLE / folder, tree / folder)
    return tree


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_export_csv_reads_back_to_the_frame(data, tmp_path):
    out = tmp_path / "matrix.csv"
    result = run("export", "--what", "matrix", "-o", str(out), "--data", str(data))
    assert result.exit_code == 0, result.output
    expected = export.frame_for("matrix", load_tree(data))
    pd.testing.assert_frame_equal(export.read_csv(out, "matrix"), expected)
    plain = pd.read_csv(out)
    kim = plain[(plain.actor_id == "kim-jong-un") & (plain.issue_id == "denuclearisation")]
    assert kim["stance"].tolist() == [-2]


@pytest.mark.parametrize("what", ["gaps", "quotes", "problems", "distances", "conditions"])
def test_every_table_exports_in_every_format(data, tmp_path, what):
    for fmt in export.FORMATS:
        out = tmp_path / f"{what}.{fmt}"
        result = run("export", "--what", what, "--format", fmt, "-o", str(out), "--data", str(data))
        assert result.exit_code == 0, result.output
        if fmt == "xlsx":
            assert out.read_bytes().startswith(b"PK")
        else:
            assert out.read_text(encoding="utf-8")


def test_format_follows_the_suffix_and_dash_is_stdout(data):
    result = run(
        "--data", str(data), "export", "--what", "conditions", "--format", "json", "-o", "-"
    )
    assert result.exit_code == 0
    (row,) = json.loads(result.stdout)
    assert row["status"] == "unmet" and row["blocker"] == "Donald Trump"
    md = run("export", "--what", "gaps", "--format", "md", "-o", "-", "--data", str(data))
    assert md.stdout.startswith("| rank | issue\\_id |")


def test_suffix_chooses_the_format(data, tmp_path):
    out = tmp_path / "quotes.json"
    assert run("export", "--what", "quotes", "-o", str(out), "--data", str(data)).exit_code == 0
    quotes = json.loads(out.read_text(encoding="utf-8"))
    assert {q["kind"] for q in quotes} == {"quote", "reported"}
    assert all(q["verified"] for q in quotes)


def test_existing_file_is_kept_without_force(data, tmp_path):
    out = tmp_path / "gaps.csv"
    out.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "--what", "gaps", "-o", str(out), "--data", str(data)]
    )
    assert result.exit_code == 1
    assert "already exists; not overwritten; use --force to overwrite it" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine"
    forced = run("export", "--what", "gaps", "-o", str(out), "--force", "--data", str(data))
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("rank,issue_id")


def test_never_writes_into_the_data(data):
    before = sorted(p.name for p in (data / "positions").iterdir())
    for target in (data / "positions" / "x.csv", data / "seeds" / "x.md"):
        result = CliRunner().invoke(main, ["export", "-o", str(target), "--data", str(data)])
        assert result.exit_code == 1
        assert "will not write inside" in result.stderr
    assert sorted(p.name for p in (data / "positions").iterdir()) == before
    assert not (data / "seeds" / "x.md").exists()


def test_as_of_option(data):
    result = run(
        "export", "--what", "conditions", "-o", "-", "--as-of", "2025-09-21", "--data", str(data)
    )
    assert result.exit_code == 0
    assert ",unknown," in result.stdout
    bad = CliRunner().invoke(
        main, ["export", "-o", "-", "--as-of", "2025-02-30", "--data", str(data)]
    )
    assert bad.exit_code == 2


def test_brief_command(data, tmp_path):
    out = tmp_path / "brief.md"
    result = run("brief", "-o", str(out), "--data", str(data))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "## Blocked conditions" in text and "Kim Jong Un's condition for Talks" in text
    again = CliRunner().invoke(main, ["brief", "-o", str(out), "--data", str(data)])
    assert again.exit_code == 1 and "use --force" in again.stderr
    early = run("brief", "-o", "-", "--as-of", "2025-09-21", "--data", str(data))
    assert "**As of 2025-09-21.**" in early.stdout
    assert dt.date(2025, 9, 21).isoformat() in early.stdout


def test_bad_data_is_named_and_the_good_data_still_exports(data):
    (data / "positions" / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", "--what", "problems", "-o", "-", "--data", str(data)]
    )
    assert result.exit_code == 0
    assert "note: the data has" in result.stderr
    assert "positions/broken.yaml" in result.stdout
    matrix = CliRunner().invoke(main, ["export", "-o", "-", "--data", str(data)])
    assert "kim-jong-un" in matrix.stdout
