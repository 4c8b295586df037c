"""Every view at every size from 80x24 to 250x60 shows names, stance words and issue titles
whole, on the bundled data and on eight generated actors with long names (see whole_words.py
for what counts as cut, and long_names.py for the tree).

One app per tree and group of sizes, resized between pictures, so the grid stays cheap; the
widths are the edges where layouts change (119/120 was the old switch to side by side) and the
heights the smallest, the slide size and the tallest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.views import VIEWS

from tests.app.helpers import REPO, make_app, ready, screen_text
from tests.app.long_names import long_names_tree
from tests.app.whole_columns import cut_columns
from tests.app.whole_words import vocabulary

# (tree, sizes): one app each. The bundled data at both sides of the old switch to side by side
# (119/120) and the band where it cut words (120-129); the long names at the smallest, that
# switch, the slide size and the largest.
CASES = [
    ("bundled", [(80, 24), (119, 24), (120, 30)]),
    ("bundled", [(129, 45), (160, 45), (250, 60)]),
    ("long-names", [(80, 24), (120, 30)]),
    ("long-names", [(160, 45), (250, 60)]),
]
SETTLE_POLLS = 20


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return long_names_tree(tmp_path_factory.mktemp("long-names") / "tree")


@pytest.mark.parametrize(
    ("tree", "sizes"), CASES, ids=[f"{tree}-{sizes[0][0]}-{sizes[-1][0]}" for tree, sizes in CASES]
)
async def test_no_view_cuts_a_name_a_stance_word_or_an_issue_title(
    tree: str, sizes: list[tuple[int, int]], request: pytest.FixtureRequest
):
    root = REPO if tree == "bundled" else request.getfixturevalue("long_names")
    app = make_app(root)
    cut: list[str] = []
    async with app.run_test(size=sizes[0]) as pilot:
        await ready(pilot)
        assert app.dataset is not None and len(app.dataset.actors) >= 8
        vocab = vocabulary(app.dataset)
        for width, height in sizes:
            await pilot.resize_terminal(width, height)
            for spec in VIEWS:
                app.show_view(spec.id)
                text = await settled(pilot)
                assert app.tabs.active == spec.id
                found = vocab.cut_words(text)
                if found:
                    cut.append(f"{spec.id} at {width}x{height}: {', '.join(sorted(set(found)))}")
                cut += [f"{spec.id} at {width}x{height}: {c}" for c in cut_columns(app)]
                if spec.id == "matrix":
                    cut += _actors_missing(app, text, f"{width}x{height}")
    assert not cut, "\n".join(cut)


async def settled(pilot) -> str:
    """The screen once two pictures in a row agree: a table measures its new rows only when it
    is next idle, so the first picture after a resize may not be the last."""
    await pilot.pause()
    text = screen_text(pilot.app)
    for _ in range(SETTLE_POLLS):
        await pilot.pause()
        again = screen_text(pilot.app)
        if again == text:
            return text
        text = again
    raise AssertionError("the screen never settled")


def _actors_missing(app, text: str, size: str) -> list[str]:
    """The matrix names every actor, in its column's header or in the legend of tags."""
    words = set(text.split())
    return [
        f"matrix at {size}: {actor.name} is not named"
        for actor in app.dataset.actors.values()
        if not all(word in words for word in actor.name.split())
    ]
