"""The hostile suite: bounded in `make test`, long under `make fuzz`.

A run is a fuzz run when it selects the `fuzz` marker (`make fuzz` passes `-m fuzz`) or when
PENINSULA_FUZZ is set. Then every property test here is marked `fuzz` (so `-m fuzz` selects it)
and runs under the `fuzz` Hypothesis profile; otherwise the properties run a few examples each and
tests marked `fuzz` by hand are skipped.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parents[2]

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]

settings.register_profile(
    "hostile", max_examples=12, deadline=None, suppress_health_check=_SLOW_OK, derandomize=True
)
settings.register_profile(
    "fuzz", max_examples=400, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True
)


def is_fuzz_run(config: pytest.Config) -> bool:
    if os.environ.get("PENINSULA_FUZZ"):
        return True
    markexpr = (config.getoption("markexpr", default="") or "").replace(" ", "")
    return "fuzz" in markexpr and "notfuzz" not in markexpr


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile("fuzz" if is_fuzz_run(config) else "hostile")


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # tryfirst: the markers must be in place before `-m` deselects.
    here = Path(__file__).parent
    fuzz = is_fuzz_run(config)
    skip = pytest.mark.skip(reason="long fuzz run: `make fuzz` or PENINSULA_FUZZ=1")
    for item in items:
        if here not in Path(str(item.fspath)).parents:
            continue
        is_property = getattr(getattr(item, "obj", None), "is_hypothesis_test", False)
        if fuzz and is_property:
            item.add_marker(pytest.mark.fuzz)
        elif not fuzz and item.get_closest_marker("fuzz"):
            item.add_marker(skip)


def scaled(examples: int) -> int:
    """`examples` in `make test`; many times more under `make fuzz`."""
    return examples if settings.get_current_profile_name() != "fuzz" else examples * 40


@pytest.fixture
def bundled_tree(tmp_path: Path) -> Path:
    """A private copy of the project's own data, safe to break."""
    root = tmp_path / "tree"
    root.mkdir()
    for part in ("positions", "seeds"):
        shutil.copytree(REPO / part, root / part)
    return root
