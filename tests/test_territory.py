"""Territory over time in the exports: `zonewatch render map` draws each zone at its extent."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
import shapely
import shapely.geometry

from zonewatch.cli.main import main
from zonewatch.core import territory
from zonewatch.store.dataset import Store


@pytest.fixture(scope="module")
def empty(tmp_path_factory) -> Store:
    return Store.open(tmp_path_factory.mktemp("empty-store"))


def _map(empty: Store, tmp_path: Path, day: str, capsys) -> dict:
    out = tmp_path / f"m-{day}.geojson"
    code = main(["render", "map", "--date", day, "--out", str(out), "--data", str(empty.root)])
    assert code == 0, capsys.readouterr().err
    return json.loads(out.read_text("utf-8"))


def _zone(doc: dict, zone: str) -> dict:
    (feature,) = [
        f
        for f in doc["features"]
        if f["properties"]["layer"] == "zone" and f["properties"]["id"] == zone
    ]
    return feature


def _contains(feature: dict, lon: float, lat: float) -> bool:
    if feature["geometry"] is None:
        return False
    return bool(shapely.geometry.shape(feature["geometry"]).contains(shapely.Point(lon, lat)))


def test_idlib_without_khan_shaykhun_on_1_september_2019(empty, tmp_path, capsys) -> None:
    before = _zone(_map(empty, tmp_path, "2019-08-01", capsys), "idlib")
    doc = _map(empty, tmp_path, "2019-09-01", capsys)
    after = _zone(doc, "idlib")
    assert _contains(before, 36.65, 35.44) and _contains(before, 36.63, 35.93)
    assert not _contains(after, 36.65, 35.44) and _contains(after, 36.63, 35.93)
    assert after["properties"]["extent_date"] == "2019-09-01"
    assert 0 < after["properties"]["area_km2"] < before["properties"]["area_km2"]
    assert after["properties"]["area_km2"] + after["properties"]["lost_km2"] == pytest.approx(
        after["properties"]["footprint_km2"], abs=0.2
    )
    lost = [f for f in doc["features"] if f["properties"].get("status") == "lost"]
    khan = [f for f in lost if f["properties"]["place"] == "khan_shaykhun"]
    assert len(khan) == 1
    props = khan[0]["properties"]
    assert props["lost_on"] == "2019-08-21" and props["zone"] == "idlib"
    assert any(s.startswith("https://") for s in props["sources"])
    assert _contains(khan[0], 36.65, 35.44)
    # The Sochi band is clipped to the extent: no band where the zone no longer is.
    band = _zone(doc, "sochi_dmz")
    assert not _contains(band, 36.65, 35.44)
    assert any(f["properties"]["layer"] == "front" for f in doc["features"])


def test_eastern_ghouta_shrinks_then_ends(empty, tmp_path, capsys) -> None:
    from geo.gazetteer import places

    hamouriyah = next(p for p in places() if p.id == "hamouriyah")
    march = _zone(_map(empty, tmp_path, "2018-03-20", capsys), "eastern_ghouta")
    assert _contains(march, 36.40, 33.57)
    assert not _contains(march, hamouriyah.lon, hamouriyah.lat)
    end_doc = _map(empty, tmp_path, "2018-04-20", capsys)
    end = _zone(end_doc, "eastern_ghouta")
    assert end["properties"]["area_km2"] == 0 and end["properties"]["status"] == "ended"
    assert end["geometry"] is None
    lost = [
        f["properties"]
        for f in end_doc["features"]
        if f["properties"].get("status") == "lost" and f["properties"]["zone"] == "eastern_ghouta"
    ]
    douma = [p for p in lost if p["place"] == "douma"]
    assert douma and douma[0]["zone_end"] and douma[0]["lost_on"] == "2018-04-12"


def test_changes_between_two_dates_lists_registry_rows_in_order(empty) -> None:
    from zonewatch.exports.territory_map import changes_tables

    rows, only = changes_tables(empty, date(2018, 3, 14), date(2018, 3, 16), ["eastern_ghouta"])
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {"Hamouriyah", "Jisreen"} <= {r["place"] for r in rows}
    assert all(r["source"].startswith("http") and r["corpus events"] == 0 for r in rows)
    assert only == []
    assert changes_tables(empty, date(2018, 3, 14), date(2018, 3, 16), ["idlib"]) == ([], [])


def test_lost_places_count_only_after_the_zone_agreement() -> None:
    since = territory.since_by_zone()
    assert set(since) >= {"idlib", "north_homs", "eastern_ghouta", "south"}
    from geo import layers

    frame = layers.zones()
    terr = territory.territory_on(frame, date(2020, 3, 10))
    lost = territory.lost_places(terr)
    assert lost and all(p.change.day >= since[zone] for p, zone in lost)
    assert {"saraqib", "maarat_al_numan"} <= {p.cell.keys[0] for p, _ in lost}


def test_area_frames_step_down_and_skip_changes_after_a_zone_ended(tmp_path) -> None:
    from geo import layers
    from zonewatch.exports import area_chart

    frame = layers.zones()
    frame = frame[frame["parent"].isna()]
    series, events = area_chart.area_frames(frame, date(2017, 1, 1), date(2021, 12, 31))
    ghouta = series[series.zone == "eastern_ghouta"]
    assert ghouta["area_km2"].iloc[0] > 100 and ghouta["area_km2"].iloc[-1] == 0
    south = events[events.zone == "south"]
    assert south["day"].max() <= pd.Timestamp("2018-07-31")  # the 2020-21 rows are post-zone
    assert {"Hamouriyah", "Khan Shaykhun"} <= set(events["place"])
    out = tmp_path / "areas.png"
    area_chart.area_figure(series, events, out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_static_map_hatches_lost_ground_and_draws_the_front(empty) -> None:
    from zonewatch.exports import static_map
    from zonewatch.exports.facts import Selection

    svg = static_map.map_image(empty, Selection(date(2019, 9, 1)), "svg", size=(800, 800), dpi=80)
    text = svg.decode("utf-8")
    assert "<pattern" in text  # the hatch of the lost ground
    assert "#b3001b" in text  # the front line
    frame, terr = static_map._territory(
        static_map.zones_frame(empty, Selection(date(2019, 9, 1))), Selection(date(2019, 9, 1))
    )
    assert "khan" in " ".join(terr.lost["name_en"]).lower()
    named = terr.lost[terr.lost["named"]]
    assert len(named) and len(named) < len(terr.lost)  # the ended zones' ground is not named


def test_biggest_losses_are_named_apart_and_few() -> None:
    import geopandas as gpd
    from matplotlib.figure import Figure
    from shapely.geometry import box

    from geo import render_parts

    rows = [
        {
            "name_en": f"P{i}",
            "lost_on": "2019-08-21",
            "area_km2": float(i),
            "named": True,
            "geometry": box(i * 50_000, 0, i * 50_000 + 10_000, 10_000),
        }
        for i in range(10)
    ]
    rows.append(
        {
            "name_en": "Near",
            "lost_on": "2019-08-22",
            "area_km2": 100.0,
            "named": True,
            "geometry": box(9 * 50_000 + 5_000, 0, 9 * 50_000 + 15_000, 10_000),
        }
    )
    lost = gpd.GeoDataFrame(rows, geometry="geometry", crs=render_parts.MAP_CRS)
    ax = Figure().add_subplot()
    render_parts._label_losses(ax, lost, 6)
    names = [t.get_text().split()[0] for t in ax.texts]
    assert names[0] == "Near" and "P9" not in names  # P9 is within the spacing of Near
    assert len(names) == render_parts.MAX_NAMED_LOSSES
