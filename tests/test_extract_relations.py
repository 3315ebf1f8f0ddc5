"""Which relation a sentence gives a link: a negated trigger is not the trigger it contains ("did
not cover" is no "cover", "لا يشمل" no "يشمل"), and a trigger after a list of zones whose own
object follows it governs that object, not the list.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def links(text: str, published: str) -> set[tuple[str | None, str, str]]:
    return {(c.agreement, c.zone, c.relation) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    "text",
    [
        "The south-west ceasefire agreed in Amman in July applied to Deraa, Quneitra and Sweida "
        "and did not cover northern Homs.",
        "اتفاق وقف إطلاق النار في الجنوب الغربي يقتصر على درعا والقنيطرة والسويداء، ولا يشمل "
        "ريف حمص الشمالي.",
    ],
)
def test_a_negated_trigger_after_a_list(text):
    assert links(text, "2017-09-01") == {
        ("southwest_ceasefire_2017", "south", "covers"),
        ("southwest_ceasefire_2017", "north_homs", "excludes"),
    }


def test_a_passive_trigger_right_after_its_zone_still_counts():
    text = "Under the Astana memorandum, Idlib was included and Raqqa was excluded."
    assert links(text, "2017-06-01") == {("astana_memorandum_2017", "idlib", "covers")}


def test_excluded_after_the_zone():
    text = "Under the Sochi deal of September 2018, Eastern Ghouta was excluded."
    assert links(text, "2018-10-01") == {("sochi_2018", "eastern_ghouta", "excludes")}


@pytest.mark.parametrize(
    "text",
    [
        "ولا يسري اتفاق الجنوب على الغوطة الشرقية.",
        "The southwest ceasefire never covered Eastern Ghouta.",
        "The southwest ceasefire does not extend to Eastern Ghouta, a US official said.",
    ],
)
def test_negated_covering_is_excludes(text):
    assert links(text, "2017-09-01") == {("southwest_ceasefire_2017", "eastern_ghouta", "excludes")}


def test_extends_to_covers():
    text = "The truce agreed in Cairo on July 31 extends to Rastan, Talbiseh and Houla."
    assert links(text, "2017-09-01") == {("homs_truce_2017", "north_homs", "covers")}


@pytest.mark.parametrize(
    "text",
    [
        "Eastern Ghouta was covered by both the Astana memorandum and the Cairo truce of July 22.",
        "دخلت الغوطة الشرقية نظرياً تحت مظلتين: مذكرة خفض التصعيد الموقعة في 4 أيار 2017، ثم "
        "اتفاق القاهرة الذي وقعه جيش الإسلام في 22 تموز من العام نفسه.",
    ],
)
def test_a_zone_under_two_agreements_that_both_cover_it(text):
    assert {(a, z) for a, z, _ in links(text, "2018-04-14")} == {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("ghouta_truce_2017", "eastern_ghouta"),
    }


def test_an_agreement_that_does_not_cover_the_zone_keeps_the_nearest_rule():
    text = "Months after the south-west ceasefire, the Astana memorandum covers Eastern Ghouta."
    assert {(a, z) for a, z, _ in links(text, "2017-09-01")} == {
        ("astana_memorandum_2017", "eastern_ghouta")
    }


@pytest.mark.parametrize(
    "text",
    [
        "After the Astana memorandum failed, the Sochi deal set up a buffer zone in Idlib.",
        "The Sochi deal replaced the Astana arrangements in Idlib.",
    ],
)
def test_agreements_not_joined_in_a_list_keep_the_nearest_rule(text):
    assert len(links(text, "2018-10-01")) == 1


def test_a_trigger_governs_the_zone_before_it_across_a_comma():
    text = "Under the Sochi deal, Eastern Ghouta was excluded, while Idlib was covered."
    # ("while" opens a clause of its own: Idlib is not linked to the deal named before it)
    assert links(text, "2018-10-01") == {("sochi_2018", "eastern_ghouta", "excludes")}
