"""Reading rules found on the third realistic set (Arabic pages in the ways real outlets write:
state and Turkish wires, pan-Arab papers, opposition and ministry statements, encyclopaedia
copies). One test of our own sentences per rule; none of them is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


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


def links(text: str, published: str | None) -> set[tuple[str | None, str, str]]:
    return {(c["agreement"], c["zone"], c["relation"]) for c in _read(text, published)["coverage"]}


def test_ending_participles_and_metaphors_end_a_zone():
    text = "ويطوي الاتفاق الجديد صفحة اتفاق القاهرة، منهيًا منطقة خفض التصعيد في ريف حمص الشمالي."
    assert ("homs_truce_2017", "north_homs", "ends") in links(text, "2018-05-03")


def test_an_evacuation_deal_by_its_verb_and_local_truces_are_unknown_agreements():
    text = "تتواصل عملية إخراج المسلحين من حي الوعر بموجب اتفاق مع الجانب الروسي."
    assert unknown_count(text, "2017-05-06") >= 1
    assert unknown_count("وهي نسخة موسعة من الهدن المحلية حول دمشق.", "2017-05-06") == 1


def test_oman_is_not_the_venue_of_the_amman_agreement():
    text = "وصل وزير خارجية سلطنة عمان إلى دمشق اليوم في زيارة رسمية."
    assert agreements(text, "2017-11-12") == []


def test_a_passive_page_turned_ends_the_zone():
    text = "وبذلك طُويت صفحة منطقة خفض التصعيد في الغوطة الشرقية، التي أقرتها مذكرة أستانا."
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in links(text, "2018-04-14")


def test_provisions_in_the_next_sentence_name_the_memorandum_and_its_zone():
    text = (
        "وقع الرئيسان الروسي والتركي أمس في سوتشي مذكرة جديدة. وتنص على إقامة منطقة منزوعة "
        "السلاح بعمق 15 إلى 20 كم في محافظة إدلب."
    )
    assert ("sochi_2018", "idlib", "covers") in links(text, "2018-09-18")


def test_brokers_agreeing_at_a_venue_on_another_day_are_not_the_venues_agreement():
    text = (
        "2019\n\nفي 22 أكتوبر، اتفق بوتين وأردوغان في سوتشي على انسحاب الوحدات الكردية من الحدود.\n"
    )
    assert agreements(text, None) == []


def test_a_zone_to_be_set_up_by_a_round_is_covered_by_it():
    text = "وأكد البيان الختامي لأستانا 6 أن منطقة إدلب ستنشأ لمدة ستة أشهر قابلة للتمديد."
    assert ("astana_6", "idlib", "covers") in links(text, "2017-09-15")


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
    assert links(text, "2017-08-22") == set()


def test_a_clause_break_ends_the_list_of_an_enumeration_head():
    text = (
        "بدءاً من مذكرة أستانا التي وضعت أربع مناطق لخفض التصعيد، ابتلع النظام ثلاثاً منها في "
        "الغوطة الشرقية ودرعا، وصولاً إلى الهجوم الأخير الذي سيطر خلاله على سراقب."
    )
    pairs = {(a, z) for a, z, _ in links(text, "2020-03-06")}
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
    assert links(text, "2017-11-14") == {("southwest_ceasefire_2017", "south", "covers")}


def test_a_negated_covering_word_alone_still_excludes():
    text = "وأكد الأردن أن مذكرة المبادئ لا تشمل الغوطة الشرقية."
    assert links(text, "2017-11-14") == {("southwest_ceasefire_2017", "eastern_ghouta", "excludes")}


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
    assert links(text, "2017-08-01") == {("homs_truce_2017", "north_homs", "covers")}
    other = "وقع الجانبان الاتفاق في القاهرة أمس. ويشمل القصف اليومي 84 بلدة في ريف حمص الشمالي."
    assert links(other, "2017-08-01") == set()


def test_the_memorandum_far_on_is_the_memorandum_named_before_not_a_later_local_deal():
    text = (
        "وقعت روسيا وتركيا وإيران مذكرة أستانا في 4 أيار 2017. "
        "وبدأ الهجوم على الغوطة في شباط 2018. وقسمت القوات الغوطة إلى جيوب. "
        "وخرج مقاتلون من حرستا. وخرج آخرون من عربين. "
        "وتوصل جيش الإسلام إلى اتفاق نهائي للخروج من دوما. "
        "وبذلك انتهت في الغوطة الشرقية المنطقة التي أنشأتها المذكرة."
    )
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in links(text, None)


def test_arrangements_are_an_agreement_noun():
    text = "وأوضح أن المذكرة تدعم الترتيبات التي تم التوصل إليها في السابع من تموز في جنوب سوريا."
    assert links(text, "2017-11-12") == {("southwest_ceasefire_2017", "south", "covers")}
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
    assert ("astana_memorandum_2017", "north_homs", "covers") in links(text, "2017-08-12")


def test_an_evacuation_written_as_ikhla_makes_its_deal_unknown():
    text = "وبدأ إخلاء داريا من المقاتلين والمدنيين بموجب اتفاق مع الحكومة."
    assert agreements(text, "2016-08-27") == []
    assert unknown_count(text, "2016-08-27") == 1


def test_agreements_in_the_plural_about_one_zone_are_its_agreement():
    text = (
        "أجرت وزارة الدفاع الروسية في القاهرة، بوساطة مصرية، مفاوضات تم خلالها التوقيع على "
        "اتفاقيات حول آلية عمل منطقة خفض التصعيد في الغوطة الشرقية."
    )
    assert links(text, "2017-07-22") == {("ghouta_truce_2017", "eastern_ghouta", "covers")}
    # "these agreements" points back; it is no new unknown agreement
    assert unknown_count("ورغم هذه الاتفاقات، لم تتوقف المعارك في ريف حماة الشمالي.", None) == 0


def test_the_last_of_the_zones_set_up_by_a_memorandum_is_covered_by_it():
    text = (
        "نص اتفاق سوتشي على منطقة منزوعة السلاح في محافظة إدلب، وهي آخر مناطق خفض التصعيد "
        "التي أنشئت بموجب مذكرة أستانا."
    )
    assert ("astana_memorandum_2017", "idlib", "covers") in links(text, "2018-09-20")


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
    relations = {r for a, z, r in links(text, "2018-09-20") if a == "astana_memorandum_2017"}
    assert "ends" in relations


def test_a_round_with_a_relative_clause_that_draws_the_lines_delineates():
    text = (
        "أقامها الجيش التركي في إدلب، تنفيذاً لتفاهمات الجولة السادسة من محادثات أستانا، "
        "التي حددت حدود المنطقة."
    )
    assert links(text, "2017-10-20") == {("astana_6", "idlib", "delineates")}


def test_an_agreement_named_as_a_time_landmark_is_no_link_of_the_zone_before_it():
    text = (
        "بدأ الجيش التركي الانسحاب من نقطة مورك، بعد أشهر على البروتوكول الإضافي الموقع في موسكو."
    )
    assert links(text, "2020-10-20") == set()
    after = "وقع الفيلق اتفاقاً في جنيف، بعد أسابيع من الهدنة التي رعتها القاهرة في الغوطة الشرقية."
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") in links(after, "2017-08-25")
