"""A new source article: its id, its text checked, and its seed file written once and never over.

This is the only code that writes into `seeds/`, and only when a contributor asks for it. The
article's text is stored verbatim (a byte order mark aside); what cannot be an article (empty,
binary, not UTF-8, too large) is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from tui.core.models import SeedMeta
from tui.core.reading import MAX_BYTES, Unreadable, list_folder, read_regular
from tui.core.sanitize import is_clean
from tui.core.seeds import body_sha256, parse_seed, render_seed, split
from tui.core.yamlsafe import load_text

TITLE_SLUG_CHARS = 40
ID_MAX_CHARS = 80
# Share of control or unassigned characters above which a text is taken for binary data.
BINARY_SHARE = 0.01
_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a Word or OpenDocument file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"{\\rtf": "an RTF document",
}
_BOM = "\ufeff"


class SourceRejected(Exception):
    """The article or its metadata cannot be added; ``reason`` says why, ``kind`` what class."""

    def __init__(self, kind: str, reason: str):
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Kim’s ‘Fond Memories’" -> "kims-fond-memories"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"['’]", "", ascii_text.lower())
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def _cut(words_slug: str, limit: int) -> str:
    """The longest run of whole words that fits in ``limit`` characters."""
    if len(words_slug) <= limit:
        return words_slug
    cut = words_slug[: limit + 1]
    return cut[: cut.rfind("-")] if "-" in cut else words_slug[:limit]


def seed_id_for(published: dt.date, outlet: str, title: str) -> str:
    """Date, outlet and the title's first words, such as
    `2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump`."""
    parts = [published.isoformat(), _cut(slug(outlet), 30), _cut(slug(title), TITLE_SLUG_CHARS)]
    return _cut("-".join(part for part in parts if part), ID_MAX_CHARS)


def article_text(data: bytes) -> str:
    """The article's text, or SourceRejected saying why it cannot be one."""
    if len(data) > MAX_BYTES:
        raise SourceRejected(
            "text", f"the text is {len(data)} bytes; a seed may hold at most {MAX_BYTES}"
        )
    if not data.strip():
        raise SourceRejected("text", "the text is empty")
    for signature, what in _SIGNATURES.items():
        if data.startswith(signature):
            raise SourceRejected(
                "text", f"this is {what}, not text: paste the article's text instead"
            )
    nul = data.find(b"\x00")
    if nul >= 0:
        raise SourceRejected(
            "text", f"binary data: NUL byte at offset {nul}; an article is plain text"
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise SourceRejected(
            "text",
            f"not UTF-8: byte 0x{data[error.start]:02X} at line {line} cannot be decoded; "
            "save the article as UTF-8",
        ) from None
    text = text.removeprefix(_BOM)
    odd = sum(1 for ch in text if _is_binary_char(ch))
    if odd > max(2, BINARY_SHARE * len(text)):
        raise SourceRejected(
            "text", f"mostly not text: {odd} control or unassigned characters in {len(text)}"
        )
    if not text.strip():
        raise SourceRejected("text", "the text is empty")
    return text


def _is_binary_char(ch: str) -> bool:
    if ch in "\n\r\t\f":
        return False
    return unicodedata.category(ch) in {"Cc", "Cn", "Co", "Cs"}


@dataclass(frozen=True)
class NewSource:
    meta: SeedMeta
    text: str  # the whole seed file

    @property
    def file_name(self) -> str:
        return f"{self.meta.id}.txt"


def build_source(
    body: str,
    *,
    title: str,
    outlet: str,
    published: dt.date,
    via: list[str] | None = None,
    url: str | None = None,
    seed_id: str | None = None,
    excerpt: bool = False,
    inferred: dict[str, str] | None = None,
) -> NewSource:
    """The seed file for an article, checked with the schema and read back before it is written.

    The front matter records the SHA-256 of the body, so that a later edit of the text is reported
    rather than silent (news sites and state media edit articles after publication; the seed is the
    record).
    """
    fields = {
        "title": title,
        "outlet": outlet,
        "url": url,
        **{f"via {v!r}": v for v in via or []},
        **{f"inferred {k!r}": f"{k} {v}" for k, v in (inferred or {}).items()},
    }
    for name, value in fields.items():
        # Line and paragraph separators too: raw in the front matter, they would break lines
        # for YAML's reader and for nobody else.
        if value is not None and not is_clean(value):
            raise SourceRejected(
                "meta", f"{name}: control, invisible or line-separator characters are not allowed"
            )
    meta_fields: dict[str, object] = {
        "id": seed_id or seed_id_for(published, outlet, title),
        "title": title.strip(),
        "outlet": outlet.strip(),
        "published": published,
    }
    if via:
        meta_fields["via"] = [v.strip() for v in via]
    if url:
        meta_fields["url"] = url.strip()
    if excerpt:
        meta_fields["excerpt"] = True
    meta_fields["sha256"] = body_sha256(body)
    if inferred:
        meta_fields["inferred"] = {k.strip(): v.strip() for k, v in inferred.items()}
    try:
        meta = SeedMeta.model_validate(meta_fields)
    except ValidationError as error:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'metadata'}: {e['msg']}"
            for e in error.errors()
        )
        raise SourceRejected("meta", problems) from None
    text = render_seed(meta.model_dump(exclude_defaults=True), body)
    parsed = parse_seed(text, meta.id)
    if parsed.meta != meta or parsed.body != body:
        raise SourceRejected("meta", "the seed file would not read back as written")
    return NewSource(meta, text)


@dataclass(frozen=True)
class Clash:
    """Why a new seed cannot be added beside the existing ones; None fields mean no clash."""

    same_text: str | None = None  # the file name of a seed holding the same text
    same_id: str | None = None  # the file name of a seed that carries the new id


def find_clash(seeds_dir: Path, body: str, seed_id: str, root: Path | None = None) -> Clash:
    """A seed already holding this text, or already carrying this id (in its front matter,
    whatever its file name). Only regular files inside ``root`` are read, each with the bound."""
    wanted = body.strip()
    same_text = same_id = None
    for path in list_folder(seeds_dir):
        if not path.name.endswith(".txt"):
            continue
        try:
            text = read_regular(path, within=root).decode("utf-8")
        except (Unreadable, UnicodeDecodeError):
            continue
        parts = split(text)
        if parts is None:
            continue
        if same_text is None and parts[1].strip() == wanted:
            same_text = path.name
        if same_id is None and (path.stem == seed_id or _front_matter_id(parts[0]) == seed_id):
            same_id = path.name
    return Clash(same_text, same_id)


def _front_matter_id(front: str) -> object:
    data = load_text(front).data
    return data.get("id") if data else None


def write_source(seeds_dir: Path, source: NewSource) -> Path:
    """Create the seed file; never replaces one (FileExistsError when it is there)."""
    path = seeds_dir / source.file_name
    # Exclusive creation: two contributors adding the same article cannot overwrite each other.
    with path.open("x", encoding="utf-8", newline="") as handle:
        handle.write(source.text)
    return path
