"""The layers of tui/, as CONTRIBUTING's "Architecture" says: the core below the app and the CLI.

Read from the source (every import, inside functions too), so that a layer cannot be crossed by
an import tucked away where only some code path runs it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TUI = Path(__file__).resolve().parents[2] / "tui"

# package -> the imports it may never make (a module and everything under it)
FORBIDDEN = {
    "tui.core": ("tui.app", "tui.cli", "textual", "rich"),
    "tui.app": ("tui.cli",),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(TUI.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(source: str, package: str) -> set[str]:
    """Every module a source imports, relative imports resolved against ``package``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            elif node.module:
                found.add(node.module)
    return found


def crossings(package: str, forbidden: tuple[str, ...]) -> list[str]:
    folder = TUI.joinpath(*package.split(".")[1:])
    found = []
    for path in sorted(folder.rglob("*.py")):
        name = module_name(path)
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for imported in sorted(imports_of(path.read_text(encoding="utf-8"), here)):
            if any(imported == f or imported.startswith(f + ".") for f in forbidden):
                found.append(f"{name} imports {imported}")
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_module_imports_across_its_layer(package: str) -> None:
    assert crossings(package, FORBIDDEN[package]) == []


def test_the_check_finds_an_import_inside_a_function_and_a_relative_one() -> None:
    source = "def f():\n    from tui.app.app import PeninsulaApp\n    from ..cli import main\n"
    assert imports_of(source, "tui.core") == {"tui.app.app", "tui.cli"}
    assert crossings("tui.core", ("tui.core.dataset",)), "the core does import its dataset"
