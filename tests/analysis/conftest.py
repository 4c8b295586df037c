from __future__ import annotations

import pytest

from .handmade import hand_dataset
from tui.core.dataset import Dataset


@pytest.fixture
def hand() -> Dataset:
    return hand_dataset()
