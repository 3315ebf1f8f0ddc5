"""Approximate footprints: built from their member places, inside Syria, finer areas inside
their parent, the Sochi band along the front and not along the Turkish border."""

import shapely
from shapely.geometry import Point

import assets
from geo import layers, lookup
from geo.crs import METRIC, to_metric
from geo.footprints import read_waypoints
from geo.gazetteer import places

#: Rounding coordinates to 1e-6 degree leaves slivers along shared edges; 1e-7 square degree
#: is about 1000 m², far below anything a map shows.
SLIVER_DEG2 = 1e-7


def _syria():
    return shapely.union_all(layers.governorates().geometry.values)


def test_each_footprint_contains_all_its_member_places_and_lies_in_syria():
    zones = layers.zones().set_index("id")
    syria = _syria()
    members = [p for p in places() if p.member]
    assert members, "the gazetteer lists no member places"
    for place in members:
        top = zones.loc[place.zone]
        assert top.geometry.covers(Point(place.lon, place.lat)), place.id
    for zone_id, row in zones.iterrows():
        assert row.approximate
        outside = shapely.difference(row.geometry, syria).area
        assert outside < SLIVER_DEG2, f"{zone_id} leaves Syria"


def test_footprints_stay_in_their_governorates_and_finer_areas_in_their_parent():
    zones = layers.zones().set_index("id")
    govs = layers.governorates().set_index("iso")
    for zone_id, row in zones.iterrows():
        frame = shapely.union_all(govs.loc[list(row.governorates)].geometry.values)
        assert shapely.difference(row.geometry, frame).area < SLIVER_DEG2, zone_id
        if row.parent:
            parent = zones.loc[row.parent].geometry
            assert shapely.difference(row.geometry, parent).area < SLIVER_DEG2, zone_id
    assert set(zones.index[zones.parent.notna()]) == {"sochi_dmz", "m4_corridor"}


def test_top_level_zones_do_not_overlap():
    zones = layers.zones()
    top = zones[zones.parent.isna()]
    assert bool(shapely.coverage_is_valid(top.geometry.values, gap_width=0))


def test_sochi_band_runs_along_the_front_not_the_turkish_border():
    for town in ("Latamneh", "Kafr Zita", "Abu al-Duhur", "Khan Tuman", "Kabani"):
        assert lookup.point_zone(*_xy(town), finest=True) == "sochi_dmz", town
    for town in ("Harem", "Salqin", "Idlib", "Armanaz"):  # near the border or in the zone's core
        assert lookup.point_zone(*_xy(town), finest=True) == "idlib", town
    band = to_metric(lookup.zone_polygon("sochi_dmz"))
    edge = shapely.boundary(to_metric(lookup.zone_polygon("idlib")))
    corners = shapely.get_coordinates(band)
    depth_m = 17_500
    assert max(edge.distance(Point(xy)) for xy in corners) <= depth_m + 100


def _xy(name):
    point = lookup.place_point(name)
    assert point is not None, name
    return point.x, point.y


def test_m4_corridor_is_six_km_each_side_of_the_road_between_its_ends():
    corridor = to_metric(lookup.zone_polygon("m4_corridor"))
    points = read_waypoints(assets.path("geo", "source", "m4_waypoints.csv"))
    road = to_metric(shapely.LineString([(w.lon, w.lat) for w in points]))
    for w in points[1:-1]:
        assert corridor.covers(to_metric(Point(w.lon, w.lat))), w.id
    ariha = to_metric(Point(36.60964, 35.81374))
    assert corridor.covers(shapely.affinity.translate(ariha, yoff=5_000))
    assert not corridor.covers(shapely.affinity.translate(ariha, yoff=7_500))
    # Nothing of the corridor is farther than 6 km from the road.
    assert shapely.hausdorff_distance(shapely.boundary(corridor), road) <= 6_000 * 1.01 + 1
    assert METRIC == "EPSG:32637"
