"""What a start does before the first frame with data (data first, nothing it does not show),
and what it leaves behind once started."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.app.helpers import make_app

# Runs the app headless on the bundled data, notes at the first data frame which heavy modules
# are imported and which views are mounted, and quits once the cache is written.
_START = """
import json, sys
from tui.app.app import PeninsulaApp, create_app
from tui.app.widgets.base import PeninsulaView
from tui.app.widgets.panel_header import PanelHeader

app = create_app(None, watch=False)
seen = {}
show = PeninsulaApp._show_dataset
placeholder = []
PanelHeader.show_loading = lambda self: placeholder.append(True)

def first_data(self, dataset):
    show(self, dataset)
    if not seen:
        heavy = ("pydantic", "pandas", "yaml", "regex", "tui.core.loader", "tui.core.models")
        seen["imported"] = [m for m in heavy if m in sys.modules]
        seen["mounted"] = sorted(v.VIEW_ID for v in self.query(PeninsulaView))
        seen["restored"] = self._warm_start.restored
        seen["placeholder"] = bool(placeholder)
        seen["laid out"] = bool(self.active_view.size)

PeninsulaApp._show_dataset = first_data

async def run(pilot):
    await app.loaded.wait()
    await app.workers.wait_for_complete()
    app.exit()

app.run(headless=True, size=(120, 40), auto_pilot=run)
print(json.dumps(seen))
"""


def _start(cache: Path) -> dict:
    environment = {**os.environ, "PENINSULA_CACHE": str(cache)}
    result = subprocess.run(
        [sys.executable, "-c", _START], capture_output=True, text=True, env=environment, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_a_warm_start_shows_its_first_data_with_no_pydantic_pandas_yaml_regex_or_other_view(
    tmp_path: Path,
) -> None:
    cold = _start(tmp_path / "cache")
    assert not cold["restored"]
    assert "pydantic" in cold["imported"]  # a cold start validates: the test can fail
    assert cold["mounted"] == ["matrix"]
    assert cold["placeholder"] and cold["laid out"]  # drawn while the thread loads
    warm = _start(tmp_path / "cache")
    # The data before the first layout: the first frame is the data frame, no placeholder.
    assert warm == {
        "imported": [],
        "mounted": ["matrix"],
        "restored": True,
        "placeholder": False,
        "laid out": False,
    }


async def test_once_started_the_app_leaves_the_collector_nothing_to_rescan():
    # What the start left behind is collected while the screen is idle after its first data
    # frame, and what lives on is set aside with the data: else a full collection over it (a
    # tenth of a second on the large tree) came in the middle of the first view opened.
    app = make_app()
    async with app.run_test(size=(120, 40)):
        await app.loaded.wait()
        # Tens of thousands were left to the collector before (the views just mounted).
        assert len(gc.get_objects()) < 5_000
