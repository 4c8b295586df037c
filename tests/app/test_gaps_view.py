"""The gaps view: bars, the distance grid, conditions in words, common ground, starting points, and
the stances and evidence behind whichever figure the cursor is on."""

from __future__ import annotations

import datetime as dt
import re
from xml.etree import ElementTree

from click.testing import CliRunner
from rich.cells import cell_len
from textual.coordinate import Coordinate

from tui.app.render import caption as caption_module
from tui.app.widgets.gaps.detail import figure_blocks
from tui.app.widgets.gaps.figure_table import FigureList, FigureTable
from tui.app.widgets.gaps.figures import (
    MAX_STACK,
    absent_text,
    distance_cell,
    fit_axis,
    is_thin,
    spread_bar,
    stack,
)
from tui.app.widgets.gaps.view import GapsView
from tui.app.widgets.shared.actor_tags import actor_tags, tag_legend
from tui.app.widgets.shared.figure_detail import FigureDetail
from tui.cli import main as cli_main
from tui.core import citations
from tui.core.analysis import (
    CommonGround,
    ConditionCheck,
    FarthestPairs,
    IssueSpread,
    PairDistance,
    StartingPoint,
    analyse,
)
from tui.core.citations import evidence_in_view

from tests.analysis.handmade import build_dataset, hand_dataset
from tests.app.helpers import REPO, flat, make_app, ready, screen_text, until, widget_text
from tests.app.hostile_tree import shown, write_hostile_tree
from tests.fixtures import FIRST_ARTICLE

KIM_CONDITION = (
    "Kim Jong Un's condition for Talks with the US is unmet: "
    "Donald Trump's stance on Denuclearisation is +2, needs ≤ 0"
)


# -- the figures as text ------------------------------------------------------------------------


def test_actor_tags_are_initials_and_unique():
    ds = build_dataset(
        ["one"],
        ["a", "b", "c", "d"],
        [],
        names={"a": "Kim Jong Un", "b": "Lee Jae-myung", "c": "Kim Jong Un", "d": "donald trump"},
    )
    tags = actor_tags(ds, list(ds.actors))
    assert tags == {"a": "KJU", "b": "LJM", "c": "KJU2", "d": "DT"}


def test_names_are_shown_literally_in_tags_and_legend():
    ds = build_dataset(["one"], ["a"], [], names={"a": "[b]Evil[/b] \x1b[31mRed\u202e"})
    legend = tag_legend(ds, actor_tags(ds, ["a"]))
    assert "[b]Evil[/b]" in legend.plain
    assert "\x1b" not in legend.plain and "\u202e" not in legend.plain
    assert "␛" in legend.plain


def test_a_bar_puts_each_actor_at_its_point_and_marks_the_span():
    ds = hand_dataset()
    analysis = analyse(ds)
    tags = actor_tags(ds, analysis.actor_ids)
    one = analysis.spread("one")  # ann -2, cy +1, bo +2
    axis = fit_axis(list(analysis.spreads), tags, 60)
    bar = spread_bar(one, tags, axis).plain
    ann, cy, bo = bar.index(tags["ann"]), bar.index(tags["cy"]), bar.index(tags["bo"])
    assert ann < cy < bo
    # Each tag is centred on its point of the axis.
    for tag, point in ((tags["ann"], -2), (tags["cy"], 1), (tags["bo"], 2)):
        start = bar.index(tag)
        assert start <= axis.x(point) <= start + len(tag) - 1
    assert "━" in bar[ann:bo]  # the spread drawn from the lowest to the highest
    assert tags["di"] not in bar  # absent is not placed anywhere, least of all at 0


def crowded_bar(actors: int, budget: int = 40) -> tuple[list[str], dict[str, str], int]:
    """The bar of ``actors`` actors all at one point, as lines; their tags; the axis width."""
    names = {f"a{n}": f"Actor Number{n} Long" for n in range(actors)}
    ds = build_dataset(
        ["one"], list(names), [dict(actor=a, issue="one", stance=0) for a in names], names=names
    )
    analysis = analyse(ds)
    tags = actor_tags(ds, analysis.actor_ids)
    axis = fit_axis(list(analysis.spreads), tags, budget)
    assert axis.width <= budget
    return spread_bar(analysis.spread("one"), tags, axis).plain.split("\n"), tags, axis.width


def test_a_bar_fits_its_budget_and_stacks_crowded_points():
    lines, tags, width = crowded_bar(MAX_STACK)
    assert all(cell_len(line) <= width for line in lines)
    # Actors at one point: every tag whole, on lines under the point, none folded away.
    assert len(lines) > 1 and "+" not in "".join(lines)
    assert sorted(re.findall(r"[A-Z]+\d*", "".join(lines))) == sorted(tags.values())


def test_a_crowded_point_stacks_a_few_lines_and_counts_the_rest():
    for actors in (8, 20, 5_000):
        lines, tags, width = crowded_bar(actors)
        assert len(lines) == MAX_STACK and all(cell_len(line) <= width for line in lines)
        shown = re.findall(r"[A-Z]+\d*", " ".join(lines))
        counted = re.findall(r"\+(\d+)", lines[-1])
        # Whole tags, in actor order, and the count of the others.
        assert shown == list(tags.values())[: len(shown)]
        assert len(counted) == 1 and len(shown) + int(counted[0]) == actors


def test_the_tags_left_over_go_on_the_last_line_with_room_for_their_count():
    assert stack(["KJU", "DT", "LJM", "KYJ", "XJ", "VP"], 7) == ["KJU DT", "LJM KYJ", "XJ VP"]
    assert stack(["KJU", "DT", "LJM", "KYJ", "XJ", "VP"], 7, most=3) == [
        "KJU DT",
        "LJM KYJ",
        "XJ VP",
    ]
    assert stack(["KJU", "DT", "LJM", "KYJ", "XJ", "VP", "A"], 7, most=2) == ["KJU DT", "LJM +4"]
    assert stack(["ABCDE"] * 10, 5, most=3) == ["ABCDE", "ABCDE", "+8"]


def test_the_actors_not_known_are_counted_in_words_not_as_a_signed_number():
    # "+2" beside the spread's figures would read as a stance.
    tags = {f"a{i}": f"T{i}" for i in range(9)}
    spread = IssueSpread("i", (), tuple(tags), None, None, None, FarthestPairs())
    text = absent_text(spread, tags, width=12, lines=2).plain
    lines = text.splitlines()
    assert len(lines) == 2 and lines[-1].endswith(" more") and "+" not in text
    shown = re.findall(r"T\d", text)
    assert len(shown) + int(re.search(r"(\d+) more", text).group(1)) == 9


def test_distance_cells_carry_number_shade_and_basis_and_thin_ones_are_dimmed():
    analysis = analyse(hand_dataset())
    ann_bo = analysis.distance("ann", "bo")  # one, two, six: |−2−2|, |1−2|, |1−(−1)| → 7/3
    cell = distance_cell(ann_bo)
    assert cell.plain == "▓▓ 2.3 n=3"
    assert not is_thin(ann_bo)
    bo_cy = analysis.distance("bo", "cy")  # one (+2/+1) and four (0/+1): n=2
    assert "n=2" in distance_cell(bo_cy).plain
    ann_di = analysis.distance("ann", "di")  # two and three: n=2
    thin = next(d for d in analysis.distances if d.shared == 1)
    assert is_thin(thin)
    assert "dim" in str(distance_cell(thin).spans[0].style)
    assert "dim" not in " ".join(str(s.style) for s in distance_cell(ann_di).spans)
    none = next(d for d in analysis.distances if d.shared == 0)
    assert "n=0" in distance_cell(none).plain and "—" in distance_cell(none).plain


# -- the view on the bundled data ---------------------------------------------------------------


async def test_widest_gap_first_and_every_figure_shows_its_evidence():
    app = make_app(view="gaps")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.query_one(GapsView)
        spreads = app.query_one("#gaps-spreads", FigureTable)
        assert spreads.has_focus
        # Kim and Trump farthest apart on denuclearisation: the first row, at the two ends.
        first = spreads.get_row_at(0)
        assert first[0].plain == "Denuclearisation"
        bar = first[1].plain
        assert bar.index("KJU") < bar.index("LJM") < bar.index("DT")
        assert first[2].plain.startswith("4")
        detail = widget_text(app.query_one("#gaps-detail", FigureDetail))
        assert "Farthest apart: Kim Jong Un -2 ↔ Donald Trump +2" in detail
        assert "the absurd obsession with denuclearising us" in detail
        assert "Not known (left out, not read as 0): Kim Yo Jong" in detail

        await pilot.press("down")  # Talks with the US, spread 1
        assert isinstance(view.selected_figure, IssueSpread)
        assert view.selected_figure.issue_id == "talks-with-us"
        assert "Talks with the US: spread 1" in widget_text(
            app.query_one("#gaps-detail", FigureDetail)
        )

        await pilot.press("tab")  # the distance grid, on Trump and Kim
        assert app.query_one("#gaps-distances", FigureTable).has_focus
        pair = view.selected_figure
        assert isinstance(pair, PairDistance) and {pair.actor_a, pair.actor_b} == {
            "donald-trump",
            "kim-jong-un",
        }
        detail = widget_text(app.query_one("#gaps-detail", FigureDetail))
        assert "Donald Trump ↔ Kim Jong Un: distance 2.5, over 2 of 6 issues" in detail
        assert "Denuclearisation: gap 4" in detail and "Talks with the US: gap 1" in detail

        await pilot.press("tab")  # the conditions: Kim's talks condition, blocked by Trump
        assert app.query_one("#gaps-conditions", FigureList).has_focus
        assert isinstance(view.selected_figure, ConditionCheck)
        detail = widget_text(app.query_one("#gaps-detail", FigureDetail))
        assert KIM_CONDITION in detail
        assert "Blocked by Donald Trump" in detail
        assert "there is no reason for us not to sit down with the United States" in detail
        assert (
            "if the United States abandons its insistence that Pyongyang give up nuclear weapons"
            in detail
        )
        prompt = app.query_one("#gaps-conditions", FigureList).get_option_at_index(0).prompt
        assert prompt.plain == f"✗ UNMET {KIM_CONDITION} — blocked by Donald Trump"

        await pilot.press("tab")  # common ground
        common = view.selected_figure
        assert isinstance(common, CommonGround)
        # Sanctions and the summit: two of four known, too few to read agreement.
        assert [c.issue_id for c in view.analysis.common_ground] == ["talks-with-us"]
        detail = widget_text(app.query_one("#gaps-detail", FigureDetail))
        assert "Talks with the US: common ground, all for, 3 of 4 known" in detail
        # Each agreeing stance's summary, in the detail and under the row: the same side is
        # not always the same reason.
        assert "Why each is for: the stances' summaries" in detail
        row = app.query_one("#gaps-common", FigureList).get_option_at_index(0).prompt.plain
        for record in common.known:
            assert record.position.summary in " ".join(detail.split())
            assert record.position.summary in row

        await pilot.press("tab")  # starting points: narrowest first, blocks flagged
        ranking = app.query_one("#gaps-ranking", FigureTable)
        assert ranking.has_focus
        assert isinstance(view.selected_figure, StartingPoint)
        rows = [ranking.get_row_at(n) for n in range(ranking.row_count)]
        assert [r[1].plain for r in rows][:2] == ["Talks with the US", "Denuclearisation"]
        notes = {r[1].plain: r[3].plain for r in rows}
        assert "too few known (2 of 4 known)" in notes["Sanctions"]
        assert "common ground" not in notes["Sanctions"]
        assert "⚑ blocked: KJU's condition unmet" in notes["Talks with the US"]
        assert "⚑ blocking: DT's stance here blocks KJU" in notes["Denuclearisation"]

        await pilot.press("enter")
        assert app.query_one("#gaps-detail", FigureDetail).has_focus
        await pilot.press("escape")
        assert ranking.has_focus


async def test_a_first_open_draws_once_and_cites_what_the_matrix_already_found(monkeypatch):
    """Opened after the matrix: the view is in its layout from the start, the figures are drawn
    once (the first resize of a view about to be shown draws nothing), and the picture's
    sources, which the matrix found, are not looked for again, neither by the caption before the
    figures are drawn nor by their work."""
    walks: list[tuple] = []

    def counted(ds, as_of=None, **subject):
        if not any(subject.values()):
            walks.append((ds, as_of))
        return evidence_in_view(ds, as_of, **subject)

    for module in (citations, caption_module):
        monkeypatch.setattr(module, "evidence_in_view", counted)
    draws: list[object] = []
    draw = GapsView._draw
    monkeypatch.setattr(GapsView, "_draw", lambda view, a: (draws.append(a), draw(view, a)))
    app = make_app(view="matrix")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.query_one(GapsView)
        # Laid out side by side from its mounting, not restyled on first showing.
        assert view.has_class("-wide") and not view.has_class("-compact")
        walks.clear()
        app.show_view("gaps")
        await until(pilot, lambda: bool(draws))
        await pilot.pause()
        assert len(draws) == 1 and not walks
        assert "Benzinga" in str(view.caption())


async def test_compact_layout_at_80x24_shows_the_headline_gap():
    app = make_app(view="gaps")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        view = app.query_one(GapsView)
        assert view.has_class("-compact")
        lines = screen_text(app).splitlines()
        assert "Gaps · as of 2025-09-22 · stated by then · source: Benzinga" in lines[0]
        row = next(line for line in lines if "Denuclearisation" in line and "KJU" in line)
        assert row.index("KJU") < row.index("DT") and "4 ████" in row
        assert any("Farthest apart: Kim Jong Un -2 ↔ Donald Trump +2" in line for line in lines)
        # Nothing hides to the right of the spread table.
        spreads = app.query_one("#gaps-spreads", FigureTable)
        assert spreads.virtual_size.width <= spreads.size.width
        # The condition sentence is a tab or two away, and scrolled into view when reached.
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert flat(KIM_CONDITION) in flat(screen_text(app))


async def test_the_as_of_keys_change_every_figure():
    app = make_app(view="gaps")
    async with app.run_test(size=(160, 45)) as pilot:
        await ready(pilot)
        view = app.query_one(GapsView)
        assert len(view.analysis.unmet) == 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.as_of == dt.date(2025, 8, 25)
        assert view.analysis.as_of == dt.date(2025, 8, 25)
        text = screen_text(app)
        assert "Gaps · as of 2025-08-25" in text
        # On 2025-08-25 only Trump and Lee had spoken: no condition, no Kim, no denuclearisation
        # gap.
        assert "No stance carries a condition." in text
        assert view.analysis.spread("denuclearisation").spread is None
        assert (
            "KJU"
            not in app.query_one("#gaps-spreads", FigureTable).get_row("talks-with-us")[1].plain
        )
        assert (
            "n=0"
            in app.query_one("#gaps-distances", FigureTable)
            .get_cell("donald-trump", "kim-jong-un")
            .plain
        )
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert app.as_of is None
        assert len(view.analysis.unmet) == 1
        assert (
            "2.5 n=2"
            in app.query_one("#gaps-distances", FigureTable)
            .get_cell("donald-trump", "kim-jong-un")
            .plain
        )


def test_snapshot_command_writes_the_gaps_view_as_svg(tmp_path):
    out = tmp_path / "gaps.svg"
    result = CliRunner().invoke(
        cli_main,
        [
            "snapshot",
            "--data",
            str(FIRST_ARTICLE),
            "--view",
            "gaps",
            "--size",
            "80x24",
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    root = ElementTree.parse(out).getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext()).replace("\xa0", " ")
    assert "Gaps" in text and "as of 2025-09-22" in text
    assert "Denuclearisation" in text


async def test_hostile_text_is_shown_literally(tmp_path):
    app = make_app(write_hostile_tree(tmp_path / "data"), view="gaps")
    async with app.run_test(size=(119, 120)) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert app.is_running and "\x1b" not in text and "\u202e" not in text
        for field in ("NAME", "TITLE", "PROP", "SUMMARY", "CONDITION", "QUOTE", "SEEDTITLE"):
            assert flat(shown(field)) in flat(text), field
        await pilot.press("tab", "tab")  # the condition, in words built from names and titles
        text = screen_text(app)
        sentence = f"{shown('NAME')}'s condition for {shown('TITLE')} is met"
        assert flat(sentence) in flat(text)
        assert app.is_running


def test_a_figure_over_many_stances_gives_the_evidence_of_its_two_ends():
    actors = [f"a{n}" for n in range(10)]
    ds = build_dataset(
        ["one"],
        actors,
        [dict(actor=a, issue="one", stance=(n % 5) - 2) for n, a in enumerate(actors)],
    )
    analysis = analyse(ds)
    spread = analysis.spread("one")
    texts = [item.plain for item in figure_blocks(analysis, spread)]
    # Ten stances a line each, then the evidence of the first farthest pair only.
    assert sum(t.startswith("Evidence (") for t in texts) == 2
    assert any("The evidence of the other 8" in t for t in texts)
    glance = next(t for t in texts if "A0" in t and "A9" in t and "firmly" in t)
    assert len(glance.splitlines()) == 10
    # Few stances: every one in full.
    small = analyse(hand_dataset()).spread("one")
    texts = [item.plain for item in figure_blocks(analyse(hand_dataset()), small)]
    assert sum(t.startswith("Evidence (") for t in texts) == 3


async def test_the_starting_points_wrap_their_notes_to_the_pane_at_80_columns():
    """ "⚑ blocking: DT's stance here blocks KJU" and its like wrap between words, rather than
    run the notes column past the pane's edge, where it would be cut."""
    app = make_app(REPO, view="gaps")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        table = app.query_one("#gaps-ranking", FigureTable)
        assert table.virtual_size.width <= table.size.width
        notes = [str(table.get_cell_at(Coordinate(row, 3))) for row in range(table.row_count)]
        assert any("\n" in note for note in notes)
        assert any("⚑ blocked" in note for note in notes)
