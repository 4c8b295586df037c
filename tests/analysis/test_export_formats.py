"""Export frames and writers: CSV round trips, formula neutralising, Markdown escaping, JSON, no
overwriting."""

from __future__ import annotations

import html
import io
import json
import re

import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tui.core import export
from tui.core.sanitize import clean

from .handmade import build_dataset, hand_dataset

HOSTILE = [
    '=HYPERLINK("http://evil.example","x")',
    "+1+1",
    "-2+3",
    "-A1",
    "@SUM(A1:A9)",
    "\tleading tab",
    "\rleading cr",
    "＝1+1",
    "＋1",
    "－1",
    "＠SUM(A1)",
    "'=already quoted",
    "''+twice",
    "-2",
    "+1",
    "0.5",
    "-1e5",
    "NA",
    "null",
    "None",
    "",
    "a|b `c` <script>alert(1)</script> [x](http://evil.example) ![i](j) *em* # h &lt;",
    "line\nbreak",
    "'plain apostrophe",
]


@pytest.fixture
def hostile_dataset():
    stances = [dict(actor=f"a{n}", issue="one", stance=(n % 5) - 2) for n in range(len(HOSTILE))]
    return build_dataset(
        ["one"],
        [f"a{n}" for n in range(len(HOSTILE))],
        stances,
        names={f"a{n}": text or "x" for n, text in enumerate(HOSTILE)},
        titles={"one": "=cmd|' /C calc'!A0"},
    )


@pytest.mark.parametrize("what", export.WHATS)
def test_csv_round_trip_gives_back_the_frame(what):
    frame = export.frame_for(what, hand_dataset())
    assert len(frame) > 0
    text = export.render(frame, "csv")
    pd.testing.assert_frame_equal(export.read_csv(io.StringIO(text), what), frame)


@pytest.mark.parametrize("what", export.WHATS)
def test_pandas_reads_back_exactly_the_written_frame(what, tmp_path):
    frame = export.frame_for(what, hand_dataset())
    path = export.write_text(export.render(frame, "csv"), tmp_path / f"{what}.csv")
    back = pd.read_csv(path, **export.csv_read_options(what))
    # Nothing in the hand data is formula-like, so the written frame is the frame itself.
    pd.testing.assert_frame_equal(back, export.csv_safe(frame))
    pd.testing.assert_frame_equal(back, frame)


def test_stance_column_stays_a_number(tmp_path):
    frame = export.frame_for("matrix", hand_dataset())
    text = export.render(frame, "csv")
    # -2 is written as a bare number, not text with an apostrophe.
    assert "\none,One,ann,Ann Arbor,-2," in text
    assert "'-2" not in text
    plain = pd.read_csv(io.StringIO(text))
    assert pd.api.types.is_numeric_dtype(plain["stance"])
    assert plain.loc[0, "stance"] == -2
    # The absent stance reads back as missing, not 0.
    typed = export.read_csv(io.StringIO(text), "matrix")
    assert typed["stance"].dtype == "Int64"
    assert typed["stance"].tolist()[:4] == [-2, 2, 1, pd.NA]


def test_formula_like_cells_are_neutralised_and_restored(hostile_dataset):
    frame = export.frame_for("matrix", hostile_dataset)
    text = export.render(frame, "csv")
    written = pd.read_csv(io.StringIO(text), **export.csv_read_options("matrix"))
    actors = dict(zip(frame["actor"], written["actor"]))
    for original, cell in actors.items():
        # No written cell starts with a formula sign unless it is a plain number...
        if cell and cell[0] in "=+-@＝＋－＠":
            assert re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", cell), cell
        # ...and every formula-like cell got exactly one apostrophe.
        bare = original.lstrip("'")
        if bare and bare[0] in "=+-@＝＋－＠" and not re.fullmatch(r"[+-]?[0-9.]+", original):
            assert cell == "'" + original
    assert actors['=HYPERLINK("http://evil.example","x")'].startswith("'=")
    assert actors["-2+3"] == "'-2+3"
    assert actors["-1e5"] == "'-1e5"
    assert actors["＝1+1"] == "'＝1+1"
    assert actors["''+twice"] == "'''+twice"
    assert actors["-2"] == "-2" and actors["+1"] == "+1" and actors["0.5"] == "0.5"
    assert actors["NA"] == "NA" and actors["null"] == "null"
    assert actors["'plain apostrophe"] == "'plain apostrophe"
    assert written["issue"].iloc[0] == "'=cmd|' /C calc'!A0"
    # Tabs and carriage returns never reach the file: clean makes them visible first.
    assert actors[clean("\tleading tab")] == "␉leading tab"
    # What pandas reads is the written (neutralised) frame; read_csv undoes it exactly.
    pd.testing.assert_frame_equal(written, export.csv_safe(frame))
    pd.testing.assert_frame_equal(export.read_csv(io.StringIO(text), "matrix"), frame)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.text(alphabet=st.sampled_from("=+-@'a1.\t＝－ \"\n,"), max_size=8), min_size=1))
@example([" "])  # a row that is only white space must not vanish on reading back
def test_neutralising_is_reversible_and_safe(cells):
    frame = pd.DataFrame({"text": cells}).astype("str")
    safe = export.csv_safe(frame)
    for cell in safe["text"]:
        if cell and cell[0] in "=+-@\t＝－":
            assert re.fullmatch(r"[+-]?[0-9]+(\.[0-9]+)?", cell)
    pd.testing.assert_frame_equal(export.csv_restore(safe), frame)
    text = export.to_csv(frame)
    back = pd.read_csv(
        io.StringIO(text), dtype="str", keep_default_na=False, skip_blank_lines=False
    )
    pd.testing.assert_frame_equal(back, safe)


# -- Markdown ----------------------------------------------------------------------------------


def _cells(markdown: str) -> list[list[str]]:
    """The table as a renderer sees it: rows of cell texts."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    rows, row, inside = [], None, False
    for token in tokens:
        if token.type == "tr_open":
            row = []
        elif token.type in ("th_open", "td_open"):
            inside = True
        elif token.type == "inline" and inside:
            row.append(_text(token))
        elif token.type in ("th_close", "td_close"):
            inside = False
        elif token.type == "tr_close":
            rows.append(row)
    return rows


def _text(inline) -> str:
    out = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type == "html_inline":
            out.append(f"<HTML:{child.content}>")
        elif child.type in ("link_open", "image", "em_open", "strong_open", "s_open"):
            out.append(f"<{child.type}>")
    return "".join(out)


def test_markdown_table_cannot_break_or_inject(hostile_dataset):
    frame = export.frame_for("matrix", hostile_dataset)
    md = export.render(frame, "md")
    rows = _cells(md)
    assert len(rows) == len(frame) + 1
    assert all(len(row) == len(frame.columns) for row in rows)
    html_out = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html_out and "<a " not in html_out and "<img" not in html_out
    assert "<em>" not in html_out
    # The only code spans are the ones that keep an address from becoming a link.
    codes = re.findall(r"<code>(.*?)</code>", html_out)
    assert all(re.search(r"://|@|^www\.|^#|^GH-|:", code) for code in codes), codes
    shown = {row[3] for row in rows[1:]}
    assert (
        "a|b `c` <script>alert(1)</script> [x](http://evil.example) ![i](j) *em* # h &lt;" in shown
    )
    assert "line␊break" in shown


@settings(max_examples=80, deadline=None, derandomize=True)
@given(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
    | st.text(alphabet=st.sampled_from("\\`*_[]|~#$<>&;x0123 !()-=+:/.@\n"), max_size=20)
)
def test_markdown_cell_shows_exactly_the_clean_text(text):
    md = export.markdown_table(["h"], [[text]])
    rows = _cells(md)
    assert len(rows) == 2 and len(rows[1]) == 1
    html_out = MarkdownIt("commonmark").enable("table").render(md)
    # Code spans hold what a renderer would otherwise link: their text is the data's text.
    html_out = re.sub(r"</?code>", "", html_out)
    cell = re.search(r"<td>(.*?)</td>", html_out, re.S)
    shown = html.unescape(cell.group(1)) if cell else ""
    assert shown == clean(text).strip()
    # The same text as running text after a list marker stays one plain list item.
    item = MarkdownIt("commonmark").render("- x " + export.markdown_escape(text))
    item = re.sub(r"</?code>", "", item)
    inner = re.fullmatch(r"<ul>\n<li>(.*?)</li>\n</ul>\n", item, re.S)
    assert inner and html.unescape(inner.group(1)) == ("x " + clean(text)).rstrip()


def test_markdown_escape_of_running_text():
    escaped = export.markdown_escape("# x <b>y</b> [l](u) a\\|b `c` &amp;")
    assert escaped == r"\# x &lt;b&gt;y&lt;/b&gt; \[l\](u) a\\\|b \`c\` &amp;amp;"


# -- JSON --------------------------------------------------------------------------------------


def test_json_records_with_nulls_for_absent_stances():
    frame = export.frame_for("matrix", hand_dataset())
    data = json.loads(export.render(frame, "json"))
    assert len(data) == len(frame)
    assert data[0]["stance"] == -2 and data[0]["conditional"] is False
    absent = next(r for r in data if r["actor_id"] == "di" and r["issue_id"] == "one")
    assert absent["stance"] is None and absent["word"] == "no stated position"
    quotes = json.loads(export.render(export.frame_for("quotes", hand_dataset()), "json"))
    assert quotes[0]["via"] == "Agency → Wire"
    assert "\\/" not in export.render(export.frame_for("quotes", hand_dataset()), "json")
    dist = json.loads(export.render(export.frame_for("distances", hand_dataset()), "json"))
    assert dist[0]["distance"] == 7 / 3
    assert dist[-1]["distance"] is None


# -- frames ------------------------------------------------------------------------------------


def test_matrix_frame_lists_every_pair_absent_included():
    frame = export.frame_for("matrix", hand_dataset())
    assert len(frame) == 7 * 4
    two_cy = frame[(frame.issue_id == "two") & (frame.actor_id == "cy")].iloc[0]
    # An explicit null stance is absent, with its record's date and summary kept.
    assert two_cy["stance"] is pd.NA and two_cy["as_of"] == "2025-01-01"
    six_ann = frame[(frame.issue_id == "six") & (frame.actor_id == "ann")].iloc[0]
    assert six_ann["conditional"] and six_ann["conditions"].startswith("Bo stops pushing one.")


def test_quotes_frame_as_of_keeps_the_stances_in_force():
    import datetime as dt

    ds = hand_dataset()
    every = export.frame_for("quotes", ds)
    assert len(every) == len(ds.evidence) == 15
    row = every.iloc[0]
    assert (row["actor"], row["speaker"], row["issue"], row["kind"]) == (
        "Ann Arbor",
        "Ann Arbor",
        "One",
        "quote",
    )
    assert (row["source"], row["title"], row["outlet"], row["said_on"], row["verified"]) == (
        "hand-source",
        "A hand-made source",
        "Test Outlet",
        "2025-01-01",
        True,
    )
    bo_one = every[(every.actor_id == "bo") & (every.issue_id == "one")]
    assert bo_one["stance_as_of"].tolist() == ["2025-01-01", "2025-03-01"]
    feb = export.frame_for("quotes", ds, dt.date(2025, 2, 1))
    assert feb[(feb.actor_id == "bo") & (feb.issue_id == "one")]["stance"].tolist() == [0]


def test_problems_frame():
    frame = export.frame_for("problems", hand_dataset())
    assert frame.to_dict("records") == [
        {
            "path": "positions/bo.yaml",
            "line": 4,
            "col": 7,
            "severity": "error",
            "message": "stance: 3 is above +2",
        }
    ]


def test_unknown_table_or_format_is_an_error():
    with pytest.raises(ValueError, match="unknown table"):
        export.frame_for("nope", hand_dataset())
    with pytest.raises(ValueError, match="unknown format"):
        export.render(export.frame_for("gaps", hand_dataset()), "xls")


# -- writing -----------------------------------------------------------------------------------


def test_never_overwrites_without_force(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("keep me", encoding="utf-8")
    with pytest.raises(export.OutputExistsError, match="already exists"):
        export.write_text("new", path)
    assert path.read_text(encoding="utf-8") == "keep me"
    export.write_text("new", path, force=True)
    assert path.read_text(encoding="utf-8") == "new"


def test_never_writes_through_an_existing_symlink(tmp_path):
    target = tmp_path / "elsewhere.txt"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    with pytest.raises(export.OutputExistsError):
        export.write_text("new", link)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_never_writes_into_a_protected_folder(tmp_path):
    positions = tmp_path / "positions"
    positions.mkdir()
    with pytest.raises(export.ProtectedOutputError):
        export.write_text("x", positions / "evil.yaml", protected=[positions])
    with pytest.raises(export.ProtectedOutputError):
        export.write_text("x", tmp_path / "a" / ".." / "positions" / "b.csv", protected=[positions])
    assert list(positions.iterdir()) == []
