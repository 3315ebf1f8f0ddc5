"""Reading rules found on Arabic breaking-news copy, scraped aggregator pages, encyclopaedia
chronologies, translated ministry statements, local news-network posts and anniversary reviews
(``realistic7``). One test of our own sentences per rule; none is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from tests.reading import agreements_said, day_dates, relations


def test_did_not_address_is_an_exclusion_and_its_subject_keeps_its_antecedent():
    # "لم يتطرق (الاتفاق) إلى X" (did not address X): X is left out; the anaphor that is the
    # subject of the negated verb is the agreement named before, not one of X's agreements
    text = (
        "وقّع الرئيسان اتفاق سوتشي في أيلول 2018. "
        "ولم يتطرق الاتفاق إلى الغوطة الشرقية أو درعا، اللتين عادتا إلى سيطرة النظام، "
        "واقتصرت مظلته على محافظة إدلب."
    )
    found = relations(text, "2018-11-02")
    assert ("sochi_2018", "eastern_ghouta", "excludes") in found
    assert ("sochi_2018", "south", "excludes") in found
    assert ("sochi_2018", "idlib", "covers") in found
    # the ending said in the other zones' relative clause is not Idlib's
    assert ("sochi_2018", "idlib", "ends") not in found
    text = "وقالت الخارجية إن مذكرة عمّان لم تتطرق إلى ريف حمص الشمالي."
    assert ("southwest_ceasefire_2017", "north_homs", "excludes") in relations(text, "2017-11-20")
    # said of a statement about the agreement, it leaves out nothing of the agreement's
    text = (
        "وأعلنت موسكو بدء سريان هدنة ريف حمص الشمالي. ولم يتطرق البيان إلى الفصائل التي "
        "رفضت الاتفاق في ريف حمص الشمالي."
    )
    assert ("homs_truce_2017", "north_homs", "excludes") not in relations(text, "2017-08-04")


def test_the_following_year_and_that_year_give_their_year_to_the_days_after_them():
    # a review of several years: "في ربيع العام التالي" moves the year of the story one on, and
    # "في صيف تلك السنة" keeps it; the days after them are not the publication year's
    text = (
        "انتهت المعارك في حلب في 22 كانون الأول 2016. وفي ربيع العام التالي، في 4 أيار، "
        "وقّعت الدول الضامنة مذكرة أستانا. وفي صيف تلك السنة دخلت هدنة الجنوب حيز التنفيذ في 9 تموز."
    )
    found = day_dates(text, "2020-01-15")
    assert {"2016-12-22", "2017-05-04", "2017-07-09"} <= found
    assert "2019-05-04" not in found
    # in an undated chronology, a line after "في العام التالي" keeps that year, not the heading's
    text = (
        "ما بعد 2018\n"
        "• في العام التالي، وتحديداً في 30 نيسان، بدأ القصف على ريف حماة الشمالي.\n"
        "• 22 آب: دخلت قوات النظام خان شيخون.\n"
    )
    assert {"2019-04-30", "2019-08-22"} <= day_dates(text, None)


def test_this_day_years_ago_is_the_publication_day_of_that_year():
    # "في مثل هذا اليوم قبل ثلاثة أعوام / قبل عامين / من عام 2018": an anniversary; alone it
    # gives no day (its year is not said), and it is never the publication day itself
    assert "2017-05-04" in day_dates("في مثل هذا اليوم قبل ثلاثة أعوام وُقّعت المذكرة.", "2020-05-04")
    assert "2018-07-22" in day_dates("في مثل هذا اليوم قبل عامين وُقّع اتفاق الغوطة.", "2020-07-22")
    assert "2018-09-17" in day_dates("في مثل هذا اليوم من عام 2018 التقى الرئيسان.", "2021-09-17")
    assert day_dates("في مثل هذا اليوم التقى الرئيسان في سوتشي.", "2021-09-17") == set()


def test_a_dual_or_plural_round_noun_names_every_round_it_lists():
    # "الجولتان الثانية والثالثة" (rounds two and three), "الجولات من السابعة إلى التاسعة"
    # (rounds seven to nine): one agreement per round, every round of a range
    text = (
        "لم تحقق محادثات أستانا الكثير في بدايتها، فقد اكتفت الجولتان الثانية والثالثة بتثبيت "
        "وقف إطلاق النار، ثم جاءت الجولات من السابعة إلى التاسعة بلا نتائج تذكر."
    )
    said = set(agreements_said(text, "2019-03-01"))
    assert {"astana_2", "astana_3", "astana_7", "astana_8", "astana_9"} <= said
    assert "astana_memorandum_2017" not in said
    # compound ordinals ("الحادية عشرة والثانية عشرة") are one round each
    text = "وانعقدت الجولتان الحادية عشرة والثانية عشرة من محادثات أستانا دون اختراق."
    said = set(agreements_said(text, "2019-06-01"))
    assert {"astana_11", "astana_12"} <= said and "astana_1" not in said
    # a plural round noun with no ordinals after it names no round
    assert agreements_said("شهدت أستانا جولات من التفاوض الصعب.", "2019-03-01") == []


def test_the_two_zones_refer_back_to_the_last_two_named_also_in_agreement_names():
    # "المنطقتين" (the two zones) after a sentence on the Homs truce that named the Ghouta truce
    # by its name: the two zones, also when its own sentence names other zones after it; a
    # later "أياً من المنطقتين" means the same two; "الاتفاقان" alone is the last two named
    text = (
        "بدأ سريان هدنة في ريف حمص الشمالي بعد أسبوع من هدنة الغوطة الشرقية. "
        "ويضع الاتفاقان المنطقتين تحت إشراف روسي. "
        "وكانت مذكرة أستانا قد أدرجت المنطقتين ضمن مناطقها الأربع إلى جانب إدلب ودرعا. "
        "أما هدنة الجنوب التي رعتها واشنطن وعمّان فلم تشمل مظلتها أياً من المنطقتين."
    )
    found = relations(text, "2017-08-10")
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") in found
    assert ("homs_truce_2017", "north_homs", "covers") in found
    assert ("ghouta_truce_2017", "north_homs", "covers") not in found
    assert ("astana_memorandum_2017", "eastern_ghouta", "covers") in found
    assert ("astana_memorandum_2017", "north_homs", "covers") in found
    assert ("southwest_ceasefire_2017", "eastern_ghouta", "excludes") in found
    assert ("southwest_ceasefire_2017", "north_homs", "excludes") in found
    # zones its own sentence names before it are the two it means: nothing is looked up
    text = (
        "وقعت روسيا هدنة الغوطة في تموز. وشهدت درعا وريف حمص الشمالي هدوءاً، "
        "ثم انتهت الحرب في المنطقتين."
    )
    assert ("ghouta_truce_2017", "eastern_ghouta", "ends") not in relations(text, "2018-06-01")


def test_a_ceasefire_glued_to_a_plural_head_is_what_the_agreements_are():
    # "اتفاقان لوقف إطلاق النار في X وY" (two agreements for a ceasefire in X and Y): the
    # ceasefire is not a third agreement that would take the second zone
    text = (
        "وفي صيف 2017 توصل الروس في القاهرة، بوساطة مصرية، إلى اتفاقين لوقف إطلاق النار في "
        "ريف حمص الشمالي والغوطة الشرقية."
    )
    found = relations(text, "2018-01-10")
    assert ("homs_truce_2017", "north_homs", "covers") in found
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") in found
    assert ("ghouta_truce_2017", "north_homs", "covers") not in found
    assert ("homs_truce_2017", "eastern_ghouta", "covers") not in found


def test_the_end_of_a_zone_set_up_by_an_agreement_is_both_covers_and_ends():
    # "نهاية منطقة الجنوب التي أرساها الاتفاق الثلاثي" (the end of the southern zone that the
    # trilateral agreement set up): the agreement covered the zone, and the zone ended
    text = (
        "واستعادت القوات الحكومية بلدة نوى، وهو ما عدّه محللون نهاية منطقة الجنوب التي أقرها "
        "الاتفاق الأمريكي الروسي الأردني قبل عام."
    )
    found = relations(text, "2018-08-01")
    assert ("southwest_ceasefire_2017", "south", "ends") in found
    assert ("southwest_ceasefire_2017", "south", "covers") in found


def test_the_two_agreements_near_a_surrender_word_are_still_the_two_named_before():
    # "وقعت الفصائل اتفاقاً للخروج ... لتطوي صفحة الاتفاقين": the surrender word is the local
    # deal's; the dual with the article is the two agreements named before, not a local deal
    text = (
        "وُقّعت في القاهرة هدنة الغوطة الشرقية ثم هدنة ريف حمص الشمالي. "
        "وفي ربيع 2018 وقعت الفصائل اتفاقاً للخروج نحو الشمال، لتطوي صفحة الاتفاقين معاً."
    )
    said = agreements_said(text, "2019-01-01")
    assert said.count("ghouta_truce_2017") == 2 and said.count("homs_truce_2017") == 2


def test_the_end_of_an_action_is_no_end_of_the_zone():
    # "انتهاء سحب الأسلحة الثقيلة من المنطقة منزوعة السلاح في إدلب": the withdrawal ended (a
    # term of the agreement carried out), not the zone; "انتهت الجولة" likewise
    text = (
        "أعلنت أنقرة انتهاء سحب الأسلحة الثقيلة من المنطقة منزوعة السلاح في إدلب، تطبيقاً "
        "لاتفاق سوتشي."
    )
    found = relations(text, "2018-10-11")
    assert ("sochi_2018", "idlib", "covers") in found
    assert ("sochi_2018", "idlib", "ends") not in found


def test_contact_lines_a_round_drew_are_its_lines_of_the_zone():
    # "على خطوط التماس التي رسمتها الجولة السادسة": the round drew the zone's lines
    text = (
        "وتقع نقاط المراقبة التركية في ريف إدلب الجنوبي على خطوط التماس التي رسمتها الجولة "
        "السادسة من محادثات أستانا."
    )
    assert ("astana_6", "idlib", "delineates") in relations(text, "2018-03-01")


def test_the_southern_de_escalation_zone_by_its_adjective_is_the_south():
    # "منطقة خفض التصعيد الجنوبية" (the southern de-escalation zone) names the southern zone
    text = "وتبقى منطقة خفض التصعيد الجنوبية، وهي إحدى المناطق التي أنشأتها مذكرة أستانا، هادئة."
    assert ("astana_memorandum_2017", "south", "covers") in relations(text, "2017-12-01")


def test_closing_the_page_with_a_word_between_is_an_ending():
    # "لتطوي بذلك صفحة اتفاق القاهرة" (closing thereby the page of the Cairo agreement): a
    # word between the verb and "صفحة" keeps the idiom
    text = "ورفعت القوات العلم في الغوطة الشرقية، لتطوي بذلك صفحة اتفاق القاهرة."
    assert ("ghouta_truce_2017", "eastern_ghouta", "ends") in relations(text, "2018-04-13")


def test_a_comparison_ends_where_a_comma_opens_a_new_that_clause():
    # "هي الثالثة بعد منطقتي الجنوب والغوطة، وأن العمل جارٍ لإنشاء منطقة في إدلب وفق مذكرة
    # أستانا": the zones compared are those before the comma; Idlib is the next clause's
    text = (
        "وقال المتحدث إن منطقة حمص هي الثالثة بعد منطقتي الجنوب الغربي والغوطة الشرقية، "
        "وإن العمل جارٍ لإنشاء منطقة رابعة في إدلب وفق مذكرة أستانا."
    )
    found = relations(text, "2017-08-05")
    assert ("astana_memorandum_2017", "idlib", "covers") in found
    assert ("astana_memorandum_2017", "eastern_ghouta", "covers") not in found


def test_a_season_with_its_year_gives_the_year_to_the_days_after_it():
    # "شهد صيف 2018 ... في 19 جوان" in an undated copy: the season states the year
    text = "شهد صيف 2018 حملة على ريف درعا بدأت في 19 جوان، وسقط معبر نصيب في 6 جويلية."
    assert {"2018-06-19", "2018-07-06"} <= day_dates(text, None)


def test_understandings_signed_at_two_venues_are_each_venues_own():
    # "التفاهمات التي وقعت في القاهرة وعمّان" after the zones: Cairo's two truces and Amman's
    # agreement, each for its own zone
    text = (
        "وباتت الغوطة الشرقية وريف حمص الشمالي والجنوب مناطق هادئة، بفضل التفاهمات التي "
        "وقعت في القاهرة وعمّان خلال الصيف."
    )
    found = relations(text, "2017-09-20")
    assert {
        ("ghouta_truce_2017", "eastern_ghouta", "covers"),
        ("homs_truce_2017", "north_homs", "covers"),
        ("southwest_ceasefire_2017", "south", "covers"),
    } <= found
    assert ("ghouta_truce_2017", "south", "covers") not in found


def test_a_round_named_by_its_day_and_the_act_of_agreeing_are_the_rounds():
    # on a round's last day, "الاتفاق الذي أعلن اليوم" is the round's, as is "الاتفاق على"
    # after "للجولة السادسة"; rounds that "failed" to settle the maps draw no lines
    text = (
        "أستانا - 15 أيلول 2017. البيان الختامي للجولة السادسة: الاتفاق على حدود منطقة إدلب. "
        "وطال الاتفاق الذي أعلن اليوم إدلب وأرياف حماة واللاذقية، بعد أن أخفقت الجولتان "
        "الرابعة والخامسة في حسم خرائط إدلب."
    )
    found = relations(text, "2017-09-15")
    assert ("astana_6", "idlib", "delineates") in found
    assert ("astana_6", "idlib", "covers") in found
    assert ("astana_5", "idlib", "delineates") not in found
    assert ("astana_memorandum_2017", "idlib", "delineates") not in found


def test_a_truce_its_relative_clause_gives_brokers_is_theirs_after_local_deals():
    # "الهدنة التي أعلنتها واشنطن وموسكو" after a surrender deal: the brokers named in its own
    # relative clause say which truce it is (not the local deal before it)
    text = (
        "وقعت فصائل القنيطرة اتفاق الاستسلام مع الجانب الروسي، لتطوي بذلك صفحة الهدنة التي "
        "أعلنتها واشنطن وموسكو في الجنوب قبل عام."
    )
    found = relations(text, "2018-07-20")
    assert ("southwest_ceasefire_2017", "south", "ends") in found
    assert not any(a is not None and a.startswith("?") for a, _, _ in found)
    # with no zone of its own, "الاتفاق الذي رعته روسيا وتركيا" after an evacuation deal is
    # that deal, not the brokers' registry agreement
    text = (
        "خرج المقاتلون من حرستا بموجب اتفاق إخلاء. وقال ناشطون إن الاتفاق الذي رعته روسيا "
        "وتركيا لم يطبق بالكامل."
    )
    assert agreements_said(text, "2018-03-30") == [None, None]


def test_an_agreement_the_new_one_does_not_cancel_is_named_in_passing():
    # "الاتفاق الجديد لا يلغي تفاهم سوتشي بل يضاف إليه": Sochi is background; a later "وقف
    # إطلاق النار" in the main story is the new agreement's
    text = (
        "وقع الرئيسان في موسكو البروتوكول الإضافي الذي يوقف القتال في إدلب. "
        "وقال مسؤول تركي إن الاتفاق الجديد لا يلغي تفاهم سوتشي بل يضاف إليه. "
        "وتواصل القصف على جبل الزاوية قبل ساعات من بدء سريان وقف إطلاق النار."
    )
    found = relations(text, "2020-03-05")
    assert ("moscow_protocol_2020", "idlib", "covers") in found
    assert ("sochi_2018", "idlib", "covers") not in found


def test_maghrebi_past_words_move_a_date_back():
    # "الفارط" / "المنقضي" (Maghrebi "last"): "5 أوت الفارط" in a July page is last year's
    assert "2017-08-05" in day_dates("أعلن الاتفاق يوم 5 أوت الفارط.", "2018-07-20")
    assert "2017-07-22" in day_dates("وقعت الهدنة في 22 جويلية المنقضي.", "2018-03-01")


def test_official_titles_with_establishment_synonyms_and_document_names():
    # "مذكرة التفاهم بشأن إقامة مناطق خفض التوتر" (إقامة for إنشاء, التوتر for التصعيد),
    # "وثيقة أستانا" (the Astana document), "اتفاق خفض التصعيد في جنوب غرب سوريا"
    said = agreements_said("نصت مذكرة التفاهم بشأن إقامة مناطق خفض التوتر على أربع مناطق.", None)
    assert said == ["astana_memorandum_2017"]
    assert agreements_said("وتحدثت وثيقة أستانا عن مراقبين.", None) == ["astana_memorandum_2017"]
    said = agreements_said(
        "وأكد الأردن التزامه باتفاق خفض التصعيد في جنوب غرب سوريا.", "2018-01-05"
    )
    assert said == ["southwest_ceasefire_2017"]


def test_lines_a_round_drew_or_agreed_are_its_lines():
    # "التي رسمتها الجولة السادسة" (which the sixth round drew), "اتفقوا على خطوط منطقة إدلب"
    text = "أما إدلب فتخضع لحدود مؤقتة رسمتها الجولة السادسة من محادثات أستانا."
    assert ("astana_6", "idlib", "delineates") in relations(text, "2018-02-01")
    text = "وفي الجولة السادسة من محادثات أستانا اتفق الضامنون على خطوط منطقة إدلب."
    assert ("astana_6", "idlib", "delineates") in relations(text, "2018-02-01")


def test_a_carried_list_takes_the_relation_of_its_predicate_after_it():
    # "أما المناطق الثلاث الأخرى، أي X وY وZ، فقد سقطت بيد النظام": the list belongs to the
    # agreement of the sentence before, and the predicate after it says they ended
    text = (
        "ولا تزال إدلب وحدها منطقة قائمة من مناطق مذكرة أستانا. أما المناطق الثلاث الأخرى، أي "
        "الغوطة الشرقية وريف حمص الشمالي والجنوب، فقد عادت إلى سيطرة النظام عام 2018."
    )
    found = relations(text, "2020-05-04")
    for zone in ("eastern_ghouta", "north_homs", "south"):
        assert ("astana_memorandum_2017", zone, "ends") in found, zone
        assert ("astana_memorandum_2017", zone, "covers") in found, zone


def test_removing_groups_from_a_zone_is_a_term_not_an_exclusion():
    # "تعهدت تركيا بإخراج المجموعات المتشددة منها": the agreement takes the groups out of the
    # zone; it does not leave the zone out
    text = (
        "وأنشأ اتفاق سوتشي منطقة منزوعة السلاح في إدلب، وتعهدت فيه تركيا بإخراج المجموعات "
        "المتشددة منها."
    )
    found = relations(text, "2018-10-01")
    assert ("sochi_2018", "idlib", "covers") in found
    assert ("sochi_2018", "idlib", "excludes") not in found


def test_a_dual_of_zone_words_in_a_comparison_still_names_its_agreements():
    # "هو الثالث بعد اتفاقي الجنوب والغوطة": the zones are compared (no link), but the dual
    # still names the south-west agreement and the Ghouta truce
    text = (
        "وبدأ سريان هدنة ريف حمص الشمالي. وقال مصدر إن الاتفاق هو الثالث بعد اتفاقي الجنوب والغوطة."
    )
    said = set(agreements_said(text, "2017-08-04"))
    assert {"homs_truce_2017", "ghouta_truce_2017", "southwest_ceasefire_2017"} <= said
    found = relations(text, "2017-08-04")
    assert ("ghouta_truce_2017", "eastern_ghouta", "covers") not in found
    assert ("homs_truce_2017", "south", "covers") not in found


def test_idioms_of_leaving_a_zone_out_are_exclusions():
    # "بمنأى عن الاتفاق" (kept away from), "استُثنيت من" (was excepted), "لم يأت (الاتفاق) على
    # ذكر" (did not mention), "لم يلحظ" (did not provide for), "خارج الاتفاق" (outside it)
    opening = "وقعت الأطراف الثلاثة اتفاق الجنوب الغربي في تموز 2017. "
    cases = {
        "وظلت الغوطة الشرقية بمنأى عن الاتفاق.": "eastern_ghouta",
        "واستُثنيت إدلب من الاتفاق.": "idlib",
        "ولم يأت الاتفاق على ذكر إدلب.": "idlib",
        "ولم يلحظ الاتفاق ريف حمص الشمالي.": "north_homs",
        "وبقيت إدلب خارج الاتفاق.": "idlib",
    }
    for sentence, zone in cases.items():
        found = relations(opening + sentence, "2017-12-01")
        assert ("southwest_ceasefire_2017", zone, "excludes") in found, sentence
        assert ("southwest_ceasefire_2017", zone, "covers") not in found, sentence


def test_an_agreement_that_no_longer_exists_in_a_zone_ended_there():
    # "لم يعد للاتفاق أي وجود في درعا" (the agreement no longer exists in Daraa)
    text = (
        "وقعت الأطراف الثلاثة اتفاق الجنوب الغربي في تموز 2017. "
        "ولم يعد للاتفاق أي وجود في درعا بعد الحملة العسكرية."
    )
    assert ("southwest_ceasefire_2017", "south", "ends") in relations(text, "2018-09-01")


def test_a_round_that_ended_without_agreeing_the_lines_drew_none():
    # "دون الاتفاق على حدود إدلب" (without agreeing the boundaries), "لم يتم ... الاتفاق على
    # خرائط": no lines drawn, and no other agreement takes the boundary word
    for text in (
        "واختتمت الجولة الخامسة من أستانا دون الاتفاق على حدود إدلب.",
        "ولم يتم في الجولة الخامسة من أستانا الاتفاق على خرائط الغوطة الشرقية.",
    ):
        assert relations(text, "2017-07-06") == set(), text
    text = "واتفقت الدول الضامنة في الجولة السادسة من أستانا على حدود إدلب دون أي اعتراض."
    assert ("astana_6", "idlib", "delineates") in relations(text, "2017-09-16")


def test_ordinals_listed_before_a_plural_round_noun_or_with_commas_name_each_round():
    # "the second and third rounds", "the fourth, fifth and sixth rounds", "الجولتان الرابعة،
    # والخامسة", and a list closed by a full stop ("... إلى السادسة.")
    said = set(agreements_said("The second and third rounds of the Astana talks did little.", None))
    assert {"astana_2", "astana_3"} <= said
    text = "In Astana, the fourth, fifth and sixth rounds set up the zones."
    assert {"astana_memorandum_2017", "astana_5", "astana_6"} <= set(agreements_said(text, None))
    text = "وعقدت في أستانا الجولتان الرابعة، والخامسة. ثم جاءت الجولات من السابعة إلى التاسعة."
    said = set(agreements_said(text, "2018-06-01"))
    assert {"astana_memorandum_2017", "astana_5", "astana_7", "astana_8", "astana_9"} <= said
