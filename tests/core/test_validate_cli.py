"""`peninsula validate`: GCC-style lines, a summary, and exit codes 0, 1 and 2."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from tui.cli import main

from .conftest import TreeMaker, actor, position


def run(*args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.output.splitlines()


def test_clean_tree_exits_0_with_the_summary(tree: TreeMaker) -> None:
    code, output = run("--data", str(tree()))
    assert code == 0
    assert output == [
        "2 actors, 2 issues, 2 stances, 2 evidence items, 2 of 2 verified, "
        "2 statements in 2 distinct passages, "
        "1 source, 0 errors, "
        "0 warnings"
    ]


def test_errors_exit_1_with_gcc_style_lines(tree: TreeMaker) -> None:
    root = tree({"positions/gamma.yaml": actor("gamma", position(stance="5"))})
    code, output = run("--data", str(root))
    assert code == 1
    assert output == [
        "positions/gamma.yaml:7:13: error: stance 5 is out of range -2..+2",
        # The actor stays; only its bad position is dropped.
        "3 actors, 2 issues, 2 stances, 2 evidence items, 2 of 2 verified, "
        "2 statements in 2 distinct passages, "
        "1 source, 1 error, "
        "0 warnings",
    ]


def test_warnings_pass_unless_strict(tree: TreeMaker) -> None:
    root = tree({"positions/gamma.yaml": actor("delta", position())})
    code, output = run("--data", str(root))
    assert code == 0
    assert output[0] == (
        "positions/gamma.yaml:1:5: warning: "
        "actor id 'delta' does not match the file name 'gamma.yaml'"
    )
    code, _ = run("--data", str(root), "--strict")
    assert code == 1


def test_json_format(tree: TreeMaker) -> None:
    root = tree({"positions/gamma.yaml": actor("gamma", position(stance="5"))})
    code, output = run("--data", str(root), "--format", "json")
    assert code == 1
    payload = json.loads("\n".join(output))
    assert payload["diagnostics"] == [
        {
            "path": "positions/gamma.yaml",
            "line": 7,
            "col": 13,
            "severity": "error",
            "message": "stance 5 is out of range -2..+2",
        }
    ]
    assert payload["summary"]["errors"] == 1
    assert payload["summary"]["verified"] == 2


def test_bad_usage_exits_2(tree: TreeMaker, tmp_path: Path) -> None:
    assert run("--format", "xml", "--data", str(tree()))[0] == 2
    assert run("--no-such-option")[0] == 2


def test_a_missing_folder_is_no_data_as_for_every_command(tmp_path: Path) -> None:
    # The status and message every command gives on a folder without data.
    assert run("--data", str(tmp_path / "missing"))[0] == 1


def test_the_data_option_of_the_group_is_used(tree: TreeMaker) -> None:
    result = CliRunner().invoke(main, ["--data", str(tree()), "validate"])
    assert result.exit_code == 0
    assert result.output.startswith("2 actors")


def test_printed_names_show_control_characters_visibly(tree: TreeMaker) -> None:
    root = tree({"positions/gamma.yaml": actor("gamma", head="x\u202e\u200b: 1\n")})
    code, output = run("--data", str(root))
    assert code == 1
    assert output[0] == "positions/gamma.yaml:5:1: error: unknown field 'x⟨U+202E⟩⟨U+200B⟩'"
