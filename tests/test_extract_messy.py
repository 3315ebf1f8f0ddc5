"""Real pages are messy (issue 9, class 6): navigation, captions, cut and glued words, mixed
scripts. None of it may crash the extractor or change what the sentences around it say."""

from __future__ import annotations

import pytest

from extract import extract_article

CLEAN = [
    "The Astana memorandum covers Idlib province.",
    "وتشمل الهدنة الغوطة الشرقية بموجب اتفاق القاهرة.",
]
JUNK = [
    "Home | World | Middle East | Syr",
    "Photo: AFP / Getty Images",
    "الغوطة الشر",
    "ادلبIdlib إدلبDaraa",
    "theAstana memorandumcovers",
    "»»» اقرأ أيضا: اتفاق سوتشي «««",
    "Share this: Facebook Twitter WhatsApp",
    "٢٠١٧/٥/٤ — 4/5/2017 —",
    "الجيشالسوري يدخل درعاالبلد",
    '[1] ^ "Sochi". Retrieved 2019.',
    "See also: Sochi agreement; Eastern Ghouta; Northern Homs pocket",
    "مدخل حي درعا البلد - صورة خاصة",
    "x" * 5000,
    "و" * 300 + " إدلب " + "ب" * 300,
]


def _said(text: str) -> set[tuple[str | None, str, str]]:
    result = extract_article(text, "2017-07-25")
    return {(c.agreement, c.zone, c.evidence) for c in result.coverage}


@pytest.mark.parametrize("junk", JUNK)
def test_a_line_of_junk_between_two_sentences_changes_nothing_they_say(junk):
    clean = _said("\n".join(CLEAN))
    assert {(a, z) for a, z, _ in clean} == {
        ("astana_memorandum_2017", "idlib"),
        ("ghouta_truce_2017", "eastern_ghouta"),
    }
    assert _said(CLEAN[0] + "\n" + junk + "\n" + CLEAN[1]) == clean


def test_an_agreement_named_in_page_furniture_is_no_antecedent():
    text = (
        "Rebels recalled the Astana memorandum on Saturday.\n"
        "Read more: Sochi agreement\n"
        "The deal had held for a year."
    )
    said = [m.id for m in extract_article(text, "2019-01-05").mentions if m.kind == "agreement"]
    assert said == ["astana_memorandum_2017", "sochi_2018", "astana_memorandum_2017"]


def test_an_excerpt_cut_mid_word_at_either_end_still_reads():
    text = "ation of Eastern Ghouta. The Cairo agreement covers Douma and Harasta. The deal was sig"
    result = extract_article(text, "2017-07-25")
    assert {(c.agreement, c.zone) for c in result.coverage} == {
        ("ghouta_truce_2017", "eastern_ghouta")
    }
    for m in result.mentions:
        assert text[m.start : m.end] == m.text
