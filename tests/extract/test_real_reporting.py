"""The failure kinds of real reporting, one test each.

Every passage here is WRITTEN FOR THE TEST, in the shape real agency and newspaper copy takes;
none of it was said by the people named, and none of it counts towards the figures measured on
the real articles (tests/extract/real_labels.yaml).
"""

from __future__ import annotations

import datetime as dt

from tui.core.extract import extract

from .scoring import load_actors

ACTORS = load_actors()


def quote_speakers(body: str, published: dt.date | None = None) -> list[tuple[str, object]]:
    """(the quote's first words, its speaker: actor ids, or the label of someone else)."""
    return [
        (f.text[:24], f.speaker.actor_ids or f.speaker.label)
        for f in extract(body, ACTORS, published).quotes
    ]


def speaker_of(body: str, words: str, published: dt.date | None = None) -> object:
    found = [f for f in extract(body, ACTORS, published).quotes if words in f.text]
    assert len(found) == 1, found
    return found[0].speaker.actor_ids or found[0].speaker.label


# -- a shared surname goes to the one the article made current  ------------------------------------


def test_later_paragraphs_of_a_kim_yo_jong_story_call_her_kim():
    body = (
        "Kim Yo Jong, the powerful sister of leader Kim Jong Un, rejected Seoul's offer of talks"
        " on Tuesday.\n\n"
        "The allies began their drills on Monday.\n\n"
        "“We have nothing to discuss with Seoul,” Kim said in the statement.\n"
    )
    assert speaker_of(body, "nothing to discuss") == ("kim-yo-jong",)


def test_a_kim_who_is_not_an_actor_is_someone_else():
    body = (
        "Presidential policy adviser Kim Yong-beom welcomed the step.\n\n"
        "“Now it is the North's turn,” Kim said.\n\n"
        "“North Korea should respond at once,” Rep. Kim told reporters.\n"
    )
    assert speaker_of(body, "the North's turn") == "Kim Yong-beom"
    assert speaker_of(body, "respond at once") == "Rep. Kim"


def test_his_own_pronoun_keeps_kim_jong_un_from_his_sister():
    body = (
        "Kim Yo Jong said on Monday that the drills were a provocation, and she warned of a"
        " response.\n\n"
        "Kim, for his part, said the arsenal was “essential for survival” of the state.\n"
    )
    assert speaker_of(body, "essential") == ("kim-jong-un",)


def test_a_name_misspelt_by_one_letter_is_the_actor_and_her_later_kim_and_she_follow():
    body = (
        "Kim Yo Yong, a vice department director of the ruling party, issued a statement on"
        " Sunday.\n\n"
        "“The drills are a rehearsal for invasion,” Kim said.\n\n"
        "She added that Pyongyang “will answer in kind.”\n"
    )
    found = extract(body, ACTORS).quotes
    assert [f.speaker.actor_ids for f in found] == [("kim-yo-jong",), ("kim-yo-jong",)]
    (first, _) = found
    assert first.confidence < 1.0  # a name read on a guess is never sure


def test_a_misspelt_leader_s_name_is_the_leader_s():
    body = (
        "North Korean leader Kim Jung-un inspected a munitions factory, state media said.\n\n"
        "“We must produce more shells,” Kim Jung-un said.\n"
    )
    assert speaker_of(body, "more shells") == ("kim-jong-un",)


def test_another_member_of_the_family_is_never_read_as_a_misspelling():
    body = (
        "Kim Jong Un visited the mausoleum on Monday.\n\n"
        "“The bomb is our treasure,” Kim Jong Il said in a speech decades ago.\n\n"
        "“I was never interested in power,” Kim Jong Nam said in an interview in 2010.\n"
    )
    assert speaker_of(body, "our treasure") == "Kim Jong Il"
    assert speaker_of(body, "never interested") == "Kim Jong Nam"


# -- titles, role nouns, relations and pronouns  ---------------------------------------------------


def test_a_relation_written_with_of_names_the_relative():
    body = (
        "Seoul rejected the offer on Monday.\n\n"
        "The influential sister of North Korean leader Kim Jong Un said the drills “will be met"
        " with force.”\n\n"
        "“The enemy should not test us,” she said.\n"
    )
    assert speaker_of(body, "met with force") == ("kim-yo-jong",)
    assert speaker_of(body, "not test us") == ("kim-yo-jong",)


def test_he_in_a_clause_on_the_speech_is_the_speaker_not_the_man_named_in_between():
    body = (
        "President Lee Jae-myung delivered his Liberation Day address on Friday, a speech drafted"
        " with his chief of staff Kang Hoon-sik, in which he reiterated that Seoul “respects the"
        " North's system.”\n"
    )
    assert speaker_of(body, "respects the") == ("lee-jae-myung",)


def test_the_president_is_the_last_president_the_article_named():
    body = (
        "South Korean President Lee Jae-myung met U.S. President Donald Trump on Monday.\n\n"
        "“I hope you will be a peacemaker,” the South Korean leader said.\n\n"
        "“I'd like to meet him this year,” the U.S. president replied.\n"
    )
    assert speaker_of(body, "peacemaker") == ("lee-jae-myung",)
    assert speaker_of(body, "meet him") == ("donald-trump",)


def test_a_role_noun_with_nobody_named_yet_resolves_by_country_and_role():
    body = "In a New Year's speech, the South Korean leader said he “will support the talks.”\n"
    assert speaker_of(body, "support the talks") == ("lee-jae-myung",)


def test_his_sister_and_the_north_korean_leader():
    body = (
        "North Korean leader Kim Jong Un inspected a destroyer on Monday, warning of “a radical"
        " change” in doctrine.\n\n"
        "His sister said in a separate statement that Seoul's hope was “a foolish dream.”\n\n"
        "“We will expand our nuclear forces,” the North Korean leader said.\n"
    )
    assert speaker_of(body, "radical") == ("kim-jong-un",)
    assert speaker_of(body, "foolish dream") == ("kim-yo-jong",)
    assert speaker_of(body, "expand our") == ("kim-jong-un",)


def test_she_is_read_against_the_gender_the_article_gives():
    body = (
        "Kim Yo Jong, the sister of the leader, met envoys on Friday with Lee Jae-myung's aide"
        " present.\n\n"
        "Lee Jae-myung said he was hopeful. “Dialogue matters,” he said.\n\n"
        "“Seoul is not our partner,” she said.\n"
    )
    assert speaker_of(body, "Dialogue matters") == ("lee-jae-myung",)
    assert speaker_of(body, "not our partner") == ("kim-yo-jong",)


# -- continuations and attribution in another sentence  --------------------------------------------


def test_an_unattributed_continuation_paragraph_inherits_the_open_quotation():
    body = (
        "“We will never lay down our nuclear weapons,” Kim Jong Un said.\n\n"
        "“The world knows well what the U.S. does after it disarms others.”\n\n"
        "Lee Jae-myung has proposed a freeze.\n"
    )
    assert speaker_of(body, "The world knows") == ("kim-jong-un",)


def test_an_attribution_in_the_next_sentence_applies_back():
    body = (
        "Trump was asked about the North on Air Force One.\n\n"
        "“They are sort of a nuclear power.” Trump said so twice, to reporters.\n"
    )
    assert speaker_of(body, "sort of a nuclear") == ("donald-trump",)


def test_a_quote_about_our_own_side_goes_to_the_speaker_not_the_last_name():
    body = (
        "South Korean President Lee Jae-myung has offered talks.\n\n"
        "In a speech on Monday, Kim Jong Un rejected the offer. “We make it clear that we will not"
        " sit down with Seoul,” he said.\n"
    )
    assert speaker_of(body, "We make it clear") == ("kim-jong-un",)


def test_a_fragment_with_no_attribution_goes_to_no_one():
    body = (
        "“We will respond,” Kim Jong Un said.\n\n"
        "Washington has never recognised the North's “nuclear state” status.\n"
    )
    assert speaker_of(body, "nuclear state") is None


def test_a_broadcast_transcript_names_the_speaker_above_the_words():
    body = (
        "The two leaders spoke to reporters.\n\n"
        "Lee Jae Myung / President\nThanks to you, ties with the North were once stable.\n\n"
        "Donald Trump / U.S. President\nHe'd like to meet with me.\n"
    )
    assert speaker_of(body, "Thanks to you") == ("lee-jae-myung",)
    assert speaker_of(body, "He'd like") == ("donald-trump",)


def test_a_ministry_answering_stating_is_the_ministry_not_the_last_speaker():
    body = (
        "Kim Yo Jong called the drills a rehearsal for war.\n\n"
        "“We will respond,” she said.\n\n"
        "In response, Seoul's Unification Ministry dismissed her remarks, stating, “The drills are"
        " defensive and have been held for decades.”\n"
    )
    assert speaker_of(body, "defensive") == "Seoul's Unification Ministry"


def test_someone_named_as_an_object_then_who_told_reporters_is_the_speaker():
    body = (
        "“We will keep the door open,” Lee said on Monday.\n\n"
        "His remarks came a day after comments by Foreign Minister Cho Hyun, who told reporters in"
        " Tokyo, “Dialogue cannot be forced on the North.”\n\n"
        "The view was echoed by Trump, who told reporters aboard Air Force One, “I'd love to meet"
        " him.”\n"
    )
    assert speaker_of(body, "cannot be forced") == "Foreign Minister Cho Hyun"
    assert speaker_of(body, "love to meet") == ("donald-trump",)


def test_a_question_put_to_the_minister_is_not_his():
    body = (
        "Chung Dong-young appeared before the committee on Tuesday.\n\n"
        "Asked, “Does the president agree with you?” the minister said, “He does.”\n\n"
        "To the question, “Is the North the main enemy?” Chung answered, “It is a partner.”\n"
    )
    speakers = dict(quote_speakers(body))
    assert speakers["Does the president agree"] == "whoever asked (not named)"
    assert speakers["Is the North the main en"] == "whoever asked (not named)"
    assert speakers["He does."] == ("chung-dong-young",)
    assert speakers["It is a partner."] == ("chung-dong-young",)


def test_a_term_someone_used_is_theirs():
    body = (
        "Pete Hegseth, a nominee for defense secretary, drew criticism by using the term “nuclear"
        " power” in written answers to senators.\n"
    )
    assert speaker_of(body, "nuclear power") == "Pete Hegseth"


def test_a_quote_in_an_opening_participle_clause_is_the_main_subject_s():
    body = (
        "Unification Minister nominee Chung Dong-young on Monday called for restoring ties.\n\n"
        "Describing the German path to unity as a “gradual” process, the nominee argued that the"
        " two Koreas should first build trust, which he called urgent.\n"
    )
    assert speaker_of(body, "gradual") == ("chung-dong-young",)


# -- agencies, ministries and state media  ---------------------------------------------------------


def test_a_statement_carried_by_an_agency_is_the_statement_s_and_goes_on():
    body = (
        "North Korea's vice foreign minister issued a press statement on Saturday.\n\n"
        "“Seoul talks about denuclearization whenever an opportunity presents itself,” an"
        " English-language statement carried by the state-run Korean Central News Agency read.\n\n"
        "“It only shows a lack of common sense.”\n"
    )
    speakers = [label for _, label in quote_speakers(body)]
    assert speakers == ["an English-language statement", "an English-language statement"]


def test_a_statement_carried_by_kcna_is_the_person_s_with_kcna_the_relay():
    body = (
        "In a statement carried by KCNA, Kim Yo Jong said Seoul “is no different from"
        " its predecessor.”\n"
    )
    found = extract(body, ACTORS).quotes
    assert [f.speaker.actor_ids for f in found] == [("kim-yo-jong",)]
    assert found[0].via == ("KCNA",)


def test_a_person_named_only_as_the_target_is_not_the_speaker():
    body = (
        "Kim Yo Jong said on Tuesday that Lee Jae-myung “is no different from his predecessor,”"
        " according to the Korean Central News Agency.\n"
    )
    assert speaker_of(body, "no different") == ("kim-yo-jong",)


def test_kcna_or_a_ministry_as_the_only_source_is_another_speaker_named():
    body = (
        "“We will take legitimate and realistic measures,” the KCNA said.\n\n"
        "“Criticising the drills is sophistry,” South Korea's Defense Ministry said.\n"
    )
    speakers = quote_speakers(body)
    assert all(isinstance(label, str) for _, label in speakers), speakers
    assert "KCNA" in speakers[0][1] and "Ministry" in speakers[1][1]


def test_state_media_reporting_relays_the_sentence_s_subject():
    body = (
        "The North Korean leader's influential sister urged diplomats to prepare for “preemptive"
        " counteraction,” state media reported Wednesday.\n"
    )
    assert speaker_of(body, "preemptive") == ("kim-yo-jong",)


def test_a_sentence_final_attribution_gives_the_quotes_before_it():
    body = (
        "Kim Jong Un believes the deployment was “a sacred mission” aimed at friendship with"
        " Moscow, the party's military commission said in a statement.\n"
    )
    assert speaker_of(body, "sacred mission") == "the party's military commission"


# -- headlines and names  --------------------------------------------------------------------------


def test_headline_fragments_and_quoted_names_are_not_offered():
    body = (
        "Kim Yo Jong Warns Of 'Stern Response' To Drills\n\n"
        "Trump says summit with Kim 'could happen soon'\n\n"
        "She dismissed the joint “Ulchi Freedom Shield” exercises, calling them “reckless.”\n"
    )
    assert [text for text, _ in quote_speakers(body)] == ["reckless."]


# -- dates  ----------------------------------------------------------------------------------------


def test_relative_days_are_counted_back_from_the_published_date():
    published = dt.date(2025, 9, 24)  # a Wednesday
    body = (
        "“First,” Lee Jae-myung said on Tuesday.\n\n"
        "“Second,” Trump said yesterday.\n\n"
        "“Third,” Kim Jong Un said on the 20th.\n\n"
        "“Fourth,” Kim Yo Jong said last Wednesday.\n"
    )
    found = extract(body, ACTORS, published).quotes
    assert [f.said_on for f in found] == [
        dt.date(2025, 9, 23),
        dt.date(2025, 9, 23),
        dt.date(2025, 9, 20),
        dt.date(2025, 9, 17),
    ]
    assert found[0].said_on_note == (
        "inferred from “on Tuesday”, counted back from the published date 2025-09-24"
    )


def test_a_span_of_time_is_noted_and_no_day_is_made_up():
    published = dt.date(2025, 9, 24)
    body = "“Ready,” Lee Jae-myung said last month.\n\n“Still,” Kim Jong Un said last week.\n"
    first, second = extract(body, ACTORS, published).quotes
    assert first.said_on is None and second.said_on is None
    assert "August 2025" in first.said_on_note and "the day is not stated" in first.said_on_note
    assert "the week of 2025-09-15" in second.said_on_note


def test_a_date_inside_the_quote_is_the_speaker_s_not_when_it_was_said():
    body = "“We met on Tuesday,” Trump said.\n"
    (found,) = extract(body, ACTORS, dt.date(2025, 9, 24)).quotes
    assert found.said_on is None and found.said_on_note is None
