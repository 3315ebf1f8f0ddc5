"""The gazetteer files the extractor and the map read: format, ids, zones, coordinates, sources."""

from __future__ import annotations

import csv
import json

import assets
from geo.build_gazetteer import PLACE_COLUMNS, TOWN_COLUMNS

TOP = {"idlib", "north_homs", "eastern_ghouta", "south"}


def _rows(name: str) -> tuple[list[str], list[dict]]:
    with assets.path("gazetteer", name).open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def test_places_format():
    columns, rows = _rows("places.csv")
    assert columns == PLACE_COLUMNS
    zones = {
        z["id"]
        for z in json.loads(assets.path("registry", "zones.json").read_text("utf-8"))["zones"]
    }
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert r["id"].isascii() and r["id"] == r["id"].lower()
        assert r["zone"] == "" or r["zone"] in zones, r
        assert r["kind"] in {"town", "district", "region", "road"}, r
        assert r["member"] in {"0", "1"}
        assert r["source"].startswith(("geonames:", "hand:")), r
        assert r["name_en"] and r["name_ar"]
        lat, lon = float(r["lat"]), float(r["lon"])
        if r["zone"]:
            assert 32.0 < lat < 36.8 and 35.5 < lon < 37.5, r  # zone places lie in western Syria


def test_every_zone_has_member_towns_and_hard_negatives_exist():
    _, rows = _rows("places.csv")
    members = {r["zone"] for r in rows if r["member"] == "1"}
    assert members >= TOP
    negatives = {r["id"] for r in rows if not r["zone"]}
    assert {"daraya", "al_waer", "homs_city", "amman", "oman"} <= negatives


def test_syria_towns_format_and_no_overlap_with_places():
    columns, towns = _rows("syria_towns.csv")
    assert columns == TOWN_COLUMNS
    _, places = _rows("places.csv")
    curated = {r["source"].split(":")[1] for r in places if r["source"].startswith("geonames:")}
    assert len(towns) > 100
    assert not curated & {t["geonameid"] for t in towns}


def test_sources_note_exists():
    text = assets.path("gazetteer", "SOURCES.md").read_text("utf-8")
    assert "CC BY 4.0" in text and "GeoNames" in text
