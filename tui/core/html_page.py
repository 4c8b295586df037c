"""A saved article page: its text and its metadata, for a new seed.

The article's text is found by trafilatura, which removes the page's furniture (menus, footers,
scripts, share buttons, comments) and keeps the article's paragraphs; writing that by hand would
be a long list of site rules that no one keeps up. Title, outlet and published date come from
the page's metadata (`og:` and `article:` properties, `<title>`, JSON-LD), never from a guess at
the text: a page that carries no date gets no date. The page itself is not kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Under this many characters of text, what was found is a caption or a teaser, not an article.
MIN_BODY_CHARS = 200
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body)\b", re.I | re.S
)
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w-]+)", re.I)
# What must never reach a seed from a page: markup or script that survived the extraction.
_ACTIVE = re.compile(
    r"<\s*/?\s*(?:script|style|iframe|object|embed)\b|javascript:|\bon\w+\s*=", re.I
)


class PageRejected(Exception):
    """The page cannot give a seed; ``reason`` says why, for the contributor."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageArticle:
    body: str
    title: str | None
    outlet: str | None
    published: dt.date | None
    url: str | None


def looks_like_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # a page saved as UTF-16
        head = head.decode("utf-16", "replace").encode("utf-8", "replace")
    return _HTML_START.match(head.removeprefix(b"\xef\xbb\xbf")) is not None


def read_page(data: bytes) -> PageArticle:
    """The article in a saved page; PageRejected when there is none to take safely."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        charset = declared.group(1).decode("ascii", "replace")
        raise PageRejected(f"the page declares the charset {charset}; save it as UTF-8 first")
    try:
        html = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PageRejected(f"the page is not UTF-8 (byte {error.start} is not)") from None
    if "\x00" in html:
        raise PageRejected("the page holds NUL bytes: not a saved web page")
    import trafilatura  # imported here: only this command needs it, and it is slow to import

    document = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        raise PageRejected("no article text found in the page")
    found = document if isinstance(document, dict) else document.as_dict()
    body = (found.get("text") or "").strip()
    if len(body) < MIN_BODY_CHARS:
        raise PageRejected(
            f"no article text found in the page (only {len(body)} characters of text outside "
            "its menus and scripts)"
        )
    if _ACTIVE.search(body):
        raise PageRejected("the text found in the page carries markup or script; not added")
    published = None
    if found.get("date"):
        try:
            published = dt.date.fromisoformat(str(found["date"])[:10])
        except ValueError:
            published = None
    return PageArticle(
        body=body + "\n",
        title=_text(found.get("title")),
        outlet=_text(found.get("sitename")) or _text(found.get("hostname")),
        published=published,
        url=_text(found.get("url")),
    )


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    flat = " ".join(value.split())
    return flat or None
