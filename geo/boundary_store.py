"""Imported boundary layers on disk: one folder per layer under ``<data>/boundaries/``.

Each layer folder holds ``units.parquet`` (GeoParquet, WGS84: unit_id, name, geometry) and
``meta.json`` (level, attribution, counts, source file name and sha256). A layer is written
into a hidden temporary folder first and swapped in by renames, so a failed import leaves the
previous state as it was and readers never see a half-written layer.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

from geo.atomic import remove_folder, replace_folder, stored_folders

#: Folder of the imported layers inside a data folder.
BOUNDARIES_FOLDER = "boundaries"
UNITS_FILE = "units.parquet"
META_FILE = "meta.json"
#: Finer levels refine zones better; the finest imported layer wins.
LEVEL_RANK = {"adm1": 1, "adm2": 2, "adm3": 3}


@dataclass(frozen=True)
class StoredLayer:
    name: str
    folder: Path
    meta: dict

    @property
    def level(self) -> str:
        return self.meta["level"]

    def units(self) -> gpd.GeoDataFrame:
        return gpd.read_parquet(self.folder / UNITS_FILE)


def boundaries_dir(data: Path) -> Path:
    """Where the imported layers of the data folder ``data`` live (next to the article store)."""
    return data / BOUNDARIES_FOLDER


def layer_name_for(path: Path) -> str:
    """A folder-safe layer name from a file name (``geoBoundaries-SYR-ADM3_simplified``)."""
    stem = path.name
    for suffix in (".shp.zip",):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    stem = Path(stem).stem
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    return name or "layer"


def save_layer(boundaries_dir: Path, name: str, units: gpd.GeoDataFrame, meta: dict) -> StoredLayer:
    """Store (or replace) a layer atomically."""

    def fill(folder: Path) -> None:
        units.to_parquet(folder / UNITS_FILE, index=False)
        (folder / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

    return StoredLayer(name, replace_folder(boundaries_dir, name, fill), meta)


def list_layers(boundaries_dir: Path | None) -> list[StoredLayer]:
    """Complete stored layers, by name (half-written or hidden folders are ignored)."""
    return [
        StoredLayer(folder.name, folder, meta)
        for folder, meta in stored_folders(boundaries_dir, UNITS_FILE, META_FILE)
    ]


def remove_layer(boundaries_dir: Path, name: str) -> bool:
    """Remove a stored layer; False if there is none by that name."""
    return remove_folder(boundaries_dir, name, META_FILE)


def finest_layer(boundaries_dir: Path | None) -> StoredLayer | None:
    """The layer that refines zones: the finest level, the latest import among equals."""
    layers = list_layers(boundaries_dir)
    if not layers:
        return None
    return max(
        layers, key=lambda lay: (LEVEL_RANK.get(lay.level, 0), lay.meta.get("imported_at", ""))
    )


def state_key(boundaries_dir: Path | None) -> tuple:
    """Changes whenever a layer is added, replaced or removed: a cache key for refined zones."""
    return tuple(
        (lay.name, (lay.folder / META_FILE).stat().st_mtime_ns, lay.meta.get("sha256"))
        for lay in list_layers(boundaries_dir)
    )
