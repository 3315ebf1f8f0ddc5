"""Territory on a date: each zone drawn at its extent, the ground it lost, the front line.

Geography (:mod:`geo.extent`) computes a zone's extent from the registry of control changes;
this module applies it to the zone frame every export and the dashboard draw from, so that the
GeoJSON, the static map, the web map and the timeline all show the same ground. The finer areas
(the Sochi band, the M4 corridor) are clipped to their parent's extent: a band inside ground the
opposition no longer held is not a band of the zone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import shapely
from shapely.geometry import mapping

from geo import control, extent
from geo.crs import area_km2
from zonewatch.core.registry import load_registry

#: Lost places whose cell is at least this big get a name on the static map (km²).
NAMED_LOSS_KM2 = 40.0


@dataclass(frozen=True)
class Territory:
    """The zones of a frame on one day: frame with extent geometry, and the extents."""

    frame: Any
    extents: dict[str, extent.Extent]
    day: date


@lru_cache(maxsize=1)
def since_by_zone() -> dict[str, date]:
    """The first day an agreement covering each zone took effect: losses before it are outside
    the zone's story (the footprint never claimed them); losses after it are hatched."""
    out: dict[str, date] = {}
    for cov in load_registry().coverages():
        if cov.start is not None and (cov.zone not in out or cov.start < out[cov.zone]):
            out[cov.zone] = cov.start
    return out


def zones_with_changes() -> set[str]:
    return {c.zone for c in control.changes()}


def territory_on(frame: Any, day: date) -> Territory:
    """``frame`` (zone rows with ``id``, ``parent``, ``geometry``) with each zone that has
    registry changes redrawn at its extent on ``day``, and children clipped to it. Adds
    ``area_km2`` (held), ``footprint_km2``, ``lost_km2`` and ``extent_date``."""
    out = frame.copy()
    extents: dict[str, extent.Extent] = {}
    known = zones_with_changes()
    geoms, areas, foot, lost = [], [], [], []
    for row in frame.itertuples(index=False):
        zone = row.id
        if zone in known:
            ext = extent.zone_extent(zone, day, row.geometry)
            extents[zone] = ext
    for row in frame.itertuples(index=False):
        parent = row.parent if isinstance(row.parent, str) else None
        geom = row.geometry
        if row.id in extents:
            geom = extents[row.id].geometry
        elif parent in extents:
            geom = _clip(geom, extents[parent].geometry)
        whole = area_km2(row.geometry)
        held = extents[row.id].area_km2 if row.id in extents else area_km2(geom)
        geoms.append(geom)
        areas.append(round(held, 1))
        foot.append(round(whole, 1))
        lost.append(round(max(whole - held, 0.0), 1))
    out = out.set_geometry(geoms, crs=frame.crs) if hasattr(out, "set_geometry") else out
    out["area_km2"] = areas
    out["footprint_km2"] = foot
    out["lost_km2"] = lost
    out["extent_date"] = day.isoformat()
    return Territory(frame=out, extents=extents, day=day)


def _clip(geom: shapely.Geometry, held: shapely.Geometry) -> shapely.Geometry:
    from geo.footprints import polygons_only

    if held.is_empty:
        return shapely.Polygon()
    return polygons_only(shapely.intersection(geom, held))


def lost_places(territory: Territory) -> list[tuple[extent.LostPlace, str]]:
    """(lost place, zone) pairs lost since the zone's agreement took effect, oldest first."""
    since = since_by_zone()
    out = []
    for zone, ext in territory.extents.items():
        start = since.get(zone)
        out.extend((p, zone) for p in ext.lost if start is None or p.change.day >= start)
    return sorted(out, key=lambda pair: (pair[0].change.day, pair[0].cell.name_en))


def lost_properties(place: extent.LostPlace, zone: str) -> dict[str, Any]:
    """The facts of one lost place as plain data (GeoJSON properties, popups, tables)."""
    change = place.change
    return {
        "status": "lost",
        "layer": "lost",
        "zone": zone,
        "place": place.cell.keys[0],
        "keys": list(place.cell.keys),
        "name_en": change.place_en if change.place in place.cell.keys else place.cell.name_en,
        "name_ar": change.place_ar if change.place in place.cell.keys else place.cell.name_ar,
        "lost_on": change.date,
        "change_id": change.id,
        "kind": change.kind,
        "from_side": change.from_side,
        "to_side": change.to_side,
        "zone_end": change.scope == "zone",
        "alt_dates": [f"{a.date} {a.who}".strip() for a in change.alt_dates],
        "note": change.note,
        "sources": list(change.sources),
        "area_km2": round(place.cell.area_km2, 1),
    }


def territory_features(
    territory: Territory,
    geometry: Callable[[shapely.Geometry, str], dict | None] = lambda geom, layer: mapping(geom),
) -> list[dict[str, Any]]:
    """GeoJSON features of the places lost since each zone's agreement took effect
    (``status: "lost"``, one per place with its registry source) and of each zone's front line
    (``layer: "front"``). ``geometry`` turns a shape of a layer into GeoJSON: full precision
    for the exports, simplified for the web map (where it may drop a shape: None)."""
    out = [
        {
            "type": "Feature",
            "id": f"lost-{zone}-{place.cell.keys[0]}",
            "properties": lost_properties(place, zone),
            "geometry": geometry(place.cell.geometry, "lost"),
        }
        for place, zone in lost_places(territory)
    ]
    for zone, ext in territory.extents.items():
        if not ext.front.is_empty:
            out.append(
                {
                    "type": "Feature",
                    "id": f"front-{zone}",
                    "properties": {"layer": "front", "zone": zone, "date": ext.on.isoformat()},
                    "geometry": geometry(ext.front, "front"),
                }
            )
    return out


def area_series(frame: Any, start: date, end: date) -> list[dict]:
    """Rows (zone, day, area_km2) of each zone's held area as a step line, from the frame's
    footprints (zones with registry changes only)."""
    known = zones_with_changes()
    rows = []
    for row in frame.itertuples(index=False):
        if row.id not in known:
            continue
        for day, area in extent.area_series(row.id, row.geometry, start, end):
            rows.append({"zone": row.id, "day": day, "area_km2": round(area, 1)})
    return rows
