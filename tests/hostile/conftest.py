"""The hostile suite: bounded in `make test`, long under `make fuzz`.

A run is a fuzz run when it selects the `fuzz` marker (`make fuzz` passes `-m fuzz`) or when
PENINSULA_FUZZ is set. Then every property test here is marked `fuzz`, so that `-m fuzz` selects
it, and runs many examples (see profiles.py); otherwise the properties run a few examples each,
and tests marked `fuzz` by hand are skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.fixtures import FIRST_ARTICLE
from tests.hostile.profiles import FUZZ_ENV, fuzzing

REPO = Path(__file__).resolve().parents[2]


def selects_fuzz(config: pytest.Config) -> bool:
    markexpr = (config.getoption("markexpr", default="") or "").replace(" ", "")
    return "fuzz" in markexpr and "notfuzz" not in markexpr


def pytest_configure(config: pytest.Config) -> None:
    if selects_fuzz(config):
        os.environ[FUZZ_ENV] = "1"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # tryfirst: the markers must be in place before `-m` deselects.
    here = Path(__file__).parent
    skip = pytest.mark.skip(reason="long fuzz run: `make fuzz` or PENINSULA_FUZZ=1")
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if fuzzing() and is_property:
            item.add_marker(pytest.mark.fuzz)
        elif not fuzzing() and item.get_closest_marker("fuzz"):
            item.add_marker(skip)


@pytest.fixture
def bundled_tree(tmp_path: Path) -> Path:
    """A private copy of the first article's data, safe to break."""
    root = tmp_path / "tree"
    root.mkdir()
    for part in ("positions", "seeds"):
        shutil.copytree(FIRST_ARTICLE / part, root / part)
    return root
