"""Properties over broken trees: the project's data, broken a few ways at once.

Through load, `peninsula validate`, every export and every view: no exception escapes, every
diagnostic is `path:line:col: error|warning: message` and points into its file, every record that
was not touched and does not depend on a touched one still loads, and every export stays well
formed. A few examples each in `make test`; `make fuzz` runs many (see conftest).
"""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import asdict
from pathlib import Path

from click.testing import CliRunner
from hypothesis import event, given, note
from hypothesis import strategies as st

from tui.cli import main
from tui.core.brief import render_brief
from tui.core.dataset import Dataset
from tui.core.export import WHATS, frame_for, render
from tui.core.loader import load_tree
from tui.core.models import Actor, Condition, Evidence, Issue, Position, SeedMeta

from tests.fixtures import FIRST_ARTICLE
from tests.hostile import checks, payloads
from tests.hostile.profiles import hostile_settings
from tests.hostile.screens import render_views
from tests.hostile.strategies import Tree, broken_trees, bundled_tree, walk

PRISTINE = load_tree(FIRST_ARTICLE)


def lost_records(tree: Tree, loaded: Dataset) -> list[str]:
    """Records of the pristine data that were not touched, need nothing touched, and are gone."""
    lost = []
    for issue_id in PRISTINE.issues:
        if not tree.issue_touched(issue_id) and issue_id not in loaded.issues:
            lost.append(f"issue {issue_id}")
    for seed in PRISTINE.seeds.values():
        if not tree.seed_touched(seed.location.path) and seed.id not in loaded.seeds:
            lost.append(f"seed {seed.id}")
    for actor_id, location in PRISTINE.actor_locations.items():
        if not tree.actor_touched(location.path) and actor_id not in loaded.actors:
            lost.append(f"actor {actor_id}")
    loaded_stances = {(r.actor_id, r.issue_id, r.as_of): r for r in loaded.stances}
    for record in PRISTINE.stances:
        key = (record.issue_id, record.as_of.isoformat())
        if tree.position_touched(record.location.path, key):
            continue
        if record.issue_id not in loaded.issues:
            continue  # it depends on an issue that was broken
        found = loaded_stances.get((record.actor_id, record.issue_id, record.as_of))
        if found is None:
            lost.append(f"stance {record.actor_id}/{key}")
            continue
        if len(found.evidence) != len(record.evidence):
            lost.append(f"evidence of {record.actor_id}/{key}")
        for before, after in zip(record.evidence, found.evidence):
            seed = PRISTINE.seeds[before.evidence.source]
            if seed.location.path in tree.bodies or tree.seed_touched(seed.location.path):
                continue
            if before.verified and not after.verified:
                lost.append(f"verification of {record.actor_id}/{key}")
    return lost


def check_exports(dataset: Dataset) -> None:
    for what in WHATS:
        frame = frame_for(what, dataset)
        checks.check_csv(render(frame, "csv"), what, frame)
        checks.check_markdown(render(frame, "md"))
        checks.check_json(render(frame, "json"), what)
    checks.check_markdown(render_brief(dataset))


def check_commands(root: Path, dataset: Dataset) -> None:
    """validate and export on the tree: their documents on stdout, well formed; a tree that gave
    no stance ends every command with the one no-data message on stderr and exit 1."""
    no_data = not dataset.stances
    runner = CliRunner()
    result = runner.invoke(main, ["validate", "--data", str(root)])
    assert result.exit_code in (0, 1), result.output[-2000:]
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    checks.check_validate_output(result.stdout)
    checks.check_no_data_message(result.stderr, result.exit_code, no_data)
    result = runner.invoke(main, ["validate", "--data", str(root), "--format", "json"])
    assert result.exit_code in (0, 1)
    checks.check_json_document(result.stdout)
    checks.check_no_data_message(result.stderr, result.exit_code, no_data)
    result = runner.invoke(
        main, ["export", "--what", "quotes", "--format", "csv", "-o", "-", "--data", str(root)]
    )
    if no_data:
        checks.check_no_data_message(result.stderr, result.exit_code, no_data)
    else:
        assert result.exit_code == 0, result.output[-2000:]


@hostile_settings(15)
@given(tree=broken_trees())
def test_broken_tree_loads_validates_and_exports(tree: Tree):
    for line in tree.log:
        note(line)
        event(line.split(" ", 1)[0])
    with tempfile.TemporaryDirectory() as tmp:
        root = tree.write(Path(tmp) / "tree")
        dataset = load_tree(root)
        event(f"errors: {min(len(dataset.errors), 5)}{'+' if len(dataset.errors) >= 5 else ''}")
        checks.check_diagnostics(dataset, root)
        assert not lost_records(tree, dataset), lost_records(tree, dataset)
        check_exports(dataset)
        check_commands(root, dataset)


@hostile_settings(2)
@given(tree=broken_trees(max_mutations=3))
def test_broken_tree_renders_every_view(tree: Tree):
    for line in tree.log:
        note(line)
    with tempfile.TemporaryDirectory() as tmp:
        root = tree.write(Path(tmp) / "tree")
        shots = asyncio.run(render_views(root, size=(100, 30), keys=("down", "right")))
        for view_id, svg in shots.items():
            checks.check_svg(svg, view_id)


# -- hostile text in a valid place is kept exactly, and only shown made harmless -----------------

TEXT_FIELDS = {
    "actor": {
        "name",
        "role",
        "country",
        "aliases",
        "summary",
        "text",
        "said_on_note",
        "via",
        "channels",
        "inferred",
    },
    "issues": {"title", "proposition", "scale", "description"},
    "seed": {"title", "outlet", "via", "url", "inferred"},
}
# Strings that are not free text: ids, and a seed's hex digest (a pattern refuses anything else).
ID_FIELDS = {"id", "issue", "actor", "source", "speaker", "statement", "sha256"}
LIMITS = {"ShortText": 500, "Text": 20_000}


def text_paths(tree: Tree) -> list[tuple[int, tuple]]:
    """(file index, path) of every string that is free text (not an id, not evidence text)."""
    found = []
    for index, tree_file in enumerate(tree.files):
        for path, value in walk(tree_file.data):
            if not isinstance(value, str) or not path:
                continue
            names = [p for p in path if isinstance(p, str)]
            if tree_file.kind == "actor" and "evidence" in names and names[-1] == "text":
                continue  # evidence text must be verbatim in its seed
            if (
                names
                and names[-1] in TEXT_FIELDS[tree_file.kind]
                or (len(names) >= 2 and names[-2] in TEXT_FIELDS[tree_file.kind])
            ):
                found.append((index, path))
    return found


def valid_text(text: str) -> bool:
    return 0 < len(text) <= LIMITS["ShortText"] and not any(0xD800 <= ord(c) < 0xE000 for c in text)


hostile_text = st.one_of(
    st.sampled_from(payloads.ALL),
    st.text(min_size=1, max_size=60),
    st.lists(st.sampled_from(payloads.ALL), min_size=2, max_size=5).map(" ".join),
).filter(valid_text)


def loaded_value(dataset: Dataset, tree_file, path: tuple) -> object:  # noqa: ANN001
    if tree_file.kind == "seed":
        data = asdict(next(iter(dataset.seeds.values())).meta)
    elif tree_file.kind == "issues":
        data = {"issues": [asdict(issue) for issue in dataset.issues.values()]}
    else:
        data = asdict(dataset.actors[tree_file.data["id"]])
    node = data
    for key in path:
        node = node[key]
    return node


@hostile_settings(10)
@given(data=st.data())
def test_hostile_text_in_any_text_field_is_kept_exactly(data):
    tree = bundled_tree()
    index, path = data.draw(st.sampled_from(text_paths(tree)), label="field")
    text = data.draw(hostile_text, label="text")
    tree_file = tree.files[index]
    node = tree_file.data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = text
    # YAML reads a raw NEL, LS or PS as a line break, so a writer must escape them.
    line_breaks = any(c in text for c in "\x85\u2028\u2029")
    tree_file.unicode = not line_breaks and data.draw(st.booleans(), label="raw unicode")
    with tempfile.TemporaryDirectory() as tmp:
        root = tree.write(Path(tmp) / "tree")
        dataset = load_tree(root)
        # A name that looks like another actor's, or like nothing, is warned about and kept.
        unexpected = [
            d
            for d in dataset.diagnostics
            if not (
                path[-1] == "name"
                and not d.is_error
                and ("looks the same as" in d.message or "shows as nothing" in d.message)
            )
        ]
        assert not unexpected, [d.format() for d in unexpected][:5]
        assert loaded_value(dataset, tree_file, path) == text
        check_exports(dataset)


def test_the_suite_fills_every_free_text_field_of_the_schema():
    """If the schema grows a text field, the hostile-text property must fill it too."""
    kinds = {
        "actor": (Actor, Position, Condition, Evidence),
        "issues": (Issue,),
        "seed": (SeedMeta,),
    }
    for kind, models in kinds.items():
        text_fields = {
            name
            for model in models
            for name, field in model.model_fields.items()
            if "str" in repr(field.annotation) and "Literal" not in repr(field.annotation)
        }
        assert text_fields - ID_FIELDS <= TEXT_FIELDS[kind], (kind, text_fields - ID_FIELDS)
