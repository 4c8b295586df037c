"""`peninsula snapshot`: a valid SVG for every view, and the refusals that keep files safe."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.app.views import VIEWS
from tui.cli import main

from tests.app.helpers import copy_data
from tests.fixtures import FIRST_ARTICLE


def snapshot(*args: str):
    return CliRunner().invoke(
        main, ["snapshot", "--data", str(FIRST_ARTICLE), *args], catch_exceptions=False
    )


@pytest.mark.parametrize("view", [spec.id for spec in VIEWS])
def test_every_view_renders_to_a_valid_svg(tmp_path: Path, view: str):
    out = tmp_path / f"{view}.svg"
    result = snapshot("--view", view, "--size", "80x24", "-o", str(out))
    assert result.exit_code == 0, result.output
    svg = out.read_text(encoding="utf-8")
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    title = next(iter(VIEWS[[s.id for s in VIEWS].index(view)].title.split()))
    assert title in svg  # the panel names its view
    assert str(FIRST_ARTICLE) not in svg  # and never where the data lives


def test_a_target_selects_the_subject(tmp_path: Path):
    out = tmp_path / "kim.svg"
    result = snapshot("--view", "actor:kim-yo-jong", "--size", "160x45", "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8").replace("&#160;", " ")
    assert "Actor · Kim Yo Jong · as of 2025-09-22" in text


def test_without_a_view_it_is_the_matrix(tmp_path: Path):
    out = tmp_path / "default.svg"
    result = snapshot("--size", "80x24", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "Matrix ·" in out.read_text(encoding="utf-8").replace("&#160;", " ")


def test_as_of_and_stdout(tmp_path: Path):
    result = snapshot("--view", "matrix", "--as-of", "2025-09-21", "-o", "-")
    assert result.exit_code == 0
    assert result.output.startswith("<svg")
    assert "as of 2025-09-21" in result.output.replace("&#160;", " ")


def test_refuses_to_overwrite_without_force(tmp_path: Path):
    out = tmp_path / "m.svg"
    out.write_text("keep me")
    result = snapshot("--view", "matrix", "-o", str(out))
    assert result.exit_code == 2
    assert "--force" in result.output
    assert out.read_text() == "keep me"
    assert snapshot("--view", "matrix", "-o", str(out), "--force").exit_code == 0
    assert out.read_text().startswith("<svg")


def test_refuses_to_write_into_the_data(tmp_path: Path):
    root = copy_data(tmp_path / "data")
    out = root / "positions" / "m.svg"
    result = CliRunner().invoke(
        main, ["snapshot", "--data", str(root), "--view", "matrix", "-o", str(out)]
    )
    assert result.exit_code == 2
    assert not out.exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["--view", "actor:nobody"], "no actor 'nobody'"),
        (["--view", "nowhere"], "unknown view"),
        (["--view", "matrix:x"], "takes no target"),
        (["--view", "matrix", "--size", "80by24"], "WIDTHxHEIGHT"),
        (["--view", "matrix", "--as-of", "2025-13-01"], "not a date"),
    ],
)
def test_bad_usage_is_explained(tmp_path: Path, args: list[str], message: str):
    result = snapshot(*args, "-o", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "x.svg").exists()
