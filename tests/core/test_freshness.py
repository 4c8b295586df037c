"""Freshness per cell: last stated, the statements behind it, stale past an age, and two sources
that disagree on one day kept both and marked disputed."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from click.testing import CliRunner

from tui.cli import main
from tui.core.analysis import analyse
from tui.core.dataset import Dataset
from tui.core.export import matrix_frame
from tui.core.freshness import freshness
from tui.core.history import stance_events

from .conftest import TreeMaker, lines

Load = Callable[..., Dataset]
ALPHA = "positions/alpha.yaml"

OTHER_SEED = (
    "---\nid: s2\ntitle: Another article\noutlet: Other Outlet\npublished: 2025-09-23\n---\n"
    "Alpha told another outlet the talks were pointless.\n"
)
ALPHA_HEAD = "id: alpha\nname: Alpha\nrole: Leader\ncountry: Testland\npositions:\n"
TALKS_S1 = (
    "  - issue: talks\n    stance: 1\n    as_of: 2025-09-22\n    summary: Open to talks.\n"
    "    evidence:\n      - kind: quote\n        text: If the talks resume, we will attend\n"
    "        source: s1\n"
)
# Line 16: the second stance's as_of, on the same day, from another source, another value.
TALKS_S2 = (
    "  - issue: talks\n    stance: -1\n    as_of: 2025-09-22\n    summary: Talks are pointless.\n"
    "    evidence:\n      - kind: reported\n        text: the talks were pointless\n"
    "        source: s2\n"
)
# Sanctions: first stated in March, restated (same value, new evidence) in June.
SANCTIONS = (
    "  - issue: sanctions\n    stance: -1\n    as_of: 2025-03-01\n    summary: Against.\n"
    "    evidence:\n      - kind: quote\n        text: we will attend\n        source: s1\n"
    "  - issue: sanctions\n    stance: -1\n    as_of: 2025-06-01\n    summary: Still against.\n"
    "    evidence:\n      - kind: reported\n        text: Alpha said on Monday\n"
    "        source: s1\n"
)


def tree_files(*positions: str) -> dict[str, str]:
    return {"seeds/s2.txt": OTHER_SEED, ALPHA: ALPHA_HEAD + "".join(positions)}


def test_two_sources_disagreeing_on_one_day_are_both_kept_and_warned(load: Load) -> None:
    ds = load(tree_files(TALKS_S1, TALKS_S2))
    assert lines(ds, ALPHA) == [
        f"{ALPHA}:16:12: warning: disputed: a second stance on 'talks' as of 2025-09-22 from "
        "other sources disagrees with the one at 6:5; both are kept and shown as disputed"
    ]
    records = ds.history("alpha", "talks")
    assert [r.stance for r in records] == [1, -1]
    shown = ds.stance_at("alpha", "talks")
    fresh = freshness(ds, shown, dt.date(2025, 9, 22))
    assert fresh.disputed and [r.stance for r in fresh.rivals] == [1]


def test_a_restatement_renews_the_date_and_adds_its_statements(load: Load) -> None:
    ds = load(tree_files(TALKS_S1, SANCTIONS))
    record = ds.stance_at("alpha", "sanctions")
    fresh = freshness(ds, record, dt.date(2025, 9, 22))
    assert (fresh.last_stated, fresh.statements) == (dt.date(2025, 6, 1), 2)
    assert not fresh.stale  # 113 days before the 22nd of September
    as_of_june = freshness(ds, ds.stance_at("alpha", "sanctions", dt.date(2025, 3, 31)), None)
    assert as_of_june.statements == 1


def test_older_than_the_age_is_stale_and_the_age_is_a_setting(load: Load) -> None:
    ds = load(tree_files(TALKS_S1, SANCTIONS))
    record = ds.stance_at("alpha", "sanctions")
    assert freshness(ds, record, dt.date(2025, 11, 29)).stale  # 181 days
    assert not freshness(ds, record, dt.date(2025, 11, 28)).stale  # 180 days
    assert freshness(ds, record, dt.date(2025, 9, 22), stale_days=90).stale
    text = freshness(ds, record, dt.date(2025, 12, 1)).describe()
    assert text == (
        "last stated 2025-06-01 · 2 statements · ◷ stale (last stated over 180 days before the "
        "date)"
    )


def test_each_matrix_export_row_carries_its_freshness(load: Load) -> None:
    ds = load(tree_files(TALKS_S1, TALKS_S2, SANCTIONS))
    frame = matrix_frame(ds, dt.date(2025, 12, 20)).set_index(["actor_id", "issue_id"])
    sanctions, talks = frame.loc[("alpha", "sanctions")], frame.loc[("alpha", "talks")]
    assert (sanctions["last_stated"], sanctions["statements"]) == ("2025-06-01", 2)
    assert sanctions["stale"] and not sanctions["disputed"]
    assert talks["disputed"] and not talks["stale"]
    absent = frame.loc[("beta", "talks")]
    assert (absent["last_stated"], absent["statements"], absent["stale"]) == ("", 0, False)


def test_export_takes_stale_after(tree: TreeMaker) -> None:
    root = tree(tree_files(TALKS_S1, SANCTIONS))
    args = ["export", "--data", str(root), "--what", "matrix", "--format", "json", "-o", "-"]
    runner = CliRunner()

    def stale(*extra: str) -> bool:
        rows = json.loads(runner.invoke(main, [*args, *extra]).stdout)
        row = next(r for r in rows if (r["actor_id"], r["issue_id"]) == ("alpha", "sanctions"))
        return row["stale"]

    assert not stale()
    assert stale("--stale-after", "90")


def test_a_disputed_day_is_one_event_in_the_history_not_a_change(load: Load) -> None:
    ds = load(tree_files(TALKS_S1, TALKS_S2))
    events = stance_events(ds.history("alpha", "talks"))
    assert [(e.kind, e.to_stance) for e in events] == [("first", -1)]


def test_a_disputed_cell_counts_the_stance_in_force_in_every_figure(load: Load) -> None:
    # The later of the two in the file (-1) is in force: the picture, the gap figures, the
    # condition it answers, the export and the history all take that one, never the rival.
    ds = load(tree_files(TALKS_S1, TALKS_S2))
    assert ds.as_of()[("alpha", "talks")].stance == -1
    analysis = analyse(ds)
    assert [r.stance for r in analysis.spread("talks").known] == [-1]
    (check,) = analysis.conditions  # Beta's sanctions stance asks Alpha to be for talks
    assert (check.target_stance, check.status) == (-1, "unmet")
    frame = matrix_frame(ds).set_index(["actor_id", "issue_id"])
    assert frame.loc[("alpha", "talks")]["stance"] == -1
    assert [e.to_stance for e in stance_events(ds.history("alpha", "talks"))] == [-1]
