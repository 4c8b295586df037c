"""`peninsula extract`: draft YAML evidence from an article, to paste by hand. Writes nothing."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path

import click

from tui.cli.common import data_dir, data_option
from tui.core import models, records
from tui.core.draft import DEFAULT_INDENT, DEFAULT_MIN_CONFIDENCE, SourceInfo, render_draft
from tui.core.extract import extract
from tui.core.loader import load_tree
from tui.core.reading import Unreadable, read_regular
from tui.core.sanitize import clean
from tui.core.seeds import parse_seed, split
from tui.core.yamlsafe import decode

EXIT_NOT_FOUND = 2
EXIT_UNREADABLE = 3


@click.command("extract")
@click.argument("article", metavar="SEED_ID|FILE")
@data_option
@click.option(
    "--indent",
    type=click.IntRange(0, 12),
    default=DEFAULT_INDENT,
    show_default=True,
    help="Spaces before each block, to match the `evidence:` list you paste into.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_MIN_CONFIDENCE,
    show_default=True,
    help="Drafts whose speaker reading is less sure go under “uncertain”, commented out.",
)
def extract_command(article: str, data: str | None, indent: int, min_confidence: float) -> None:
    """Print draft evidence blocks for the quotes and reported positions in an article.

    SEED_ID is the id of a seed in the data's seeds/; FILE is a seed file or any UTF-8 text file.
    Each quote is attributed to a known actor (from positions/) by name and alias, with a
    confidence and its reason as a YAML comment; those below --min-confidence are listed under
    "uncertain", commented out; quotes by anyone else are listed apart.
    Nothing is written: copy the blocks you keep under a position, then run `peninsula validate`.

    \b
    Examples:
      peninsula extract 2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump
      peninsula extract seeds/2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump.txt
    """
    root = data_dir(data)
    dataset = load_tree(root)
    if dataset.errors:
        click.echo(
            clean(
                f"note: the data has {len(dataset.errors)} errors (see `peninsula validate`); "
                "actors that loaded are used"
            ),
            err=True,
        )
    actors = list(dataset.actors.values())

    path = Path(article)
    if path.is_file():
        source, body = _read_file(path)
    elif article in dataset.seeds:
        seed = dataset.seeds[article]
        seed_file = root / seed.location.path
        source = _source_info(seed.meta, str(seed.location.path), _body_line_offset(seed_file))
        body = seed.body
    else:
        close = difflib.get_close_matches(article, list(dataset.seeds), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        click.echo(
            clean(f"error: {article}: no such file, and no seed with that id in {root}{hint}"),
            err=True,
        )
        raise SystemExit(EXIT_NOT_FOUND)

    published = dt.date.fromisoformat(source.published) if source.published else None
    extraction = extract(body, actors, published)
    draft = render_draft(extraction, actors, source, indent, min_confidence)
    click.echo(clean(draft, multiline=True), nl=False)


def _read_file(path: Path) -> tuple[SourceInfo, str]:
    try:
        data = read_regular(path)
    except Unreadable as refused:
        click.echo(clean(f"error: {path}: {refused.reason}"), err=True)
        raise SystemExit(EXIT_UNREADABLE) from None
    text, problem = decode(data)
    if text is None:
        assert problem is not None
        click.echo(
            clean(f"error: {path}:{problem.line}:{problem.col}: {problem.message}"), err=True
        )
        raise SystemExit(EXIT_UNREADABLE)
    if split(text) is None:
        return SourceInfo(seed_id=None, path=str(path)), text
    parsed = parse_seed(text, str(path))
    if parsed.meta is None or parsed.body is None:
        for diagnostic in parsed.diagnostics:
            click.echo(clean(diagnostic.format()), err=True)
        raise SystemExit(EXIT_UNREADABLE)
    front_lines = len(text) - len(parsed.body)
    return _source_info(parsed.meta, str(path), text.count("\n", 0, front_lines)), parsed.body


def _body_line_offset(seed_file: Path) -> int:
    try:
        text = read_regular(seed_file).decode("utf-8")
    except (Unreadable, UnicodeDecodeError):
        return 0
    parts = split(text)
    if parts is None:
        return 0
    return text.count("\n", 0, len(text) - len(parts[1]))


def _source_info(
    meta: models.SeedMeta | records.SeedMeta, path: str, line_offset: int
) -> SourceInfo:
    return SourceInfo(
        seed_id=meta.id,
        title=meta.title,
        outlet=meta.outlet,
        published=meta.published.isoformat(),
        via=tuple(meta.via),
        path=path,
        line_offset=line_offset,
    )
