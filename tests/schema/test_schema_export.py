"""The committed JSON Schema is the models' schema; it accepts the shipped files as an editor
would."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from tui.cli.schema import EXIT_REFUSED, EXIT_STALE, schema_command
from tui.core.schema_export import modeline_for, render_schemas

REPO = Path(__file__).resolve().parents[2]
SCHEMA_DIR = REPO / "schema"
POSITIONS = REPO / "positions"
SEEDS = REPO / "seeds"


def test_committed_schema_equals_the_models():
    rendered = render_schemas()
    assert sorted(rendered) == ["actor.schema.json", "issues.schema.json", "seed.schema.json"]
    for name, text in rendered.items():
        committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"schema/{name} is stale: run `peninsula schema -o schema --force`"
        )


def test_no_stray_files_in_schema_folder():
    assert sorted(p.name for p in SCHEMA_DIR.iterdir()) == sorted(render_schemas())


def _editor_view(node: object) -> object:
    """What yaml-language-server sees: YAML 1.2 has no date type and mapping keys are strings."""
    if isinstance(node, dict):
        return {str(key): _editor_view(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_editor_view(item) for item in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def _position_files() -> list[Path]:
    files = sorted(POSITIONS.glob("*.yaml"))
    if not files:
        pytest.skip("positions/ holds no YAML yet")
    return files


def test_every_positions_file_starts_with_its_modeline():
    for path in _position_files():
        first_line = path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line == modeline_for(path.name), path.name


def test_modelines_point_at_files_that_exist():
    for path in _position_files():
        target = modeline_for(path.name).split("$schema=", 1)[1]
        assert (path.parent / target).resolve().is_file()


def test_shipped_positions_validate_against_the_json_schema():
    for path in _position_files():
        name = modeline_for(path.name).rsplit("/", 1)[1]
        data = _editor_view(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = [e.message for e in _validator(name).iter_errors(data)]
        assert errors == [], f"{path.name}: {errors}"


def test_shipped_seed_front_matter_validates_against_the_json_schema():
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds, "seeds/ holds no article"
    for path in seeds:
        text = path.read_text(encoding="utf-8")
        _, front_matter, _ = text.split("---\n", 2)
        data = _editor_view(yaml.safe_load(front_matter))
        errors = [e.message for e in _validator("seed.schema.json").iter_errors(data)]
        assert errors == [], f"{path.name}: {errors}"


ACTOR = {
    "id": "kim-jong-un",
    "name": "Kim Jong Un",
    "role": "Leader",
    "country": "North Korea",
    "positions": [
        {
            "issue": "talks-with-us",
            "stance": 1,
            "as_of": "2025-09-21",
            "summary": "Open to talks on a condition.",
            "evidence": [{"kind": "quote", "text": "words", "source": "a-seed"}],
        }
    ],
}


def test_json_schema_accepts_a_minimal_actor():
    assert list(_validator("actor.schema.json").iter_errors(ACTOR)) == []


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda a: a["positions"][0].update(stanse=1), "Additional properties"),
        (lambda a: a["positions"][0].update(stance=3), "3 is not valid"),
        (lambda a: a["positions"][0].update(as_of="2025-02-30"), "date"),
        (lambda a: a["positions"][0]["evidence"][0].update(kind="rumour"), "quote"),
        (lambda a: a.update(id="Kim Jong Un"), "does not match"),
        (lambda a: a.pop("name"), "required"),
    ],
)
def test_json_schema_flags_what_an_editor_should_flag(mutate, expected):
    actor = json.loads(json.dumps(ACTOR))
    mutate(actor)
    messages = " ".join(e.message for e in _validator("actor.schema.json").iter_errors(actor))
    assert expected in messages


def test_command_writes_then_keeps_then_refuses_then_forces(tmp_path):
    runner = CliRunner()
    first = runner.invoke(schema_command, ["-o", str(tmp_path / "out")])
    assert first.exit_code == 0, first.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(render_schemas())
    assert "wrote" in first.output

    again = runner.invoke(schema_command, ["-o", str(tmp_path / "out")])
    assert again.exit_code == 0 and "kept" in again.output

    edited = tmp_path / "out" / "actor.schema.json"
    edited.write_text("{}\n", encoding="utf-8")
    refused = runner.invoke(schema_command, ["-o", str(tmp_path / "out")])
    assert refused.exit_code == EXIT_REFUSED
    assert "not overwritten" in refused.output
    assert edited.read_text(encoding="utf-8") == "{}\n"

    stale = runner.invoke(schema_command, ["-o", str(tmp_path / "out"), "--check"])
    assert stale.exit_code == EXIT_STALE
    assert edited.read_text(encoding="utf-8") == "{}\n"

    forced = runner.invoke(schema_command, ["-o", str(tmp_path / "out"), "--force"])
    assert forced.exit_code == 0 and "updated" in forced.output
    assert edited.read_text(encoding="utf-8") == render_schemas()["actor.schema.json"]


def test_check_passes_on_the_committed_schema():
    result = CliRunner().invoke(schema_command, ["-o", str(SCHEMA_DIR), "--check"])
    assert result.exit_code == 0, result.output
