"""A pronoun that stands for a zone, with the verb that says it is covered ("it was included in",
"it was covered in addition by", "كما شملها اتفاق", "كما تقع ضمن"): the zone named before it,
linked to the agreement after it; and a date that belongs to an agreement named before a head is
not that head's date.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def links(text: str, published: str) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    ("text", "published", "link"),
    [
        (
            "Idlib remains the exception. It was included in the May memorandum, but nothing "
            "has been done there to give effect to it.",
            "2017-08-10",
            ("astana_memorandum_2017", "idlib"),
        ),
        (
            "Eastern Ghouta was one of four de-escalation zones set up under the memorandum "
            "signed in Astana last May, and it was covered in addition by a truce that Russian "
            "officers and Jaish al-Islam signed in Cairo on July 22.",
            "2018-02-27",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        (
            "الغوطة الشرقية إحدى مناطق خفض التصعيد التي أنشئت بموجب مذكرة أستانا الموقعة في 4 "
            "أيار 2017، كما شملها اتفاق وقعته وزارة الدفاع الروسية مع فصائل معارضة في القاهرة "
            "في 22 تموز من العام نفسه.",
            "2018-03-24",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        (
            "• تقع معظم البلدات المتضررة داخل منطقة خفض التصعيد في إدلب.\n"
            "• كما تقع ضمن المنطقة التي أنشئت بموجب مذكرة أستانا في 4 أيار 2017.",
            "2019-05-10",
            ("astana_memorandum_2017", "idlib"),
        ),
    ],
)
def test_the_pronoun_is_the_zone_named_before(text, published, link):
    assert link in links(text, published)


def test_both_agreements_keep_their_own_link():
    text = (
        "Eastern Ghouta was one of four de-escalation zones set up under the memorandum signed "
        "in Astana last May, and it was covered in addition by a truce that Russian officers "
        "and Jaish al-Islam signed in Cairo on July 22."
    )
    assert links(text, "2018-02-27") == {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("ghouta_truce_2017", "eastern_ghouta"),
    }


@pytest.mark.parametrize(
    "text",
    [
        # two zones before the pronoun: it is not clear which
        "Idlib and Eastern Ghouta were shelled. It was included in the May memorandum.",
        # no zone before it at all
        "It was included in the May memorandum, officials said of the plan.",
    ],
)
def test_no_zone_when_the_pronoun_is_unclear(text):
    assert links(text, "2017-08-10") == set()


def test_a_date_of_the_name_before_is_not_the_heads():
    """Read as the head's own date, 4 May made "اتفاق ... في القاهرة" the Astana memorandum."""
    text = (
        "وتقع الغوطة ضمن مذكرة أستانا الموقعة في 4 أيار 2017، كما شملها اتفاق وقعته وزارة "
        "الدفاع الروسية مع فصائل معارضة في القاهرة."
    )
    assert "ghouta_truce_2017" in extract_article(text, "2017-08-10").agreements


def test_both_areas_gathers_the_zones_of_the_bullets_before():
    text = (
        "- Northern rural Homs: a cessation of hostilities entered into force on 3 August.\n"
        "- Eastern Ghouta: calm in Douma since 22 July. Clashes continue in Jobar.\n"
        "- Both areas are among the four de-escalation areas named in the memorandum signed in "
        "Astana on 4 May."
    )
    found = links(text, "2017-08-04")
    assert ("astana_memorandum_2017", "eastern_ghouta") in found
    assert ("astana_memorandum_2017", "north_homs") in found


def test_both_areas_needs_two_zones_near_it():
    text = (
        "Eastern Ghouta was calm. Aid waited at the checkpoint. Convoys were stopped. Prices "
        "rose. Both areas are among the four de-escalation areas named in the memorandum."
    )
    assert links(text, "2017-08-04") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Sochi memorandum of 17 September 2018 is the reference text for Idlib. The "
            "south, Eastern Ghouta and the northern Homs countryside had been retaken by then "
            "and were left out of it.",
            {
                ("sochi_2018", "idlib"),
                ("sochi_2018", "south"),
                ("sochi_2018", "eastern_ghouta"),
                ("sochi_2018", "north_homs"),
            },
        ),
        (
            "Russia, the US and Jordan agreed the south-west ceasefire in Amman. It covers "
            "Deraa, Quneitra and Sweida.",
            {("southwest_ceasefire_2017", "south")},
        ),
    ],
)
def test_zones_related_to_it_belong_to_the_agreement_named_before(text, expected):
    assert links(text, "2018-10-01") == expected


def test_it_needs_an_agreement_just_before():
    text = (
        "The Sochi memorandum was signed in 2018. Aid agencies were not consulted. Talks went "
        "on for weeks. Nobody knew when the next round would be. Eastern Ghouta was left out of "
        "it."
    )
    assert ("sochi_2018", "eastern_ghouta") not in links(text, "2018-10-01")


def test_an_arabic_pronoun_of_apposition_after_another_agreement():
    text = (
        "الغوطة الشرقية مشمولة باتفاق القاهرة لخفض التصعيد الموقع في تموز الماضي، كما أنها إحدى "
        "المناطق الأربع في مذكرة أستانا."
    )
    assert links(text, "2018-02-25") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "eastern_ghouta"),
    }


def test_the_area_refers_back_to_the_zone_named_before():
    text = (
        "The last fighters left the pocket north of Homs city on Monday under a surrender "
        "deal. The area had been under a Cairo-brokered truce since August."
    )
    found = extract_article(text, "2018-05-08")
    assert ("homs_truce_2017", "north_homs") in {(c.agreement, c.zone) for c in found.coverage}
