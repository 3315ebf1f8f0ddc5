"""Zones snapped to an authoritative admin layer: the union of the units that hold their towns.

An imported layer (OCHA COD-AB, geoBoundaries) turns each approximate footprint into a shape made
of real administrative units, with the layer's attribution and ``approximate: false``. A zone
takes the units that hold its member places, plus the units inside the governorates it covers
whole (all of Idlib; Daraa, Quneitra and Suwayda for the south), with enclosed holes filled.
Finer areas are not administrative and stay approximate: the Sochi band is drawn again along
the refined zone's edge, the M4 corridor is clipped to it. A governorate layer is coarser than
the town-based zones, so it refines only the zones made of whole governorates.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import shapely
from shapely.geometry import Point

from geo.crs import area_km2, to_metric
from geo.footprints import contact_band_from, fill_holes, polygons_only
from geo.gazetteer import Place

#: Farthest a member town may lie outside every unit and still be given the nearest one
#: (coastline and border lines differ between sources), in degrees (~3 km).
NEAREST_UNIT_DEG = 0.03


@dataclass(frozen=True)
class ZoneRefinement:
    zone: str
    refined: bool
    units: tuple[str, ...]
    unmatched_members: tuple[str, ...]
    reason: str = ""
    approximate_km2: float | None = None
    refined_km2: float | None = None

    @property
    def growth(self) -> float | None:
        """Refined area over approximate area (large: the units are coarse for this zone)."""
        if not self.approximate_km2 or self.refined_km2 is None:
            return None
        return self.refined_km2 / self.approximate_km2


def _units_holding(units: gpd.GeoDataFrame, members: list[Place]) -> tuple[list[int], list[str]]:
    tree = shapely.STRtree(list(units.geometry))
    hit: set[int] = set()
    unmatched = []
    for place in members:
        point = Point(place.lon, place.lat)
        inside = [int(i) for i in tree.query(point, predicate="covered_by")]
        if not inside:
            nearest = tree.query_nearest(point, max_distance=NEAREST_UNIT_DEG)
            inside = [int(i) for i in nearest[:1]]
        if inside:
            hit.update(inside)
        else:
            unmatched.append(place.id)
    return sorted(hit), unmatched


def _units_inside(units: gpd.GeoDataFrame, frame: shapely.Geometry) -> list[int]:
    shapely.prepare(frame)
    return [i for i, g in enumerate(units.geometry) if frame.contains(shapely.point_on_surface(g))]


@dataclass(frozen=True)
class _Layer:
    """The imported layer as a refinement sees it."""

    units: gpd.GeoDataFrame
    meta: dict
    governorates: dict[str, shapely.Geometry]

    @property
    def label(self) -> str:
        return f"{self.meta['level']} layer '{self.meta['name']}'"


def _picked_units(row, layer: _Layer, members: list[Place], zone_params: dict):
    """The units that make a top-level zone, with its unmatched member places; None where the
    layer is too coarse for the zone."""
    units = layer.units
    if row.basis == "governorates":
        # Units inside the governorates, plus those holding member towns: Quneitra town
        # lies in the UN area of separation, whose units reach beyond the frame.
        holding, unmatched = _units_holding(units, members)
        return sorted(set(_units_inside(units, row.geometry)) | set(holding)), unmatched
    if layer.meta["level"] == "adm1":
        return None, []
    picked, unmatched = _units_holding(units, members)
    whole = zone_params.get("whole_governorates", [])
    if whole:
        frame = shapely.union_all([layer.governorates[i] for i in whole])
        picked = sorted(set(picked) | set(_units_inside(units, frame)))
    return picked, unmatched


def _refine_top(out, idx, row, layer: _Layer, places, params) -> tuple[ZoneRefinement, object]:
    """Snap one of the four zones to the layer; returns its report and refined geometry."""
    zone_ids = {row.id} | set(out.loc[out.parent == row.id, "id"])
    members = [p for p in places if p.member and p.zone in zone_ids]
    picked, unmatched = _picked_units(row, layer, members, params["zones"].get(row.id, {}))
    if picked is None:
        return ZoneRefinement(
            row.id, False, (), (), "governorates are coarser than this zone"
        ), None
    if not picked:
        return ZoneRefinement(row.id, False, (), tuple(unmatched), "no unit holds its places"), None
    geom = fill_holes(shapely.union_all(list(layer.units.geometry.iloc[picked])))
    how = "lie inside its governorates" if row.basis == "governorates" else "hold its member places"
    out.at[idx, "geometry"] = geom
    out.at[idx, "approximate"] = False
    out.at[idx, "method"] = (
        f"union of the {len(picked)} units of the {layer.label} that {how}, holes filled"
    )
    out.at[idx, "attribution"] = layer.meta["attribution"]
    out.at[idx, "sources"] = [layer.meta["source_file"], layer.meta["attribution"]]
    out.at[idx, "area_km2"] = round(area_km2(geom), 1)
    report = ZoneRefinement(
        row.id,
        True,
        tuple(layer.units.unit_id.iloc[picked]),
        tuple(unmatched),
        approximate_km2=row.area_km2,
        refined_km2=out.at[idx, "area_km2"],
    )
    return report, geom


def _redraw_finer(out, idx, row, parent_geom, outline_m, layer: _Layer, params) -> ZoneRefinement:
    """A finer area stays approximate: the Sochi band is drawn again along the refined parent's
    edge, any other finer area is clipped to it."""
    zone_params = params["zones"].get(row.id, {})
    if zone_params.get("method") == "contact_band":
        made = contact_band_from(row.id, zone_params, to_metric(parent_geom), outline_m)
        geom = polygons_only(shapely.intersection(made.geometry, parent_geom))
        method = f"{made.method}; the parent is the refined zone"
        how = "finer area: kept approximate, drawn again along the refined parent's edge"
    else:
        geom = polygons_only(shapely.intersection(row.geometry, parent_geom))
        method = f"{row.method}; clipped to the refined parent zone"
        how = "finer area: kept approximate, clipped to the refined parent"
    out.at[idx, "geometry"] = geom
    out.at[idx, "method"] = method
    out.at[idx, "attribution"] = f"{row.attribution}; parent zone: {layer.meta['attribution']}"
    out.at[idx, "area_km2"] = round(area_km2(geom), 1)
    return ZoneRefinement(
        row.id,
        False,
        (),
        (),
        how,
        approximate_km2=row.area_km2,
        refined_km2=out.at[idx, "area_km2"],
    )


def refine_zones(
    approx: gpd.GeoDataFrame,
    units: gpd.GeoDataFrame,
    meta: dict,
    places: tuple[Place, ...],
    params: dict,
    governorates: dict[str, shapely.Geometry],
) -> tuple[gpd.GeoDataFrame, list[ZoneRefinement]]:
    """Refined copy of ``approx`` (same rows and columns) and what happened to each zone.

    ``params`` are the footprint parameters (``assets/geo/source/footprints.json``): a zone
    that covers whole governorates takes every unit inside them too, and the Sochi band is
    drawn again along the refined zone's edge.
    """
    out = approx.copy()
    layer = _Layer(units, meta, governorates)
    report = []
    refined_geom: dict[str, shapely.Geometry] = {}
    for idx, row in out.iterrows():
        if row.parent is None:
            done, geom = _refine_top(out, idx, row, layer, places, params)
            report.append(done)
            if geom is not None:
                refined_geom[row.id] = geom
    outline_m = to_metric(shapely.union_all(list(units.geometry)))
    for idx, row in out.iterrows():
        if row.parent is not None and row.parent in refined_geom:
            parent = refined_geom[row.parent]
            report.append(_redraw_finer(out, idx, row, parent, outline_m, layer, params))
    return out, report
