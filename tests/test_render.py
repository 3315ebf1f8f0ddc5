"""Exports beyond the static map: GeoJSON against the coverage query, standalone HTML maps and
timelines, and the command line's handling of bad input."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from geo.screenshot import CHROMIUM
from geo.style import status_styles
from tests.pixels import blend, not_blank, pixels, share_near
from zonewatch.core.registry import STATUS_RANK, load_registry
from zonewatch.exports.facts import Selection
from zonewatch.exports.geojson import zones_geojson
from zonewatch.store import queries

DAYS = ["2017-01-15", "2017-05-05", "2017-08-01", "2018-06-01", "2020-03-10"]


# -- GeoJSON ----------------------------------------------------------------------------------


def _expected(coverage, zone: str, agreements: set[str]) -> dict:
    rows = coverage[coverage["zone"] == zone]
    registry_rows = rows[rows["origin"] == "registry"]
    if agreements:
        registry_rows = registry_rows[registry_rows["agreement"].isin(agreements)]
    status = max(registry_rows["status"], key=STATUS_RANK.__getitem__, default="none")
    return {
        "status": status,
        "agreements": sorted(registry_rows[registry_rows["status"] != "none"]["agreement"]),
        "in_force": sorted(registry_rows[registry_rows["status"] == "in_force"]["agreement"]),
        "claimed": int((rows["origin"] == "corpus").sum()) if not agreements else None,
    }


@pytest.mark.parametrize("day", DAYS)
def test_geojson_is_valid_and_agrees_with_the_coverage_query(demo, tmp_path, run_cli, day):
    import shapely.geometry

    out = tmp_path / "zones.geojson"
    code, _, err = run_cli(
        "render", "map", "--date", day, "--out", str(out), "--data", str(demo.root)
    )
    assert code == 0, err
    doc = json.loads(out.read_text("utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["date"] == day
    registry = load_registry()
    zones = [f for f in doc["features"] if f["properties"]["layer"] == "zone"]
    assert {f["properties"]["id"] for f in zones} == set(registry.zones)
    coverage = queries.coverage_at(demo, day)
    for feature in zones:
        props = feature["properties"]
        assert props["extent_date"] == day and props["area_km2"] >= 0
        if feature["geometry"] is None:  # no ground left on the day: the zone had ended
            assert props["area_km2"] == 0 and props["status"] == "ended"
            continue
        geometry = shapely.geometry.shape(feature["geometry"])
        assert geometry.geom_type in ("Polygon", "MultiPolygon") and geometry.is_valid
        assert not geometry.is_empty
        minx, miny, maxx, maxy = geometry.bounds
        assert minx > 35.5 and maxx < 42.5 and miny > 32.2 and maxy < 37.4  # inside Syria
        assert props["name_en"] and props["name_ar"] and isinstance(props["approximate"], bool)
        want = _expected(coverage, props["id"], set())
        assert props["status"] == want["status"], props["id"]
        assert sorted(a["id"] for a in props["agreements"]) == want["agreements"]
        assert sorted(props["in_force"]) == want["in_force"]
        assert len(props["claimed"]) == want["claimed"]
        for a in props["agreements"]:
            assert (
                a["status"]
                == coverage[(coverage.zone == props["id"]) & (coverage.agreement == a["id"])][
                    "status"
                ].iloc[0]
            )


def test_geojson_follows_the_filters(demo):
    selection = Selection(
        date(2017, 8, 1), agreements=("ghouta_truce_2017",), zones=("eastern_ghouta", "idlib")
    )
    doc = zones_geojson(demo, selection)
    ids = {f["properties"]["id"] for f in doc["features"] if f["properties"]["layer"] == "zone"}
    assert ids == {
        "eastern_ghouta",
        "idlib",
        "sochi_dmz",
        "m4_corridor",
    }  # finer areas follow Idlib
    coverage = queries.coverage_at(demo, "2017-08-01")
    for feature in doc["features"]:
        props = feature["properties"]
        if props["layer"] != "zone":
            continue
        want = _expected(coverage, props["id"], {"ghouta_truce_2017"})
        assert props["status"] == want["status"]
        assert sorted(a["id"] for a in props["agreements"]) == want["agreements"]
    status = {
        f["properties"]["id"]: f["properties"]["status"]
        for f in doc["features"]
        if f["properties"]["layer"] == "zone"
    }
    assert status["eastern_ghouta"] == "in_force" and status["idlib"] == "none"


# -- HTML map ---------------------------------------------------------------------------------


def _external_scripts(page: str) -> list[str]:
    return re.findall(
        r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", page
    )


def test_html_map_holds_every_zone_and_loads_scripts_from_disk(demo, tmp_path, run_cli):
    out = tmp_path / "map.html"
    code, _, err = run_cli(
        "render", "map", "--date", "2017-08-01", "--out", str(out), "--data", str(demo.root)
    )
    assert code == 0, err
    page = out.read_text("utf-8")
    assert _external_scripts(page) == []
    assert re.search(r'<script src="data:text/javascript;base64,', page)
    for zone in load_registry().zones:
        assert re.search(rf'"zone":\s*"{zone}"', page), zone
    assert "Coverage on 2017-08-01" in page


def test_html_map_with_tiles_names_the_tile_server_but_keeps_scripts_local(
    empty, tmp_path, run_cli
):
    out = tmp_path / "tiles.html"
    code, _, err = run_cli(
        "render", "map", "--date", "2018-06-01", "--basemap", "tiles", "--out", str(out),
        "--data", str(empty.root),
    )  # fmt: skip
    assert code == 0, err
    page = out.read_text("utf-8")
    assert "tile.openstreetmap.org/{z}/{x}/{y}.png" in page  # fetched by the reader's browser
    assert _external_scripts(page) == []


def test_geojson_ignores_a_basemap_and_says_so(empty, tmp_path, run_cli):
    out = tmp_path / "zones.geojson"
    code, _, err = run_cli(
        "render", "map", "--date", "2018-06-01", "--basemap", "tiles", "--out", str(out),
        "--data", str(empty.root),
    )  # fmt: skip
    assert code == 0 and "--basemap ignored" in err
    assert json.loads(out.read_text("utf-8"))["type"] == "FeatureCollection"


@pytest.mark.slow  # vl-convert bundles Vega's scripts into the page on its first call (~10 s)
def test_html_timeline_is_standalone(demo, tmp_path, run_cli):
    out = tmp_path / "timeline.html"
    code, _, err = run_cli(
        "render", "timeline", "--from", "2017-01-01", "--to", "2018-12-31", "--date", "2017-08-01",
        "--out", str(out), "--data", str(demo.root),
    )  # fmt: skip
    assert code == 0, err
    page = out.read_text("utf-8")
    assert _external_scripts(page) == []
    assert "vegaEmbed" in page or "vega-embed" in page
    assert "Eastern Ghouta" in page and "2017-08-01" in page


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_timeline_png_and_svg_open_and_draw(demo, tmp_path, run_cli, fmt):
    import vl_convert as vlc

    out = tmp_path / f"timeline.{fmt}"
    code, _, err = run_cli(
        "render", "timeline", "--date", "2017-08-01", "--scale", "1", "--out", str(out),
        "--data", str(demo.root),
    )  # fmt: skip
    assert code == 0, err
    if fmt == "png":
        rgb = pixels(out.read_bytes())
    else:
        assert ET.parse(out).getroot().tag.endswith("svg")
        rgb = pixels(vlc.svg_to_png(out.read_text("utf-8"), scale=1.0))
    assert rgb.shape[1] > 600
    ink = (rgb < 235).any(axis=2).mean()
    assert ink > 0.05
    in_force = np.array(
        [int(status_styles()["in_force"]["fill"][i : i + 2], 16) for i in (1, 3, 5)]
    )
    assert share_near(rgb, in_force, tol=20) > 0.005  # the registry bars, in the shared palette


def test_timeline_range_limits_the_rows(demo):
    from zonewatch.exports import timeline_chart

    early = timeline_chart.timeline_figure(
        demo, Selection(date(2017, 5, 6)), start=date(2016, 12, 1), end=date(2017, 6, 1)
    )
    spec = json.dumps(early.to_dict(), ensure_ascii=False)
    assert "Astana memorandum" in spec
    for later in (
        "Moscow additional protocol",
        "Sochi memorandum",
        "Cairo agreement on Eastern Ghouta",
    ):
        assert later not in spec  # agreed after the range


# -- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv, message",
    [
        (["render", "map", "--date", "2017-13-01", "--out", "x.png"], "--date must be a date"),
        (["render", "map", "--date", "2017-08-01", "--out", "x.jpg"], "--out must end in"),
        (
            ["render", "map", "--date", "2017-08-01", "--zones", "atlantis", "--out", "x.png"],
            "unknown zone atlantis",
        ),
        (
            [
                "render",
                "map",
                "--date",
                "2017-08-01",
                "--agreements",
                "idlib,astana_6",
                "--out",
                "x.png",
            ],
            "unknown agreement idlib",
        ),
        (["render", "map", "--date", "2017-08-01", "--size", "big", "--out", "x.png"], "--size"),
        (
            ["render", "map", "--date", "2017-08-01", "--size", "20x20", "--out", "x.png"],
            "out of range",
        ),
        (
            ["render", "map", "--date", "2017-08-01", "--basemap", "tiles", "--out", "x.svg"],
            "tiles are raster",
        ),
        (
            ["render", "timeline", "--from", "2018-01-01", "--to", "2017-01-01", "--out", "t.png"],
            "is after",
        ),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, run_cli, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(*argv, "--data", str(tmp_path / "data"))
    assert code == 2
    assert err.startswith("zonewatch: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not any(tmp_path.glob("x.*")) and not any(tmp_path.glob("t.*"))


def test_out_that_is_a_folder_is_refused(tmp_path, run_cli):
    folder = tmp_path / "map.png"
    folder.mkdir()
    code, _, err = run_cli(
        "render",
        "map",
        "--date",
        "2017-08-01",
        "--out",
        str(folder),
        "--data",
        str(tmp_path),
    )
    assert code == 2 and "is a folder" in err


# -- browser-made PNG -------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium is not installed")
def test_browser_png_without_tiles_still_draws_the_map_and_says_so(empty):
    from zonewatch.exports import static_map

    png, notes = static_map.map_browser_png(
        empty, Selection(date(2017, 8, 1)), size=(900, 700), tiles=True, allow_network=False
    )
    rgb = pixels(png)
    assert rgb.shape[:2] == (700, 900)
    not_blank(rgb)
    assert notes and "without tiles" in notes[0]
    # The zone polygons are drawn in the palette's in-force colour, as on the web map.
    # Over Leaflet's grey: with a tiled basemap the governorates are outlines only.
    in_force = blend(status_styles()["in_force"]["fill"], 0.6, "#dddddd")
    assert share_near(rgb, in_force, tol=8) > 0.01
