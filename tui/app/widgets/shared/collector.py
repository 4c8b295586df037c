"""The cyclic collector paused while a worker thread works out something large for a view."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector paused while a large picture or record is worked out, and what is
    alive then set aside from it, as the app does for a load (see ``PeninsulaApp._show_dataset``):
    the work makes a hundred thousand objects and no cycles, and every full collection that
    rescanned them would stop the screen for a tenth of a second and more (a pass in a worker
    thread holds the interpreter, so the event loop waits for it too). The next load hands them
    back."""
    paused_here = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if paused_here:
            gc.enable()
