"""Reading rules found on long Arabic analyses that compare three or more agreements (think-tank
papers and opinion pages, ``realistic3/ar_analysis_*``). One test of our own sentences per rule;
none of them is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from extract import extract_article
from tests.reading import relations


def pairs(text: str, published: str | None = "2018-06-01") -> set[tuple[str | None, str]]:
    return {
        (c["agreement"], c["zone"])
        for c in extract_article(text, published).to_dict()["coverage"]
        if c["agreement"]
    }


def test_a_zone_in_a_relative_clause_belongs_to_the_agreement_the_clause_is_about():
    # the memorandum's clause lists the zones; the deal named right after them is another topic
    text = (
        "وعلى خلاف مذكرة أستانا الموقعة في أيار 2017، التي ضمت ريف حمص الشمالي وإدلب، "
        "جاء اتفاق الجنوب الغربي برعاية أمريكية."
    )
    found = pairs(text)
    assert ("astana_memorandum_2017", "north_homs") in found
    assert ("astana_memorandum_2017", "idlib") in found
    assert ("southwest_ceasefire_2017", "north_homs") not in found
    assert ("southwest_ceasefire_2017", "idlib") not in found


def test_a_zone_whose_own_relative_clause_names_the_agreement_takes_that_agreement():
    text = (
        "وتبقى درعا، الخاضعة لاتفاق أمريكي روسي أردني، وإدلب، التي رسمت الجولة السادسة "
        "من محادثات أستانا حدودها في أيلول 2017، خارج سيطرة الحكومة."
    )
    found = pairs(text, "2017-10-01")
    assert ("astana_6", "idlib") in found
    assert ("southwest_ceasefire_2017", "idlib") not in found


def test_a_relative_clause_that_ended_before_the_next_agreement_gives_it_no_zone():
    text = (
        "The Homs deal follows a truce for Eastern Ghouta, the enclave east of Damascus, that "
        "was signed in Cairo on July 22, and the southwest ceasefire agreed in Amman."
    )
    assert ("southwest_ceasefire_2017", "eastern_ghouta") not in pairs(text, "2017-08-04")


def test_a_zone_in_a_comparison_phrase_is_not_covered_by_the_agreement_outside_it():
    text = (
        "وقالت المصادر إن أنقرة، بخلاف الأردن في الجنوب، أرسلت تعزيزات إلى نقاطها المنتشرة "
        "بموجب تفاهمات الجولة السادسة من أستانا."
    )
    assert ("astana_6", "south") not in pairs(text, "2018-10-01")
    text = (
        "ويقول الباحثون إن روسيا، كما حدث في الغوطة، ستضغط على الفصائل رغم اتفاق سوتشي "
        "الذي يشمل إدلب."
    )
    found = pairs(text, "2018-10-01")
    assert ("sochi_2018", "eastern_ghouta") not in found
    assert ("sochi_2018", "idlib") in found


def test_an_agreement_in_a_comparison_phrase_does_not_cover_the_zone_of_the_main_clause():
    text = "وعلى غرار ما حدث في الأشهر الأولى لهدنة ريف حمص، تراجعت الغارات على دوما."
    assert ("homs_truce_2017", "eastern_ghouta") not in pairs(text, "2017-09-01")


def test_a_comparison_phrase_keeps_the_relative_clause_of_its_own_agreement():
    text = (
        "وبخلاف مذكرة أستانا، التي شملت إدلب وريف حمص الشمالي، اقتصرت بنود اتفاق سوتشي "
        "على منطقة منزوعة السلاح."
    )
    found = pairs(text, "2018-10-01")
    assert ("astana_memorandum_2017", "idlib") in found
    assert ("astana_memorandum_2017", "north_homs") in found


def test_limited_to_without_its_subject_covers_the_zone_for_the_agreement_named_before():
    text = (
        "ووقعت روسيا وتركيا في سوتشي مذكرة لتثبيت الاستقرار في أيلول 2018. "
        "واقتصرت على ريف حماة الشمالي وريف إدلب الجنوبي."
    )
    assert ("sochi_2018", "idlib") in pairs(text, "2018-11-01")


def days(text: str, published: str | None = "2017-09-20") -> list[str | None]:
    found = extract_article(text, published).to_dict()["dates"]
    return [d["date"] for d in found if d["precision"] == "day"]


def test_two_ordinal_days_joined_without_a_dual_prefix_are_two_days():
    assert days("عقدت الجولة في الثالث والرابع من آب.") == ["2017-08-03", "2017-08-04"]
    text = "بدأت المحادثات في تموز 2017، وعقدت جولتان في الثالث والعشرين والثلاثين من الشهر نفسه."
    assert days(text) == ["2017-07-23", "2017-07-30"]


def test_a_compound_ordinal_is_one_day_not_two():
    assert days("وقع الاتفاق في الخامس والعشرين من آب.") == ["2017-08-25"]
    assert days("حل الفريق في المركز الرابع والأخير.") == []


def test_a_dual_in_construct_names_two_agreements():
    text = "وشمل اتفاقا القاهرة، الموقعان برعاية مصرية، الغوطة الشرقية وريف حمص الشمالي."
    found = extract_article(text, "2017-09-01").to_dict()
    assert {"ghouta_truce_2017", "homs_truce_2017"} <= set(found["agreements"])
    assert ("homs_truce_2017", "north_homs") in pairs(text, "2017-09-01")


def test_a_zone_pronoun_with_the_verb_include_is_the_zone_named_before():
    text = (
        "استعادت القوات الحكومية ريف حمص الشمالي في أيار 2018. وكانت مذكرة أستانا "
        "قد ضمتها في أيار 2017 إلى مناطق خفض التصعيد."
    )
    assert ("astana_memorandum_2017", "north_homs") in pairs(text, "2018-06-01")


def test_a_masculine_zone_pronoun_refers_to_a_masculine_zone_name():
    text = (
        "استعادت القوات الحكومية ريف حمص الشمالي في أيار 2018. وكانت مذكرة أستانا قد شملته "
        "في أيار 2017 بوقف لإطلاق النار."
    )
    assert ("astana_memorandum_2017", "north_homs") in pairs(text, "2018-06-01")


def test_a_pronoun_in_a_relative_clause_about_common_areas_is_no_zone():
    text = (
        "وتخضع إدلب اليوم لاتفاق سوتشي. أما المناطق التي شملتها هدنة القاهرة فقد عادت "
        "إلى سيطرة الحكومة."
    )
    assert ("ghouta_truce_2017", "idlib") not in pairs(text, "2019-01-10")
    assert ("homs_truce_2017", "idlib") not in pairs(text, "2019-01-10")


def test_a_relative_clause_in_a_comparison_states_what_the_compared_agreement_covers():
    text = (
        "وعلى غرار ما جرى بعد مذكرة أستانا، التي شملت ريف حمص الشمالي، يتعهد الضامنون "
        "اليوم بوقف القتال."
    )
    assert ("astana_memorandum_2017", "north_homs") in pairs(text, "2018-01-10")


def test_a_carried_list_retaken_under_local_deals_still_belongs_to_the_agreement_before():
    text = (
        "لم يبق من مناطق مذكرة أستانا سوى إدلب، ويكتفي الاتفاق الجديد بتجميد الجبهات. "
        "فالمناطق الثلاث الأخرى، أي الغوطة الشرقية وريف حمص الشمالي ودرعا، استعادتها "
        "الحكومة عبر اتفاقات تسوية."
    )
    found = pairs(text, "2020-03-12")
    assert ("astana_memorandum_2017", "eastern_ghouta") in found
    assert ("astana_memorandum_2017", "south") in found


def test_boundaries_put_off_or_not_drawn_are_no_delineation():
    text = (
        "وأنشأت مذكرة أستانا أربع مناطق لخفض التصعيد، لكنها تركت رسم حدودها لاجتماعات "
        "لاحقة، ومنها منطقة إدلب."
    )
    assert ("astana_memorandum_2017", "idlib", "delineates") not in relations(text, "2017-06-01")
    text = "وفي إدلب، رسمت الجولة السادسة من محادثات أستانا حدودها في أيلول 2017."
    assert ("astana_6", "idlib", "delineates") in relations(text, "2017-10-01")
