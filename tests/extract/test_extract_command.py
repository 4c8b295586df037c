"""`peninsula extract`: a draft that parses, validates and verifies, and nothing written."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tui.cli.extract import EXIT_NOT_FOUND, EXIT_UNREADABLE, extract_command
from tui.core.draft import PLACEHOLDER_SOURCE, yaml_string
from tui.core.models import Evidence
from tui.core.sanitize import is_clean
from tui.core.seeds import split
from tui.core.verify import verify

from tests.fixtures import FIRST_ARTICLE

REPO = Path(__file__).resolve().parents[2]
SEED_ID = "2025-09-22-benzinga-kim-jong-un-has-fond-memories-of-trump"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "tree"
    shutil.copytree(FIRST_ARTICLE / "positions", root / "positions")
    shutil.copytree(FIRST_ARTICLE / "seeds", root / "seeds")
    return root


def _digest(root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        digest.update(str(path.relative_to(root)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(extract_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_draft_blocks_parse_validate_and_verify_against_the_seed(tree):
    before = _digest(tree)
    code, out, _ = _run(SEED_ID, "--data", str(tree))
    assert code == 0
    blocks = yaml.safe_load(out)
    assert isinstance(blocks, list) and len(blocks) >= 10
    body = split((tree / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8"))[1]
    for block in blocks:
        evidence = Evidence.model_validate(block, strict=False)
        assert evidence.source == SEED_ID
        assert verify(evidence.text, body).found, evidence.text
    assert {b["speaker"] for b in blocks} == {
        "kim-jong-un",
        "donald-trump",
        "lee-jae-myung",
        "kim-yo-jong",
    }
    assert _digest(tree) == before, "extract wrote into the data tree"


def test_draft_comments_carry_line_confidence_and_reason(tree):
    _, out, _ = _run(SEED_ID, "--data", str(tree))
    seed_lines = (tree / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8").splitlines()
    block = out.split('text: "If the United States drops')[0].rsplit("# line ", 1)[1]
    line = int(block.split(" ", 1)[0])
    assert "If the United States drops" in seed_lines[line - 1]
    assert "confidence 0." in block and "follows it" in block


def test_a_seed_file_path_works_like_its_id(tree):
    by_id = _run(SEED_ID, "--data", str(tree))[1]
    by_path = _run(str(tree / "seeds" / f"{SEED_ID}.txt"), "--data", str(tree))[1]
    assert yaml.safe_load(by_id) == yaml.safe_load(by_path)


def test_a_plain_text_file_gets_a_placeholder_source(tree, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text("“We are ready,” Kim Jong Un said.\n", encoding="utf-8")
    code, out, _ = _run(str(article), "--data", str(tree))
    assert code == 0
    assert f"source: {PLACEHOLDER_SOURCE}" in out
    assert "peninsula add-source" in out


def test_unknown_seed_id_suggests_close_ones(tree):
    code, _, err = _run(SEED_ID[:-3], "--data", str(tree))
    assert code == EXIT_NOT_FOUND
    assert SEED_ID in err


def test_not_utf8_is_refused(tree, tmp_path):
    article = tmp_path / "latin1.txt"
    article.write_bytes("“Oui,” dit Kim. café".encode("cp1252"))
    code, _, err = _run(str(article), "--data", str(tree))
    assert code == EXIT_UNREADABLE
    assert "not UTF-8" in err


def test_hostile_text_is_escaped_in_blocks_and_visible_in_comments(tree, tmp_path):
    article = tmp_path / "hostile.txt"
    payload = "We \x1b[31mwin\u202e now"
    article.write_text(
        f"“{payload},” Kim Jong Un said.\n“[b]x{payload}\x07,” said Mr Nobody.\n", encoding="utf-8"
    )
    code, out, _ = _run(str(article), "--data", str(tree))
    assert code == 0
    assert is_clean(out, multiline=True)
    (block,) = yaml.safe_load(out)
    assert block["text"] == payload  # the escapes read back to the article's exact characters
    assert "Mr Nobody" in out


@pytest.mark.parametrize(
    "text", ["plain", 'a "quote" \\ back', "tab\tand\nnewline", "\u200b\u2066\x85", "😀 \U000e0041"]
)
def test_yaml_string_round_trips(text):
    rendered = yaml_string(text)
    assert yaml.safe_load(f"k: {rendered}")["k"] == text
    assert is_clean(rendered)


# Written for the test: a quote read as the last speaker going on (confidence 0.50), and one
# whose speaker's name is spelt as no alias has it, two letters from the actor's name.
CONTINUED = (
    "“We will never give up our weapons,” Kim Jong Un said on Monday.\n\n"
    "“The world knows what happens to those who do.”\n\n"
    "“We watch the drills closely,” Kim Yeo-jong said.\n"
)


def test_uncertain_drafts_go_apart_commented_out_below_min_confidence(tree, tmp_path):
    article = tmp_path / "continued.txt"
    article.write_text(CONTINUED, encoding="utf-8")
    _, out, _ = _run(str(article), "--data", str(tree))
    sure, uncertain = out.split("# ===== Uncertain: confidence below 0.55 (1) =====")
    assert "give up our weapons" in sure and "The world knows" not in sure
    assert (
        "#       # line 3 · confidence 0.50 · no attribution; read as the last speaker" in uncertain
    )
    assert '#         text: "The world knows what happens to those who do."' in uncertain
    assert [b["text"] for b in yaml.safe_load(out)] == ["We will never give up our weapons"]
    # With a lower threshold the same draft is a block to paste.
    _, lower, _ = _run(str(article), "--data", str(tree), "--min-confidence", "0.4")
    assert "Uncertain" not in lower
    assert len(yaml.safe_load(lower)) == 2


def test_an_unknown_speaker_name_suggests_the_closest_actor(tree, tmp_path):
    article = tmp_path / "continued.txt"
    article.write_text(CONTINUED, encoding="utf-8")
    _, out, _ = _run(str(article), "--data", str(tree))
    assert "“Kim Yeo-jong”" in out
    assert "did you mean Kim Yo-jong (kim-yo-jong)?" in out


def test_a_name_misspelt_by_one_letter_is_drafted_for_the_actor_saying_so(tree, tmp_path):
    article = tmp_path / "misspelt.txt"
    article.write_text("“We watch the drills closely,” Kim Yo Yong said.\n", encoding="utf-8")
    _, out, _ = _run(str(article), "--data", str(tree))
    (block,) = yaml.safe_load(out)
    assert block["speaker"] == "kim-yo-jong"
    assert "“Kim Yo Yong” read as Kim Yo Jong, one letter off" in out
