"""The gazetteer's places as points: the facts that zone footprints and name lookups rest on.

``assets/gazetteer/places.csv`` is written by the extraction side; geography only reads its
coordinates, zone membership and names (exact names and listed variants, no text processing).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import assets

PLACES_CSV = assets.path("gazetteer", "places.csv")
#: GeoNames towns of Syria that are in no zone (a wider net for name lookups).
TOWNS_CSV = assets.path("gazetteer", "syria_towns.csv")


@dataclass(frozen=True)
class Place:
    id: str
    zone: str
    kind: str
    governorate: str
    name_en: str
    name_ar: str
    names: tuple[str, ...]
    lon: float
    lat: float
    member: bool
    source: str


def read_places(path: Path = PLACES_CSV) -> tuple[Place, ...]:
    """All gazetteer rows with coordinates, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    places = []
    for row in rows:
        if not row.get("lat") or not row.get("lon"):
            continue
        names = [row["id"], row["name_en"], row["name_ar"]]
        names += [v for v in row.get("variants_en", "").split("|") if v]
        names += [v for v in row.get("variants_ar", "").split("|") if v]
        places.append(
            Place(
                id=row["id"],
                zone=row.get("zone", ""),
                kind=row.get("kind", ""),
                governorate=row.get("governorate", ""),
                name_en=row["name_en"],
                name_ar=row["name_ar"],
                names=tuple(n.strip() for n in names if n.strip()),
                lon=float(row["lon"]),
                lat=float(row["lat"]),
                member=row.get("member", "0").strip() == "1",
                source=row.get("source", ""),
            )
        )
    return tuple(places)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """The shipped gazetteer, read once per process."""
    return read_places()


def read_towns(path: Path = TOWNS_CSV) -> tuple[Place, ...]:
    """The GeoNames towns list as places outside any zone (empty if the file is absent)."""
    if not path.is_file():
        return ()
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple(
        Place(
            id=row["id"],
            zone="",
            kind="town",
            governorate=row.get("governorate", ""),
            name_en=row["name_en"],
            name_ar=row["name_ar"],
            names=tuple(
                n.strip()
                for n in [
                    row["id"],
                    row["name_en"],
                    row["name_ar"],
                    *row.get("variants_ar", "").split("|"),
                ]
                if n.strip()
            ),
            lon=float(row["lon"]),
            lat=float(row["lat"]),
            member=False,
            source=f"geonames:{row['geonameid']}" if row.get("geonameid") else "",
        )
        for row in rows
        if row.get("lat") and row.get("lon")
    )


@lru_cache(maxsize=1)
def towns() -> tuple[Place, ...]:
    return read_towns()


def member_places(zone_ids: set[str], rows: tuple[Place, ...] | None = None) -> list[Place]:
    """Member towns of the given zones (a zone and its finer areas are passed together)."""
    return [p for p in (rows if rows is not None else places()) if p.member and p.zone in zone_ids]
