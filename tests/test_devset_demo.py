"""The bundled demo corpus is well formed and spread over the period the dashboard shows."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date

import assets

KEYS = {"title", "source", "url", "published", "language", "text"}


def _records() -> list[dict]:
    lines = assets.path("demo", "articles.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters)


def test_records_have_the_agreed_keys_and_valid_values():
    records = _records()
    assert len(records) >= 16
    for rec in records:
        assert set(rec) == KEYS, rec.get("title")
        assert rec["title"].strip() and rec["source"].strip() and len(rec["text"].split()) >= 60
        assert rec["url"] is None or rec["url"].startswith("https://example.org/")
        assert rec["language"] in ("ar", "en")
        share = _arabic_share(rec["title"] + rec["text"])
        assert share > 0.8 if rec["language"] == "ar" else share < 0.01, rec["title"]
        date.fromisoformat(rec["published"])


def test_languages_are_balanced_and_titles_unique():
    records = _records()
    languages = Counter(rec["language"] for rec in records)
    assert abs(languages["ar"] - languages["en"]) <= 2
    assert len({rec["title"] for rec in records}) == len(records)


def test_corpus_spans_december_2016_to_march_2020():
    days = sorted(date.fromisoformat(rec["published"]) for rec in _records())
    assert days[0] <= date(2016, 12, 31)
    assert days[-1] >= date(2020, 3, 1)
    # Every year of the period has articles, so the timeline is not empty anywhere.
    assert {d.year for d in days} >= {2016, 2017, 2018, 2020}


def test_one_article_exercises_html_escaping():
    hostile = [
        rec
        for rec in _records()
        if "<script>alert(1)</script>" in rec["text"]
        and "<img src=x onerror=alert(2)>" in rec["text"]
        and "`" in rec["text"]
    ]
    assert len(hostile) == 1
