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
