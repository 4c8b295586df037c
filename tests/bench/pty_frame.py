"""Time from exec until given words appear on a terminal, measured from outside, in a pty.

The program runs in a pseudo-terminal of a fixed size, as it would in a user's terminal; its
output is read as it comes, escape sequences are taken out, and the moment each awaited text
first shows is noted, with the CPU time the program had used by then (its threads included).
Once the last text shows the program is killed and its resource usage collected.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

# CSI, OSC, DCS/APC/PM strings, and two-character escapes: what a terminal does not print.
_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"
    rb"|\x1b[PX^_][^\x1b]*\x1b\\"
    rb"|\x1b[ -/]*[0-~]"
)
_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Shown:
    """When a text first showed: seconds since exec, and CPU seconds of the program by then."""

    wall: float
    cpu: float


def _cpu_so_far(pid: int) -> float:
    """utime + stime of a running process (clock ticks, so 10 ms steps)."""
    with open(f"/proc/{pid}/stat", "rb") as handle:
        fields = handle.read().rsplit(b")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def time_to_texts(
    argv: list[str],
    texts: list[str],
    environment: dict[str, str],
    size: tuple[int, int] = (160, 45),
    timeout: float = 300.0,
) -> dict[str, Shown]:
    """Run ``argv`` in a pty until the last text of ``texts`` shows; when each first showed.

    The texts before the last are noted if they show before it (a placeholder may never show).
    The last text's CPU figure is exact (the program's rusage once killed, taken at once);
    earlier ones are read from /proc at the moment they show.
    """
    columns, rows = size
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size its terminal, then become the program
        try:
            fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(argv[0], argv, environment)
        finally:
            os._exit(127)
    shown: dict[str, Shown] = {}
    waiting = list(texts)
    last = texts[-1]
    screen = b""
    try:
        while last not in shown:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise RuntimeError(f"{argv} did not show {waiting} within {timeout:.0f} s")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:  # the program ended and closed the terminal
                chunk = b""
            if not chunk:
                raise RuntimeError(
                    f"{argv} ended before showing {waiting}: {_plain(screen)[-2000:]!r}"
                )
            now = time.perf_counter() - start
            screen += chunk
            plain = _plain(screen)
            for text in list(waiting):
                if text.encode() in plain:
                    waiting.remove(text)
                    if text != last:
                        shown[text] = Shown(now, _cpu_so_far(pid))
                    else:
                        os.kill(pid, signal.SIGKILL)
                        _, _, usage = os.wait4(pid, 0)
                        pid = 0
                        shown[text] = Shown(now, usage.ru_utime + usage.ru_stime)
    finally:
        if pid:
            os.kill(pid, signal.SIGKILL)
            os.wait4(pid, 0)
        os.close(fd)
    return shown


def _plain(screen: bytes) -> bytes:
    return _ESCAPES.sub(b"", screen)


def time_to_exit(argv: list[str], environment: dict[str, str]) -> Shown:
    """Seconds and CPU seconds of a program that runs to its end (no terminal needed)."""
    start = time.perf_counter()
    quiet = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    pid = os.posix_spawn(argv[0], argv, environment, file_actions=quiet)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{argv} failed with status {status}")
    return Shown(wall, usage.ru_utime + usage.ru_stime)
