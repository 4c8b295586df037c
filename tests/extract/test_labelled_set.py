"""Speaker attribution measured on the hand-labelled articles; fails below the figures reached.

Print the figures with `python -m tests.extract.scoring` (or `pytest -s` on this file).
"""

from __future__ import annotations

from .scoring import load_articles, measure, report

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
