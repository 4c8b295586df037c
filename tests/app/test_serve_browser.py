"""`peninsula serve` in a real browser: Debian's chromium, driven through its chromedriver.

Selenium rather than Playwright: Debian's chromium and chromium-driver come from the same
package release, so the driver always speaks the browser's protocol, while Playwright pins a
browser build of its own. `make browser` (run by `make test`) installs the two; where they
cannot be had, the test skips and says so.
"""

from __future__ import annotations

import io
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app.helpers import REPO

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without these, chromium on a machine with no network stalls on its own background requests.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,800",
)
# Waits are for a condition; this only bounds a hang.
PATIENCE = 60.0

# The page's terminal (xterm.js) draws on a canvas, so its text is read from the terminal's
# buffer. textual-serve keeps the terminal in a property named `terminal` of an object of its
# own; a setter on Object.prototype, installed before the page's scripts run, is told of it.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    window.peninsulaTerminal = value;
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
  },
});
"""
SCREEN_TEXT = """
const terminal = window.peninsulaTerminal;
if (!terminal) return null;
const buffer = terminal.buffer.active, lines = [];
for (let y = 0; y < terminal.rows; y++) {
  lines.push(buffer.getLine(buffer.viewportY + y).translateToString(true));
}
return lines.join("\\n");
"""


def _missing_browser() -> str | None:
    missing = [str(tool) for tool in (CHROMIUM, CHROMEDRIVER) if not os.access(tool, os.X_OK)]
    if missing:
        return (
            f"{' and '.join(missing)} not installed: `make browser` installs Debian's chromium "
            "and chromium-driver (as root, with apt-get)"
        )
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`peninsula serve` on the bundled data, on a free loopback port; its address."""
    port = _free_port()
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "tui", "--data", str(REPO), "serve", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + PATIENCE
        while True:
            if server.poll() is not None:
                pytest.fail(f"serve exited {server.returncode}: {_read(tmp_path / 'serve.log')}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"serve never listened: {_read(tmp_path / 'serve.log')}")
                time.sleep(0.05)  # polling for the port, not waiting out a guess
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")[-2000:]


@pytest.fixture
def browser(tmp_path: Path):
    reason = _missing_browser()
    if reason is not None:
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    options.add_argument(f"--user-data-dir={profile}")
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _screen(driver) -> str:
    return driver.execute_script(SCREEN_TEXT) or ""


def _wait_for_screen(driver, *texts: str) -> str:
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    try:
        WebDriverWait(driver, PATIENCE, poll_frequency=0.1).until(
            lambda d: all(text in _screen(d) for text in texts)
        )
    except TimeoutException:
        pytest.fail(f"the page never showed {texts}; it shows:\n{_screen(driver)}")
    return _screen(driver)


def _distinct_colours(png: bytes) -> int:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
    return len(colours or [])


def test_the_dashboard_in_a_browser_shows_the_matrix_and_answers_a_key(served, browser, tmp_path):
    browser.get(served)
    assert browser.title == "Peninsula"

    # The matrix's headers wrap names between words ("Donald" over "Trump"), so look for words.
    matrix = _wait_for_screen(browser, "Matrix · as of", "Donald", "Jae-myung", "Takaichi")
    assert "Talks with" in matrix, matrix
    first = browser.get_screenshot_as_png()
    (tmp_path / "matrix.png").write_bytes(first)
    # A page that drew nothing is one or two colours; the matrix has its palette and text.
    assert _distinct_colours(first) > 50

    # The page fetched everything from the server itself, the terminal's font included.
    fetched = browser.execute_script(
        "return performance.getEntriesByType('resource').map(entry => entry.name)"
    )
    assert fetched and all(url.startswith(served) for url in fetched), fetched
    assert browser.execute_script(
        "return [...document.fonts].some(f => f.family.includes('Roboto Mono') "
        "&& f.status === 'loaded')"
    )

    from selenium.webdriver.common.by import By

    browser.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys("2")
    gaps = _wait_for_screen(browser, "Gaps · as of", "Spread per issue")
    assert "Matrix · as of" not in gaps
    second = browser.get_screenshot_as_png()
    (tmp_path / "gaps.png").write_bytes(second)
    assert second != first
    assert _distinct_colours(second) > 50
