"""The loader's warning on an unmarked inference, and the two questions about a date."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from click.testing import CliRunner

from tui.cli import main
from tui.core.dataset import Dataset
from tui.core.knowledge import known_on, question_words

from .conftest import TreeMaker, lines

Load = Callable[..., Dataset]

GAMMA = (
    "id: gamma\nname: Gamma\nrole: Envoy\ncountry: Testland\n"
    "positions:\n"
    "  - issue: talks\n"
    "    stance: 2\n"
    "    as_of: 2025-09-22\n"
    "    summary: Alpha's side wants talks.\n"
    "{inferred}"
    "    evidence:\n"
    "      - kind: quote\n"
    "        text: If the talks resume, we will attend\n"
    "        source: s1\n"
    "        speaker: alpha\n"
)

LATER_SEED = (
    "---\nid: s2\ntitle: A later article\noutlet: Later Outlet\npublished: 2025-10-01\n---\n"
    "Alpha said talks were off.\n"
)
ALPHA_LATER = (
    "id: alpha\nname: Alpha\nrole: Leader\ncountry: Testland\n"
    "positions:\n"
    "  - issue: talks\n"
    "    stance: 1\n"
    "    as_of: 2025-09-22\n"
    "    summary: Open to talks.\n"
    "    evidence:\n"
    "      - kind: quote\n"
    "        text: If the talks resume, we will attend\n"
    "        source: s1\n"
    # Said on 2025-09-25, published 2025-10-01: stated by 09-30, not known on 09-30.
    "  - issue: talks\n"
    "    stance: -2\n"
    "    as_of: 2025-09-25\n"
    "    summary: Talks are off.\n"
    "    evidence:\n"
    "      - kind: reported\n"
    "        text: Alpha said talks were off.\n"
    "        source: s2\n"
)


def test_a_stance_on_another_speakers_words_alone_is_warned_unless_marked(load: Load) -> None:
    unmarked = load({"positions/gamma.yaml": GAMMA.format(inferred="")})
    assert lines(unmarked, "positions/gamma.yaml") == [
        "positions/gamma.yaml:6:5: warning: the stance on 'talks' rests only on other speakers' "
        "words; if it is an inference, say why with `inferred:`"
    ]
    marked = load(
        {"positions/gamma.yaml": GAMMA.format(inferred="    inferred: Alpha speaks for both\n")}
    )
    assert lines(marked, "positions/gamma.yaml") == []


def test_known_on_drops_a_source_published_after_the_date(load: Load) -> None:
    ds = load({"seeds/s2.txt": LATER_SEED, "positions/alpha.yaml": ALPHA_LATER})
    assert lines(ds) == []
    day = dt.date(2025, 9, 30)
    assert ds.stance_at("alpha", "talks", day).stance == -2  # stated by then
    known = known_on(ds, day)
    assert "s2" not in known.seeds
    assert known.stance_at("alpha", "talks", day).stance == 1  # not known by then
    assert question_words(day, True) == "known on 2025-09-30: only sources published by then"
    assert question_words(day, False).startswith("as of 2025-09-30: stances stated by then")


def test_export_and_brief_take_known_on_and_say_which_question(tree: TreeMaker) -> None:
    root = tree({"seeds/s2.txt": LATER_SEED, "positions/alpha.yaml": ALPHA_LATER})
    runner = CliRunner()
    args = ["export", "--data", str(root), "--what", "matrix", "--format", "json", "-o", "-"]
    stated = json.loads(runner.invoke(main, [*args, "--as-of", "2025-09-30"]).stdout)
    known = json.loads(runner.invoke(main, [*args, "--known-on", "2025-09-30"]).stdout)

    def alpha(rows: list[dict]) -> dict:
        return next(r for r in rows if r["actor_id"] == "alpha" and r["issue_id"] == "talks")

    assert (alpha(stated)["stance"], alpha(known)["stance"]) == (-2, 1)
    brief = runner.invoke(
        main, ["brief", "--data", str(root), "-o", "-", "--known-on", "2025-09-30"]
    )
    assert (
        "This brief answers: known on 2025-09-30: only sources published by then." in brief.stdout
    )
    both = runner.invoke(main, [*args, "--as-of", "2025-09-30", "--known-on", "2025-09-30"])
    assert both.exit_code != 0 and "not both" in both.output
