"""Registry rows without a gazetteer id still get the corpus events about their place, by name."""

from __future__ import annotations

import json

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


def _row(ident: str) -> registry.ControlChange:
    [row] = [c for c in registry.changes() if c.id == ident]
    return row


def test_spellings_and_the_arabic_article_do_not_hide_a_name():
    assert name_keys("Hawsh ad-Dawahirah") & name_keys("Hawsh al-Dawahira")
    assert name_keys("حوش ضواهرة") == name_keys("حوش الضواهرة")
    assert not name_keys("Hawsh al-Zariqiyah") & name_keys("Hawsh al-Dawahira")
    assert name_keys("Sinjar (Idlib)") == name_keys("Sinjar")


def test_a_row_without_an_id_matches_by_name_and_zone_only():
    row = _row("2018-02-25-hawsh_al_dawahira")
    assert not row.gazetteer_id
    names = PlaceNames()
    event = {"place": "hawsh_dawahira", "zone": "eastern_ghouta"}
    assert same_place(row, event, names)
    assert not same_place(row, {"place": "hawsh_zariqiyah", "zone": "eastern_ghouta"}, names)
    assert not same_place(row, {"place": "hawsh_dawahira", "zone": "idlib"}, names)


def test_an_imported_gazetteer_names_a_place_the_shipped_one_lacks():
    row = _row("2017-05-14-qaboun")
    index = PlaceIndex.from_rows(
        [{"id": "wof:1", "lat": 33.54, "lon": 36.32, "name_en": "Al Qabun", "name_ar": "القابون"}]
    )
    event = {"place": "wof:1", "zone": ""}
    assert not same_place(row, event, PlaceNames())
    assert same_place(row, event, PlaceNames(index))


def test_query_control_lists_corpus_events_beside_rows_without_an_id(tmp_path, capsys):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", "utf-8")
    data = tmp_path / "data"
    assert main(["ingest", "--no-progress", "--data", str(data), str(src)]) == 0
    capsys.readouterr()
    args = ["--zone", "eastern_ghouta", "--start", "2018-02-20", "--end", "2018-03-10"]
    assert main(["query", "control", "--format", "json", "--data", str(data), *args]) == 0
    report = json.loads(capsys.readouterr().out)
    by_id = {r["id"]: r for r in report["registry"]}
    dawahira = by_id["2018-02-25-hawsh_al_dawahira"]
    assert dawahira["gazetteer_id"] is None
    assert [(e["place"], e["date"]) for e in dawahira["corpus"]] == [
        ("hawsh_dawahira", "2018-02-25")
    ]
    # the other village of the same week goes to its own row (also without an id), not here
    assert [e["place"] for e in by_id["2018-03-04-hazrama"]["corpus"]] == ["hazrama"]
    others = [r for r in report["registry"] if r["id"] != "2018-02-25-hawsh_al_dawahira"]
    assert all(e["place"] != "hawsh_dawahira" for r in others for e in r["corpus"])
    assert report["corpus_only"] == []
