"""``zonewatch boundaries``: real layers refine the zones; every kind of bad file is refused
with one clear line and leaves the stored state exactly as it was."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point

from geo import boundary_store, importer, layers, lookup
from geo.boundary_read import BoundaryFileError
from geo.gazetteer import places
from zonewatch.cli.main import main

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geoboundaries"
ADM = {n: SHARED / f"geoBoundaries-SYR-ADM{n}_simplified.topojson" for n in (1, 2, 3)}
ATTRIBUTION = "geoBoundaries gbOpen (wmgeolab); source HDX, UNCS and UNOCHA; CC BY 3.0 IGO"


def _need(n):
    if not ADM[n].is_file():
        pytest.skip(f"{ADM[n].name} not available in ../shared")
    return ADM[n]


def _state(data: Path) -> dict[str, str]:
    root = data / "boundaries"
    if not root.exists():
        return {}
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _cli(*args) -> int:
    return main(["boundaries", *[str(a) for a in args]])


def _write_governorates(path: Path, crs: str, driver: str | None = None) -> Path:
    frame = layers.governorates().to_crs(crs)
    frame.to_file(path, driver=driver) if driver else frame.to_file(path)
    return path


@pytest.fixture(scope="module")
def data_with_a_layer(tmp_path_factory):
    """A data folder that already holds one good layer (our governorates as a GeoPackage);
    shared by the bad-file tests, each of which checks that it leaves it unchanged."""
    tmp = tmp_path_factory.mktemp("good")
    gpkg = _write_governorates(tmp / "govs.gpkg", "EPSG:32637", "GPKG")
    assert _cli("import", gpkg, "--data", tmp / "data") == 0
    return tmp / "data"


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    return _bad_files(tmp_path_factory.mktemp("bad"))


def _bad_files(tmp: Path) -> dict[str, Path]:
    full = layers.governorates()
    files = {}
    files["broken_json"] = tmp / "broken.geojson"
    files["broken_json"].write_text('{"type": "FeatureCollection", "features": [', encoding="utf-8")
    text = (
        Path(__file__)
        .resolve()
        .parents[1]
        .joinpath("assets", "geo", "governorates.geojson")
        .read_bytes()
    )
    files["truncated"] = tmp / "truncated.geojson"
    files["truncated"].write_bytes(text[: len(text) // 2])
    outside = full.copy()
    outside["geometry"] = outside.geometry.translate(xoff=20)
    files["outside_syria"] = tmp / "elsewhere.geojson"
    outside.to_file(files["outside_syria"], driver="GeoJSON")
    pts = full.copy()
    pts["geometry"] = [g.representative_point() for g in full.geometry]
    files["points_only"] = tmp / "points.geojson"
    pts.to_file(files["points_only"], driver="GeoJSON")
    files["empty_file"] = tmp / "empty.geojson"
    files["empty_file"].write_bytes(b"")
    files["empty_collection"] = tmp / "nothing.geojson"
    files["empty_collection"].write_text(
        '{"type": "FeatureCollection", "features": []}', encoding="utf-8"
    )
    files["zip_without_shapefile"] = tmp / "docs.zip"
    with zipfile.ZipFile(files["zip_without_shapefile"], "w") as archive:
        archive.writestr("readme.txt", "no shapes here")
    files["not_a_zip"] = tmp / "fake.zip"
    files["not_a_zip"].write_bytes(b"PK but not really")
    files["unknown_extension"] = tmp / "layer.kml"
    files["unknown_extension"].write_text("<kml/>", encoding="utf-8")
    files["json_not_geojson"] = tmp / "config.json"
    files["json_not_geojson"].write_text('{"hello": "world"}', encoding="utf-8")
    files["binary_as_gpkg"] = tmp / "junk.gpkg"
    files["binary_as_gpkg"].write_bytes(bytes(range(256)) * 4)
    files["missing"] = tmp / "does-not-exist.geojson"
    return files


EXPECTED = {
    "broken_json": "broken or truncated JSON",
    "truncated": "broken or truncated JSON",
    "outside_syria": "not a layer of Syria",
    "points_only": "has no polygons",
    "empty_file": "the file is empty",
    "empty_collection": "no features",
    "zip_without_shapefile": "holds no shapefile",
    "not_a_zip": "not a valid zip",
    "unknown_extension": "unknown file type '.kml'",
    "json_not_geojson": "neither GeoJSON nor TopoJSON",
    "binary_as_gpkg": "cannot be read",
    "missing": "no such file",
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_bad_file_gives_one_clear_line_exit_2_and_changes_nothing(
    kind, data_with_a_layer, bad_files, capsys
):
    bad = bad_files[kind]
    before = _state(data_with_a_layer)
    zones_before = layers.zones(data_with_a_layer / "boundaries")
    capsys.readouterr()
    assert _cli("import", bad, "--data", data_with_a_layer) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("zonewatch: error: ") and "\n" not in err
    assert EXPECTED[kind] in err and bad.name in err
    assert "Traceback" not in err
    assert _state(data_with_a_layer) == before
    after = layers.zones(data_with_a_layer / "boundaries")
    assert list(after.area_km2) == list(zones_before.area_km2)


def test_a_failure_while_writing_leaves_the_previous_layer_in_place(tmp_path, monkeypatch):
    gpkg = _write_governorates(tmp_path / "govs.gpkg", "EPSG:4326", "GPKG")
    boundaries = tmp_path / "data" / "boundaries"
    importer.import_boundaries(gpkg, boundaries, name="govs")
    before = _state(tmp_path / "data")

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("geopandas.GeoDataFrame.to_parquet", explode)
    with pytest.raises(OSError):
        importer.import_boundaries(gpkg, boundaries, name="govs")
    assert _state(tmp_path / "data") == before
    assert not [p for p in boundaries.iterdir() if p.name.startswith(".")]


def test_formats_and_crs_are_read_and_the_level_is_guessed(tmp_path):
    boundaries = tmp_path / "data" / "boundaries"
    shp_dir = tmp_path / "shp"
    shp_dir.mkdir()
    _write_governorates(shp_dir / "govs.shp", "EPSG:3857")
    zipped = tmp_path / "govs_shp.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for part in shp_dir.iterdir():
            archive.write(part, part.name)
    gpkg = _write_governorates(tmp_path / "govs_utm.gpkg", "EPSG:32637", "GPKG")
    for path in (zipped, gpkg, shp_dir / "govs.shp"):
        result = importer.import_boundaries(path, boundaries, name=path.stem)
        assert result.stored.meta["level"] == "adm1" and "guessed" in result.level_how
        assert result.stored.meta["feature_count"] == 14
        units = result.stored.units()
        assert units.crs.to_epsg() == 4326
        damascus = units[units.name == "Damascus"].geometry.iloc[0]
        assert damascus.covers(Point(36.29, 33.51))  # reprojected back to lon/lat
    assert {lay.name for lay in boundary_store.list_layers(boundaries)} == {
        "govs_shp",
        "govs_utm",
        "govs",
    }


def test_real_adm3_layer_refines_zones_around_all_member_places(tmp_path, capsys):
    adm3 = _need(3)
    data = tmp_path / "data"
    assert _cli("import", adm3, "--data", data, "--attribution", ATTRIBUTION) == 0
    out = capsys.readouterr().out
    assert "272 polygons" in out and "level adm3" in out and "repaired 1 invalid" in out
    boundaries = data / "boundaries"
    refined = layers.zones(boundaries).set_index("id")
    approx = layers.zones().set_index("id")
    for place in (p for p in places() if p.member):
        top = (
            refined.loc[place.zone]
            if refined.loc[place.zone].parent is None
            else refined.loc[refined.loc[place.zone].parent]
        )
        assert top.geometry.covers(Point(place.lon, place.lat)), place.id
    for zone_id in ("idlib", "north_homs", "eastern_ghouta", "south"):
        row = refined.loc[zone_id]
        assert not row.approximate and row.attribution == ATTRIBUTION
        assert row.area_km2 != approx.loc[zone_id].area_km2
        assert lookup.zone_area_km2(zone_id, boundaries) == row.area_km2
    for zone_id in ("sochi_dmz", "m4_corridor"):
        row = refined.loc[zone_id]
        assert row.approximate and ATTRIBUTION in row.attribution
        parent = refined.loc["idlib"].geometry
        assert shapely.difference(row.geometry, parent).area < 1e-7
    web = layers.web_geojson(boundaries)
    assert all(
        not f["properties"]["approximate"]
        for f in web["zones"]["features"]
        if f["properties"]["parent"] is None
    )
    assert len(json.dumps(web, ensure_ascii=False).encode()) < 300 * 1024


def test_list_remove_and_the_finest_layer_wins(tmp_path, capsys):
    adm1, adm2 = _need(1), _need(2)
    data = tmp_path / "data"
    assert _cli("import", adm1, "--data", data) == 0
    boundaries = data / "boundaries"
    zones = layers.zones(boundaries).set_index("id")
    assert not zones.loc["south"].approximate  # governorates refine the governorate zone ...
    assert zones.loc["idlib"].approximate  # ... but are too coarse for town-based zones
    assert _cli("import", adm2, "--data", data, "--name", "districts") == 0
    assert not layers.zones(boundaries).set_index("id").loc["idlib"].approximate
    capsys.readouterr()
    assert _cli("list", "--data", data) == 0
    listing = capsys.readouterr().out
    assert (
        "* districts\tadm2\t61 units" in listing and "geoBoundaries-SYR-ADM1_simplified" in listing
    )
    assert _cli("remove", "districts", "--data", data) == 0
    assert [lay.name for lay in boundary_store.list_layers(boundaries)] == [
        "geoBoundaries-SYR-ADM1_simplified"
    ]
    assert layers.zones(boundaries).set_index("id").loc["idlib"].approximate
    capsys.readouterr()
    assert _cli("remove", "districts", "--data", data) == 2
    assert "no boundary layer named 'districts'" in capsys.readouterr().err


def test_level_given_must_be_known(tmp_path):
    gpkg = _write_governorates(tmp_path / "g.gpkg", "EPSG:4326", "GPKG")
    with pytest.raises(BoundaryFileError):
        importer.import_boundaries(gpkg, tmp_path / "b", level="adm9")
    assert not (tmp_path / "b").exists()
