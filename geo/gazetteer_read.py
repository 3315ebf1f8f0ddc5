"""Read a populated-places file an analyst downloaded into one table of named points.

Three families are accepted, as they come: the GeoNames country dump (``SY.txt`` or ``SY.zip``,
tab-separated, no header, ``alternatenames`` comma-separated), OCHA COD populated places (CSV,
XLSX or a point layer: shapefile, zipped shapefile, GeoPackage, GeoJSON, with P-codes and English
and Arabic name columns) and any CSV with a name, an Arabic name and coordinates. Column names
that are common are recognised; others are mapped by the caller (``ColumnMap``).

Names are data here: they are split by script and kept as written, never normalised or
interpreted (that is ``extract``'s business). Every way a file can be unusable ends in one
``GazetteerFileError`` with a one-line reason, before anything is stored.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, fields
from pathlib import Path

#: GeoNames dump columns (https://download.geonames.org/export/dump/readme.txt).
GEONAMES_COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature_class", "feature_code", "country_code", "cc2", "admin1", "admin2", "admin3",
    "admin4", "population", "elevation", "dem", "timezone", "modification_date",
)  # fmt: skip
#: Recognised column names, best first (compared case-insensitively, spaces and dots as "_").
NAME_EN = (
    "name_en", "name", "english_name", "name_english", "featurename_en", "pplname_en",
    "ppl_en", "ppl_name_en", "adm4_en", "admin4name_en", "admin4_name_en", "loc_name_en",
    "place_en", "place_name", "placename", "village", "town", "locality", "asciiname",
)  # fmt: skip
NAME_AR = (
    "name_ar", "arabic_name", "name_arabic", "arabic", "featurename_ar", "pplname_ar", "ppl_ar",
    "ppl_name_ar", "adm4_ar", "admin4name_ar", "admin4_name_ar", "loc_name_ar", "place_ar",
    "name_ara",
)  # fmt: skip
LAT = ("lat", "latitude", "lat_y", "y", "point_y")
LON = ("lon", "lng", "long", "longitude", "lon_x", "x", "point_x")
POPULATION = ("population", "pop", "population_2004", "pop_2004")
ADM2 = ("gb_adm2", "admin2name_en", "adm2_en", "wof_admin2_en", "district", "district_en")
ADM2_AR = ("admin2name_ar", "adm2_ar", "wof_admin2_ar", "district_ar")
FEATURE = ("feature_code", "featurecode", "fcode", "placetype", "type")
ID = ("wof_id", "geonames_id", "geonameid", "id", "fid", "objectid")
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")
_MAX_ERRORS_SHOWN = 1


class GazetteerFileError(ValueError):
    """The file cannot be read as a gazetteer: one line, safe to show to the user."""


@dataclass(frozen=True)
class ColumnMap:
    """Columns named by the user (None: recognise them)."""

    name: str | None = None
    name_ar: str | None = None
    lat: str | None = None
    lon: str | None = None
    alt: str | None = None
    alt_ar: str | None = None
    id: str | None = None
    pcode: str | None = None


@dataclass(frozen=True)
class PlaceRow:
    """One named point as read (names as written, WGS84 degrees)."""

    id: str
    name_en: str
    name_ar: str
    alt_en: tuple[str, ...]
    alt_ar: tuple[str, ...]
    lat: float
    lon: float
    population: int
    feature: str
    adm2: str
    adm2_ar: str
    pcode: str


PLACE_FIELDS = tuple(f.name for f in fields(PlaceRow))


@dataclass(frozen=True)
class ReadGazetteer:
    rows: tuple[PlaceRow, ...]
    source_format: str
    skipped: int  # rows without a name or usable coordinates


def _key(column: str) -> str:
    return re.sub(r"[\s.\-]+", "_", column.strip().lower())


def _pick(columns: list[str], wanted: str | None, candidates: tuple[str, ...], path: Path) -> str:
    """The column for ``wanted`` (the user's choice) or the first recognised candidate ('')."""
    by_key = {_key(c): c for c in columns}
    if wanted:
        if wanted in columns:
            return wanted
        if _key(wanted) in by_key:
            return by_key[_key(wanted)]
        raise GazetteerFileError(
            f"{path.name}: no column {wanted!r} (columns: {', '.join(columns[:20])})"
        )
    found = next((by_key[c] for c in candidates if c in by_key), "")
    if not found and candidates in (NAME_EN, NAME_AR):
        # other COD spellings of a name column: "...name..._en" / "...name..._ar"
        ending = "_en" if candidates is NAME_EN else "_ar"
        found = next((c for k, c in by_key.items() if "name" in k and k.endswith(ending)), "")
    return found


def _pcode_column(columns: list[str]) -> str:
    """The finest P-code column (admin4 over admin3 ..., a plain ``pcode`` last)."""
    found = [c for c in columns if "pcode" in _key(c) or _key(c) == "p_code"]
    if not found:
        return ""
    digits = [(max((int(d) for d in re.findall(r"\d", _key(c))), default=9), c) for c in found]
    return max(digits)[1]


def _alt_columns(columns: list[str], alt: str | None, alt_ar: str | None) -> list[str]:
    if alt or alt_ar:
        return [c for c in (alt, alt_ar) if c]
    return [
        c
        for c in columns
        if _key(c).startswith(("alt_name", "alternatename", "alternate_name", "alternative_name"))
    ]


def _split_names(values: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Alternate names split into Latin-script and Arabic-script ones (others dropped)."""
    latin: dict[str, None] = {}
    arabic: dict[str, None] = {}
    for value in values:
        for part in re.split(r"[|;,]", value or ""):
            name = part.strip()
            if not name or len(name) > 80:
                continue
            if _ARABIC.search(name):
                arabic[name] = None
            elif _LATIN.search(name) and name.isprintable():
                latin[name] = None
    return tuple(latin), tuple(arabic)


def _number(value: object) -> float | None:
    try:
        number = float(str(value).strip().replace(",", "."))
    except (TypeError, ValueError):
        return None
    return number if number == number else None  # NaN is not a coordinate


def _population(value: object) -> int:
    number = _number(value)
    return int(number) if number and number > 0 else 0


def rows_from_records(
    records: list[dict], columns: list[str], path: Path, cols: ColumnMap, source_format: str
) -> ReadGazetteer:
    """Recognise the columns of a table and turn its records into place rows."""
    name = _pick(columns, cols.name, NAME_EN, path)
    name_ar = _pick(columns, cols.name_ar, NAME_AR, path)
    lat = _pick(columns, cols.lat, LAT, path)
    lon = _pick(columns, cols.lon, LON, path)
    if not (name or name_ar):
        raise GazetteerFileError(
            f"{path.name}: no name column recognised (columns: {', '.join(columns[:20])}); "
            "name it with --name-col or --name-ar-col"
        )
    if not (lat and lon):
        raise GazetteerFileError(
            f"{path.name}: no latitude/longitude columns recognised "
            f"(columns: {', '.join(columns[:20])}); name them with --lat-col and --lon-col"
        )
    pcode = cols.pcode or _pcode_column(columns)
    ident = _pick(columns, cols.id, ID, path) or pcode
    alts = _alt_columns(columns, cols.alt, cols.alt_ar)
    extra = {
        "population": _pick(columns, None, POPULATION, path),
        "adm2": _pick(columns, None, ADM2, path),
        "adm2_ar": _pick(columns, None, ADM2_AR, path),
        "feature": _pick(columns, None, FEATURE, path),
    }
    rows: list[PlaceRow] = []
    skipped = 0
    for i, rec in enumerate(records):
        y, x = _number(rec.get(lat)), _number(rec.get(lon))
        en = str(rec.get(name) or "").strip() if name else ""
        ar = str(rec.get(name_ar) or "").strip() if name_ar else ""
        if y is None or x is None or not (-90 <= y <= 90 and -180 <= x <= 180) or not (en or ar):
            skipped += 1
            continue
        alt_en, alt_ar = _split_names([str(rec.get(c) or "") for c in alts])
        if en and _ARABIC.search(en) and not ar:  # a single name column written in Arabic
            en, ar = "", en
        rows.append(
            PlaceRow(
                id=(str(rec.get(ident) or "").strip() if ident else "") or f"row-{i + 1}",
                name_en=en,
                name_ar=ar,
                alt_en=tuple(a for a in alt_en if a != en),
                alt_ar=tuple(a for a in alt_ar if a != ar),
                lat=y,
                lon=x,
                population=_population(rec.get(extra["population"])) if extra["population"] else 0,
                feature=str(rec.get(extra["feature"]) or "") if extra["feature"] else "",
                adm2=str(rec.get(extra["adm2"]) or "") if extra["adm2"] else "",
                adm2_ar=str(rec.get(extra["adm2_ar"]) or "") if extra["adm2_ar"] else "",
                pcode=str(rec.get(pcode) or "") if pcode else "",
            )
        )
    if not rows:
        raise GazetteerFileError(f"{path.name}: no row has a name and coordinates")
    return ReadGazetteer(tuple(rows), source_format, skipped)


def _geonames(text: str, path: Path) -> ReadGazetteer:
    """The GeoNames dump: populated places (feature class P) only."""
    rows: list[PlaceRow] = []
    skipped = 0
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) != len(GEONAMES_COLUMNS):
            skipped += 1
            continue
        rec = dict(zip(GEONAMES_COLUMNS, parts, strict=True))
        if rec["feature_class"] != "P":
            continue
        y, x = _number(rec["latitude"]), _number(rec["longitude"])
        if y is None or x is None:
            skipped += 1
            continue
        alt_en, alt_ar = _split_names([rec["alternatenames"].replace(",", "|")])
        rows.append(
            PlaceRow(
                id=f"geonames:{rec['geonameid']}",
                name_en=rec["name"],
                name_ar=alt_ar[0] if alt_ar else "",
                alt_en=tuple(a for a in (rec["asciiname"], *alt_en) if a != rec["name"]),
                alt_ar=alt_ar[1:],
                lat=y,
                lon=x,
                population=_population(rec["population"]),
                feature=rec["feature_code"],
                adm2="",
                adm2_ar="",
                pcode="",
            )
        )
    if not rows:
        raise GazetteerFileError(f"{path.name}: no populated place (feature class P) in the file")
    return ReadGazetteer(tuple(rows), "GeoNames dump", skipped)


def _looks_geonames(text: str) -> bool:
    first = text.split("\n", 1)[0].split("\t")
    return len(first) == len(GEONAMES_COLUMNS) and first[0].isdigit()


def _csv(text: str, path: Path, cols: ColumnMap) -> ReadGazetteer:
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    columns = [c for c in (reader.fieldnames or []) if c is not None]
    if not columns:
        raise GazetteerFileError(f"{path.name}: the file is empty")
    records = list(reader)
    return rows_from_records(records, columns, path, cols, "CSV")


def _decode(data: bytes, path: Path) -> str:
    for encoding in ("utf-8-sig", "cp1256"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise GazetteerFileError(f"{path.name}: not a text file in UTF-8 or Windows Arabic")


def read_gazetteer(path: Path, cols: ColumnMap | None = None) -> ReadGazetteer:
    """Read any accepted gazetteer file (see the module docstring)."""
    cols = cols or ColumnMap()
    if not path.is_file():
        raise GazetteerFileError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from geo.gazetteer_sheet import read_xlsx

        return read_xlsx(path, cols)
    if suffix in (".shp", ".gpkg", ".geojson", ".json"):
        from geo.gazetteer_sheet import read_points

        return read_points(path, cols)
    if suffix == ".zip":
        return _zip(path, cols)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GazetteerFileError(f"{path}: {exc.strerror or exc}") from None
    text = _decode(data, path)
    if _looks_geonames(text):
        return _geonames(text, path)
    return _csv(text, path, cols)


def _zip(path: Path, cols: ColumnMap) -> ReadGazetteer:
    """A zipped GeoNames dump (``SY.zip``), CSV or shapefile."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]
            if any(n.lower().endswith(".shp") for n in names):
                from geo.gazetteer_sheet import read_points

                return read_points(path, cols)
            texts = [n for n in names if n.lower().endswith((".txt", ".csv", ".tsv"))]
            texts = [n for n in texts if "readme" not in n.lower()]
            if not texts:
                raise GazetteerFileError(f"{path.name}: no .txt, .csv or .shp inside the archive")
            text = _decode(
                archive.read(max(texts, key=lambda n: archive.getinfo(n).file_size)), path
            )
    except zipfile.BadZipFile:
        raise GazetteerFileError(f"{path.name}: not a readable zip archive") from None
    if _looks_geonames(text):
        return _geonames(text, path)
    return _csv(text, path, cols)
