"""The contributor docs name real commands and options, and the pre-commit hook is well formed."""

from __future__ import annotations

import re
from pathlib import Path

import click
import yaml

from tui.cli import main

REPO = Path(__file__).resolve().parents[2]


def _command_lines(markdown: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", markdown, flags=re.S)
    lines = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        lines += [line.split("#")[0].strip() for line in joined.splitlines()]
    return [line for line in lines if line.startswith("peninsula")]


def _check(line: str) -> None:
    words = line.split()
    ctx = click.Context(main)
    if len(words) == 1:
        return
    command = main.get_command(ctx, words[1])
    assert command is not None, f"unknown command in docs: {line}"
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    for word in words[2:]:
        if word.startswith("--"):
            assert word.split("=")[0] in known, f"unknown option {word} in: {line}"


def test_contributing_commands_exist_with_their_options():
    lines = _command_lines((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    assert {line.split()[1] for line in lines if len(line.split()) > 1} >= {
        "add-source",
        "extract",
        "validate",
        "snapshot",
    }
    for line in lines:
        _check(line)


def test_readme_contributing_section_points_to_the_guide_and_its_commands_exist():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section: contributing -->", 1)[1].split("<!-- section:", 1)[0]
    assert "CONTRIBUTING.md" in section
    lines = _command_lines(section)
    assert len(lines) >= 4
    for line in lines:
        _check(line)


def test_pre_commit_hook_exposes_validate():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = [h for h in hooks if h["id"] == "peninsula-validate"]
    assert hook["entry"] == "peninsula validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    pattern = re.compile(hook["files"])
    assert pattern.search("positions/kim-jong-un.yaml") and pattern.search("seeds/a.txt")
    assert not pattern.search("tui/core/models.py")
