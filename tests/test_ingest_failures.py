"""A crash while reading one article is reported by name; the other articles still go in.

The extractor no longer turns a crash into an empty result, so ingest is where one bad article
must be contained: named in the report and on the command line, never stored as "clean"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import extract
from zonewatch.cli.main import main
from zonewatch.ingest import rows
from zonewatch.ingest.run import ingest_paths, ingest_records
from zonewatch.store.dataset import Store

GOOD = "The Astana memorandum on de-escalation covers Idlib province, officials said."


_REAL_EXTRACTOR = extract.extract_article


def _crashing(text, *args, **kwargs):
    """The real extractor, except on the article that makes it crash."""
    if "BOOM" in text:
        raise RuntimeError("simulated extractor bug")
    return _REAL_EXTRACTOR(text, *args, **kwargs)


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(rows, "extract_article", _crashing)
    root = tmp_path / "in"
    root.mkdir()
    (root / "good_1.txt").write_text("Headline\n" + GOOD, encoding="utf-8")
    (root / "bad.txt").write_text("Headline\nBOOM " + GOOD, encoding="utf-8")
    (root / "good_2.txt").write_text("Headline\n" + GOOD.replace("Idlib", "Daraa"), "utf-8")
    return root


class _BrokenAutomaton:
    """Stands for a bug deep inside a reading: the recogniser's automaton fails mid-article.
    (The lexicon's object is the seam, not a module function: the compiled extractor calls its
    own functions directly, so patching one would not reach it.)"""

    def iter(self, text):
        raise ZeroDivisionError("bug")


def test_the_extractor_itself_raises_instead_of_returning_nothing(monkeypatch):
    from extract.lexicon import load_lexicon

    monkeypatch.setattr(load_lexicon(None), "automaton", _BrokenAutomaton())
    with pytest.raises(ZeroDivisionError):
        extract.extract_article(GOOD, "2017-05-06")


def test_ingest_reports_the_failing_article_and_stores_the_others(corpus, tmp_path):
    store = Store.open(tmp_path / "data")
    report = ingest_paths(store, [corpus], workers=0, progress=False)
    assert report.new == 2
    failed = [(where, why) for where, why in report.skipped if "extraction failed" in why]
    assert len(failed) == 1
    assert failed[0][0].endswith("bad.txt")
    assert "simulated extractor bug" in failed[0][1]
    assert len(store.canonical_rows("articles")) == 2


def test_the_command_line_names_the_failing_article(corpus, tmp_path, capsys):
    data = str(tmp_path / "data")
    assert main(["ingest", str(corpus), "--data", data, "--workers", "0", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "new 2" in out
    line = next(x for x in out.splitlines() if x.strip().startswith("skipped "))
    assert "bad.txt" in line and "simulated extractor bug" in line
    assert main(["ingest", str(corpus), "--data", data, "--workers", "0", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert [s["where"].endswith("bad.txt") for s in report["skipped"]] == [True]


def test_a_pasted_article_that_crashes_is_named_by_its_title(monkeypatch, tmp_path):
    monkeypatch.setattr(rows, "extract_article", _crashing)
    store = Store.open(tmp_path / "data")
    records = [
        {"text": "BOOM " + GOOD, "title": "Pasted wire story", "published": "2017-05-06"},
        {"text": GOOD, "title": "Another", "published": "2017-05-06"},
    ]
    report = ingest_records(store, records)
    assert report.new == 1
    assert [where for where, _ in report.skipped] == ["Pasted wire story"]


def test_the_ingest_page_names_a_crashing_article_and_previews_the_others(
    monkeypatch, tmp_path, navigation_only
):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setattr(extract, "extract_article", _crashing)
    monkeypatch.setenv("ZONEWATCH_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=60)
    at.run()
    at.switch_page("pages/ingest.py").run()
    at.file_uploader(key="ing_files").set_value(
        [
            ("bad.txt", ("Headline\nBOOM " + GOOD).encode(), "text/plain"),
            ("good.txt", ("Headline\n" + GOOD).encode(), "text/plain"),
        ]
    )
    at.run()
    at.button(key="ing_extract_files").click().run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value.replace("\\", "") for e in at.error]  # shown as plain (escaped) text
    assert len(errors) == 1 and "bad.txt" in errors[0] and "extraction failed" in errors[0]
    assert len(at.html) == 1  # the good article's highlighted preview
