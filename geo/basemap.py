"""What the offline basemap shows besides the governorates: towns, the M4 and M5, two borders.

An analyst reads a front line against towns, roads and borders. They are drawn from our own data
(``assets/geo/source/basemap.json``: gazetteer ids for towns and road waypoints, and the outline of
the Natural Earth governorates for the borders), so the map needs no tiles and no network.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import LineString, box, mapping

import assets
from geo.gazetteer import Place, places, towns

BASEMAP_JSON = assets.path("geo", "source", "basemap.json")
M4_WAYPOINTS = assets.path("geo", "source", "m4_waypoints.csv")


@dataclass(frozen=True)
class Town:
    id: str
    name_en: str
    name_ar: str
    lon: float
    lat: float
    rank: int  # 1: governorate capital, always shown; 2 and 3 appear as one zooms in


@lru_cache(maxsize=1)
def _config() -> dict:
    return json.loads(BASEMAP_JSON.read_text("utf-8"))


def zoom_for_rank() -> dict[int, float]:
    """The zoom from which towns of each rank are labelled (rank 1 always)."""
    return {int(k): float(v) for k, v in _config()["zoom_for_rank"].items()}


def _population() -> dict[str, int]:
    with assets.path("gazetteer", "syria_towns.csv").open(encoding="utf-8", newline="") as f:
        return {r["id"]: int(r["population"] or 0) for r in csv.DictReader(f)}


def _by_id() -> dict[str, Place]:
    return {p.id: p for p in (*towns(), *places())}


@lru_cache(maxsize=1)
def basemap_towns() -> tuple[Town, ...]:
    """Capitals (rank 1), zone towns and towns of 20,000+ (rank 2), smaller towns (rank 3)."""
    config = _config()
    capitals = config["capitals"]
    floor = {int(k): v for k, v in config["town_min_population"].items()}
    population = _population()
    known = _by_id()
    out: dict[str, Town] = {}
    for pid in capitals:
        p = known[pid]
        out[pid] = Town(pid, p.name_en, p.name_ar, p.lon, p.lat, 1)
    for p in places():
        if p.kind == "town" and p.member and p.id not in out:
            out[p.id] = Town(p.id, p.name_en, p.name_ar, p.lon, p.lat, 2)
    for p in towns():
        people = population.get(p.id, 0)
        if p.id in out or people < floor[3]:
            continue
        rank = 2 if people >= floor[2] else 3
        out[p.id] = Town(p.id, p.name_en, p.name_ar, p.lon, p.lat, rank)
    return tuple(sorted(out.values(), key=lambda t: (t.rank, t.name_en)))


def _waypoints() -> dict[str, tuple[float, float]]:
    with M4_WAYPOINTS.open(encoding="utf-8", newline="") as handle:
        return {r["id"]: (float(r["lon"]), float(r["lat"])) for r in csv.DictReader(handle)}


@lru_cache(maxsize=1)
def highways() -> dict:
    """The M4 and M5 as a GeoJSON FeatureCollection of lines through their towns."""
    known, waypoints = _by_id(), _waypoints()
    features = []
    for road, spec in _config()["highways"].items():
        points = []
        for ref in spec["via"]:
            if ref.startswith("wp:"):
                points.append(waypoints[ref[3:]])
            else:
                points.append((known[ref].lon, known[ref].lat))
        features.append(
            {
                "type": "Feature",
                "properties": {"road": road, "name_en": road, "name_ar": spec["name_ar"]},
                "geometry": mapping(LineString(points)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


@lru_cache(maxsize=1)
def borders() -> dict:
    """The Turkish and Jordanian borders: the parts of Syria's outline facing each neighbour."""
    from geo import layers

    outline = shapely.union_all(list(layers.governorates().geometry)).boundary
    features = []
    for country, spec in _config()["borders"].items():
        area = shapely.union_all([box(*b) for b in spec["boxes"]])
        for b in spec["exclude"]:
            area = area.difference(box(*b))
        line = shapely.line_merge(shapely.intersection(outline, area))
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "border": country,
                    "name_en": f"{country} border",
                    "name_ar": spec["name_ar"],
                },
                "geometry": mapping(shapely.simplify(line, 0.002)),
            }
        )
    return {"type": "FeatureCollection", "features": features}


def towns_geojson() -> dict:
    """The basemap towns as GeoJSON points with ``rank``."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {
                    "id": t.id,
                    "name_en": t.name_en,
                    "name_ar": t.name_ar,
                    "rank": t.rank,
                },
                "geometry": {"type": "Point", "coordinates": [round(t.lon, 4), round(t.lat, 4)]},
            }
            for t in basemap_towns()
        ],
    }
