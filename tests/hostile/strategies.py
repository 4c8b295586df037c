"""Hypothesis strategies: the project's own data tree, then broken in a few ways at once.

A tree starts as the bundled positions/ and seeds/, read into plain data. Mutations then change a
value anywhere (to a hostile string, a wrong type, a huge number, bytes, a set...), drop a key,
duplicate a list item, or damage a file's text (truncate it, insert bytes, duplicate or delete a
line). Each mutation records what it touched, so that a test can tell which records must still
load: every record that was not touched and does not depend on a touched one.

Records are followed by the identity of their dicts, not by list position, so that inserting a
copy of a list item does not confuse which record is which.
"""

from __future__ import annotations

import copy
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from tests.fixtures import FIRST_ARTICLE
from tests.hostile import payloads

SEED_FENCE = "---\n"
# Values a mutation may write must not coincide with the data's own ids and dates: a copy of an
# existing id would make the loader drop one of two records, legitimately, and maybe the untouched.
_RESERVED_DATES = {dt.date(2025, 8, 25), dt.date(2025, 9, 21), dt.date(2025, 9, 22)}


@dataclass
class TreeFile:
    rel: str
    kind: str  # "actor", "issues" or "seed"
    data: Any
    body: str | None = None  # seeds: the article text after the front matter
    raw: bytes | None = None  # set once the text itself was damaged
    unicode: bool = True  # written with raw non-ASCII (else escaped)
    # Set when the file is replaced by something that is not a regular file (see SPECIALS).
    special: str | None = None

    def render(self) -> bytes:
        if self.raw is not None:
            return self.raw
        return self.text().encode("utf-8", "surrogatepass")

    def text(self) -> str:
        dumped = yaml.safe_dump(
            self.data, allow_unicode=self.unicode, sort_keys=False, width=100_000
        )
        if self.kind == "seed":
            return SEED_FENCE + dumped + SEED_FENCE + (self.body or "")
        return dumped


@dataclass(repr=False)
class Tree:
    """A data tree being broken, with what was touched."""

    files: list[TreeFile]
    # id() of a record's dict -> its key, for the records of the pristine tree.
    record_of: dict[int, tuple[str, ...]] = field(default_factory=dict)
    touched: set[tuple[str, ...]] = field(default_factory=set)
    whole: set[str] = field(default_factory=set)  # files damaged as a whole
    bodies: set[str] = field(default_factory=set)  # seeds whose article text changed
    log: list[str] = field(default_factory=list)

    def __repr__(self) -> str:
        return "Tree(" + "; ".join(self.log) + ")"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        # Hypothesis prints a failing example with this: the mutations, not the whole data.
        printer.text(repr(self))

    def write(self, root: Path) -> Path:
        """The tree's files under ``root``; links that leave it point beside it, in its parent,
        so ``root`` must be a folder of its own inside a temporary one."""
        for folder in ("positions", "seeds"):
            (root / folder).mkdir(parents=True, exist_ok=True)
        for tree_file in self.files:
            path = root / tree_file.rel
            if tree_file.special is not None:
                SPECIALS[tree_file.special](path, tree_file.render())
            else:
                path.write_bytes(tree_file.render())
        return root

    def file(self, rel: str) -> TreeFile:
        return next(f for f in self.files if f.rel == rel)

    # -- what must survive ----------------------------------------------------------------------

    def actor_touched(self, rel: str) -> bool:
        return rel in self.whole or ("actor", rel) in self.touched

    def position_touched(self, rel: str, key: tuple[str, ...]) -> bool:
        return self.actor_touched(rel) or ("position", rel, *key) in self.touched

    def issue_touched(self, issue_id: str) -> bool:
        rel = "positions/issues.yaml"
        return (
            rel in self.whole
            or ("catalogue",) in self.touched
            or ("issue", issue_id) in self.touched
        )

    def seed_touched(self, rel: str) -> bool:
        return rel in self.whole or ("seed", rel) in self.touched


def bundled_tree() -> Tree:
    """The project's data as a Tree, every record registered."""
    tree = Tree(files=[])
    for path in sorted((FIRST_ARTICLE / "positions").glob("*.yaml")):
        rel = f"positions/{path.name}"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kind = "issues" if path.name == "issues.yaml" else "actor"
        tree.files.append(TreeFile(rel, kind, data))
        if kind == "issues":
            for issue in data["issues"]:
                tree.record_of[id(issue)] = ("issue", issue["id"])
        else:
            for position in data.get("positions", []):
                key = ("position", rel, position["issue"], position["as_of"].isoformat())
                tree.record_of[id(position)] = key
    for path in sorted((FIRST_ARTICLE / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _, front, body = text.split(SEED_FENCE, 2)
        tree.files.append(TreeFile(f"seeds/{path.name}", "seed", yaml.safe_load(front), body))
    return tree


# -- what a data file may be instead of a regular file -------------------------------------------


def _outside(path: Path) -> Path:
    """A place beside the tree (the tree is written into a folder of its own)."""
    return path.parent.parent.parent / f"outside-{path.parent.name}-{path.name}"


def _fifo(path: Path, _content: bytes) -> None:
    os.mkfifo(path)


def _folder(path: Path, content: bytes) -> None:
    path.mkdir()
    (path / "inner.yaml").write_bytes(content)


def _link_outside(path: Path, content: bytes) -> None:
    target = _outside(path)
    target.write_bytes(content)
    path.symlink_to(target)


def _link_to_fifo_outside(path: Path, _content: bytes) -> None:
    target = _outside(path)
    os.mkfifo(target)
    path.symlink_to(target)


def _dangling(path: Path, _content: bytes) -> None:
    path.symlink_to(path.parent / "no-such-file")


def _loop(path: Path, _content: bytes) -> None:
    other = path.with_name(f"loop-{path.name}")
    other.symlink_to(path)
    path.symlink_to(other)


def _link_within(path: Path, content: bytes) -> None:
    """A link that stays in the tree is read like the file itself: the one that must load."""
    kept = path.parent.parent / "kept"
    kept.mkdir(exist_ok=True)
    (kept / path.name).write_bytes(content)
    path.symlink_to(Path("..") / "kept" / path.name)


SPECIALS = {
    "fifo": _fifo,
    "folder": _folder,
    "link-to-dev-zero": lambda path, _content: path.symlink_to("/dev/zero"),
    "link-outside": _link_outside,
    "link-to-fifo-outside": _link_to_fifo_outside,
    "dangling-link": _dangling,
    "link-loop": _loop,
    "link-within": _link_within,
}
# What still loads as the file it replaces; every other kind costs the file.
SPECIALS_READ = {"link-within"}


# -- walking the data --------------------------------------------------------------------------


def walk(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every (path, value) in nested dicts and lists, the root included."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from walk(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from walk(child, (*path, index))


def containers_on(root: Any, path: tuple) -> list[Any]:
    """The dicts and lists from the root down to (not including) the value at ``path``."""
    chain, node = [], root
    for key in path:
        chain.append(node)
        node = node[key]
    return chain


def mark_touched(tree: Tree, tree_file: TreeFile, path: tuple) -> None:
    """Record which records a change at ``path`` of ``tree_file`` may cost."""
    chain = containers_on(tree_file.data, path)
    for node in chain[1:]:
        key = tree.record_of.get(id(node))
        if key is not None:
            tree.touched.add(key)
    if tree_file.kind == "seed":
        tree.touched.add(("seed", tree_file.rel))
    elif tree_file.kind == "issues":
        if len(path) <= 1 or path[0] != "issues":
            tree.touched.add(("catalogue",))
    elif len(path) <= 1 or path[0] != "positions":  # the actor's own fields, or all positions
        tree.touched.add(("actor", tree_file.rel))
    # A new value that holds records of the pristine tree (say, a list of positions moved under
    # another key) would keep their dicts: count them as touched too.
    try:
        node = tree_file.data
        for key in path:
            node = node[key]
    except (KeyError, IndexError, TypeError):
        return
    for _, inner in walk(node):
        key = tree.record_of.get(id(inner))
        if key is not None:
            tree.touched.add(key)


# -- values ------------------------------------------------------------------------------------

printable_strings = st.one_of(
    st.sampled_from(payloads.ALL + list(payloads.TERMINAL_MARKERS.values())),
    st.sampled_from(payloads.LINKS),
    # Line separators that YAML counts as line breaks and editors do not, mid-value.
    st.tuples(st.text(max_size=6), st.sampled_from("\x85\u2028\u2029"), st.text(max_size=6)).map(
        "".join
    ),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=12).map(
        lambda s: s + payloads.ALL[len(s) % len(payloads.ALL)]
    ),
    st.builds(lambda n: "x" * n, st.integers(400, 25_000)),  # over the length limits
    st.sampled_from(["NO", "yes", "on", "~", "null", "012", "0x1F", "1_000", "12:30:00", ".inf"]),
    st.just("no-such-id"),
)
hostile_strings = st.one_of(
    printable_strings, st.sampled_from(payloads.LONE_SURROGATES), st.text(max_size=40)
)

scalar_values = st.one_of(
    hostile_strings,
    st.integers(min_value=-3, max_value=3),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.dates().filter(lambda d: d not in _RESERVED_DATES),
    st.datetimes(),
    st.binary(max_size=8),  # dumped as !!binary
)

any_values = st.recursive(
    scalar_values,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            # Keys that are not strings too: null, numbers, booleans, dates.
            st.one_of(
                st.text(max_size=6),
                st.integers(-2, 2),
                st.booleans(),
                st.none(),
                st.floats(-2, 2),
                st.dates(),
            ),
            inner,
            max_size=3,
        ),
        st.sets(st.integers(-2, 2), max_size=3),  # dumped as !!set
    ),
    max_leaves=6,
)

# Bytes that YAML, UTF-8 or the seed format may trip on, for insertion into a file's text.
hostile_snippets = st.sampled_from(
    [
        b"\xff",
        b"\x00",
        b"\xed\xa0\x80",
        b"\xc2\x9b",
        b"\x1b[31m",
        b"\t",
        b"\r",
        b"\r\n",
        b"\xc2\xa0\xc2\xa0",
        b"\xef\xbb\xbf",
        b"\xe2\x80\xae",
        b"&anchor ",
        b"*alias",
        b"<<: ",
        b"!!python/object/apply:os.system ['true'] ",
        b"!!binary ",
        b"!Local ",
        b"- ",
        b"? ",
        b": ",
        b"{",
        b"[",
        b"]",
        b"'",
        b'"',
        b"%YAML 1.1\n",
        b"---\n",
        b"...\n",
        b"#",
        b"[" * 200,
        b"- " * 100,
        b"9" * 5000,
        b"0x" + b"f" * 5000,
        b"\n" + b"x" * 30_000,
    ]
)


def _has_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return any(0xD800 <= ord(char) < 0xE000 for char in value)
    if isinstance(value, dict):
        return any(_has_surrogate(k) or _has_surrogate(v) for k, v in value.items())
    if isinstance(value, (list, set)):
        return any(_has_surrogate(item) for item in value)
    return False


# -- mutations ---------------------------------------------------------------------------------


@st.composite
def set_value(draw: st.DrawFn, tree: Tree) -> None:
    tree_file = draw(st.sampled_from([f for f in tree.files if f.raw is None]))
    paths = [p for p, _ in walk(tree_file.data) if p]
    if not paths:  # an earlier mutation left the file's data empty or a bare scalar
        return
    path = draw(st.sampled_from(paths))
    value = draw(any_values)
    mark_touched(tree, tree_file, path)
    if _has_surrogate(value):
        # Written raw it is not UTF-8, escaped libyaml refuses it: the whole file goes.
        tree.whole.add(tree_file.rel)
    parent = containers_on(tree_file.data, path)[-1]
    parent[path[-1]] = value
    tree.log.append(f"set {tree_file.rel}:{path} = {value!r:.80}")


@st.composite
def drop_key(draw: st.DrawFn, tree: Tree) -> None:
    tree_file = draw(st.sampled_from([f for f in tree.files if f.raw is None]))
    paths = [
        p
        for p, _ in walk(tree_file.data)
        if p and isinstance(containers_on(tree_file.data, p)[-1], (dict, list))
    ]
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    mark_touched(tree, tree_file, path)
    parent = containers_on(tree_file.data, path)[-1]
    del parent[path[-1]]
    tree.log.append(f"drop {tree_file.rel}:{path}")


@st.composite
def duplicate_item(draw: st.DrawFn, tree: Tree) -> None:
    """A copy of a list item right after it: the copy is the duplicate, the original stays."""
    tree_file = draw(st.sampled_from([f for f in tree.files if f.raw is None]))
    paths = [
        p
        for p, _ in walk(tree_file.data)
        if p and isinstance(containers_on(tree_file.data, p)[-1], list)
    ]
    if not paths:
        return
    path = draw(st.sampled_from(paths))
    parent = containers_on(tree_file.data, path)[-1]
    # Growing a list changes the record that holds it (one more evidence item, one more alias).
    mark_touched(tree, tree_file, path[:-1])
    parent.insert(path[-1] + 1, copy.deepcopy(parent[path[-1]]))
    tree.log.append(f"duplicate {tree_file.rel}:{path}")


@st.composite
def inject_into_body(draw: st.DrawFn, tree: Tree) -> None:
    seeds = [f for f in tree.files if f.kind == "seed" and f.raw is None and f.body is not None]
    if not seeds:
        return
    tree_file = draw(st.sampled_from(seeds))
    body = tree_file.body or ""
    at = draw(st.integers(0, len(body)))
    text = draw(printable_strings)
    tree_file.body = body[:at] + text + body[at:]
    tree.bodies.add(tree_file.rel)
    tree.log.append(f"body {tree_file.rel}@{at} += {text!r:.80}")


@st.composite
def damage_text(draw: st.DrawFn, tree: Tree) -> None:
    tree_file = draw(st.sampled_from(tree.files))
    raw = tree_file.render()
    how = draw(st.sampled_from(["truncate", "insert", "duplicate-line", "delete-line"]))
    lines = raw.split(b"\n")
    if how == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif how == "insert":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(hostile_snippets) + raw[at:]
    elif how == "duplicate-line":
        at = draw(st.integers(0, len(lines) - 1))
        raw = b"\n".join(lines[: at + 1] + lines[at:])
    else:
        at = draw(st.integers(0, len(lines) - 1))
        raw = b"\n".join(lines[:at] + lines[at + 1 :])
    tree_file.raw = raw
    tree.whole.add(tree_file.rel)
    tree.log.append(f"{how} {tree_file.rel}")


@st.composite
def not_regular(draw: st.DrawFn, tree: Tree) -> None:
    """A data file replaced by a FIFO, a folder or a link that leaves the tree, loops or dangles:
    none may hang a command or be read, and only that file may be lost."""
    candidates = [f for f in tree.files if f.special is None]
    if not candidates:
        return
    tree_file = draw(st.sampled_from(candidates))
    tree_file.special = draw(st.sampled_from(sorted(SPECIALS)))
    if tree_file.special not in SPECIALS_READ:
        tree.whole.add(tree_file.rel)
    tree.log.append(f"{tree_file.special} {tree_file.rel}")


@st.composite
def broken_trees(draw: st.DrawFn, max_mutations: int = 4) -> Tree:
    """The bundled tree with one to ``max_mutations`` things broken."""
    tree = bundled_tree()
    steps = draw(st.integers(1, max_mutations))
    for _ in range(steps):
        mutation = draw(
            st.sampled_from(
                [
                    set_value,
                    set_value,
                    drop_key,
                    duplicate_item,
                    inject_into_body,
                    damage_text,
                    not_regular,
                ]
            )
        )
        draw(mutation(tree))
    for tree_file in tree.files:
        if tree_file.raw is None and draw(st.booleans()):
            tree_file.unicode = False
    return tree
