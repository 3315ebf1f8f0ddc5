"""Gazetteer files that are not plain text: Excel workbooks and point layers (OCHA COD).

Kept apart from ``geo.gazetteer_read`` so that reading a CSV or a GeoNames dump never imports
openpyxl or geopandas.
"""

from __future__ import annotations

from pathlib import Path

from geo.gazetteer_read import ColumnMap, GazetteerFileError, ReadGazetteer, rows_from_records


def read_xlsx(path: Path, cols: ColumnMap) -> ReadGazetteer:
    """The first sheet whose header row has recognisable columns (COD workbooks often start
    with a notes sheet)."""
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - declared in pyproject
        raise GazetteerFileError("reading .xlsx needs openpyxl (pip install openpyxl)") from None
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise GazetteerFileError(
            f"{path.name}: cannot be read as XLSX ({type(exc).__name__})"
        ) from None
    last_error: GazetteerFileError | None = None
    for sheet in book.worksheets:
        rows = sheet.iter_rows(values_only=True)
        header = next(rows, None)
        if not header:
            continue
        columns = [str(c).strip() if c is not None else f"column{i}" for i, c in enumerate(header)]
        records = [dict(zip(columns, r, strict=False)) for r in rows]
        try:
            read = rows_from_records(records, columns, path, cols, "XLSX")
        except GazetteerFileError as exc:
            last_error = exc
            continue
        book.close()
        return read
    book.close()
    raise last_error or GazetteerFileError(f"{path.name}: the workbook has no sheet with data")


def read_points(path: Path, cols: ColumnMap) -> ReadGazetteer:
    """A point layer (shapefile, zipped shapefile, GeoPackage, GeoJSON), reprojected to WGS84."""
    import geopandas as gpd

    from geo.crs import WGS84

    target = f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)
    try:
        frame = gpd.read_file(target, engine="pyogrio")
    except Exception as exc:  # GDAL's errors are many and all mean "unreadable"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise GazetteerFileError(f"{path.name}: cannot be read as a point layer: {first}") from None
    if len(frame) == 0:
        raise GazetteerFileError(f"{path.name}: the layer has no features")
    if frame.crs is None:
        frame = frame.set_crs(WGS84)
    frame = frame.to_crs(WGS84)
    kinds = set(frame.geometry.geom_type.dropna())
    if not kinds <= {"Point", "MultiPoint"}:
        raise GazetteerFileError(
            f"{path.name}: not a point layer (geometry types: {', '.join(sorted(kinds))})"
        )
    points = frame.geometry.representative_point()
    columns = [c for c in frame.columns if c != frame.geometry.name]
    records = frame[columns].to_dict("records")
    for rec, point in zip(records, points, strict=True):
        rec["__lat"], rec["__lon"] = point.y, point.x
    picked = ColumnMap(**{**cols.__dict__, "lat": cols.lat or "__lat", "lon": cols.lon or "__lon"})
    return rows_from_records(records, [*columns, "__lat", "__lon"], path, picked, "point layer")
