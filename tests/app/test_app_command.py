"""`peninsula` with no command opens the dashboard; `peninsula app` takes a view and a date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.app.app import PeninsulaApp
from tui.cli import main

from tests.app.helpers import copy_data
from tests.fixtures import FIRST_ARTICLE


@pytest.fixture
def opened(monkeypatch) -> list[PeninsulaApp]:
    """Record the apps that would have been run, instead of taking over the terminal."""
    apps: list[PeninsulaApp] = []
    monkeypatch.setattr(PeninsulaApp, "run", lambda self, *a, **k: apps.append(self))
    return apps


def test_no_command_opens_the_dashboard_on_the_working_directory(
    opened, tmp_path: Path, monkeypatch
):
    root = copy_data(tmp_path / "tree")
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0, result.output
    [app] = opened
    assert app.data_dir == root
    assert app._initial_view == "matrix"


def test_data_option_before_no_command(opened, tmp_path: Path):
    root = copy_data(tmp_path / "tree")
    result = CliRunner().invoke(main, ["--data", str(root)])
    assert result.exit_code == 0, result.output
    assert opened[0].data_dir == root


def test_app_command_takes_a_view_with_its_target_and_a_date(opened):
    result = CliRunner().invoke(
        main,
        [
            "app",
            "--data",
            str(FIRST_ARTICLE),
            "--view",
            "actor:kim-yo-jong",
            "--as-of",
            "2025-09-21",
            "--no-watch",
        ],
    )
    assert result.exit_code == 0, result.output
    [app] = opened
    assert (app._initial_view, app._initial_target) == ("actor", "kim-yo-jong")
    assert app._initial_as_of == dt.date(2025, 9, 21)
    assert app._watch is False


def test_help_is_fast_to_reach_and_lists_the_views():
    result = CliRunner().invoke(main, ["app", "--help"])
    assert result.exit_code == 0
    assert "matrix" in result.output and "actor:ID" in result.output
