"""`peninsula snapshot`: render one view headless to an SVG file."""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
from pathlib import Path

import click

from tui.cli.app import as_of_option, view_option
from tui.cli.common import NoData, data_dir, data_option, require_data

_SIZE = re.compile(r"^(\d{2,3})x(\d{2,3})$")
MIN_SIZE = (40, 12)


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
    help="Terminal size in columns and rows; 80x24 is the smallest that shows everything.",
)
@as_of_option
@click.option(
    "-o", "--output", required=True, metavar="FILE.svg", help="Where to write; - for stdout."
)
@click.option("--force", is_flag=True, help="Overwrite FILE.svg if it exists.")
@click.option("--theme", default=None, help="A Textual theme, e.g. textual-light for light slides.")
def snapshot_command(
    data: str | None,
    view: str,
    size: tuple[int, int],
    as_of: dt.date | None,
    output: str,
    force: bool,
    theme: str | None,
) -> None:
    """Render a view headless and write it as SVG: a panel that names its view, its as-of date
    and its sources, ready for a slide.

    \b
    Examples:
      peninsula snapshot --view matrix -o matrix.svg
      peninsula snapshot --view actor:kim-jong-un --size 80x24 -o kim.svg
      peninsula snapshot --view issue:denuclearisation --as-of 2025-09-21 -o denuc.svg
    """
    from tui.app.snapshot import NoDataToShow, UnknownTarget, render_svg
    from tui.app.views import parse_view
    from tui.core.writing import OutputExistsError, ProtectedOutputError, write_atomic

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
    try:
        svg = render_svg(root, spec, target, size, as_of=as_of, theme=theme)
    except NoDataToShow as error:
        raise NoData(str(error)) from None
    except UnknownTarget as error:
        raise click.UsageError(str(error)) from None
    except RuntimeError as error:
        raise click.ClickException(str(error)) from None
    if path is None:
        sys.stdout.write(svg)
        return
    try:
        write_atomic(svg, path, force=force, make_parents=True)
    except (OutputExistsError, ProtectedOutputError) as error:
        raise click.UsageError(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror or error}") from None
    click.echo(f"wrote {output} ({spec.id}, {size[0]}x{size[1]})", err=True)
