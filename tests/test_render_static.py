"""Static map exports: PNG and SVG sizes and colours, and Arabic labels shaped right to left."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from datetime import date

import arabic_reshaper
import numpy as np
from bidi import get_display
from matplotlib.figure import Figure
from PIL import Image

from geo import render, render_parts
from geo.style import status_styles
from tests.pixels import blend, not_blank, pixels, share_near
from zonewatch.exports.facts import Selection

# -- Arabic shaping ---------------------------------------------------------------------------


def test_shape_arabic_uses_presentation_forms_and_leaves_latin_alone():
    shaped = render.shape_arabic("محافظة إدلب")
    letters = [c for c in shaped if not c.isspace()]
    assert letters and all("\ufb50" <= c <= "\ufeff" for c in letters)
    assert render.shape_arabic("Idlib 2017") == "Idlib 2017"
    # The bidi reordering is done by us only when matplotlib's layout does not do it itself.
    expected = arabic_reshaper.reshape("حلب")
    if not render_parts._layout_does_bidi():
        expected = get_display(expected)
    assert render.shape_arabic("حلب") == expected


def _ink(text: str) -> np.ndarray:
    fig = Figure(figsize=(3, 1), dpi=100)
    fig.text(0.05, 0.3, text, fontsize=28, family=render.FONT)
    out = io.BytesIO()
    fig.savefig(out, format="png")
    return np.asarray(Image.open(out).convert("L")) < 128


def _gap_columns(ink: np.ndarray) -> int:
    cols = ink.any(axis=0)
    where = np.flatnonzero(cols)
    return int((~cols[where[0] : where[-1] + 1]).sum())


def test_shaped_label_is_joined_and_reads_right_to_left():
    word = "حلب"  # Aleppo: three joining letters, one connected word when shaped
    shaped = _ink(render.shape_arabic(word))
    isolated = _ink("\u200c".join(word))  # zero-width non-joiners: the letters unshaped
    assert _gap_columns(shaped) == 0
    assert _gap_columns(isolated) > 0
    # Reference: the joined glyphs forced into visual order with a left-to-right override.
    visual = _ink("\u202d" + get_display(arabic_reshaper.reshape(word)) + "\u202c")
    assert (shaped != visual).mean() < 0.002


def test_map_labels_in_the_png_are_shaped(empty, monkeypatch):
    from zonewatch.exports import static_map

    selection = Selection(date(2017, 8, 1))
    shaped = pixels(static_map.map_image(empty, selection, size=(700, 700), dpi=80))
    for module in (render, render_parts):  # the title in one, the labels in the other
        monkeypatch.setattr(module, "shape_arabic", lambda text: "\u200c".join(text))
    unshaped = pixels(static_map.map_image(empty, selection, size=(700, 700), dpi=80))
    differ = (shaped != unshaped).any(axis=2)
    assert differ.mean() > 0.002, "the Arabic labels did not change when shaping was removed"
    # Rendering is deterministic, so the difference is the shaping and nothing else.
    monkeypatch.undo()
    again = pixels(static_map.map_image(empty, selection, size=(700, 700), dpi=80))
    assert (again == shaped).all()


# -- PNG and SVG ------------------------------------------------------------------------------


def test_png_has_the_requested_size_and_shows_zones_in_the_palette(empty, tmp_path, run_cli):
    out = tmp_path / "map.png"
    code, printed, err = run_cli(
        "render", "map", "--date", "2017-08-01", "--size", "1000x760", "--dpi", "110",
        "--out", str(out), "--data", str(empty.root),
    )  # fmt: skip
    assert code == 0, err
    assert printed.strip() == str(out)
    image = Image.open(out)
    assert image.format == "PNG" and image.size == (1000, 760)
    rgb = np.asarray(image.convert("RGB"))
    not_blank(rgb)
    # Idlib is in force on that day: its fill, as the shared palette gives it over the land colour.
    in_force = status_styles()["in_force"]["fill"]
    assert share_near(rgb, blend(in_force, render_parts.ZONE_ALPHA, render_parts.LAND)) > 0.003


def test_before_the_memorandum_no_zone_is_coloured(empty):
    from zonewatch.exports import static_map

    rgb = pixels(
        static_map.map_image(empty, Selection(date(2017, 1, 15)), size=(800, 800), dpi=100)
    )
    in_force = status_styles()["in_force"]["fill"]
    # Only the legend's swatch has the colour (a zone in force covers far more, see above).
    assert share_near(rgb, blend(in_force, render_parts.ZONE_ALPHA, render_parts.LAND)) < 0.0005


def test_svg_has_the_requested_size_and_draws(empty, tmp_path, run_cli):
    import vl_convert as vlc

    out = tmp_path / "map.svg"
    code, _, err = run_cli(
        "render", "map", "--date", "2018-06-01", "--size", "1200x1000",
        "--out", str(out), "--data", str(empty.root),
    )  # fmt: skip
    assert code == 0, err
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert (root.get("width"), root.get("height")) == ("1200", "1000")
    x0, y0, w, h = (float(v) for v in root.get("viewBox").split())
    assert abs(w / h - 1.2) < 0.01
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 50
    rgb = pixels(vlc.svg_to_png(out.read_text("utf-8"), scale=1.0))
    assert rgb.shape[:2] == (1000, 1200)
    not_blank(rgb)


def test_default_size_follows_the_dpi(empty, tmp_path, run_cli):
    out = tmp_path / "map.png"
    assert (
        run_cli(
            "render",
            "map",
            "--date",
            "2017-08-01",
            "--dpi",
            "90",
            "--out",
            str(out),
            "--data",
            str(empty.root),
        )[0]
        == 0
    )
    width, height = Image.open(out).size
    assert width == round(render.DEFAULT_WIDTH_IN * 90)
    assert 0.7 * width < height < 1.2 * width  # as tall as Syria and its notes need
