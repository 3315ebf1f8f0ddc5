"""The one-page briefing and its files: content against the store's queries, escaping of article
text, right-to-left Arabic, spreadsheet-safe CSV, the command line and the dashboard page."""

from __future__ import annotations

import base64
import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from zonewatch.cli.main import main
from zonewatch.core.registry import load_registry
from zonewatch.exports import brief, evidence_csv, geojson
from zonewatch.exports.brief_page import BRIEF_FILES, brief_page
from zonewatch.exports.facts import Selection
from zonewatch.store import queries
from zonewatch.store.dataset import Store, article_id

APP = Path(__file__).resolve().parents[1] / "app.py"
HOSTILE = "<script>alert(1)</script> and <img src=x onerror=alert(2)>"
EN_SENTENCE = f"The Cairo truce of 22 July 2017 covers Eastern Ghouta, rebels said {HOSTILE}."
AR_SENTENCE = "وقالت المعارضة إن هدنة الغوطة الشرقية الموقعة في القاهرة ما زالت صامدة."


def _article(
    text: str, title: str, published: date, language: str, agreement: str, zone: str, day: date
):
    aid = article_id(text)
    article = {
        "article_id": aid, "title": title, "url": None, "source": "Zonewatch test wire",
        "published": published, "language": language, "text": text, "path": None,
        "zones": [zone], "agreements": [agreement], "ingested_at": None, "schema_version": 1,
    }  # fmt: skip
    claim = {
        "article_id": aid, "agreement": agreement, "agreement_text": None, "zone": zone,
        "relation": "covers", "date": day, "date_precision": "day", "sentence": 0,
        "evidence": text, "start": 0, "end": len(text),
    }  # fmt: skip
    return article, claim


@pytest.fixture
def hand(tmp_path, commit_rows) -> Store:
    """Two articles we wrote, one English carrying markup and a formula-like title, one Arabic."""
    rows = [
        _article(EN_SENTENCE, "=HYPERLINK(\"http://example.invalid\")", date(2017, 7, 25), "en",
                 "ghouta_truce_2017", "eastern_ghouta", date(2017, 7, 22)),
        _article(AR_SENTENCE, "هدنة الغوطة", date(2017, 7, 30), "ar",
                 "ghouta_truce_2017", "eastern_ghouta", date(2017, 7, 29)),
    ]  # fmt: skip
    store = Store.open(tmp_path / "data")
    commit_rows(store, [a for a, _ in rows], claims=[c for _, c in rows])
    return store


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    """One briefing of the demo store for 1 August 2017, written by the command line."""
    from zonewatch.ingest.demo import ensure_demo

    root = tmp_path_factory.mktemp("demo")
    store = Store.open(root / "data")
    ensure_demo(store)
    out = root / "brief"
    assert (
        main(["brief", "--date", "2017-08-01", "--out", str(out), "--data", str(store.root)]) == 0
    )
    return store, out


def test_brief_writes_every_file_and_they_open(written):
    store, out = written
    names = {p.name for p in out.iterdir()}
    assert names == set(BRIEF_FILES.values())
    for name in ("map.png", "timeline.png"):
        with Image.open(out / name) as image:
            assert image.format == "PNG" and min(image.size) > 300
    assert (out / "zones.geojson").read_text("utf-8").lstrip().startswith("{")
    rows = list(csv.DictReader(io.StringIO((out / "evidence.csv").read_text("utf-8"))))
    assert len(rows) == len(queries.evidence(store))
    assert set(evidence_csv.EVIDENCE_COLUMNS) <= set(rows[0])


def test_brief_page_embeds_both_figures_and_links_the_files(written):
    _, out = written
    page = (out / "brief.html").read_text("utf-8")
    images = re.findall(r'<img alt="([^"]+)" src="data:image/png;base64,([^"]+)">', page)
    assert len(images) == 2
    for _, data in images:
        Image.open(io.BytesIO(base64.b64decode(data))).verify()
    for name in ("map.png", "timeline.png", "zones.geojson", "evidence.csv", "map.html"):
        assert f'href="{name}"' in page
    assert not re.search(r"<(script|link)\b", page)  # a document, nothing to load or run
    assert "approximate" in page and 'dir="rtl"' in page


def test_brief_table_lists_the_agreements_in_force_on_the_date(written):
    store, out = written
    page = (out / "brief.html").read_text("utf-8")
    table = page.split("<table>", 1)[1].split("</table>", 1)[0]
    coverage = queries.coverage_at(store, "2017-08-01")
    live = coverage[
        (coverage["origin"] == "registry") & coverage["status"].isin(["in_force", "agreed"])
    ]
    registry = load_registry()
    assert table.count("<tr><td>") == len(live)
    for row in live.itertuples():
        assert registry.agreements[row.agreement].name_en in table
    ended_then = coverage[(coverage["origin"] == "registry") & (coverage["status"] == "none")]
    for agreement in set(ended_then["agreement"]) - set(live["agreement"]):
        assert registry.agreements[agreement].name_en not in table


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


def test_evidence_is_escaped_and_arabic_is_right_to_left(hand):
    # The figures are tested elsewhere; here only the page's own text matters.
    page = brief_page(hand, Selection(date(2017, 8, 1)), map_png=_png(), timeline_png=_png())
    assert "<script>alert(1)" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    quote = re.search(r'<blockquote dir="rtl" lang="ar">([^<]+)</blockquote>', page)
    assert quote and quote.group(1) == AR_SENTENCE
    assert re.search(r'<blockquote dir="ltr" lang="en">The Cairo truce', page)
    assert "=HYPERLINK" in page and "&quot;http://example.invalid&quot;" in page  # title, escaped


def test_evidence_csv_defuses_formulas_and_keeps_the_text(hand):
    rows = list(
        csv.DictReader(io.StringIO(evidence_csv.evidence_csv(hand, Selection(date(2017, 8, 1)))))
    )
    by_language = {r["language"]: r for r in rows}
    assert by_language["en"]["title"] == '\'=HYPERLINK("http://example.invalid")'
    assert by_language["en"]["evidence"] == EN_SENTENCE  # data stays as written; CSV is not HTML
    assert by_language["ar"]["evidence"] == AR_SENTENCE
    assert [r["published"] for r in rows] == ["2017-07-30", "2017-07-25"]  # newest first


def test_filters_narrow_the_briefing(hand):
    other = Selection(date(2017, 8, 1), zones=("south",))
    assert list(csv.DictReader(io.StringIO(evidence_csv.evidence_csv(hand, other)))) == []
    doc = geojson.zones_geojson(hand, other)
    zones = [f["properties"]["id"] for f in doc["features"] if f["properties"]["layer"] == "zone"]
    assert zones == ["south"]
    assert {f["properties"]["zone"] for f in doc["features"] if "zone" in f["properties"]} <= {
        "south"
    }


def test_zip_holds_the_briefing_folder(written):
    _, out = written
    paths = sorted(out.iterdir())
    data = brief.zip_folder(paths, "zonewatch-brief-2017-08-01")
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == [f"zonewatch-brief-2017-08-01/{p.name}" for p in paths]
        for p in paths:
            assert zf.read(f"zonewatch-brief-2017-08-01/{p.name}") == p.read_bytes()


def test_brief_out_that_is_a_file_is_refused(tmp_path, capsys):
    target = tmp_path / "brief.txt"
    target.write_text("keep me")
    code = main(
        ["brief", "--date", "2017-08-01", "--out", str(target), "--data", str(tmp_path / "d")]
    )
    err = capsys.readouterr().err
    assert code == 2 and "is a file" in err and err.count("\n") == 1
    assert target.read_text() == "keep me"


def test_briefing_page_offers_every_download(hand, monkeypatch, navigation_only):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ZONEWATCH_DATA", str(hand.root))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update({"date": "2017-08-01", "zones": "eastern_ghouta"})
    at.run()
    at.switch_page("pages/briefing.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Briefing"
    buttons = at.get("download_button")
    assert len(buttons) == 9
    labels = " ".join(b.proto.label for b in buttons)
    for what in ("Map (PNG)", "Map (SVG)", "GeoJSON", "Timeline (HTML", "Evidence (CSV)", "ZIP"):
        assert what in labels
    assert len(at.image) == 1  # the map preview; the timeline is the interactive chart
    assert len(at.get("vega_lite_chart")) == 1
