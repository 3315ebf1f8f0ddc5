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
from zonewatch.ingest.run import ingest_paths
from zonewatch.store.dataset import Store

GOOD = "The Astana memorandum on de-escalation covers Idlib province, officials said."


def _crashing(text, *args, **kwargs):
    """The real extractor, except on the article that makes it crash."""
    if "BOOM" in text:
        raise RuntimeError("simulated extractor bug")
    return extract.extract_article(text, *args, **kwargs)


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setattr(rows, "extract_article", _crashing)
    root = tmp_path / "in"
    root.mkdir()
    (root / "good_1.txt").write_text("Headline\n" + GOOD, encoding="utf-8")
    (root / "bad.txt").write_text("Headline\nBOOM " + GOOD, encoding="utf-8")
    (root / "good_2.txt").write_text("Headline\n" + GOOD.replace("Idlib", "Daraa"), "utf-8")
    return root


def test_the_extractor_itself_raises_instead_of_returning_nothing(monkeypatch):
    import extract.article as article

    def broken(*args):
        raise ZeroDivisionError("bug")

    monkeypatch.setattr(article, "_extract", broken)
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
