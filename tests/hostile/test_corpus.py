"""Each hostile file of the corpus, dropped among good data: reported precisely, and harmless."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tui.core import yamlsafe
from tui.core.brief import render_brief
from tui.core.dataset import Dataset
from tui.core.export import WHATS, frame_for, render
from tui.core.loader import load_tree
from tui.core.sanitize import is_clean

from tests.fixtures import FIRST_ARTICLE
from tests.hostile import checks, payloads, strategies, trees
from tests.hostile.cases import BUILT, SEED_ID, STATIC, Case


def records(dataset: Dataset) -> set[str]:
    keys = {f"actor:{actor_id}" for actor_id in dataset.actors}
    keys |= {f"issue:{issue_id}" for issue_id in dataset.issues}
    keys |= {f"seed:{seed_id}" for seed_id in dataset.seeds}
    keys |= {f"stance:{r.actor_id}/{r.issue_id}/{r.as_of.isoformat()}" for r in dataset.stances}
    return keys


@pytest.fixture(scope="module")
def bundled_records() -> set[str]:
    dataset = load_tree(FIRST_ARTICLE)
    assert not dataset.diagnostics, "the project's own data must load clean"
    return records(dataset)


def check_diagnostics_are_well_formed(dataset: Dataset) -> None:
    for diagnostic in dataset.diagnostics:
        line = diagnostic.format()
        assert checks.DIAGNOSTIC.match(line), line[:200]
        assert diagnostic.line >= 1 and diagnostic.col >= 1, line[:200]
        # A message names a value, it does not reproduce a megabyte of it.
        assert len(diagnostic.message) <= checks.MAX_MESSAGE, line[:200]
        assert is_clean(diagnostic.message), f"a message carries raw control characters: {line!r}"


def check_case(case: Case, root: Path, bundled: set[str]) -> None:
    target = root / case.target
    target.write_bytes(case.content())
    dataset = load_tree(root)

    check_diagnostics_are_well_formed(dataset)
    own = [d for d in dataset.diagnostics if d.path == case.target]
    elsewhere = [d.format() for d in dataset.diagnostics if d.path != case.target]
    assert not elsewhere, f"a hostile file made other files fail: {elsewhere[:5]}"
    shown = "\n".join(d.format()[:200] for d in own[:20])
    for expect in case.expects:
        matches = [
            d
            for d in own
            if expect.message in d.message
            and d.severity.value == expect.severity
            and (expect.line is None or d.line == expect.line)
            and (expect.col is None or d.col == expect.col)
        ]
        assert matches, f"no {expect} among:\n{shown}"
    if case.clean:
        assert not [d for d in own if d.is_error], shown
    else:
        assert case.expects, "a case either expects diagnostics or is clean"

    loaded = records(dataset)
    kept = bundled - set(case.replaces)
    assert kept <= loaded, f"good records lost: {sorted(kept - loaded)}"
    assert set(case.keeps) <= loaded, (
        f"records of the case lost: {sorted(set(case.keeps) - loaded)}"
    )
    assert not set(case.drops) & loaded, f"bad records loaded: {sorted(set(case.drops) & loaded)}"


@pytest.mark.parametrize("case", STATIC, ids=lambda case: case.name)
def test_committed_corpus_file(case: Case, bundled_tree: Path, bundled_records: set[str]):
    check_case(case, bundled_tree, bundled_records)


@pytest.mark.parametrize("case", BUILT, ids=lambda case: case.name)
def test_built_corpus_file(case: Case, bundled_tree: Path, bundled_records: set[str]):
    check_case(case, bundled_tree, bundled_records)


# Files big enough that the pure-Python reader takes seconds over them: libyaml's job.
SLOW_WITHOUT_LIBYAML = ("many-", "megabyte-")


@pytest.mark.parametrize(
    "case",
    [c for c in STATIC + BUILT if not c.name.startswith(SLOW_WITHOUT_LIBYAML)],
    ids=lambda case: case.name,
)
def test_corpus_file_with_the_pure_python_reader(
    case: Case, bundled_tree: Path, bundled_records: set[str], monkeypatch: pytest.MonkeyPatch
):
    """Without libyaml the loader falls back on PyYAML's own safe parser: the same answers."""
    monkeypatch.setattr(yamlsafe, "Loader", yaml.SafeLoader)
    check_case(case, bundled_tree, bundled_records)


def test_every_committed_corpus_file_has_an_expectation():
    listed = {case.target for case in STATIC}
    on_disk = {
        path.relative_to(Path(__file__).parent / "corpus").as_posix()
        for path in (Path(__file__).parent / "corpus").rglob("*")
        if path.is_file()
    }
    assert on_disk == listed


def test_hostile_text_in_every_field_and_article_loads_exactly(
    tmp_path: Path, bundled_records: set[str]
):
    """Markup, escapes, controls, bidi and invisible characters in every text field and in the
    article: valid data, kept as written, every quote of it verified in its article."""
    root = trees.hostile_text_tree(tmp_path / "tree")
    dataset = load_tree(root)
    check_diagnostics_are_well_formed(dataset)
    # The files with hostile names are reported, their names made visible.
    assert len({d.path for d in dataset.diagnostics}) == 1 + len(trees.HOSTILE_FILE_NAMES)
    assert "positions/hostile-keys.yaml" in {d.path for d in dataset.diagnostics}
    assert all(is_clean(d.path) for d in dataset.diagnostics)
    assert bundled_records <= records(dataset)
    actor = dataset.actors[trees.HOSTILE_ACTOR]
    assert actor.name == trees.composed(12)
    assert list(actor.aliases) == [*payloads.ALL, *payloads.TERMINAL_MARKERS.values()]
    assert dataset.issues[trees.HOSTILE_ISSUE].title == trees.composed(7)
    seed = dataset.seeds[trees.HOSTILE_SEED]
    assert seed.meta.title == trees.composed(1)
    assert seed.body.startswith(trees.body_lines()[0])
    hostile_evidence = [e for e in dataset.evidence if e.actor_id == trees.HOSTILE_ACTOR]
    assert len(hostile_evidence) == len(trees.body_lines())
    assert all(e.verified for e in hostile_evidence)
    for what in WHATS:
        frame = frame_for(what, dataset)
        checks.check_csv(render(frame, "csv"), what, frame)
        checks.check_markdown(render(frame, "md"))
        checks.check_json(render(frame, "json"), what)
    checks.check_markdown(render_brief(dataset))


# -- YAML 1.1 implicit types, in every field of every kind of file ---------------------------------

PLACEHOLDER = "PLACEHOLDER-VALUE"
# Plain scalars YAML 1.1 types as something else than text: a boolean, an octal or grouped or
# sexagesimal integer, a date, a float.
STRING_TOKENS = ("NO", "on", "012", "1_000", "12:30:00", "2025-01-01", ".inf")
# For numbers and dates, the tokens that are no valid value of theirs.
OTHER_TOKENS = ("NO", "012", "1_000")


SEED_FILE = f"seeds/{SEED_ID}.txt"
# Optional fields the project's data leaves out: (file, path, is text).
ABSENT_FIELDS = [
    ("positions/kim-jong-un.yaml", ("positions", 0, "evidence", 0, "speaker"), True),
    ("positions/kim-jong-un.yaml", ("positions", 0, "conditions", 0, "min"), False),
    ("positions/issues.yaml", ("issues", 0, "description"), True),
    (SEED_FILE, ("url",), True),
]


def field_shapes() -> list[tuple[str, tuple, bool]]:
    """(file, path, is text) for a value of every field of every kind of file."""
    tree = strategies.bundled_tree()
    seen, shapes = set(), list(ABSENT_FIELDS)
    for tree_file in tree.files:
        for path, value in strategies.walk(tree_file.data):
            if not path or isinstance(value, (dict, list)):
                continue
            names = tuple(p if isinstance(p, str) else 0 for p in path)
            if names[:-1] and names[-2:-1] in (("scale",), ("inferred",)):
                names = (*names[:-1], "*")
            key = (tree_file.kind, names)
            if key not in seen:
                seen.add(key)
                shapes.append((tree_file.rel, path, isinstance(value, str)))
    return shapes


@pytest.mark.parametrize(
    "rel, path, is_text",
    field_shapes(),
    ids=[f"{rel.split('/')[1][:20]}:{'.'.join(map(str, path))}" for rel, path, _ in field_shapes()],
)
def test_yaml11_implicit_types_in_every_field(
    rel: str, path: tuple, is_text: bool, bundled_tree: Path
):
    tree = strategies.bundled_tree()
    tree_file = tree.file(rel)
    node = tree_file.data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = PLACEHOLDER
    text = tree_file.text()
    at = text.index(PLACEHOLDER)
    line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    for token in STRING_TOKENS if is_text else OTHER_TOKENS:
        (bundled_tree / rel).write_text(text.replace(PLACEHOLDER, token), encoding="utf-8")
        dataset = load_tree(bundled_tree)
        check_diagnostics_are_well_formed(dataset)
        here = [d for d in dataset.diagnostics if (d.path, d.line, d.col) == (rel, line, col)]
        assert here and all(d.is_error for d in here), (
            f"{token} at {rel}:{line}:{col}: {[d.format() for d in dataset.diagnostics][:4]}"
        )
        if is_text and path[-1] != "kind":
            assert any(f"YAML reads {token} as" in d.message for d in here), here[0].format()
