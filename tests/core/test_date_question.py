"""One rule for what is in view on a date (``DateQuestion``), and the words a header says it in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from tui.core.dataset import Dataset
from tui.core.knowledge import DateQuestion, header_words, latest_known_date, question_dates

from .test_basis_and_knowledge import ALPHA_LATER, LATER_SEED

Load = Callable[..., Dataset]
DAY = dt.date(2025, 9, 30)


def later(load: Load) -> Dataset:
    return load({"seeds/s2.txt": LATER_SEED, "positions/alpha.yaml": ALPHA_LATER})


def test_as_of_keeps_everything_and_known_on_drops_what_came_out_later(load: Load) -> None:
    ds = later(load)
    assert DateQuestion(DAY).in_view(ds) is ds
    known = DateQuestion(DAY, known=True).in_view(ds)
    assert "s2" not in known.seeds and "s1" in known.seeds
    assert known.stance_at("alpha", "talks", DAY).stance == 1
    assert ds.stance_at("alpha", "talks", DAY).stance == -2


def test_the_latest_known_picture_has_every_source(load: Load) -> None:
    ds = later(load)
    # The last stance takes effect on 09-25, its source came out on 10-01: known from then.
    assert ds.latest_date == dt.date(2025, 9, 25)
    assert latest_known_date(ds) == dt.date(2025, 10, 1)
    question = DateQuestion(known=True)
    assert question.date_in(ds) == dt.date(2025, 10, 1)
    assert set(question.in_view(ds).seeds) == set(ds.seeds)
    assert DateQuestion().date_in(ds) == dt.date(2025, 9, 25)


def test_known_on_steps_through_the_dates_sources_came_out_too(load: Load) -> None:
    ds = later(load)
    assert question_dates(ds, known=False) == (dt.date(2025, 9, 22), dt.date(2025, 9, 25))
    assert question_dates(ds, known=True) == (
        dt.date(2025, 9, 22),
        dt.date(2025, 9, 25),
        dt.date(2025, 10, 1),
    )


def test_a_header_names_the_question_in_words(load: Load) -> None:
    assert header_words(DAY, known=False) == "as of 2025-09-30 · stated by then"
    assert header_words(DAY, known=True) == "known on 2025-09-30: sources published by then"
    assert header_words(DAY, known=True, short=True) == "known on 2025-09-30"
    assert header_words(None, known=True) == "no dated stances"
    assert DateQuestion(DAY, known=True).header(later(load)) == header_words(DAY, True)
