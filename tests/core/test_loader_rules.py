"""Each loading rule, with its own small bad file among good ones: the exact position and message
of the diagnostic, and the good records still loaded."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tui.core.dataset import Dataset
from tui.core.yamlsafe import MAX_BYTES

from .conftest import GOOD_STANCES, actor, lines, position, stances

Load = Callable[..., Dataset]
GAMMA = "positions/gamma.yaml"


def assert_good_data_kept(dataset: Dataset) -> None:
    assert GOOD_STANCES <= stances(dataset)
    assert {"alpha", "beta"} <= set(dataset.actors)
    assert {"talks", "sanctions"} <= set(dataset.issues)
    assert "s1" in dataset.seeds


def test_the_good_tree_loads_clean(load: Load) -> None:
    dataset = load()
    assert lines(dataset) == []
    assert stances(dataset) == GOOD_STANCES
    assert all(ev.verified for ev in dataset.evidence)


# -- YAML ---------------------------------------------------------------------------------------


def test_yaml_syntax_error(load: Load) -> None:
    dataset = load({GAMMA: "id: gamma\nname: Gamma: the second\n"})
    [line] = lines(dataset, GAMMA)
    assert line.startswith(
        f"{GAMMA}:2:12: error: YAML syntax error: mapping values are not allowed"
    )
    assert "gamma" not in dataset.actors
    assert_good_data_kept(dataset)


def test_duplicate_key(load: Load) -> None:
    text = "id: gamma\nname: Gamma\nname: Gamma again\nrole: Envoy\ncountry: Thirdland\n"
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:3:1: error: duplicate key 'name' (first at 2:1)"]
    assert "gamma" not in dataset.actors
    assert_good_data_kept(dataset)


def test_duplicate_keys_equal_once_typed(load: Load) -> None:
    catalogue = (
        "issues:\n"
        "  - id: talks\n"
        "    title: Talks\n"
        "    proposition: The parties should talk.\n"
        "  - id: sanctions\n"
        "    title: Sanctions\n"
        "    proposition: Sanctions should go on.\n"
        "  - id: drills\n"
        "    title: Drills\n"
        "    proposition: Drills should go ahead.\n"
        "    scale:\n"
        "      1: For\n"
        "      01: Also for\n"
        "  - id: summit\n"
        "    title: Summit\n"
        "    proposition: The leaders should meet.\n"
        "    scale:\n"
        "      yes: For\n"
        "      true: Also for\n"
    )
    dataset = load({"positions/issues.yaml": catalogue})
    assert lines(dataset, "positions/issues.yaml") == [
        "positions/issues.yaml:13:7: error: duplicate key '01': YAML reads it as the same key as "
        "'1' at 12:7",
        "positions/issues.yaml:19:7: error: duplicate key 'true': YAML reads it as the same key as "
        "'yes' at 18:7",
    ]
    assert list(dataset.issues) == ["talks", "sanctions"]
    assert_good_data_kept(dataset)


def test_anchor_and_alias(load: Load) -> None:
    text = (
        "id: gamma\n"
        "name: Gamma\n"
        "role: Envoy\n"
        "country: Thirdland\n"
        "positions:\n"
        "  - issue: talks\n"
        "    stance: 0\n"
        "    as_of: 2025-09-22\n"
        "    summary: &s A summary.\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: *s\n"
        "        source: s1\n" + position(issue="sanctions")
    )
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:9:14: error: anchors are not allowed (&s); write the value out",
        f"{GAMMA}:12:15: error: aliases are not allowed (*s); write the value out",
    ]
    assert ("gamma", "talks") not in stances(dataset)
    assert ("gamma", "sanctions") in stances(dataset)
    assert_good_data_kept(dataset)


@pytest.mark.parametrize("depth", [100, 50_000])
def test_nesting_deeper_than_the_limit(load: Load, depth: int) -> None:
    # Line 2 is `aliases: [[[...`: its first `[` (column 10) opens level 2 of the file, so the
    # 64th opens level 65, one past the limit, at column 9 + 64.
    text = "id: gamma\naliases: " + "[" * depth + "]" * depth + "\n"
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:2:73: error: nesting deeper than 64 levels"]
    assert_good_data_kept(dataset)


def test_nesting_at_the_limit_is_read(load: Load) -> None:
    text = actor("gamma", head="aliases: " + "[" * 63 + "]" * 63 + "\n")
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:5:11: error: expected a string, got a list"]


@pytest.mark.parametrize(
    ("text", "what"),
    [("- a\n- b\n", "a list"), ("just words\n", "a single value"), ("---\n", "an empty document")],
)
def test_top_level_not_a_mapping(load: Load, text: str, what: str) -> None:
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:1:1: error: expected a mapping at the top level, got {what}"
    ]
    assert_good_data_kept(dataset)


def test_empty_file(load: Load) -> None:
    dataset = load({GAMMA: "# nothing here\n"})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:1:1: error: the file is empty; expected a mapping"]


def test_several_documents(load: Load) -> None:
    dataset = load({GAMMA: actor("gamma") + "---\nid: delta\n"})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:5:1: error: several documents in one file; keep one"]
    assert "gamma" not in dataset.actors
    assert_good_data_kept(dataset)


def test_file_not_utf8(load: Load) -> None:
    # "role: Énvé" is ten characters (twelve bytes): the bad byte is the eleventh character.
    data = "id: gamma\nname: Gamma\nrole: Énvé".encode() + b"\xff\ncountry: Thirdland\n"
    dataset = load({GAMMA: data})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:3:11: error: not UTF-8: byte 0xFF cannot be decoded; save the file as UTF-8"
    ]
    assert_good_data_kept(dataset)


def test_seed_not_utf8(load: Load) -> None:
    data = b"---\nid: s2\ntitle: T\noutlet: O\npublished: 2025-09-22\n---\nBody \xe9t\xe9\n"
    dataset = load({"seeds/s2.txt": data})
    assert lines(dataset, "seeds/s2.txt") == [
        "seeds/s2.txt:7:6: error: not UTF-8: byte 0xE9 cannot be decoded; save the file as UTF-8"
    ]
    assert "s2" not in dataset.seeds
    assert_good_data_kept(dataset)


def test_file_too_large(load: Load) -> None:
    text = actor("gamma") + "# " + "x" * MAX_BYTES + "\n"
    dataset = load({GAMMA: text})
    size = len(text.encode())
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:1:1: error: file too large: {size} bytes (the limit is {MAX_BYTES})"
    ]
    assert_good_data_kept(dataset)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "!!python/object/apply:os.system [echo]",
            "tag !!python/object/apply:os.system is not allowed",
        ),
        ("!!binary aGVsbG8=", "tag !!binary is not allowed"),
        ("!!set {a, b}", "tag !!set is not allowed"),
        ("!mine text", "tag !mine is not allowed"),
    ],
)
def test_unsafe_or_unknown_tags(load: Load, value: str, message: str) -> None:
    text = actor("gamma", head=f"aliases: {value}\n")
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:5:10: error: {message}"]
    assert "gamma" not in dataset.actors
    assert_good_data_kept(dataset)


# -- schema ---------------------------------------------------------------------------------


def test_unknown_field(load: Load) -> None:
    text = actor(
        "gamma", position().replace("    stance: 0\n", "    stnace: 0\n") + position("sanctions")
    )
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:6:5: error: missing field 'stance'",
        f"{GAMMA}:7:5: error: unknown field 'stnace'",
    ]
    assert ("gamma", "talks") not in stances(dataset)
    assert ("gamma", "sanctions") in stances(dataset)
    assert_good_data_kept(dataset)


def test_missing_field_points_at_the_mapping(load: Load) -> None:
    text = "id: gamma\nname: Gamma\ncountry: Thirdland\n"
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:1:1: error: missing field 'role'"]


def test_yaml_1_1_surprises_are_type_errors_with_a_hint(load: Load) -> None:
    catalogue = (
        "issues:\n"
        "  - id: talks\n"
        "    title: Talks\n"
        "    proposition: The parties should talk.\n"
        "  - id: sanctions\n"
        "    title: Sanctions\n"
        "    proposition: Sanctions should go on.\n"
        "  - id: drills\n"
        "    title: NO\n"
        "    proposition: on\n"
        "  - id: summit\n"
        "    title: 012\n"
        "    proposition: yes\n"
        "    description: 2025-09-22\n"
    )
    dataset = load({"positions/issues.yaml": catalogue})
    prefix = "positions/issues.yaml"
    assert lines(dataset, prefix) == [
        f"{prefix}:9:12: error: expected a string, got a boolean "
        "(YAML reads NO as false; quote it)",
        f"{prefix}:10:18: error: expected a string, got a boolean "
        "(YAML reads on as true; quote it)",
        f"{prefix}:12:12: error: expected a string, got an integer "
        "(YAML reads 012 as the number 10; quote it)",
        f"{prefix}:13:18: error: expected a string, got a boolean "
        "(YAML reads yes as true; quote it)",
        f"{prefix}:14:18: error: expected a string, got a date (YAML reads 2025-09-22 as a date; "
        "quote it)",
    ]
    assert list(dataset.issues) == ["talks", "sanctions"]
    assert_good_data_kept(dataset)


def test_stance_out_of_range(load: Load) -> None:
    text = actor(
        "gamma",
        position("talks", stance="3")
        + position("sanctions", stance="012")
        + position("talks", stance="-3", as_of="2025-09-23")
        + position("sanctions", stance="-2", as_of="2025-09-23"),
    )
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:7:13: error: stance 3 is out of range -2..+2",
        f"{GAMMA}:15:13: error: stance 10 is out of range -2..+2 (YAML reads 012 as 10)",
        f"{GAMMA}:23:13: error: stance -3 is out of range -2..+2",
    ]
    assert [r.stance for r in dataset.stances if r.actor_id == "gamma"] == [-2]
    assert_good_data_kept(dataset)


def test_impossible_dates(load: Load) -> None:
    bad_said_on = (
        "      - kind: quote\n"
        "        text: we will attend\n"
        "        source: s1\n"
        "        said_on: '2025-04-31'\n"
        "      - kind: reported\n"
        "        text: Alpha said on Monday\n"
        "        source: s1\n"
    )
    text = actor(
        "gamma",
        position("talks", as_of="2025-02-30") + position("sanctions", evidence=bad_said_on),
    )
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:8:12: error: impossible date 2025-02-30: day is out of range for month",
        f"{GAMMA}:22:18: error: impossible date 2025-04-31: day is out of range for month",
    ]
    [record] = [r for r in dataset.stances if r.actor_id == "gamma"]
    assert record.issue_id == "sanctions"
    assert [ev.evidence.kind for ev in record.evidence] == ["reported"]
    assert_good_data_kept(dataset)


def test_a_bad_evidence_item_drops_only_itself(load: Load) -> None:
    evidence = (
        "      - kind: quoted\n"
        "        text: we will attend\n"
        "        source: s1\n"
        "      - kind: quote\n"
        "        text: If the talks resume\n"
        "        source: s1\n"
    )
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence))})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:11:15: error: kind must be 'quote' or 'reported', got 'quoted'"
    ]
    [record] = [r for r in dataset.stances if r.actor_id == "gamma"]
    assert [ev.evidence.text for ev in record.evidence] == ["If the talks resume"]
    assert record.evidence[0].location.line == 14


def test_a_position_without_valid_evidence_is_dropped(load: Load) -> None:
    evidence = "      - kind: quote\n        source: s1\n"
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence))})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:6:5: error: position on 'talks' dropped: none of its evidence is valid",
        f"{GAMMA}:11:9: error: missing field 'text'",
    ]
    assert "gamma" in dataset.actors
    assert not [r for r in dataset.stances if r.actor_id == "gamma"]


# -- across files -----------------------------------------------------------------------------


def test_references_that_do_not_exist(load: Load) -> None:
    text = (
        "id: gamma\n"
        "name: Gamma\n"
        "role: Envoy\n"
        "country: Thirdland\n"
        "positions:\n"
        "  - issue: nowhere\n"
        "    stance: 0\n"
        "    as_of: 2025-09-22\n"
        "    summary: On an issue that does not exist.\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: we will attend\n"
        "        source: s1\n"
        "  - issue: talks\n"
        "    stance: 0\n"
        "    as_of: 2025-09-22\n"
        "    summary: Conditions and sources that do not exist.\n"
        "    conditions:\n"
        "      - actor: nobody\n"
        "        issue: nothing\n"
        "        max: 0\n"
        "        text: if nobody agrees\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: we will attend\n"
        "        source: missing-seed\n"
        "        speaker: someone\n"
    )
    dataset = load({GAMMA: text})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:6:12: error: unknown issue 'nowhere'",
        f"{GAMMA}:19:16: error: unknown actor 'nobody'",
        f"{GAMMA}:20:16: error: unknown issue 'nothing'",
        f"{GAMMA}:26:17: error: unknown seed 'missing-seed'",
        f"{GAMMA}:27:18: error: unknown actor 'someone'",
    ]
    # The position on an unknown issue cannot be shown; the other stays, its evidence unverified.
    [record] = [r for r in dataset.stances if r.actor_id == "gamma"]
    assert record.issue_id == "talks"
    assert [ev.verified for ev in record.evidence] == [False]
    assert_good_data_kept(dataset)


def test_a_misspelt_id_gets_did_you_mean_from_the_known_ids(load: Load) -> None:
    text = (
        "id: gamma\n"
        "name: Gamma\n"
        "role: Envoy\n"
        "country: Thirdland\n"
        "positions:\n"
        "  - issue: sanctons\n"
        "    stance: 0\n"
        "    as_of: 2025-09-22\n"
        "    summary: A misspelt issue.\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: we will attend\n"
        "        source: s1\n"
        "  - issue: talks\n"
        "    stance: 0\n"
        "    as_of: 2025-09-22\n"
        "    summary: Misspelt references.\n"
        "    conditions:\n"
        "      - actor: alpah\n"
        "        issue: talk\n"
        "        max: 0\n"
        "        text: if they agree\n"
        "    evidence:\n"
        "      - kind: quote\n"
        "        text: we will attend\n"
        "        source: s11\n"
        "        speaker: betta\n"
    )
    assert lines(load({GAMMA: text}), GAMMA) == [
        f"{GAMMA}:6:12: error: unknown issue 'sanctons'; did you mean 'sanctions'?",
        f"{GAMMA}:19:16: error: unknown actor 'alpah'; did you mean 'alpha'?",
        f"{GAMMA}:20:16: error: unknown issue 'talk'; did you mean 'talks'?",
        f"{GAMMA}:26:17: error: unknown seed 's11'; did you mean 's1'?",
        f"{GAMMA}:27:18: error: unknown actor 'betta'; did you mean 'beta'?",
    ]


def test_duplicate_actor_id_across_files(load: Load) -> None:
    dataset = load({GAMMA: actor("alpha", position("sanctions"))})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:1:5: error: duplicate actor id 'alpha' (also in positions/alpha.yaml)"
    ]
    assert dataset.actors["alpha"].role == "Leader"
    assert ("alpha", "sanctions") not in stances(dataset)
    assert_good_data_kept(dataset)


def test_duplicate_seed_id_across_files(load: Load) -> None:
    seed = "---\nid: s1\ntitle: Another\noutlet: O\npublished: 2025-09-23\n---\nOther body.\n"
    dataset = load({"seeds/s2.txt": seed})
    assert lines(dataset, "seeds/s2.txt") == [
        "seeds/s2.txt:2:5: error: duplicate seed id 's1' (also in seeds/s1.txt)"
    ]
    assert dataset.seeds["s1"].meta.title == "A fixture article"
    assert_good_data_kept(dataset)


def test_duplicate_issue_id(load: Load) -> None:
    catalogue = (
        "issues:\n"
        "  - id: talks\n"
        "    title: Talks\n"
        "    proposition: The parties should talk.\n"
        "  - id: sanctions\n"
        "    title: Sanctions\n"
        "    proposition: Sanctions should go on.\n"
        "  - id: talks\n"
        "    title: Talks again\n"
        "    proposition: The parties should talk again.\n"
    )
    dataset = load({"positions/issues.yaml": catalogue})
    assert lines(dataset, "positions/issues.yaml") == [
        "positions/issues.yaml:8:9: error: duplicate issue id 'talks' (first at 2:5)"
    ]
    assert dataset.issues["talks"].title == "Talks"


def test_actor_id_not_matching_its_file_name_is_a_warning(load: Load) -> None:
    dataset = load({GAMMA: actor("delta", position())})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:1:5: warning: actor id 'delta' does not match the file name 'gamma.yaml'"
    ]
    assert ("delta", "talks") in stances(dataset)


def test_two_stances_on_one_issue_and_date(load: Load) -> None:
    dataset = load(
        {GAMMA: actor("gamma", position("talks", stance="1") + position("talks", stance="2"))}
    )
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:16:12: error: a second stance on 'talks' as of 2025-09-22 (first at 6:5)"
    ]
    assert [r.stance for r in dataset.stances if r.actor_id == "gamma"] == [1]


# -- verification -----------------------------------------------------------------------------


def test_evidence_not_verbatim_stays_unverified(load: Load) -> None:
    evidence = "      - kind: quote\n        text: we will not attend\n        source: s1\n"
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence))})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:12:23: error: evidence not found verbatim in seed 's1': "
        '"we will not..." differs at "not"; the seed has "attend"'
    ]
    [record] = [r for r in dataset.stances if r.actor_id == "gamma"]
    assert [(ev.verified, ev.spans) for ev in record.evidence] == [(False, ())]


def test_evidence_pieces_out_of_order(load: Load) -> None:
    evidence = (
        "      - kind: quote\n"
        "        text: we will attend ... If the talks resume\n"
        "        source: s1\n"
    )
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence))})
    assert lines(dataset, GAMMA) == [
        f"{GAMMA}:12:15: error: evidence is out of order in seed 's1': \"If the talks resume\" "
        "comes before the text preceding it"
    ]


def test_verified_evidence_records_its_spans(load: Load) -> None:
    evidence = (
        "      - kind: reported\n"
        "        text: 'Beta said sanctions had failed - a \"realistic\" view of the situation'\n"
        "        source: s1\n"
    )
    dataset = load({GAMMA: actor("gamma", position(evidence=evidence))})
    assert lines(dataset, GAMMA) == []
    [record] = [r for r in dataset.stances if r.actor_id == "gamma"]
    [ev] = record.evidence
    body = dataset.seeds["s1"].body
    assert ev.verified
    assert [body[a:b] for a, b in ev.spans] == [
        "Beta said sanctions had failed — a “realistic” view  of the\tsituation"
    ]


# -- seeds --------------------------------------------------------------------------------------


def test_seed_front_matter_diagnostics_carry_the_file_lines(load: Load) -> None:
    seed = "---\nid: s2\ntitle: NO\noutlet: O\npublished: 2025-09-22\nurl: [x]\n---\nBody.\n"
    dataset = load({"seeds/s2.txt": seed})
    assert lines(dataset, "seeds/s2.txt") == [
        "seeds/s2.txt:3:8: error: expected a string, got a boolean "
        "(YAML reads NO as false; quote it)",
        "seeds/s2.txt:6:6: error: expected a string, got a list",
    ]
    assert "s2" not in dataset.seeds
    assert_good_data_kept(dataset)


def test_seed_without_front_matter(load: Load) -> None:
    dataset = load({"seeds/s2.txt": "Just an article.\n"})
    assert lines(dataset, "seeds/s2.txt") == [
        "seeds/s2.txt:1:1: error: a seed starts with a `---` line, its front matter, and a "
        "closing `---` line"
    ]


# -- many bad files at once -------------------------------------------------------------------


def test_bad_files_next_to_good_ones_keep_every_good_record(load: Load) -> None:
    dataset = load(
        {
            "positions/gamma.yaml": "id: gamma\nname: [unclosed\n",
            "positions/delta.yaml": "- not a mapping\n",
            "positions/epsilon.yaml": b"id: epsilon\xff\n",
            "positions/zeta.yaml": actor(
                "zeta", position("talks", stance="9") + position("sanctions")
            ),
            "seeds/s2.txt": "no front matter\n",
        }
    )
    assert {d.path for d in dataset.errors} == {
        "positions/gamma.yaml",
        "positions/delta.yaml",
        "positions/epsilon.yaml",
        "positions/zeta.yaml",
        "seeds/s2.txt",
    }
    assert stances(dataset) == GOOD_STANCES | {("zeta", "sanctions")}
    assert_good_data_kept(dataset)
    assert list(dataset.diagnostics) == sorted(dataset.diagnostics)


def test_messages_show_control_and_bidi_characters_visibly(load: Load) -> None:
    dataset = load({GAMMA: actor("gamma", head="ali\u202eases: []\n")})
    assert lines(dataset, GAMMA) == [f"{GAMMA}:5:1: error: unknown field 'ali⟨U+202E⟩ases'"]
