"""The reading rules of the extractor, one behaviour at a time."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.core.extract import extract

from .scoring import load_actors

ACTORS = load_actors()


def speakers(
    body: str, kind: str = "quote", published: dt.date | None = None
) -> list[tuple[str, tuple[str, ...], str | None]]:
    found = extract(body, ACTORS, published)
    return [
        (f.text, f.speaker.actor_ids, f.speaker.label) for f in found.findings if f.kind == kind
    ]


def test_curly_and_straight_quotes_with_attribution_after():
    body = '“We are ready,” Kim Jong Un said.\n"So are we," said Trump.\n'
    assert speakers(body) == [
        ("We are ready", ("kim-jong-un",), None),
        ("So are we", ("donald-trump",), None),
    ]


def test_attribution_before_the_quote():
    body = "Trump told reporters, “I’d like to meet him this year,” on Monday.\n"
    assert speakers(body) == [("I’d like to meet him this year", ("donald-trump",), None)]


def test_he_added_after_a_named_speaker():
    body = "“We will not disarm,” Kim said. He added, “Never.”\n"
    assert [s[1] for s in speakers(body)] == [("kim-jong-un",), ("kim-jong-un",)]


def test_a_quote_split_by_its_attribution_is_one_quote():
    body = "“We will talk,” Lee said, “but only in good faith.”\n"
    found = extract(body, ACTORS).quotes
    assert len(found) == 1
    assert found[0].text == "We will talk ... but only in good faith."
    assert found[0].speaker.actor_ids == ("lee-jae-myung",)
    assert len(found[0].spans) == 2


def test_a_quote_running_over_paragraphs_is_one_quote():
    body = "“First part,” Lee said. “Second part goes on.\n\n“Third part ends it.”\n"
    found = extract(body, ACTORS).quotes
    assert [f.text for f in found] == ["First part", "Second part goes on. ... Third part ends it."]
    assert found[1].speaker.actor_ids == ("lee-jae-myung",)
    assert "runs over paragraphs" in found[1].reason


def test_an_alias_names_the_actor():
    body = "“No,” the North Korean leader said.\n"
    assert speakers(body) == [("No", ("kim-jong-un",), None)]


@pytest.mark.parametrize(
    "body, expected",
    [
        # The last actor named in full as a subject wins a bare surname...
        ("Kim Yo Jong issued a statement. “Stop,” Kim said.\n", "kim-yo-jong"),
        # ...not one named as the object of a preposition or as an owner...
        (
            "Kim Yo Jong, the sister of leader Kim Jong Un, spoke. “Stop,” Kim said.\n",
            "kim-yo-jong",
        ),
        # ...even paragraphs later, when no other Kim has been named since...
        (
            "Kim’s sister, Kim Yo Jong, spoke.\n\nLee spoke too.\n\n“Stop,” Kim said.\n",
            "kim-yo-jong",
        ),
        # ...and with nobody named nearby, the actor who declares the surname as an alias.
        ("“Stop,” Kim said.\n", "kim-jong-un"),
    ],
)
def test_a_bare_kim_is_resolved_by_full_names(body, expected):
    assert speakers(body)[-1][1] == (expected,)


def test_another_person_with_an_actors_surname_is_not_the_actor():
    body = "“Naive,” said Lee Jun-seok, an opposition lawmaker.\n"
    assert speakers(body) == [("Naive", (), "Lee Jun-seok")]


def test_quotes_by_unknown_speakers_are_kept_apart():
    body = "“The drills are defensive,” a ministry spokesperson told reporters.\n"
    found = extract(body, ACTORS)
    assert [f.speaker.label for f in found.unknown_speakers] == ["a ministry spokesperson"]
    assert found.by_actor() == {}


def test_according_to_a_relay_is_not_the_speaker():
    body = "“We are ready,” Kim Jong Un said, according to KCNA.\n"
    (quote,) = extract(body, ACTORS).quotes
    assert quote.speaker.actor_ids == ("kim-jong-un",)
    assert quote.via == ("KCNA",)


def test_reported_speech_names_subject_and_verb():
    body = "Lee urged fresh engagement. The weather was fine. Trump rejected the plan.\n"
    assert speakers(body, "reported") == [
        ("Lee urged fresh engagement.", ("lee-jae-myung",), None),
        ("Trump rejected the plan.", ("donald-trump",), None),
    ]


def test_coordinated_subjects_both_report():
    body = "Trump and Lee said they were willing to meet.\n"
    assert sorted(s[1] for s in speakers(body, "reported")) == [
        ("donald-trump",),
        ("lee-jae-myung",),
    ]


def test_an_explicit_date_becomes_said_on_and_a_vague_one_a_note():
    body = "“Ready,” Kim Jong Un said on Sept. 21.\n“Still ready,” Lee said last week.\n"
    first, second = extract(body, ACTORS, dt.date(2025, 9, 22)).quotes
    assert first.said_on == dt.date(2025, 9, 21)
    assert second.said_on is None
    assert second.said_on_note == (
        "The article says “last week”: the week of 2025-09-15 (inferred from the published date"
        " 2025-09-22); the day is not stated"
    )


def test_a_date_inside_the_quote_is_not_when_it_was_said():
    body = "“I will meet him on Sept. 30,” Trump said.\n"
    (quote,) = extract(body, ACTORS, dt.date(2025, 9, 22)).quotes
    assert quote.said_on is None


def test_apostrophes_are_not_quotes():
    body = "Kim’s sister and Seoul’s officials met at the People’s Palace.\n"
    assert extract(body, ACTORS).quotes == []


def test_nested_single_quotes_stay_inside_their_quote():
    body = "“They talk of ‘dialogue’ while they arm,” Kim Jong Un said.\n"
    assert speakers(body) == [("They talk of ‘dialogue’ while they arm", ("kim-jong-un",), None)]


def test_every_span_points_at_the_quoted_words():
    body = "Intro line.\n“We will not disarm,” Kim said.\n"
    (quote,) = extract(body, ACTORS).quotes
    assert [body[a:b] for a, b in quote.spans] == ["We will not disarm,"]
    assert quote.line == 2


def test_no_actors_no_attribution():
    found = extract("“Hello,” Kim said.\n", [])
    assert found.by_actor() == {}
    assert len(found.quotes) == 1
