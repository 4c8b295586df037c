"""What reaches a real terminal: the app run in a pseudo-terminal over data full of escapes.

The data carries unique terminal sequences (an OSC 52 clipboard write, an OSC 0 title, a cursor
position request, a C1 CSI, a BEL, a blinking SGR). The app is painted, walked through every view
with the keys a user presses, and quit; then the bytes it wrote must hold none of those sequences,
while the data's words do show (made visible), so the test cannot pass by showing nothing.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tui.app.views import VIEWS
from tui.core.sanitize import is_shown_as_mark

from tests.hostile.payloads import PROPERTY_INVISIBLES, TERMINAL_MARKERS
from tests.hostile.trees import hostile_text_tree

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

SIZE = (120, 40)
# Guards against a hang, not speed checks: the test waits for output, and fails if none comes.
FIRST_PAINT_GUARD = 90.0
KEY_GUARD = 20.0
QUIET = 0.3
EXIT_GUARD = 60.0

# The escape sequences Textual writes itself: CSI sequences and its OSC 22 pointer shape.
_CSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]")
_OSC_POINTER = re.compile(rb"\x1b\]22;[^\x07\x1b]*(?:\x07|\x1b\\)")


class Terminal:
    """A child process on a pseudo-terminal, and everything it wrote."""

    def __init__(self, argv: list[str], cwd: Path):
        master, slave = os.openpty()
        rows, cols = SIZE[1], SIZE[0]
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        env.update(TERM="xterm-256color", COLORTERM="truecolor")
        self.process = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=cwd, start_new_session=True
        )
        os.close(slave)
        self.master = master
        self.output = bytearray()

    def read(self, guard: float, until: bytes | None = None) -> bool:
        """Read until the screen has been quiet a moment (and ``until`` was seen); False at EOF."""
        deadline = time.monotonic() + guard
        last = time.monotonic()
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the child closed the terminal
                    return False
                if not chunk:
                    return False
                self.output.extend(chunk)
                last = time.monotonic()
            elif (until is None or until in self.output) and time.monotonic() - last > QUIET:
                return True
        return True

    def press(self, key: bytes, answered: bool = False) -> None:
        """Send a key; with ``answered``, wait for the app to repaint before the next key.

        A lone ESC and the key after it, if both sit unread in the terminal's buffer (a loaded
        machine), are one key to the app (alt+key), as in any terminal: a key that must be read
        apart from the next (the ESC that closes the palette before `q`) waits for its answer.
        """
        before = len(self.output)
        os.write(self.master, key)
        deadline = time.monotonic() + KEY_GUARD
        while self.read(KEY_GUARD) and answered and len(self.output) == before:
            if time.monotonic() > deadline:
                break

    def close(self) -> int:
        """The app's exit status once it has quit; -9 if it has not quit within the guard."""
        deadline = time.monotonic() + EXIT_GUARD
        try:
            # Whatever the app writes while quitting counts too: read to the end.
            while self.process.poll() is None and time.monotonic() < deadline:
                if not self.read(min(1.0, max(0.0, deadline - time.monotonic()))):
                    break
            return self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return -9
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            os.close(self.master)


def run_the_app_over_hostile_data(root: Path) -> bytes:
    """Paint, walk every view with the keys a user presses, open help and the palette, quit."""
    repo = Path(__file__).resolve().parents[2]
    terminal = Terminal([sys.executable, "-m", "tui", "--data", str(root)], cwd=repo)
    try:
        terminal.read(FIRST_PAINT_GUARD, until=b"Problems")
        for number in range(1, len(VIEWS) + 1):
            terminal.press(str(number).encode())
            for key in (b"\x1b[B", b"\x1b[C"):  # down, right
                terminal.press(key)
        terminal.press(b"\x1b")
        terminal.press(b"?")
        terminal.press(b"\x1b")
        terminal.press(b"\x10")  # ctrl+p: the palette lists every actor, issue and source
        terminal.press(b"Actor")
        terminal.press(b"\x1b[B")
        terminal.press(b"\x1b", answered=True)
        terminal.press(b"q")
    finally:
        status = terminal.close()
    output = bytes(terminal.output)
    assert status == 0, output[-3000:].decode("utf-8", "replace")
    return output


# One test, not several over a shared fixture: parallel workers would each run the app again.
def test_no_escape_sequence_or_control_byte_from_the_data_reaches_the_terminal(tmp_path: Path):
    output = run_the_app_over_hostile_data(hostile_text_tree(tmp_path / "tree"))

    # The app painted the data: the markers' words are on screen, the escape made visible.
    assert b"Traceback" not in output
    assert b"PWNED-TITLE" in output and b"SGRMARK" in output
    assert "␛".encode() in output

    # None of the data's own sequences reached the terminal.
    reached = [name for name, marker in TERMINAL_MARKERS.items() if marker.encode() in output]
    assert not reached, f"data-borne sequences reached the terminal: {reached}"
    for fragment in ("BELL\x07MARK", "\x1b]52;", "\x1b]0;"):
        assert fragment.encode() not in output, fragment

    # Only the app's own escapes remain: CSI sequences and its pointer-shape OSC.
    rest = _OSC_POINTER.sub(b"", _CSI.sub(b"", output))
    assert b"\x1b" not in rest, rest[rest.index(b"\x1b") - 40 : rest.index(b"\x1b") + 40]
    controls = sorted({byte for byte in rest if byte < 0x20 and byte not in (0x0A, 0x0D)})
    assert not controls and b"\x7f" not in rest, f"raw control bytes from the data: {controls}"
    # C1 controls as UTF-8 (U+0080..U+009F): some terminals act on them as on ESC sequences.
    assert not re.search(rb"\xc2[\x80-\x9f]", output)
    # Nor any character invisible by its Unicode properties (fillers, noncharacters, ...).
    text = output.decode("utf-8", "replace")
    raw = sorted({f"U+{ord(c):04X}" for p in PROPERTY_INVISIBLES for c in p if is_shown_as_mark(c)})
    reached_raw = [code for code in raw if chr(int(code[2:], 16)) in text]
    assert not reached_raw, f"invisible characters reached the terminal raw: {reached_raw}"
    assert any(f"⟨{code}⟩" in text for code in raw)  # and they were there, shown as marks


def test_the_harness_would_see_a_sequence_that_got_through(tmp_path: Path):
    """The pseudo-terminal passes bytes through as they are: a program that writes the markers
    raw is caught, so the tests above can fail."""
    script = "import sys; sys.stdout.write(" + repr("".join(TERMINAL_MARKERS.values())) + ")"
    terminal = Terminal([sys.executable, "-c", script], cwd=tmp_path)
    assert terminal.close() == 0
    for marker in TERMINAL_MARKERS.values():
        assert marker.encode("utf-8") in bytes(terminal.output)
