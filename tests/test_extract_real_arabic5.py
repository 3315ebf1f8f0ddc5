"""Reading rules found on Arabic pages in voices the other sets lack (``realistic5``:
Q&A explainers with speaker labels, scraped pages, translated statements, opinion columns, local
council statements). One test of our own sentences per rule; none is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from tests.reading import agreements_said, day_dates, relations


def test_a_labelled_answer_opening_with_no_excludes_the_zones_the_question_names():
    # "س:" / "ج:" (and "Q:" / "A:") label the speakers; the verdict is the word after the label
    text = (
        "يشرح هذا الدليل اتفاق القاهرة الخاص بالغوطة الشرقية.\n\n"
        "س: هل يشمل الاتفاق ريف حمص الشمالي؟\n"
        "ج: لا، فلتلك المنطقة ترتيب آخر.\n"
    )
    assert ("ghouta_truce_2017", "north_homs", "excludes") in relations(text, "2017-07-25")
    text = (
        "This guide explains the southwest ceasefire agreed in July.\n\n"
        "Q: Does it include Idlib?\n"
        "A: No. The north has its own talks.\n"
    )
    assert ("southwest_ceasefire_2017", "idlib", "excludes") in relations(text, "2017-07-20")


def test_a_memorandum_noun_said_of_a_zone_means_a_memorandum_not_the_protocol_in_force():
    # several registry agreements cover Idlib; "المذكرة" (or "تلك المذكرة") is one of the
    # memoranda among them, not the protocol in force on the day of publication
    for head in ("والمذكرة", "وتلك المذكرة"):
        text = (
            "وقع الرئيسان بروتوكول موسكو في آذار 2020 مكملين مذكرة سوتشي. "
            f"{head} هي التي أنشأت المنطقة منزوعة السلاح في إدلب."
        )
        found = {(a, z) for a, z, _ in relations(text, "2020-03-20")}
        assert ("sochi_2018", "idlib") in found, head


def test_a_zone_pronoun_after_a_verb_of_setting_up_goes_to_the_agreement_before_it():
    # the zone is named in a clause about another agreement; "أقام فيها" / "فرض فيها" in the
    # next clause refers back to it, and its agent is the agreement before the verb
    text = (
        "يذكر أهالي ريف حمص الشمالي أن منطقتهم كانت من المناطق التي حددتها مذكرة أستانا، "
        "وأن اتفاق القاهرة الموقع بعد ذلك بأشهر فرض فيها هدوءاً لم يدم."
    )
    found = {(a, z) for a, z, _ in relations(text, "2018-06-01")}
    assert ("homs_truce_2017", "north_homs") in found
    text = (
        "ويقول باحثون إن إدلب بقيت واحدة من مناطق مذكرة أستانا، لكن اتفاق سوتشي هو الذي "
        "أنشأ فيها منطقة منزوعة السلاح."
    )
    found = {(a, z) for a, z, _ in relations(text, "2019-01-10")}
    assert ("sochi_2018", "idlib") in found


def test_brokers_named_in_a_relative_clause_after_a_generic_name_say_which_agreement_it_is():
    # "اتفاق خفض التصعيد الذي رعته ..." is as much the brokers' agreement as "... برعاية ..."
    text = (
        "وقال السكان إن اتفاق خفض التصعيد الذي رعته روسيا والولايات المتحدة والأردن "
        "لم يحم درعا من الحملة."
    )
    assert agreements_said(text, "2018-07-20") == ["southwest_ceasefire_2017"]


def test_a_dual_in_construct_with_two_zone_words_names_each_zones_own_agreement():
    # "اتفاقي الجنوب والغوطة" (the oblique dual, and the nominative "اتفاقا") with no venue:
    # the one agreement that covers only the south, and the one that covers only Ghouta
    for dual in ("اتفاقي", "هدنتي"):
        text = f"وقال المصدر إن الاتفاق الجديد جاء بعد {dual} الجنوب والغوطة الشرقية بأسابيع."
        said = agreements_said(text, "2017-08-05")
        assert "southwest_ceasefire_2017" in said, dual
        assert "ghouta_truce_2017" in said, dual
    text = "وأعاد التقرير التذكير بأن اتفاقا الغوطة وريف حمص الشمالي لم يصمدا."
    said = agreements_said(text, "2018-06-01")
    assert {"ghouta_truce_2017", "homs_truce_2017"} <= set(said)


def test_the_second_weekday_of_a_night_span_is_the_day_after_the_first():
    # "ليل الجمعة - السبت" on a Friday page: that Friday and the Saturday after it, not the
    # Saturday before
    days = day_dates("وتبدأ الهدنة اعتباراً من منتصف ليل الجمعة - السبت.", "2017-05-05")
    assert days == {"2017-05-05", "2017-05-06"}
    # a span that is over: Wednesday and the Thursday after it, both past
    days = day_dates("وشهدت ليلة الأربعاء/الخميس قصفاً عنيفاً على الأحياء.", "2017-05-05")
    assert days == {"2017-05-03", "2017-05-04"}


def test_control_after_an_area_noun_describes_territory_and_ends_nothing():
    # "مناطق سيطرة النظام" says whose areas lie on either side of a line, not that a zone fell
    text = (
        "ونص اتفاق سوتشي على إقامة منطقة عازلة بين مناطق سيطرة النظام ومناطق سيطرة الفصائل "
        "في ريف إدلب الجنوبي."
    )
    found = relations(text, "2018-11-01")
    assert ("sochi_2018", "idlib", "covers") in found
    assert ("sochi_2018", "idlib", "ends") not in found
    # the event itself still ends the zone's agreement
    text = "وأنهت سيطرة النظام على الغوطة الشرقية اتفاق القاهرة الخاص بها."
    assert ("ghouta_truce_2017", "eastern_ghouta", "ends") in relations(text, "2018-04-20")


def test_a_registry_name_called_the_second_long_after_its_signing_is_another_agreement():
    # "اتفاق سوتشي الثاني" of October 2019 (the north-east) is not the Idlib memorandum
    text = "ويختلف ذلك عن اتفاق سوتشي الثاني الذي وقعه الرئيسان حول شرق الفرات."
    said = agreements_said(text, "2020-01-10")
    assert "sochi_2018" not in said
    assert None in said
    # a name two agreements share is not renewed by an ordinal: "the second Cairo agreement"
    text = "وجاء اتفاق القاهرة الثاني ليشمل ريف حمص الشمالي."
    assert agreements_said(text, "2018-03-01") == ["homs_truce_2017"]


def test_the_area_as_subject_before_a_passive_of_inclusion_is_the_zone_named_before():
    # "المنطقة كانت قد أُدرجت ضمن ... في مذكرة أستانا": subject first, after "إن"/"أن"
    text = (
        "عاد الهدوء إلى ريف حمص الشمالي مع بدء سريان الهدنة.\n"
        "اقرأ أيضاً: أسعار الخبز ترتفع في دمشق\n"
        "وقال مصدر إن المنطقة كانت قد أدرجت ضمن مناطق خفض التصعيد في مذكرة أستانا."
    )
    assert ("astana_memorandum_2017", "north_homs", "covers") in relations(text, "2017-08-04")


def test_colloquial_relative_days_of_social_media_posts_are_dates():
    # Levantine "مبارح" (yesterday) and "بكرا" (tomorrow), with or without a weekday
    assert "2017-07-23" in day_dates("مبارح الأحد انقصفت عين ترما بالمدفعية.", "2017-07-24")
    assert "2017-07-23" in day_dates("الطيران رجع مبارح فوق دوما.", "2017-07-24")
    assert "2017-07-25" in day_dates("وبكرا رح تفوت القافلة عالغوطة.", "2017-07-24")


def test_reconciliations_in_the_plural_are_local_deals_outside_the_registry():
    # "المصالحات" (the government's local reconciliation deals) name no zone agreement
    text = "وقال المسؤول إن المصالحات أعادت بلدات القلمون إلى سيطرة الدولة."
    assert agreements_said(text, "2018-05-01") == [None]


def test_the_astana_understandings_with_no_round_name_no_agreement():
    # "تفاهمات أستانا" is the process, like "مسار أستانا": no round, no id; a round still counts
    text = "وقال الوزير إن نقاط المراقبة التي نُشرت بموجب تفاهمات أستانا ستبقى في إدلب."
    assert agreements_said(text, "2018-09-21") == []
    text = "وقال إن القوات انتشرت في إدلب بموجب تفاهمات الجولة السادسة من أستانا."
    assert agreements_said(text, "2018-09-21") == ["astana_6"]
