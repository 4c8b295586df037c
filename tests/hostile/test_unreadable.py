"""Unreadable folders: every I/O error is a diagnostic at the path, every command exits, the app
says what it could not read.

Permissions mean nothing to root, who runs these tests on CI: each command runs in a child
process that gives up the capabilities that let root ignore them (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH, dropped from the bounding set before the child's exec), so that a folder of
mode 000 is as unreadable to it as to any user. Where that cannot be done the tests skip.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TIMEOUT = 120
REPO = Path(__file__).resolve().parents[2]
_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _bound_by_permissions() -> None:
    """In the child, before exec: root without the capabilities that bypass permissions."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _permissions_bind(tmp: Path) -> bool:
    probe = tmp / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        result = subprocess.run(
            [sys.executable, "-c", f"open({str(probe)!r}).read()"],
            preexec_fn=_bound_by_permissions,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except OSError:
        return False
    finally:
        probe.chmod(0o600)
    return result.returncode != 0 and b"PermissionError" in result.stderr


@pytest.fixture
def shared_tree(bundled_tree: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the bundled data, its permissions restored afterwards so it can be removed."""
    if not _permissions_bind(tmp_path):
        pytest.skip("cannot run a child bound by file permissions here (root keeps them moot)")
    yield bundled_tree
    for path in [bundled_tree, *bundled_tree.iterdir()]:
        path.chmod(0o755)


def bound_by_permissions(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_bound_by_permissions,
        stdin=subprocess.DEVNULL,
    )


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]


@pytest.mark.parametrize("folder", ["positions", "seeds"])
def test_validate_reports_an_unreadable_folder_at_its_path(shared_tree: Path, folder: str):
    (shared_tree / folder).chmod(0)
    result = bound_by_permissions("validate", "--data", str(shared_tree), cwd=shared_tree.parent)
    no_traceback(result)
    assert result.returncode == 1
    assert f"{folder}:1:1: error: cannot read the folder: Permission denied" in result.stdout


def test_an_unreadable_file_is_a_diagnostic_and_the_rest_loads(shared_tree: Path):
    (shared_tree / "positions" / "kim-yo-jong.yaml").chmod(0)
    result = bound_by_permissions("validate", "--data", str(shared_tree), cwd=shared_tree.parent)
    no_traceback(result)
    assert "positions/kim-yo-jong.yaml:1:1: error: cannot read the file: Permission denied" in (
        result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith("3 actors")


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--what", "matrix", "-o", "-"],
        ["export", "--what", "problems", "-o", "-"],
        ["brief", "-o", "-"],
        ["snapshot", "--view", "problems", "--size", "80x24", "-o", "-"],
    ],
    ids=lambda command: "-".join(command[:3]),
)
def test_every_command_exits_over_an_unreadable_positions_folder(shared_tree, command):
    (shared_tree / "positions").chmod(0)
    result = bound_by_permissions(*command, "--data", str(shared_tree), cwd=shared_tree.parent)
    no_traceback(result)
    assert result.returncode in (0, 1), result.stderr[-3000:]
    if command[0] == "snapshot":
        # The app shows what it could not read instead of "loading" forever.
        assert "cannot read the folder" in result.stdout.replace("&#160;", " ")


def test_add_source_over_an_unreadable_seeds_folder_says_so(shared_tree: Path):
    article = shared_tree.parent / "article.txt"
    article.write_text("Generated test text, not a real article.\n", encoding="utf-8")
    (shared_tree / "seeds").chmod(0o311)  # enterable and writable, not listable
    result = bound_by_permissions(
        "add-source",
        str(article),
        "--title",
        "Generated",
        "--outlet",
        "Test fixture",
        "--published",
        "2025-10-01",
        "--data",
        str(shared_tree),
        cwd=shared_tree.parent,
    )
    no_traceback(result)
    assert result.returncode == 5 and "cannot read the folder" in result.stderr


def test_the_app_says_what_it_could_not_read(shared_tree: Path):
    (shared_tree / "seeds").chmod(0)
    result = bound_by_permissions(
        "snapshot",
        "--view",
        "matrix",
        "--size",
        "120x30",
        "-o",
        "-",
        "--data",
        str(shared_tree),
        cwd=shared_tree.parent,
    )
    no_traceback(result)
    assert result.returncode == 0
    assert "Loading" not in result.stdout and "loading the data" not in result.stdout
    assert "Problems" in result.stdout
