"""Where the data lives: a tree holding `positions/` and `seeds/`."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent


def is_data_tree(path: Path) -> bool:
    return (path / "positions").is_dir() and (path / "seeds").is_dir()


def bundled_data_dir() -> Path:
    """The data shipped with the project: the source tree, or the copy inside an installed wheel."""
    source_tree = _PACKAGE.parent
    if is_data_tree(source_tree):
        return source_tree
    return _PACKAGE / "_bundled"


def resolve_data_dir(data: str | Path | None = None, cwd: Path | None = None) -> Path:
    """`--data DIR` when given; else the working directory when it holds the data; else bundled."""
    if data is not None:
        return Path(data)
    here = cwd or Path.cwd()
    if is_data_tree(here):
        return here
    return bundled_data_dir()


def is_actor_file(name: str) -> bool:
    """``positions/*.yaml`` (or .yml) but the issue catalogue: one actor's file."""
    folder, _, file = name.partition("/")
    return folder == "positions" and file.endswith((".yaml", ".yml")) and file != "issues.yaml"
