"""Whether a corpus control event is about the place of a registry row, by id or by name.

Many registry rows have no gazetteer id: the shipped gazetteer lacked the place when the row was
written (Qaboun, Hawsh al-Dawahira, Hayt, ...), or the place is a district or a hill. The
extractor still reports such places when a gazetteer names them (a later row of places.csv,
the GeoNames towns list, or a gazetteer imported into the data folder), under that gazetteer's
id. So a row without an id is matched by name: the row's English and Arabic names and its slug
against every name the event's place id has, compared in a spelling-tolerant form (Latin names
by the extractor's own skeleton keys, so "Hawsh ad-Dawahirah" is "Hawsh al-Dawahira"; Arabic
names folded and without the article, so "حوش ضواهرة" is "حوش الضواهرة"), in the row's zone
and, where both have a point, within 15 km of it (Syria has many al-Qusayrs).
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from extract.normalise import normalise_word
from extract.places import PlaceIndex, latin_keys
from geo import gazetteer
from geo.control import ControlChange

_PARENTHESES = re.compile(r"\([^)]*\)")
_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_WORD = re.compile("[\u0621-\u064a]+")
_LATIN_WORD = re.compile("[a-z0-9]+")
#: A namesake farther than this from the registry's point is another place.
NEAR_KM = 15.0


def name_keys(name: str) -> frozenset[str]:
    """The comparison keys of one place name (empty for an empty name)."""
    name = _PARENTHESES.sub(" ", name).strip()
    if not name:
        return frozenset()
    if _ARABIC.search(name):
        words = _ARABIC_WORD.findall(normalise_word(name))
        words = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
        return frozenset({"ar:" + " ".join(words)}) if words else frozenset()
    if any(c.isdigit() for c in name):  # "M5 highway" is not "M4 highway"
        return frozenset({"en:" + " ".join(_LATIN_WORD.findall(name.lower()))})
    return frozenset("en:" + k for k in latin_keys(name.replace("_", " ")))


@lru_cache(maxsize=1)
def _shipped() -> dict[str, gazetteer.Place]:
    """Place id -> the place in the shipped gazetteer (curated places, then GeoNames towns)."""
    out: dict[str, gazetteer.Place] = {}
    for place in (*gazetteer.places(), *gazetteer.towns()):
        out.setdefault(place.id, place)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (km); namesakes are tens or hundreds of km apart."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class PlaceNames:
    """The names of the places the corpus events name, from the shipped gazetteer and the
    gazetteer imported into the store's data folder (if any), keyed for comparison."""

    def __init__(self, index: PlaceIndex | None = None) -> None:
        self._index = index
        self._arabic_by_id: dict[str, list[str]] | None = None
        self._keys: dict[str, frozenset[str]] = {}

    @classmethod
    def for_data(cls, root: Path) -> PlaceNames:
        """The names for a store in ``root`` (its imported gazetteer read when there is one)."""
        from zonewatch.core.gazetteer import place_index

        return cls(place_index(root))

    def _imported(self, place: str) -> list[str]:
        if self._index is None:
            return []
        if self._arabic_by_id is None:
            self._arabic_by_id = {}
            for name, ids in self._index.arabic.items():
                for pid in ids:
                    self._arabic_by_id.setdefault(pid, []).append(name)
        return [*self._index.latin_names.get(place, ()), *self._arabic_by_id.get(place, ())]

    def point(self, place: str) -> tuple[float, float] | None:
        """(lat, lon) of place id ``place`` in either gazetteer, if known."""
        shipped = _shipped().get(place)
        if shipped is not None:
            return shipped.lat, shipped.lon
        info = self._index.info.get(place) if self._index is not None else None
        return (info.lat, info.lon) if info is not None else None

    def keys(self, place: str) -> frozenset[str]:
        """Every comparison key of the names of place id ``place``."""
        if place not in self._keys:
            shipped = _shipped().get(place)
            names = [*(shipped.names if shipped else ()), *self._imported(place)]
            keys: set[str] = set()
            for name in names:
                keys |= name_keys(name)
            self._keys[place] = frozenset(keys)
        return self._keys[place]


def row_keys(change: ControlChange) -> frozenset[str]:
    """The comparison keys of a registry row's place (slug, English and Arabic names)."""
    keys: set[str] = set()
    for name in (change.place, change.place_en, change.place_ar):
        keys |= name_keys(name)
    return frozenset(keys)


def same_place(change: ControlChange, event: dict, names: PlaceNames) -> bool:
    """The event is about the row's place: the same gazetteer id, or, for a row without one, a
    name in common, in no other zone and (where both have a point) near the row's point."""
    if change.gazetteer_id:
        return event["place"] == change.gazetteer_id
    if event.get("zone") and change.zone and event["zone"] != change.zone:
        return False
    if not row_keys(change) & names.keys(event["place"]):
        return False
    point = names.point(event["place"])
    if point is None or change.lat is None or change.lon is None:
        return True
    return _km(change.lat, change.lon, *point) <= NEAR_KM
