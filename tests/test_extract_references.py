"""Generic references to agreements: venues, sponsors, nationwide scope, anaphora, clause breaks.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def agreements(text: str, published: str) -> list[str]:
    return extract_article(text, published).agreements


def links(text: str, published: str) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the venue narrows the candidates; the zone of the sentence picks among them
        (
            "A truce signed in Cairo between Russian officers and rebel factions "
            "covers Eastern Ghouta.",
            "2017-07-25",
            "ghouta_truce_2017",
        ),
        (
            "وأعلنت وزارة الدفاع الروسية أن اتفاقاً جرى توقيعه في القاهرة يشمل ريف حمص الشمالي.",
            "2017-08-02",
            "homs_truce_2017",
        ),
        (
            "The deal reached in the Kazakh capital in May set up four zones.",
            "2017-06-10",
            "astana_memorandum_2017",
        ),
    ],
)
def test_a_venue_names_the_agreement(text, published, expected):
    assert expected in agreements(text, published)


def test_sponsors_named_around_the_head_name_the_agreement():
    text = "أعلنت الخارجية التركية توصل الطرفين إلى تفاهم على وقف لإطلاق النار بضمانة تركية روسية."
    assert agreements(text, "2016-12-29") == ["ceasefire_dec_2016"]


def test_one_sponsor_is_not_enough():
    assert agreements("Russia brokered a deal with the rebels.", "2018-10-01") == []


def test_a_nationwide_ceasefire_states_no_zone_link():
    text = "The nationwide ceasefire began at midnight, and residents of Idlib reported calm."
    assert "ceasefire_dec_2016" in agreements(text, "2016-12-30")
    assert links(text, "2016-12-30") == set()


def test_an_anaphor_prefers_the_agreement_that_covers_the_zone_of_its_sentence():
    text = (
        "The Homs truce took effect on August 3. "
        "A similar truce for Eastern Ghouta had been agreed in Cairo on July 22. "
        "Activists in Rastan said the agreement was holding."
    )
    found = extract_article(text, "2017-08-05")
    last = [m for m in found.mentions if m.kind == "agreement"][-1]
    assert (last.text, last.id) == ("the agreement", "homs_truce_2017")


def test_no_link_across_a_clause_break():
    text = (
        "The Amman memorandum covers Daraa and Quneitra, while talks in Cairo produced truces "
        "for Eastern Ghouta."
    )
    assert links(text, "2017-08-10") == {("southwest_ceasefire_2017", "south")}


@pytest.mark.parametrize("text", ["قصف على ريف دمشق الغربي", "Shelling hit the western Ghouta."])
def test_western_damascus_countryside_is_not_eastern_ghouta(text):
    assert extract_article(text, "2017-07-05").zones == []


def test_a_round_named_with_a_possessive_pronoun():
    text = "بدأ مسار آستانة بجولته الأولى في العاصمة الكازاخية."
    assert agreements(text, "2017-10-16") == ["astana_1"]


@pytest.mark.parametrize(
    "text",
    [
        "Amman said on Friday that the agreement it co-sponsored with Washington and Moscow "
        "last July still held in Deraa.",
        "وأكد الأردن الجمعة أن الاتفاق لا يزال سارياً في درعا والقنيطرة.",
    ],
)
def test_the_day_of_a_report_is_not_the_date_of_the_agreement_it_reports(text):
    """ "said on Friday that the agreement ...": Friday dates the statement; the agreement is
    the south-west ceasefire of July 2017, not an unknown deal of that Friday."""
    found = extract_article(text, "2018-07-07")
    assert found.agreements == ["southwest_ceasefire_2017"]
    assert {(c.agreement, c.zone) for c in found.coverage} == {
        ("southwest_ceasefire_2017", "south")
    }


@pytest.mark.parametrize("verb", ["struck", "hammered out", "clinched", "forged"])
def test_the_sponsors_after_a_verb_of_making_name_the_agreement(verb):
    text = (
        f"Eastern Ghouta, declared a de-escalation area under a deal {verb} by Russia, Iran "
        "and Turkey last year, is under the heaviest shelling of the war."
    )
    found = extract_article(text, "2018-02-20")
    assert {(c.agreement, c.zone) for c in found.coverage} == {
        ("astana_memorandum_2017", "eastern_ghouta")
    }
