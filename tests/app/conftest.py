from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.helpers import copy_data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return copy_data(tmp_path / "data")
