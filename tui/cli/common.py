"""Options shared by the subcommands."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from tui.core.paths import resolve_data_dir


def data_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--data DIR`, falling back to `peninsula --data DIR ...`, then the usual rule."""
    return click.option(
        "--data",
        "data",
        type=click.Path(file_okay=False, path_type=str),
        default=None,
        help="A tree holding positions/ and seeds/ (default: the current directory if it has "
        "them, else the bundled data).",
    )(func)


def data_dir(data: str | None) -> Path:
    ctx = click.get_current_context(silent=True)
    if data is None and ctx is not None and ctx.find_root().obj:
        data = ctx.find_root().obj.get("data")
    return resolve_data_dir(data)


def as_of_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--as-of YYYY-MM-DD`: the picture on that date (default: the latest)."""
    return click.option(
        "--as-of",
        "as_of",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        metavar="YYYY-MM-DD",
        callback=lambda _ctx, _param, value: value.date() if value is not None else None,
        help="Show the stances in force on this date, YYYY-MM-DD (default: the latest).",
    )(func)


class NoData(click.ClickException):
    """The one message and exit status of every command on a folder without data."""

    exit_code = 1  # tui.core.no_data.EXIT_NO_DATA, checked by a test


def require_data(root: Path, dataset: Any = None, *, problems_are_data: bool = False) -> None:
    """Stop the command when ``root`` has no data (see ``tui.core.no_data.missing_data``)."""
    from tui.core.no_data import missing_data

    reason = missing_data(root, dataset, problems_are_data=problems_are_data)
    if reason is not None:
        raise NoData(reason)


def known_on_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--known-on YYYY-MM-DD`: what an analyst could know on that date (sources published by
    then only), beside `--as-of` (stances stated by then, whenever reported)."""
    return click.option(
        "--known-on",
        "known_on",
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        metavar="YYYY-MM-DD",
        callback=lambda _ctx, _param, value: value.date() if value is not None else None,
        help="Only what could be known on this date: sources published by then (unlike --as-of, "
        "which takes stances stated by then, whenever reported).",
    )(func)


def apply_known_on(dataset: Any, as_of: Any, known_on: Any) -> tuple[Any, Any]:
    """The dataset and date a command works on, given `--as-of` and `--known-on`."""
    if known_on is None:
        return dataset, as_of
    if as_of is not None:
        raise click.UsageError("give --as-of or --known-on, not both")
    from tui.core.knowledge import DateQuestion

    return DateQuestion(known_on, known=True).in_view(dataset), known_on


def gap_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--basis own|reported|all` and `--quorum N` for the gap figures (see tui.core.analysis)."""
    func = click.option(
        "--quorum",
        type=click.IntRange(min=2),
        default=3,
        show_default=True,
        help="Known stances an issue needs before common ground or a starting point is read "
        'there; below it the issue is "too few known".',
    )(func)
    return click.option(
        "--basis",
        type=click.Choice(["own", "reported", "all"]),
        default="all",
        show_default=True,
        help="Which stances the gap figures count: own (the actors' own words only), reported "
        "(own words and reported speech, no inferences) or all.",
    )(func)


def date_option(flag: str, name: str, help: str) -> Callable[..., Any]:
    """A YYYY-MM-DD option given to the command as a date."""
    return click.option(
        flag,
        name,
        type=click.DateTime(formats=["%Y-%m-%d"]),
        default=None,
        metavar="YYYY-MM-DD",
        callback=lambda _ctx, _param, value: value.date() if value is not None else None,
        help=help,
    )


def output_options(help: str) -> Callable[..., Any]:
    """`-o/--output FILE` and `--force`, the pair that `write_output` honours."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")(func)
        return click.option("-o", "--output", required=True, metavar="FILE", help=help)(func)

    return decorate


def write_output(text: str | bytes, output: str, *, force: bool, data: Path) -> None:
    """Write to a file (`-`: standard output): never over an existing file without `--force`,
    never into any data tree's positions/ or seeds/, never through a link onto another file."""
    from tui.core.writing import OutputExistsError, ProtectedOutputError, write_atomic

    if output == "-":
        click.echo(text, nl=False)
        return
    try:
        write_atomic(text, output, force=force, protected=[data / "positions", data / "seeds"])
    except OutputExistsError as error:
        raise click.ClickException(f"{error}; use --force to overwrite it") from None
    except ProtectedOutputError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(f"{output}: {error.strerror or error}") from None
    click.echo(f"wrote {output}", err=True)


def stale_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """`--stale-after DAYS`: a stance last stated longer before the date is marked stale."""
    from tui.core.freshness import DEFAULT_STALE_DAYS

    return click.option(
        "--stale-after",
        "stale_days",
        type=click.IntRange(min=0),
        default=DEFAULT_STALE_DAYS,
        show_default=True,
        metavar="DAYS",
        help="Mark a stance stale when it was last stated more than DAYS before the date.",
    )(func)
