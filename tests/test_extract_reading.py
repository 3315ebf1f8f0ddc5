"""Reading news as it is written (issue 9): comparisons, movements, itemised zone lists.

Every text here is the team's own sentence, written the way wire copy, official statements
and Arabic newspapers put these things."""

from __future__ import annotations

from extract import extract_article


def links(text: str, published: str | None = None) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


def test_agreements_named_in_a_comparison_do_not_extend_to_their_zones():
    text = (
        "The Homs truce is the third such deal this summer, after the south-west ceasefire "
        "and the Ghouta agreement."
    )
    result = extract_article(text, "2017-08-05")
    assert {"homs_truce_2017", "southwest_ceasefire_2017", "ghouta_truce_2017"} <= set(
        result.agreements
    )
    assert links(text, "2017-08-05") == set()
    arabic = (
        "وهدنة ريف حمص الشمالي هي الثالثة من نوعها هذا الصيف، بعد هدنة الجنوب الغربي واتفاق الغوطة."
    )
    assert links(arabic, "2017-08-05") == set()


def test_a_zone_inside_a_name_does_not_resolve_a_generic_head_next_to_it():
    text = "It is the third such deal this summer, after the south-west ceasefire."
    agreements = [
        m.id for m in extract_article(text, "2017-08-05").mentions if m.kind == "agreement"
    ]
    assert agreements == ["southwest_ceasefire_2017"]


def test_the_places_evacuees_leave_and_reach_are_not_covered():
    assert links("Under the Ghouta agreement, fighters were bused from Douma to Idlib.") == set()
    assert links("وبموجب اتفاق الغوطة نُقل المقاتلون من دوما إلى إدلب.", "2018-04-02") == set()
    assert extract_article("Fighters were bused from Douma to Idlib.", None).zones == [
        "eastern_ghouta",
        "idlib",
    ]  # still zone mentions


def test_where_the_displaced_came_from_is_not_covered_but_where_they_are_is():
    en = (
        "The Sochi memorandum protects four million civilians in Idlib, many of whom were "
        "displaced from Eastern Ghouta, northern Homs and Daraa."
    )
    ar = (
        "وتحمي مذكرة سوتشي أربعة ملايين مدني في إدلب، نزح كثير منهم من الغوطة الشرقية "
        "وريف حمص الشمالي ودرعا."
    )
    assert links(en, "2018-10-15") == {("sochi_2018", "idlib")}
    assert links(ar, "2018-10-15") == {("sochi_2018", "idlib")}


FOUR = {
    ("astana_memorandum_2017", "idlib"),
    ("astana_memorandum_2017", "north_homs"),
    ("astana_memorandum_2017", "eastern_ghouta"),
    ("astana_memorandum_2017", "south"),
}


def test_zones_listed_item_by_item_after_the_agreement_sentence():
    en = (
        "Russia, Iran and Turkey signed the memorandum in Astana on Thursday.\n"
        "The de-escalation areas are set up in the following parts of the country.\n"
        "The first is Idlib province and parts of Latakia, Hama and Aleppo provinces.\n"
        "The second is the north of Homs province.\nThe third is Eastern Ghouta.\n"
        "The fourth covers parts of southern Syria."
    )
    ar = (
        "وقعت روسيا وإيران وتركيا مذكرة أستانا يوم الخميس.\n"
        "وتنشأ مناطق خفض التصعيد في أجزاء محددة من البلاد.\n"
        "فالمنطقة الأولى تضم محافظة إدلب، والثانية شمال محافظة حمص، والثالثة الغوطة الشرقية، "
        "أما الرابعة فتضم أجزاء من جنوب سوريا."
    )
    assert links(en, "2017-05-06") == FOUR
    assert links(ar, "2017-05-06") == FOUR


def test_an_ordinal_word_alone_is_not_a_list_item():
    text = (
        "Russia and Turkey signed the Sochi memorandum on Monday.\n"
        "For the first time in weeks, no air strikes were reported in Idlib."
    )
    assert links(text, "2018-09-20") == set()


def agreements_said(text: str, published: str | None) -> list[str | None]:
    return [m.id for m in extract_article(text, published).mentions if m.kind == "agreement"]


def test_a_known_name_on_another_date_is_another_agreement():
    """The 2019 Sochi memorandum on the north-east is not the 2018 one on Idlib."""
    en = (
        "Under the Sochi memorandum of 22 October 2019, Kurdish-led forces were to withdraw "
        "30 km from the Turkish border."
    )
    ar = (
        "وبموجب اتفاق سوتشي الموقع في 22 تشرين الأول 2019، انسحبت القوات الكردية مسافة 30 كيلومترا."
    )
    assert agreements_said(en, "2019-10-24") == [None]
    assert agreements_said(ar, "2019-10-24") == [None]
    # the agreement's own date, even written without its year, keeps the name
    same = "The Sochi memorandum of 17 September set up a demilitarised zone in Idlib."
    assert agreements_said(same, "2019-03-01") == ["sochi_2018"]
    later = "A Russian-Turkish ceasefire announced in January collapsed within days."
    assert agreements_said(later, "2020-03-15") == [None]


def test_a_ceasefire_that_took_effect_on_another_day_is_unknown():
    en = "A ceasefire in Idlib announced by Russia and Turkey took effect on Sunday."
    ar = "ودخل وقف لإطلاق النار في إدلب أعلنته روسيا وتركيا حيز التنفيذ يوم الأحد."
    assert agreements_said(en, "2020-01-13") == [None]  # January 2020: not in the registry
    assert agreements_said(ar, "2020-01-13") == [None]
    assert agreements_said(en, "2018-09-18") == ["sochi_2018"]  # the weekend of Sochi
    assert links(en, "2020-01-13") == set()


def test_a_name_inside_the_sentence_keeps_its_own_venue_and_date():
    text = (
        "The Additional Protocol was agreed in Moscow on March 5. "
        "The protocol amends the 2018 Sochi memorandum."
    )
    assert agreements_said(text, "2020-03-15") == [
        "moscow_protocol_2020",
        "moscow_protocol_2020",
        "sochi_2018",
    ]


def test_official_titles_name_their_agreements():
    cases = [
        (
            "دخلت مذكرة إنشاء مناطق تخفيف التصعيد حيز التنفيذ.",
            "2017-05-06",
            "astana_memorandum_2017",
        ),
        (
            "وقعت روسيا وتركيا مذكرة تثبيت الاستقرار في منطقة خفض التصعيد بإدلب.",
            "2018-09-18",
            "sochi_2018",
        ),
        (
            "وتنص تفاهمات الخامس من آذار على تسيير دوريات مشتركة.",
            "2020-03-07",
            "moscow_protocol_2020",
        ),
        ("The Amman agreement reaffirmed the ceasefire.", "2017-11-12", "southwest_ceasefire_2017"),
    ]
    for text, published, expected in cases:
        assert extract_article(text, published).agreements == [expected], text
    # the protocol's title names the memorandum it completes: both are mentioned, the protocol
    # is the agreement the sentence speaks of
    for protocol in (
        "The Additional Protocol to the Memorandum on Stabilization of the Situation in the Idlib "
        "De-escalation Area was signed in Moscow.",
        "وتلا الوزيران نص البروتوكول الإضافي لمذكرة سوتشي، ويقضي بإنشاء ممر آمن على طريق M4.",
    ):
        result = extract_article(protocol, "2020-03-06")
        assert result.agreements == ["moscow_protocol_2020", "sochi_2018"], protocol
        assert links(protocol, "2020-03-06") == {("moscow_protocol_2020", "idlib")}, protocol


def test_brokers_and_principles_describe_an_agreement_without_its_name():
    cases = [
        (
            "The deal, brokered by Egypt, covers 84 villages north of Homs city.",
            "2017-08-05",
            ("homs_truce_2017", "north_homs"),
        ),
        (
            "وقالت المصادر إن الهدنة التي تم التوصل إليها برعاية مصرية تشمل الغوطة الشرقية.",
            "2017-07-23",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        (
            "The Egyptian-brokered truce took effect in Eastern Ghouta at noon on Saturday.",
            "2017-07-23",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        (
            "The principles agreed by Russia, the US and Jordan apply to southwest Syria.",
            "2017-11-12",
            ("southwest_ceasefire_2017", "south"),
        ),
        (
            "The Amman agreement reaffirmed the southwest de-escalation zone.",
            "2017-11-12",
            ("southwest_ceasefire_2017", "south"),
        ),
    ]
    for text, published, link in cases:
        assert links(text, published) == {link}, text
    # one broker that brokered many deals says nothing by itself
    assert links("The deal, brokered by Russia, took effect on Friday.", "2019-05-10") == set()


def test_a_quoted_protocol_is_recognised_by_its_provisions():
    en = (
        "The ministry reproduced the operative provisions of the document:\n"
        '"2. A security corridor shall be established 6 km deep to the north and 6 km deep to '
        "the south of the M4 highway.\n3. Joint Russian-Turkish patrols shall begin on 15 March "
        'along the M4 from Trumba to Ain al-Havr."'
    )
    ar = (
        "وأوردت الوزارة البنود الرئيسية للوثيقة:\n"
        '"ثانياً: يُنشأ ممر أمني بعمق 6 كيلومترات إلى الشمال و6 كيلومترات إلى الجنوب من الطريق M4."'
    )
    assert links(en, "2020-03-06") == {("moscow_protocol_2020", "idlib")}
    assert links(ar, "2020-03-07") == {("moscow_protocol_2020", "idlib")}
    # one provision alone ("joint patrols" were also agreed for the north-east in 2019) is not enough
    one = "Russian and Turkish troops began joint patrols between Tal Abyad and Ras al-Ain."
    assert extract_article(one, "2019-11-01").agreements == []


def test_truces_the_registry_cannot_hold_are_unknown_agreements():
    cases = [
        (
            "The UN Security Council demanded a 30-day truce across Syria, including Eastern Ghouta.",
            "2018-02-25",
        ),
        (
            "وطالب مجلس الأمن الدولي بهدنة لمدة 30 يوما في سوريا بما فيها الغوطة الشرقية.",
            "2018-02-25",
        ),
        ("The army announced a conditional truce in Idlib on Thursday night.", "2019-08-02"),
        ("أعلن الجيش السوري هدنة من جانب واحد في إدلب.", "2019-08-02"),
        ("لماذا انهارت هدنة إدلب المشروطة بعد أربعة أيام فقط؟", "2019-08-10"),
        (
            "Rebels in Busra al-Sham agreed to a reconciliation deal with government forces.",
            "2018-07-07",
        ),
        ("وتوصلت فصائل الرستن إلى اتفاق مصالحة مع الجانب الروسي.", "2018-04-12"),
    ]
    for text, published in cases:
        result = extract_article(text, published)
        said = [m for m in result.mentions if m.kind == "agreement"]
        assert said and all(m.id is None for m in said), text
        assert result.coverage == [] or all(c.agreement is None for c in result.coverage), text


def test_a_chronology_entry_states_the_agreement_by_its_parties_and_date():
    cases = [
        "On 17 September 2018, Russia and Turkey agreed to create a demilitarised zone in Idlib.",
        "17 September 2018: Russia and Turkey agree at Sochi to create a demilitarised zone around Idlib.",
    ]
    for text in cases:
        assert links(text, None) == {("sochi_2018", "idlib")}, text
    # the same parties agreeing something on a day that is no registry agreement's: nothing
    other = "On 22 October 2019, Russia and Turkey agreed to hold joint patrols near Tal Abyad."
    assert extract_article(other, None).agreements == []


def relations(text: str, published: str | None = None) -> set[tuple[str | None, str, str]]:
    return {(c.agreement, c.zone, c.relation) for c in extract_article(text, published).coverage}


def test_a_round_of_talks_does_not_end_what_fell_while_it_met():
    held = (
        "The ninth round of the Astana talks met after the fall of Eastern Ghouta and during "
        "the evacuation of northern Homs."
    )
    assert relations(held, "2018-05-20") == set()
    lines = (
        "Russia, Turkey and Iran agreed on Friday on the boundaries of the de-escalation zone in "
        "Idlib at the end of the sixth round of talks in Astana."
    )
    assert relations(lines, "2017-09-16") == {("astana_6", "idlib", "delineates")}


def test_a_list_that_says_they_are_carries_the_agreement_of_the_sentence_before():
    text = (
        "The joint statement said the four de-escalation areas had been created in accordance "
        "with the memorandum of 4 May 2017. Besides the Idlib area, they are Eastern Ghouta, "
        "certain parts of the north of Homs province, and certain parts of southern Syria."
    )
    assert links(text, "2017-09-16") == FOUR


def test_page_furniture_states_no_link():
    page = (
        "The Sochi agreement created a demilitarised zone around Idlib.\n"
        "See also: Sochi agreement; Eastern Ghouta; Northern Homs pocket"
    )
    assert links(page, "2019-01-01") == {("sochi_2018", "idlib")}
    caption = "وشمل اتفاق القاهرة الغوطة الشرقية.\nاتفاق القاهرة ودوما - صورة خاصة"
    assert relations(caption, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta", "covers")}
    assert [c.sentence for c in extract_article(caption, "2017-07-25").coverage] == [0]


def test_the_deal_is_the_one_the_text_is_about_not_one_named_in_passing():
    surrender = (
        "Rebels in Rastan agreed a surrender deal with Russian officers on Thursday. The Homs "
        "truce of 2017 had spared the town for months. The deal allows fighters to leave for Idlib."
    )
    said = agreements_said(surrender, "2018-04-12")
    assert said == [None, "homs_truce_2017", None]  # "The deal" is the surrender deal
    assert links(surrender, "2018-04-12") == set()
    current = (
        "دخلت وحدات الجيش أحياء درعا البلد بموجب اتفاق التسوية. وكانت المحافظة ضمن منطقة خفض "
        "التصعيد التي أنشأها اتفاق عمان عام 2017. ويقول ناشطون إن الاتفاق الحالي لا يختلف عن "
        "تسوية 2018."
    )
    assert agreements_said(current, "2021-09-02") == [None, "southwest_ceasefire_2017", None]
    new = (
        "Russia and Turkey agreed a ceasefire for Idlib in Moscow on Thursday. It comes after the "
        "Sochi deal of 2018 collapsed. The new deal took effect at midnight."
    )
    assert agreements_said(new, "2020-03-06")[-1] == "moscow_protocol_2020"


def test_zones_named_indirectly():
    cases = [
        (
            "Government forces retook the Nasib crossing on the Jordanian border, ending the "
            "south-west ceasefire.",
            "2018-07-08",
            ("southwest_ceasefire_2017", "south", "ends"),
        ),
        (
            "وسيطرت قوات النظام على معبر نصيب الحدودي، لتنهي بذلك اتفاق الجنوب الغربي.",
            "2018-07-08",
            ("southwest_ceasefire_2017", "south", "ends"),
        ),
        (
            "The truce covers 84 villages north of Homs city.",
            "2017-08-05",
            ("homs_truce_2017", "north_homs", "covers"),
        ),
        (
            "The Cairo agreement covers the northern countryside of Homs province.",
            "2017-08-05",
            ("homs_truce_2017", "north_homs", "covers"),
        ),
        (
            "A ceasefire in southwest Syria brokered by Russia, the US and Jordan took effect on "
            "Sunday.",
            "2017-07-10",
            ("southwest_ceasefire_2017", "south", "covers"),
        ),
        (
            "دخل وقف إطلاق النار في جنوب غربي سوريا حيز التنفيذ ظهر الأحد برعاية أمريكية روسية أردنية.",
            "2017-07-10",
            ("southwest_ceasefire_2017", "south", "covers"),
        ),
        (
            "وتشمل الهدنة ريف حمص الشمالي، حيث يعيش نحو 147 ألف شخص.",
            "2017-08-03",
            ("homs_truce_2017", "north_homs", "covers"),
        ),
    ]
    for text, published, expected in cases:
        assert relations(text, published) == {expected}, text
    assert extract_article("Rebels in Busra al-Sham handed over the town.", None).zones == ["south"]


def test_coverage_stated_across_clauses_and_sentences():
    cases = [
        (
            "Russia, Turkey and Iran signed the memorandum on Thursday. It sets up four zones: "
            "Idlib, northern Homs, Eastern Ghouta and the south.",
            "2017-05-06",
            FOUR,
        ),
        (
            "Idlib, one of the four zones set up under the Astana memorandum, has seen heavy "
            "fighting.",
            "2017-09-20",
            {("astana_memorandum_2017", "idlib")},
        ),
        (
            "Rastan and Talbiseh, which the Homs truce had spared from air strikes for months, "
            "surrendered on Sunday.",
            "2018-04-10",
            {("homs_truce_2017", "north_homs")},
        ),
        (
            "توصلت روسيا وفصائل المعارضة إلى اتفاق في القاهرة، وتشمل الهدنة بلدات دوما وحرستا وعربين.",
            "2017-07-24",
            {("ghouta_truce_2017", "eastern_ghouta")},
        ),
        (
            "وقع الطرفان الاتفاق في القاهرة، حيث ينص على وقف إطلاق النار في الغوطة الشرقية.",
            "2017-07-24",
            {("ghouta_truce_2017", "eastern_ghouta")},
        ),
        (
            "ووقعت الدول الثلاث مذكرة أستانا، ونصت على إنشاء أربع مناطق لخفض التصعيد، وتضم إدلب "
            "وريف حمص الشمالي والغوطة الشرقية والجنوب.",
            "2017-05-06",
            FOUR,
        ),
    ]
    for text, published, expected in cases:
        assert links(text, published) == expected, text


def test_zones_a_comparison_names_are_not_covered():
    ar = (
        "ووقعت المعارضة اتفاق القاهرة حول ريف حمص الشمالي أمس. وكانت روسيا قد أعلنت أن منطقة "
        "ريف حمص هي الثالثة التي تبدأ فيها الهدنة عملياً، بعد الجنوب الغربي والغوطة."
    )
    assert links(ar, "2017-08-04") == {("homs_truce_2017", "north_homs")}
    en = (
        "The Homs truce took effect on Thursday. Northern Homs is the third area where such a "
        "truce has begun, after the south-west and Ghouta."
    )
    assert {z for _, z in links(en, "2017-08-04")} <= {"north_homs"}


def test_zones_referred_back_to():
    ghouta = (
        "Eastern Ghouta had been besieged since 2013. On July 22 Russian officers and Jaish "
        "al-Islam signed an agreement in Cairo that drew the zone's lines."
    )
    assert links(ghouta, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta")}
    both = (
        "Government forces retook Eastern Ghouta and the northern Homs countryside in 2018. "
        "Both areas were among the four zones created by the Astana memorandum."
    )
    assert links(both, "2018-06-01") == {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "north_homs"),
    }
    enclave = (
        "The fall of Douma ends the Eastern Ghouta de-escalation zone, one of the four set up in "
        "the Astana memorandum of May 4, 2017, and the Cairo truce signed for the enclave on "
        "July 22, 2017."
    )
    assert ("ghouta_truce_2017", "eastern_ghouta") in links(enclave, "2018-04-13")
    ar = "وكانت الغوطة الشرقية محاصرة منذ 2013. ووقع جيش الإسلام اتفاق القاهرة الذي رسم حدود الجيب."
    assert relations(ar, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta", "delineates")}
    # "the zones" in general is no reference to one zone
    maps = "The Astana talks met on the south.\nThe fifth round ended without agreement on the maps of the zones."
    assert links(maps, "2017-07-10") == set()


def test_comparisons_and_movements_named_through_an_agreement_phrase():
    ar = (
        "ووقعت المعارضة اتفاق القاهرة حول ريف حمص الشمالي أمس. والاتفاق هو الثالث من نوعه خلال "
        "الصيف، بعد اتفاق جنوب غربي سوريا الذي رعته الولايات المتحدة وروسيا والأردن."
    )
    assert links(ar, "2017-08-04") == set()
    leave = (
        "وينص اتفاق التسوية في درعا البلد على تسليم السلاح. كما يتيح الاتفاق للمقاتلين الخروج مع "
        "عائلاتهم إلى محافظة إدلب."
    )
    assert {z for _, z in links(leave, "2021-09-02")} <= {"south"}
    january = (
        "A third arrangement, a ceasefire for Idlib announced by Moscow and Ankara in January, "
        "was meant to halt the advance on Maarat al-Numan."
    )
    assert set(agreements_said(january, "2020-02-20")) == {None}  # January 2020: unknown


def test_a_sentence_can_say_that_an_agreement_covered_a_zone_and_that_it_ended():
    ar = (
        "وبذلك تنتهي منطقة خفض التصعيد في الغوطة الشرقية التي أنشئت بموجب مذكرة أستانا في أيار "
        "2017."
    )
    assert relations(ar, "2018-04-13") == {
        ("astana_memorandum_2017", "eastern_ghouta", "covers"),
        ("astana_memorandum_2017", "eastern_ghouta", "ends"),
    }
    covers_only = "The Astana memorandum covers Idlib province."
    assert relations(covers_only, "2017-05-06") == {("astana_memorandum_2017", "idlib", "covers")}


def test_a_zone_an_area_is_bounded_by_is_not_covered():
    ar = (
        "يشمل الاتفاق الجيب الخاضع لسيطرة المعارضة شمالي مدينة حمص، وأبرز مدنه الرستن وتلبيسة، "
        "وعشرات القرى الممتدة حتى الحدود الإدارية مع محافظة حماة جنوباً."
    )
    text = "وقعت المعارضة اتفاق القاهرة حول ريف حمص الشمالي. " + ar
    assert links(text, "2017-08-04") == {("homs_truce_2017", "north_homs")}
    en = "The Homs truce covers Rastan and villages up to the border with Hama province."
    assert links(en, "2017-08-04") == {("homs_truce_2017", "north_homs")}


def test_a_new_deal_next_to_surrender_terms_is_a_local_deal():
    en = "Rebels in Daraa al-Balad reached a deal on Wednesday to hand over their heavy weapons."
    ar = "وأبرمت فصائل الرستن اتفاقا مع الجانب الروسي لتسليم السلاح الثقيل."
    for text, published in ((en, "2018-07-13"), (ar, "2018-05-03")):
        said = agreements_said(text, published)
        assert said and set(said) == {None}, text
    # a deal said to be separate from another is not itself unknown for that
    apart = "The deal is separate from the Astana memorandum, which designated a southern zone."
    assert "astana_memorandum_2017" in agreements_said(apart, "2017-07-09")


def test_astana_rounds_read_with_their_glue_words():
    assert agreements_said("The sixth round of the peace talks in Astana ended.", "2017-09-16") == [
        "astana_6"
    ]
    assert agreements_said("اختتمت الجولة السادسة من محادثات أستانا.", "2017-09-16") == ["astana_6"]
    assert agreements_said("The round of the Astana talks ended today.", "2017-12-22") == [
        "astana_8"
    ]
    # the next one is not the one being held
    assert agreements_said("The next round of the Astana talks is due in 2018.", "2017-12-22") == []


def test_background_agreements_do_not_take_the_zone_of_a_later_reference():
    text = (
        "Putin and Erdogan agreed in Moscow on a ceasefire in Idlib. The 2018 Sochi deal had "
        "created a demilitarised zone that was never implemented. The agreement provides for "
        "joint patrols on the M4."
    )
    assert agreements_said(text, "2020-03-07")[-1] == "moscow_protocol_2020"


def test_the_amman_memorandum_of_november_is_the_southwest_agreement():
    text = "The agreement reached in Amman on Wednesday reaffirms the ceasefire in southern Syria."
    assert links(text, "2017-11-12") == {("southwest_ceasefire_2017", "south")}


def test_a_name_that_completes_a_head_is_not_the_agreement_spoken_of():
    ar = (
        "اتفق الرئيسان بوتين وأردوغان في الخامس من آذار على بروتوكول إضافي لمذكرة سوتشي، يقضي "
        "بوقف إطلاق النار على خطوط التماس في منطقة خفض التصعيد في إدلب."
    )
    assert links(ar, "2020-03-15") == {("moscow_protocol_2020", "idlib")}


def test_the_end_of_an_agreement_named_after_its_zone_ends_it_there():
    en = "The last convoy left on 15 May 2018, and the northern Homs truce lapsed with it."
    ar = "ويقول معارضون إن الاتفاق الجديد أنهى عملياً هدنة ريف حمص الشمالي التي تم التوصل إليها في القاهرة."
    for text in (en, ar):
        assert relations(text, "2018-05-16") == {("homs_truce_2017", "north_homs", "ends")}, text
    assert links("The Ghouta truce is holding.", "2017-08-05") == set()  # the name alone: no link


def test_another_agreement_named_inside_a_list_sentence_keeps_its_zones():
    text = (
        "The south was one of the four zones of the Astana memorandum, and in July 2017 the United "
        "States, Russia and Jordan agreed a separate ceasefire for the southwest, which came into "
        "force on July 9, 2017 across Daraa."
    )
    assert links(text, "2021-09-02") == {
        ("astana_memorandum_2017", "south"),
        ("southwest_ceasefire_2017", "south"),
    }


def test_a_venue_and_its_day_mention_the_agreement_reached_there():
    text = "A second Cairo meeting, on July 31, settled the northern Homs countryside."
    assert links(text, "2017-09-01") == {("homs_truce_2017", "north_homs")}
    ar = "وفي القاهرة يوم 22 تموز 2017 وُضعت ترتيبات الغوطة الشرقية."
    assert links(ar, "2017-09-01") == {("ghouta_truce_2017", "eastern_ghouta")}
    other_year = "Talks in Cairo on 22 July 2019 discussed Eastern Ghouta."
    assert extract_article(other_year, "2019-07-23").agreements == []


def test_a_venue_in_a_relative_clause_names_the_head_before_it():
    ar = "وشمل الاتفاق، الذي وقعه جيش الإسلام في القاهرة، بلدات دوما وحرستا وسقبا وكفربطنا."
    en = "The deal, which Jaish al-Islam signed in Cairo, covers Douma and Harasta."
    assert links(ar, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta")}
    assert links(en, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta")}
    # a venue in another clause is not the head's
    apart = "The deal covers Douma, Turkish officials said, and talks in Sochi will follow."
    assert "sochi_2018" not in extract_article(apart, "2018-09-01").agreements


def test_the_new_deal_is_the_newest_in_force_not_the_first_named():
    text = (
        "Two years after the Sochi deal, Russia and Turkey agreed a new ceasefire in Moscow on "
        "Thursday. The new deal took effect at midnight."
    )
    assert agreements_said(text, "2020-03-06") == [
        "sochi_2018",
        "moscow_protocol_2020",
        "moscow_protocol_2020",
    ]


def test_leaders_and_between_name_the_parties_of_an_agreement():
    ar = "وقالت عمّان إن وقف إطلاق النار المتفق عليه بين الأردن والولايات المتحدة وروسيا يشمل درعا والقنيطرة."
    assert links(ar, "2017-07-09") == {("southwest_ceasefire_2017", "south")}
    en = "The deal between Putin and Erdogan covers Idlib, officials said."
    assert links(en, "2018-09-20") == {("sochi_2018", "idlib")}


def test_a_plural_head_can_mean_two_agreements_each_with_its_zone():
    en = (
        "A US-Russian-Jordanian arrangement took over in the southwest from 9 July 2017, while "
        "Egyptian-mediated talks in Cairo produced truces for Eastern Ghouta and northern Homs."
    )
    assert links(en, "2019-01-01") == {
        ("southwest_ceasefire_2017", "south"),
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }
    ar = "وأنتجت محادثات القاهرة الهدنتين في الغوطة الشرقية وريف حمص الشمالي."
    assert links(ar, "2017-08-10") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }
    # plural words about agreements in general name none
    general = "Both areas were covered by agreements in 2017 and emptied under agreements in 2018."
    assert extract_article(general, "2019-01-01").agreements == []


def test_an_encyclopaedia_list_of_the_zones_after_the_agreement_sentence():
    en = (
        "On 4 May 2017, at the fourth round of the Astana talks, Russia, Iran and Turkey signed an "
        'agreement to create four "de-escalation zones" in Syria. The zones were: Idlib '
        "Governorate and parts of the neighbouring Latakia, Hama and Aleppo governorates; the "
        "Rastan and Talbiseh enclave in northern Homs Governorate; Eastern Ghouta; and the Daraa "
        "and Quneitra area in the south."
    )
    ar = (
        "في 4 أيار/مايو 2017 وقعت روسيا وإيران وتركيا اتفاقاً لإنشاء أربع مناطق لخفض التصعيد في "
        "سوريا. والمناطق هي: محافظة إدلب وأجزاء من محافظات اللاذقية وحماة وحلب، وجيب الرستن "
        "وتلبيسة في ريف حمص الشمالي، والغوطة الشرقية، ومنطقة درعا والقنيطرة في الجنوب."
    )
    assert links(en, None) == FOUR
    assert links(ar, None) == FOUR
