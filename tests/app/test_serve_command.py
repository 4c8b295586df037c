"""`peninsula serve`'s options, without a browser (tests/app/test_serve_browser.py has one)."""

from __future__ import annotations

import shlex
import sys

import pytest
from click.testing import CliRunner

from tui.app.web.server import PAGE_TEMPLATES, exposure_warning, is_loopback
from tui.cli import main

from tests.fixtures import FIRST_ARTICLE


@pytest.fixture
def served(monkeypatch) -> list:
    """The servers that would have served, instead of listening."""
    from textual_serve.server import Server

    servers: list[Server] = []
    monkeypatch.setattr(Server, "serve", lambda self, *a, **k: servers.append(self))
    return servers


def test_serve_listens_on_loopback_by_default_and_says_nothing_of_exposure(served):
    result = CliRunner().invoke(main, ["serve", "--data", str(FIRST_ARTICLE)])
    assert result.exit_code == 0, result.output
    [server] = served
    assert (server.host, server.port) == ("127.0.0.1", 8000)
    assert server.public_url == "http://127.0.0.1:8000"
    assert "warning" not in result.output
    # The page is the project's own, which asks no other host for its font.
    assert server.templates_path == PAGE_TEMPLATES
    assert "https://" not in (PAGE_TEMPLATES / "app_index.html").read_text(encoding="utf-8")


def test_each_visit_runs_this_python_s_dashboard_on_the_tree_with_the_view_asked(served):
    result = CliRunner().invoke(
        main,
        ["serve", "--data", str(FIRST_ARTICLE), "--view", "gaps", "--as-of", "2025-09-21"],
    )
    assert result.exit_code == 0, result.output
    argv = shlex.split(served[0].command)
    assert argv[:3] == [sys.executable, "-m", "tui"]
    assert argv[3:] == [
        "--data",
        str(FIRST_ARTICLE.resolve()),
        "app",
        "--view",
        "gaps",
        "--as-of",
        "2025-09-21",
    ]


def test_serving_beyond_loopback_warns_and_says_how_to_keep_it_local(served):
    result = CliRunner().invoke(
        main, ["serve", "--data", str(FIRST_ARTICLE), "--host", "0.0.0.0", "--port", "8080"]
    )
    assert result.exit_code == 0, result.output
    assert "warning: serving on 0.0.0.0, not on loopback" in result.output
    assert "--host 127.0.0.1" in result.output
    assert "--public-url" in result.output  # the page would send browsers back to 0.0.0.0
    assert served[0].port == 8080


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.20", False),
        ("example.org", False),
    ],
)
def test_loopback_is_told_by_address(host: str, loopback: bool):
    assert is_loopback(host) is loopback
    assert (exposure_warning(host, 8000, None) is None) is loopback


def test_a_given_address_is_warned_of_without_the_public_url_hint():
    warning = exposure_warning("192.168.1.20", 8000, None)
    assert warning is not None and "--public-url" not in warning


def test_serve_on_a_folder_without_data_stops_as_every_command_does(served, tmp_path):
    result = CliRunner().invoke(main, ["serve", "--data", str(tmp_path)])
    assert result.exit_code == 1
    assert not served


def test_a_port_out_of_range_is_refused(served):
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2
    assert not served
