"""Syria's 14 governorates from Natural Earth admin-1, with ISO 3166-2 codes and Arabic names.

Natural Earth draws the UN area of separation on the Golan (UNDOF) as a separate unit; it is part
of Quneitra governorate, so it is merged into Quneitra, which holds most of it. Natural Earth
leaves the ISO code empty for most Syrian units, so the code is taken from the HASC code
(``SY.LA`` -> ``SY-LA``, the same letters), and the names come from a small table of our own.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import shapely

from geo.crs import WGS84

#: Natural Earth feature name of the UN area of separation, and the governorate it joins.
UNDOF_NAME = "UNDOF"
UNDOF_JOINS = "SY-QU"


def read_names(path: Path) -> dict[str, dict[str, str]]:
    """HASC code -> {iso, name_en, name_ar}."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["hasc"]: row for row in csv.DictReader(handle)}


def build_governorates(source: Path, names_csv: Path) -> gpd.GeoDataFrame:
    """Governorates (iso, name_en, name_ar, ne_name, geometry), sorted by ISO code."""
    raw = json.loads(source.read_text(encoding="utf-8"))
    names = read_names(names_csv)
    parts: dict[str, list[shapely.Geometry]] = {}
    ne_names: dict[str, str] = {}
    for feat in raw["features"]:
        props = feat["properties"]
        geom = shapely.geometry.shape(feat["geometry"])
        if props["name"] == UNDOF_NAME:
            parts.setdefault(UNDOF_JOINS, []).append(geom)
            continue
        row = names.get(props["code_hasc"])
        if row is None:
            raise ValueError(f"{source}: no name row for HASC code {props['code_hasc']!r}")
        parts.setdefault(row["iso"], []).insert(0, geom)
        ne_names[row["iso"]] = props["name"]
    missing = {r["iso"] for r in names.values()} - ne_names.keys()
    if missing:
        raise ValueError(f"{source}: governorates missing from the source: {sorted(missing)}")
    by_iso = {r["iso"]: r for r in names.values()}
    records = []
    for iso in sorted(parts):
        geom = shapely.union_all(parts[iso]) if len(parts[iso]) > 1 else parts[iso][0]
        records.append(
            {
                "iso": iso,
                "name_en": by_iso[iso]["name_en"],
                "name_ar": by_iso[iso]["name_ar"],
                "ne_name": ne_names[iso],
                "geometry": shapely.make_valid(geom),
            }
        )
    return gpd.GeoDataFrame(records, geometry="geometry", crs=WGS84)
