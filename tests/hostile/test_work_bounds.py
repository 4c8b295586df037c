"""Work without a bound: every step that grows with the input is linear, and verification is
charged to the file whose evidence it is, so a hostile file exhausts only its own budget.

Nothing here is timed. The heavy cases run `validate` in a child process under a CPU limit far
above what a linear loader needs (well under a second each) and far below what the quadratic
steps these tests guard against would take (minutes to hours): the limit is a bound, not a
measurement.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.core import verify
from tui.core.loader import load_tree

from tests.hostile.cases import SEED_ID, actor_text, seed_text

CPU_SECONDS = 40
_BOUNDED_VALIDATE = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))
from tui.cli import main
sys.argv = ["peninsula", "validate", "--data", sys.argv[1]]
main()
"""


def validate_under_cpu_limit(root: Path) -> subprocess.CompletedProcess[str]:
    """`peninsula validate` in a child that the kernel kills past ``CPU_SECONDS`` of CPU."""
    return subprocess.run(
        [sys.executable, "-c", _BOUNDED_VALIDATE.format(seconds=CPU_SECONDS), str(root)],
        capture_output=True,
        text=True,
        timeout=CPU_SECONDS * 4,
    )


def evidence_positions(texts: list[str], source: str = SEED_ID) -> str:
    items = "".join(
        f"      - kind: quote\n        text: {text}\n        source: {source}\n" for text in texts
    )
    return (
        "positions:\n  - issue: allied-drills\n    stance: -2\n    as_of: 2025-09-22\n"
        "    summary: Generated test data, not real.\n    evidence:\n" + items
    )


# Texts whose elision sits beside a long run of white space (the runs differ: ASCII spaces,
# tabs and line breaks inside a quoted scalar, ideographic spaces, a bracket never closed).
_RUN = 450_000
ELISION_TEXTS = {
    "spaces": '"... a' + " " * _RUN + 'b"',
    "spaces-before": '"a' + " " * _RUN + '… b"',
    "ideographic": '"… a' + "\u3000" * _RUN + 'b"',
    "tabs": '"[...] a' + "\\t " * (_RUN // 3) + 'b"',
    "open-bracket": '"a [' + " " * _RUN + '... b"',
}


_BOUNDED_PIECES = """
import resource, sys
resource.setrlimit(resource.RLIMIT_CPU, ({seconds}, {seconds}))
from tui.core.verify import pieces
print(len(pieces(sys.stdin.read())))
"""


@pytest.mark.parametrize("name", sorted(ELISION_TEXTS))
def test_the_elision_split_is_linear_in_white_space(name: str):
    text = ELISION_TEXTS[name].strip('"').replace("\\t", "\t")
    result = subprocess.run(
        [sys.executable, "-c", _BOUNDED_PIECES.format(seconds=CPU_SECONDS // 4)],
        input=text,
        capture_output=True,
        text=True,
        timeout=CPU_SECONDS,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    short = text.replace(" " * 1000, "").replace("\u3000" * 1000, "").replace("\t " * 1000, "")
    assert int(result.stdout) == len(verify.pieces(short))


# The schema allows an evidence text of 20,000 characters: the longest run that fits in one.
_LONGEST = 19_990


def test_a_file_of_two_mebibytes_of_elisions_validates_within_a_cpu_bound(bundled_tree: Path):
    kinds = [" ", "\\t", "\u3000 ", "\\n "]
    texts = [
        f'"... a{n}' + kinds[n % 4] * (_LONGEST // len(kinds[n % 4].encode())) + 'b"'
        for n in range(100)
    ]
    path = bundled_tree / "positions" / "elisions.yaml"
    path.write_text(actor_text("elisions", positions=evidence_positions(texts)), encoding="utf-8")
    assert 1024 * 1024 < path.stat().st_size <= 2 * 1024 * 1024
    result = validate_under_cpu_limit(bundled_tree)
    assert result.returncode == 1, result.stderr[-2000:]  # errors (not found), not killed
    assert "19 of 119 verified" in result.stdout.splitlines()[-1]


def big_seed(root: Path, name: str = "big") -> None:
    (root / "seeds" / f"{name}.txt").write_text(
        seed_text(name, "word " * 380_000 + "\n"), encoding="utf-8"
    )


def test_a_hostile_file_sorted_first_costs_the_other_files_nothing(bundled_tree: Path):
    """The hostile file comes first in every order (`aaa`), so a shared budget would be spent."""
    big_seed(bundled_tree)
    many = evidence_positions([f"w{n}" for n in range(5_000)], source="big")
    (bundled_tree / "positions" / "aaa-hostile.yaml").write_text(
        actor_text("aaa-hostile", positions=many)
    )
    dataset = load_tree(bundled_tree)
    hostile = [d.message for d in dataset.diagnostics if d.path == "positions/aaa-hostile.yaml"]
    assert any(m.startswith("not verified: this file's evidence has searched") for m in hostile)
    others = [ev for ev in dataset.evidence if ev.actor_id != "aaa-hostile"]
    assert len(others) == 19 and all(ev.verified for ev in others)
    elsewhere = [d for d in dataset.diagnostics if d.path != "positions/aaa-hostile.yaml"]
    assert not any("not verified" in d.message for d in elsewhere)


def test_two_hostile_files_each_spend_only_their_own_budget(bundled_tree: Path):
    """A modest file citing the big seed a few times still verifies after a hostile one."""
    big_seed(bundled_tree)
    (bundled_tree / "positions" / "aaa-hostile.yaml").write_text(
        actor_text(
            "aaa-hostile", positions=evidence_positions([f"w{n}" for n in range(5_000)], "big")
        )
    )
    (bundled_tree / "positions" / "bbb-modest.yaml").write_text(
        actor_text("bbb-modest", positions=evidence_positions(["word word", "word"], "big"))
    )
    dataset = load_tree(bundled_tree)
    modest = [ev for ev in dataset.evidence if ev.actor_id == "bbb-modest"]
    assert len(modest) == 2 and all(ev.verified for ev in modest)


def test_the_budget_of_a_file_follows_its_own_size():
    assert verify.file_budget(0) == verify.SEARCH_BUDGET_FLOOR
    big = 10 * verify.SEARCH_BUDGET_FLOOR
    assert verify.file_budget(big) == verify.SEARCH_BUDGET_FACTOR * big
    verifier = verify.Verifier()
    body = "x" * 1000
    assert verifier.can_afford("s", body, "a", "one.yaml", budget=1000)
    verifier.verify("s", body, "a", "one.yaml")
    assert not verifier.can_afford("s", body, "b", "one.yaml", budget=1500)
    assert verifier.can_afford("s", body, "b", "two.yaml", budget=1500)
    assert verifier.can_afford("s", body, "a", "one.yaml", budget=0)  # known outcomes are free
