"""Deterministic GeoJSON files, so that a rebuild of the shipped geometry is byte-identical.

Coordinates are rounded to a fixed number of decimals, keys are sorted and each feature sits on
its own line: the same inputs always give the same bytes, and a diff of two builds shows which
features changed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import shapely
from shapely.geometry import mapping

#: Decimals kept in the full-precision assets (1e-6 degree is about 0.1 m).
FULL_PRECISION = 6
#: Decimals kept in the web layers (1e-5 degree is about 1 m, far below the simplification).
WEB_PRECISION = 5


def _round_coords(value: Any, decimals: int) -> Any:
    if isinstance(value, float | int):
        rounded = round(float(value), decimals)
        return 0.0 if rounded == 0 else rounded  # no "-0.0" in the output
    return [_round_coords(v, decimals) for v in value]


def geometry_json(geom: shapely.Geometry, decimals: int) -> dict:
    """GeoJSON geometry dict with coordinates rounded to ``decimals``."""
    raw = mapping(geom)
    return {"type": raw["type"], "coordinates": _round_coords(raw["coordinates"], decimals)}


def feature(properties: Mapping[str, Any], geom: shapely.Geometry, decimals: int) -> dict:
    return {
        "type": "Feature",
        "properties": dict(properties),
        "geometry": geometry_json(geom, decimals),
    }


def dumps_collection(features: Iterable[dict], properties: Mapping[str, Any] | None = None) -> str:
    """A FeatureCollection as text: sorted keys, one feature per line, trailing newline."""
    head = {"type": "FeatureCollection"}
    if properties:
        head["properties"] = dict(properties)
    dump = {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}
    lines = [json.dumps(f, **dump) for f in features]
    opening = json.dumps(head, **dump)[:-1]  # drop the closing brace, features follow
    body = ",\n".join(lines)
    return f'{opening},"features":[\n{body}\n]}}\n'
