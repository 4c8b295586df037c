"""Whose words a quoted term or a clause's quote is, when no verb of saying stands beside it.

Every passage here is WRITTEN FOR THE TEST, in the shape real agency and newspaper copy takes;
none of it was said by the people named, and none of it counts towards the figures measured on
the real articles (tests/extract/real_labels.yaml).
"""

from __future__ import annotations

from tui.core.extract import extract

from .test_real_reporting import ACTORS, speaker_of


def test_a_term_called_so_by_someone_is_theirs_not_the_sentence_s_subject():
    body = (
        "Kim Yo Jong said there was no reason for the drills, which have long been described as"
        " “routine” by Washington and Seoul.\n"
    )
    assert speaker_of(body, "routine") == "Washington and Seoul"


def test_a_term_written_as_its_owner_s_is_the_owner_s():
    body = (
        "Critics said the minister's words echoed Pyongyang's “two hostile states” doctrine and"
        " Moscow's “multipolar order,” which the Kremlin promotes.\n"
    )
    assert speaker_of(body, "multipolar order") == "Moscow"


def test_a_word_describing_a_noun_after_it_is_not_the_owner_s():
    body = "He also praised Beijing's “balanced” position on the peninsula, the agency said.\n"
    assert speaker_of(body, "balanced") != "Beijing"


def test_state_media_as_the_subject_is_the_speaker():
    body = (
        "North Korea did not answer a request for comment. Its state media said later that the"
        " drills proved Washington wanted to “strangle” the North.\n"
    )
    assert speaker_of(body, "strangle") == "state media"


def test_a_second_verb_after_and_has_the_first_verb_s_subject():
    body = (
        "Kim Yo Jong issued a statement on Tuesday.\n\n"
        "She noted that much had changed since the first U.S.-North Korea summit in 2018 and said"
        " talks would be “a waste of time.”\n"
    )
    assert speaker_of(body, "waste of time") == ("kim-yo-jong",)


def test_he_in_a_clause_on_someone_s_address_is_the_one_who_gave_it():
    body = (
        "Chung Dong-young's remarks seemed in line with President Lee Jae-myung's address to the"
        " assembly on Tuesday, in which he outlined his “three-stage plan.”\n"
    )
    assert speaker_of(body, "three-stage") == ("lee-jae-myung",)


def test_a_weapon_s_designation_in_lower_case_is_nobody_s_words():
    body = (
        "Kim Jong Un oversaw the launch of a “new-type medium-range hypersonic ballistic"
        " missile” on Monday, state media said.\n\n"
        "Trump called it a “very dangerous missile” when asked about it.\n"
    )
    quotes = {f.text: f.speaker for f in extract(body, ACTORS).quotes}
    assert not any("hypersonic" in text for text in quotes)
    assert quotes["very dangerous missile"].actor_ids == ("donald-trump",)


def test_sentences_whose_spaces_were_lost_are_still_read_apart():
    # Transcripts are often stored with the space after each full stop lost.
    body = (
        "Anchor: Kim Yo Jong, the sister of the leader, issued a statement on Tuesday.Our"
        " reporter has more.Reporter: The statement came after a White House official said"
        " Trump was open to talks with North Korea.She said any such talks would be"
        " “pointless.”Analysts disagree.\n"
    )
    assert speaker_of(body, "pointless") == ("kim-yo-jong",)


def test_she_after_a_man_the_article_never_called_he_is_the_woman_it_named():
    body = (
        "Kim Yo Jong, the sister of the leader, issued a statement on Tuesday.\n\n"
        "Trump told reporters on Monday that talks with North Korea were possible. She said"
        " such a meeting would be “a waste of time.”\n"
    )
    assert speaker_of(body, "waste of time") == ("kim-yo-jong",)
