"""Seed files: a source article with its metadata.

    ---
    <YAML front matter, checked against SeedMeta>
    ---
    <the article body, verbatim>

The body is everything after the closing `---` line, kept exactly as it is in the file (no
newline translation, no stripping), so that offsets into it are offsets into the article.
Diagnostics of the front matter carry the file's own line numbers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from tui.core.diagnostics import Diagnostic, Severity
from tui.core.models import SeedMeta
from tui.core.sanitize import clean
from tui.core.validation import validate_record
from tui.core.yamlsafe import YamlDocument, decode, load_text

FENCE = "---"


@dataclass
class ParsedSeed:
    """The outcome of reading one seed file: meta and body when valid, and the diagnostics."""

    meta: SeedMeta | None
    body: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    front_matter: YamlDocument | None = None

    def id_position(self) -> tuple[int, int]:
        if self.front_matter is None:
            return 1, 1
        return self.front_matter.mark(("id",))


def split(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, line offset of the front matter), or None when there are no fences.

    The opening fence is the first line; the closing fence is the next line that is `---` alone
    (a CR before its newline is allowed, for files saved with CR LF).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    first_end = text.find("\n")
    if first_end < 0 or text[:first_end].rstrip("\r") != FENCE:
        return None
    position = first_end + 1
    while position <= len(text):
        end = text.find("\n", position)
        line = text[position:] if end < 0 else text[position:end]
        if line.rstrip("\r") == FENCE:
            body_start = len(text) if end < 0 else end + 1
            return text[first_end + 1 : position], text[body_start:], 1
        if end < 0:
            return None
        position = end + 1
    return None


def parse_seed(data: bytes | str, file: str) -> ParsedSeed:
    """Read a seed file's bytes (or text) into its metadata and verbatim body."""
    if isinstance(data, bytes):
        text, problem = decode(data)
        if text is None:
            assert problem is not None
            return ParsedSeed(
                None, None, [_diagnostic(file, problem.line, problem.col, problem.message)]
            )
    else:
        text = data
    parts = split(text)
    if parts is None:
        return ParsedSeed(
            None,
            None,
            [
                _diagnostic(
                    file,
                    1,
                    1,
                    "a seed starts with a `---` line, its front matter, and a closing `---` line",
                )
            ],
        )
    front, body, offset = parts
    doc = load_text(front, line_offset=offset)
    diagnostics = [_diagnostic(file, p.line, p.col, p.message) for p in doc.problems]
    if doc.data is None:
        return ParsedSeed(None, body, diagnostics, doc)
    meta, errors = validate_record(SeedMeta, doc.data, doc, (), file, doc.problem_paths())
    diagnostics.extend(errors)
    if doc.problems:
        meta = None
    if meta is not None and meta.sha256 is not None and body_sha256(body) != meta.sha256:
        line, col = doc.mark(("sha256",))
        diagnostics.append(
            _diagnostic(
                file,
                line,
                col,
                "the body no longer matches the sha256 recorded when the seed was added: the "
                "text was edited (restore it, or add the new version as a new seed)",
            )
        )
    if meta is not None and not body.strip():
        line = offset + front.count("\n") + 1  # the closing fence: a line that exists
        diagnostics.append(Diagnostic(file, line, 1, Severity.WARNING, "the seed has no body"))
    return ParsedSeed(meta, body, sorted(_cleaned(d) for d in diagnostics), doc)


def body_sha256(body: str) -> str:
    """The hash a seed records of its body: SHA-256 of the text as UTF-8, in hex."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def render_seed(meta: dict[str, Any], body: str) -> str:
    """A seed file's text from its metadata and body; ``parse_seed`` reads it back unchanged."""
    front = yaml.safe_dump(
        _plain(meta), sort_keys=False, allow_unicode=True, default_flow_style=False, width=10_000
    )
    return f"{FENCE}\n{front}{FENCE}\n{body}"


def _plain(value: Any) -> Any:
    """Dates stay dates (YAML writes them as YYYY-MM-DD); tuples become lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _cleaned(diagnostic: Diagnostic) -> Diagnostic:
    message = clean(diagnostic.message)
    return diagnostic if message == diagnostic.message else replace(diagnostic, message=message)


def _diagnostic(file: str, line: int, col: int, message: str) -> Diagnostic:
    return Diagnostic(file, line, col, Severity.ERROR, message)
