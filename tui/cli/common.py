"""Options shared by the subcommands."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

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
