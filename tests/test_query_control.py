"""``zonewatch query control``: registry changes in date order with sources, corpus events beside."""

from __future__ import annotations

import json
import shutil

import pytest

from zonewatch.cli.main import main

ARTICLES = [
    {
        "title": "Syrian army takes Hamouriyah",
        "published": "2018-03-15",
        "text": "DAMASCUS, March 15 - Syrian government forces captured the town of Hamouriyah "
        "in Eastern Ghouta on Thursday after Faylaq al-Rahman fighters withdrew.",
    },
    {
        "title": "Khan Sheikhoun",
        "published": "2019-08-21",
        "text": "Syrian government forces took control of Khan Sheikhoun on Wednesday.",
    },
]


@pytest.fixture
def store_dir(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", "utf-8")
    data = tmp_path / "data"
    assert main(["ingest", "--no-progress", "--data", str(data), str(src)]) == 0
    return data


def _query(capsys, *args: str) -> dict:
    capsys.readouterr()
    assert main(["query", "control", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_eastern_ghouta_window_lists_registry_in_date_order_with_corpus_beside(store_dir, capsys):
    report = _query(
        capsys,
        "--zone",
        "eastern_ghouta",
        "--start",
        "2018-02-01",
        "--end",
        "2018-04-30",
        "--data",
        str(store_dir),
    )
    rows = report["registry"]
    assert rows and all(r["zone"] == "eastern_ghouta" for r in rows)
    days = [r["date"] for r in rows]
    assert days == sorted(days) and days[0] >= "2018-02-01" and days[-1] <= "2018-04-30"
    assert all(r["sources"] and r["sources"][0].startswith("http") for r in rows)
    [hamouriyah] = [r for r in rows if r["gazetteer_id"] == "hamouriyah"]
    [event] = hamouriyah["corpus"]
    assert event["title"] == "Syrian army takes Hamouriyah" and event["article_id"]
    assert "captured the town of Hamouriyah" in event["evidence"]
    assert (event["event"], event["to"], event["date"]) == ("captured", "government", "2018-03-15")
    # the Idlib article is outside the zone and the window
    assert report["corpus_only"] == []


def test_text_format_and_user_errors(store_dir, capsys):
    assert (
        main(
            [
                "query",
                "control",
                "--zone",
                "idlib",
                "--start",
                "2019-08-01",
                "--end",
                "2019-08-31",
                "--data",
                str(store_dir),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "Khan Shaykhun" in out and "corpus: 2019-08-21 khan_shaykhun captured" in out
    for bad in (
        ["--zone", "nowhere"],
        ["--start", "2018-13-01"],
        ["--start", "2018-05-01", "--end", "2018-04-01"],
    ):
        assert main(["query", "control", "--data", str(store_dir), *bad]) == 2
        assert "error" in capsys.readouterr().err


def test_a_store_written_before_the_control_table_stays_readable(store_dir, capsys):
    shutil.rmtree(store_dir / "control")  # what a store from before control events looks like
    report = _query(capsys, "--zone", "eastern_ghouta", "--data", str(store_dir))
    assert report["registry"] and all(r["corpus"] == [] for r in report["registry"])
