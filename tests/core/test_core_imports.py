"""The core runs without a terminal UI: importing all of it loads neither textual nor rich."""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import tui.core

PROBE = """
import importlib, json, pkgutil, sys
import tui.core
names = sorted(m.name for m in pkgutil.iter_modules(tui.core.__path__, "tui.core."))
for name in names:
    importlib.import_module(name)
loaded = sorted({m.split(".")[0] for m in sys.modules} & {"textual", "rich"})
print(json.dumps({"modules": names, "ui": loaded}))
"""


def test_importing_every_core_module_loads_neither_textual_nor_rich() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    )
    report = json.loads(result.stdout)
    expected = sorted(m.name for m in pkgutil.iter_modules(tui.core.__path__, "tui.core."))
    assert report["modules"] == expected
    assert {"tui.core.loader", "tui.core.yamlsafe", "tui.core.verify"} <= set(report["modules"])
    assert report["ui"] == []
