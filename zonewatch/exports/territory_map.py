"""The web map's geometry on a date: zones at their extent, lost places, front lines, and the
corpus control events the lost-place popups cite beside the registry.

The extents come from :mod:`zonewatch.core.territory` (the same as the GeoJSON and the static
map). Shapes are simplified for the browser once per shape and cached by their bytes, so a date
change that loses no new place costs a few dictionary look-ups.
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from typing import Any

import shapely

from geo.geojson_io import WEB_PRECISION, geometry_json
from geo.web_simplify import WEB_TOLERANCE_DEG
from zonewatch.core.territory import territory_features, territory_on
from zonewatch.store.dataset import Store

#: Lost cells and fronts are simplified a little more than zones: they are many small shapes.
LOST_TOLERANCE_DEG = 0.002


@lru_cache(maxsize=2048)
def _simple(wkb: bytes, tolerance: float) -> str:
    geom = shapely.from_wkb(wkb)
    simple = shapely.make_valid(shapely.simplify(geom, tolerance, preserve_topology=True))
    return json.dumps(geometry_json(simple, WEB_PRECISION))


def _web_geometry(geom: shapely.Geometry, tolerance: float) -> dict | None:
    if geom is None or geom.is_empty:
        return None
    return json.loads(_simple(shapely.to_wkb(geom), tolerance))


def web_territory(store: Store, day: date) -> dict[str, Any]:
    """``{"governorates", "zones", "lost", "front"}`` for :func:`geo.webmap.build_map`: the
    web geometry of :func:`zone_summary.web_geometry` with each zone redrawn at its extent on
    ``day`` (properties gain ``area_km2``, ``footprint_km2``, ``lost_km2``, ``extent_date``)."""
    from geo import layers
    from geo.boundary_store import boundaries_dir
    from zonewatch.exports.zone_summary import web_geometry

    web = web_geometry(store)
    terr = territory_on(layers.zones(boundaries_dir(store.root)), day)
    rows = {row.id: row for row in terr.frame.itertuples(index=False)}
    zones = []
    for feature in web["zones"]["features"]:
        props = dict(feature["properties"])
        row = rows.get(props.get("id"))
        geometry = feature["geometry"]
        if row is not None and (row.id in terr.extents or row.lost_km2 > 0):
            geometry = _web_geometry(row.geometry, WEB_TOLERANCE_DEG)
            props.update(
                area_km2=row.area_km2,
                footprint_km2=row.footprint_km2,
                lost_km2=row.lost_km2,
                extent_date=row.extent_date,
            )
        if geometry is not None:
            zones.append({"type": "Feature", "properties": props, "geometry": geometry})
    tolerance = {"lost": LOST_TOLERANCE_DEG, "front": LOST_TOLERANCE_DEG / 4}
    drawn = [
        f
        for f in territory_features(terr, lambda g, layer: _web_geometry(g, tolerance[layer]))
        if f["geometry"]
    ]
    return {
        **web,
        "zones": {**web["zones"], "features": zones},
        "lost": _collection(f for f in drawn if f["properties"]["layer"] == "lost"),
        "front": _collection(f for f in drawn if f["properties"]["layer"] == "front"),
    }


def _collection(features) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": list(features)}


def control_claims(store: Store) -> dict[str, list[dict]]:
    """Corpus control events by ``"zone:place"`` for the lost-place popups (the store's
    ``control`` table, read by :mod:`zonewatch.store.control`), each with ``sentence``, ``date``,
    ``source``, ``title`` and ``language``."""
    from zonewatch.store.control import corpus_events

    out: dict[str, list[dict]] = {}
    for event in corpus_events(store, None, None, None):
        if not event.get("place") or not event.get("zone"):
            continue
        out.setdefault(f"{event['zone']}:{event['place']}", []).append(
            {
                "sentence": event.get("evidence"),
                "date": event.get("date") or event.get("published"),
                "event": event.get("event"),
                "source": event.get("source"),
                "title": event.get("title"),
                "language": event.get("language"),
            }
        )
    return out


def changes_tables(
    store: Store, start: date, end: date, zones: list[str] | None = None
) -> tuple[list[dict], list[dict]]:
    """What changed between two dates: the registry's rows (place, date, change, source) with
    the number of corpus events beside each and the first of them; and the corpus control events
    that match no registry row (changes the registry lacks, or misreadings), as disagreements."""
    from zonewatch.store.control import control_report

    report = control_report(store, None, start, end)
    wanted = set(zones or ())
    rows = []
    for row in report["registry"]:
        if wanted and row["zone"] not in wanted:
            continue
        corpus = row["corpus"]
        rows.append(
            {
                "date": row["date"],
                "zone": row["zone"],
                "place": row["place_en"],
                "place_ar": row["place_ar"],
                "change": _change_words(row),
                "source": row["sources"][0],
                "other dates": "; ".join(
                    f"{a['date']} {a['who']}".strip() for a in row["alt_dates"]
                ),
                "corpus events": len(corpus),
                "corpus sentence": corpus[0]["evidence"] if corpus else "",
            }
        )
    only = [
        {
            "date": e["date"] or e["published"],
            "zone": e["zone"],
            "place": e["place"],
            "event": e["event"],
            "sentence": e["evidence"],
            "title": e["title"],
            "source": e["source"],
        }
        for e in report["corpus_only"]
        if not wanted or e["zone"] in wanted
    ]
    return rows, only


def _change_words(row: dict) -> str:
    if row["to"] == "none" or row["to"] == row["from"]:
        return row["kind"]
    return f"{row['kind']} ({row['from']} → {row['to']})".replace("_", " ")
