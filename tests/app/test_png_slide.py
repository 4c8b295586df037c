"""`peninsula snapshot` as PNG and for a slide; the SVG it writes needs no network."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from tui.app.png import cell_size, read_grid, render_png
from tui.app.svg_offline import offline_svg
from tui.cli import main

REPO = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "__snapshots__"


@pytest.fixture(scope="module")
def matrix_svg() -> str:
    # A screenshot the snapshot tests already keep: no app run needed here.
    return (SNAPSHOTS / "test_snapshots" / "test_view[matrix-80x24].svg").read_text(
        encoding="utf-8"
    )


def test_the_grid_read_back_from_the_svg_is_the_terminal(matrix_svg):
    grid = read_grid(matrix_svg)
    assert (grid.columns, grid.lines) == (80, 24)
    line0 = "".join(run.text for run in sorted(grid.runs, key=lambda r: r.column) if run.line == 0)
    assert line0.startswith("Matrix")


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_png_has_the_size_of_its_grid_and_text_in_it(matrix_svg, scale):
    image = Image.open(io.BytesIO(render_png(matrix_svg, scale=scale)))
    _, cw, ch = cell_size(scale)
    assert image.size == (80 * cw + 2 * cw, 24 * ch + 2 * cw)
    # The row cells of the first line hold the title: many distinct colours (text on a
    # background, anti-aliased), not one flat fill.
    title = image.crop((cw, cw, cw + 20 * cw, cw + ch))
    assert len(title.getcolors(maxcolors=title.width * title.height)) > 10


def test_the_offline_svg_names_no_remote_font_and_keeps_spaces(matrix_svg):
    svg = offline_svg(matrix_svg)
    assert "@font-face" not in svg and "cdnjs" not in svg
    assert '"DejaVu Sans Mono"' in svg and "monospace" in svg
    assert 'xml:space="preserve"' in svg


@pytest.mark.skipif(shutil.which("rsvg-convert") is None, reason="rsvg-convert not installed")
def test_rsvg_convert_renders_the_offline_svg(matrix_svg, tmp_path):
    source = tmp_path / "m.svg"
    source.write_text(offline_svg(matrix_svg), encoding="utf-8")
    out = tmp_path / "m.png"
    subprocess.run(["rsvg-convert", str(source), "-o", str(out)], check=True, timeout=60)
    assert Image.open(out).size[0] > 900


def test_snapshot_slide_png_end_to_end(tmp_path):
    out = tmp_path / "matrix.png"
    svg = tmp_path / "matrix.svg"
    runner = CliRunner()
    result = runner.invoke(
        main,
        [
            "snapshot",
            "--view",
            "matrix",
            "--slide",
            "--size",
            "100x30",
            "-o",
            str(svg),
            "--data",
            str(REPO),
        ],
    )
    assert result.exit_code == 0, result.output
    text = svg.read_text(encoding="utf-8")
    assert "Earlier" not in text  # no key footer
    assert "Peninsula · data: " in text.replace("&#160;", " ")
    png = runner.invoke(
        main,
        [
            "snapshot",
            "--view",
            "matrix",
            "--slide",
            "--size",
            "100x30",
            "-o",
            str(out),
            "--data",
            str(REPO),
        ],
    )
    assert png.exit_code == 0, png.output
    assert Image.open(out).format == "PNG"
    bad = runner.invoke(main, ["snapshot", "--view", "matrix", "-o", str(tmp_path / "m.jpg")])
    assert bad.exit_code == 2 and "the formats are svg (.svg) and png (.png)" in bad.output


def test_every_mark_the_views_draw_has_a_glyph_in_the_png_font():
    from PIL import ImageFont

    from tui.app.png import FALLBACK, font_path
    from tui.app.widgets.timeline.steps import EVENT_MARKS
    from tui.core import stances

    font = ImageFont.truetype(str(font_path()), 16)
    missing = bytes(font.getmask("\uffff"))  # a noncharacter: the font's empty box
    marks = {stances.glyph(v, inferred) for v in range(-2, 3) for inferred in (False, True)}
    marks |= set(EVENT_MARKS.values())
    for char in set("".join(marks)):
        drawn = FALLBACK.get(char, char)
        assert bytes(font.getmask(drawn)) != missing, f"{char!r} is drawn as an empty box"
