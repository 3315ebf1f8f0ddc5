"""More reading rules found on the third realistic set (continued from
tests/test_extract_real_arabic.py): zones as the press words them, dates of agency copy, heads
and links of longer analyses. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.reading import relations
from tests.test_extract_real_arabic import _read, agreements, days, unknown_count


def zones(text: str) -> list[str]:
    return _read(text, "2018-07-20")["zones"]


@pytest.mark.parametrize(
    ("place", "zone"),
    [
        ("الريف الشمالي لمحافظة حمص", "north_homs"),
        ("شمالي مدينة حمص", "north_homs"),
        ("الريف الشمالي لحماة", "idlib"),
        ("الريف الشمالي لمحافظة اللاذقية", "idlib"),
        ("حوض اليرموك", "south"),
    ],
)
def test_countrysides_as_the_press_words_them(place, zone):
    assert zones(f"وتشمل الهدنة {place} بحسب المصادر.") == [zone]


def test_the_yarmouk_camp_is_not_the_yarmouk_basin():
    assert zones("وتشمل الهدنة مخيم اليرموك جنوب دمشق.") == []


def test_days_before_with_no_that_count_back_from_publication():
    assert days("ووقعت الهدنة قبل يومين في ريف حمص.", "2017-08-05") == ["2017-08-03"]
    text = "أُعلن الاتفاق في 7 تموز، وكان قد وُقّع قبل ذلك بيومين."
    assert days(text, "2017-07-15") == ["2017-07-07", "2017-07-05"]
    assert days("ووقعت الهدنة قبل يومين.", None) == []


def test_two_ordinal_days_after_the_dual_are_both_dates():
    assert days("عقدت الجولة يومي الرابع والخامس من تموز.", "2017-07-10") == [
        "2017-07-04",
        "2017-07-05",
    ]
    # a compound ordinal is one day
    assert days("وقع الاتفاق في الثاني والعشرين من تموز.", "2017-08-05") == ["2017-07-22"]


def test_a_registry_name_called_new_long_after_its_signing_is_another_agreement():
    text = "وينص اتفاق سوتشي الجديد على انسحاب الوحدات الكردية مسافة 30 كيلومتراً من الحدود."
    assert agreements(text, "2019-10-23") == []
    assert unknown_count(text, "2019-10-23") == 1
    # in the weeks after the signing, "the new Sochi agreement" is that one
    assert agreements("ويشمل اتفاق سوتشي الجديد محافظة إدلب.", "2018-09-20") == ["sochi_2018"]


def test_a_venue_whose_agreements_do_not_fit_the_day_does_not_hand_over_to_another_venue():
    # Astana on 31 July 2017: not the Cairo truce of northern Homs signed that day
    text = "وقعت الدول الضامنة المذكرة في أستانا أمس، وهي تنشئ مناطق في إدلب وريف حمص الشمالي."
    assert "homs_truce_2017" not in agreements(text, "2017-08-01")


def test_a_subjectless_verb_reaches_its_zone_over_counted_settlements():
    text = "وقع الجانبان الاتفاق في القاهرة أمس. ويشمل 84 بلدة وقرية في ريف حمص الشمالي."
    assert relations(text, "2017-08-01") == {("homs_truce_2017", "north_homs", "covers")}
    other = "وقع الجانبان الاتفاق في القاهرة أمس. ويشمل القصف اليومي 84 بلدة في ريف حمص الشمالي."
    assert relations(other, "2017-08-01") == set()


def test_the_memorandum_far_on_is_the_memorandum_named_before_not_a_later_local_deal():
    text = (
        "وقعت روسيا وتركيا وإيران مذكرة أستانا في 4 أيار 2017. "
        "وبدأ الهجوم على الغوطة في شباط 2018. وقسمت القوات الغوطة إلى جيوب. "
        "وخرج مقاتلون من حرستا. وخرج آخرون من عربين. "
        "وتوصل جيش الإسلام إلى اتفاق نهائي للخروج من دوما. "
        "وبذلك انتهت في الغوطة الشرقية المنطقة التي أنشأتها المذكرة."
    )
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in relations(text, None)


def test_arrangements_are_an_agreement_noun():
    text = "وأوضح أن المذكرة تدعم الترتيبات التي تم التوصل إليها في السابع من تموز في جنوب سوريا."
    assert relations(text, "2017-11-12") == {("southwest_ceasefire_2017", "south", "covers")}
    assert agreements("واتخذت السلطات ترتيبات أمنية مشددة في دمشق.", "2017-11-12") == []


def test_two_cairo_deals_in_one_sentence_are_told_apart_by_their_zones():
    text = (
        "وكانت الغوطة قد حظيت باتفاق خاص وقعته فصائلها مع الجانب الروسي في القاهرة صيف العام "
        "الماضي، وكذلك ريف حمص الشمالي الذي وقعت فصائله اتفاقاً مماثلاً بعد ذلك بأيام."
    )
    found = [m["id"] for m in _read(text, "2018-05-20")["mentions"] if m["kind"] == "agreement"]
    assert found == ["ghouta_truce_2017", "homs_truce_2017"]


def test_a_demonstrative_head_points_back_even_near_the_security_council():
    text = (
        "ووقعت الدول الثلاث مذكرة المبادئ في عمّان. وتؤكد المذكرة أن هذه الترتيبات مؤقتة "
        "ولا تمس الحل السياسي وفق قرار مجلس الأمن 2254."
    )
    assert unknown_count(text, "2017-11-11") == 0


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2020-01-10", "2020-01-09"),  # a Friday page: "from Thursday" was yesterday
        ("2020-01-07", "2020-01-09"),  # a Tuesday page: the coming Thursday
    ],
)
def test_an_onward_weekday_alone_is_the_nearer_one(published, day):
    text = "أعلنت وزارة الدفاع الروسية وقفاً لإطلاق النار في منطقة إدلب اعتباراً من الخميس."
    assert days(text, published) == [day]


def test_a_future_cue_still_puts_an_onward_weekday_ahead():
    text = "وستبدأ الهدنة اعتباراً من الخميس في إدلب."
    assert days(text, "2020-01-10") == ["2020-01-16"]


def test_a_day_of_the_current_month_written_with_al_jari():
    assert days("وقعت المذكرة يوم 15 الجاري في أستانا.", "2017-09-20") == ["2017-09-15"]
    # "كانون الثاني الجاري" is a month, not the 2nd of this month
    assert days("وقع في كانون الثاني الجاري.", "2018-01-20") == []


def test_the_area_as_subject_of_a_passive_covering_reaches_back_to_its_zone():
    text = (
        "وصلت قافلة مساعدات إلى تلبيسة في ريف حمص الشمالي. وقال مصدر إن القصف توقف. "
        "وأضاف أن الشرطة العسكرية أقامت نقطتي تفتيش. "
        "وكانت المنطقة قد أدرجت في مذكرة أستانا الموقعة في أيار الماضي."
    )
    assert ("astana_memorandum_2017", "north_homs", "covers") in relations(text, "2017-08-12")


def test_an_evacuation_written_as_ikhla_makes_its_deal_unknown():
    text = "وبدأ إخلاء داريا من المقاتلين والمدنيين بموجب اتفاق مع الحكومة."
    assert agreements(text, "2016-08-27") == []
    assert unknown_count(text, "2016-08-27") == 1


def test_agreements_in_the_plural_about_one_zone_are_its_agreement():
    text = (
        "أجرت وزارة الدفاع الروسية في القاهرة، بوساطة مصرية، مفاوضات تم خلالها التوقيع على "
        "اتفاقيات حول آلية عمل منطقة خفض التصعيد في الغوطة الشرقية."
    )
    assert relations(text, "2017-07-22") == {("ghouta_truce_2017", "eastern_ghouta", "covers")}
    # "these agreements" points back; it is no new unknown agreement
    assert unknown_count("ورغم هذه الاتفاقات، لم تتوقف المعارك في ريف حماة الشمالي.", None) == 0


def test_the_last_of_the_zones_set_up_by_a_memorandum_is_covered_by_it():
    text = (
        "نص اتفاق سوتشي على منطقة منزوعة السلاح في محافظة إدلب، وهي آخر مناطق خفض التصعيد "
        "التي أنشئت بموجب مذكرة أستانا."
    )
    assert ("astana_memorandum_2017", "idlib", "covers") in relations(text, "2018-09-20")


def test_the_day_before_yesterday_written_with_min():
    assert days("التقى الرئيسان، أول من أمس، في موسكو.", "2020-03-07") == ["2020-03-05"]


def test_coming_out_with_a_protocol_is_no_evacuation():
    text = "خرج الرئيسان في موسكو أمس بـ«بروتوكول إضافي» لمذكرة سوتشي حول إدلب."
    assert unknown_count(text, "2020-03-06") == 0


def test_a_date_after_another_name_is_that_names_date():
    text = (
        "وقّع الرئيسان البروتوكول في موسكو. "
        "ويذكّر البروتوكول بمصير «تفاهمات سوتشي» التي وُقّعت في أيلول 2018 ولم تنفذ."
    )
    found = [m["id"] for m in _read(text, "2020-03-07")["mentions"] if m["kind"] == "agreement"]
    assert found == ["moscow_protocol_2020", "moscow_protocol_2020", "sochi_2018"]


def test_imperfect_and_suffixed_retaking_verbs_end_a_zone():
    text = "ونصت مذكرة أستانا على منطقة في الجنوب قبل أن تستعيد قوات النظام درعا."
    said = {r for a, z, r in relations(text, "2018-09-20") if a == "astana_memorandum_2017"}
    assert "ends" in said


def test_a_round_with_a_relative_clause_that_draws_the_lines_delineates():
    text = (
        "أقامها الجيش التركي في إدلب، تنفيذاً لتفاهمات الجولة السادسة من محادثات أستانا، "
        "التي حددت حدود المنطقة."
    )
    assert relations(text, "2017-10-20") == {("astana_6", "idlib", "delineates")}


def test_an_agreement_named_as_a_time_landmark_is_no_link_of_the_zone_before_it():
    text = (
        "بدأ الجيش التركي الانسحاب من نقطة مورك، بعد أشهر على البروتوكول الإضافي الموقع في موسكو."
    )
    assert relations(text, "2020-10-20") == set()
    after = "وقع الفيلق اتفاقاً في جنيف، بعد أسابيع من الهدنة التي رعتها القاهرة في الغوطة الشرقية."
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") in relations(after, "2017-08-25")


def test_zones_agreed_at_a_venue_in_a_clause_after_another_name():
    text = (
        "وتقع البلدتان داخل المنطقة منزوعة السلاح التي نص عليها اتفاق سوتشي في إدلب، كما تقعان "
        "ضمن منطقة خفض التصعيد التي أُقرت في أستانا قبل عامين."
    )
    assert ("astana_memorandum_2017", "idlib") in {
        (a, z) for a, z, _ in relations(text, "2019-05-12")
    }


def test_an_ordinal_truce_dated_after_local_truces_is_the_registry_one_of_that_day():
    text = (
        "رعى الجانب الروسي ثلاث هدن محلية في أقل من شهر. فالهدنة الأولى بدأ سريانها في التاسع "
        "من تموز في محافظات درعا والقنيطرة والسويداء."
    )
    assert ("southwest_ceasefire_2017", "south", "covers") in relations(text, "2017-08-05")


def test_a_venue_and_its_day_name_the_agreement_a_later_anaphor_refers_to():
    text = (
        "أما الثانية فوقعها جيش الإسلام في القاهرة في الثاني والعشرين من تموز، وتشمل الغوطة "
        "الشرقية، ولم يوقع فيلق الرحمن على الاتفاق بشأنها."
    )
    found = [m["id"] for m in _read(text, "2017-08-05")["mentions"] if m["kind"] == "agreement"]
    assert set(found) == {"ghouta_truce_2017"}


def test_a_trilateral_deal_with_its_parties_after_trilateral_is_the_south_west_one():
    text = (
        "فالمنطقة الجنوبية يحكمها منذ التاسع من تموز اتفاق ثلاثي أمريكي روسي أردني، وتخضع "
        "الغوطة الشرقية لاتفاق وقع في القاهرة."
    )
    found = [m["id"] for m in _read(text, "2017-09-20")["mentions"] if m["kind"] == "agreement"]
    assert found[0] == "southwest_ceasefire_2017"


def test_zones_that_are_subject_to_agreements_go_to_the_agreements_after_them():
    text = (
        "فالمنطقة الجنوبية يحكمها منذ التاسع من تموز اتفاق ثلاثي أمريكي روسي أردني، وتخضع "
        "الغوطة الشرقية وريف حمص الشمالي لاتفاقين منفصلين وقعتهما فصائل المنطقتين مع الجانب "
        "الروسي في القاهرة، فيما بقيت إدلب من دون ترتيبات."
    )
    assert {(a, z) for a, z, _ in relations(text, "2017-09-20")} == {
        ("southwest_ceasefire_2017", "south"),
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_the_truce_refers_back_to_a_truce_not_to_a_memorandum_named_in_comparison():
    text = (
        "ويرى مراقبون أن اتفاق الجنوب يختلف عن بقية المناطق، بخلاف اتفاق آستانة الذي يشمل إدلب. "
        "وانتقدت فصائل غياب آلية لمحاسبة من يخرق الهدنة."
    )
    found = [m["id"] for m in _read(text, "2017-11-12")["mentions"] if m["kind"] == "agreement"]
    assert found[-1] == "southwest_ceasefire_2017"


def test_an_imperfect_verb_that_sets_the_contact_lines_delineates():
    text = "وقالت وزارة الدفاع الروسية إن اتفاق القاهرة يحدد خطوط التماس في الغوطة الشرقية."
    said = {r for a, z, r in relations(text, "2017-07-23") if a == "ghouta_truce_2017"}
    assert "delineates" in said
