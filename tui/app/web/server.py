"""Serving the dashboard to a browser: each visit runs the app on this machine, in a process of
its own, drawn in the page by textual-serve's terminal."""

from __future__ import annotations

import datetime as dt
import ipaddress
import shlex
import sys
from pathlib import Path

PAGE_TEMPLATES = Path(__file__).resolve().parent
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach a server bound to ``host``."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name that may resolve to anything


def exposure_warning(host: str, port: int, public_url: str | None) -> str | None:
    """What to say when the dashboard is reachable from other machines, or None."""
    if is_loopback(host):
        return None
    warning = (
        f"warning: serving on {host}, not on loopback: anyone who can reach this machine on "
        f"port {port} can open the dashboard, with no login, and each visit runs the app here. "
        "Use --host 127.0.0.1 to keep it to this machine."
    )
    if public_url is None and _is_wildcard(host):
        warning += (
            f" Browsers elsewhere need --public-url (e.g. http://THIS-MACHINE:{port}): the page "
            f"tells them to connect back to {host}."
        )
    return warning


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_unspecified
    except ValueError:
        return False


def app_command_line(data_dir: Path, view: str = "matrix", as_of: dt.date | None = None) -> str:
    """The shell command each browser session runs: this Python's `peninsula app` on the tree."""
    argv = [sys.executable, "-m", "tui", "--data", str(data_dir.resolve()), "app", "--view", view]
    if as_of is not None:
        argv += ["--as-of", as_of.isoformat()]
    return shlex.join(argv)


def public_address(host: str, port: int) -> str:
    """The URL the page tells the browser to connect back to."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def make_server(command: str, host: str, port: int, public_url: str | None = None):
    """A textual-serve server for ``command``, with the page that asks no other host for
    anything (see app_index.html)."""
    from textual_serve.server import Server

    return Server(
        command,
        host=host.strip("[]"),
        port=port,
        title="Peninsula",
        public_url=public_url or public_address(host, port),
        templates_path=PAGE_TEMPLATES,
    )
