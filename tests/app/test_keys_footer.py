"""The footer of keys is rebuilt only when the keys it shows change (a switch of views paid for
rebuilding and restyling them several times over), and still shows each view's own keys."""

from __future__ import annotations

from textual.widget import Widget

from tui.app.widgets.keys_footer import KeysFooter

from tests.app.helpers import make_app, ready, show


def footer_keys(app) -> list[Widget]:
    return list(app.query_one(KeysFooter).query("FooterKey"))


async def test_the_footer_keeps_its_keys_when_they_stay_and_changes_them_when_they_change():
    app = make_app(view="actor")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        on_actor = footer_keys(app)
        assert "q" in [key.key for key in on_actor]
        # Actor and Source have the same keys: the same widgets stay.
        await show(pilot, "source")
        assert footer_keys(app) == on_actor
        # Gaps has keys of its own: they show.
        await show(pilot, "gaps")
        on_gaps = footer_keys(app)
        assert {"enter", "o"} <= {key.key for key in on_gaps}
        assert on_gaps != on_actor
        await show(pilot, "actor")
        assert [key.key for key in footer_keys(app)] == [key.key for key in on_actor]


async def test_the_keys_take_the_footers_style_and_the_palette_key_its_own():
    app = make_app(view="matrix")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        keys = footer_keys(app)
        palette = [key for key in keys if key.has_class("-command-palette")]
        assert len(palette) == 1
        assert palette[0].has_class("-compact")
        others = [key for key in keys if key not in palette]
        assert others
        assert not any(key.has_class("-compact") for key in others)
