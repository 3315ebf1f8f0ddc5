"""Control events from text (extract/control.py): what changes hands, what does not."""

from __future__ import annotations

from extract import extract_article


def _control(text: str, published: str = "2019-08-21") -> list[dict]:
    return extract_article(text, published=published).to_dict()["control"]


def test_english_capture_with_place_zone_side_date_and_evidence():
    text = "BEIRUT - Syrian government forces took control of Khan Sheikhoun on Wednesday."
    [event] = _control(text)
    assert (event["place"], event["zone"], event["event"], event["to"], event["date"]) == (
        "khan_shaykhun",
        "idlib",
        "captured",
        "government",
        "2019-08-21",
    )
    assert text[event["start"] : event["end"]] == event["evidence"] == text


def test_arabic_offsets_slice_the_original_text_with_diacritics():
    text = "مقدمة.\nدَخَلَتْ قوات النظام مدينة دوما اليوم الخميس."
    [event] = _control(text, "2018-04-12")
    assert (event["place"], event["event"], event["to"]) == ("douma", "entered", "government")
    assert text[event["start"] : event["end"]] == event["evidence"]
    assert event["evidence"].startswith("دَخَلَتْ")


def test_opposition_gain_has_the_opposition_as_side():
    [event] = _control("Rebels recaptured Kafr Nabudah from government forces on Tuesday.")
    assert (event["place"], event["to"], event["event"]) == (
        "kafr_nabudah",
        "opposition",
        "retaken",
    )


def test_plans_denials_and_futures_are_not_events():
    for text in (
        "Syrian government forces are preparing to enter Khan Sheikhoun, a monitor said.",
        "Jaish al-Islam denied that the army had entered Douma.",
        "The army will enter Talbiseh once the last convoy leaves.",
        "تستعد قوات النظام لدخول مدينة خان شيخون.",
        "نفت فصائل المعارضة دخول قوات النظام إلى دوما.",
    ):
        assert _control(text) == [], text


def test_evacuation_destination_did_not_change_hands():
    events = _control(
        "Rebel fighters and their families left Rastan for Idlib on Monday.", "2018-05-07"
    )
    assert [(e["place"], e["event"], e["to"]) for e in events] == [
        ("rastan", "evacuated", "government")
    ]
    events = _control("خرج مقاتلو المعارضة من حرستا باتجاه إدلب.", "2018-03-23")
    assert [e["place"] for e in events] == ["harasta"]


def test_civilians_and_aid_convoys_are_not_handovers():
    assert _control("More than 12,000 civilians left Hamouriyah through a corridor.") == []
    assert _control("A UN aid convoy entered Douma on Monday.") == []


def test_a_list_after_the_control_word_and_not_the_locator():
    events = _control(
        "Syrian government forces captured Morek, Kafr Zita and al-Latamneh in northern Hama."
    )
    assert [e["place"] for e in events] == ["morek", "kafr_zita", "latamneh"]


def test_no_control_words_no_events_and_the_key_is_always_there():
    assert extract_article("Air strikes hit Ariha on Monday.").to_dict()["control"] == []


def _triples(text: str, published: str = "2019-08-21") -> list[tuple]:
    return [(e["place"], e["to"], e["event"], e["date"]) for e in _control(text, published)]


def test_the_town_stands_for_the_place_named_before():
    text = (
        "Rebels push back into Saraqib\n\n"
        "Opposition fighters recaptured Saraqib on Thursday, activists said.\n"
        "Government troops had seized the town on February 6 after a week of fighting."
    )
    assert ("saraqib", "government", "captured", "2020-02-06") in _triples(text, "2020-02-28")
    arabic = "انسحب المقاتلون من كفرنبودة فجراً، ثم دخلها الجيش السوري صباح السبت."
    assert _triples(arabic, "2019-05-26")[0][:3] == ("kafr_nabudah", "government", "entered")


def test_the_town_of_x_is_the_named_place_not_an_anaphor():
    events = _triples("The army entered the town of Kafr Zita on Friday.", "2019-08-23")
    assert [e[0] for e in events] == ["kafr_zita"]


def test_places_on_a_highway_between_two_cities_did_not_change_hands():
    text = (
        "Troops capture Maarat al-Numan\n\n"
        "Syrian troops captured Maarat al-Numan on Tuesday. The capture of the city, on the road "
        "linking Hama and Aleppo, reopens the route south, officials said."
    )
    places = {e[0] for e in _triples(text, "2020-01-28")}
    assert places == {"maarat_al_numan"}


def test_a_road_is_never_a_place_that_changes_hands():
    assert _triples("وانتشرت الشرطة العسكرية الروسية على الطريق الدولي M4 صباح الأحد.") == []
    text = "سيطرت قوات النظام على بلدة النيرب وطريق M4 قرب سراقب."
    assert [e[0] for e in _triples(text)] == ["nayrab_idlib"]


def test_a_list_carries_on_after_a_date_and_then_each_part_with_its_own_date():
    text = "Troops took Beit Sawa on 7 March and the nearby towns of Hazrama and Otaya a day later."
    assert [e[0] for e in _triples(text, "2018-03-20")] == ["beit_sawa", "hazrama", "otaya"]
    arabic = "وسيطر الجيش على بيت سوى في 7 آذار، ثم على حزرما في 9 آذار."
    got = [(e[0], e[3]) for e in _triples(arabic, "2018-03-20")]
    assert got == [("beit_sawa", "2018-03-07"), ("hazrama", "2018-03-09")]


def test_the_southern_towns_of_is_a_description_not_a_locator():
    text = "Fighters left Harasta on 22 March and the southern towns of Saqba and Jobar later."
    places = [e[0] for e in _triples(text, "2018-04-01")]
    assert places == ["harasta", "saqba", "jobar"]


def test_followed_repeats_the_event_before_for_another_place():
    text = "Government forces captured Kafr Batna on 18 March. Saqba followed the same evening."
    assert [e[:3] for e in _triples(text, "2018-03-19")] == [
        ("kafr_batna", "government", "captured"),
        ("saqba", "government", "captured"),
    ]
    assert _triples("Saqba followed the same evening.", "2018-03-19") == []


def test_an_evacuation_by_buses_or_convoys_without_naming_fighters():
    assert _triples("The last convoy left Talbiseh late on Tuesday.", "2018-05-16")[0][:3] == (
        "talbiseh",
        "government",
        "evacuated",
    )
    arabic = "غادرت آخر الحافلات بلدة الرستن مساء الثلاثاء وعلى متنها مقاتلون."
    assert _triples(arabic, "2018-05-16")[0][:3] == ("rastan", "government", "evacuated")
    assert _triples("An aid convoy left Douma on Monday.") == []
    assert _triples("Buses carrying civilians left Douma on Monday.") == []


def test_a_settlement_names_the_place_of_the_side_that_settles():
    text = (
        "Rebels in Tafas, a town north-west of Deraa city, accepted a settlement deal on "
        "Wednesday, and troops entered Dael the next day."
    )
    events = _triples(text, "2018-07-12")
    assert ("tafas", "government_settlement", "settlement", "2018-07-11") in events
    assert ("dael", "government", "entered", "2018-07-12") in events
    assert not any(e[0] in ("daraa", "dael") and e[2] == "settlement" for e in events)
    arabic = "وافقت فصائل المعارضة في مدينة إنخل، الخميس، على اتفاق تسوية مع الجانب الروسي."
    assert _triples(arabic, "2018-07-12")[0][:3] == (
        "inkhil",
        "government_settlement",
        "settlement",
    )


def test_entering_under_a_settlement_is_a_settlement_handover():
    events = _triples("Army units entered Jasim under a settlement agreement.", "2018-07-17")
    assert {(e[0], e[1], e[2]) for e in events} == {
        ("jasim", "government_settlement", "entered"),
        ("jasim", "government_settlement", "settlement"),
    }
    assert _triples("بدأت في جاسم عملية التسوية للمطلوبين.", "2021-10-03") == []


def test_a_sentence_opening_in_a_place_frames_its_control_word():
    text = "In Busra al-Harir, shelled for weeks, the national flag was raised on 27 June."
    assert _triples(text, "2018-06-30") == [
        ("busra_al_harir", "government", "declared", "2018-06-27")
    ]


def test_the_actor_right_after_the_verb_is_the_side_that_gained_the_place():
    # Arabic verb-subject order, even with the other side named earlier in the sentence
    arabic = "انسحبت الفصائل من مورك ليلاً، واقتحمها الجيش السوري صباح الجمعة."
    assert ("morek", "government") in {(e[0], e[1]) for e in _triples(arabic, "2019-08-23")}
    assert _triples("Tell Malah fell to rebels on Thursday.", "2019-06-07")[0][1] == "opposition"
    arabic = "سيطر عناصر سابقون في فصائل المعارضة، الأحد، على بلدة المزيريب."
    assert _triples(arabic, "2020-03-02")[0][:2] == ("muzayrib", "opposition")


def test_named_group_before_fighters_keeps_its_side():
    text = "Jaysh Khalid ibn al-Walid fighters seized the village of Tasil from rebels."
    assert _triples(text, "2018-07-12")[0][:2] == ("tasil", "jkw")
    text = "Hezbollah fighters entered Zabadani... and troops captured Inkhil."
    assert ("inkhil", "government") in {(e[0], e[1]) for e in _triples(text)}


def test_headline_infinitives_explainers_and_months_named_may():
    assert _triples("Syrian army to enter Nawa after deal") == []
    assert _triples("How Saraqib fell") == []
    assert _triples("Rebels managed to retake Kafr Nabudah on Tuesday.", "2019-05-22")[0][:2] == (
        "kafr_nabudah",
        "opposition",
    )
    events = _triples("Fighters left Talbiseh on May 9 for Idlib.", "2018-05-10")
    assert events == [("talbiseh", "government", "evacuated", "2018-05-09")]


def test_the_capture_date_follows_the_place_not_an_earlier_clause():
    text = "Talks ended on 10 July, and troops entered the main square of Nawa on 12 July."
    assert _triples(text, "2018-07-25") == [("nawa", "government", "entered", "2018-07-12")]


def test_government_cleared_of_militants_is_the_government_s_gain():
    text = "Troops entered Harasta on Friday, declaring the town cleared of militants."
    assert {e[1] for e in _triples(text, "2018-03-23")} == {"government"}


def test_a_dateline_place_is_not_part_of_the_list_before_a_control_word():
    text = (
        "HAMA, Aug 23 - Government forces entered Latamneh and raised the national flag over "
        "the main square on Friday."
    )
    assert {e[0] for e in _triples(text, "2019-08-23")} == {"latamneh"}


def test_a_gerund_after_a_clause_break_is_a_capture():
    text = "Troops reached the edge of Khan Shaykhun after taking Tell Touqan and Hish."
    assert [e[:3] for e in _triples(text)] == [
        ("tell_touqan", "government", "captured"),
        ("hish", "government", "captured"),
    ]
    assert _triples("The truce in Idlib is taking effect in Saraqib today.") == []


def test_leaving_a_place_as_the_last_one_held_is_no_evacuation():
    text = "The offensive ended in May, leaving Idlib as the last province held by rebels."
    assert _triples(text, "2018-05-20") == []
    # government forces withdraw, they do not leave under a deal
    assert _triples("وكانت درعا البلد خرجت من سيطرة الحكومة منذ عام 2011.") == []


def test_a_control_noun_after_the_has_its_place_after_of():
    assert _triples("The recapture leaves Idlib as the last big pocket.") == []
    events = _triples("The recapture of Saraqib was announced on Monday.", "2020-03-02")
    assert [e[:3] for e in events] == [("saraqib", "government", "retaken")]
    text = "The flag was raised in Douma on Thursday."
    assert _triples(text, "2018-04-13")[0][:3] == ("douma", "government", "declared")


def test_a_date_far_from_the_control_word_dates_something_else():
    text = (
        "The fall of Talbiseh ends the northern Homs zone, one of the four that Russia, Turkey "
        "and Iran agreed on in the Kazakh capital on May 4, 2017."
    )
    assert _triples(text, "2018-05-16") == [("talbiseh", "government", "captured", None)]


def test_calls_provisions_and_processes_under_way_are_not_handovers():
    for text in (
        "ودعا المركز الروسي الفصائل في مدينة نوى إلى الانضمام إلى المصالحة.",
        "The deal provides for the army to enter Tafas after the rebels hand over heavy arms.",
        "Fighters began leaving Douma on Sunday under the deal.",
        "وأعلن ناشطون بدء خروج المقاتلين من دوما.",
        "The southern zone takes in Daraa and Quneitra.",
        "دخل وقف إطلاق النار في ريف حمص الشمالي حيز التنفيذ ظهر الخميس.",
        "وتقع البلدة في مناطق سيطرة الحكومة قرب حماة.",
    ):
        assert _triples(text, "2018-07-20") == [], text


def test_the_side_a_place_was_taken_from_is_not_the_side_that_gained_it():
    events = _triples("Rebels took Tasil from Jaysh Khalid ibn al-Walid on Monday.", "2018-07-10")
    assert events[0][:2] == ("tasil", "opposition")
    assert _triples("Turkish-backed forces seized Afrin on Sunday.", "2018-03-19")[0][1] == (
        "opposition"
    )
    assert _triples("Rebels agree deal as government retakes Nassib crossing")[0][:2] == (
        "nassib",
        "government",
    )


def test_a_settlement_does_not_reach_a_place_the_army_reached_in_another_clause():
    text = "Rebel groups accepted a surrender agreement on Friday, and the army reached Inkhil."
    assert not any(e[2] == "settlement" for e in _triples(text, "2018-07-07"))


def test_hypotheticals_and_approaches_are_not_events():
    for text in (
        "The capture of Saraqib would open the M5 highway to traffic.",
        "سقوط خان شيخون من شأنه أن يعزل نقطة المراقبة التركية في مورك.",
        "Syrian troops on the verge of taking Khan Sheikhoun",
        "قوات النظام تقترب من السيطرة على خان شيخون",
    ):
        assert _triples(text, "2019-08-19") == [], text
    # a modal after a conjunction belongs to the next verb, not to the capture
    events = _triples("Troops captured Saraqib and will push on towards Idlib.", "2020-02-06")
    assert [e[:2] for e in events] == [("saraqib", "government")]
    events = _triples("سيطرت قوات النظام على سراقب وسوف تتقدم نحو إدلب.", "2020-02-06")
    assert [e[:2] for e in events] == [("saraqib", "government")]


def test_buses_carrying_fighters_out_of_a_place_report_its_evacuation():
    text = "Buses carrying rebels and their relatives out of Kafr Batna reached Idlib on Friday."
    assert [e[:3] for e in _triples(text, "2018-03-30")] == [
        ("kafr_batna", "government", "evacuated")
    ]
    arabic = "وصلت الحافلات التي تقل مقاتلين وعائلاتهم من سقبا إلى إدلب مساء الجمعة."
    assert [e[:3] for e in _triples(arabic, "2018-03-30")] == [("saqba", "government", "evacuated")]
    # what a convoy carries when no fighters are named is no evacuation
    assert _triples("A UN convoy entered Saqba on Monday carrying food for the residents.") == []


def test_a_flag_raised_with_the_subject_and_day_between_verb_and_flag():
    text = "رفعت قوات النظام، الخميس، العلم السوري في ساحة بلدة طفس."
    assert _triples(text, "2018-07-12") == [("tafas", "government", "declared", "2018-07-12")]
    text = "رفعت الفصائل علم الثورة في بلدة كفرنبودة."
    assert _triples(text, "2019-05-21")[0][:3] == ("kafr_nabudah", "opposition", "declared")
    # a verb and a flag far apart, or with other words between, are not a flag raised
    assert (
        _triples("رفعت الأمم المتحدة سعر الخبز في مخيمات النازحين قرب طفس وعلم ناشطون بذلك.") == []
    )


def test_a_side_that_lost_a_place_gives_it_to_the_other_side():
    text = "Rebels lost Kafr Nabudah again on Sunday after a week of fighting."
    assert _triples(text, "2019-05-27") == [
        ("kafr_nabudah", "government", "captured", "2019-05-26")
    ]
    assert _triples("خسرت فصائل المعارضة بلدة كفرنبودة مجددا.")[0][:2] == (
        "kafr_nabudah",
        "government",
    )
    assert _triples("Turkey lost three soldiers in Saraqib on Thursday.") == []
    assert _triples("Kafr Nabudah was lost in the fighting.") == []


def test_arabic_negation_expectation_future_and_deployment_positions():
    for text in (
        "ولا تسيطر قوات النظام على بلدة كفرنبودة حتى الآن.",
        "ومن المنتظر أن تدخل القوات الحكومية مدينة نوى خلال أيام.",
        "وقالت مصادر إن الجيش سيبسط سيطرته على كامل بلدة طفس خلال أيام.",
        "وحدد الاتفاق مواقع انتشار قوات المراقبة في بلدة سقبا.",
        "ودخل رتل عسكري تركي إلى بلدة سراقب لإقامة نقطة مراقبة.",
    ):
        assert _triples(text, "2018-07-10") == [], text
