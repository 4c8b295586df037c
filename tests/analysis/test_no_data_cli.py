"""Every command on a folder without data says so, in the same words, with the same status."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.no_data import EXIT_NO_DATA

COMMANDS = [
    ["brief", "-o", "-"],
    ["export", "-o", "-"],
    ["export", "--what", "quotes", "-o", "-"],
    ["validate"],
    ["snapshot", "--view", "matrix", "-o", "-"],
]


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_folder_that_is_no_data_tree(tmp_path, command):
    result = run(*command, "--data", str(tmp_path))
    assert result.exit_code == EXIT_NO_DATA != 0
    assert f"Error: no data in {tmp_path}: a data tree holds positions/ and seeds/" in result.output
    assert "Traceback" not in result.output


def test_a_tree_with_empty_folders(tmp_path):
    (tmp_path / "positions").mkdir()
    (tmp_path / "seeds").mkdir()
    messages = set()
    for command in COMMANDS:
        result = run(*command, "--data", str(tmp_path))
        assert result.exit_code == EXIT_NO_DATA, (command, result.output)
        messages.add(result.stderr.strip().splitlines()[-1])
    # One message for all, naming the folder and why.
    assert len(messages) == 1
    (message,) = messages
    assert message.startswith(f"Error: no data in {tmp_path}: positions/ holds no stance yet")


def test_the_cli_exit_status_is_the_cores():
    from tui.cli.common import NoData

    assert NoData("x").exit_code == EXIT_NO_DATA
