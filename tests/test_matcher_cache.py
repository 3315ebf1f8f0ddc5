"""The matcher cache of the data folder: written once an imported gazetteer's lexicon is built,
read back by the next process with the same results, and ignored whenever it does not fit
(other gazetteers, other code or words, a damaged or foreign file); never written in read-only
mode, and a folder that cannot take it is no error.

The gazetteer is written here from facts (names and approximate coordinates of real places)."""

from __future__ import annotations

import pickle
from collections import OrderedDict
from pathlib import Path

import pytest

from extract import extract_article
from extract.lexicon import Lexicon, load_lexicon
from geo.gazetteer_store import state_key
from zonewatch.cli.main import main
from zonewatch.core import matcher_cache
from zonewatch.core.gazetteer import _index, gazetteer_root, place_index

PLACES = [
    ("Kafr Nabl", "كفرنبل", 35.614, 36.561),
    ("Hish", "حيش", 35.548, 36.646),
    ("Tell Mardikh", "تل مرديخ", 35.765, 36.802),
    ("Kafr Batna", "كفر بطنا", 33.514, 36.375),
    ("Al-Hamidiyah", "الحميدية", 35.700, 36.000),
]
TEXTS = [
    "Activists said air strikes hit Kafr Nabl and Hish on Tuesday, inside the Idlib zone.",
    "قالت مصادر محلية إن قصفا استهدف بلدة كفرنبل وقرية حيش وتل مرديخ صباح اليوم.",
    "Residents of Kafr Batna said the Eastern Ghouta truce held overnight.",
]


@pytest.fixture
def data(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.delenv("ZONEWATCH_READONLY", raising=False)
    csv_file = tmp_path / "places.csv"
    lines = ["name,name_ar,lat,lon"] + [f"{en},{ar},{lat},{lon}" for en, ar, lat, lon in PLACES]
    csv_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    folder = tmp_path / "data"
    assert main(["gazetteer", "import", str(csv_file), "--data", str(folder)]) == 0
    _index.cache_clear()
    yield folder
    _index.cache_clear()


def _results(index) -> list[dict]:
    return [extract_article(t, "2017-07-10", gazetteer=index).to_dict() for t in TEXTS]


def test_written_then_read_by_the_next_process_with_the_same_results(data: Path):
    cache = matcher_cache.cache_path(gazetteer_root(data))
    built = place_index(data)
    assert cache.is_file()  # built once, kept for the next process
    _index.cache_clear()  # as in a new process
    restored = place_index(data)
    assert restored is not built
    assert isinstance(restored.lexicon, Lexicon)
    assert load_lexicon(restored) is restored.lexicon  # not built again
    assert _results(restored) == _results(built)
    assert any(r["zones"] == ["idlib"] for r in _results(restored))


def test_ignored_for_other_gazetteers_or_other_code(data: Path, monkeypatch):
    root = gazetteer_root(data)
    place_index(data)
    key = state_key(root)
    assert matcher_cache.load(root, key) is not None
    assert matcher_cache.load(root, key + (("another", 1, "x"),)) is None
    monkeypatch.setattr(matcher_cache, "code_fingerprint", lambda: "other words or code")
    assert matcher_cache.load(root, key) is None


def test_damaged_or_foreign_files_are_ignored(data: Path):
    root = gazetteer_root(data)
    place_index(data)
    key = state_key(root)
    cache = matcher_cache.cache_path(root)
    whole = cache.read_bytes()
    cache.write_bytes(whole[:-10])  # cut short
    assert matcher_cache.load(root, key) is None
    cache.write_bytes(whole[:-1] + bytes([whole[-1] ^ 1]))  # one bit flipped
    assert matcher_cache.load(root, key) is None
    foreign = pickle.dumps((OrderedDict(), {}))  # a class a matcher is not made of
    cache.write_bytes(matcher_cache.MAGIC + matcher_cache._header(key, foreign) + foreign)
    assert matcher_cache.load(root, key) is None
    _index.cache_clear()
    assert _results(place_index(data)) == _results(matcher_cache.load(root, key))  # rebuilt


def test_read_only_mode_and_unwritable_folders_write_nothing(data: Path, monkeypatch):
    root = gazetteer_root(data)
    cache = matcher_cache.cache_path(root)
    monkeypatch.setenv("ZONEWATCH_READONLY", "1")
    index = place_index(data)
    assert not cache.exists()
    monkeypatch.delenv("ZONEWATCH_READONLY")
    cache.parent.parent.joinpath(matcher_cache.CACHE_FOLDER).write_text("not a folder")
    assert matcher_cache.save(root, state_key(root), index) is False
    assert _results(index)  # extraction goes on without a cache


def test_import_and_remove_discard_the_cache(data: Path, tmp_path: Path):
    cache = matcher_cache.cache_path(gazetteer_root(data))
    place_index(data)
    assert cache.is_file()
    more = tmp_path / "more.csv"
    more.write_text("name,name_ar,lat,lon\nSaraqib,سراقب,35.864,36.806\n", encoding="utf-8")
    assert main(["gazetteer", "import", str(more), "--data", str(data)]) == 0
    assert not cache.exists()  # stale: built for the gazetteers before
    _index.cache_clear()
    assert place_index(data) is not None and cache.is_file()
    assert main(["gazetteer", "remove", "more", "--data", str(data)]) == 0
    assert not cache.exists()
