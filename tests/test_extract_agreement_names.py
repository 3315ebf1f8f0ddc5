"""Agreements named the way officials and wire services name them (issue 9): official titles,
brokers, venues and provisions instead of names, and truces the registry does not hold.

Every text here is the team's own sentence."""

from __future__ import annotations

import pytest

from extract import extract_article
from tests.reading import agreements_said, links


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


def test_the_amman_memorandum_of_november_is_the_southwest_agreement():
    text = "The agreement reached in Amman on Wednesday reaffirms the ceasefire in southern Syria."
    assert links(text, "2017-11-12") == {("southwest_ceasefire_2017", "south")}


def test_a_name_that_completes_a_head_is_not_the_agreement_spoken_of():
    ar = (
        "اتفق الرئيسان بوتين وأردوغان في الخامس من آذار على بروتوكول إضافي لمذكرة سوتشي، يقضي "
        "بوقف إطلاق النار على خطوط التماس في منطقة خفض التصعيد في إدلب."
    )
    assert links(ar, "2020-03-15") == {("moscow_protocol_2020", "idlib")}


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


@pytest.mark.parametrize(
    "text",
    [
        "The guarantors agreed on Friday to post monitors around Idlib as a sixth round of "
        "talks in the Kazakh capital ended.",
        "واتفقت الدول الضامنة الجمعة على نشر مراقبين حول إدلب مع اختتام الجولة السادسة من "
        "المحادثات في العاصمة الكازاخية.",
    ],
)
def test_a_round_held_in_the_kazakh_capital_is_an_astana_round(text):
    assert "astana_6" in extract_article(text, "2017-09-15").agreements
