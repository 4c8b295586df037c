"""`peninsula add-source`: add an article to seeds/, verbatim, without ever replacing a file."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from tui.core.html_page import PageArticle, PageRejected, looks_like_html, read_page
from tui.core.paths import is_data_tree
from tui.core.reading import MAX_BYTES, Unreadable, read_bounded, read_regular
from tui.core.sanitize import clean
from tui.core.sources import (
    SourceRejected,
    article_text,
    build_source,
    find_clash,
    write_source,
)

EXIT_BAD_METADATA = 2
EXIT_EXISTS = 3
EXIT_BAD_TEXT = 4
EXIT_IO = 5


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a valid date (YYYY-MM-DD)") from None


def _inferred(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for value in values:
        name, sep, reason = value.partition("=")
        if not sep or not name.strip() or not reason.strip():
            raise click.BadParameter(f"{value!r} is not FIELD=REASON")
        if name.strip() in reasons:
            raise click.BadParameter(f"{name.strip()!r} is given twice")
        reasons[name.strip()] = reason.strip()
    return reasons


def _fail(code: int, message: str) -> None:
    click.echo(clean(f"error: {message}"), err=True)
    raise SystemExit(code)


@click.command(
    "add-source",
    epilog="Exit codes: 0 added; 2 bad metadata; 3 already there; "
    "4 not an article's text (empty, binary, not UTF-8, a page with no article or with script "
    "in it); 5 cannot read or write.",
)
@click.argument("article", metavar="FILE|PAGE.html|-")
@click.option(
    "--title", default=None, help="The article's headline, as published (a page: its metadata's)."
)
@click.option(
    "--outlet",
    default=None,
    help="Who published it, e.g. Reuters, Yonhap, Benzinga (a page: its metadata's site name).",
)
@click.option(
    "--published",
    default=None,
    callback=_date,
    metavar="YYYY-MM-DD",
    help="Publication date (a page: its metadata's).",
)
@click.option(
    "--via",
    default="",
    metavar="A,B",
    help="The relay chain the article cites, first to last, comma-separated (e.g. KCNA,Reuters).",
)
@click.option("--url", default=None, help="Where the article was published.")
@click.option(
    "--id",
    "seed_id",
    default=None,
    help="The seed id (default: date, outlet and the title's first words, e.g. "
    "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump).",
)
@click.option(
    "--excerpt",
    is_flag=True,
    help="The text is only the opening of the article as stored, not the whole article.",
)
@click.option(
    "--inferred",
    "inferred",
    multiple=True,
    callback=_inferred,
    metavar="FIELD=REASON",
    help="A field whose value is inferred rather than stated (title, outlet, published, url, "
    "via), with the reason; repeat for each, e.g. --inferred 'published=from the URL path'.",
)
@click.option(
    "--data",
    "data",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The tree holding positions/ and seeds/ (default: the current directory, which must "
    "hold them).",
)
def add_source_command(
    article: str,
    title: str | None,
    outlet: str | None,
    published: dt.date | None,
    via: str,
    url: str | None,
    seed_id: str | None,
    excerpt: bool,
    inferred: dict[str, str],
    data: Path | None,
) -> None:
    """Add an article to seeds/ as a new seed: front matter, then the text verbatim.

    FILE is a UTF-8 text file with the article's text; `-` reads it from standard input. A saved
    web page (HTML) gives its article's text, found apart from the page's menus and scripts, and
    its title, outlet, date and address from its metadata, each marked inferred in the seed;
    an option given wins over the page. The page itself is not kept. The seed id comes from the
    date, outlet and title. The front matter records the SHA-256 of the text, so that `validate`
    reports a later edit of it. An existing seed is never replaced, and text that is
    empty, binary or not UTF-8 is refused. This is the one command that writes into seeds/.

    \b
    Example:
      peninsula add-source article.txt --title "Kim Jong Un Has 'Fond Memories' Of Trump" \\
          --outlet Benzinga --published 2025-09-22 --via KCNA,Reuters
      peninsula add-source saved-page.html --via KCNA
    """
    root = data if data is not None else Path.cwd()
    if not is_data_tree(root):
        _fail(
            EXIT_IO,
            f"{root} holds no positions/ and seeds/: run this in your data tree or pass --data DIR",
        )
    try:
        # Never past the limit: /dev/zero or an endless pipe are not read to their end.
        raw = (
            read_bounded(sys.stdin.buffer, MAX_BYTES)
            if article == "-"
            else read_regular(Path(article), MAX_BYTES)
        )
    except Unreadable as refused:
        if refused.too_large:
            _fail(EXIT_BAD_TEXT, f"{article}: the text is over {MAX_BYTES} bytes, a seed's limit")
        _fail(EXIT_IO, f"{article}: {refused.reason}")
    where = "the article" if article == "-" else article
    inferred = dict(inferred)  # the page adds its own notes to those given
    if looks_like_html(raw):
        try:
            page = read_page(raw)
        except PageRejected as rejected:
            _fail(EXIT_BAD_TEXT, f"{where}: {rejected.reason}")
        raw = page.body.encode("utf-8")
        title, outlet, published, url = _from_page(page, title, outlet, published, url, inferred)
        missing = [
            (option, what)
            for option, what, value in (
                ("--title", "title", title),
                ("--outlet", "site name", outlet),
                ("--published YYYY-MM-DD", "published date", published),
            )
            if not value
        ]
        if missing:
            _fail(
                EXIT_BAD_METADATA,
                f"{where}: the page's metadata gives no {', '.join(w for _, w in missing)}; "
                f"pass {' and '.join(o for o, _ in missing)}",
            )
    elif not (title and outlet and published):
        try:
            article_text(raw)  # a text that is not one is said first
        except SourceRejected as rejected:
            _fail(EXIT_BAD_TEXT, f"{where}: {rejected.reason}")
        needed = [
            option
            for option, value in (
                ("--title", title),
                ("--outlet", outlet),
                ("--published", published),
            )
            if not value
        ]
        _fail(
            EXIT_BAD_METADATA,
            f"{', '.join(needed)} required for a text file (a saved HTML page gives them)",
        )
    assert title is not None and outlet is not None and published is not None
    try:
        body = article_text(raw)
        relays = [part.strip() for part in via.split(",") if part.strip()]
        source = build_source(
            body,
            title=title,
            outlet=outlet,
            published=published,
            via=relays,
            url=url,
            seed_id=seed_id,
            excerpt=excerpt,
            inferred=inferred,
        )
    except SourceRejected as rejected:
        code = EXIT_BAD_TEXT if rejected.kind == "text" else EXIT_BAD_METADATA
        _fail(code, f"{where}: {rejected.reason}" if code == EXIT_BAD_TEXT else rejected.reason)

    seeds_dir = root / "seeds"
    target = seeds_dir / source.file_name
    if target.exists():
        _fail(EXIT_EXISTS, f"{target} already exists; not overwritten (choose another --id)")
    try:
        clash = find_clash(seeds_dir, body, source.meta.id, root)
    except Unreadable as refused:
        _fail(EXIT_IO, f"{seeds_dir}: {refused.reason}")
    if clash.same_text is not None:
        _fail(EXIT_EXISTS, f"the same text is already in seeds/{clash.same_text}")
    if clash.same_id is not None:
        _fail(
            EXIT_EXISTS,
            f"seeds/{clash.same_id} already carries the id '{source.meta.id}'; "
            "not added (choose another --id)",
        )
    try:
        path = write_source(seeds_dir, source)
    except FileExistsError:
        _fail(EXIT_EXISTS, f"{target} already exists; not overwritten (choose another --id)")
    except OSError as error:
        _fail(EXIT_IO, f"{target}: cannot write: {error.strerror or error}")
    click.echo(clean(f"added {path}"))
    click.echo(clean(f"next: peninsula extract {source.meta.id}"))


def _from_page(
    page: PageArticle,
    title: str | None,
    outlet: str | None,
    published: dt.date | None,
    url: str | None,
    inferred: dict[str, str],
) -> tuple[str | None, str | None, dt.date | None, str | None]:
    """Each field the options leave open, from the page's metadata, noted as inferred."""
    if title is None and page.title:
        title = page.title
        inferred.setdefault("title", "from the saved page's metadata (its title)")
    if outlet is None and page.outlet:
        outlet = page.outlet
        inferred.setdefault("outlet", "from the saved page's metadata (its site name)")
    if published is None and page.published:
        published = page.published
        inferred.setdefault("published", "from the saved page's metadata (its publication date)")
    if url is None and page.url:
        url = page.url
        inferred.setdefault("url", "from the saved page's metadata (its canonical address)")
    return title, outlet, published, url
