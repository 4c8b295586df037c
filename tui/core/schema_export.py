"""The JSON Schema files editors read, rendered from the models and compared with what is on disk.

The models are the single source of truth; the files under `schema/` are a rendering of them that
yaml-language-server (VS Code, Neovim, Helix, ...) picks up through the modeline at the top of each
YAML file. Rendering is deterministic so that a stale committed file shows up as a plain diff.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from tui.core.models import json_schemas

# The modeline a YAML file carries, relative to `positions/`, so it works in any clone.
MODELINE_TEMPLATE = "# yaml-language-server: $schema=../schema/{file}"


def schema_file_name(kind: str) -> str:
    """`actor` -> `actor.schema.json`."""
    return f"{kind}.schema.json"


def render_schemas() -> dict[str, str]:
    """File name -> file text, for every YAML file kind."""
    return {
        schema_file_name(kind): json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
        for kind, schema in json_schemas().items()
    }


def modeline_for(yaml_name: str) -> str:
    """The modeline of a file in `positions/`: the catalogue has a schema of its own, actors share
    one."""
    kind = "issues" if yaml_name == "issues.yaml" else "actor"
    return MODELINE_TEMPLATE.format(file=schema_file_name(kind))


class FileState(str, Enum):
    NEW = "new"
    UNCHANGED = "unchanged"
    CHANGED = "changed"


@dataclass(frozen=True)
class PlannedFile:
    path: Path
    text: str
    state: FileState


def plan_schema_files(out_dir: Path) -> list[PlannedFile]:
    """What writing the schema into ``out_dir`` would do to each file, without writing anything."""
    planned = []
    for name, text in render_schemas().items():
        path = out_dir / name
        if not path.exists():
            state = FileState.NEW
        elif path.read_bytes() == text.encode("utf-8"):
            state = FileState.UNCHANGED
        else:
            state = FileState.CHANGED
        planned.append(PlannedFile(path, text, state))
    return planned


def write_schema_file(planned: PlannedFile) -> None:
    planned.path.parent.mkdir(parents=True, exist_ok=True)
    # Binary write keeps "\n" line ends on every platform, so the committed files compare equal.
    planned.path.write_bytes(planned.text.encode("utf-8"))
