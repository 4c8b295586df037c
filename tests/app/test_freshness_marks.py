"""The matrix marks a stale and a disputed stance with a glyph (not colour alone), its legend
says what they mean, and the detail says when it was last stated and who disputes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tui.app.widgets.matrix.table import MatrixTable
from tui.app.widgets.shared.stance_detail import StanceDetail

from tests.app.helpers import make_app, ready, screen_text, squash, widget_text
from tests.core.conftest import write_tree
from tests.core.test_freshness import SANCTIONS, TALKS_S1, TALKS_S2, tree_files


async def test_stale_and_disputed_cells_carry_their_marks(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "data", tree_files(TALKS_S1, TALKS_S2, SANCTIONS))
    app = make_app(root, as_of=dt.date(2025, 12, 20))
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        sanctions = table.get_cell("sanctions", "alpha").plain
        talks = table.get_cell("talks", "alpha").plain
        assert "◷" in sanctions and "≠" not in sanctions
        assert "≠" in talks and "◷" not in talks
        assert "◷" not in table.get_cell("sanctions", "beta").plain  # 89 days: fresh
        text = squash(screen_text(app))
        assert "◷ stale: not stated in 180 days" in text
        assert "≠ disputed: sources disagree that day" in text

        app.issue_id, app.actor_id = "talks", "alpha"
        await pilot.pause()
        detail = squash(widget_text(app.query_one(StanceDetail)))
        assert "last stated 2025-09-22 · 1 statement · ≠ disputed" in detail
        assert "≠ disputed: the same day, Fixture Outlet via KCNA, Reuters gives" in detail


async def test_the_age_of_stale_is_the_apps_setting(tmp_path: Path) -> None:
    root = write_tree(tmp_path / "data", tree_files(TALKS_S1, SANCTIONS))
    app = make_app(root, as_of=dt.date(2025, 9, 22), stale_days=90)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        table = app.query_one(MatrixTable)
        assert "◷" in table.get_cell("sanctions", "alpha").plain  # 113 days, past 90
