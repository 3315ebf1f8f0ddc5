"""Simplified geometry for the web map that keeps neighbours' shared edges shared.

Governorates are simplified together as a coverage (``shapely.coverage_simplify``), so every
shared border is simplified once and both neighbours get the same line: no slivers, no gaps.
Zones are then simplified and clipped to the simplified governorates they belong to, so a zone
edge that follows a governorate border or the national border follows the same simplified line.
"""

from __future__ import annotations

import shapely

#: Simplification tolerance in degrees (about 100 m): invisible at the zoom levels of a
#: country map, and governorates plus zones stay around 100 KB, a third of the budget.
WEB_TOLERANCE_DEG = 0.001


def simplify_coverage(
    geoms: list[shapely.Geometry], tolerance: float = WEB_TOLERANCE_DEG
) -> list[shapely.Geometry]:
    """Simplify polygons that tile an area without overlaps; shared edges stay identical."""
    simplified = shapely.coverage_simplify(shapely.GeometryCollection(geoms).geoms, tolerance)
    return [shapely.make_valid(g) for g in simplified]


def simplify_within(
    geom: shapely.Geometry, frame: shapely.Geometry, tolerance: float = WEB_TOLERANCE_DEG
) -> shapely.Geometry:
    """Simplify a shape and clip it to an (already simplified) frame it lies in."""
    simple = shapely.simplify(geom, tolerance, preserve_topology=True)
    clipped = shapely.intersection(shapely.make_valid(simple), frame)
    polys = [p for p in shapely.get_parts(clipped) if p.geom_type == "Polygon" and p.area > 0]
    if not polys:  # nothing left would silently drop a zone from the map
        return shapely.make_valid(simple)
    return shapely.union_all(polys)
