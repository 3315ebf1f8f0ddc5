"""``zonewatch gazetteer import|list|remove``: the formats analysts download, atomic storage,
zones by point in polygon, one-line errors. The files are written here, from facts (names and
approximate coordinates of real Syrian places); the real Who's On First file is read from
``shared/`` where it exists."""

from __future__ import annotations

import csv
import time
import zipfile
from pathlib import Path

import pytest

from geo.gazetteer_read import ColumnMap, GazetteerFileError, read_gazetteer
from geo.gazetteer_store import gazetteer_dir, import_gazetteer, list_gazetteers
from zonewatch.cli.main import main

WOF = Path(__file__).resolve().parents[2] / "shared" / "data" / "wof-sy" / "syria_places_wof.csv"

#: (geonameid, name, ascii, alternate names, lat, lon, class, code, population)
GEONAMES = [
    ("170592", "Douma", "Douma", "Duma,Dūmā,دوما", 33.5717, 36.4027, "P", "PPLA2", 111864),
    ("166365", "Nawá", "Nawa", "Nawa,Neva,نوى", 32.8886, 36.0425, "P", "PPL", 0),
    (
        "168668",
        "Kafr Lāhā",
        "Kafr Laha",
        "Kafr Laha,كفرلاها,كفر لاها",
        34.8947,
        36.4958,
        "P",
        "PPL",
        0,
    ),
    ("170654", "Damascus", "Damascus", "Dimashq,دمشق", 33.5102, 36.2913, "P", "PPLC", 1569394),
    ("999001", "Jabal al Arba`in", "Jabal al Arba'in", "جبل الأربعين", 35.80, 36.62, "T", "MT", 0),
]


def _geonames_text() -> str:
    lines = []
    for gid, name, ascii_name, alt, lat, lon, cls, code, pop in GEONAMES:
        cols = [gid, name, ascii_name, alt, f"{lat}", f"{lon}", cls, code, "SY", "", "08", "",
                "", "", str(pop), "", "600", "Asia/Damascus", "2024-01-01"]  # fmt: skip
        lines.append("\t".join(cols))
    return "\n".join(lines) + "\n"


def test_geonames_dump_txt_and_zip(tmp_path: Path):
    txt = tmp_path / "SY.txt"
    txt.write_text(_geonames_text(), encoding="utf-8")
    read = read_gazetteer(txt)
    assert read.source_format == "GeoNames dump"
    names = {r.name_en for r in read.rows}
    assert names == {
        "Douma",
        "Nawá",
        "Kafr Lāhā",
        "Damascus",
    }  # the mountain (class T) is not a place
    douma = next(r for r in read.rows if r.name_en == "Douma")
    assert douma.name_ar == "دوما" and "Duma" in douma.alt_en and douma.population == 111864
    kafr = next(r for r in read.rows if r.name_en == "Kafr Lāhā")
    assert set(kafr.alt_ar) | {kafr.name_ar} == {"كفرلاها", "كفر لاها"}
    archive = tmp_path / "SY.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("readme.txt", "GeoNames readme")
        z.writestr("SY.txt", _geonames_text())
    assert [r.id for r in read_gazetteer(archive).rows] == [r.id for r in read.rows]


def test_other_cod_column_spellings_are_recognised(tmp_path: Path):
    path = tmp_path / "pplp.csv"
    path.write_text(
        "ADM4_PCODE,PPLName_EN,PPLName_AR,POINT_Y,POINT_X\nSY120102,Tafas,طفس,32.7385,35.9925\n",
        encoding="utf-8",
    )
    (row,) = read_gazetteer(path).rows
    assert (row.name_en, row.name_ar, row.pcode, row.lat) == ("Tafas", "طفس", "SY120102", 32.7385)


def test_cod_csv_xlsx_and_points_are_recognised(tmp_path: Path):
    header = ["admin1Name_en", "admin4Name_en", "admin4Name_ar", "admin4Pcode", "Lat", "Long"]
    rows = [
        ["Dar'a", "Tafas", "طفس", "SY120102", "32.7385", "35.9925"],
        ["Idleb", "Saraqab", "سراقب", "SY070300", "35.8645", "36.8059"],
    ]
    path = tmp_path / "syr_pplp_cod.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([header, *rows])
    read = read_gazetteer(path)
    assert [(r.name_en, r.name_ar, r.pcode) for r in read.rows] == [
        ("Tafas", "طفس", "SY120102"),
        ("Saraqab", "سراقب", "SY070300"),
    ]
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["This sheet describes the dataset"])
    sheet = book.create_sheet("pplp")
    sheet.append(header)
    for row in rows:
        sheet.append([*row[:4], float(row[4]), float(row[5])])
    xlsx = tmp_path / "syr_pplp_cod.xlsx"
    book.save(xlsx)
    assert [r.pcode for r in read_gazetteer(xlsx).rows] == ["SY120102", "SY070300"]

    import geopandas as gpd
    from shapely.geometry import Point

    frame = gpd.GeoDataFrame(
        {"ADM4_EN": ["Tafas"], "ADM4_AR": ["طفس"], "ADM4_PCODE": ["SY120102"]},
        geometry=[Point(35.9925, 32.7385)],
        crs="EPSG:4326",
    )
    shp = tmp_path / "pplp.shp"
    frame.to_file(shp)
    got = read_gazetteer(shp, ColumnMap(name="ADM4_EN", name_ar="ADM4_AR")).rows
    assert [(r.name_en, r.name_ar, r.pcode, round(r.lat, 3)) for r in got] == [
        ("Tafas", "طفس", "SY120102", 32.739)
    ]


def test_any_csv_with_mapped_columns(tmp_path: Path):
    path = tmp_path / "villages.csv"
    path.write_text("settlement;label;north;east\nHarasta;حرستا;33.558;36.365\n", encoding="utf-8")
    with pytest.raises(GazetteerFileError, match="no name column"):
        read_gazetteer(path)
    with pytest.raises(GazetteerFileError, match="no latitude/longitude"):
        read_gazetteer(path, ColumnMap(name="settlement", name_ar="label"))
    cols = ColumnMap(name="settlement", name_ar="label", lat="north", lon="east")
    read = read_gazetteer(path, cols)
    assert [(r.name_en, r.name_ar, r.lat, r.lon) for r in read.rows] == [
        ("Harasta", "حرستا", 33.558, 36.365)
    ]


def test_import_locates_places_in_zones_and_a_bad_file_changes_nothing(tmp_path: Path):
    txt = tmp_path / "SY.txt"
    txt.write_text(_geonames_text(), encoding="utf-8")
    root = gazetteer_dir(tmp_path / "data")
    stored = import_gazetteer(txt, root)
    by_name = {r["name_en"]: r for r in stored.rows()}
    assert by_name["Douma"]["zone"] == "eastern_ghouta"
    assert by_name["Kafr Lāhā"]["zone"] == "north_homs"
    assert by_name["Damascus"]["zone"] == "" and by_name["Damascus"]["governorate"] == "SY-DI"
    before = (root / "SY" / "places.csv").read_bytes()
    bad = tmp_path / "SY.csv"  # same stored name, unusable content
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(GazetteerFileError):
        import_gazetteer(bad, root, name="SY")
    assert (root / "SY" / "places.csv").read_bytes() == before
    assert [g.name for g in list_gazetteers(root)] == ["SY"]
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_cli_import_list_remove(tmp_path: Path, capsys):
    txt = tmp_path / "SY.txt"
    txt.write_text(_geonames_text(), encoding="utf-8")
    data = str(tmp_path / "data")
    assert main(["gazetteer", "import", str(txt), "--data", data]) == 0
    assert "imported 'SY': 4 places" in capsys.readouterr().out
    assert main(["gazetteer", "list", "--data", data]) == 0
    assert capsys.readouterr().out.startswith("SY\t4 places\t3 in zones")
    assert main(["gazetteer", "import", str(tmp_path / "nope.csv"), "--data", data]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such file" in err and "Traceback" not in err
    assert main(["gazetteer", "remove", "other", "--data", data]) == 2
    assert main(["gazetteer", "remove", "SY", "--data", data]) == 0
    capsys.readouterr()
    assert main(["gazetteer", "list", "--data", data]) == 0
    assert "no gazetteer imported" in capsys.readouterr().out


@pytest.mark.skipif(not WOF.is_file(), reason="shared/data/wof-sy is not there")
def test_who_s_on_first_imports_as_it_is_in_under_ten_seconds(tmp_path: Path, capsys):
    started = time.perf_counter()
    assert main(["gazetteer", "import", str(WOF), "--data", str(tmp_path)]) == 0
    assert time.perf_counter() - started < 10
    out = capsys.readouterr().out
    assert "10600 places (9853 with an Arabic name)" in out
    (stored,) = list_gazetteers(gazetteer_dir(tmp_path))
    zones = stored.meta["zone_counts"]
    assert set(zones) == {"idlib", "north_homs", "eastern_ghouta", "south"}
    assert sum(zones.values()) > 1000
