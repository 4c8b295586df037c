"""Which matrix layout a screen gets: the richest that fits, never a word broken to fit."""

from __future__ import annotations

from tui.app.widgets.matrix.fit import fit_matrix

NAMES = [
    "Chung Dong-young",
    "Donald Trump",
    "Kim Jong Un",
    "Kim Yo Jong",
    "Lee Jae-myung",
    "Sanae Takaichi",
    "Vladimir Putin",
    "Xi Jinping",
]
TAGS = ["CDY", "DT", "KJU", "KYJ", "LJM", "ST", "VP", "XJ"]
TITLES = ["Talks with the US", "Denuclearisation", "Freeze on nuclear production"] * 5


def test_eight_actors_at_80_columns_go_by_tags_with_the_glyph_alone():
    fit = fit_matrix(NAMES, TAGS, TITLES, 80, 21)
    assert (fit.beside, fit.cells, fit.tags, fit.fits) == (False, "glyph", True, True)
    assert fit.label_width >= len("Denuclearisation")


def test_at_120_columns_the_names_fit_above_the_detail():
    fit = fit_matrix(NAMES, TAGS, TITLES, 120, 27)
    assert (fit.beside, fit.cells, fit.tags) == (False, "numbered", False)


def test_at_160_columns_the_table_sits_beside_a_detail_of_readable_width():
    fit = fit_matrix(NAMES, TAGS, TITLES, 160, 42)
    assert (fit.beside, fit.cells, fit.tags) == (True, "numbered", False)
    table = 2 + 2 * fit.padding + fit.label_width + len(NAMES) * (fit.column_width + 2)
    assert 160 - table >= 40


def test_worded_cells_only_where_the_rows_leave_room_for_the_legend():
    four = NAMES[:4]
    assert fit_matrix(four, TAGS[:4], TITLES[:6], 160, 42).cells == "worded"
    assert fit_matrix(four, TAGS[:4], TITLES * 2, 160, 42).cells == "numbered"


def test_a_column_is_never_narrower_than_its_longest_word():
    long = ["Maximiliana Featherstonehaugh-Wolfeschlegel"] + NAMES[1:]
    fit = fit_matrix(long, TAGS, TITLES, 250, 60)
    assert fit.tags or fit.column_width >= len("Featherstonehaugh-Wolfeschlegel")
    nothing_fits = fit_matrix(NAMES, TAGS, ["Counterproliferationinspectionsregime"], 60, 21)
    assert not nothing_fits.fits  # the table then scrolls; the title is still not broken
    assert nothing_fits.label_width >= len("Counterproliferationinspectionsregime")
