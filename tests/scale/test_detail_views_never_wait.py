"""The Issue, Actor, Source and Problems views never hold the screen on 5,000 actors.

Checked by design, not by the clock, as in test_never_waits: the listing of a subject's record
(which walks every actor) is held in its worker thread by a gate while the test presses a key; the
key is handled and the event loop goes round while the listing waits, which cannot happen if the
listing ran on the loop. Meanwhile the view says what it is building. Once the gate opens, what the
view builds on the loop is bounded by what a screen shows, whatever the size of the record.
"""

from __future__ import annotations

import asyncio
import re
import threading
from math import ceil
from pathlib import Path

import pytest
from textual.content import Content

from tui.app.render.caption import Caption
from tui.app.widgets import subject as subject_module
from tui.app.widgets.document import ROWS_PER_BLOCK, Document
from tui.app.widgets.problems.view import LIST_LIMIT
from tui.app.widgets.subject import SubjectView

from tests.app.helpers import make_app, until
from tests.scale.crowd import SEED_ID, write_crowd_tree

ACTORS = 5_000
SIZE = (160, 45)

# A screenful of blocks, with room: the record of a subject on 5,000 actors is tens of thousands.
MAX_BUILT = 120
BROKEN = 1_000  # actor files with a position on an issue that does not exist


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_crowd_tree(tmp_path_factory.mktemp("crowd") / "tree", actors=ACTORS)


class Gate:
    """Wraps a view's work so that it runs only once the test opens the gate, and records the
    thread it ran on."""

    def __init__(self, work):
        self.work = work
        self.opened = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, *args, **kwargs):
        self.threads.append(threading.current_thread())
        # Bounded, so that a regression (the work back on the loop) fails instead of hanging.
        self.opened.wait(timeout=30)
        return self.work(*args, **kwargs)


async def key_is_handled_while_the_work_waits(app, pilot, gate: Gate, view) -> None:
    assert view.working
    rounds = 0

    async def go_round() -> None:
        nonlocal rounds
        while True:
            rounds += 1
            await asyncio.sleep(0)

    counter = asyncio.create_task(go_round())
    await pilot.press("S")  # slide mode: a binding of the app, answered by the event loop
    await pilot.pause()
    counter.cancel()
    assert app.slide, "the key was not handled while the record was being listed"
    # The loop went round while the work waited at its gate, in a thread of its own.
    assert rounds > 10 and not gate.opened.is_set() and view.working
    assert all(thread is not threading.main_thread() for thread in gate.threads)
    await pilot.press("S")
    assert not app.slide
    gate.opened.set()
    await until(pilot, lambda: not view.working)
    await pilot.pause()


def built(document: Document) -> int:
    return sum(item._built is not None for item in document.blocks)


def plain(document: Document) -> str:
    return "\n".join(item.plain for item in document.blocks if item._built is not None)


def sources_named(view: SubjectView) -> str:
    caption = view.caption()
    assert isinstance(caption, Caption)
    sources = caption.sources
    return sources.plain if isinstance(sources, Content) else " ".join(sources.names)


async def open_large_subject(
    app, pilot, gate: Gate, view: SubjectView, noun: str, cites_its_record: bool = True
) -> None:
    """The view lists in its thread, says so, and answers a key; then shows a bounded screen.
    A caption that names the sources its record cites names them once the record is listed."""
    await until(pilot, lambda: bool(gate.threads))
    await pilot.pause()
    body = view.query_one(".subject-body", Document)
    building = body.blocks[0].plain
    assert re.fullmatch(rf"Building… [\d,]+ of [\d,]+ {noun}", building), building
    assert ("building" in sources_named(view)) is cites_its_record
    await key_is_handled_while_the_work_waits(app, pilot, gate, view)
    side = view.query_one(".subject-side", Document)
    assert len(body.blocks) > 1 and not body.blocks[0].plain.startswith("Building")
    for document in (body, side):
        assert built(document) <= MAX_BUILT, "more built than a screen shows"
    assert "building" not in sources_named(view)


async def test_issue_actor_and_source_of_five_thousand_actors_never_hold_the_screen(
    crowd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = Gate(subject_module.list_blocks)
    monkeypatch.setattr(subject_module, "list_blocks", gate)
    app = make_app(crowd, view="issue", target="gen-issue-01")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, app.loaded.is_set, polls=1200)

        issue = app.active_view
        await open_large_subject(app, pilot, gate, issue, "actors")
        side = issue.query_one(".subject-side", Document)
        # Every actor at a glance, a slice of rows per block, the first slices drawn.
        glance = [item for item in side.blocks if item.has_class("glance")]
        assert len(glance) == 1 + ceil(ACTORS / ROWS_PER_BLOCK)  # the scale, then the actors
        assert "Generated Actor 1 (generated)" in plain(side)

        gate.opened.clear()
        gate.threads.clear()
        app.actor_id = "gen-actor-00001"
        app.show_view("actor")
        actor = app.active_view
        await open_large_subject(app, pilot, gate, actor, "actors")
        side = actor.query_one(".subject-side", Document)
        assert "Distance to the others, nearest first" in plain(side)
        distances = [item for item in side.blocks if item.has_class("glance")]
        # The issues at a glance, then the other 4,999 actors by distance.
        assert len(distances) == 1 + ceil((ACTORS - 1) / ROWS_PER_BLOCK)

        gate.opened.clear()
        gate.threads.clear()
        app.source_id = SEED_ID
        app.show_view("source")
        source = app.active_view
        await open_large_subject(app, pilot, gate, source, "citations", cites_its_record=False)
        body = source.query_one(".subject-body", Document)
        # Each sentence is quoted by about a thousand stances: its numbers run as a range.
        marks = re.findall(r"\[(\d+)–(\d+)\]", plain(body))
        assert marks and all(int(high) - int(low) > 100 for low, high in marks)
        assert len(source.query_one(".subject-side", Document).blocks) > ACTORS


@pytest.fixture(scope="module")
def broken_crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_crowd_tree(tmp_path_factory.mktemp("broken") / "tree", actors=BROKEN)
    for path in sorted((root / "positions").glob("gen-actor-*.yaml")):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("issue: gen-issue-01", "issue: gen-issue-99"), "utf-8")
    return root


async def test_problems_of_a_thousand_files_list_a_bounded_screenful_and_say_the_rest(
    broken_crowd: Path,
) -> None:
    app = make_app(broken_crowd, view="problems")
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, app.loaded.is_set, polls=1200)
        await pilot.pause()
        ds = app.dataset
        assert ds is not None and len(ds.diagnostics) > LIST_LIMIT
        listed = app.query_one("#problems-list").option_count
        assert listed == LIST_LIMIT
        summary = str(app.query_one("#problems-summary").render())
        more = len(ds.diagnostics) - LIST_LIMIT
        assert f"{more:,} more" in summary and "peninsula validate" in summary
