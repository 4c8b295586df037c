"""Reloading: edits show up in place, a half-written file keeps its last good version on screen."""

from __future__ import annotations

from pathlib import Path

from tui.app.widgets.matrix.table import MatrixTable
from tui.app.widgets.shared.stance_detail import StanceDetail
from tui.core.last_good import STALE_MESSAGE, LastGood
from tui.core.loader import load_tree

from tests.app.helpers import make_app, ready, reloaded, screen_text, squash, until, widget_text
from tests.fixtures import FIRST_ARTICLE

KIM = Path("positions") / "kim-jong-un.yaml"
SUMMARY = "Will not disarm;"


def files_of(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for part in ("positions", "seeds")
        for path in sorted((root / part).rglob("*"))
        if path.is_file()
    }


def edit(root: Path, old: str, new: str) -> str:
    path = root / KIM
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def truncate(root: Path) -> None:
    """Cut the file mid-evidence, as an editor or a checkout caught half-way would leave it."""
    path = root / KIM
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("issue: denuclearisation") + 250], encoding="utf-8")


async def test_reload_picks_up_an_edit_and_keeps_cursor_and_view(data_copy: Path):
    app = make_app(data_copy)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("right", "down")  # Kim Jong Un on denuclearisation
        table = app.query_one(MatrixTable)
        cursor = table.cursor_coordinate
        edit(data_copy, SUMMARY, "EDITED, will not disarm;")
        app.action_reload()
        await reloaded(pilot, 2)
        assert (app.issue_id, app.actor_id) == ("denuclearisation", "kim-jong-un")
        assert table.cursor_coordinate == cursor
        assert app.tabs.active == "matrix"
        assert "EDITED, will not disarm;" in squash(widget_text(app.query_one(StanceDetail)))


async def test_a_truncated_file_keeps_its_last_good_version_until_it_is_whole(data_copy: Path):
    before = files_of(data_copy)
    app = make_app(data_copy)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("right", "down")
        good = edit(data_copy, SUMMARY, "EDITED, will not disarm;")
        app.action_reload()
        await reloaded(pilot, 2)

        truncate(data_copy)
        app.action_reload()
        await reloaded(pilot, 3)
        ds = app.dataset
        assert ds.errors, "the broken file is reported"
        assert any(d.message == STALE_MESSAGE and d.path == KIM.as_posix() for d in ds.warnings)
        # The last good records of the file are still there, every one of them.
        assert ds.stance_at("kim-jong-un", "sanctions") is not None
        assert "EDITED" in ds.stance_at("kim-jong-un", "denuclearisation").position.summary
        assert (app.issue_id, app.actor_id) == ("denuclearisation", "kim-jong-un")
        assert "EDITED, will not disarm;" in squash(widget_text(app.query_one(StanceDetail)))
        text = squash(screen_text(app))
        assert "error" in text  # the header counts them, on every view
        assert f"Problems {len(ds.diagnostics)}" in text

        (data_copy / KIM).write_text(good.replace("EDITED", "FINAL"), encoding="utf-8")
        app.action_reload()
        await reloaded(pilot, 4)
        assert not app.dataset.diagnostics
        assert "FINAL, will not disarm;" in squash(widget_text(app.query_one(StanceDetail)))
        assert "✓ no problems" in squash(screen_text(app))
    after = files_of(data_copy)
    assert set(after) == set(before), "the app created or removed nothing in the data"


async def test_the_watcher_reloads_when_a_file_changes(data_copy: Path):
    app = make_app(data_copy, watch=True)
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        await pilot.press("right", "down")
        text = (data_copy / KIM).read_text(encoding="utf-8")
        # The watch may start a moment after the first load: write until it is seen.
        for attempt in range(50):
            (data_copy / KIM).write_text(
                text.replace(SUMMARY, f"WATCHED {attempt},"), encoding="utf-8"
            )
            try:
                await until(pilot, lambda: app.load_count >= 2, polls=40)
                break
            except AssertionError:
                continue
        await until(pilot, lambda: "WATCHED" in widget_text(app.query_one(StanceDetail)))


async def test_problems_view_lists_diagnostics_in_gcc_style(data_copy: Path):
    truncate(data_copy)
    app = make_app(data_copy, view="problems")
    async with app.run_test(size=(120, 30)) as pilot:
        await ready(pilot)
        ds = app.dataset
        assert ds.errors
        text = squash(screen_text(app))
        first = ds.diagnostics[0]
        assert squash(f"{first.path}:{first.line}:{first.col}: {first.severity.value}:") in text
        assert f"Problems {len(ds.diagnostics)}" in text
        # The file never loaded cleanly here, so nothing stale is claimed.
        assert not any(d.message == STALE_MESSAGE for d in ds.diagnostics)


# -- the merge itself, without an app ------------------------------------------------------------


def test_last_good_keeps_a_broken_files_records_and_converges(data_copy: Path):
    keeper = LastGood()
    first = keeper.merge(load_tree(data_copy))
    assert not first.diagnostics
    kim_stances = [r for r in first.stances if r.actor_id == "kim-jong-un"]

    truncate(data_copy)
    loaded = load_tree(data_copy)
    assert loaded.errors
    shown = keeper.merge(loaded)
    assert [r for r in shown.stances if r.actor_id == "kim-jong-un"] == kim_stances
    assert list(shown.actors) == list(first.actors), "the columns keep their order"
    assert list(shown.issues) == list(first.issues)
    assert set(shown.diagnostics) > set(loaded.diagnostics)

    (data_copy / KIM).write_text(
        (FIRST_ARTICLE / KIM).read_text(encoding="utf-8"), encoding="utf-8"
    )
    healed = keeper.merge(load_tree(data_copy))
    assert not healed.diagnostics
    assert [r.position for r in healed.stances if r.actor_id == "kim-jong-un"] == [
        r.position for r in kim_stances
    ]


def test_last_good_lets_a_deleted_file_go(data_copy: Path):
    keeper = LastGood()
    keeper.merge(load_tree(data_copy))
    (data_copy / KIM).unlink()
    shown = keeper.merge(load_tree(data_copy))
    assert "kim-jong-un" not in shown.actors
    assert KIM.as_posix() not in keeper.files


def test_last_good_returns_the_load_untouched_when_nothing_is_stale(data_copy: Path):
    keeper = LastGood()
    loaded = load_tree(data_copy)
    assert keeper.merge(loaded) is loaded
