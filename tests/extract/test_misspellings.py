"""A known actor's name misspelt by one letter is the actor's; another person's name never is."""

from __future__ import annotations

import pytest

from tui.core.misspellings import Misspellings

from .scoring import load_actors

SPELLINGS = Misspellings(load_actors())


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("Kim Yo Yong", "kim-yo-jong"),  # a letter changed
        ("Kim Jung Un", "kim-jong-un"),
        ("Kim Jung-un", "kim-jong-un"),  # hyphenated as the alias is
        ("Kim Jogn Un", "kim-jong-un"),  # two letters swapped
        ("Donal Trump", "donald-trump"),  # a letter dropped
        ("Chung Dong-yong", "chung-dong-young"),
    ],
)
def test_one_edit_in_one_word_is_the_actor(written, actor_id):
    assert SPELLINGS.actor_for(written) is not None
    assert SPELLINGS.actor_for(written)[0] == actor_id


@pytest.mark.parametrize(
    "written",
    [
        "Kim Jong Un",  # spelt right: the name finder has it, not the misspelling reader
        "Kim Jong Il",  # a two-letter name changed is another name: his father
        "Kim Jong Nam",  # his half-brother
        "Kim Il Sung",
        "Lee Jae-yong",  # two edits from Lee Jae-myung: the Samsung chairman
        "Kim Yong Chol",
        "Kim Yeo-jong",  # "Yo" is too short to tell a slip from another name: alias it instead
        "Jong Un",  # fewer words than any name
    ],
)
def test_another_person_or_a_bigger_difference_is_nobody(written):
    assert SPELLINGS.actor_for(written) is None
