"""Wire copy that names the memorandum in its first paragraph and the zones later: "Under the
plan, the zones would be created in ...", "the areas would be ...", "The largest zone will be in
Idlib province. A second zone will cover ...", "the areas where it will apply".

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article

LEAD = (
    "ASTANA, May 4 (Zonewatch Wire) - Russia, Iran and Turkey signed a memorandum on Thursday to "
    'set up "de-escalation zones" in Syria.\n\nThe rebels walked out of the session in protest.'
    "\n\n"
)
ALL_FOUR = {
    ("astana_memorandum_2017", "idlib"),
    ("astana_memorandum_2017", "north_homs"),
    ("astana_memorandum_2017", "eastern_ghouta"),
    ("astana_memorandum_2017", "south"),
}


def links(text: str) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, "2017-05-06").coverage}


@pytest.mark.parametrize(
    "later",
    [
        "Under the plan, the zones would be created in Idlib province, north of Homs city, in "
        "Eastern Ghouta and in southern Syria.",
        "Russian envoy Alexander Lavrentyev said the areas would be Idlib, the north of Homs "
        "province, Eastern Ghouta and parts of Deraa and Quneitra.",
        "The largest zone will be in Idlib province. A second zone will cover the north of Homs "
        "province, a third Eastern Ghouta and a fourth parts of southern Syria.",
    ],
)
def test_the_zones_named_paragraphs_later(later):
    assert links(LEAD + later) == ALL_FOUR


def test_the_areas_where_it_will_apply():
    text = (
        "Russia, Iran and Turkey signed the Astana memorandum on Thursday. Eastern Ghouta and "
        "Idlib are among the areas where it will apply."
    )
    assert links(text) == {
        ("astana_memorandum_2017", "idlib"),
        ("astana_memorandum_2017", "eastern_ghouta"),
    }


def test_a_list_of_zones_far_from_any_agreement_is_no_coverage():
    text = LEAD + (
        "Aid agencies met in Geneva. Donors pledged money. Prices rose. The zones most in need "
        "are Idlib and Eastern Ghouta, officials said."
    )
    assert links(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "أستانا (زون ووتش) - وقعت روسيا وإيران وتركيا يوم الخميس مذكرة لإقامة مناطق لتخفيف "
        "التصعيد في سوريا.\n\nوانسحب وفد المعارضة من الجلسة احتجاجاً.\n\nوبموجب الخطة ستقام "
        "المناطق في محافظة إدلب وشمال حمص والغوطة الشرقية وجنوب سوريا.",
        "وقعت روسيا وإيران وتركيا مذكرة أستانا يوم الخميس. وأكبر هذه المناطق في إدلب، فيما تقع "
        "الثانية في ريف حمص الشمالي، والثالثة في الغوطة الشرقية، والرابعة في الجنوب.",
    ],
)
def test_arabic_wire_zones_named_later(text):
    assert links(text) == ALL_FOUR


@pytest.mark.parametrize(
    "text",
    [
        "Air strikes have continued despite the Astana memorandum. The areas hit hardest were "
        "Idlib and Eastern Ghouta, monitors said.",
        "The Astana memorandum is a year old. Aid agencies said the zones most in need were "
        "Eastern Ghouta and Idlib.",
    ],
)
def test_zones_spoken_of_after_an_agreement_are_not_its_coverage(text):
    assert {(c.agreement, c.zone) for c in extract_article(text, "2018-02-20").coverage} == set()
