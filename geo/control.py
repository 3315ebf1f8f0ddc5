"""The registry of control changes (``assets/control/changes.csv``), read once and validated.

A zone's extent on a date is its footprint minus the places it had lost by then; the places and
dates come from this file. It is data about places and dates only (no text processing), so it
lives in geo: the extent code, the map, the timeline and the control-event extraction all read
the same typed rows. A bad row stops the load with the file, line and reason, because a silent
skip would redraw a front line without anyone noticing.
"""

from __future__ import annotations

import calendar
import csv
import json
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

import assets
from assets.registry import read_zones

CHANGES_CSV = assets.path("control", "changes.csv")
VOCABULARY_JSON = assets.path("control", "vocabulary.json")

COLUMNS = (
    "id",
    "date",
    "zone",
    "scope",
    "place",
    "gazetteer_id",
    "place_en",
    "place_ar",
    "lon",
    "lat",
    "coord_source",
    "from_side",
    "to_side",
    "kind",
    "alt_dates",
    "note",
    "sources",
)
#: Syria with a margin: a point outside it is a swapped or mistyped coordinate.
_BBOX = (35.0, 32.0, 42.5, 37.5)
_DATE = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_ALT = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)\s*(.*)$")


class ControlRegistryError(ValueError):
    """A row of the control registry breaks its format; the message names file and line."""


@dataclass(frozen=True)
class AltDate:
    """Another date a source gives for the same event (``who`` says which source)."""

    date: str
    who: str


@dataclass(frozen=True)
class ControlChange:
    """One place changing hands (or a deal, siege, offensive about it) on one date."""

    id: str
    date: str
    day: date
    precision: str
    zone: str
    scope: str
    place: str
    gazetteer_id: str
    place_en: str
    place_ar: str
    lon: float | None
    lat: float | None
    coord_source: str
    from_side: str
    to_side: str
    kind: str
    alt_dates: tuple[AltDate, ...]
    note: str
    sources: tuple[str, ...]

    @property
    def changes_hands(self) -> bool:
        """True when control passes to another side (not a deal, siege or ceasefire)."""
        return self.to_side != "none" and self.to_side != self.from_side

    @property
    def has_point(self) -> bool:
        return self.lon is not None and self.lat is not None


@dataclass(frozen=True)
class Vocabulary:
    sides: tuple[str, ...]
    held_sides: frozenset[str]
    kinds: tuple[str, ...]
    scopes: tuple[str, ...]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The closed lists of sides, kinds and scopes (``assets/control/vocabulary.json``)."""
    raw = json.loads(VOCABULARY_JSON.read_text("utf-8"))
    return Vocabulary(
        sides=tuple(raw["sides"]),
        held_sides=frozenset(raw["held_sides"]),
        kinds=tuple(raw["kinds"]),
        scopes=tuple(raw["scopes"]),
    )


def registry_day(text: str) -> tuple[date, str]:
    """A registry date as a day and its precision; a month means its last day.

    The last day is used because a month-only row says the change happened at some point in that
    month: an extent drawn before the month ends should not yet show it as lost.
    """
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"date {text!r} is not YYYY-MM-DD or YYYY-MM")
    year, month = int(match.group(1)), int(match.group(2))
    if match.group(3):
        return date(year, month, int(match.group(3))), "day"
    return date(year, month, calendar.monthrange(year, month)[1]), "month"


def _alt_dates(text: str) -> tuple[AltDate, ...]:
    out = []
    for item in (part.strip() for part in text.split("|")):
        if not item:
            continue
        match = _ALT.match(item)
        if not match:
            raise ValueError(f"alternative date {item!r} does not start with YYYY-MM[-DD]")
        registry_day(match.group(1))
        out.append(AltDate(date=match.group(1), who=match.group(2).strip()))
    return tuple(out)


def _point(row: dict[str, str]) -> tuple[float | None, float | None]:
    lon_text, lat_text = row["lon"].strip(), row["lat"].strip()
    if not lon_text and not lat_text:
        if row["coord_source"].strip():
            raise ValueError("coord_source given without coordinates")
        return None, None
    if not lon_text or not lat_text:
        raise ValueError("lon and lat must both be given or both be empty")
    lon, lat = float(lon_text), float(lat_text)
    west, south, east, north = _BBOX
    if not (west <= lon <= east and south <= lat <= north):
        raise ValueError(f"point ({lon}, {lat}) is outside Syria (lon/lat swapped?)")
    if not row["coord_source"].strip():
        raise ValueError("coordinates without coord_source")
    return lon, lat


def _check_vocab(row: dict[str, str], vocab: Vocabulary, zones: set[str]) -> None:
    if row["zone"] not in zones:
        raise ValueError(f"unknown zone {row['zone']!r}")
    if row["scope"] not in vocab.scopes:
        raise ValueError(f"scope {row['scope']!r} not in {vocab.scopes}")
    if row["kind"] not in vocab.kinds:
        raise ValueError(f"kind {row['kind']!r} not in {vocab.kinds}")
    for column in ("from_side", "to_side"):
        if row[column] not in vocab.sides:
            raise ValueError(f"{column} {row[column]!r} not in {vocab.sides}")
    if not row["id"].strip() or not row["place"].strip() or not row["place_en"].strip():
        raise ValueError("id, place and place_en are required")


def _row(row: dict[str, str], vocab: Vocabulary, zones: set[str]) -> ControlChange:
    _check_vocab(row, vocab, zones)
    day, precision = registry_day(row["date"])
    lon, lat = _point(row)
    sources = tuple(s.strip() for s in row["sources"].split(" ; ") if s.strip())
    if not sources or not all(s.startswith(("http://", "https://")) for s in sources):
        raise ValueError("every row needs at least one http(s) source address")
    return ControlChange(
        id=row["id"].strip(),
        date=row["date"].strip(),
        day=day,
        precision=precision,
        zone=row["zone"],
        scope=row["scope"],
        place=row["place"].strip(),
        gazetteer_id=row["gazetteer_id"].strip(),
        place_en=row["place_en"].strip(),
        place_ar=row["place_ar"].strip(),
        lon=lon,
        lat=lat,
        coord_source=row["coord_source"].strip(),
        from_side=row["from_side"],
        to_side=row["to_side"],
        kind=row["kind"],
        alt_dates=_alt_dates(row["alt_dates"]),
        note=row["note"].strip(),
        sources=sources,
    )


def read_changes(path: Path = CHANGES_CSV) -> tuple[ControlChange, ...]:
    """All rows of a control registry file, sorted by day (stable), validated.

    Raises :class:`ControlRegistryError` naming the file and line of the first bad row.
    """
    vocab, zones = vocabulary(), set(read_zones())
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise ControlRegistryError(f"{path}: missing columns {', '.join(missing)}")
        out: list[ControlChange] = []
        seen: set[str] = set()
        for line, row in enumerate(reader, start=2):
            try:
                change = _row(row, vocab, zones)
                if change.id in seen:
                    raise ValueError(f"duplicate id {change.id!r}")
            except (ValueError, TypeError, AttributeError) as exc:
                raise ControlRegistryError(f"{path}:{line}: {exc}") from None
            seen.add(change.id)
            out.append(change)
    return tuple(sorted(out, key=lambda c: c.day))


@lru_cache(maxsize=1)
def changes() -> tuple[ControlChange, ...]:
    """The shipped registry, read once per process."""
    return read_changes()


def for_zone(zone: str, rows: tuple[ControlChange, ...] | None = None) -> tuple[ControlChange, ...]:
    """The rows of one zone, in date order."""
    return tuple(c for c in (rows if rows is not None else changes()) if c.zone == zone)


def between(
    start: date | None,
    end: date | None,
    zone: str | None = None,
    rows: tuple[ControlChange, ...] | None = None,
) -> tuple[ControlChange, ...]:
    """Rows whose day falls in [start, end] (either bound open when None), optionally one zone."""
    return tuple(
        c
        for c in (rows if rows is not None else changes())
        if (zone is None or c.zone == zone)
        and (start is None or c.day >= start)
        and (end is None or c.day <= end)
    )
