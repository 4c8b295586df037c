"""`peninsula brief`: a Markdown briefing to send as it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

if TYPE_CHECKING:
    from tui.core.basis import BasisFilter

from tui.cli.common import (
    apply_known_on,
    as_of_option,
    data_dir,
    data_option,
    gap_options,
    known_on_option,
    output_options,
    require_data,
    write_output,
)

BRIEF_FORMATS = ("md", "html")
_SUFFIX_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


@click.command("brief")
@output_options(
    help="File to write, or - for standard output. An existing file is kept unless --force."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(BRIEF_FORMATS),
    default=None,
    help="md: Markdown; html: one self-contained page that prints well (default: from the file's "
    "ending: .html or .htm for html, else md).",
)
@click.option(
    "--widest",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help='How many issues to show under "Widest gaps".',
)
@gap_options
@data_option
@as_of_option
@known_on_option
def brief_command(
    output: str,
    force: bool,
    fmt: str | None,
    widest: int,
    basis: str,
    quorum: int,
    data: str | None,
    as_of: dt.date | None,
    known_on: dt.date | None,
) -> None:
    """Write a briefing: a bottom line (where they stand, what moved, what blocks talks), the
    as-of date, the sources, the matrix, the widest gaps, the
    blocked conditions, the common ground and the starting points for talks, each claim with its
    quotes (speaker, date said, outlet, relay chain; reported speech marked as such), each
    passage quoted once, then the caveats (thin bases). On a folder without data: exit 1.

    \b
    Examples:
      peninsula brief -o brief.md
      peninsula brief -o - --as-of 2025-09-21
      peninsula brief -o brief.html
    """
    from tui.core.brief import render_brief, render_brief_html
    from tui.core.loader import load_tree

    fmt = _format(output, fmt)
    root = data_dir(data)
    require_data(root)
    dataset = load_tree(root)
    require_data(root, dataset)
    dataset, as_of = apply_known_on(dataset, as_of, known_on)
    render = render_brief_html if fmt == "html" else render_brief
    text = render(
        dataset,
        as_of,
        widest=widest,
        basis=cast("BasisFilter", basis),  # click's Choice checked it
        quorum=quorum,
        known=known_on is not None,
    )
    write_output(text, output, force=force, data=root)


def _format(output: str, fmt: str | None) -> str:
    """--format, else the file's ending (.html/.htm: html), else Markdown, which any name suits."""
    suffix = Path(output).suffix.lower() if output != "-" else ""
    named = _SUFFIX_FORMATS.get(suffix)
    if fmt is not None and named is not None and fmt != named:
        raise click.UsageError(f"{output} ends in {suffix} but the format asked is {fmt}")
    return fmt or named or "md"
