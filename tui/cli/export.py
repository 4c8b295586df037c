"""`peninsula export`: one table of the data as CSV, Markdown, JSON or an Excel workbook."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, cast

import click

if TYPE_CHECKING:
    from tui.core.basis import BasisFilter

from tui.cli.common import (
    apply_known_on,
    as_of_option,
    data_dir,
    data_option,
    date_option,
    gap_options,
    known_on_option,
    output_options,
    require_data,
    stale_option,
    write_output,
)

# Kept here rather than imported from the core so that `--help` stays cheap.
WHATS = ("matrix", "gaps", "distances", "conditions", "quotes", "changes", "problems")
FORMATS = ("csv", "md", "json", "xlsx")


@click.command("export")
@click.option(
    "--what",
    type=click.Choice(WHATS),
    default="matrix",
    show_default=True,
    help="matrix: issue x actor stances; gaps: spread per issue, ranked as starting points for "
    "talks; distances: per pair of actors; conditions: each condition, met or not and who blocks "
    "it; quotes: every evidence item; changes: each event of a stance's history (first, changed, "
    "withdrawn, restated) with the evidence behind it; problems: the data's diagnostics.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from the file name's ending: .csv, .md, .json, .xlsx; "
    "csv on standard output). Any other ending is refused.",
)
@output_options(
    help="File to write, or - for standard output. An existing file is kept unless --force."
)
@date_option("--from", "start", "changes: only events on or after this date, YYYY-MM-DD.")
@date_option("--to", "end", "changes: only events on or before this date (default: --as-of).")
@gap_options
@data_option
@as_of_option
@known_on_option
@stale_option
def export_command(
    what: str,
    fmt: str | None,
    output: str,
    force: bool,
    start: dt.date | None,
    end: dt.date | None,
    basis: str,
    quorum: int,
    data: str | None,
    as_of: dt.date | None,
    known_on: dt.date | None,
    stale_days: int,
) -> None:
    """Export a table, built from the same frames the analysis uses.

    CSV cells a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
    return) get a leading apostrophe; plain numbers such as -2 stay numbers. Markdown escapes
    everything that could break a table or turn into HTML or a link. An .xlsx workbook stores
    every text cell as text, with the same apostrophe as CSV before a formula sign.

    \b
    Examples:
      peninsula export --what matrix -o matrix.csv
      peninsula export --what quotes -o quotes.xlsx
      peninsula export --what gaps --format md -o -
      peninsula export --what quotes --format json -o quotes.json --as-of 2025-09-21
      peninsula export --what changes --from 2025-09-01 --to 2025-09-30 -o changes.md
      peninsula export --what matrix --stale-after 90 -o matrix.csv
    """
    from tui.core.export import UnknownFormatError, format_for, frame_for, render
    from tui.core.loader import load_tree

    try:
        fmt = format_for(output, fmt)
    except UnknownFormatError as error:
        raise click.UsageError(str(error)) from None
    root = data_dir(data)
    require_data(root)
    dataset = load_tree(root)
    require_data(root, dataset, problems_are_data=what == "problems")
    if dataset.errors:
        click.echo(
            f"note: the data has {len(dataset.errors)} error(s); invalid records are left out "
            "(`peninsula validate` lists them)",
            err=True,
        )
    dataset, as_of = apply_known_on(dataset, as_of, known_on)
    if start is not None and end is not None and start > end:
        raise click.BadParameter(f"--from {start} is after --to {end}", param_hint="--from")
    text = render(
        frame_for(
            what,
            dataset,
            as_of,
            start=start,
            end=end,
            basis=cast("BasisFilter", basis),  # click's Choice checked it
            quorum=quorum,
            stale_days=stale_days,
        ),
        fmt,
    )
    write_output(text, output, force=force, data=root)
