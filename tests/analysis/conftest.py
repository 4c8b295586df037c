from __future__ import annotations

import pytest

from tui.core.dataset import Dataset

from .handmade import hand_dataset


@pytest.fixture
def hand() -> Dataset:
    return hand_dataset()
