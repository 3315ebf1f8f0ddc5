"""The one typed reader of the reference registry (``registry/agreements.json``, ``zones.json``).

The extractor (aliases, parties, dates of each agreement), the geography (each zone's
governorates) and the core (coverage intervals) all read the registry; they read it here, so the
file format is known in one place and a bad entry fails loudly, naming it, at load time. Plain
facts only: what a status means on a date is the core's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from assets import read_json


class RegistryFormatError(ValueError):
    """The shipped registry does not have the shape this reader knows."""


@dataclass(frozen=True)
class Zone:
    """A zone of the registry: one of the four memorandum zones, or a finer area with a parent."""

    id: str
    parent: str | None
    name_en: str
    name_ar: str
    description_en: str
    description_ar: str
    governorates: tuple[str, ...]
    sources: tuple[str, ...] = ()

    @property
    def top(self) -> str:
        """The memorandum zone this zone belongs to (itself for the four)."""
        return self.parent or self.id


@dataclass(frozen=True)
class CoverageRow:
    """One zone's interval under one agreement, as the sources give it."""

    agreement: str
    zone: str
    agreed: date | None
    start: date | None
    end: date | None
    relation: str = "covers"
    end_precision: str = "day"
    end_event: str | None = None


@dataclass(frozen=True)
class AgreementRecord:
    """An agreement of the registry with its names, parties, dates and coverage rows."""

    id: str
    name_en: str
    name_ar: str
    aliases_en: tuple[str, ...]
    aliases_ar: tuple[str, ...]
    kind: str
    parties: tuple[str, ...]
    signed: date | None
    effective: date | None
    ended: date | None
    held: tuple[date, ...]
    scope: str
    coverage: tuple[CoverageRow, ...]
    round: int | None = None
    notes: str = ""
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistryData:
    agreements: tuple[AgreementRecord, ...]
    zones: dict[str, Zone]
    parties: dict[str, dict[str, str]]


def _day(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RegistryFormatError(f"{where}: {value!r} is not a YYYY-MM-DD date") from None


def _zone(raw: dict[str, Any]) -> Zone:
    return Zone(
        id=raw["id"],
        parent=raw.get("parent"),
        name_en=raw["name"]["en"],
        name_ar=raw["name"]["ar"],
        description_en=raw["description"]["en"],
        description_ar=raw["description"]["ar"],
        governorates=tuple(raw.get("governorates", ())),
        sources=tuple(raw.get("sources", ())),
    )


def _coverage(agreement: str, raw: dict[str, Any], where: str) -> CoverageRow:
    return CoverageRow(
        agreement=agreement,
        zone=raw["zone"],
        agreed=_day(raw.get("agreed"), where),
        start=_day(raw.get("start"), where),
        end=_day(raw.get("end"), where),
        relation=raw.get("relation", "covers"),
        end_precision=raw.get("end_precision", "day"),
        end_event=raw.get("end_event"),
    )


def _agreement(raw: dict[str, Any]) -> AgreementRecord:
    where = f"agreement {raw.get('id')!r}"
    aliases = raw.get("aliases", {})
    return AgreementRecord(
        id=raw["id"],
        name_en=raw["name"]["en"],
        name_ar=raw["name"]["ar"],
        aliases_en=tuple(aliases.get("en", ())),
        aliases_ar=tuple(aliases.get("ar", ())),
        kind=raw.get("kind", ""),
        parties=tuple(raw.get("parties", ())),
        signed=_day(raw.get("signed"), where),
        effective=_day(raw.get("effective"), where),
        ended=_day(raw.get("ended"), where),
        held=tuple(d for v in raw.get("held", ()) if (d := _day(v, where))),
        scope=raw.get("scope") or "",
        coverage=tuple(_coverage(raw["id"], c, where) for c in raw.get("coverage", ())),
        round=raw.get("round"),
        notes=raw.get("notes", ""),
        sources=tuple(raw.get("sources", ())),
    )


@lru_cache(maxsize=1)
def read_registry() -> RegistryData:
    """The registry, read and cross-checked once per process."""
    zones_raw = read_json("registry", "zones.json")
    agreements_raw = read_json("registry", "agreements.json")
    try:
        zones = {z["id"]: _zone(z) for z in zones_raw["zones"]}
        agreements = tuple(_agreement(a) for a in agreements_raw["agreements"])
    except KeyError as exc:
        raise RegistryFormatError(f"registry entry without the field {exc}") from None
    for a in agreements:
        unknown = {c.zone for c in a.coverage} - zones.keys()
        if unknown:
            raise RegistryFormatError(f"agreement {a.id} covers unknown zones {sorted(unknown)}")
    return RegistryData(agreements, zones, agreements_raw.get("parties", {}))


def read_zones() -> dict[str, Zone]:
    """The registry's zones by id, in file order (the four memorandum zones, then finer ones)."""
    return read_registry().zones
