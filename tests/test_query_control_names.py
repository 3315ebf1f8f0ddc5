"""Registry rows without a gazetteer id still get the corpus events about their place, by name.

The registry links more rows to gazetteer ids over time, so these tests make their own unlinked
rows from real ones (the same row with its id blanked) rather than rely on which rows lack one.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from extract.places import PlaceIndex
from geo import control as registry
from zonewatch.cli.main import main
from zonewatch.store.control_names import PlaceNames, name_keys, same_place

ARTICLES = [
    {
        "title": "Army takes first Ghouta village",
        "published": "2018-02-26",
        "text": "DAMASCUS, Feb 26 - Syrian troops captured the village of Hawsh al-Dawahira on "
        "Sunday, the first day of the ground offensive, a military source said.",
    },
    {
        "title": "Army takes Hazrama",
        "published": "2018-03-05",
        "text": "Syrian troops took the village of Hazrama on Sunday, state media said.",
    },
]


def _unlinked(place_en: str, day: str) -> registry.ControlChange:
    [row] = [c for c in registry.changes() if c.place_en == place_en and c.date == day]
    return replace(row, gazetteer_id="")


def test_spellings_and_the_arabic_article_do_not_hide_a_name():
    assert name_keys("Hawsh ad-Dawahirah") & name_keys("Hawsh al-Dawahira")
    assert name_keys("حوش ضواهرة") == name_keys("حوش الضواهرة")
    assert not name_keys("Hawsh al-Zariqiyah") & name_keys("Hawsh al-Dawahira")
    assert name_keys("Sinjar (Idlib)") == name_keys("Sinjar")
    assert not name_keys("M5 highway") & name_keys("M4 highway")


def test_a_row_without_an_id_matches_by_name_zone_and_distance():
    row = _unlinked("Hawsh al-Dawahira", "2018-02-25")
    names = PlaceNames()
    assert same_place(row, {"place": "hawsh_dawahira", "zone": "eastern_ghouta"}, names)
    assert not same_place(row, {"place": "hawsh_zariqiyah", "zone": "eastern_ghouta"}, names)
    assert not same_place(row, {"place": "hawsh_dawahira", "zone": "idlib"}, names)
    far = replace(row, lat=35.9, lon=36.6)  # the same name 270 km away is a namesake
    assert not same_place(far, {"place": "hawsh_dawahira", "zone": ""}, names)


def test_an_imported_gazetteer_names_a_place_the_shipped_one_lacks():
    [row] = [c for c in registry.changes() if c.place_en == "Qaboun"]
    index = PlaceIndex.from_rows(
        [{"id": "wof:1", "lat": 33.54, "lon": 36.32, "name_en": "Al Qabun", "name_ar": "القابون"}]
    )
    event = {"place": "wof:1", "zone": ""}
    assert not same_place(replace(row, gazetteer_id=""), event, PlaceNames())
    assert same_place(replace(row, gazetteer_id=""), event, PlaceNames(index))


@pytest.fixture
def unlinked_registry(monkeypatch):
    """The shipped registry with the Hawsh al-Dawahira and Hazrama rows' ids blanked."""
    blank = {("Hawsh al-Dawahira", "2018-02-25"), ("Hazrama", "2018-03-04")}
    rows = tuple(
        replace(c, gazetteer_id="") if (c.place_en, c.date) in blank else c
        for c in registry.changes()
    )
    monkeypatch.setattr(registry, "changes", lambda: rows)
    return {c.place_en: c.id for c in rows if (c.place_en, c.date) in blank}


def test_query_control_lists_corpus_events_beside_rows_without_an_id(
    tmp_path, capsys, unlinked_registry
):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", "utf-8")
    data = tmp_path / "data"
    assert main(["ingest", "--no-progress", "--data", str(data), str(src)]) == 0
    capsys.readouterr()
    args = ["--zone", "eastern_ghouta", "--start", "2018-02-20", "--end", "2018-03-10"]
    assert main(["query", "control", "--format", "json", "--data", str(data), *args]) == 0
    report = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in report["registry"]}
    dawahira = by_id[unlinked_registry["Hawsh al-Dawahira"]]
    assert dawahira["gazetteer_id"] is None
    assert [(e["place"], e["date"]) for e in dawahira["corpus"]] == [
        ("hawsh_dawahira", "2018-02-25")
    ]
    # the other village of the same week goes to its own row (also without an id), not here
    hazrama = by_id[unlinked_registry["Hazrama"]]
    assert [e["place"] for e in hazrama["corpus"]] == ["hazrama"]
    others = [r for r in report["registry"] if r is not dawahira]
    assert all(e["place"] != "hawsh_dawahira" for r in others for e in r["corpus"])
    assert report["corpus_only"] == []


def test_an_event_dated_to_a_month_goes_beside_rows_of_that_month():
    from zonewatch.store.control import _event_days, _rows_beside

    arbin = [c for c in registry.changes() if c.place_en == "Arbin"]
    event = {"place": "arbin", "zone": "eastern_ghouta", "published": "2018-04-05"}
    by_day = {**event, "date": "2018-03-01", "date_precision": "day"}
    by_month = {**event, "date": "2018-03-01", "date_precision": "month"}
    assert _rows_beside(by_day, arbin, PlaceNames()) == []  # 1 March: no Arbin row that week
    assert {arbin[k].date for k in _rows_beside(by_month, arbin, PlaceNames())} >= {"2018-03-31"}
    assert _event_days(by_month) == (date(2018, 3, 1), date(2018, 3, 31))
    assert _event_days({"date": "2018-01-01", "date_precision": "year", "published": None}) is None
