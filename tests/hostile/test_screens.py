"""Every view over the hostile-text tree: markup shows as typed, controls show as stand-ins, and the
screenshots are well-formed SVG with no raw control character in them."""

from __future__ import annotations

import asyncio
import datetime as dt

from tui.app.app import create_app
from tui.app.views import VIEWS
from tui.app.widgets.source.view import SourceView

from tests.hostile import checks
from tests.hostile.cases import CORPUS, seed_text
from tests.hostile.screens import LOAD_GUARD_SECONDS, render_views, svg_text
from tests.hostile.trees import (
    HOSTILE_ACTOR,
    HOSTILE_ISSUE,
    HOSTILE_SEED,
    hostile_text_tree,
    write_hostile_text,
)

TARGETS = {"issue": HOSTILE_ISSUE, "actor": HOSTILE_ACTOR, "source": HOSTILE_SEED}
# A real article has some hundreds of paragraphs; a view of one subject should not need more.
MAX_WIDGETS_PER_SUBJECT = 2_000


MARKUP = ["[/bold]", "[/]", "[@click=app.quit]quit[/]", "[@click=app.bell()]ring[/]", "[[escaped]]"]
STAND_INS = [
    "␛[6n",
    "␛]52;c;UE9JU09OCg==␇",
    "⟨U+009B⟩31mC1CSI",
    "⟨U+202E⟩evil⟨U+202C⟩",
    "zero⟨U+200B⟩width",
    "nul␀byte",
]


# One test, not several over a shared fixture: parallel workers would each render again.
def test_every_view_shows_hostile_text_as_text(tmp_path):
    root = hostile_text_tree(tmp_path / "tree")
    screens = asyncio.run(render_views(root, size=(160, 45), targets=TARGETS))
    assert set(screens) == {spec.id for spec in VIEWS}
    for view_id, svg in screens.items():
        checks.check_svg(svg, view_id)
    shown = "\n".join(svg_text(svg) for svg in screens.values())
    assert [markup for markup in MARKUP if markup not in shown] == [], "markup was interpreted"
    assert [text for text in STAND_INS if text not in shown] == [], "controls were not made visible"


def test_every_view_takes_the_ends_of_the_calendar(bundled_tree):
    """Dates from 0001-01-01 to 9999-12-31 are valid data; no view may do arithmetic past them."""
    extreme = CORPUS / "positions" / "dates-extreme.yaml"
    (bundled_tree / "positions" / extreme.name).write_bytes(extreme.read_bytes())
    keys = ("left_square_bracket", "right_square_bracket", "down")
    # Opened on the first date, stepped back (nothing earlier) and forward.
    shots = asyncio.run(
        render_views(bundled_tree, size=(100, 30), keys=keys, as_of=dt.date(1, 1, 1))
    )
    for view_id, svg in shots.items():
        checks.check_svg(svg, view_id)


def test_the_source_view_builds_a_bounded_number_of_widgets(bundled_tree):
    (bundled_tree / "seeds" / "many-lines.txt").write_text(
        seed_text("many-lines", "A line of a fixture article.\n" * 20_000), encoding="utf-8"
    )

    async def build() -> int:
        app = create_app(bundled_tree, watch=False, blink=False)
        async with app.run_test(size=(100, 30)):
            await app.loaded.wait()
            view = app.query_one(SourceView)  # showing the first seed, not this one
            return len(view.compose_subject("many-lines"))

    assert asyncio.run(build()) <= MAX_WIDGETS_PER_SUBJECT


def test_palette_and_reload_onto_hostile_data(bundled_tree):
    """The palette lists data names literally; a reload onto hostile and half-written files
    keeps the app up and its screens clean."""

    async def run() -> dict[str, str]:
        shots = {}
        app = create_app(bundled_tree, watch=False, blink=False)
        async with app.run_test(size=(120, 36)) as pilot:
            await asyncio.wait_for(app.loaded.wait(), LOAD_GUARD_SECONDS)
            write_hostile_text(bundled_tree)
            kim = bundled_tree / "positions" / "kim-jong-un.yaml"
            kim.write_bytes(kim.read_bytes()[:300])  # half-written
            await pilot.press("r")
            for _ in range(200):  # a guard against a hang, not a speed check
                if app.load_count >= 2:
                    break
                await pilot.pause(0.05)
            assert app.load_count >= 2
            for spec in VIEWS:
                app.show_view(spec.id, TARGETS.get(spec.target) if spec.target else None)
                await pilot.pause()
                shots[spec.id] = app.export_screenshot()
            await pilot.press("ctrl+p", *"Actor", "down")
            await pilot.pause()
            shots["palette"] = app.export_screenshot()
        return shots

    shots = asyncio.run(run())
    for name, svg in shots.items():
        checks.check_svg(svg, name)
    assert "␛]52;c;UE9JU09OCg==␇" in svg_text(shots["palette"])
