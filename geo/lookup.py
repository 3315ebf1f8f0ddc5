"""Answers to "where is it?" questions: place to point, point to governorate and zone, zone to
shape and area.

Names are matched exactly as the gazetteer (and its GeoNames towns list) gives them (its id, English and Arabic names and
variants), ignoring case and surrounding spaces; anything cleverer is text processing and
belongs to ``extract``. Zone questions take the same optional ``boundaries_dir`` as
``geo.layers.zones`` so that they agree with the map the user sees.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import shapely
from shapely.geometry import Point

from geo import layers
from geo.gazetteer import Place, places, towns


@lru_cache(maxsize=1)
def _name_index() -> dict[str, Place]:
    """Zone gazetteer first, then the GeoNames towns list, so zone entries win on shared names."""
    index: dict[str, Place] = {}
    for place in (*places(), *towns()):
        for name in place.names:
            index.setdefault(name.casefold(), place)  # first listed place wins on a shared name
    return index


def find_place(name: str) -> Place | None:
    """The gazetteer entry for a name, id or listed variant (None if unknown)."""
    return _name_index().get(name.strip().casefold())


def place_point(name: str) -> Point | None:
    """WGS84 point of a named place (None if the gazetteer does not list it)."""
    place = find_place(name)
    return Point(place.lon, place.lat) if place else None


def place_zone(name: str, boundaries_dir: Path | None = None) -> str | None:
    """Top-level zone of a place of the curated gazetteer. The gazetteer says for each place
    whether it belongs to a zone, and that wins over where its point falls: a government-held
    town on the front line (Mhardeh) lies inside the approximate footprint but was never part of
    the zone. Use :func:`point_zone` for a bare point."""
    place = find_place(name)
    if place is None or not place.zone:
        return None
    return _parents(boundaries_dir).get(place.zone) or place.zone


def _parents(boundaries_dir: Path | None) -> dict[str, str | None]:
    frame = layers.zones(boundaries_dir)
    return dict(zip(frame.id, frame.parent, strict=True))


def point_governorate(lon: float, lat: float) -> str | None:
    """ISO 3166-2 code of the governorate that holds the point (None outside Syria)."""
    govs = layers.governorates()
    hits = govs[govs.geometry.covers(Point(lon, lat))]
    return str(hits.iso.iloc[0]) if len(hits) else None


def point_zone(
    lon: float, lat: float, boundaries_dir: Path | None = None, finest: bool = False
) -> str | None:
    """The top-level zone that holds the point, or with ``finest`` the finer area inside it
    where there is one (None: in no zone)."""
    frame = layers.zones(boundaries_dir)
    hits = frame[frame.geometry.covers(Point(lon, lat))]
    if hits.empty:
        return None
    if finest:
        finer = hits[hits.parent.notna()]
        if len(finer):
            return str(finer.id.iloc[0])
    top = hits[hits.parent.isna()]
    return str(top.id.iloc[0]) if len(top) else str(hits.parent.iloc[0])


def zone_polygon(zone_id: str, boundaries_dir: Path | None = None) -> shapely.Geometry:
    """Full-precision WGS84 (multi)polygon of a zone or finer area; KeyError if unknown."""
    frame = layers.zones(boundaries_dir)
    hits = frame[frame.id == zone_id]
    if hits.empty:
        raise KeyError(zone_id)
    return hits.geometry.iloc[0]


def zone_area_km2(zone_id: str, boundaries_dir: Path | None = None) -> float:
    """Area of the zone as drawn (equal-area projection), in km²; KeyError if unknown."""
    frame = layers.zones(boundaries_dir)
    hits = frame[frame.id == zone_id]
    if hits.empty:
        raise KeyError(zone_id)
    return float(hits.area_km2.iloc[0])
