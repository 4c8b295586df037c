"""Schema validation of one record, with each error placed at its YAML node in plain words.

pydantic reports an error at a location (`('positions', 2, 'stance')`); the YAML reader kept the
line and column of every value under the same kind of path, so the two meet here. Messages are
short and say what to do: `unknown field 'stnace'`, `stance 3 is out of range -2..+2`,
`expected a string, got a boolean (YAML reads NO as false; quote it)`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from tui.core.diagnostics import Diagnostic, Severity
from tui.core.models import STANCE_MAX, STANCE_MIN
from tui.core.yamlsafe import (
    INVALID,
    DataPath,
    YamlDocument,
    describe,
    shown,
    shown_source,
    typing_hint,
)

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "a string",
    "int_type": "an integer",
    "float_type": "a number",
    "bool_type": "true or false",
    "date_type": "a date (YYYY-MM-DD)",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "none_required": "null",
}
_BOUNDS = {
    "less_than_equal": ("le", "at most"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "below"),
    "greater_than": ("gt", "above"),
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def validate_record(
    model: type[M],
    data: Any,
    doc: YamlDocument,
    base: DataPath,
    file: str,
    reported: Iterable[DataPath] = (),
) -> tuple[M | None, list[Diagnostic]]:
    """Validate ``data`` (found at ``base`` in ``doc``) against ``model``.

    Errors at or under a path in ``reported`` are left out: the YAML reader has already said what
    is wrong there (an impossible date, an alias), and saying it twice helps nobody.
    """
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        reported = tuple(reported)
        diagnostics = []
        for error in exc.errors(include_url=False):
            placed = _place(error, data, doc, base)
            if placed is None:
                continue
            path, (line, col), message = placed
            if any(path[: len(p)] == p for p in reported):
                continue
            diagnostics.append(Diagnostic(file, line, col, Severity.ERROR, message))
        if not diagnostics and not reported:
            # Every error was about an invalid value the caller did not report; never drop a
            # record without saying why.
            line, col = doc.mark(base)
            diagnostics.append(Diagnostic(file, line, col, Severity.ERROR, "invalid record"))
        return None, sorted(set(diagnostics))


def _place(
    error: Any, data: Any, doc: YamlDocument, base: DataPath
) -> tuple[DataPath, tuple[int, int], str] | None:
    """The data path, position and message of one pydantic error."""
    loc = error["loc"]
    kind = error["type"]
    if kind == "invalid_key":
        return _place_key(loc, error.get("input"), data, doc, base)
    node, path = data, base
    on_key = False
    for element in loc:
        if element == "[key]":
            on_key = True
            break
        if isinstance(node, dict) and _has_key(node, element):
            node, path = node[element], (*path, element)
        elif isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
            node, path = node[element], (*path, element)
        # Anything else is a name pydantic gives a union member or a missing field.
    value = error.get("input")
    if value is INVALID:
        return None
    field = _field_name(loc)
    if kind == "missing":
        return path, doc.mark(path), f"missing field {shown(loc[-1])}"
    if kind == "extra_forbidden":
        key = doc.key_sources.get(path, str(path[-1]) if path else "?")
        return path, doc.key_mark(path), f"unknown field {shown(key)}"
    position = doc.key_mark(path) if on_key else doc.mark(path)
    if on_key:
        field = f"{field} key"
    return path, position, _message(kind, error, value, field, doc.sources.get(path), on_key)


def _place_key(
    loc: tuple, key: Any, data: Any, doc: YamlDocument, base: DataPath
) -> tuple[DataPath, tuple[int, int], str] | None:
    """A mapping key that YAML typed as something other than text (``null:``, ``3:``, ``yes:``):
    at the key's own position, named as the file writes it. pydantic gives its parent path
    then the key (as a repr when it is not an int), so the parent is walked and the key found
    in it by its value."""
    node, path = data, base
    for element in loc[:-1]:
        if isinstance(node, dict) and _has_key(node, element):
            node, path = node[element], (*path, element)
        elif isinstance(node, list) and isinstance(element, int) and 0 <= element < len(node):
            node, path = node[element], (*path, element)
    if not isinstance(node, dict):
        return None
    found = next((k for k in node if type(k) is type(key) and k == key), key)
    key_path = (*path, found)
    written = doc.key_sources.get(key_path)
    what = describe(found)
    if written is None:
        written = "" if found is None else str(found)
    message = (
        f"key {shown(written)} is read by YAML as {what}, not as a field name; "
        "quote it or remove it"
        if written
        else f"an empty key is read by YAML as {what}, not as a field name; remove it"
    )
    return key_path, doc.key_mark(key_path), message


def _has_key(mapping: dict, key: Any) -> bool:
    try:
        return key in mapping
    except TypeError:
        return False


def _field_name(loc: tuple) -> str:
    names = [element for element in loc if isinstance(element, str) and element != "[key]"]
    return names[-1] if names else "value"


def _value(value: Any) -> str:
    """A value for a message: strings quoted and cut short, huge numbers not spelled out."""
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return "(a very large number)"
    return shown(value)[1:-1]


def _message(
    kind: str, error: Any, value: Any, field: str, source: str | None, on_key: bool
) -> str:
    ctx = error.get("ctx") or {}
    if kind in _BOUNDS:
        name, words = _BOUNDS[kind]
        bound = ctx.get(name)
        # `012` is 10 to YAML 1.1: say so, or the message would name a number nobody wrote.
        written = (
            f" (YAML reads {shown_source(source)} as {_value(value)})"
            if (source is not None and source != _value(value))
            else ""
        )
        if (name in ("le", "lt") and bound == STANCE_MAX) or (
            name in ("ge", "gt") and bound == STANCE_MIN
        ):
            return f"{field} {_value(value)} is out of range {STANCE_MIN}..+{STANCE_MAX}{written}"
        return f"{field} {_value(value)} must be {words} {bound}{written}"
    if kind == "date_type" and isinstance(value, str) and _ISO_DATE.match(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError as reason:
            return f"impossible date {value}: {reason}"
    if kind in _EXPECTED:
        hint = typing_hint(source, value)
        got = describe(value)
        if on_key:
            return f"{field} {_value(value)}: expected {_EXPECTED[kind]}, got {got}"
        return f"expected {_EXPECTED[kind]}, got {got}" + (f" ({hint})" if hint else "")
    if kind == "string_pattern_mismatch":
        return (
            f"{field} {shown(value)} is not a valid id: use lower-case letters, digits and hyphens"
        )
    if kind == "string_too_short":
        return f"{field} must not be empty"
    if kind == "string_too_long":
        return f"{field} is too long: {len(value)} characters, at most {ctx.get('max_length')}"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"{field} needs at least {count} item{'s' if count != 1 else ''}"
    if kind == "too_long":
        count = ctx.get("max_length")
        return f"{field} has too many items: at most {count}"
    if kind == "literal_error":
        return f"{field} must be {ctx.get('expected')}, got {_value(value)}"
    if kind in ("value_error", "assertion_error") and "error" in ctx:
        return str(ctx["error"])
    message = str(error.get("msg", "invalid value"))
    return f"{field}: {message[:1].lower()}{message[1:]}"
