"""``zonewatch extract`` over several files: JSON Lines in the order given, one bad file told by
name while the others are read, and the data folder's imported gazetteer used."""

from __future__ import annotations

import json
from pathlib import Path

from zonewatch.cli.main import main


def _write(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_jsonl_one_object_per_file_in_order(tmp_path: Path, capsysbinary):
    files = [
        _write(tmp_path, "b.txt", "قصفت قوات النظام مدينة دوما في الغوطة الشرقية أمس."),
        _write(tmp_path, "a.txt", "Activists said shelling hit Saraqib in Idlib province."),
        _write(tmp_path, "c.txt", "The talks in Geneva ended without a statement."),
    ]
    data = str(tmp_path / "data")
    assert main(["extract", *files, "--format", "jsonl", "--data", data]) == 0
    lines = capsysbinary.readouterr().out.decode("utf-8").splitlines()
    objects = [json.loads(line) for line in lines]
    assert [o["file"] for o in objects] == files
    assert [o["zones"] for o in objects] == [["eastern_ghouta"], ["idlib"], []]
    assert [o["language"] for o in objects] == ["ar", "en", "en"]


def test_a_bad_file_among_several_is_named_and_the_rest_are_read(tmp_path: Path, capsysbinary):
    good = _write(tmp_path, "good.txt", "Shelling hit Douma on Tuesday.")
    missing = str(tmp_path / "missing.txt")
    data = str(tmp_path / "data")
    assert main(["extract", missing, good, "--format", "jsonl", "--data", data]) == 2
    captured = capsysbinary.readouterr()
    first, second = (json.loads(x) for x in captured.out.decode().splitlines())
    assert first == {"file": missing, "error": f"{missing}: no such file"}
    assert second["file"] == good and second["zones"] == ["eastern_ghouta"]
    assert captured.err.decode().strip() == f"zonewatch: error: {missing}: no such file"


def test_json_of_several_files_is_a_list_and_one_file_stays_an_object(tmp_path, capsysbinary):
    one = _write(tmp_path, "one.txt", "Shelling hit Rastan.")
    two = _write(tmp_path, "two.txt", "Shelling hit Tafas.")
    data = str(tmp_path / "data")
    assert main(["extract", one, "--data", data]) == 0
    single = json.loads(capsysbinary.readouterr().out)
    assert single["zones"] == ["north_homs"] and "file" not in single
    assert main(["extract", one, two, "--data", data]) == 0
    both = json.loads(capsysbinary.readouterr().out)
    assert [(o["file"], o["zones"]) for o in both] == [(one, ["north_homs"]), (two, ["south"])]


def test_the_imported_gazetteer_of_the_data_folder_is_used(tmp_path: Path, capsysbinary):
    gazetteer = tmp_path / "villages.csv"
    # a village the curated gazetteer does not know (facts: name and approximate position)
    gazetteer.write_text("name,name_ar,lat,lon\nKansafra,كنصفرة,35.662,36.492\n", encoding="utf-8")
    article = _write(tmp_path, "a.txt", "Local sources reported shelling on Kansafra.")
    data = str(tmp_path / "data")
    assert main(["extract", article, "--data", data]) == 0
    assert json.loads(capsysbinary.readouterr().out)["zones"] == []
    assert main(["gazetteer", "import", str(gazetteer), "--data", data]) == 0
    capsysbinary.readouterr()
    assert main(["extract", article, "--data", data]) == 0
    found = json.loads(capsysbinary.readouterr().out)
    assert found["zones"] == ["idlib"]
    places = [m for m in found["mentions"] if m["kind"] == "place"]
    assert [(m["id"], m["text"]) for m in places] == [("row-1", "Kansafra")]


def test_ingest_uses_the_gazetteer_of_the_store_folder(tmp_path: Path, capsysbinary):
    from zonewatch.ingest.run import ingest_records
    from zonewatch.store.dataset import Store

    gazetteer = tmp_path / "villages.csv"
    gazetteer.write_text("name,name_ar,lat,lon\nKansafra,كنصفرة,35.662,36.492\n", encoding="utf-8")
    data = tmp_path / "data"
    assert main(["gazetteer", "import", str(gazetteer), "--data", str(data)]) == 0
    store = Store.open(data)
    report = ingest_records(
        store,
        [
            {"text": "Local sources reported shelling on Kansafra this morning."},
            {"text": "أفادت مصادر محلية بتعرض كنصفرة لقصف مدفعي صباح اليوم."},
        ],
    )
    assert report.new == 2
    con = store.connect()
    zones = con.execute("select zones from articles order by text").fetchall()
    assert [z for (z,) in zones] == [["idlib"], ["idlib"]]
    places = con.execute("select id, text from mentions where kind = 'place' order by text")
    assert places.fetchall() == [("row-1", "Kansafra"), ("row-1", "كنصفرة")]
