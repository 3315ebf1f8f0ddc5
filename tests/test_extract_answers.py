"""Coverage in question-and-answer explainers: the answer states what the question asks ("What
does the deal cover?" / the zones of the answer), and a bare yes or no settles a question that
names zones ("Does it include Idlib? No." excludes it; "هل يشمل الاتفاق ...؟ لا" too).

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def links(text: str, published: str) -> set[tuple[str | None, str, str]]:
    return {(c.agreement, c.zone, c.relation) for c in extract_article(text, published).coverage}


ASTANA_QA = (
    "Russia, Iran and Turkey signed a memorandum in Astana on Thursday.\n\n"
    "What does the deal cover?\n"
    "Four areas. The largest is Idlib province. The others are the northern Homs countryside "
    "around Rastan, Eastern Ghouta and rebel-held parts of Deraa.\n\n"
    "Who signed it?\n"
    "Only the three guarantors. Residents of Douma were sceptical."
)


def test_the_answer_holds_the_zones_asked_about():
    assert links(ASTANA_QA, "2017-05-05") >= {
        ("astana_memorandum_2017", "idlib", "covers"),
        ("astana_memorandum_2017", "north_homs", "covers"),
        ("astana_memorandum_2017", "eastern_ghouta", "covers"),
        ("astana_memorandum_2017", "south", "covers"),
    }


def test_a_question_without_a_relation_word_asks_nothing_about_coverage():
    """Douma in the answer to "Who signed it?" is no coverage claim of its own."""
    text = (
        "Russia, Iran and Turkey signed a memorandum in Astana on Thursday.\n\n"
        "Who signed it?\nOnly the three guarantors. Residents of Douma were sceptical."
    )
    assert links(text, "2017-05-05") == set()


SOUTHWEST_QA = (
    "A ceasefire agreed by the United States, Russia and Jordan took effect on Sunday in "
    "south-western Syria.\n\n"
    "Where does it apply?\nOfficials have named Deraa, Quneitra and Sweida.\n\n"
    "Does it include Idlib or Eastern Ghouta?\n{answer} The other zones are a matter for Astana."
)


def test_no_excludes_the_zones_the_question_names():
    found = links(SOUTHWEST_QA.format(answer="No."), "2017-07-10")
    assert ("southwest_ceasefire_2017", "idlib", "excludes") in found
    assert ("southwest_ceasefire_2017", "eastern_ghouta", "excludes") in found
    assert ("southwest_ceasefire_2017", "idlib", "covers") not in found


def test_without_a_bare_yes_or_no_the_question_keeps_its_reading():
    found = links(SOUTHWEST_QA.format(answer="Officials would not say."), "2017-07-10")
    assert ("southwest_ceasefire_2017", "idlib", "excludes") not in found


@pytest.mark.parametrize(
    ("answer", "relation"),
    [("لا، فالمفاوضات حول تلك المنطقة لا تزال جارية.", "excludes"), ("نعم.", None)],
)
def test_arabic_yes_and_no(answer, relation):
    text = (
        "أعلنت روسيا التوصل إلى اتفاق في القاهرة حول الغوطة الشرقية. ويشمل الاتفاق الغوطة "
        "الشرقية.\n\nهل يشمل الاتفاق ريف حمص الشمالي أيضاً؟\n" + answer
    )
    found = links(text, "2017-07-23")
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") in found
    excluded = ("ghouta_truce_2017", "north_homs", "excludes") in found
    assert excluded == (relation == "excludes")
    # "yes" would contradict the registry (the Cairo truce of July 22 is Ghouta's): no link
    assert not any(z == "north_homs" and r == "covers" for _, z, r in found)


def test_a_question_about_an_agreement_the_registry_lacks_links_nothing():
    text = (
        "Russia and Turkey announced a new ceasefire in Idlib on Sunday.\n\n"
        "What does the new truce cover?\n"
        "Only the Idlib area. The Sochi memorandum of 2018 remains the reference text."
    )
    assert ("sochi_2018", "idlib", "covers") not in links(text, "2020-01-14")


def test_the_answers_own_relation_words_come_first():
    text = (
        "A ceasefire agreed by the US, Russia and Jordan took effect on Sunday in south-western "
        "Syria.\n\nWhat does it cover?\nDeraa and Quneitra. Eastern Ghouta is not included, "
        "officials said."
    )
    found = links(text, "2017-07-10")
    assert ("southwest_ceasefire_2017", "south", "covers") in found
    assert ("southwest_ceasefire_2017", "eastern_ghouta", "excludes") in found
    assert ("southwest_ceasefire_2017", "eastern_ghouta", "covers") not in found
