"""Scraped and cut text: an excerpt cut anywhere, mid-word or mid-date, never crashes the date
grammar, never yields a date outside the text, and never changes the dates of the sentence
that follows it.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article

LEADS = [
    "On Thursday, 13 September 2018, the Turkish army reinforced its posts south of Idlib; two "
    "days later the defence ministers met again, and on the 20th the talks resumed.",
    "وفي الخميس 13 أيلول/سبتمبر 2018 عزز الجيش التركي نقاطه جنوب إدلب، وبعد يومين التقى وزيرا "
    "الدفاع مجددا، ثم استؤنفت المحادثات في العشرين من الشهر نفسه منتصف أيلول.",
    "2018\n17 September: Russia and Turkey agree in Sochi.\n10 October: the withdrawal ends.",
    "وقعت المذكرة في17أيلول2018 بمدينة سوتشي أمس الأربعاء، بحسب ما نقلته وكالات جانفي 2019.",
]
FOLLOW = {
    "en": ("The memorandum was signed in Sochi on 17 September 2018.", "17 September 2018"),
    "ar": ("ووقعت المذكرة في سوتشي في 17 أيلول 2018.", "17 أيلول 2018"),
}


def _cuts(text: str) -> list[str]:
    step = 3
    return [text[i:j] for i in range(0, len(text), step * 7) for j in range(i + 1, len(text), step)]


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("published", [None, "2018-09-20"])
def test_cut_excerpts_never_crash_and_stay_inside_the_text(lead, published):
    for piece in _cuts(lead):
        for d in extract_article(piece, published).to_dict()["dates"]:
            assert 0 <= d["start"] < d["end"] <= len(piece)
            assert piece[d["start"] : d["end"]] == d["text"]
            assert d["date"] is None or 1950 <= int(d["date"][:4]) <= 2049


@pytest.mark.parametrize("lead", LEADS)
@pytest.mark.parametrize("lang", ["en", "ar"])
@pytest.mark.parametrize("sep", ["\n", " ", ". "])
def test_a_cut_sentence_does_not_poison_the_next(lead, lang, sep):
    follow, surface = FOLLOW[lang]
    for piece in _cuts(lead)[::5]:
        text = piece + sep + follow
        found = [
            (d["text"], d["date"])
            for d in extract_article(text, "2018-09-20").to_dict()["dates"]
            if d["start"] > len(piece)
        ]
        assert found == [(surface, "2018-09-17")], repr(piece)
