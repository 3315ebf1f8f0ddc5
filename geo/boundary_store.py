"""Imported boundary layers on disk: one folder per layer under ``<data>/boundaries/``.

Each layer folder holds ``units.parquet`` (GeoParquet, WGS84: unit_id, name, geometry) and
``meta.json`` (level, attribution, counts, source file name and sha256). A layer is written
into a hidden temporary folder first and swapped in by renames, so a failed import leaves the
previous state as it was and readers never see a half-written layer.
"""

from __future__ import annotations

import json
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd

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


def _hidden(boundaries_dir: Path, kind: str, name: str) -> Path:
    """A unique hidden sibling folder name (ignored by ``list_layers``)."""
    return boundaries_dir / f".{kind}-{name}-{uuid.uuid4().hex[:12]}"


def save_layer(boundaries_dir: Path, name: str, units: gpd.GeoDataFrame, meta: dict) -> StoredLayer:
    """Store (or replace) a layer atomically."""
    boundaries_dir.mkdir(parents=True, exist_ok=True)
    target = boundaries_dir / name
    tmp = _hidden(boundaries_dir, "import", name)
    tmp.mkdir()
    try:
        units.to_parquet(tmp / UNITS_FILE, index=False)
        (tmp / META_FILE).write_text(
            json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        old = None
        if target.exists():
            old = _hidden(boundaries_dir, "old", name)
            target.rename(old)
        tmp.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return StoredLayer(name, target, meta)


def list_layers(boundaries_dir: Path | None) -> list[StoredLayer]:
    """Complete stored layers, by name (half-written or hidden folders are ignored)."""
    if boundaries_dir is None or not boundaries_dir.is_dir():
        return []
    found = []
    for folder in sorted(boundaries_dir.iterdir()):
        if folder.name.startswith(".") or not (folder / UNITS_FILE).is_file():
            continue
        try:
            meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found.append(StoredLayer(folder.name, folder, meta))
    return found


def remove_layer(boundaries_dir: Path, name: str) -> bool:
    """Remove a stored layer; False if there is none by that name."""
    target = boundaries_dir / name
    if name.startswith(".") or "/" in name or not (target / META_FILE).is_file():
        return False
    trash = _hidden(boundaries_dir, "old", name)
    target.rename(trash)
    shutil.rmtree(trash, ignore_errors=True)
    return True


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
