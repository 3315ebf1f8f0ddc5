"""The zones of the reference registry (``assets/registry/zones.json``), read in one place.

The footprint build needs each zone's id, parent, names and governorates, and the agreement
registry (:mod:`zonewatch.core.registry`) hangs its intervals on the same zones. Reading them here
keeps geo free of the layer above it: zonewatch builds on this reader, not the other way round.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import assets


@dataclass(frozen=True)
class Zone:
    id: str
    parent: str | None
    name_en: str
    name_ar: str
    description_en: str
    description_ar: str
    governorates: tuple[str, ...]
    sources: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def read_zones() -> dict[str, Zone]:
    """The registry's zones by id, in file order (the four memorandum zones, then finer ones)."""
    raw = json.loads(assets.path("registry", "zones.json").read_text("utf-8"))
    return {
        z["id"]: Zone(
            id=z["id"],
            parent=z.get("parent"),
            name_en=z["name"]["en"],
            name_ar=z["name"]["ar"],
            description_en=z["description"]["en"],
            description_ar=z["description"]["ar"],
            governorates=tuple(z.get("governorates", ())),
            sources=tuple(z.get("sources", ())),
        )
        for z in raw["zones"]
    }
