"""Files that are not regular files: only regular files are read, each with a size bound, in
every command; a link that leaves the data tree is refused with a diagnostic.

Each command that could block or read without end runs in a child process with a timeout and a
memory limit, so that the old behaviour fails the test instead of hanging the suite.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.loader import load_tree
from tui.core.reading import Confinement, Unreadable, read_regular

from tests.hostile.cases import SEED_ID, actor_text, seed_text

TIMEOUT = 60
MEMORY = 1024 * 1024 * 1024  # far above a load of the bundled data, far below /dev/zero's


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def peninsula(
    *args: str, cwd: Path, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        preexec_fn=_limited,
    )


def add_source(tree: Path, article: str) -> subprocess.CompletedProcess[str]:
    return peninsula(
        "add-source",
        article,
        "--title",
        "Generated test text",
        "--outlet",
        "Test fixture",
        "--published",
        "2025-10-01",
        "--data",
        str(tree),
        cwd=tree,
    )


ARTICLE = "Generated test text, not a real article: it only has to be new.\n"


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def unix_socket(path: Path) -> Path:
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


# What can sit in seeds/ or positions/ under a data file's name without being a regular file.
ODD_ENTRIES = {
    "fifo": fifo,
    "socket": unix_socket,
    "link-to-dev-zero": lambda path: (path.symlink_to("/dev/zero"), path)[1],
    "link-to-dev-urandom": lambda path: (path.symlink_to("/dev/urandom"), path)[1],
    "link-to-a-fifo-outside": lambda path: (
        path.symlink_to(fifo(path.parent.parent.parent / f"outside-{path.name}")),
        path,
    )[1],
}


@pytest.mark.parametrize("kind", sorted(ODD_ENTRIES))
@pytest.mark.parametrize("folder,name", [("seeds", "odd.txt"), ("positions", "odd.yaml")])
def test_the_loader_reports_what_is_not_a_regular_file(bundled_tree, kind, folder, name):
    ODD_ENTRIES[kind](bundled_tree / folder / name)
    dataset = load_tree(bundled_tree)
    odd = [d for d in dataset.diagnostics if d.path == f"{folder}/{name}"]
    assert len(odd) == 1 and odd[0].is_error, [d.format() for d in dataset.diagnostics]
    assert "not read" in odd[0].message
    assert sum(ev.verified for ev in dataset.evidence) == 19  # the rest of the data is whole


@pytest.mark.parametrize("kind", ["fifo", "link-to-dev-zero", "socket"])
def test_add_source_neither_hangs_nor_reads_without_end_over_odd_seeds(bundled_tree, kind):
    ODD_ENTRIES[kind](bundled_tree / "seeds" / "odd.txt")
    article = bundled_tree.parent / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = add_source(bundled_tree, str(article))
    assert result.returncode == 0, result.stderr
    assert "added" in result.stdout


@pytest.mark.parametrize("article", ["/dev/zero", "/dev/urandom", "fifo"])
def test_add_source_refuses_an_article_that_is_not_a_regular_file(bundled_tree, article):
    if article == "fifo":
        article = str(fifo(bundled_tree.parent / "article-fifo"))
    before = sorted(p.name for p in (bundled_tree / "seeds").iterdir())
    result = add_source(bundled_tree, article)
    assert result.returncode == 5, result.stderr
    assert "not a regular file" in result.stderr
    assert sorted(p.name for p in (bundled_tree / "seeds").iterdir()) == before


def test_add_source_reads_standard_input_with_the_size_bound(bundled_tree):
    result = peninsula(
        "add-source",
        "-",
        "--title",
        "Generated",
        "--outlet",
        "Test fixture",
        "--published",
        "2025-10-01",
        "--data",
        str(bundled_tree),
        cwd=bundled_tree,
        stdin=b"x" * (3 * 1024 * 1024),
    )
    assert result.returncode == 4 and "over 2097152 bytes" in result.stderr


def test_a_link_that_leaves_the_tree_is_refused_even_to_a_regular_file(bundled_tree):
    outside = bundled_tree.parent / "elsewhere.yaml"
    outside.write_text(actor_text("elsewhere"), encoding="utf-8")
    (bundled_tree / "positions" / "elsewhere.yaml").symlink_to(outside)
    outside_seed = bundled_tree.parent / "outside-seed.txt"
    outside_seed.write_text(seed_text("outside-seed", "Generated test text.\n"), encoding="utf-8")
    (bundled_tree / "seeds" / "outside-seed.txt").symlink_to(outside_seed)
    dataset = load_tree(bundled_tree)
    messages = {d.path: d.message for d in dataset.diagnostics}
    assert "outside the data tree" in messages["positions/elsewhere.yaml"]
    assert "outside the data tree" in messages["seeds/outside-seed.txt"]
    assert "elsewhere" not in dataset.actors and "outside-seed" not in dataset.seeds


def test_a_folder_linked_from_outside_the_tree_is_refused_file_by_file(bundled_tree):
    # The loader resolves each folder once, not each file: a folder that is itself a link out
    # of the tree must still refuse every file in it.
    outside = bundled_tree.parent / "outside-seeds"
    (bundled_tree / "seeds").rename(outside)
    (bundled_tree / "seeds").symlink_to(outside)
    dataset = load_tree(bundled_tree)
    refused = {d.path for d in dataset.diagnostics if "outside the data tree" in d.message}
    assert refused == {f"seeds/{path.name}" for path in outside.glob("*.txt")} != set()
    assert not dataset.seeds


def test_a_link_inside_a_folder_is_resolved_on_its_own(bundled_tree):
    # A file that is a link is resolved even when its folder is inside the tree.
    seed = bundled_tree / "seeds" / f"{SEED_ID}.txt"
    outside = bundled_tree.parent / seed.name
    seed.rename(outside)
    seed.symlink_to(outside)
    tree = Confinement(bundled_tree)
    with pytest.raises(Unreadable, match="outside the data tree"):
        read_regular(seed, within=tree)
    other = next((bundled_tree / "positions").glob("*.yaml"))
    assert read_regular(other, within=tree) == other.read_bytes()


def test_a_link_within_the_tree_is_read(bundled_tree):
    seed = bundled_tree / "seeds" / f"{SEED_ID}.txt"
    kept = bundled_tree / "seeds" / "kept"
    kept.mkdir()
    seed.rename(kept / seed.name)
    seed.symlink_to(Path("kept") / seed.name)
    dataset = load_tree(bundled_tree)
    assert SEED_ID in dataset.seeds and not dataset.errors


def test_the_reader_refuses_a_fifo_without_blocking(tmp_path):
    with pytest.raises(Unreadable, match="named pipe"):
        read_regular(fifo(tmp_path / "pipe"))
    with pytest.raises(Unreadable, match="character device"):
        read_regular(Path("/dev/zero"))
    with pytest.raises(Unreadable, match="folder"):
        read_regular(tmp_path)


def test_extract_refuses_a_file_past_the_bound(bundled_tree):
    article = bundled_tree.parent / "huge.txt"
    article.write_text("word " * (500 * 1024), encoding="utf-8")  # 2.5 MB
    result = peninsula("extract", str(article), "--data", str(bundled_tree), cwd=bundled_tree)
    assert result.returncode == 3 and "file too large" in result.stderr
