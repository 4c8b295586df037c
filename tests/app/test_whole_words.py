"""The check behind the layout grid: it must see each kind of cut that screens have shown."""

from __future__ import annotations

from tests.app.whole_words import Vocabulary, tokens

VOCABULARY = Vocabulary(
    guarded=frozenset(
        tokens("Lee Jae-myung Sanae Takaichi Kim Jong Un Denuclearisation firmly against")
        + tokens("Freeze on nuclear production KJU LJM")
    ),
    known=frozenset(tokens("Lee Jae-myung Sanae Takaichi Kim Jong Un the sister of an")),
    tags=frozenset({"KJU", "LJM"}),
    phrases=frozenset({"Freeze on nuclear production", "Relations with Seoul", "Lee Jae-myung"}),
)


def test_whole_names_titles_and_stance_words_pass():
    screen = "Lee Jae-myung   ▼▼  firmly against\n Denuclearisation   KJU LJM\nthe sister"
    assert VOCABULARY.cut_words(screen) == []


def test_a_word_split_across_lines_is_cut():
    assert VOCABULARY.cut_words(" Denuclearisa   ▼▼\n tion") == ["Denuclearisa", "tion"]


def test_a_name_cut_at_a_column_edge_or_by_a_scroll_is_cut():
    assert VOCABULARY.cut_words("Lee Jae-│ ▲▲ firml") == ["Jae-", "firml"]
    assert VOCABULARY.cut_words("  San  \n  Tak  ") == ["San", "Tak"]


def test_a_title_shortened_with_an_ellipsis_is_cut():
    assert VOCABULARY.cut_words("Freeze on nuclear pro…  KJU") == ["pro…"]
    assert VOCABULARY.cut_words("  Relations with…  ▲▲") == ["with…"]
    assert VOCABULARY.cut_words("  KJU…  ") == ["KJU…"]
    # Words elided from a quote, or a source's title shortened, are not names cut.
    assert VOCABULARY.cut_words("“We will … talk”; The question of…") == []


def test_tags_folded_into_one_label_are_cut():
    assert VOCABULARY.cut_words("┼───KJU+1───┼") == ["KJU+…"]
