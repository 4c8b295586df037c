"""The generated tree is valid, verifiable, reproducible and labelled as generated."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from tui.core.models import Actor, IssueCatalogue, SeedMeta

from .generate import MARKER, SCALES, cached_tree, generate_tree

TINY = SCALES["tiny"]


@pytest.fixture(scope="module")
def tiny_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_tree(tmp_path_factory.mktemp("generated") / "tree", "tiny")


def _front_matter_and_body(path: Path) -> tuple[dict, str]:
    empty, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
    assert empty == ""
    return yaml.safe_load(front), body


def _tree_bytes(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_sizes_match_the_scale(tiny_tree: Path) -> None:
    actor_files = sorted((tiny_tree / "positions").glob("gen-actor-*.yaml"))
    assert len(actor_files) == TINY.actors
    assert len(list((tiny_tree / "seeds").glob("*.txt"))) == TINY.seeds
    catalogue = yaml.safe_load(
        (tiny_tree / "positions" / "issues.yaml").read_text(encoding="utf-8")
    )
    assert len(catalogue["issues"]) == TINY.issues
    evidence = sum(
        len(position["evidence"])
        for path in actor_files
        for position in yaml.safe_load(path.read_text(encoding="utf-8"))["positions"]
    )
    assert evidence == TINY.evidence


def test_every_file_is_valid_and_every_evidence_is_cut_from_its_seed(tiny_tree: Path) -> None:
    bodies = {}
    for path in (tiny_tree / "seeds").glob("*.txt"):
        front, body = _front_matter_and_body(path)
        meta = SeedMeta.model_validate(front)
        assert path.stem == meta.id
        bodies[meta.id] = body.replace("“", '"').replace("”", '"')
    catalogue = IssueCatalogue.model_validate(
        yaml.safe_load((tiny_tree / "positions" / "issues.yaml").read_text(encoding="utf-8"))
    )
    issue_ids = {issue.id for issue in catalogue.issues}
    actors = [
        Actor.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
        for path in sorted((tiny_tree / "positions").glob("gen-actor-*.yaml"))
    ]
    actor_ids = {actor.id for actor in actors}
    for actor in actors:
        dates = [(p.issue, p.as_of) for p in actor.positions]
        assert len(dates) == len(set(dates)), "two stances of one actor on one issue share a date"
        for position in actor.positions:
            assert position.issue in issue_ids
            assert {c.actor for c in position.conditions} <= actor_ids
            for evidence in position.evidence:
                assert evidence.speaker is None or evidence.speaker in actor_ids
                if evidence.said_on is not None:
                    assert evidence.said_on <= position.as_of
                body, start = bodies[evidence.source], 0
                for piece in evidence.text.split(" ... "):
                    found = body.find(piece, start)
                    assert found >= 0, f"not verbatim in {evidence.source}: {piece!r}"
                    start = found + len(piece)


def test_every_file_says_it_is_generated(tiny_tree: Path) -> None:
    for path in (tiny_tree / "positions").glob("*.yaml"):
        assert path.read_text(encoding="utf-8").startswith(f"# {MARKER}")
    for path in (tiny_tree / "seeds").glob("*.txt"):
        front, body = _front_matter_and_body(path)
        assert front["title"].startswith(MARKER)
        assert body.startswith(MARKER)
        assert "(generated)" in front["outlet"]
    for path in (tiny_tree / "positions").glob("gen-actor-*.yaml"):
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["name"].endswith("(generated)")


def test_the_same_scale_gives_the_same_bytes(tiny_tree: Path, tmp_path: Path) -> None:
    again = generate_tree(tmp_path / "again", "tiny")
    assert _tree_bytes(again) == _tree_bytes(tiny_tree)


def test_refuses_a_directory_that_already_holds_files(tmp_path: Path) -> None:
    (tmp_path / "positions").mkdir()
    (tmp_path / "positions" / "issues.yaml").write_text("issues: []\n", encoding="utf-8")
    with pytest.raises(FileExistsError):
        generate_tree(tmp_path, "tiny")
    assert (tmp_path / "positions" / "issues.yaml").read_text(encoding="utf-8") == "issues: []\n"


def test_the_cache_is_reused(tmp_path: Path) -> None:
    first = cached_tree("tiny", cache_dir=tmp_path)
    stamp = (first / "seeds").stat().st_mtime_ns
    assert cached_tree("tiny", cache_dir=tmp_path) == first
    assert (first / "seeds").stat().st_mtime_ns == stamp
    assert [p.name for p in tmp_path.iterdir()] == [first.name]


@pytest.mark.skipif(importlib.util.find_spec("tui.core.loader") is None, reason="no loader yet")
def test_the_loader_takes_the_tiny_tree_without_a_problem(tiny_tree: Path) -> None:
    from tui.core.loader import load_tree

    dataset = load_tree(tiny_tree)
    assert [d.format() for d in dataset.diagnostics] == []
    summary = dataset.summary()
    assert summary["actors"] == TINY.actors
    assert summary["issues"] == TINY.issues
    assert summary["sources"] == TINY.seeds
    assert summary["evidence"] == TINY.evidence
    assert summary["verified"] == TINY.evidence
