"""How many examples the hostile properties run: a few in `make test`, many under `make fuzz`.

The settings are applied to the hostile properties alone (never loaded as a global Hypothesis
profile), so that other suites keep their own. A fuzz run is one with PENINSULA_FUZZ set, which the
conftest sets when the run selects the `fuzz` marker (`make fuzz` passes `-m fuzz`).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_ENV = "PENINSULA_FUZZ"
FUZZ_FACTOR = 40
# Trees are big examples and app renders are slow: neither is a problem to report here.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]


def fuzzing() -> bool:
    return bool(os.environ.get(FUZZ_ENV))


def hostile_settings(examples: int) -> settings:
    """``examples`` examples, the same ones every run; under fuzzing, many more and new ones."""
    if fuzzing():
        return settings(
            max_examples=examples * FUZZ_FACTOR,
            deadline=None,
            suppress_health_check=_SLOW_OK,
            print_blob=True,
        )
    return settings(
        max_examples=examples, deadline=None, suppress_health_check=_SLOW_OK, derandomize=True
    )
