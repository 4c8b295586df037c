"""Nothing writes into positions/ or seeds/: not the commands that read the data, not an output
path that points inside them (directly or through a symbolic link), not the app's screenshots."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from tui.app.app import create_app
from tui.cli import main

from tests.hostile import checks
from tests.hostile.trees import hostile_text_tree


def fingerprint(root: Path) -> dict[str, str]:
    """Every path under the data folders, with the hash of each file's bytes."""
    prints = {}
    for folder in ("positions", "seeds"):
        for path in sorted((root / folder).rglob("*")):
            rel = path.relative_to(root).as_posix()
            prints[rel] = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir"
    return prints


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    return hostile_text_tree(tmp_path / "tree")


def test_reading_commands_leave_the_data_as_it_was(tree: Path, tmp_path: Path):
    before = fingerprint(tree)
    runner = CliRunner()
    out = tmp_path / "out"
    out.mkdir()
    runs = [
        ["validate", "--data", str(tree)],
        ["validate", "--data", str(tree), "--format", "json"],
        ["brief", "--data", str(tree), "-o", str(out / "brief.md")],
        ["snapshot", "--data", str(tree), "--view", "matrix", "-o", str(out / "matrix.svg")],
    ]
    for what in ("matrix", "quotes", "problems"):
        for fmt in ("csv", "md", "json"):
            runs.append(
                [
                    "export",
                    "--data",
                    str(tree),
                    "--what",
                    what,
                    "--format",
                    fmt,
                    "-o",
                    str(out / f"{what}.{fmt}"),
                ]
            )
    for args in runs:
        result = runner.invoke(main, args)
        assert result.exit_code in (0, 1), (args, result.output[-1000:])
    assert fingerprint(tree) == before
    # What they wrote elsewhere is well formed.
    checks.check_svg((out / "matrix.svg").read_text(encoding="utf-8"), "snapshot")
    checks.check_markdown((out / "brief.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", ["positions", "seeds"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "--what", "quotes", "--format", "csv"],
        ["brief"],
        ["snapshot", "--view", "matrix"],
    ],
    ids=["export", "brief", "snapshot"],
)
def test_an_output_inside_the_data_is_refused(
    tree: Path, tmp_path: Path, folder: str, command: list[str]
):
    before = fingerprint(tree)
    victim = tree / folder / sorted(p.name for p in (tree / folder).iterdir())[0]
    link = tmp_path / "innocent-looking.out"
    link.symlink_to(victim)
    runner = CliRunner()
    for target in (tree / folder / "new.out", victim, link):
        result = runner.invoke(main, [*command, "--data", str(tree), "-o", str(target), "--force"])
        assert result.exit_code != 0, (command, target, result.output[-500:])
    assert fingerprint(tree) == before


@pytest.mark.parametrize("folder", ["positions", "seeds"])
async def test_app_screenshots_never_land_in_the_data(tree: Path, folder: str):
    before = fingerprint(tree)
    app = create_app(tree, watch=False, blink=False, screenshots_dir=tree / folder / "shots")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.loaded.wait()
        await pilot.press("ctrl+s")
        await pilot.pause()
        for number in "2345":
            await pilot.press(number, "ctrl+s")
        await pilot.press("r")
        await pilot.pause()
    assert fingerprint(tree) == before


@pytest.mark.parametrize("inside", ["positions", "seeds", "positions/sub"])
def test_schema_files_never_land_in_the_data(tree: Path, tmp_path: Path, inside: str):
    before = fingerprint(tree)
    link = tmp_path / "schema-link"
    link.symlink_to(tree / inside.split("/")[0])
    for target in (tree / inside, link):
        result = CliRunner().invoke(main, ["schema", "-o", str(target), "--force"])
        assert result.exit_code != 0, result.output
    assert fingerprint(tree) == before
