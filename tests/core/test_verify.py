"""Evidence verification: typography forgiven, words not; pieces in order; spans in the original."""

from __future__ import annotations

import pytest

from tui.core.verify import NormalisedBody, Verifier, normalise, pieces, verify

BODY = (
    "Kim said: “If the United States drops the absurd obsession with denuclearising us,\n"
    "there is no reason for us not to sit down.” He added, ‘Personally, I still have fond\n"
    "memories.’ Drills by the U.S.–South Korea—Japan allies were a “reckless”   show."
)


def found(text: str, body: str = BODY) -> list[str]:
    result = verify(text, body)
    assert result.found, result
    return [body[start:end] for start, end in result.spans]


def test_exact_text_is_found_with_its_span() -> None:
    assert found("there is no reason") == ["there is no reason"]
    start = BODY.index("there is no reason")
    assert verify("there is no reason", BODY).spans == ((start, start + 18),)


@pytest.mark.parametrize(
    ("text", "original"),
    [
        ('"If the United States drops', "“If the United States drops"),
        ("'Personally, I still", "‘Personally, I still"),
        ("“reckless”", "“reckless”"),
        ('"reckless"', "“reckless”"),
    ],
)
def test_curly_and_straight_quotes_match(text: str, original: str) -> None:
    assert found(text) == [original]


@pytest.mark.parametrize("dash", ["-", "–", "—", "‐"])
def test_every_dash_matches_every_dash(dash: str) -> None:
    assert found(f"U.S.{dash}South Korea{dash}Japan") == ["U.S.–South Korea—Japan"]


def test_whitespace_runs_match_any_whitespace() -> None:
    assert found("denuclearising us, there is") == ["denuclearising us,\nthere is"]
    assert found("a  “reckless”\tshow") == ["a “reckless”   show"]


@pytest.mark.parametrize("elision", ["...", "…", " ... ", "[...]", " […] "])
def test_elisions_accept_pieces_in_order(elision: str) -> None:
    text = f"If the United States drops{elision}not to sit down"
    assert found(text) == ["If the United States drops", "not to sit down"]


def test_pieces_out_of_order_fail_and_say_so() -> None:
    result = verify("not to sit down ... If the United States drops", BODY)
    assert not result.found
    assert result.missing == "If the United States drops"
    assert result.out_of_order
    assert result.spans == ()


def test_a_changed_word_fails() -> None:
    result = verify("there is every reason", BODY)
    assert not result.found
    assert result.missing == "there is every reason"
    assert not result.out_of_order


def test_case_and_letters_are_not_forgiven() -> None:
    assert not verify("THERE IS NO REASON", BODY).found
    assert not verify("denuclearizing", BODY).found


def test_text_made_only_of_elisions_is_not_found() -> None:
    result = verify(" … ", BODY)
    assert not result.found
    assert result.missing == ""


def test_a_repeated_piece_takes_the_next_occurrence() -> None:
    body = "one two one three"
    result = verify("one ... one", body)
    assert result.spans == ((0, 3), (8, 11))
    assert not verify("one ... one ... one", body).found


def test_spans_after_folded_whitespace_map_back_to_the_original() -> None:
    body = "a \n\n  b\t\tc —  “d”"
    folded = NormalisedBody(body)
    assert folded.text == 'a b c - "d"'
    result = verify('b c - "d"', body)
    assert [body[s:e] for s, e in result.spans] == ["b\t\tc —  “d”"]


def test_normalise_and_pieces() -> None:
    assert normalise("‘a’ — “b”\n\nc") == "'a' - \"b\" c"
    assert pieces("  first …  second...third [...] ") == ["first", "second", "third"]


def test_the_verifier_folds_each_seed_once_and_agrees_with_verify() -> None:
    verifier = Verifier()
    texts = ['"reckless" show', "U.S.-South Korea", "there is no reason", "absent words"]
    for text in texts:
        assert verifier.verify("seed", BODY, text) == verify(text, BODY)
    assert list(verifier._bodies) == ["seed"]
