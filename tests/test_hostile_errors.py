"""The machine's state and foreign files give one line and exit status 2 (issue 11, item 8).

Black-box through ``python -m zonewatch``: read-only folders, a store manifest that is a folder
or from another tool, a full disk or a file-size limit, hostile boundary files.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_hostile_cli import DAY, assert_ok, assert_one_line_error, ingest, wire, write_jsonl, zw


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a folder and all it holds unwritable, even for root (immutable flag); skip where
    that is impossible."""
    tree = [path, *path.rglob("*")]
    if os.geteuid() != 0:
        for p in tree:
            p.chmod(p.stat().st_mode & ~0o222)
        try:
            yield
        finally:
            for p in tree:
                p.chmod(p.stat().st_mode | 0o200)
        return
    if (
        shutil.which("chattr") is None
        or subprocess.run(["chattr", "-R", "+i", str(path)]).returncode
    ):
        subprocess.run(["chattr", "-R", "-i", str(path)])
        pytest.skip("root without chattr +i: cannot make a read-only folder")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-R", "-i", str(path)], check=True)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small")
    data = root / "data"
    assert_ok(ingest(data, write_jsonl(root / "a.jsonl", [wire(1), wire(2, "Eastern Ghouta")])))
    return data


def _copy(store: Path, tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(store, data)
    return data


def test_ingest_into_read_only_data_folder(small_store: Path, tmp_path: Path) -> None:
    data = _copy(small_store, tmp_path)
    more = write_jsonl(tmp_path / "more.jsonl", [wire(3)])
    with read_only(data):
        assert_one_line_error(ingest(data, more))


@pytest.mark.parametrize(
    "command",
    [
        ("brief", "--date", DAY, "--out", "{out}"),
        ("render", "map", "--date", DAY, "--out", "{out}/m.png"),
        ("render", "map", "--date", DAY, "--out", "{out}/m.html"),
        ("render", "timeline", "--date", DAY, "--out", "{out}/t.html"),
    ],
    ids=["brief", "map-png", "map-html", "timeline-html"],
)
def test_export_into_read_only_folder(small_store: Path, tmp_path: Path, command) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with read_only(out):
        assert_one_line_error(zw(*(p.format(out=out) for p in command), data=small_store))


def test_store_json_that_is_a_folder(small_store: Path, tmp_path: Path) -> None:
    data = _copy(small_store, tmp_path)
    (data / "store.json").unlink()
    (data / "store.json").mkdir()
    assert_one_line_error(zw("stats", data=data))
    assert_one_line_error(ingest(data, write_jsonl(tmp_path / "x.jsonl", [wire(3)])))


@pytest.mark.parametrize(
    "manifest",
    [
        {"format": "someone-elses-parquet", "schema_version": 1},
        {"format": "zonewatch-parquet", "schema_version": "1"},
        {"format": "zonewatch-parquet", "schema_version": 1.5},
        {"format": "zonewatch-parquet", "schema_version": True},
        {"format": "zonewatch-parquet", "schema_version": "one"},
        ["zonewatch-parquet", 1],
    ],
    ids=["unknown-format", "string-version", "float-version", "bool-version", "word", "list"],
)
def test_foreign_store_manifest_is_refused(
    small_store: Path, tmp_path: Path, manifest: object
) -> None:
    data = _copy(small_store, tmp_path)
    (data / "store.json").write_text(json.dumps(manifest), encoding="utf-8")
    assert_one_line_error(zw("stats", data=data))
    assert_one_line_error(ingest(data, write_jsonl(tmp_path / "x.jsonl", [wire(3)])))


def _file_size_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_file_size_limit_during_ingest(tmp_path: Path) -> None:
    records = [wire(i, title="x" * 2000) for i in range(40)]
    path = write_jsonl(tmp_path / "a.jsonl", records)
    result = zw(
        "ingest",
        path,
        "--workers",
        "0",
        "--no-progress",
        data=tmp_path / "data",
        preexec_fn=_file_size_limit(4096),
    )
    assert_one_line_error(result)


def test_file_size_limit_during_brief(small_store: Path, tmp_path: Path) -> None:
    result = zw(
        "brief",
        "--date",
        DAY,
        "--out",
        tmp_path / "brief",
        data=small_store,
        preexec_fn=_file_size_limit(20_000),
    )
    assert_one_line_error(result)
    assert not [p for p in (tmp_path / "brief").glob("*") if p.name.startswith(".")]


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs, where root may mount one; disk full is otherwise not reproducible here."""
    mount = tmp_path / "full"
    mount.mkdir()
    if (
        os.geteuid() != 0
        or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
        ).returncode
    ):
        pytest.skip("cannot mount a small tmpfs (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_disk_full_during_ingest(full_disk: Path, tmp_path: Path) -> None:
    records = [wire(i, title=secrets.token_hex(10_000)) for i in range(300)]  # incompressible
    result = ingest(full_disk / "data", write_jsonl(tmp_path / "a.jsonl", records))
    assert_one_line_error(result)


def test_disk_full_during_brief(small_store: Path, full_disk: Path) -> None:
    assert_one_line_error(
        zw("brief", "--date", DAY, "--out", full_disk / "brief", data=small_store)
    )
    assert not [p for p in (full_disk / "brief").glob(".*")]


# -- boundaries --------------------------------------------------------------------------------


def test_deeply_nested_geojson_boundaries(tmp_path: Path) -> None:
    path = tmp_path / "nested.geojson"
    depth = 100_000
    geometry = '{"type": "Polygon", "coordinates": ' + "[" * depth + "]" * depth + "}"
    path.write_text(
        '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, '
        f'"geometry": {geometry}}}]}}',
        encoding="utf-8",
    )
    assert_one_line_error(zw("boundaries", "import", path, data=tmp_path / "data"))


def test_truncated_shapefile_is_refused(tmp_path: Path) -> None:
    import geopandas as gpd
    from shapely.geometry import box

    # Four districts around Idlib, written as a shapefile whose .shp is then cut short.
    cells = [
        box(36.0 + dx * 0.5, 35.5 + dy * 0.5, 36.5 + dx * 0.5, 36.0 + dy * 0.5)
        for dx in range(2)
        for dy in range(2)
    ]
    names = [f"District {i}" for i in range(len(cells))]
    frame = gpd.GeoDataFrame({"ADM2_EN": names}, geometry=cells, crs="EPSG:4326")
    shp = tmp_path / "districts.shp"
    frame.to_file(shp)
    data = shp.read_bytes()
    shp.write_bytes(data[: len(data) - 60])
    result = zw("boundaries", "import", shp, "--level", "adm2", data=tmp_path / "data")
    assert_one_line_error(result)
    listing = zw("boundaries", "list", data=tmp_path / "data")
    assert "districts" not in listing.stdout


@pytest.mark.parametrize("day", ["0001-01-01", "2262-04-12", "9999-12-31"])
def test_typed_day_out_of_range_gets_one_line(small_store: Path, tmp_path: Path, day: str) -> None:
    assert_one_line_error(zw("render", "timeline", "--date", day, "--out", tmp_path / "t.png"))
    assert_one_line_error(zw("extract", "--published", day, "-", input="Idlib, on Tuesday."))


def test_timeline_on_a_day_far_from_the_corpus_is_a_normal_image(
    small_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "t.svg"
    assert_ok(zw("render", "timeline", "--date", "1900-01-01", "--out", out, data=small_store))
    width = int(out.read_text("utf-8").split('width="', 1)[1].split('"', 1)[0])
    assert width < 3000, width
