"""Reading news as it is written (issue 9): comparisons, movements, itemised zone lists,
coverage stated across clauses and sentences.

Every text here is the team's own sentence, written the way wire copy, official statements
and Arabic newspapers put these things."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


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


def test_background_agreements_do_not_take_the_zone_of_a_later_reference():
    text = (
        "Putin and Erdogan agreed in Moscow on a ceasefire in Idlib. The 2018 Sochi deal had "
        "created a demilitarised zone that was never implemented. The agreement provides for "
        "joint patrols on the M4."
    )
    assert agreements_said(text, "2020-03-07")[-1] == "moscow_protocol_2020"


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
