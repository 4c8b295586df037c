"""Safe YAML reading that reports problems with their position instead of crashing.

The file is read as an event stream from the safe parser (libyaml's when present) and turned into
plain Python data here, without ever building a node tree, so that nesting is refused before it
can grow, anchors and aliases are refused where they stand, and a YAML value that cannot be built
(an impossible date, an unsafe tag) becomes a problem at its line and column. Every value keeps
its position in ``marks`` under its data path, a tuple of mapping keys and list indexes.

What YAML 1.1 typed by itself (`NO` as false, `012` as 10) is kept as typed, and its source text is
remembered so that a type error can say why: "YAML reads NO as false; quote it".
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode

from tui.core.reading import MAX_BYTES, Confinement, Unreadable, read_regular

MAX_DEPTH = 64
# Far above any real file (a position with its evidence is some 30 values), far below what
# exhausts memory: 2 MiB of `[],` would otherwise be 700,000 lists.
MAX_VALUES = 100_000

Loader: type = yaml.CSafeLoader if yaml.__with_libyaml__ else yaml.SafeLoader

DataPath = tuple[Any, ...]

_STD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_STD + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
_MAP_TAG = _STD + "map"
_SEQ_TAG = _STD + "seq"

# YAML forbids these characters anywhere in a stream (the same set the safe readers use).
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_ASCII_NON_PRINTABLE = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def first_non_printable(text: str) -> re.Match[str] | None:
    """The first character YAML forbids in ``text``, if any.

    Nearly every file is ASCII (which ``str`` knows at no cost): deleting the ASCII controls
    from its bytes tells whether there is one several times faster than a search does.
    """
    if text.isascii():
        data = text.encode("ascii")
        if len(data.translate(None, _ASCII_NON_PRINTABLE)) == len(data):
            return None
    return _NON_PRINTABLE.search(text)


# Line breaks to YAML's reader that are none to an editor: NEL and the Unicode line and paragraph
# separators. Where the text has any, the parser's line numbers drift from what an editor shows,
# so positions are counted again from the mark's character index.
_OTHER_BREAKS = re.compile("[\x85\u2028\u2029]")
_EDITOR_BREAK = re.compile("\r\n|\r|\n")


class EditorLines:
    """0-based (line, column) of a character index, lines ending at LF, CR LF or CR (as in old
    Mac files), as editors count them."""

    __slots__ = ("_text", "_starts")

    def __init__(self, text: str):
        self._text: str | None = text
        self._starts: list[int] = []

    def position(self, index: int) -> tuple[int, int]:
        if self._text is not None:
            self._starts = [0, *(m.end() for m in _EDITOR_BREAK.finditer(self._text))]
            self._text = None
        line = bisect_right(self._starts, index) - 1
        return line, index - self._starts[line]


def editor_lines(text: str) -> EditorLines | None:
    """None when the parser's own line count is the editor's (nearly always)."""
    if text.isascii():  # known at no cost; the other breaks are all outside ASCII
        return None
    return EditorLines(text) if _OTHER_BREAKS.search(text) else None


def mark_position(mark: Any, lines: EditorLines | None) -> tuple[int, int]:
    """0-based (line, column) of a parser mark, as an editor counts them."""
    if lines is None:
        return mark.line, mark.column
    return lines.position(mark.index)


class _Invalid:
    """Stands in for a value that could not be built; it fails every schema type."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<invalid>"


INVALID: Any = _Invalid()


@dataclass(frozen=True)
class Problem:
    """A problem found while reading; ``data_path`` is None when the whole file is refused."""

    line: int
    col: int
    message: str
    data_path: DataPath | None = None


@dataclass
class YamlDocument:
    """The plain data of one YAML document with the position of every value.

    ``data`` is None when the file is refused as a whole (syntax error, not a mapping, ...).
    ``mark(path)`` is the 1-based (line, col) of the value at a data path, ``key_mark(path)`` that
    of the mapping key holding it. ``sources`` keeps the text of plain scalars that YAML typed as
    something other than a string, for hints; ``key_sources`` the same for keys.
    """

    data: dict[Any, Any] | None = None
    # The parser's own marks (0-based), converted only when asked: most are never needed.
    raw_marks: dict[DataPath, Any] = field(default_factory=dict)
    raw_key_marks: dict[DataPath, Any] = field(default_factory=dict)
    sources: dict[DataPath, str] = field(default_factory=dict)
    key_sources: dict[DataPath, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    line_offset: int = 0
    lines: EditorLines | None = None

    @property
    def refused(self) -> bool:
        return self.data is None

    def _position(self, mark: Any) -> tuple[int, int]:
        line, column = mark_position(mark, self.lines)
        return line + 1 + self.line_offset, column + 1

    def has_mark(self, path: DataPath) -> bool:
        return path in self.raw_marks

    def mark(self, path: DataPath) -> tuple[int, int]:
        """Position of the value at ``path``, or of the nearest enclosing value that has one."""
        marks = self.raw_marks
        mark = marks.get(path)
        if mark is not None and self.lines is None:  # asked for every record: kept short
            return mark.line + 1 + self.line_offset, mark.column + 1
        while path not in marks:
            if not path:
                return 1 + self.line_offset, 1
            path = path[:-1]
        return self._position(marks[path])

    def key_mark(self, path: DataPath) -> tuple[int, int]:
        """Position of the key holding the value at ``path`` (of the value when it has no key)."""
        mark = self.raw_key_marks.get(path)
        return self._position(mark) if mark is not None else self.mark(path)

    def problem_paths(self) -> list[DataPath]:
        return [p.data_path for p in self.problems if p.data_path is not None]


# -- bytes and text ----------------------------------------------------------------------------


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 text, or the position of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        col = len(data[line_start:start].decode("utf-8", errors="replace")) + 1
        return None, Problem(
            line,
            col,
            f"not UTF-8: byte 0x{data[start]:02X} cannot be decoded; save the file as UTF-8",
        )


def read_text(
    path: Path, max_bytes: int = MAX_BYTES, within: Path | Confinement | None = None
) -> tuple[str | None, Problem | None]:
    """The file's text; refused when not a regular file, unreadable, larger than ``max_bytes``,
    not UTF-8, or (with ``within``) a link leading out of that folder."""
    try:
        data = read_regular(path, max_bytes, within)
    except Unreadable as refused:
        return None, Problem(1, 1, refused.reason)
    return decode(data)


def load_file(path: Path, max_bytes: int = MAX_BYTES, within: Path | None = None) -> YamlDocument:
    text, problem = read_text(path, max_bytes, within)
    if text is None:
        return YamlDocument(problems=[problem] if problem else [])
    return load_text(text)


# -- YAML --------------------------------------------------------------------------------------


def load_text(text: str, line_offset: int = 0, max_depth: int = MAX_DEPTH) -> YamlDocument:
    """Read one YAML document whose top level must be a mapping.

    ``line_offset`` is added to every line, for YAML embedded in a larger file (front matter).
    """
    doc = YamlDocument()
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark: columns count from after it, as editors show them
    bad = first_non_printable(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        doc.problems.append(
            Problem(
                line + line_offset,
                col,
                f"control character U+{ord(bad.group()):04X} is not allowed in YAML",
            )
        )
        return doc
    lines = editor_lines(text)
    builder = _Builder(text, line_offset, max_depth, lines=lines)
    try:
        builder.run()
    except _Refused as refused:
        doc.problems.extend(builder.problems)
        doc.problems.append(refused.problem)
        return doc
    except yaml.MarkedYAMLError as error:
        if _is_libyaml_depth_error(error):
            return _depth_refusal(text, line_offset, max_depth, error, lines)
        doc.problems.extend(builder.problems)
        doc.problems.append(_syntax_problem(error, line_offset, lines))
        return doc
    except yaml.YAMLError as error:  # ReaderError: no mark, but the text was checked above
        doc.problems.append(Problem(1 + line_offset, 1, f"YAML error: {error}"))
        return doc
    finally:
        builder.dispose()
    doc.data = builder.result
    doc.raw_marks = builder.marks
    doc.raw_key_marks = builder.key_marks
    doc.sources = builder.sources
    doc.key_sources = builder.key_sources
    doc.problems = builder.problems
    doc.line_offset = line_offset
    doc.lines = lines
    return doc


def _is_libyaml_depth_error(error: yaml.MarkedYAMLError) -> bool:
    return "maximum nesting depth" in str(error.problem or "")


def _depth_refusal(
    text: str,
    line_offset: int,
    max_depth: int,
    error: yaml.MarkedYAMLError,
    lines: EditorLines | None,
) -> YamlDocument:
    """libyaml refuses nesting beyond its own limit while looking ahead, before our counter can
    see the level where the data crossed ours. The text up to its error point is nested deeply
    throughout, so reading that prefix again finds our level's exact position."""
    mark = error.problem_mark
    assert mark is not None
    prefix = text[: mark.index]
    builder = _Builder(prefix, line_offset, max_depth, lines=lines)
    try:
        builder.run()
    except _Refused as refused:
        return YamlDocument(problems=[refused.problem])
    except yaml.YAMLError:
        pass
    finally:
        builder.dispose()
    line, column = mark_position(mark, lines)
    return YamlDocument(
        problems=[
            Problem(
                line + 1 + line_offset,
                column + 1,
                f"nesting deeper than {max_depth} levels",
            )
        ]
    )


def _syntax_problem(
    error: yaml.MarkedYAMLError, line_offset: int, lines: EditorLines | None
) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, col = (1, 1)
    if mark:
        line, col = (n + 1 for n in mark_position(mark, lines))
    problem = error.problem or "invalid YAML"
    if error.context:
        problem = f"{error.context}: {problem}"
    return Problem(line + line_offset, col, f"YAML syntax error: {problem}")


class _Refused(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class _Frame:
    """An open mapping or sequence. ``path`` is None inside a discarded subtree.

    In a mapping, ``awaiting_value`` says whether the next node is a value (for the data path
    ``child``, None when its key was refused) or a key.
    """

    __slots__ = ("value", "path", "is_map", "invalid", "awaiting_value", "child", "start")

    def __init__(self, value: Any, path: DataPath | None, is_map: bool, start: Any):
        self.value = value
        self.path = path
        self.is_map = is_map
        self.invalid = False
        self.awaiting_value = False
        self.child: DataPath | None = None
        self.start = start


_STR_TAG = _STD + "str"
_INT_TAG = _STD + "int"
_TIMESTAMP_TAG = _STD + "timestamp"
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


class _Builder:
    """Plain data from parser events; the loop is written for speed, it runs once per node."""

    def __init__(
        self,
        text: str,
        line_offset: int,
        max_depth: int,
        max_values: int = MAX_VALUES,
        lines: EditorLines | None = None,
    ):
        self.loader = Loader(text)
        self.lines = lines
        self.max_values = max_values
        self.line_offset = line_offset
        self.max_depth = max_depth
        self.stack: list[_Frame] = []
        self.result: dict[Any, Any] | None = None
        self.marks: dict[DataPath, Any] = {}
        self.key_marks: dict[DataPath, Any] = {}
        self.sources: dict[DataPath, str] = {}
        self.key_sources: dict[DataPath, str] = {}
        self.problems: list[Problem] = []
        self.tag_cache: dict[str, str] = {}
        self.implicit_resolvers = self.loader.yaml_implicit_resolvers
        assert not getattr(self.loader, "yaml_path_resolvers", None)

    def dispose(self) -> None:
        self.loader.dispose()

    def pos(self, mark: Any) -> tuple[int, int]:
        line, column = mark_position(mark, self.lines)
        return line + 1 + self.line_offset, column + 1

    def refuse(self, mark: Any, message: str) -> _Refused:
        line, col = self.pos(mark)
        return _Refused(Problem(line, col, message))

    def report(self, mark: Any, message: str, path: DataPath | None) -> None:
        if path is None:  # inside a discarded subtree: its root was reported already
            return
        line, col = self.pos(mark)
        self.problems.append(Problem(line, col, message, path))

    # -- the event loop ------------------------------------------------------------------------

    def run(self) -> None:
        loader = self.loader
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            raise _Refused(
                Problem(1 + self.line_offset, 1, "the file is empty; expected a mapping")
            )
        document = loader.get_event()
        first = loader.peek_event()
        if not isinstance(first, yaml.MappingStartEvent):
            # An empty document's null stands where the document ends: point at its start.
            empty = isinstance(first, yaml.ScalarEvent) and first.value == "" and first.implicit[0]
            raise self.refuse(
                document.start_mark if empty else first.start_mark,
                f"expected a mapping at the top level, got {_event_kind(first)}",
            )
        get_event = loader.get_event
        stack = self.stack
        marks = self.marks
        sources = self.sources
        scalar_event, mapping_start, sequence_start = (
            yaml.ScalarEvent,
            yaml.MappingStartEvent,
            yaml.SequenceStartEvent,
        )
        key_marks = self.key_marks
        tag_cache = self.tag_cache
        resolve = self.resolve
        first_characters = self.implicit_resolvers
        max_depth = self.max_depth
        budget = self.max_values
        while True:
            event = get_event()
            budget -= 1
            if budget < 0:
                raise self.refuse(
                    event.start_mark, f"too many values: more than {self.max_values} in one file"
                )
            kind = type(event)
            if kind is scalar_event:
                frame = stack[-1]
                # Most scalars are strings with no anchor or tag: those are placed here, without
                # the general path's calls (this loop runs once per value of every file).
                text = event.value
                string = False
                if event.anchor is None and event.tag is None:
                    if event.implicit[0]:
                        tag = tag_cache.get(text)
                        if tag is None:
                            # Most long texts start with a character no implicit type starts with.
                            tag = resolve(text) if first_characters.get(text[:1]) else _STR_TAG
                            if len(text) <= 40:
                                tag_cache[text] = tag
                        string = tag == _STR_TAG
                    else:
                        string = True
                if frame.is_map and not frame.awaiting_value:
                    if string and frame.path is not None and text not in frame.value:
                        key_path = (*frame.path, text)
                        frame.awaiting_value = True
                        frame.child = key_path
                        key_marks[key_path] = event.start_mark
                    else:
                        self.key(frame, event)
                    continue
                path: DataPath | None
                if string:
                    if frame.is_map:
                        path = frame.child
                        frame.awaiting_value = False
                        if path is not None:
                            frame.value[path[-1]] = text
                            marks[path] = event.start_mark
                    elif frame.path is not None:
                        values = frame.value
                        path = (*frame.path, len(values))
                        values.append(text)
                        marks[path] = event.start_mark
                    continue
                if frame.is_map:
                    path = frame.child
                    frame.awaiting_value = False
                elif frame.path is not None:
                    path = (*frame.path, len(frame.value))
                else:
                    path = None
                value, source = self.scalar(event, path)
                if path is None:
                    continue
                if frame.is_map:
                    frame.value[path[-1]] = value
                else:
                    frame.value.append(value)
                marks[path] = event.start_mark
                if source is not None:
                    sources[path] = source
            elif kind is mapping_start or kind is sequence_start:
                is_map = kind is mapping_start
                parent = stack[-1] if stack else None
                if (
                    parent is not None
                    and event.anchor is None
                    and event.tag is None
                    and len(stack) < max_depth
                    and not (parent.is_map and not parent.awaiting_value)
                ):
                    # A plain collection as a value, the common case, opened here (see open).
                    if parent.is_map:
                        path = parent.child
                    elif parent.path is not None:
                        path = (*parent.path, len(parent.value))
                    else:
                        path = None
                    if path is not None:
                        marks[path] = event.start_mark
                    stack.append(_Frame({} if is_map else [], path, is_map, event.start_mark))
                else:
                    self.open(event, is_map)
            elif kind is yaml.AliasEvent:
                self.alias(event)
            else:  # the end of a mapping or a sequence
                frame = stack.pop()
                value = INVALID if frame.invalid else frame.value
                if not stack:
                    self.result = value if isinstance(value, dict) else {}
                    break
                parent = stack[-1]
                if parent.is_map and not parent.awaiting_value:
                    self.refused_key(parent)
                elif frame.path is not None:
                    if parent.is_map:
                        parent.value[frame.path[-1]] = value
                        parent.awaiting_value = False
                    else:
                        parent.value.append(value)
                elif parent.is_map:
                    parent.awaiting_value = False
        loader.get_event()  # document end
        if not loader.check_event(yaml.StreamEndEvent):
            event = loader.peek_event()
            raise self.refuse(event.start_mark, "several documents in one file; keep one")

    def child_path(self) -> DataPath | None:
        """The data path of a value node that starts now (None when it is to be discarded)."""
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if parent.is_map:
            return parent.child
        if parent.path is None:
            return None
        return (*parent.path, len(parent.value))

    def open(self, event: Any, is_map: bool) -> None:
        stack = self.stack
        if len(stack) >= self.max_depth:
            raise self.refuse(event.start_mark, f"nesting deeper than {self.max_depth} levels")
        if stack and stack[-1].is_map and not stack[-1].awaiting_value:
            # A collection as a mapping key: refuse it and drop its subtree and its value.
            kind = "mapping" if is_map else "list"
            self.report(
                event.start_mark,
                f"a mapping key must be a plain value, not a {kind}",
                stack[-1].path,
            )
            path = None
        else:
            path = self.child_path()
        if event.anchor is not None:
            self.report_anchor(event, path)
        frame = _Frame({} if is_map else [], path, is_map, event.start_mark)
        if event.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
            self.report(event.start_mark, f"tag {_short_tag(event.tag)} is not allowed", path)
            frame.invalid = True
        if path is not None:
            self.marks[path] = event.start_mark
        stack.append(frame)

    def refused_key(self, parent: _Frame) -> None:
        """A collection key ended: its value, next, is discarded."""
        parent.awaiting_value = True
        parent.child = None

    def alias(self, event: Any) -> None:
        parent = self.stack[-1]
        if parent.is_map and not parent.awaiting_value:
            self.report(
                event.start_mark,
                f"aliases are not allowed (*{event.anchor}); write the value out",
                parent.path,
            )
            self.refused_key(parent)
            return
        path = self.child_path()
        self.report(
            event.start_mark,
            f"aliases are not allowed (*{event.anchor}); write the value out",
            path,
        )
        if path is None:
            if parent.is_map:
                parent.awaiting_value = False
            return
        if parent.is_map:
            parent.value[path[-1]] = INVALID
            parent.awaiting_value = False
        else:
            parent.value.append(INVALID)
        self.marks[path] = event.start_mark

    def report_anchor(self, event: Any, path: DataPath | None) -> None:
        self.report(
            event.start_mark,
            f"anchors are not allowed (&{event.anchor}); write the value out",
            path,
        )

    def key(self, frame: _Frame, event: Any) -> None:
        """A scalar in key position: check it and set where the value that follows goes."""
        frame.awaiting_value = True
        frame.child = None
        if frame.path is None:
            return
        key, source = self.scalar(event, frame.path)
        if key is INVALID:
            return
        path = (*frame.path, key)
        if key in frame.value:
            self.report(event.start_mark, self.duplicate_message(frame, key, source), path)
            return
        frame.child = path
        self.key_marks[path] = event.start_mark
        if source is not None:
            self.key_sources[path] = source

    def scalar(self, event: Any, path: DataPath | None) -> tuple[Any, str | None]:
        """The value of a scalar as YAML types it, and its text when YAML typed a plain one."""
        if event.anchor is not None:
            self.report_anchor(event, path)
        tag = event.tag
        value = event.value
        plain = False
        if tag is None or tag == "!":
            if not event.implicit[0]:
                return value, None  # quoted: always a string
            plain = tag is None
            tag = self.tag_cache.get(value)
            if tag is None:
                tag = self.resolve(value)
                if len(value) <= 40:
                    self.tag_cache[value] = tag
        if tag == _STR_TAG:
            return value, None
        return self.typed_scalar(event, tag, path), (value if plain else None)

    def resolve(self, value: str) -> str:
        """The tag YAML 1.1 gives a plain scalar: the safe resolver's rules, without its cost."""
        candidates = self.implicit_resolvers.get(value[:1])
        if candidates:
            for tag, pattern in candidates:
                if pattern.match(value):
                    return tag
        return _STR_TAG

    def typed_scalar(self, event: Any, tag: str, path: DataPath | None) -> Any:
        if tag == _STD + "merge":
            self.report(event.start_mark, "merge keys (<<) are not allowed; quote it", path)
            return INVALID
        if tag == _STD + "value":
            self.report(event.start_mark, "YAML reserves a plain = ; quote it", path)
            return INVALID
        if tag not in _SCALAR_TAGS:
            self.report(event.start_mark, f"tag {_short_tag(tag)} is not allowed", path)
            return INVALID
        value = event.value
        # The two commonest typed scalars, built directly; the rest by the safe constructor.
        if tag == _TIMESTAMP_TAG and len(value) == 10:
            try:
                return dt.date.fromisoformat(value)
            except ValueError as error:
                self.report(event.start_mark, f"impossible date {value}: {error}", path)
                return INVALID
        if tag == _INT_TAG and len(value) < 20 and _DECIMAL.fullmatch(value):
            return int(value)
        node = ScalarNode(tag, value, event.start_mark, event.end_mark)
        try:
            return _CONSTRUCT[tag](self.loader, node)
        except (ValueError, KeyError, TypeError, OverflowError, yaml.YAMLError) as error:
            if tag == _STD + "timestamp":
                reason = str(error) if isinstance(error, ValueError) else "not a date"
                self.report(event.start_mark, f"impossible date {event.value}: {reason}", path)
            else:
                self.report(
                    event.start_mark, f"cannot read {shown(event.value)} as {_short_tag(tag)}", path
                )
            return INVALID

    def duplicate_message(self, parent: _Frame, key: Any, source: str | None) -> str:
        assert parent.path is not None
        path = (*parent.path, key)
        text = source if source is not None else str(key)
        first = self.pos(self.key_marks[path])
        first_key = next(k for k in parent.value if k == key)
        first_text = self.key_sources.get(path, str(first_key))
        where = f"{first[0]}:{first[1]}"
        if first_text == text:
            return f"duplicate key {shown(text)} (first at {where})"
        if type(first_key) is not type(key):
            # true == 1 in the loaded data, so the two keys cannot both be kept.
            return (
                f"key {shown(text)} clashes with the key {shown(first_text)} at {where}; quote them"
            )
        return (
            f"duplicate key {shown(text)}: YAML reads it as the same key as {shown(first_text)} "
            f"at {where}"
        )


_CONSTRUCT = {
    _STD + "null": SafeConstructor.construct_yaml_null,
    _STD + "bool": SafeConstructor.construct_yaml_bool,
    _STD + "int": SafeConstructor.construct_yaml_int,
    _STD + "float": SafeConstructor.construct_yaml_float,
    _STD + "timestamp": SafeConstructor.construct_yaml_timestamp,
}


def _event_kind(event: Any) -> str:
    if isinstance(event, yaml.SequenceStartEvent):
        return "a list"
    if isinstance(event, yaml.AliasEvent):
        return "an alias"
    if isinstance(event, yaml.ScalarEvent):
        return "an empty document" if event.value == "" and event.implicit[0] else "a single value"
    return "something else"


def _short_tag(tag: str | None) -> str:
    if tag and tag.startswith(_STD):
        return "!!" + tag[len(_STD) :]
    return str(tag)


# -- hints -------------------------------------------------------------------------------------


def shown(text: object, limit: int = 60) -> str:
    """A value quoted for a message, cut short: a message names a value, it does not copy it."""
    text = str(text)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"


def describe(value: Any) -> str:
    """A value's YAML kind in words, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, dt.datetime):
        return "a date and time"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "an invalid value"


def shown_source(source: str) -> str:
    return source if len(source) <= 40 else source[:39] + "…"


def typing_hint(source: str | None, value: Any) -> str:
    """Why YAML gave a plain value a type the author probably did not mean."""
    if source is None:
        return ""
    if source == "":
        return "the value is empty"
    if isinstance(value, bool):
        what = "true" if value else "false"
    elif value is None:
        what = "null"
    elif isinstance(value, dt.datetime):
        what = "a date and time"
    elif isinstance(value, dt.date):
        what = "a date"
    elif isinstance(value, int) and value.bit_length() > 64:
        what = "a very large number"
    elif isinstance(value, (int, float)):
        what = f"the number {value}"
    else:
        return ""
    return f"YAML reads {shown_source(source)} as {what}; quote it"
