"""The zones in view as GeoJSON, with their status and covering agreements on the day, drawn at
their extent on the day, with the places they had lost and the front line as their own features."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from zonewatch.core.dates import iso_day
from zonewatch.core.registry import STATUS_RANK, Registry, load_registry
from zonewatch.core.territory import territory_features
from zonewatch.exports.facts import (
    REGISTRY_SOURCE,
    Selection,
    zone_info,
    zone_status,
    zones_frame,
)
from zonewatch.store.dataset import Store


def zones_geojson(store: Store, selection: Selection) -> dict[str, Any]:
    """The zones in view with their status and covering agreements on the day, full precision.

    ``agreements`` lists every registry agreement that has any status but 'none' for the zone on
    the day (in force, agreed, ended), ``in_force`` the ids in force, ``claimed`` the links that
    only the corpus states; ``status`` is the strongest registry status, as on the web map.
    """
    from shapely.geometry import mapping

    from zonewatch.core.territory import territory_on

    registry = load_registry()
    info = zone_info(store, selection)
    territory = territory_on(zones_frame(store, selection), selection.day)
    frame = territory.frame
    features = []
    for _, row in frame.iterrows():
        zinfo = info.get(row["id"], {})
        rows = [a for a in zinfo.get("agreements") or [] if a.get("status") in STATUS_RANK]
        claimed = [a for a in zinfo.get("agreements") or [] if a.get("status") not in STATUS_RANK]
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "properties": {
                    "id": row["id"],
                    "layer": "zone",
                    # every feature of a zone (its extent, its lost places, its front) says which
                    # zone it belongs to under the same key
                    "zone": row["id"],
                    "parent": row["parent"] if isinstance(row["parent"], str) else None,
                    "name_en": row["name_en"],
                    "name_ar": row["name_ar"],
                    "date": selection.day.isoformat(),
                    "status": zone_status(zinfo),
                    "in_force": [a["id"] for a in rows if a["status"] == "in_force"],
                    "agreements": [
                        _agreement_props(a, registry) for a in rows if a["status"] != "none"
                    ],
                    "claimed": [_agreement_props(a, registry) for a in claimed],
                    "evidence_count": int(zinfo.get("evidence_count") or 0),
                    "approximate": bool(row["approximate"]),
                    "method": row.get("method"),
                    "sources": _plain(row.get("sources")),
                    "attribution": row.get("attribution"),
                    "area_km2": row["area_km2"],
                    "footprint_km2": row["footprint_km2"],
                    "lost_km2": row["lost_km2"],
                    "extent_date": row["extent_date"],
                },
                # A zone with no ground left (after its end) has no geometry: null, as GeoJSON
                # allows, rather than an empty polygon that some tools reject.
                "geometry": None if row.geometry.is_empty else mapping(row.geometry),
            }
        )
    features.extend(territory_features(territory))
    return {
        "type": "FeatureCollection",
        "name": f"zonewatch-zones-{selection.day.isoformat()}",
        "date": selection.day.isoformat(),
        "filters": {"agreements": list(selection.agreements), "zones": list(selection.zones)},
        "source": REGISTRY_SOURCE,
        "features": features,
    }


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return value


def _agreement_props(a: Mapping[str, Any], registry: Registry) -> dict[str, Any]:
    known = registry.agreements.get(a.get("id") or "")
    return {
        "id": a.get("id"),
        "name_en": a.get("name_en") or (known.name_en if known else a.get("text")),
        "name_ar": a.get("name_ar") or (known.name_ar if known else None),
        "status": a.get("status"),
        "agreed": iso_day(a.get("agreed")),
        "start": iso_day(a.get("start")),
        "end": iso_day(a.get("end")),
    }


def zones_geojson_text(store: Store, selection: Selection) -> str:
    return json.dumps(zones_geojson(store, selection), ensure_ascii=False, indent=1) + "\n"
