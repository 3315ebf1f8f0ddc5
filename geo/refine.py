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
from geo.footprints import contact_band, fill_holes, polygons_only
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
    report = []
    level = meta["level"]
    layer_label = f"{level} layer '{meta['name']}'"
    children = {z: set(out.loc[out.parent == z, "id"]) for z in out.id}
    refined_geom: dict[str, shapely.Geometry] = {}
    for idx, row in out.iterrows():
        if row.parent is not None:
            continue
        zone_params = params["zones"].get(row.id, {})
        zone_ids = {row.id} | children[row.id]
        members = [p for p in places if p.member and p.zone in zone_ids]
        if row.basis == "governorates":
            # Units inside the governorates, plus those holding member towns: Quneitra town
            # lies in the UN area of separation, whose units reach beyond the frame.
            holding, unmatched = _units_holding(units, members)
            picked = sorted(set(_units_inside(units, row.geometry)) | set(holding))
        elif level == "adm1":
            report.append(
                ZoneRefinement(row.id, False, (), (), "governorates are coarser than this zone")
            )
            continue
        else:
            picked, unmatched = _units_holding(units, members)
            whole = zone_params.get("whole_governorates", [])
            if whole:
                frame = shapely.union_all([governorates[i] for i in whole])
                picked = sorted(set(picked) | set(_units_inside(units, frame)))
        if not picked:
            report.append(
                ZoneRefinement(row.id, False, (), tuple(unmatched), "no unit holds its places")
            )
            continue
        geom = fill_holes(shapely.union_all(list(units.geometry.iloc[picked])))
        refined_geom[row.id] = geom
        how = (
            "lie inside its governorates"
            if row.basis == "governorates"
            else "hold its member places"
        )
        out.at[idx, "geometry"] = geom
        out.at[idx, "approximate"] = False
        out.at[idx, "method"] = (
            f"union of the {len(picked)} units of the {layer_label} that {how}, holes filled"
        )
        out.at[idx, "attribution"] = meta["attribution"]
        out.at[idx, "sources"] = [meta["source_file"], meta["attribution"]]
        out.at[idx, "area_km2"] = round(area_km2(geom), 1)
        report.append(
            ZoneRefinement(
                row.id,
                True,
                tuple(units.unit_id.iloc[picked]),
                tuple(unmatched),
                approximate_km2=row.area_km2,
                refined_km2=out.at[idx, "area_km2"],
            )
        )
    outline_m = to_metric(shapely.union_all(list(units.geometry)))
    for idx, row in out.iterrows():
        if row.parent is None or row.parent not in refined_geom:
            continue
        zone_params = params["zones"].get(row.id, {})
        if zone_params.get("method") == "contact_band":
            made = contact_band(
                row.id,
                to_metric(refined_geom[row.parent]),
                outline_m,
                zone_params["depth_km"],
                zone_params["border_tolerance_km"],
                zone_params.get("exclude_near", []),
            )
            geom = polygons_only(shapely.intersection(made.geometry, refined_geom[row.parent]))
            method = f"{made.method}; the parent is the refined zone"
            how = "finer area: kept approximate, drawn again along the refined parent's edge"
        else:
            geom = polygons_only(shapely.intersection(row.geometry, refined_geom[row.parent]))
            method = f"{row.method}; clipped to the refined parent zone"
            how = "finer area: kept approximate, clipped to the refined parent"
        out.at[idx, "geometry"] = geom
        out.at[idx, "method"] = method
        out.at[idx, "attribution"] = f"{row.attribution}; parent zone: {meta['attribution']}"
        out.at[idx, "area_km2"] = round(area_km2(geom), 1)
        report.append(
            ZoneRefinement(
                row.id,
                False,
                (),
                (),
                how,
                approximate_km2=row.area_km2,
                refined_km2=out.at[idx, "area_km2"],
            )
        )
    return out, report
