"""A zone's extent on a date: its footprint minus the ground it had lost by then.

The footprint is cut into one cell per populated place (Voronoi cells, in metres, of the
gazetteer's places and the registry's points that lie in it, clipped to the footprint). A place's
holder on a date follows the registry of control changes (:mod:`geo.control`); the cells of places
no longer held are dropped, so pockets and salients come out of the data rather than being drawn.
Cells depend only on the zone and its footprint, and the held geometry only on the set of lost
cells, so both are cached: moving the date re-computes nothing unless the lost set changed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

import shapely
from shapely.geometry import MultiPoint, Point

from geo import control
from geo.crs import area_km2, from_metric, to_metric
from geo.footprints import polygons_only
from geo.gazetteer import places, towns

#: Points closer than this (metres) share one cell: the same town entered twice.
_SAME_POINT_M = 250.0
#: Place kinds of the gazetteer that get a cell (regions and roads are not populated places).
_CELL_KINDS = frozenset({"town", "district"})


@dataclass(frozen=True)
class Cell:
    """The ground attributed to one point: the places (keys) standing at it and its shape."""

    keys: tuple[str, ...]
    name_en: str
    name_ar: str
    lon: float
    lat: float
    geometry: shapely.Geometry
    area_km2: float


@dataclass(frozen=True)
class LostPlace:
    """A cell no longer held on the date, with the registry row that took it."""

    cell: Cell
    change: control.ControlChange


@dataclass(frozen=True)
class Extent:
    zone: str
    on: date
    geometry: shapely.Geometry
    area_km2: float
    footprint_km2: float
    lost: tuple[LostPlace, ...]
    front: shapely.Geometry
    ended: control.ControlChange | None

    @property
    def lost_area_km2(self) -> float:
        return self.footprint_km2 - self.area_km2


@dataclass(frozen=True)
class _Seed:
    key: str
    name_en: str
    name_ar: str
    lon: float
    lat: float


def _seeds(zone: str, footprint: shapely.Geometry) -> list[_Seed]:
    """Places inside the footprint: gazetteer towns first, then GeoNames towns, then the
    registry's own points (villages the gazetteer lacks)."""
    candidates = [
        _Seed(p.id, p.name_en, p.name_ar, p.lon, p.lat) for p in places() if p.kind in _CELL_KINDS
    ]
    candidates += [_Seed(p.id, p.name_en, p.name_ar, p.lon, p.lat) for p in towns()]
    candidates += [
        _Seed(c.place, c.place_en, c.place_ar, c.lon, c.lat)
        for c in control.for_zone(zone)
        if c.has_point
    ]
    inside = shapely.contains_xy(
        footprint, [s.lon for s in candidates], [s.lat for s in candidates]
    )
    seen: set[str] = set()
    out = []
    for seed, ok in zip(candidates, inside, strict=True):
        if ok and seed.key not in seen:
            seen.add(seed.key)
            out.append(seed)
    return out


def _group(seeds: list[_Seed]) -> list[list[_Seed]]:
    """Seeds grouped by point (within ``_SAME_POINT_M``): one cell per group."""
    metric = [to_metric(Point(s.lon, s.lat)) for s in seeds]
    groups: list[list[int]] = []
    for i, point in enumerate(metric):
        for group in groups:
            if metric[group[0]].distance(point) < _SAME_POINT_M:
                group.append(i)
                break
        else:
            groups.append([i])
    return [[seeds[i] for i in group] for group in groups]


@lru_cache(maxsize=32)
def _cells_cached(zone: str, footprint_wkb: bytes) -> tuple[Cell, ...]:
    footprint = shapely.from_wkb(footprint_wkb)
    groups = _group(_seeds(zone, footprint))
    if not groups:
        return ()
    foot_m = to_metric(footprint)
    if len(groups) == 1:
        parts = [foot_m]
    else:
        points = MultiPoint([to_metric(Point(g[0].lon, g[0].lat)) for g in groups])
        parts = list(
            shapely.get_parts(shapely.voronoi_polygons(points, extend_to=foot_m, ordered=True))
        )
    cells = []
    for group, part in zip(groups, parts, strict=True):
        shape = polygons_only(shapely.intersection(part, foot_m))
        geom = from_metric(shape)
        head = group[0]
        cells.append(
            Cell(
                keys=tuple(s.key for s in group),
                name_en=head.name_en,
                name_ar=head.name_ar,
                lon=head.lon,
                lat=head.lat,
                geometry=geom,
                area_km2=area_km2(geom),
            )
        )
    return tuple(cells)


def cells(zone: str, footprint: shapely.Geometry) -> tuple[Cell, ...]:
    """One cell per populated place of the zone (cached per zone and footprint)."""
    return _cells_cached(zone, shapely.to_wkb(footprint))


def holders(
    zone: str, on: date, rows: tuple[control.ControlChange, ...] | None = None
) -> tuple[dict[str, control.ControlChange], control.ControlChange | None]:
    """For each place key, the row on or before ``on`` that decided its holder (for a lost place,
    the row that first took it out of the zone's hands); and the zone-wide
    loss (a ``scope=zone`` row to a side that does not hold the zone) if one happened by then.

    A place whose first row starts on the government side was not in the zone at first: until
    that row's day it is reported with a placeholder row holding its ``from_side`` (an empty id,
    see :func:`_before`), which keeps its cell out of the extent without calling it lost.
    """
    held_sides = control.vocabulary().held_sides
    last: dict[str, control.ControlChange] = {}
    ended = None
    for row in control.for_zone(zone, rows):
        if not row.changes_hands:
            continue
        if row.day > on:
            last.setdefault(row.place, _before(row))
            continue
        if row.scope == "zone" and row.to_side not in held_sides:
            ended = ended or row
        before = last.get(row.place)
        if (
            before is not None
            and before.to_side not in held_sides
            and row.to_side not in held_sides
        ):
            continue  # still lost: the place was lost on the earlier row's day
        last[row.place] = row
    return last, ended


def _before(row: control.ControlChange) -> control.ControlChange:
    """A placeholder for the state before a place's first change (its ``from_side``)."""
    return replace(row, to_side=row.from_side, id="")


def _lost(cell: Cell, last: dict[str, control.ControlChange]) -> control.ControlChange | None:
    """The row that took the cell, or None if it is held. The latest change among the cell's
    keys decides (two names at one point)."""
    rows = [last[k] for k in cell.keys if k in last]
    if not rows:
        return None
    latest = max(rows, key=lambda r: (r.day, bool(r.id)))
    return None if latest.to_side in control.vocabulary().held_sides else latest


@lru_cache(maxsize=256)
def _held(zone: str, footprint_wkb: bytes, lost_idx: frozenset[int]) -> tuple:
    """Held geometry, its area and the front line for one set of lost cells (cached)."""
    all_cells = _cells_cached(zone, footprint_wkb)
    kept = [c.geometry for i, c in enumerate(all_cells) if i not in lost_idx]
    held = polygons_only(shapely.union_all(kept)) if kept else shapely.Polygon()
    if not lost_idx or held.is_empty:
        return held, area_km2(held), shapely.MultiLineString()
    lost_union = shapely.union_all([all_cells[i].geometry for i in lost_idx])
    front = shapely.intersection(held.boundary, lost_union.buffer(1e-6))
    return held, area_km2(held), front


def zone_extent(
    zone: str,
    on: date,
    footprint: shapely.Geometry,
    rows: tuple[control.ControlChange, ...] | None = None,
) -> Extent:
    """The zone as held on ``on``: footprint cells minus lost cells, with the lost places.

    After a zone-wide loss (the zone's end) the extent is empty and ``ended`` names the row.
    """
    wkb = shapely.to_wkb(footprint)
    all_cells = _cells_cached(zone, wkb)
    last, ended = holders(zone, on, rows)
    lost: list[LostPlace] = []
    lost_idx = []
    for i, cell in enumerate(all_cells):
        row = _lost(cell, last)
        if row is None:
            row = ended  # what was still held at the zone's end went with it
        if row is not None:
            lost_idx.append(i)
            if row.id:  # an empty id: not held before its first change, never lost
                lost.append(LostPlace(cell=cell, change=row))
    held, area, front = _held(zone, wkb, frozenset(lost_idx))
    return Extent(
        zone=zone,
        on=on,
        geometry=held,
        area_km2=area,
        footprint_km2=_footprint_km2(wkb),
        lost=tuple(sorted(lost, key=lambda p: p.change.day)),
        front=front,
        ended=ended,
    )


@lru_cache(maxsize=32)
def _footprint_km2(footprint_wkb: bytes) -> float:
    return area_km2(shapely.from_wkb(footprint_wkb))


def area_series(
    zone: str,
    footprint: shapely.Geometry,
    start: date,
    end: date,
    rows: tuple[control.ControlChange, ...] | None = None,
) -> list[tuple[date, float]]:
    """The held area (km²) at ``start`` and at every change day up to ``end``: a step line."""
    days = [start]
    days += sorted(
        {r.day for r in control.for_zone(zone, rows) if start < r.day <= end and r.changes_hands}
    )
    if days[-1] != end:
        days.append(end)
    return [(day, zone_extent(zone, day, footprint, rows).area_km2) for day in days]
