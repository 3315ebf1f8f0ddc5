"""Approximate zone footprints, built from facts: member towns, governorates, a road's towns.

The zones were never published as official shapes, so each footprint is a reproducible
construction from cited points and parameters (``assets/geo/source/footprints.json``); the
method text stored with each feature says exactly how it was drawn so that a reader can judge it.
All distances are applied in metres (UTM 37N), never in degrees.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry import LineString, Point, Polygon

from geo.crs import from_metric, to_metric
from geo.gazetteer import Place


@dataclass(frozen=True)
class Footprint:
    """One zone's geometry (WGS84) with how it was made and from what."""

    zone: str
    geometry: shapely.Geometry
    method: str
    sources: tuple[str, ...]
    members: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict)


def fill_holes(geom: shapely.Geometry) -> shapely.Geometry:
    """The shape without interior rings (enclaves inside a zone belong to it)."""
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"]
    return shapely.union_all([Polygon(p.exterior) for p in polys])


def polygons_only(geom: shapely.Geometry) -> shapely.Geometry:
    """Drop the lines and points an intersection can leave where shapes touch."""
    polys = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 0]
    return shapely.union_all(polys)


def _clip(geom_m: shapely.Geometry, clip_m: shapely.Geometry) -> shapely.Geometry:
    return polygons_only(shapely.intersection(geom_m, clip_m))


def member_buffer(
    zone: str,
    members: list[Place],
    clip_m: shapely.Geometry,
    buffer_km: float,
    closing_km: float,
    clip_label: str,
    whole_m: dict[str, shapely.Geometry] | None = None,
) -> Footprint:
    """Buffer each member place, merge (with whole governorates the zone is known to cover),
    close gaps, fill holes, clip to the zone's governorates."""
    if not members:
        raise ValueError(f"zone {zone}: no member places in the gazetteer")
    points_m = [to_metric(Point(p.lon, p.lat)) for p in members]
    whole_m = whole_m or {}
    merged = shapely.union_all(
        [shapely.buffer(p, buffer_km * 1000, quad_segs=16) for p in points_m]
        + list(whole_m.values())
    )
    closed = shapely.buffer(
        shapely.buffer(merged, closing_km * 1000, quad_segs=16), -closing_km * 1000, quad_segs=16
    )
    shape_m = _clip(fill_holes(shapely.union(closed, merged)), clip_m)
    whole = f" with the whole of {', '.join(whole_m)}" if whole_m else ""
    method = (
        f"{len(members)} member places of the gazetteer, each buffered by {buffer_km:g} km "
        f"(UTM 37N), merged{whole}, gaps closed (buffer out and in by {closing_km:g} km), holes "
        f"filled, clipped to {clip_label} and to Syria"
    )
    return Footprint(zone, from_metric(shape_m), method, (), tuple(p.id for p in members))


def whole_governorates(
    zone: str, governorates: dict[str, shapely.Geometry], isos: list[str]
) -> Footprint:
    """A zone defined by whole governorates is their union."""
    geom = shapely.union_all([governorates[i] for i in isos])
    method = f"union of whole governorates {', '.join(isos)} (Natural Earth admin-1)"
    return Footprint(zone, geom, method, ())


def contact_band_from(
    zone: str, params: dict, parent_m: shapely.Geometry, outline_m: shapely.Geometry
) -> Footprint:
    """The contact band of ``zone`` with its parameters from ``footprints.json``: the one call
    that both the first build and a refinement on an imported layer make."""
    return contact_band(
        zone,
        parent_m,
        outline_m,
        params["depth_km"],
        params["border_tolerance_km"],
        params.get("exclude_near", []),
    )


def contact_band(
    zone: str,
    parent_m: shapely.Geometry,
    syria_m: shapely.Geometry,
    depth_km: float,
    border_tolerance_km: float,
    exclude_near: list[dict],
) -> Footprint:
    """The part of the parent zone within ``depth_km`` of its line of contact.

    The line of contact is the parent's edge minus the stretches on Syria's outer border (the
    Turkish border for Idlib) and minus the stretches near areas that were not held by the
    government (``exclude_near``), so the band runs along the front, not along the border.
    """
    edge = shapely.boundary(parent_m)
    tolerance_m = border_tolerance_km * 1000
    # Only the stretch of the national border near the zone matters; buffering all of it is slow.
    near = shapely.buffer(shapely.envelope(parent_m), 2 * tolerance_m)
    border = shapely.intersection(shapely.boundary(syria_m), near)
    edge = shapely.difference(edge, shapely.buffer(border, tolerance_m))
    for area in exclude_near:
        centre = to_metric(Point(area["lon"], area["lat"]))
        edge = shapely.difference(
            edge, shapely.buffer(centre, area["radius_km"] * 1000, quad_segs=32)
        )
    # Simplifying the edge by 2 % of the depth (350 m for 17.5 km, against a 5 km spread in
    # the announced 15-20 km) makes the buffer several times faster on jagged admin edges;
    # it runs again whenever an imported layer refines the zone.
    edge = shapely.simplify(edge, depth_km * 1000 * 0.02)
    band = _clip(shapely.buffer(edge, depth_km * 1000, quad_segs=8), parent_m)
    excluded = ", ".join(a["name"] for a in exclude_near)
    method = (
        f"part of the parent zone within {depth_km:g} km of its edge (UTM 37N), leaving out the "
        f"edge on Syria's outer border (within {border_tolerance_km:g} km)"
        + (f" and the edge facing {excluded}" if excluded else "")
    )
    return Footprint(zone, from_metric(band), method, ())


@dataclass(frozen=True)
class Waypoint:
    id: str
    name_en: str
    lon: float
    lat: float
    source: str


def read_waypoints(path: Path) -> list[Waypoint]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = sorted(csv.DictReader(handle), key=lambda r: int(r["order"]))
    return [
        Waypoint(r["id"], r["name_en"], float(r["lon"]), float(r["lat"]), r["source"]) for r in rows
    ]


def road_corridor(
    zone: str,
    waypoints: list[Waypoint],
    parent_m: shapely.Geometry,
    half_width_km: float,
    waypoints_label: str,
) -> Footprint:
    """A band ``half_width_km`` each side of the road through the waypoints, square-ended,
    clipped to the parent zone."""
    line_m = to_metric(LineString([(w.lon, w.lat) for w in waypoints]))
    band = shapely.buffer(
        line_m, half_width_km * 1000, cap_style="flat", join_style="round", quad_segs=16
    )
    shape_m = _clip(band, parent_m)
    names = ", ".join(w.name_en for w in waypoints)
    method = (
        f"{half_width_km:g} km each side of the road drawn through {names} "
        f"({waypoints_label}), square-ended, clipped to the parent zone"
    )
    sources = tuple(dict.fromkeys(w.source for w in waypoints))
    return Footprint(zone, from_metric(shape_m), method, sources, tuple(w.id for w in waypoints))
