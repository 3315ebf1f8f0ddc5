"""Web geometry: small, simplified without gaps or overlaps between neighbours, and cached."""

import json

import geopandas as gpd
import shapely

from geo import layers

BUDGET_BYTES = 300 * 1024


def _frame(fc):
    return gpd.GeoDataFrame.from_features(fc["features"], crs="EPSG:4326")


def test_governorates_and_zones_together_fit_the_budget():
    doc = layers.web_geojson()
    size = len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    assert size < BUDGET_BYTES
    full = layers.governorates()
    assert sum(shapely.get_num_coordinates(full.geometry.values)) > sum(
        shapely.get_num_coordinates(_frame(doc["governorates"]).geometry.values)
    ), "the web layer is not simplified"


def test_simplification_introduces_no_gaps_or_overlaps_between_governorates():
    web = _frame(layers.web_geojson()["governorates"])
    full = layers.governorates()
    assert list(web.iso) == list(full.iso)
    assert bool(shapely.coverage_is_valid(web.geometry.values, gap_width=0.001))
    union = shapely.union_all(web.geometry.values)
    assert union.geom_type == "Polygon" and len(union.interiors) == 0  # no holes between neighbours
    pair_overlap = sum(
        shapely.intersection(a, b).area
        for i, a in enumerate(web.geometry)
        for b in web.geometry.iloc[i + 1 :]
    )
    assert pair_overlap < 1e-9
    assert abs(union.area - shapely.union_all(full.geometry.values).area) / union.area < 0.01


def test_web_zones_keep_their_properties_and_stay_close_to_the_full_shapes():
    web = _frame(layers.web_geojson()["zones"]).set_index("id")
    full = layers.zones().set_index("id")
    assert set(web.index) == set(full.index)
    for zone_id, row in full.iterrows():
        w = web.loc[zone_id]
        assert w.approximate == row.approximate and w.name_ar == row.name_ar
        assert w.attribution and w.method
        assert (
            shapely.symmetric_difference(w.geometry, row.geometry).area < 0.05 * row.geometry.area
        )


def test_web_geojson_returns_independent_copies():
    first = layers.web_geojson()
    first["zones"]["features"].clear()
    assert layers.web_geojson()["zones"]["features"]
