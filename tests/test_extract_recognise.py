"""Places, zones, agreements and parties: clitics, hard negatives, ordinals, context.

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def zones(text: str, published: str | None = "2017-08-01") -> list[str]:
    return extract_article(text, published).to_dict()["zones"]


def agreements(text: str, published: str | None = "2017-08-01") -> list[str]:
    return extract_article(text, published).to_dict()["agreements"]


def mentions(text: str, kind: str, published: str | None = "2017-08-01") -> list[tuple]:
    return [
        (m["id"], m["text"])
        for m in extract_article(text, published).to_dict()["mentions"]
        if m["kind"] == kind
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد إلى إدلب صباحا", ["idlib"]),
        ("وصل الوفد بإدلب صباحا", ["idlib"]),  # ب
        ("وفي درعا هدوء حذر", ["south"]),  # و + في
        ("وللرستن حصة من المساعدات", ["north_homs"]),  # ولل + (ا)لرستن
        ("قصف على الغوطة الشرقية وبالغوطة الشرقية", ["eastern_ghouta"]),  # بال
        ("فالرستن وتلبيسة ما زالتا محاصرتين", ["north_homs"]),  # ف + ال
    ],
)
def test_arabic_clitics(text, expected):
    assert zones(text) == expected


def test_clitic_match_spans_the_name_only():
    text = "وصل الوفد بإدلب"
    (found,) = mentions(text, "zone")
    assert found == ("idlib", "إدلب")


@pytest.mark.parametrize(
    "text",
    [
        "Activists in Daraya said the siege went on.",
        "قال ناشطون في داريا إن الحصار مستمر",
        "Hamas officials met in Cairo.",
        "التقى مسؤولون من حماس في القاهرة",
        "Evacuations from al-Waer, the last rebel district of Homs city, began.",
        "بدأ تهجير أهالي حي الوعر في مدينة حمص",
        "Turkish troops entered Jarablus during Operation Euphrates Shield.",
        "دخلت القوات التركية جرابلس ضمن عملية درع الفرات",
        "The summit was held in Oman, in Muscat.",
        "Hama city and Homs city were calm; so were Damascus and Aleppo.",
    ],
)
def test_hard_negatives_name_no_zone(text):
    assert zones(text) == []


def test_hard_negatives_name_no_agreement():
    assert agreements("دخلت القوات التركية جرابلس ضمن عملية درع الفرات عام 2016") == []
    assert agreements("Turkish-backed rebels held the Euphrates Shield area in 2017.") == []


def test_amman_is_a_place_but_not_a_zone_and_oman_differs():
    assert mentions("اجتمع الخبراء في العاصمة الأردنية عمان", "place") == [("amman", "عمان")]
    assert mentions("زار الوزير سلطنة عمان والتقى مسؤولين في مسقط", "place")[0][0] == "oman"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("انتهت اجتماعات أستانا 4 باتفاق", "astana_memorandum_2017"),
        ("انتهت اجتماعات أستانا الرابعة باتفاق", "astana_memorandum_2017"),
        ("The fourth round of Astana talks ended with a memorandum.", "astana_memorandum_2017"),
        ("Delegates arrived for Astana-4 on Wednesday.", "astana_memorandum_2017"),
        ("Delegates arrived for Astana 5 on Tuesday.", "astana_5"),
        ("انطلقت الجولة الخامسة من محادثات أستانا", "astana_5"),
        ("Round six of the Astana talks agreed the Idlib borders.", "astana_6"),
        ("The sixth Astana round agreed the Idlib borders.", "astana_6"),
    ],
)
def test_astana_rounds_by_number_and_ordinal(text, expected):
    assert expected in agreements(text)


def test_astana_in_a_date_is_not_a_round():
    # "to Astana on 20 May": the number belongs to the date (and no round was held then)
    assert agreements("وصل الوفد الروسي إلى أستانا 20 مايو") == []


def test_astana_with_a_date_names_the_round_held_then():
    assert agreements(
        "The guarantors met at Astana in May and signed the zones deal.", "2017-08-01"
    ) == ["astana_memorandum_2017"]


def test_the_current_round_is_dated_by_publication():
    text = "ويشارك في الجولة الحالية من اجتماعات أستانا وفد أردني."
    assert agreements(text, "2017-07-05") == ["astana_5"]
    assert agreements(text, "2017-09-14") == ["astana_6"]
    assert agreements(text, None) == []


def test_parties_of_a_deal_name_it():
    assert agreements("تحدث المسؤول عن تفاهم أمريكي روسي أردني بشأن المنطقة", "2017-07-10") == [
        "southwest_ceasefire_2017"
    ]
    assert agreements("A US-Russian deal for the region was announced.", "2017-07-10") == [
        "southwest_ceasefire_2017"
    ]


def test_back_reference_takes_the_last_named_agreement():
    text = "Guarantors signed the Sochi memorandum on Monday. The deal sets up a buffer in Idlib."
    found = extract_article(text, "2018-09-18").to_dict()
    refs = [m for m in found["mentions"] if m["kind"] == "agreement"]
    assert [m["id"] for m in refs] == ["sochi_2018", "sochi_2018"]
    assert ("sochi_2018", "idlib") in {(c["agreement"], c["zone"]) for c in found["coverage"]}


def test_unknown_agreement_is_reported_with_null_id():
    text = "In 2021 a new deal in Daraa al-Balad ended weeks of siege."
    found = extract_article(text, "2021-09-01").to_dict()
    unknown = [m for m in found["mentions"] if m["kind"] == "agreement" and m["id"] is None]
    assert unknown and "deal" in unknown[0]["text"]
    assert found["agreements"] == []
    assert found["zones"] == ["south"]


def test_a_2018_surrender_deal_is_not_a_2017_truce():
    text = "Rebels in Rastan accepted a surrender deal in May 2018 and buses left the town."
    found = extract_article(text, "2018-05-08").to_dict()
    assert "homs_truce_2017" not in found["agreements"]
    assert "astana_memorandum_2017" not in found["agreements"]


def test_weak_region_words_need_context():
    # "الجنوب" (the south) is a zone only where the sentence speaks of zones or agreements
    assert zones("سافر الوفد إلى الجنوب لقضاء العطلة") == []
    assert zones("يشمل الاتفاق المعارضة المسلحة في الجنوب") == ["south"]


def test_relations():
    text = (
        "The guarantors agreed at Astana-6 to delineate the borders of the Idlib zone. "
        "Moscow asked to exclude the south from the de-escalation memorandum."
    )
    links = {
        (c["agreement"], c["zone"], c["relation"])
        for c in extract_article(text, "2017-09-16").to_dict()["coverage"]
    }
    assert ("astana_6", "idlib", "delineates") in links
    assert ("astana_memorandum_2017", "south", "excludes") in links


def test_enumeration_links_every_listed_zone():
    text = (
        "The memorandum set up four zones: first, Idlib province; second, the north of Homs; "
        "third, Eastern Ghouta; fourth, Deraa and Quneitra."
    )
    links = {
        (c["agreement"], c["zone"])
        for c in extract_article(text, "2017-05-05").to_dict()["coverage"]
    }
    assert links >= {
        ("astana_memorandum_2017", z) for z in ("idlib", "north_homs", "eastern_ghouta", "south")
    }


def test_party_mentions():
    found = mentions("Russia, Turkey and Iran signed; Washington and the UN welcomed it.", "party")
    assert [f[0] for f in found] == ["russia", "turkey", "iran", "united_states", "united_nations"]


def test_a_deal_long_after_the_zone_ended_is_unknown():
    found = extract_article(
        "A new deal in Daraa al-Balad ended weeks of siege.", "2021-09-01"
    ).to_dict()
    assert found["agreements"] == []
    assert [m["id"] for m in found["mentions"] if m["kind"] == "agreement"] == [None]
    # the same words in 2017 are the south-west deal
    found = extract_article("A new deal in Daraa took effect today.", "2017-07-09").to_dict()
    assert found["agreements"] == ["southwest_ceasefire_2017"]
