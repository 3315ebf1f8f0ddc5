"""Reading rules found on the third realistic set (Arabic pages in the ways real outlets write:
state and Turkish wires, pan-Arab papers, opposition and ministry statements, encyclopaedia
copies). One test of our own sentences per rule; none of them is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article
from tests.reading import relations


def _read(text: str, published: str | None) -> dict:
    return extract_article(text, published).to_dict()


def days(text: str, published: str | None = "2018-03-10") -> list[str | None]:
    return [d["date"] for d in _read(text, published)["dates"] if d["precision"] == "day"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the ninth of it": the day of the month just named
        ("أعلنت الهدنة في 2 شباط الماضي، وانهارت في التاسع منه.", ["2018-02-02", "2018-02-09"]),
        ("بدأ الهجوم في الأول من آذار الجاري، وتوقف في الخامس منه.", ["2018-03-01", "2018-03-05"]),
        # an ordinal "of it" after a noun is a part, not a day
        ("صدر التقرير في 3 آذار، وهذا هو الجزء الثاني منه.", ["2018-03-03"]),
    ],
)
def test_an_ordinal_day_of_it_is_a_day_of_the_month_just_named(text, expected):
    assert days(text) == expected


def agreements(text: str, published: str | None = "2018-09-17") -> list[str | None]:
    return _read(text, published)["agreements"]


def test_a_bare_city_before_the_head_with_a_word_between_is_a_party_not_a_venue():
    text = "وفي قمة طهران، لم يلق مقترح أنقرة إعلان وقف لإطلاق النار في المحافظة قبولاً."
    assert "ceasefire_dec_2016" not in agreements(text)


def test_a_located_venue_before_the_head_still_says_where():
    text = "وفي القاهرة وقعت وزارة الدفاع الروسية اتفاقاً لوقف القتال في الغوطة الشرقية."
    assert agreements(text, "2017-07-23") == ["ghouta_truce_2017"]


def unknown_count(text: str, published: str | None) -> int:
    mentions = _read(text, published)["mentions"]
    return sum(1 for m in mentions if m["kind"] == "agreement" and m["id"] is None)


def test_a_new_deal_at_a_known_venue_on_another_day_is_an_unknown_agreement():
    text = "توصل الرئيسان، مساء أمس الثلاثاء في منتجع سوتشي، إلى مذكرة تفاهم حول شرق الفرات."
    assert agreements(text, "2019-10-23") == []
    assert unknown_count(text, "2019-10-23") == 1


def test_the_same_venue_on_the_agreements_own_day_is_still_that_agreement():
    text = (
        "اتفق الرئيسان اليوم الاثنين في سوتشي على مذكرة تفاهم لإقامة منطقة منزوعة السلاح في إدلب."
    )
    assert agreements(text, "2018-09-17") == ["sochi_2018"]


def test_two_parties_that_did_not_sign_the_venues_agreement_make_an_unknown_one():
    text = "وجاء ذلك بعد اتفاق تركي أمريكي في أنقرة قضى بتعليق العملية العسكرية."
    assert "ceasefire_dec_2016" not in agreements(text, "2019-10-23")
    assert unknown_count(text, "2019-10-23") == 1


def test_a_date_alone_does_not_name_an_agreement_of_another_zone():
    text = (
        "أعلن فصيل معارض في الغوطة الشرقية موافقته على وقف القتال، "
        "بموجب اتفاق وقعه ممثلون عنه في جنيف منتصف آب."
    )
    assert agreements(text, "2017-08-19") == []
    assert unknown_count(text, "2017-08-19") >= 1


def test_a_chronology_line_before_an_agreement_existed_does_not_name_it_by_its_venue():
    text = (
        "2017\n\n- 22 كانون الأول/ديسمبر: انتهت الجولة الثامنة من أستانا، "
        "مع الاتفاق على عقد مؤتمر للحوار في سوتشي.\n"
    )
    assert "sochi_2018" not in agreements(text, None)
    later = "2018\n\n- 17 أيلول/سبتمبر: وقع الرئيسان الاتفاق في سوتشي لإقامة منطقة منزوعة السلاح.\n"
    assert "sochi_2018" in agreements(later, None)


@pytest.mark.parametrize(
    "title",
    [
        "مذكرة تفاهم حول استقرار الوضع في منطقة خفض التصعيد بإدلب",
        "مذكرة التفاهم بشأن تثبيت الاستقرار في منطقة خفض التصعيد في إدلب",
    ],
)
def test_an_official_title_is_read_with_or_without_of_understanding_and_on(title):
    text = f"وقع وزيرا الدفاع في البلدين {title}، وتنص على تسيير دوريات منسقة."
    assert agreements(text, "2018-09-18") == ["sochi_2018"]


def test_title_variants_keep_short_names_alone():
    from extract.titles import title_variants

    assert title_variants("مذكره سوتشي", ["مذكره"], ["حول"]) == set()
    assert "مذكره حول انشاء مناطق خفض التصعيد" in title_variants(
        "مذكره انشاء مناطق خفض التصعيد", ["مذكره"], ["حول"]
    )


def test_a_weekday_right_after_an_imperfect_start_verb_is_the_coming_one():
    # a Thursday page: "the handover starts Saturday" is two days ahead, not five days back
    assert days("اتفاق في ريف حمص الشمالي.. والتنفيذ يبدأ السبت", "2018-05-03") == ["2018-05-05"]
    assert days("بدأ التنفيذ السبت في ريف حمص الشمالي.", "2018-05-03") == ["2018-04-28"]


def test_ending_participles_and_metaphors_end_a_zone():
    text = "ويطوي الاتفاق الجديد صفحة اتفاق القاهرة، منهيًا منطقة خفض التصعيد في ريف حمص الشمالي."
    assert ("homs_truce_2017", "north_homs", "ends") in relations(text, "2018-05-03")


def test_an_evacuation_deal_by_its_verb_and_local_truces_are_unknown_agreements():
    text = "تتواصل عملية إخراج المسلحين من حي الوعر بموجب اتفاق مع الجانب الروسي."
    assert unknown_count(text, "2017-05-06") >= 1
    assert unknown_count("وهي نسخة موسعة من الهدن المحلية حول دمشق.", "2017-05-06") == 1


def test_oman_is_not_the_venue_of_the_amman_agreement():
    text = "وصل وزير خارجية سلطنة عمان إلى دمشق اليوم في زيارة رسمية."
    assert agreements(text, "2017-11-12") == []


def test_a_passive_page_turned_ends_the_zone():
    text = "وبذلك طُويت صفحة منطقة خفض التصعيد في الغوطة الشرقية، التي أقرتها مذكرة أستانا."
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in relations(text, "2018-04-14")


def test_provisions_in_the_next_sentence_name_the_memorandum_and_its_zone():
    text = (
        "وقع الرئيسان الروسي والتركي أمس في سوتشي مذكرة جديدة. وتنص على إقامة منطقة منزوعة "
        "السلاح بعمق 15 إلى 20 كم في محافظة إدلب."
    )
    assert ("sochi_2018", "idlib", "covers") in relations(text, "2018-09-18")


def test_brokers_agreeing_at_a_venue_on_another_day_are_not_the_venues_agreement():
    text = (
        "2019\n\nفي 22 أكتوبر، اتفق بوتين وأردوغان في سوتشي على انسحاب الوحدات الكردية من الحدود.\n"
    )
    assert agreements(text, None) == []


def test_a_zone_to_be_set_up_by_a_round_is_covered_by_it():
    text = "وأكد البيان الختامي لأستانا 6 أن منطقة إدلب ستنشأ لمدة ستة أشهر قابلة للتمديد."
    assert ("astana_6", "idlib", "covers") in relations(text, "2017-09-15")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        ("بدأ القصف صباح الأحد على دوما.", "2018-02-27", "2018-02-25"),
        ("وقعت المذكرة مساء يوم الاثنين في سوتشي.", "2018-09-18", "2018-09-17"),
        ("قال مسؤول أردني إن وقف إطلاق النار يبدأ ظهر الأحد.", "2017-07-08", "2017-07-09"),
    ],
)
def test_a_part_of_the_day_supports_a_weekday_that_is_also_a_word(text, published, day):
    assert days(text, published) == [day]


def test_the_eve_of_a_weekday_is_not_read_as_that_day():
    assert days("وصل الوفد ليلة الأحد إلى أستانا.", "2017-07-08") == []


def test_a_new_deal_signed_where_no_registry_agreement_was_is_unknown_and_keeps_its_words():
    text = "ووقع فيلق الرحمن في جنيف اتفاقاً مع روسيا لوقف إطلاق النار في جوبر وعين ترما."
    assert agreements(text, "2017-08-22") == []
    assert relations(text, "2017-08-22") == set()


def test_a_clause_break_ends_the_list_of_an_enumeration_head():
    text = (
        "بدءاً من مذكرة أستانا التي وضعت أربع مناطق لخفض التصعيد، ابتلع النظام ثلاثاً منها في "
        "الغوطة الشرقية ودرعا، وصولاً إلى الهجوم الأخير الذي سيطر خلاله على سراقب."
    )
    pairs = {(a, z) for a, z, _ in relations(text, "2020-03-06")}
    assert ("astana_memorandum_2017", "eastern_ghouta") in pairs
    assert ("astana_memorandum_2017", "idlib") not in pairs


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الأردن أن مذكرة المبادئ لا تشمل سوى منطقة الجنوب الغربي.",
        "وقال المتحدث إن اتفاق عمّان لم يشمل إلا محافظات درعا والقنيطرة والسويداء.",
    ],
)
def test_a_negated_covering_word_with_only_covers(text):
    assert relations(text, "2017-11-14") == {("southwest_ceasefire_2017", "south", "covers")}


def test_a_negated_covering_word_alone_still_excludes():
    text = "وأكد الأردن أن مذكرة المبادئ لا تشمل الغوطة الشرقية."
    assert relations(text, "2017-11-14") == {
        ("southwest_ceasefire_2017", "eastern_ghouta", "excludes")
    }
