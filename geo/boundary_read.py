"""Read an administrative boundary layer a user downloaded, and check it before it is trusted.

Analysts bring OCHA COD-AB or geoBoundaries layers in whatever format they got: GeoJSON,
TopoJSON, a shapefile (loose or zipped) or a GeoPackage, in any CRS. Every way such a file can be
unusable (not readable, not polygons, not in Syria, empty) ends in one ``BoundaryFileError``
with a one-line reason, before anything is stored.
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

from geo.crs import WGS84

#: File suffix -> format name used in messages.
FORMATS = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON or TopoJSON",
    ".topojson": "TopoJSON",
    ".shp": "shapefile",
    ".zip": "zipped shapefile",
    ".gpkg": "GeoPackage",
}
LEVELS = ("adm1", "adm2", "adm3")
#: Columns that name an admin unit, most specific first (geoBoundaries, OCHA COD-AB, GADM).
NAME_COLUMNS = (
    "shapeName", "ADM3_EN", "admin3Name_en", "ADM2_EN", "admin2Name_en", "ADM1_EN",
    "admin1Name_en", "NAME_3", "NAME_2", "NAME_1", "name_en", "name", "NAME",
)  # fmt: skip
ID_COLUMNS = (
    "shapeID", "ADM3_PCODE", "admin3Pcode", "ADM2_PCODE", "admin2Pcode", "ADM1_PCODE",
    "admin1Pcode", "GID_3", "GID_2", "GID_1", "id", "ID",
)  # fmt: skip


#: A layer is "of Syria" when most of its polygons have their inside point within ~2 km of
#: Syria's outline (coastlines and borders differ between sources).
NEAR_DEG = 0.02
#: Units kept: inside point within ~30 km of the outline. Authoritative layers (UN, OCHA)
#: include the occupied Golan in Quneitra, which Natural Earth draws outside Syria.
KEEP_DEG = 0.3


def _near_syria(syria: shapely.Geometry) -> shapely.Geometry:
    near = shapely.buffer(syria, NEAR_DEG)
    shapely.prepare(near)
    return near


class BoundaryFileError(ValueError):
    """A boundary file that cannot be used; the message is one line for the user."""


@dataclass
class ReadLayer:
    """Polygons of one layer in WGS84 with what was found on the way."""

    units: gpd.GeoDataFrame  # columns: unit_id, name, geometry
    source_format: str
    layer_name: str | None
    source_crs: str
    crs_assumed: bool
    features_read: int
    repaired: int
    dropped_non_polygon: int
    dropped_outside: int
    level_hint: str | None


def _fail(path: Path, reason: str) -> BoundaryFileError:
    return BoundaryFileError(f"{path.name}: {reason}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def _dataset(path: Path) -> tuple[str, str]:
    """The GDAL path to open and the format name, after checks that need no GDAL."""
    if not path.exists():
        raise _fail(path, "no such file")
    if path.is_dir():
        raise _fail(path, "is a folder, not a boundary file")
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise _fail(
            path, f"unknown file type '{suffix or '(none)'}' (expected {', '.join(FORMATS)})"
        )
    if path.stat().st_size == 0:
        raise _fail(path, "the file is empty")
    if suffix in (".geojson", ".json", ".topojson"):
        try:
            doc = json.loads(path.read_bytes())
        except UnicodeDecodeError:
            raise _fail(path, "not UTF-8 text, so not GeoJSON or TopoJSON") from None
        except RecursionError:
            raise _fail(path, "JSON nested too deeply to be GeoJSON or TopoJSON") from None
        except json.JSONDecodeError as exc:
            raise _fail(
                path,
                f"broken or truncated JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
            ) from None
        kind = doc.get("type") if isinstance(doc, dict) else None
        if kind == "Topology":
            return str(path), "TopoJSON"
        if kind in ("FeatureCollection", "Feature"):
            return str(path), "GeoJSON"
        raise _fail(path, f"JSON but neither GeoJSON nor TopoJSON (type {kind!r})")
    if suffix == ".zip":
        try:
            with zipfile.ZipFile(path) as archive:
                shps = sorted(n for n in archive.namelist() if n.lower().endswith(".shp"))
        except zipfile.BadZipFile:
            raise _fail(path, "not a valid zip archive") from None
        if not shps:
            raise _fail(path, "the zip archive holds no shapefile (.shp)")
        if len(shps) > 1:
            raise _fail(
                path, f"the zip archive holds {len(shps)} shapefiles; unzip it and import one"
            )
        with zipfile.ZipFile(path) as archive:
            _check_shp_length(path, archive.read(shps[0]))
        return f"/vsizip/{path.resolve()}/{shps[0]}", "zipped shapefile"
    if suffix == ".shp":
        _check_shp_length(path, path.read_bytes())
    return str(path), FORMATS[suffix]


def _check_shp_length(path: Path, data: bytes) -> None:
    """Refuse a cut-short .shp: GDAL reads the records that survive and drops the rest silently,
    so a truncated copy would import as a smaller layer. The header states the file's length
    (bytes 24-27, big-endian, in 16-bit words)."""
    if len(data) < 100:
        raise _fail(path, "the .shp file is truncated (shorter than its 100-byte header)")
    stated = int.from_bytes(data[24:28], "big") * 2
    if stated != len(data):
        raise _fail(
            path, f"the .shp file is truncated or damaged ({len(data)} bytes, header says {stated})"
        )


def _pick_layer(path: Path, dataset: str, wanted: str | None) -> str | None:
    try:
        layers = pyogrio.list_layers(dataset)
    except Exception as exc:  # GDAL raises several types for unreadable files
        raise _fail(path, f"cannot be read: {_first_line(exc)}") from None
    names = [str(row[0]) for row in layers]
    if wanted is not None:
        if wanted not in names:
            raise _fail(path, f"no layer named {wanted!r} (layers: {', '.join(names)})")
        return wanted
    if len(names) <= 1:
        return names[0] if names else None
    polygonal = [str(n) for n, kind in layers if kind and "Polygon" in str(kind)]
    if len(polygonal) == 1:
        return polygonal[0]
    raise _fail(path, f"holds several layers ({', '.join(names)}); choose one with --layer")


def _level_hint(frame: gpd.GeoDataFrame) -> str | None:
    for level in ("adm3", "adm2", "adm1"):
        n = level[-1]
        if {f"ADM{n}_PCODE", f"admin{n}Pcode", f"ADM{n}_EN", f"admin{n}Name_en", f"GID_{n}"} & set(
            frame.columns
        ):
            return level
    if "Level" in frame.columns:
        values = {str(v).lower() for v in frame["Level"].dropna().unique()}
        if len(values) == 1 and values & set(LEVELS):
            return values.pop()
    return None


def _column(frame: gpd.GeoDataFrame, candidates: tuple[str, ...]) -> str | None:
    for name in candidates:
        if name in frame.columns and frame[name].notna().any():
            return name
    return None


def _polygonal(geom: shapely.Geometry | None) -> shapely.Geometry | None:
    if geom is None or geom.is_empty:
        return None
    parts = [p for p in shapely.get_parts(geom) if p.geom_type in ("Polygon", "MultiPolygon")]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else shapely.union_all(parts)


def read_layer(path: Path, syria: shapely.Geometry, layer: str | None = None) -> ReadLayer:
    """Read, reproject to WGS84, repair and keep the polygons whose inside point is in Syria."""
    dataset, source_format = _dataset(path)
    layer_name = _pick_layer(path, dataset, layer)
    try:
        frame = gpd.read_file(dataset, layer=layer_name, engine="pyogrio")
    except Exception as exc:  # GDAL's errors are many and all mean "unreadable"
        raise _fail(path, f"cannot be read as {source_format}: {_first_line(exc)}") from None
    if len(frame) == 0:
        raise _fail(path, "the layer has no features")
    crs_assumed = frame.crs is None
    if crs_assumed:
        minx, miny, maxx, maxy = frame.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            raise _fail(path, "no coordinate system given and the coordinates are not degrees")
        frame = frame.set_crs(WGS84)
    source_crs = frame.crs.to_string()
    frame = frame.to_crs(WGS84)
    read_count = len(frame)
    invalid = ~frame.geometry.is_valid & frame.geometry.notna()
    repaired = int(invalid.sum())
    geoms = [
        shapely.make_valid(g) if bad else g for g, bad in zip(frame.geometry, invalid, strict=True)
    ]
    geoms = [_polygonal(g) for g in geoms]
    keep = [g is not None for g in geoms]
    dropped_non_polygon = keep.count(False)
    if not any(keep):
        kinds = sorted({str(t) for t in frame.geometry.geom_type.dropna().unique()}) or ["none"]
        raise _fail(path, f"has no polygons (geometry types found: {', '.join(kinds)})")
    names_col = _column(frame, NAME_COLUMNS)
    ids_col = _column(frame, ID_COLUMNS)
    level_hint = _level_hint(frame)
    rows = []
    inside_points = [
        shapely.point_on_surface(g) if ok else None for g, ok in zip(geoms, keep, strict=True)
    ]
    polygon_points = [p for p in inside_points if p is not None]
    near = _near_syria(syria)
    in_syria = sum(bool(near.contains(p)) for p in polygon_points)
    if in_syria * 2 < len(polygon_points):
        minx, miny, maxx, maxy = frame.total_bounds
        raise _fail(
            path,
            f"not a layer of Syria: {len(polygon_points) - in_syria} of {len(polygon_points)} polygons "
            f"lie outside it (layer bounds {minx:.2f},{miny:.2f} to {maxx:.2f},{maxy:.2f})",
        )
    keep_zone = shapely.buffer(syria, KEEP_DEG)
    shapely.prepare(keep_zone)
    dropped_outside = 0
    for i, (geom, point) in enumerate(zip(geoms, inside_points, strict=True)):
        if point is None:
            continue
        if not keep_zone.contains(point):
            dropped_outside += 1
            continue
        name = frame[names_col].iloc[i] if names_col else None
        unit_id = frame[ids_col].iloc[i] if ids_col else None
        rows.append(
            {
                "unit_id": str(unit_id) if unit_id is not None else f"unit-{i}",
                "name": str(name).strip() if name is not None else "",
                "geometry": geom,
            }
        )
    return ReadLayer(
        units=gpd.GeoDataFrame(rows, geometry="geometry", crs=WGS84),
        source_format=source_format,
        layer_name=layer_name,
        source_crs=source_crs,
        crs_assumed=crs_assumed,
        features_read=read_count,
        repaired=repaired,
        dropped_non_polygon=dropped_non_polygon,
        dropped_outside=dropped_outside,
        level_hint=level_hint,
    )


def guess_level(count: int) -> str:
    """Syria has 14 governorates, about 60 districts and about 270 sub-districts."""
    if count <= 20:
        return "adm1"
    if count <= 120:
        return "adm2"
    return "adm3"
