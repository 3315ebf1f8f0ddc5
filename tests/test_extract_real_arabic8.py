"""Reading rules found on Arabic pages in the voices of ``realistic7b`` (pan-Arab newspaper leads
that name several agreements in passing, Q&A explainers, TV transcripts, opposition statements,
state and foreign agencies' Arabic copy, field reports). One test of our own sentences per rule;
none is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


def _zones(text: str, published: str) -> set[str]:
    return set(extract_article(text, published).zones)


def test_a_deal_people_left_under_is_a_local_evacuation_deal():
    # "اتفاق ... الذي خرج بموجبه المقاتلون إلى إدلب": a deal under which people left is an
    # evacuation deal the registry does not hold, and Idlib is only where they went
    text = (
        "بدأت الهدنة في ريف حمص الشمالي أمس. ولا صلة لها باتفاق حي القصور الذي خرج بموجبه "
        "مئات المسلحين من المدينة إلى إدلب في الربيع."
    )
    found = links(text, "2017-08-04")
    assert ("homs_truce_2017", "idlib") not in found
    assert None in agreements_said(text, "2017-08-04")
    text = "وقال إن اتفاق البلدتين الذي نُقلوا بموجبه إلى ريف إدلب أثبت أن التفاوض ممكن."
    assert None in agreements_said(text, "2017-05-05")


def test_a_truce_announced_on_a_day_no_agreement_has_is_unknown():
    # "الهدنة التي أعلنتها موسكو وأنقرة في 12 كانون الثاني": announced on a day that is no day of
    # a registry agreement, it is another truce, whatever was named before it
    text = (
        "وقّع الطرفان في موسكو البروتوكول الإضافي لمذكرة سوتشي. أما الهدنة التي أعلنتها روسيا "
        "وتركيا في 9 كانون الثاني الماضي فلم تعش طويلاً."
    )
    said = agreements_said(text, "2020-03-08")
    assert said.count("moscow_protocol_2020") == 1
    assert None in said
    # the day of the agreement itself keeps it
    text = "وقّع الطرفان في موسكو بروتوكولاً إضافياً. والهدنة التي أعلناها في 5 آذار صامدة."
    assert None not in agreements_said(text, "2020-03-08")


def test_a_new_truce_long_after_the_agreement_in_force_is_another_one():
    # "هدنة جديدة في إدلب" on a page of 2020: not the Sochi memorandum in force since 2018; on
    # a page of the week after Sochi it is Sochi
    assert "sochi_2018" not in agreements_said("هدنة جديدة في إدلب وسط تشكيك.", "2020-01-13")
    assert "sochi_2018" in agreements_said("اتفاق جديد في إدلب وسط تشكيك.", "2018-09-20")
    # the same in English, where "new" comes before the head
    text = "Russia and Turkey announced a new ceasefire in Idlib, which took hold on Sunday."
    assert "sochi_2018" not in agreements_said(text, "2020-01-13")


def test_the_truce_refers_back_to_an_unknown_truce_before_a_memorandum():
    # "الهدنة" after an unregistered truce and a memorandum named after it: the truce, not the
    # memorandum (a memorandum is no truce)
    text = (
        "بدأ وقف إطلاق النار الذي أعلنته أنقرة في 10 كانون الثاني، وتقول إنه يهدف إلى إحياء اتفاق "
        "سوتشي. وبموجب الهدنة تتوقف الغارات على ريف إدلب."
    )
    assert ("sochi_2018", "idlib") not in links(text, "2020-01-14")


def test_reminding_is_no_memorandum():
    # "مذكرة بأن" (reminding that): a participle, not "a memorandum"
    text = "وشككت المعارضة في الهدنة، مذكرة بأن تفاهمات سابقة انهارت سريعاً."
    assert agreements_said(text, "2019-09-02") == [] or None in agreements_said(text, "2019-09-02")
    assert "astana_memorandum_2017" not in agreements_said(text, "2019-09-02")


def test_a_month_said_with_last_names_its_year():
    # "هدنة مماثلة أعلنت نهاية آب الماضي" in 2020 is of August 2019, not the Homs truce of
    # August 2017; a bare month ("هدنة آب") is still compared by its month
    text = "وذكّرت الفصائل بأن هدنة مماثلة أعلنت نهاية آب الماضي لم تصمد."
    assert "homs_truce_2017" not in agreements_said(text, "2020-01-13")


def test_astana_understandings_with_a_month_name_no_round():
    # "في إطار تفاهمات أستانا منذ تشرين الأول 2017": the phrase names no agreement, so its
    # month pins no round either
    text = "وأقامت أنقرة نقاط مراقبة في إطار تفاهمات أستانا منذ تشرين الأول 2017."
    assert "astana_7" not in agreements_said(text, "2020-03-07")


def test_a_verb_of_agreeing_after_a_closed_relative_clause_makes_its_own_agreement():
    # "... الجنوب الذي كان يحظى بتفاهم أمريكي روسي أردني انهار في تموز، اتفق الرئيسان في سوتشي
    # مساء الاثنين": the brokers and the head of the relative clause are another agreement's
    text = (
        "وبعد سقوط الجنوب الذي كان يحظى بتفاهم أمريكي روسي أردني انهار في الصيف، اتفق بوتين "
        "وأردوغان في سوتشي مساء الاثنين على منطقة منزوعة السلاح. وبموجب الاتفاق تنسحب الأسلحة "
        "الثقيلة من الريف الإدلبي."
    )
    said = agreements_said(text, "2018-09-19")
    assert "sochi_2018" in said
    found = links(text, "2018-09-19")
    assert ("sochi_2018", "idlib") in found
    assert ("southwest_ceasefire_2017", "idlib") not in found


def test_adjective_and_dual_countryside_names_are_zones():
    # "الريف الإدلبي", "ريفي إدلب الجنوبي والشرقي", "ريفي حماة الشمالي واللاذقية",
    # "الريف الحمصي الشمالي": the press's adjective and dual forms of the zones' countryside
    assert _zones("قصف مدفعي على الريف الإدلبي الجنوبي.", "2019-06-01") == {"idlib"}
    assert _zones("نزوح من ريفي إدلب الجنوبي والشرقي.", "2019-12-20") == {"idlib"}
    assert _zones("معارك في ريفي حماة الشمالي واللاذقية.", "2019-05-20") == {"idlib"}
    assert _zones("هدوء في الريف الحمصي الشمالي.", "2017-08-05") == {"north_homs"}


def test_zones_a_sentence_compares_are_not_carried_to_the_agreement_before():
    # "سيكرر ما شهدته الغوطة الشرقية وريف حمص الشمالي ودرعا": zones of a comparison phrase
    # are not a list carried over to the memorandum named in the sentence before
    text = (
        "وتذكر الهيئة بأن الضامن الروسي تعهد بموجب مذكرة أستانا بحماية إدلب. "
        "وتحذر من أن الهجوم سيكرر ما شهدته الغوطة الشرقية وريف حمص الشمالي ودرعا، "
        "حين فرضت على أهلها اتفاقات تهجير."
    )
    found = links(text, "2019-05-10")
    assert ("astana_memorandum_2017", "idlib") in found
    for zone in ("eastern_ghouta", "north_homs", "south"):
        assert ("astana_memorandum_2017", zone) not in found, zone


def test_a_relative_clause_right_in_a_comparison_says_what_the_compared_agreement_did():
    # "اتفاق سوتشي، على غرار اتفاق عمّان الذي انهار في الجنوب، بات مهدداً": the clause on the
    # compared agreement states its own ending in the south; Sochi is not extended there
    text = "ويبدو اتفاق سوتشي، على غرار اتفاق عمّان الذي انهار في درعا، مهدداً بالسقوط."
    found = links(text, "2019-05-10")
    assert ("southwest_ceasefire_2017", "south") in found
    assert ("sochi_2018", "south") not in found


def test_agreeing_on_its_boundaries_draws_the_zone_named_before():
    # "... إنشاء منطقة في إدلب، والاتفاق على حدودها": the pronoun is the zone before the comma
    text = (
        "وأعلن الضامنون في ختام أستانا 6 إنشاء منطقة لخفض التوتر في إدلب، والاتفاق على حدودها، "
        "ونشر مراقبين على أطرافها."
    )
    assert ("astana_6", "idlib", "delineates") in relations(text, "2017-09-16")


def test_a_count_of_days_after_another_event_is_no_date():
    # "بعد ثلاثة أيام على صدور القرار": counted from the resolution, not from the page's day
    text = "بعد ثلاثة أيام على صدور قرار مجلس الأمن، لم يتغير شيء في الغوطة."
    assert not [d for d in extract_article(text, "2018-02-27").dates if d.precision == "day"]


def test_and_it_is_the_area_that_refers_to_the_zone_before():
    # "... إدلب ...، وهي المنطقة التي رسمت الجولة السادسة ... حدودها": the zone named before
    text = (
        "وكانت إدلب آخر المناطق التي بقيت معلقة بعد أيار، وهي المنطقة التي رسمت الجولة السادسة "
        "من محادثات أستانا حدودها بعد أشهر."
    )
    assert ("astana_6", "idlib") in links(text, "2018-09-19")


def test_a_zone_that_enjoyed_an_agreement_is_covered_by_it():
    # "الجنوب السوري الذي كان يحظى بتفاهم أمريكي روسي أردني انهار": covered, then ended
    text = "سقط الجنوب السوري الذي كان يحظى بتفاهم أمريكي روسي أردني انهار في تموز."
    found = relations(text, "2018-09-19")
    assert ("southwest_ceasefire_2017", "south", "covers") in found
    assert ("southwest_ceasefire_2017", "south", "ends") in found


def test_a_generic_name_reached_at_another_venue_is_that_venues_agreement():
    # "اتفاق تخفيف التوتر الذي تم التوصل إليه في القاهرة في 22 تموز": a clause of making (not
    # only a participle) names the venue and day of the Cairo truce, not the memorandum
    text = (
        "وكانت بلدات الغوطة الشرقية مشمولة باتفاق تخفيف التوتر الذي تم التوصل إليه في القاهرة "
        "في 22 تموز الماضي، لكن المسلحين لم يلتزموا به."
    )
    found = links(text, "2018-03-22")
    assert ("ghouta_truce_2017", "eastern_ghouta") in found
    assert ("astana_memorandum_2017", "eastern_ghouta") not in found


def test_ground_lost_is_not_the_end_of_the_zone():
    # "قضمت القوات الحكومية أجزاء واسعة منها", "retook parts of": a part taken, the zone goes on
    text = (
        "ويطالب الأتراك بالعودة إلى اتفاق سوتشي، الذي أنشأ منطقة منزوعة السلاح حول إدلب، بعد أن "
        "استعادت القوات الحكومية أجزاء من ريفها الجنوبي."
    )
    found = relations(text, "2020-01-20")
    assert ("sochi_2018", "idlib", "covers") in found
    assert ("sochi_2018", "idlib", "ends") not in found
    # a whole zone taken back still ends it
    text = "وانتهت منطقة الغوطة الشرقية التي أنشأتها مذكرة أستانا حين استعاد الجيش دوما."
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in relations(text, "2018-05-01")


def test_a_date_after_a_comma_and_a_new_clause_is_not_the_heads():
    # "وقعت فصائل ريف حمص الشمالي اتفاقاً في العاصمة المصرية، فيما تعيش درعا منذ التاسع من
    # تموز في ظل هدنة ...": the date is the next clause's, so the Cairo head stays the Homs truce
    text = (
        "وفي الأسبوع نفسه، وقعت فصائل ريف حمص الشمالي اتفاقاً في القاهرة، فيما تعيش محافظة درعا "
        "منذ التاسع من تموز في ظل هدنة أمريكية روسية أردنية."
    )
    found = links(text, "2017-08-22")
    assert ("homs_truce_2017", "north_homs") in found
    assert ("southwest_ceasefire_2017", "north_homs") not in found


def test_on_this_day_years_ago_is_that_day_not_the_pages():
    # "في مثل هذا اليوم قبل عامين": the same day two years back; without a count, no day; the
    # memorandum signed then is not another agreement of the page's day
    def days(text: str) -> list[str | None]:
        found = extract_article(text, "2019-05-04").dates
        return [d.date for d in found if d.precision == "day"]

    text = "في مثل هذا اليوم قبل عامين، وقعت روسيا وتركيا وإيران في أستانا مذكرة خفض التصعيد."
    assert days(text) == ["2017-05-04"]
    assert "astana_memorandum_2017" in agreements_said(text, "2019-05-04")
    assert days("وفي مثل هذا اليوم، سقطت دوما.") in ([], [None])
    assert days("قال المتحدث اليوم إن الهدنة صامدة.") == ["2019-05-04"]


def test_agreeing_on_after_a_round_is_what_the_round_agreed():
    # "أعلنت الدول الضامنة في ختام الجولة السادسة من محادثات أستانا الاتفاق على حدود منطقة خفض
    # التوتر في إدلب": "الاتفاق على" is the act of the round named before, not the memorandum
    text = (
        "وكانت الدول الضامنة قد أعلنت في ختام الجولة السادسة من محادثات أستانا الاتفاق على حدود "
        "منطقة خفض التوتر في إدلب."
    )
    said = agreements_said(text, "2017-10-13")
    assert "astana_6" in said
    assert "astana_memorandum_2017" not in said


def test_a_truce_named_by_a_month_no_agreement_has_is_unknown():
    # "هدنة كانون الثاني" in 2020: no registry agreement of January (only a round of 2017)
    assert agreements_said("المذيع: وماذا عن هدنة كانون الثاني؟", "2020-03-06") == [None]
    # a month a registry agreement has still names it
    assert "astana_memorandum_2017" in agreements_said("وقعت مذكرة أيار في أستانا.", "2018-01-10")


def test_both_areas_counts_a_zone_said_in_an_agreements_name():
    # "... بعد اتفاق الغوطة الشرقية. ... أدرجت المنطقتين": Ghouta, said only in the agreement's
    # name, is one of the two areas
    text = (
        "وقعت الفصائل في القاهرة اتفاقاً لريف حمص الشمالي بعد اتفاق الغوطة الشرقية. "
        "وقال مصدر إن مذكرة أستانا أدرجت المنطقتين ضمن مناطق خفض التصعيد الأربع."
    )
    found = links(text, "2017-08-01")
    assert ("astana_memorandum_2017", "eastern_ghouta") in found
    assert ("astana_memorandum_2017", "north_homs") in found


def test_talks_that_ended_in_a_signing_end_no_zone():
    # "جولة مفاوضات انتهت بتوقيع اتفاق ... في ريف حمص الشمالي": concluded, the zone goes on
    text = (
        "استضافت القاهرة أمس الاثنين جولة مفاوضات انتهت بتوقيع اتفاق لوقف إطلاق النار في ريف "
        "حمص الشمالي."
    )
    found = relations(text, "2017-08-01")
    assert ("homs_truce_2017", "north_homs", "covers") in found
    assert ("homs_truce_2017", "north_homs", "ends") not in found


def test_a_truce_one_side_declared_is_unknown():
    # "الهدنة التي أعلنها الجيش من طرف واحد": declared by one side, not the registry agreement
    # the page is about
    text = (
        "التزمت الفصائل بوقف إطلاق النار الذي أعلن عنه الرئيسان الأمريكي والروسي في هامبورغ. "
        "وينتظر الأهالي ليعرفوا إن كان سيصمد أكثر من الهدنة التي أعلنها الجيش من طرف واحد."
    )
    said = agreements_said(text, "2017-07-12")
    assert "southwest_ceasefire_2017" in said
    assert None in said


def test_the_adana_agreement_is_no_agreement_on_a_zone():
    # "اتفاق أضنة" (1998, Turkish-Syrian border security): not an agreement on a Syrian area
    text = "ويستحضر المعلقون الأتراك اتفاق أضنة الموقع بين أنقرة ودمشق عام 1998 لضمان أمن الحدود."
    assert agreements_said(text, "2018-10-16") == []
    assert (
        agreements_said("Ankara invoked the 1998 Adana agreement with Damascus.", "2019-10-16")
        == []
    )


def test_under_it_goes_back_past_an_agreement_named_in_passing():
    # "... اتفاقاً لريف حمص، وهو الثاني بعد اتفاق الغوطة. وبموجبه ... في الرستن وتلبيسة": "it"
    # is the agreement that covers the towns, not the Ghouta one named last in passing
    text = (
        "وقعت فصائل ريف حمص الشمالي في القاهرة اتفاقاً لوقف إطلاق النار، وهو الثاني بعد اتفاق "
        "الغوطة. وبموجبه تنتشر الشرطة العسكرية الروسية في الرستن وتلبيسة."
    )
    found = extract_article(text, "2017-08-05").coverage
    assert any(c.agreement == "homs_truce_2017" and c.sentence == 1 for c in found)
    assert not any(c.agreement == "ghouta_truce_2017" for c in found)
