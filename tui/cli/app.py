"""`peninsula` / `peninsula app`: open the dashboard. Also the `--view` and `--as-of` options,
shared with `peninsula snapshot`."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable
from typing import Any

import click

from tui.app.views import parse_view, usage_forms
from tui.cli.common import data_dir, data_option, known_on_option, stale_option


def _check_view(ctx: click.Context, param: click.Parameter, value: str) -> str:
    try:
        parse_view(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    return value


def view_option() -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--view",
        "view",
        default="matrix",
        show_default=True,
        callback=_check_view,
        metavar="VIEW",
        help=f"One of {', '.join(usage_forms())} (ID: an issue, actor or source id; "
        "without it, the first).",
    )


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


as_of_option = click.option(
    "--as-of",
    "as_of",
    default=None,
    metavar="DATE",
    callback=_parse_date,
    help="Show the positions in force on this date (YYYY-MM-DD); default: the latest.",
)


@click.command("app")
@data_option
@view_option()
@as_of_option
@known_on_option
@stale_option
@click.option("--no-watch", is_flag=True, help="Do not reload when the data files change.")
def app_command(
    data: str | None,
    view: str = "matrix",
    as_of: dt.date | None = None,
    known_on: dt.date | None = None,
    stale_days: int = 180,
    no_watch: bool = False,
) -> None:
    """Open the dashboard on the data (it reloads by itself when a file changes).

    \b
    Keys: number keys switch views, arrows move, enter opens, ? all keys,
    ctrl+p jump anywhere, ctrl+s screenshot, [ ] earlier / later date,
    k known on the date / as of it, q quit.
    """
    if as_of is not None and known_on is not None:
        raise click.UsageError("give --as-of or --known-on, not both")
    # Paused from here to the first data frame (the app resumes it once the data is set aside
    # from it): the start makes many objects and few cycles, and every pass would rescan them.
    gc.disable()
    from tui.app.app import create_app

    spec, target = parse_view(view)
    create_app(
        data_dir(data),
        view=spec.id,
        target=target,
        as_of=known_on or as_of,
        known_on=known_on is not None,
        watch=not no_watch,
        stale_days=stale_days,
    ).run()
