"""Import an authoritative admin layer and say what it did to the zones.

Reading and checks live in ``geo.boundary_read``, storage in ``geo.boundary_store``, the zone
refinement in ``geo.refine``; this module strings them together for the command line and keeps
the user's previous state untouched whenever anything fails.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import shapely

from geo import boundary_store, layers
from geo.boundary_read import LEVELS, BoundaryFileError, ReadLayer, guess_level, read_layer
from geo.refine import ZoneRefinement


@dataclass(frozen=True)
class ImportReport:
    stored: boundary_store.StoredLayer
    read: ReadLayer
    level_how: str
    refinement: tuple[ZoneRefinement, ...]
    refined_by: str | None  # name of the layer that now refines the zones


def _sidecar_attribution(path: Path) -> str | None:
    """geoBoundaries ships ``…-metaData.json`` beside its layers; use its source and licence."""
    for meta_path in sorted(path.parent.glob("*metaData.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        sources = [meta[k] for k in sorted(meta) if k.startswith("boundarySource") and meta[k]]
        licence = meta.get("boundaryLicense")
        if sources or licence:
            return f"geoBoundaries; source {', '.join(sources)}; {licence or 'licence not stated'}"
    return None


def _syria() -> shapely.Geometry:
    return shapely.union_all(list(layers.governorates().geometry))


def import_boundaries(
    path: Path,
    boundaries_dir: Path,
    level: str | None = None,
    name: str | None = None,
    attribution: str | None = None,
    layer: str | None = None,
) -> ImportReport:
    """Read, check and store a layer; raises ``BoundaryFileError`` (nothing stored) on bad input."""
    path = Path(path)
    if level is not None and level not in LEVELS:
        raise BoundaryFileError(f"unknown level {level!r} (expected {', '.join(LEVELS)})")
    read = read_layer(path, _syria(), layer)
    count = len(read.units)
    if level:
        chosen, how = level, "given"
    elif read.level_hint:
        chosen, how = read.level_hint, "from the layer's columns"
    else:
        chosen, how = guess_level(count), f"guessed from {count} units"
    stored_name = name or boundary_store.layer_name_for(path)
    if stored_name.startswith(".") or "/" in stored_name or "\\" in stored_name:
        raise BoundaryFileError(f"invalid layer name {stored_name!r}")
    meta = {
        "name": stored_name,
        "level": chosen,
        "attribution": attribution
        or _sidecar_attribution(path)
        or f"{path.name} (no attribution given)",
        "feature_count": count,
        "features_read": read.features_read,
        "repaired": read.repaired,
        "dropped_non_polygon": read.dropped_non_polygon,
        "dropped_outside_syria": read.dropped_outside,
        "source_file": path.name,
        "source_format": read.source_format,
        "source_layer": read.layer_name,
        "source_crs": read.source_crs
        + (" (assumed: the file names none)" if read.crs_assumed else ""),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    stored = boundary_store.save_layer(boundaries_dir, stored_name, read.units, meta)
    report, refined_meta = layers.refinement(boundaries_dir)
    return ImportReport(stored, read, how, report, refined_meta["name"] if refined_meta else None)
