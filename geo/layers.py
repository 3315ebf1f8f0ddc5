"""The geometry the rest of Zonewatch draws: governorates and zones, full or web-simplified.

Shipped approximate footprints come from ``assets/geo`` (built by ``geo.build``). When a boundary
layer has been imported into ``boundaries_dir`` (``<data>/boundaries``, passed in by the caller
so that geography does not depend on settings), the zones are refined to its units. Everything
is cached per process and per state of ``boundaries_dir``, so repeated map renders are cheap;
callers get copies and may modify them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import geopandas as gpd
import shapely

import assets
from geo import boundary_store
from geo.crs import WGS84
from geo.gazetteer import places
from geo.geojson_io import WEB_PRECISION, feature
from geo.refine import ZoneRefinement, refine_zones
from geo.web_simplify import WEB_TOLERANCE_DEG

ZONE_COLUMNS = [
    "id", "parent", "name_en", "name_ar", "approximate", "basis", "method", "note", "sources",
    "attribution", "governorates", "area_km2", "geometry",
]  # fmt: skip
#: Properties the web layer carries for each zone (no member lists: popups do not need them).
WEB_ZONE_PROPERTIES = [c for c in ZONE_COLUMNS if c != "geometry"]


def _read_collection(path: Path) -> tuple[dict, gpd.GeoDataFrame]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    rows = [
        {**f["properties"], "geometry": shapely.geometry.shape(f["geometry"])}
        for f in doc["features"]
    ]
    return doc.get("properties", {}), gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84)


@lru_cache(maxsize=1)
def _governorates() -> gpd.GeoDataFrame:
    return _read_collection(assets.path("geo", "governorates.geojson"))[1]


@lru_cache(maxsize=1)
def _approximate_zones() -> gpd.GeoDataFrame:
    frame = _read_collection(assets.path("geo", "zones.geojson"))[1]
    frame["parent"] = frame["parent"].astype(object).where(frame["parent"].notna(), None)
    return frame[ZONE_COLUMNS]


@lru_cache(maxsize=1)
def _footprint_params() -> dict:
    return assets.read_json("geo", "source", "footprints.json")


@lru_cache(maxsize=8)
def _refined(folder: str, key: tuple) -> tuple[gpd.GeoDataFrame, tuple[ZoneRefinement, ...], dict]:
    layer = boundary_store.finest_layer(Path(folder))
    govs = _governorates()
    frame, report = refine_zones(
        _approximate_zones(),
        layer.units(),
        layer.meta,
        places(),
        _footprint_params(),
        dict(zip(govs.iso, govs.geometry, strict=True)),
    )
    return frame, tuple(report), layer.meta


def governorates() -> gpd.GeoDataFrame:
    """Syria's 14 governorates (iso, name_en, name_ar, ne_name, geometry), full precision."""
    return _governorates().copy()


def zones(boundaries_dir: Path | None = None) -> gpd.GeoDataFrame:
    """Zones and finer areas: refined by the finest layer in ``boundaries_dir`` if there is one,
    else the approximate footprints. Full precision."""
    return _zones_cached(boundaries_dir).copy()


def refinement(boundaries_dir: Path | None) -> tuple[tuple[ZoneRefinement, ...], dict | None]:
    """What the imported layer did to each zone, and that layer's metadata (None: no layer)."""
    key = boundary_store.state_key(boundaries_dir)
    if not key:
        return (), None
    _, report, meta = _refined(str(Path(boundaries_dir).resolve()), key)
    return report, meta


def _zones_cached(boundaries_dir: Path | None) -> gpd.GeoDataFrame:
    key = boundary_store.state_key(boundaries_dir)
    if not key:
        return _approximate_zones()
    return _refined(str(Path(boundaries_dir).resolve()), key)[0]


@lru_cache(maxsize=1)
def _web_shipped() -> dict[str, str]:
    return {
        name: assets.path("geo", "web", f"{name}.geojson").read_text(encoding="utf-8")
        for name in ("governorates", "zones")
    }


@lru_cache(maxsize=8)
def _web_refined(folder: str, key: tuple) -> str:
    frame = _refined(folder, key)[0]
    feats = []
    for row in frame.itertuples(index=False):
        props = {k: getattr(row, k) for k in WEB_ZONE_PROPERTIES}
        simple = shapely.make_valid(
            shapely.simplify(row.geometry, WEB_TOLERANCE_DEG, preserve_topology=True)
        )
        feats.append(feature(props, simple, WEB_PRECISION))
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)


def web_geojson(boundaries_dir: Path | None = None) -> dict:
    """``{"governorates": FeatureCollection, "zones": FeatureCollection}`` simplified for web
    maps (shared borders stay shared), refined zones where a layer was imported. The cache
    holds JSON text, so each call returns fresh objects that the caller may change."""
    shipped = _web_shipped()
    key = boundary_store.state_key(boundaries_dir)
    zones_text = _web_refined(str(Path(boundaries_dir).resolve()), key) if key else shipped["zones"]
    return {"governorates": json.loads(shipped["governorates"]), "zones": json.loads(zones_text)}
