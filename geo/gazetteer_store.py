"""Imported gazetteers on disk: one folder per gazetteer under ``<data>/gazetteer/``.

Each folder holds ``places.csv`` (one row per populated place, names as read, WGS84 point, the
governorate and the top-level zone its point falls in) and ``meta.json`` (source file, sha256,
format, counts, import time). Written into a hidden folder and swapped in by renames, like the
boundary layers (``geo.boundary_store``), so a failed import leaves the previous state as it was
and readers never see a half-written gazetteer.
"""

from __future__ import annotations

import csv
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from geo.atomic import remove_folder, replace_folder, stored_folders
from geo.gazetteer_read import ColumnMap, PlaceRow, ReadGazetteer, read_gazetteer

GAZETTEER_FOLDER = "gazetteer"
PLACES_FILE = "places.csv"
META_FILE = "meta.json"
#: Columns of a stored gazetteer (``alt_en``/``alt_ar``: names separated by ``|``).
STORED_COLUMNS = (
    "id", "name_en", "name_ar", "alt_en", "alt_ar", "lat", "lon", "population", "feature",
    "adm2", "adm2_ar", "pcode", "governorate", "zone",
)  # fmt: skip


@dataclass(frozen=True)
class StoredGazetteer:
    name: str
    folder: Path
    meta: dict

    def rows(self) -> list[dict]:
        """The stored places as dicts of strings (columns ``STORED_COLUMNS``)."""
        with (self.folder / PLACES_FILE).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))


def gazetteer_dir(data: Path) -> Path:
    """Where the imported gazetteers of the data folder ``data`` live."""
    return data / GAZETTEER_FOLDER


def _hidden(root: Path, kind: str, name: str) -> Path:
    return root / f".{kind}-{name}-{uuid.uuid4().hex[:12]}"


def _areas(rows: tuple[PlaceRow, ...], frame, column: str) -> list[str]:
    """For each row, the ``column`` value of the first polygon of ``frame`` that covers it."""
    import numpy as np
    import shapely

    xs = np.fromiter((r.lon for r in rows), float, len(rows))
    ys = np.fromiter((r.lat for r in rows), float, len(rows))
    out = [""] * len(rows)
    for value, geom in zip(frame[column], frame.geometry, strict=True):
        shapely.prepare(geom)
        for i in np.flatnonzero(shapely.intersects_xy(geom, xs, ys)):
            if not out[i]:
                out[i] = str(value)
    return out


def locate(rows: tuple[PlaceRow, ...], boundaries_dir: Path | None) -> tuple[list[str], list[str]]:
    """Governorate (ISO 3166-2) and top-level zone of every row, by point in polygon against
    the governorates and the zones of the data folder (refined where a layer was imported)."""
    from geo import layers

    zones = layers.zones(boundaries_dir)
    top = zones[zones.parent.isna()]
    return _areas(rows, layers.governorates(), "iso"), _areas(rows, top, "id")


def _values(rows: tuple[PlaceRow, ...], govs: list[str], zones: list[str]):
    for row, gov, zone in zip(rows, govs, zones, strict=True):
        yield (
            row.id, row.name_en, row.name_ar, "|".join(row.alt_en), "|".join(row.alt_ar),
            f"{row.lat:.5f}", f"{row.lon:.5f}", row.population or "", row.feature,
            row.adm2, row.adm2_ar, row.pcode, gov, zone,
        )  # fmt: skip


def stored_rows(read: ReadGazetteer, boundaries_dir: Path | None) -> list[dict]:
    """The rows as they would be stored (dicts of strings), without writing anything."""
    govs, zones = locate(read.rows, boundaries_dir)
    return [
        dict(zip(STORED_COLUMNS, map(str, v), strict=True)) for v in _values(read.rows, govs, zones)
    ]


def _write_csv(path: Path, rows: tuple[PlaceRow, ...], govs: list[str], zones: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(STORED_COLUMNS)
        writer.writerows(_values(rows, govs, zones))


def save_gazetteer(
    root: Path, name: str, read: ReadGazetteer, govs: list[str], zones: list[str], meta: dict
) -> StoredGazetteer:
    """Store (or replace) a gazetteer atomically."""

    def fill(folder: Path) -> None:
        _write_csv(folder / PLACES_FILE, read.rows, govs, zones)
        (folder / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    return StoredGazetteer(name, replace_folder(root, name, fill), meta)


def import_gazetteer(
    path: Path,
    root: Path,
    boundaries_dir: Path | None = None,
    name: str | None = None,
    cols: ColumnMap | None = None,
    attribution: str | None = None,
) -> StoredGazetteer:
    """Read, locate and store a gazetteer file; raises ``GazetteerFileError`` (nothing stored)."""
    from geo.boundary_store import layer_name_for

    read = read_gazetteer(path, cols)
    govs, zones = locate(read.rows, boundaries_dir)
    counts: dict[str, int] = {}
    for zone in zones:
        if zone:
            counts[zone] = counts.get(zone, 0) + 1
    name = name or layer_name_for(path)
    meta = {
        "name": name,
        "source_file": path.name,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "source_format": read.source_format,
        "place_count": len(read.rows),
        "arabic_count": sum(1 for r in read.rows if r.name_ar),
        "skipped": read.skipped,
        "in_syria": sum(1 for g in govs if g),
        "zone_counts": dict(sorted(counts.items())),
        "zones_from": "imported boundary layer" if _has_layers(boundaries_dir) else "footprints",
        "attribution": attribution or "",
        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return save_gazetteer(root, name, read, govs, zones, meta)


def _has_layers(boundaries_dir: Path | None) -> bool:
    from geo.boundary_store import list_layers

    return bool(list_layers(boundaries_dir))


def list_gazetteers(root: Path | None) -> list[StoredGazetteer]:
    """Complete stored gazetteers, by name (hidden or half-written folders are ignored)."""
    return [
        StoredGazetteer(folder.name, folder, meta)
        for folder, meta in stored_folders(root, PLACES_FILE, META_FILE)
    ]


def remove_gazetteer(root: Path, name: str) -> bool:
    """Remove a stored gazetteer; False if there is none by that name."""
    return remove_folder(root, name, META_FILE)


def state_key(root: Path | None) -> tuple:
    """Changes whenever a gazetteer is added, replaced or removed: a cache key for matchers."""
    return tuple(
        (g.name, (g.folder / META_FILE).stat().st_mtime_ns, g.meta.get("sha256"))
        for g in list_gazetteers(root)
    )
