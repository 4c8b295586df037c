"""Speaker attribution measured on the hand-labelled articles; fails below the figures reached.

Print the figures with `python -m tests.extract.scoring` (or `pytest -s` on this file).
"""

from __future__ import annotations

from .scoring import load_articles, measure, measure_real, real_parts, real_report, report

# Measured on the seed article and the seven articles written for testing (two of them held
# out: written and labelled after the rules were fixed). Raise these when the extractor improves.
QUOTE_PRECISION_FLOOR = 1.00
QUOTE_RECALL_FLOOR = 0.97
REPORTED_PRECISION_FLOOR = 1.00
REPORTED_RECALL_FLOOR = 1.00


def test_every_test_article_says_it_was_written_for_testing():
    for article in load_articles():
        if article.name.startswith("seed"):
            continue
        assert article.body.startswith(
            "WRITTEN FOR TESTING. This article is fictional test material"
        )


def test_the_labelled_set_is_not_trivial():
    articles = load_articles()
    assert len(articles) >= 6
    assert sum(len(a.quotes) for a in articles) >= 40
    assert any(not label.speakers for a in articles for label in a.quotes), "no unknown speakers"


def test_speaker_attribution_meets_its_floor():
    quotes, reported = measure()
    figures = report(quotes, reported)
    print(figures)
    assert quotes.precision >= QUOTE_PRECISION_FLOOR, figures
    assert quotes.recall >= QUOTE_RECALL_FLOOR, figures
    assert reported.precision >= REPORTED_PRECISION_FLOOR, figures
    assert reported.recall >= REPORTED_RECALL_FLOOR, figures


# Measured on the real articles (real_labels.yaml); the floors are the figures reached. The
# held-back part's articles never moved, but its errors have been read to learn their kinds, so
# its figure is no longer an untuned one (the README says which rules came from it).
HELD_BACK_PRECISION_FLOOR = 1.00
HELD_BACK_RECALL_FLOOR = 0.98
TUNING_PRECISION_FLOOR = 1.00
TUNING_RECALL_FLOOR = 0.97


def test_the_real_set_is_split_and_labelled():
    split_name, held_back, tuning = real_parts()
    assert split_name
    assert len(held_back) + len(tuning) == 39
    assert len(held_back) == 13
    assert sum(len(a.quotes) for a in held_back + tuning) >= 180
    assert not {a.seed_id for a in held_back} & {a.seed_id for a in tuning}
    # Read from seeds/, so that a fresh clone measures the same text.
    assert all(a.from_seed for a in held_back + tuning)


def test_speaker_attribution_on_the_held_back_real_articles_meets_its_floor():
    _, held_back, _ = real_parts()
    measured = measure_real(held_back)
    figures = real_report(measured, "held-back part")
    print(figures)
    assert measured.precision >= HELD_BACK_PRECISION_FLOOR, figures
    assert measured.recall >= HELD_BACK_RECALL_FLOOR, figures


def test_speaker_attribution_on_the_tuning_real_articles_meets_its_floor():
    _, _, tuning = real_parts()
    measured = measure_real(tuning)
    figures = real_report(measured, "tuning part")
    assert measured.precision >= TUNING_PRECISION_FLOOR, figures
    assert measured.recall >= TUNING_RECALL_FLOOR, figures
