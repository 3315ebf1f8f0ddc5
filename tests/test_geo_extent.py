"""A zone's extent on a date: footprint cells minus the places lost by then (geo only)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
import shapely

from geo import control, extent, layers
from geo.gazetteer import places


@pytest.fixture(scope="module")
def footprints() -> dict[str, shapely.Geometry]:
    frame = layers.zones()
    return dict(zip(frame["id"], frame.geometry, strict=True))


def _inside(ext: extent.Extent, lon: float, lat: float) -> bool:
    return bool(shapely.contains_xy(ext.geometry, lon, lat))


def _point(place_id: str) -> tuple[float, float]:
    place = next(p for p in places() if p.id == place_id)
    return place.lon, place.lat


def test_idlib_loses_khan_shaykhun_in_august_2019(footprints) -> None:
    before = extent.zone_extent("idlib", date(2019, 8, 1), footprints["idlib"])
    after = extent.zone_extent("idlib", date(2019, 9, 1), footprints["idlib"])
    assert _inside(before, 36.65, 35.44) and _inside(before, 36.63, 35.93)
    assert not _inside(after, 36.65, 35.44) and _inside(after, 36.63, 35.93)
    assert after.area_km2 < before.area_km2
    lost = {p.cell.keys[0]: p.change for p in after.lost}
    assert lost["khan_shaykhun"].date == "2019-08-21"
    assert "khan_shaykhun" not in {p.cell.keys[0] for p in before.lost}


def test_eastern_ghouta_in_march_and_after_its_end(footprints) -> None:
    """Douma held, Hamouriyah (lost 15 March) not, on 20 March 2018; nothing after the end."""
    march = extent.zone_extent("eastern_ghouta", date(2018, 3, 20), footprints["eastern_ghouta"])
    assert _inside(march, 36.40, 33.57)
    assert not _inside(march, *_point("hamouriyah"))
    # The southern pocket and Douma are separate pieces by then.
    assert len(shapely.get_parts(march.geometry)) >= 2
    assert march.front.length > 0
    end = extent.zone_extent("eastern_ghouta", date(2018, 4, 20), footprints["eastern_ghouta"])
    assert end.area_km2 == 0 and end.geometry.is_empty
    assert end.ended is not None and end.ended.id == "2018-04-12-douma"
    assert len(end.lost) == len(extent.cells("eastern_ghouta", footprints["eastern_ghouta"]))


def test_a_retaken_place_comes_back(footprints) -> None:
    kafr_nabudah = _point("kafr_nabudah")
    taken = extent.zone_extent("idlib", date(2019, 5, 10), footprints["idlib"])
    back = extent.zone_extent("idlib", date(2019, 5, 23), footprints["idlib"])
    again = extent.zone_extent("idlib", date(2019, 5, 27), footprints["idlib"])
    assert not _inside(taken, *kafr_nabudah)
    assert _inside(back, *kafr_nabudah)
    assert not _inside(again, *kafr_nabudah)


def test_ground_never_held_is_not_reported_lost(footprints) -> None:
    """The Harasta vehicles base was government-held until the opposition took part of it on
    31 Dec 2017: before that it is outside the extent but not a lost place."""
    early = extent.zone_extent("eastern_ghouta", date(2017, 12, 1), footprints["eastern_ghouta"])
    assert "armoured_vehicles_base_harasta" not in {k for p in early.lost for k in p.cell.keys}
    assert early.area_km2 < early.footprint_km2
    held = extent.zone_extent("eastern_ghouta", date(2018, 1, 2), footprints["eastern_ghouta"])
    assert held.area_km2 > early.area_km2


@pytest.mark.parametrize("zone", ["idlib", "north_homs", "eastern_ghouta", "south"])
def test_area_only_grows_on_a_day_the_registry_records_a_gain(zone, footprints) -> None:
    held = control.vocabulary().held_sides
    gains = {r.day for r in control.for_zone(zone) if r.changes_hands and r.to_side in held}
    series = extent.area_series(zone, footprints[zone], date(2017, 1, 1), date(2020, 12, 31))
    assert len(series) > 3
    for (_, before), (day, after) in zip(series, series[1:], strict=False):
        if day not in gains:
            assert after <= before + 1e-6, (zone, day)
    assert series[-1][1] < series[0][1]


def test_cells_tile_the_footprint(footprints) -> None:
    cells = extent.cells("north_homs", footprints["north_homs"])
    total = sum(c.area_km2 for c in cells)
    whole = extent.zone_extent("north_homs", date(2017, 9, 1), footprints["north_homs"])
    assert total == pytest.approx(whole.footprint_km2, rel=1e-3)
    assert whole.area_km2 == pytest.approx(whole.footprint_km2, rel=1e-3)
    assert {"rastan", "talbiseh"} <= {k for c in cells for k in c.keys}


def test_same_lost_set_reuses_the_cached_geometry(footprints) -> None:
    a = extent.zone_extent("idlib", date(2019, 9, 1), footprints["idlib"])
    b = extent.zone_extent("idlib", date(2019, 10, 15), footprints["idlib"])
    assert a.geometry is b.geometry and a.area_km2 == b.area_km2


def test_rows_passed_in_replace_the_registry(footprints) -> None:
    """A hand-made registry with Douma lost early: the extent follows the rows it is given."""
    douma = next(
        r for r in control.for_zone("eastern_ghouta") if r.place == "douma" and r.changes_hands
    )
    rows = (replace(douma, id="t", date="2017-09-01", day=date(2017, 9, 1), scope="place"),)
    ext = extent.zone_extent(
        "eastern_ghouta", date(2017, 10, 1), footprints["eastern_ghouta"], rows
    )
    assert not _inside(ext, 36.40, 33.57)
    assert [p.change.id for p in ext.lost] == ["t"]
