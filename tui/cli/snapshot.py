"""`peninsula snapshot`: render one view headless to an SVG or PNG file."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import click

from tui.cli.app import as_of_option, view_option
from tui.cli.common import (
    NoData,
    data_dir,
    data_option,
    known_on_option,
    output_options,
    require_data,
    stale_option,
)

_SIZE = re.compile(r"^(\d{2,3})x(\d{2,3})$")
SNAPSHOT_FORMATS = ("svg", "png")
_SUFFIX_FORMATS = {".svg": "svg", ".png": "png"}
MIN_SIZE = (40, 12)
# A slide fits its height to the content, up to this many rows unless --size says fewer.
SLIDE_MAX_ROWS = 120


def _parse_size(ctx: click.Context, param: click.Parameter, value: str) -> tuple[int, int]:
    match = _SIZE.match(value.strip().lower())
    if not match:
        raise click.BadParameter(f"{value!r} is not WIDTHxHEIGHT, e.g. 160x45")
    width, height = int(match.group(1)), int(match.group(2))
    if width < MIN_SIZE[0] or height < MIN_SIZE[1]:
        raise click.BadParameter(f"at least {MIN_SIZE[0]}x{MIN_SIZE[1]}")
    return width, height


@click.command("snapshot")
@data_option
@view_option()
@click.option(
    "--size",
    default="160x45",
    show_default=True,
    callback=_parse_size,
    metavar="WxH",
    help="Terminal size in columns and rows; 80x24 is the smallest that shows everything. "
    f"With --slide, the rows are the most the slide takes (default: up to {SLIDE_MAX_ROWS}).",
)
@as_of_option
@known_on_option
@stale_option
@output_options(help="Where to write, FILE.svg or FILE.png; - for stdout.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(SNAPSHOT_FORMATS),
    default=None,
    help="svg, or png drawn in the Fira Code the package ships (default: from the file's "
    "ending; svg on standard output).",
)
@click.option(
    "--scale",
    type=click.FloatRange(0.5, 4.0),
    default=1.0,
    show_default=True,
    help="PNG resolution: 1 draws a character cell about 10x20 pixels, 2 twice that.",
)
@click.option(
    "--slide",
    is_flag=True,
    help="For a slide: a title, the date and the question it answers, the panel with no tab "
    "bar, key footer or cursor, its height fitted to the content, the sources in full, and a "
    "footer line naming the data's commit or date.",
)
@click.option("--theme", default=None, help="A Textual theme, e.g. textual-light for light slides.")
def snapshot_command(
    data: str | None,
    view: str,
    size: tuple[int, int],
    as_of: dt.date | None,
    known_on: dt.date | None,
    stale_days: int,
    output: str,
    force: bool,
    fmt: str | None,
    scale: float,
    slide: bool,
    theme: str | None,
) -> None:
    """Render a view headless and write it as SVG: a panel that names its view, its as-of date
    and its sources, ready for a slide.

    \b
    Examples:
      peninsula snapshot --view matrix -o matrix.svg
      peninsula snapshot --view matrix --slide -o matrix.png --scale 2
      peninsula snapshot --view actor:kim-jong-un --size 80x24 -o kim.svg
      peninsula snapshot --view issue:denuclearisation --as-of 2025-09-21 -o denuc.svg
      peninsula snapshot --view matrix --known-on 2025-09-21 -o known.svg
    """
    from tui.app.snapshot import NoDataToShow, UnknownTarget, render_svg
    from tui.app.svg_offline import offline_svg
    from tui.app.views import parse_view
    from tui.core.writing import OutputExistsError, ProtectedOutputError, write_atomic

    fmt = _format(output, fmt)
    if as_of is not None and known_on is not None:
        raise click.UsageError("give --as-of or --known-on, not both")
    root = data_dir(data)
    require_data(root)
    spec, target = parse_view(view)
    path = None if output == "-" else Path(output)
    if path is not None:
        from tui.core.writing import protected_folder

        if protected_folder(path, [root / "positions", root / "seeds"]) is not None:
            raise click.UsageError("refusing to write into a data tree's positions/ or seeds/")
        if os.path.lexists(path) and not force:
            raise click.UsageError(f"{output} exists; use --force to overwrite it")
    fit_rows = None
    if slide:
        given = click.get_current_context().get_parameter_source("size")
        fit_rows = SLIDE_MAX_ROWS if given is click.core.ParameterSource.DEFAULT else size[1]
    try:
        svg = render_svg(
            root,
            spec,
            target,
            size,
            as_of=known_on or as_of,
            theme=theme,
            fit_rows=fit_rows,
            known_on=known_on is not None,
            stale_days=stale_days,
        )
    except NoDataToShow as error:
        raise NoData(str(error)) from None
    except UnknownTarget as error:
        raise click.UsageError(str(error)) from None
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None
    svg = offline_svg(svg)
    content: str | bytes = svg
    if fmt == "png":
        from tui.app.png import render_png

        content = render_png(svg, scale=scale)
    if path is None:
        if isinstance(content, bytes):
            sys.stdout.buffer.write(content)
        else:
            sys.stdout.write(content)
        return
    try:
        write_atomic(content, path, force=force, make_parents=True)
    except (OutputExistsError, ProtectedOutputError) as error:
        raise click.UsageError(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror or error}") from None
    if fit_rows is not None:
        from tui.app.png import read_grid

        size = (size[0], read_grid(svg).lines)
    click.echo(f"wrote {output} ({spec.id}, {size[0]}x{size[1]})", err=True)


def _format(output: str, fmt: str | None) -> str:
    if output == "-":
        return fmt or "svg"
    suffix = Path(output).suffix.lower()
    named = _SUFFIX_FORMATS.get(suffix)
    if fmt is not None and named is not None and fmt != named:
        raise click.UsageError(f"{output} ends in {suffix} but the format asked is {fmt}")
    if fmt is None and named is None:
        said = f"the ending {suffix!r} names no format" if suffix else "no ending names a format"
        raise click.UsageError(f"{output}: {said}; the formats are svg (.svg) and png (.png)")
    return fmt or named  # type: ignore[return-value]
