"""The training read of the profile-guided build (``setup.py``) reads what it says it reads."""

from __future__ import annotations

import csv

import assets
from extract.places import PlaceIndex
from tests.benchmarks import pgo_training


def test_the_training_reads_every_team_page_and_demo_article():
    articles = pgo_training.texts()
    pages = list((pgo_training.ROOT / "tests" / "devset").rglob("*.txt"))
    demo = assets.path("demo", "articles.jsonl").read_text("utf-8").splitlines()
    assert len(articles) == len(pages) + len([line for line in demo if line.strip()])
    assert any("إدلب" in text for text, _ in articles)
    assert any("Idlib" in text for text, _ in articles)


def test_the_training_gazetteer_is_homonyms_of_the_shipped_towns():
    """Moved north, so that the import's paths (not its duplicate filter) are trained."""
    index = pgo_training.homonyms()
    assert isinstance(index, PlaceIndex)
    with assets.path("gazetteer", "syria_towns.csv").open(encoding="utf-8") as fh:
        towns = {row["id"]: row for row in csv.DictReader(fh)}
    assert len(index.info) == len(towns)
    for pid, place in index.info.items():
        town = towns[pid.removeprefix("training-")]
        assert abs(place.lat - float(town["lat"]) - 0.3) < 1e-9
        assert place.lon == float(town["lon"])
