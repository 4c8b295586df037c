"""Data lost or shadowed: the file named after an id wins it; writes go through a temporary file
and a rename, never through a link onto a data file; `add-source` checks ids against the ids in
the files; no command but `add-source` writes into any data tree's positions/ or seeds/."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from tui.cli import main
from tui.core.loader import load_tree
from tui.core.writing import ProtectedOutputError, write_atomic

from tests.hostile.cases import SEED_ID, actor_text
from tests.hostile.trees import copy_bundled

KIM = "kim-jong-un"
SEED_FILE = f"seeds/{SEED_ID}.txt"


def peninsula(*args: str, cwd: Path) -> SimpleNamespace:
    """A command run in this process (much cheaper than a new interpreter), in ``cwd``."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(previous)
    return SimpleNamespace(returncode=result.exit_code, stderr=result.output, stdout=result.output)


def verified(root: Path) -> int:
    return sum(ev.verified for ev in load_tree(root).evidence)


@pytest.mark.parametrize(
    "impostor", ["aaa.yaml", "000.yaml", "kim-jong-um.yaml", "Kim-jong-un.yml"]
)
def test_the_actor_file_named_after_the_id_wins_it(bundled_tree: Path, impostor: str):
    (bundled_tree / "positions" / impostor).write_text(
        actor_text(KIM).replace(f"name: Fixture {KIM}", "name: Impostor"), encoding="utf-8"
    )
    dataset = load_tree(bundled_tree)
    assert dataset.actors[KIM].name == "Kim Jong Un"
    assert dataset.actor_locations[KIM].path == f"positions/{KIM}.yaml"
    reported = [d for d in dataset.errors if d.path == f"positions/{impostor}"]
    assert [d.message for d in reported] == [
        f"duplicate actor id '{KIM}' (also in positions/{KIM}.yaml)"
    ]
    assert reported[0].line == 2  # at the impostor's id
    assert verified(bundled_tree) == 19
    assert list(dataset.actors)[:4] == [a for a in dataset.actors if a != "impostor"][:4]


def test_with_no_file_named_after_the_id_the_first_in_order_wins(bundled_tree: Path):
    for name in ("b-one.yaml", "a-two.yaml"):
        (bundled_tree / "positions" / name).write_text(actor_text("shared-id"), encoding="utf-8")
    dataset = load_tree(bundled_tree)
    assert dataset.actor_locations["shared-id"].path == "positions/a-two.yaml"
    assert any(
        d.path == "positions/b-one.yaml" and "duplicate actor id" in d.message
        for d in dataset.errors
    )


@pytest.mark.parametrize("impostor", ["aaa.txt", "0.txt", "2025-09-21-a.txt"])
def test_the_seed_file_named_after_the_id_wins_it(bundled_tree: Path, impostor: str):
    real = (bundled_tree / SEED_FILE).read_text(encoding="utf-8")
    # The same id, its body emptied of every quote: were it to win, nothing would verify.
    head, _, _ = real.partition("\n---\n")
    (bundled_tree / "seeds" / impostor).write_text(head + "\n---\nGenerated text.\n", "utf-8")
    dataset = load_tree(bundled_tree)
    assert dataset.seeds[SEED_ID].location.path == SEED_FILE
    assert any(
        d.path == f"seeds/{impostor}" and "duplicate seed id" in d.message for d in dataset.errors
    )
    assert verified(bundled_tree) == 19


def _hard_link(seed: Path, at: Path) -> Path:
    os.link(seed, at)
    return at


def _symlink(seed: Path, at: Path) -> Path:
    at.symlink_to(seed)
    return at


@pytest.mark.parametrize("link", [_hard_link, _symlink], ids=["hard-link", "symlink"])
@pytest.mark.parametrize(
    "command",
    [
        ["export", "--what", "quotes", "--force", "-o"],
        ["export", "--what", "matrix", "--format", "md", "--force", "-o"],
        ["brief", "--force", "-o"],
        # --format: the name's ending alone (.md) names no snapshot format and is refused first.
        ["snapshot", "--view", "matrix", "--size", "80x24", "--format", "svg", "--force", "-o"],
    ],
    ids=lambda command: command[0] + ("-" + command[2] if command[0] == "export" else ""),
)
def test_a_forced_write_onto_a_link_of_a_seed_leaves_the_seed_whole(
    bundled_tree: Path, tmp_path: Path, link, command
):
    seed = bundled_tree / SEED_FILE
    before = seed.read_bytes()
    out = link(seed, tmp_path / "out.md")
    result = peninsula(*command, str(out), "--data", str(bundled_tree), cwd=tmp_path)
    assert seed.read_bytes() == before
    assert verified(bundled_tree) == 19
    if link is _symlink:  # a link that leads into the data is refused
        assert result.returncode != 0 and "positions/ or seeds/" in result.stderr
    else:  # a hard link cannot be told from its seed: the rename replaces it, not the seed
        assert result.returncode == 0, result.stderr
        assert out.read_bytes() != before


def test_add_source_refuses_an_id_that_a_seed_carries_under_another_file_name(bundled_tree):
    seed = bundled_tree / SEED_FILE
    seed.rename(bundled_tree / "seeds" / "renamed.txt")
    article = bundled_tree.parent / "article.txt"
    article.write_text("Generated test text, not a real article.\n", encoding="utf-8")
    result = peninsula(
        "add-source",
        str(article),
        "--id",
        SEED_ID,
        "--title",
        "Generated",
        "--outlet",
        "Test fixture",
        "--published",
        "2025-10-01",
        "--data",
        str(bundled_tree),
        cwd=bundled_tree,
    )
    assert result.returncode == 3, result.stderr
    assert "renamed.txt already carries the id" in result.stderr
    assert not (bundled_tree / SEED_FILE).exists()
    assert verified(bundled_tree) == 19


@pytest.fixture
def two_trees(tmp_path: Path) -> tuple[Path, Path]:
    return copy_bundled(tmp_path / "read"), copy_bundled(tmp_path / "other")


@pytest.mark.parametrize("folder", ["positions", "seeds"])
@pytest.mark.parametrize(
    "command",
    [
        # --format, since the name's ending .yaml names no format and would be refused first.
        ["export", "--what", "matrix", "--format", "csv", "-o"],
        ["brief", "-o"],
        ["snapshot", "--view", "matrix", "--size", "80x24", "--format", "svg", "-o"],
    ],
    ids=lambda command: command[0],
)
def test_no_command_writes_into_another_trees_data(two_trees, command, folder):
    read, other = two_trees
    before = sorted(p.name for p in (other / folder).iterdir())
    target = other / folder / "out.yaml"
    result = peninsula(*command, str(target), "--data", str(read), cwd=read.parent)
    assert result.returncode != 0 and not target.exists()
    assert "positions/ or seeds/" in result.stderr
    assert sorted(p.name for p in (other / folder).iterdir()) == before


@pytest.mark.parametrize(
    "command",
    [["export", "--what", "quotes", "-o"], ["brief", "-o"], ["snapshot", "--view", "matrix", "-o"]],
    ids=lambda command: command[0],
)
def test_no_command_writes_into_the_working_directorys_data_when_data_is_elsewhere(
    two_trees, command
):
    read, cwd_tree = two_trees
    result = peninsula(*command, "positions/out.txt", "--data", str(read), cwd=cwd_tree)
    assert result.returncode != 0 and not (cwd_tree / "positions" / "out.txt").exists()


def test_the_write_function_refuses_every_data_folder_and_links_into_one(tmp_path: Path):
    tree = copy_bundled(tmp_path / "tree")
    (tmp_path / "into-seeds").symlink_to(tree / "seeds")
    for path in (
        tree / "seeds" / "x.txt",
        tree / "positions" / "deep" / "x.csv",
        tmp_path / "into-seeds" / "x.md",
        tmp_path / "tree" / "seeds" / ".." / "seeds" / "y.md",
    ):
        with pytest.raises(ProtectedOutputError):
            write_atomic("x", path, make_parents=True)
    assert not (tree / "positions" / "deep").exists()
    write_atomic("fine", tree / "out.md")  # beside the data is not inside it
    assert (tree / "out.md").read_text() == "fine"
    assert not [p for p in tree.iterdir() if p.name.endswith(".tmp")]
