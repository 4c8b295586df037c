"""`peninsula brief`: a Markdown briefing to send as it is."""

from __future__ import annotations

import datetime as dt

import click

from tui.cli.common import as_of_option, data_dir, data_option, require_data, write_output


@click.command("brief")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE.md",
    help="File to write, or - for standard output. An existing file is kept unless --force.",
)
@click.option("--force", is_flag=True, help="Overwrite FILE.md if it exists.")
@click.option(
    "--widest",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help='How many issues to show under "Widest gaps".',
)
@data_option
@as_of_option
def brief_command(
    output: str, force: bool, widest: int, data: str | None, as_of: dt.date | None
) -> None:
    """Write a Markdown briefing: the as-of date, the sources, the matrix, the widest gaps, the
    blocked conditions, the common ground and the starting points for talks, each claim with its
    quotes (speaker, date said, outlet, relay chain; reported speech marked as such).

    \b
    Examples:
      peninsula brief -o brief.md
      peninsula brief -o - --as-of 2025-09-21
    """
    from tui.core.brief import render_brief
    from tui.core.loader import load_tree

    root = data_dir(data)
    require_data(root)
    dataset = load_tree(root)
    require_data(root, dataset)
    write_output(render_brief(dataset, as_of, widest=widest), output, force=force, data=root)
