"""Every view over the hostile-text tree: markup shows as typed, controls show as stand-ins, and the
screenshots are well-formed SVG with no raw control character in them."""

from __future__ import annotations

import asyncio

import pytest

from tests.hostile import checks
from tests.hostile.screens import render_views, svg_text
from tests.hostile.trees import HOSTILE_ACTOR, HOSTILE_ISSUE, HOSTILE_SEED, hostile_text_tree
from tui.app.views import VIEWS

TARGETS = {"issue": HOSTILE_ISSUE, "actor": HOSTILE_ACTOR, "source": HOSTILE_SEED}


@pytest.fixture(scope="module")
def screens(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    root = hostile_text_tree(tmp_path_factory.mktemp("screens") / "tree")
    return asyncio.run(render_views(root, size=(160, 45), targets=TARGETS))


@pytest.fixture(scope="module")
def shown(screens: dict[str, str]) -> str:
    return "\n".join(svg_text(svg) for svg in screens.values())


@pytest.mark.parametrize("view_id", [spec.id for spec in VIEWS])
def test_every_view_is_a_clean_svg(screens: dict[str, str], view_id: str):
    checks.check_svg(screens[view_id], view_id)


@pytest.mark.parametrize(
    "markup",
    ["[/bold]", "[/]", "[@click=app.quit]quit[/]", "[@click=app.bell()]ring[/]", "[[escaped]]"],
)
def test_markup_from_the_data_shows_as_typed(shown: str, markup: str):
    assert markup in shown


@pytest.mark.parametrize(
    "visible", ["␛[6n", "␛]52;c;UE9JU09OCg==␇", "⟨U+009B⟩31mC1CSI", "⟨U+202E⟩evil⟨U+202C⟩", "zero⟨U+200B⟩width", "nul␀byte"]
)
def test_controls_from_the_data_show_as_stand_ins(shown: str, visible: str):
    assert visible in shown
