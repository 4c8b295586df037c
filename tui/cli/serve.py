"""`peninsula serve`: the dashboard in a browser."""

from __future__ import annotations

import datetime as dt

import click

from tui.cli.app import as_of_option, view_option
from tui.cli.common import data_dir, data_option, require_data


@click.command("serve")
@data_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on. The default keeps it to this machine; any other is "
    "reachable by whoever can reach the machine, with no login.",
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--public-url",
    default=None,
    metavar="URL",
    help="The address browsers use to reach the server, when it is not http://HOST:PORT "
    "(behind a proxy, or with --host 0.0.0.0).",
)
@view_option()
@as_of_option
def serve_command(
    data: str | None,
    host: str,
    port: int,
    public_url: str | None,
    view: str,
    as_of: dt.date | None,
) -> None:
    """Serve the dashboard to a web browser: open the address it prints. Every visit runs its
    own dashboard on this machine, with the same keys as in a terminal. Ctrl+C stops it.

    \b
    Examples:
      peninsula serve                          # http://127.0.0.1:8000
      peninsula serve --port 8080 --view gaps
    """
    from tui.app.web.server import app_command_line, exposure_warning, make_server

    root = data_dir(data)
    require_data(root)
    warning = exposure_warning(host, port, public_url)
    if warning is not None:
        click.secho(warning, err=True, fg="yellow")
    server = make_server(app_command_line(root, view, as_of), host, port, public_url)
    try:
        server.serve()
    except OSError as error:
        raise click.ClickException(
            f"cannot listen on {host}:{port}: {error.strerror or error}"
        ) from None
