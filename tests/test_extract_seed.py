"""Acceptance test of issue 2 on the seed article (read from ../shared, never copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extract_article

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def seed() -> tuple[str, dict]:
    files = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    if not files:
        pytest.skip(f"seed article not available in {SEEDS}")
    text = files[0].read_text("utf-8")
    return text, extract_article(text, published="2017-07-05").to_dict()


def test_seed_zones_and_agreements(seed):
    _, result = seed
    assert result["language"] == "ar"
    assert result["published"] == "2017-07-05"
    assert result["zones"] == ["eastern_ghouta", "idlib", "north_homs", "south"]
    assert set(result["agreements"]) >= {
        "astana_memorandum_2017",
        "astana_5",
        "southwest_ceasefire_2017",
        "ceasefire_dec_2016",
    }


def test_seed_coverage_links(seed):
    _, result = seed
    pairs = {(c["agreement"], c["zone"]) for c in result["coverage"]}
    for zone in ("idlib", "north_homs", "eastern_ghouta", "south"):
        assert ("astana_memorandum_2017", zone) in pairs
    assert ("southwest_ceasefire_2017", "south") in pairs
    assert ("astana_5", "north_homs") in pairs
    assert ("astana_5", "eastern_ghouta") in pairs
    # the memorandum's enumeration is dated by "السادس من الشهر نفسه"
    enumerated = [
        c
        for c in result["coverage"]
        if c["agreement"] == "astana_memorandum_2017" and c["zone"] == "idlib"
    ]
    assert any(c["date"] == "2017-05-06" for c in enumerated)


def test_seed_dates(seed):
    _, result = seed
    days = {d["date"] for d in result["dates"] if d["precision"] == "day"}
    assert {"2017-05-04", "2017-05-06", "2017-07-04", "2017-07-05"} <= days
    months = {d["date"] for d in result["dates"] if d["precision"] == "month"}
    assert "2016-12" in months


def test_seed_offsets_slice_the_original(seed):
    text, result = seed
    for m in result["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    for d in result["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]
    for c in result["coverage"]:
        assert text[c["start"] : c["end"]] == c["evidence"]
