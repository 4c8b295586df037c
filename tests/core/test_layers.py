"""The layers of tui/, as CONTRIBUTING's "Architecture" says: the core below the app and the CLI,
and no module importing itself through others.

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
    # Drawing helpers turn records into Content; widgets are built from them, not the reverse.
    "tui.app.render": ("tui.app.widgets", "tui.app.screens", "tui.app.app"),
}
WIDGETS = TUI / "app" / "widgets"
SHARED_PARTS = "shared"


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


def view_folders() -> list[str]:
    return sorted(
        path.name
        for path in WIDGETS.iterdir()
        if (path / "__init__.py").is_file() and path.name != SHARED_PARTS
    )


@pytest.mark.parametrize("folder", [*view_folders(), SHARED_PARTS])
def test_a_view_folder_imports_no_other_view_folder(folder: str) -> None:
    """What two views share lives in widgets/shared/, not in one of them."""
    others = tuple(f"tui.app.widgets.{name}" for name in view_folders() if name != folder)
    assert crossings(f"tui.app.widgets.{folder}", others) == []


def test_the_check_finds_an_import_inside_a_function_and_a_relative_one() -> None:
    source = "def f():\n    from tui.app.app import PeninsulaApp\n    from ..cli import main\n"
    assert imports_of(source, "tui.core") == {"tui.app.app", "tui.cli"}
    assert crossings("tui.core", ("tui.core.dataset",)), "the core does import its dataset"


# -- import cycles ------------------------------------------------------------------------------


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def runtime_imports(source: str, package: str, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that running a source in ``package`` can import, inside
    functions too.

    ``from a import b`` imports ``a.b`` when that is a module, else ``a``; importing a module
    imports the packages above it, but for those above the importer, which are imported before
    it. Imports under ``if TYPE_CHECKING:`` never run (they let an annotation name a class of a
    module above), and are left out.
    """
    tree = ast.parse(source)
    skipped = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and _is_type_checking(node)
        for stmt in node.body
        for inner in ast.walk(stmt)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                origin = f"{base}.{node.module}" if node.module else base
            else:
                origin = node.module or ""
            for alias in node.names:
                submodule = f"{origin}.{alias.name}"
                found.add(submodule if submodule in modules else origin)
    parents = {prefix for name in found for prefix in _packages_above(name)}
    above_importer = {package, *_packages_above(package)}
    return (found | (parents - above_importer)) & modules


def _packages_above(name: str) -> list[str]:
    """ "a.b.c" -> ["a", "a.b"]."""
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def import_graph() -> dict[str, set[str]]:
    """tui module -> the tui modules it imports when run."""
    paths = {module_name(path): path for path in sorted(TUI.rglob("*.py"))}
    modules = set(paths)
    graph = {}
    for name, path in paths.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        graph[name] = runtime_imports(path.read_text(encoding="utf-8"), here, modules) - {name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each group of modules that import each other (Tarjan's components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_path_round(graph, group) for group in groups]


def _path_round(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """The shortest way from the group's first module back to itself, for the message."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target in sorted(graph[node] & group):
            if target == start:
                return [*paths[node], start]
            if target not in paths:
                paths[target] = [*paths[node], target]
                queue.append(target)
    return sorted(group)


def test_no_import_cycle_in_tui() -> None:
    assert [" -> ".join(cycle) for cycle in cycles(import_graph())] == []


def test_the_cycle_check_sees_through_functions_and_from_imports() -> None:
    modules = {"p", "p.a", "p.b", "p.c", "q", "q.d"}
    assert runtime_imports("def f():\n    from p import b\n", "p", modules) == {"p.b"}
    assert runtime_imports("from . import c\n", "p", modules) == {"p.c"}
    # A name of the package itself, not a module: the package's __init__ runs for it.
    assert runtime_imports("from p import VALUE\n", "p", modules) == {"p"}
    # Importing q.d from p runs q's __init__ first.
    assert runtime_imports("import q.d\n", "p", modules) == {"q", "q.d"}
    hidden = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import p.a\n"
    assert runtime_imports(hidden, "p", modules) == set()
    graph = {"p.a": {"p.b"}, "p.b": {"p.c"}, "p.c": {"p.a"}, "p": set()}
    assert cycles(graph) == [["p.a", "p.b", "p.c", "p.a"]]
    assert cycles({"p.a": {"p.b"}, "p.b": set()}) == []
