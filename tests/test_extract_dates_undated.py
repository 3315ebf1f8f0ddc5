"""Dates in texts without a publication date: chronologies, encyclopaedia pages, aggregator
copies, undated excerpts. The year comes from the text (the nearest year stated before, a year
heading, the known date of the agreement the sentence names), never from the machine's clock;
what the text does not pin down is reported without a value.

Sentences written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract import extract_article


def dates(text: str, published: str | None = None) -> list[tuple[str, str | None, str]]:
    return [
        (d["text"], d["date"], d["precision"])
        for d in extract_article(text, published).to_dict()["dates"]
    ]


def values(text: str, published: str | None = None) -> dict[str, str | None]:
    return {t: d for t, d, _ in dates(text, published)}


def test_a_day_takes_the_year_of_its_paragraph():
    text = (
        "In September 2018 the presidents of Russia and Turkey met twice. On 13 September their "
        "defence ministers spoke by telephone, and on 17 September the two leaders agreed on a "
        "demilitarised zone."
    )
    found = values(text)
    assert found["13 September"] == "2018-09-13"
    assert found["17 September"] == "2018-09-17"


def test_the_nearest_year_before_wins_over_an_earlier_one():
    text = (
        "The first zones were announced in May 2017. By early 2018 the Ghouta pocket was under "
        "heavy bombardment, and on 24 February the Security Council called for a truce."
    )
    assert values(text)["24 February"] == "2018-02-24"


def test_arabic_chronology_paragraph():
    text = (
        "شهد عام 2019 تصعيدا واسعا في ريف حماة الشمالي. وفي 30 نيسان بدأت قوات النظام هجوما "
        "بريا، ثم سيطرت على قلعة المضيق في 9 أيار."
    )
    found = values(text)
    assert found["30 نيسان"] == "2019-04-30"
    assert found["9 أيار"] == "2019-05-09"


def test_year_headings_of_a_chronology():
    text = (
        "Timeline of the Idlib zone\n\n"
        "2018\n"
        "17 September: Russia and Turkey agree in Sochi on a buffer zone 15-20 km deep.\n"
        "10 October: the armed groups complete the withdrawal of heavy weapons, a year after "
        "Turkish observation posts were first set up in October 2017.\n"
        "15 October: the deadline for jihadist fighters to leave passes.\n\n"
        "2020\n"
        "5 March: a ceasefire is agreed in Moscow.\n"
    )
    found = values(text)
    assert found["17 September"] == "2018-09-17"
    assert found["10 October"] == "2018-10-10"
    # a chronology entry takes its heading's year, not the year said in passing before it
    assert found["15 October"] == "2018-10-15"
    assert found["5 March"] == "2020-03-05"


def test_arabic_year_headings():
    text = "أحداث عام 2017\n- 4 أيار: توقيع مذكرة خفض التصعيد في أستانا.\n- 22 تموز: هدنة الغوطة الشرقية.\n"
    found = values(text)
    assert found["4 أيار"] == "2017-05-04"
    assert found["22 تموز"] == "2017-07-22"


def test_the_sentence_names_an_agreement_with_a_known_date():
    # no year anywhere: the Sochi memorandum was signed on 17 September 2018
    text = "On 17 September, Putin and Erdogan signed the Sochi memorandum on Idlib."
    assert values(text)["17 September"] == "2018-09-17"
    text = "وفي 5 آذار توصل الرئيسان إلى البروتوكول الإضافي لمذكرة سوتشي في موسكو."
    found = values(text)
    assert found["5 آذار"] == "2020-03-05"


def test_the_agreement_s_date_beats_a_year_said_in_passing():
    text = (
        "The four zones of May 2017 never held in Idlib. On 17 September Russia and Turkey "
        "signed the Sochi memorandum instead."
    )
    assert values(text)["17 September"] == "2018-09-17"


def test_a_day_near_an_agreement_takes_the_agreement_s_year():
    # 13 September is not the Sochi date, but the sentence is about that agreement
    text = "On 13 September the Turkish army reinforced its posts ahead of the Sochi memorandum."
    assert values(text)["13 September"] == "2018-09-13"


def test_a_day_with_nothing_to_anchor_it_has_no_value():
    found = dates("On 13 September, the Turkish army reinforced its posts around the town.")
    assert found == [("13 September", None, "day")]
    found = dates("وفي 13 أيلول عززت القوات التركية نقاطها حول البلدة.")
    assert found == [("13 أيلول", None, "day")]


@pytest.mark.parametrize(
    "text",
    [
        "Activists said the bombing resumed yesterday.",
        "قال ناشطون إن القصف تجدد أمس الخميس على البلدة.",
        "The army said the shelling began on Thursday.",
        "وقالت مصادر محلية إن القصف استؤنف اليوم.",
        "The truce was agreed last month and collapsed last week.",
        "وقع الاتفاق في 4 أيار الماضي.",
    ],
)
def test_relative_dates_without_an_anchor_are_not_invented(text):
    assert all(d is None for _, d, _ in dates(text))


def test_an_undated_relative_weekday_keeps_its_day_precision():
    assert dates("قال ناشطون إن القصف تجدد أمس الخميس.") == [("أمس الخميس", None, "day")]


def test_relative_days_count_from_a_stated_day_even_without_publication():
    text = "The memorandum was signed on 4 May 2017 and took effect two days later."
    assert values(text)["two days later"] == "2017-05-06"
    text = "وقعت المذكرة في 4 أيار 2017 ودخلت حيز التنفيذ في اليوم التالي."
    assert values(text)["اليوم التالي"] == "2017-05-05"


def test_a_weekday_with_the_date_settles_the_year():
    # 13 September was a Thursday in 2018, not in 2017
    text = (
        "The year 2017 ended badly. Thursday, 13 September: Turkish troops reinforce their posts."
    )
    assert values(text)["13 September"] == "2018-09-13"


def test_a_date_with_a_publication_date_still_reads_against_publication():
    text = "In 2016 the town was besieged. On 13 September the convoy arrived."
    assert values(text, "2018-09-20")["13 September"] == "2018-09-13"


def test_nothing_in_extract_reads_the_clock():
    root = Path(__file__).resolve().parents[1] / "extract"
    clock = re.compile(r"\b(?:date\.today|datetime\.(?:now|today|utcnow)|time\.time)\(")
    readers = [p.name for p in root.rglob("*.py") if clock.search(p.read_text("utf-8"))]
    assert readers == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Published 21/09/2018\n\nActivists said the bombing resumed yesterday, Thursday.",
            ("yesterday, Thursday", "2018-09-20"),
        ),
        (
            "Friday, March 23, 2018. All times local.\n09:30 - Buses will leave tomorrow, "
            "a negotiator said.",
            ("tomorrow", "2018-03-24"),
        ),
        (
            "وكالة زون ووتش - 21 أيلول 2018\n\nقال ناشطون إن القصف تجدد أمس الخميس.",
            ("أمس الخميس", "2018-09-20"),
        ),
    ],
)
def test_a_dateline_of_an_undated_copy_anchors_its_relative_dates(text, expected):
    assert expected in values(text).items()


def test_a_date_in_a_long_line_is_not_a_dateline():
    text = (
        "On 17 September 2018 Russia and Turkey agreed in Sochi on a buffer zone, the deal that "
        "decided the fate of the province for two years. Activists said the bombing resumed "
        "yesterday."
    )
    assert ("yesterday", None, "day") in dates(text)


def test_a_dateline_does_not_set_the_year_of_a_chronology():
    text = "Last updated 3 May 2021\n\n2018\n17 September: Russia and Turkey agree in Sochi.\n"
    assert values(text)["17 September"] == "2018-09-17"


def test_a_chronology_runs_forward_across_new_year():
    text = (
        "On 28 December 2017 the army advanced on the pocket. On 3 January, rebels "
        "counter-attacked near the base. On 10 January the army retook the town."
    )
    found = values(text)
    assert found["3 January"] == "2018-01-03"
    assert found["10 January"] == "2018-01-10"
    text = "وفي 30 كانون الأول 2016 بدأ وقف إطلاق النار. وفي 6 شباط تجددت الاشتباكات في وادي بردى."
    assert values(text)["6 شباط"] == "2017-02-06"


def test_the_year_of_the_last_date_read_carries_on():
    # the agreement gives 17 September its year; the next day without one follows it
    text = (
        "On 17 September, Putin and Erdogan signed the Sochi memorandum. "
        "On 10 October the armed groups completed the withdrawal of heavy weapons."
    )
    assert values(text)["10 October"] == "2018-10-10"


def test_a_date_of_an_agreement_named_elsewhere_in_the_text():
    text = (
        "By our correspondent\n\n"
        "On Monday, September 17, the two presidents met at the Black Sea resort. The Sochi "
        "memorandum they signed sets up a zone 15-20 km deep; heavy weapons must leave it by "
        "October 10."
    )
    found = values(text)
    assert found["September 17"] == "2018-09-17"
    assert found["October 10"] == "2018-10-10"
    text = (
        "وفي 5 آذار التقى الرئيسان في الكرملين ست ساعات. ونص البروتوكول الإضافي على دوريات مشتركة."
    )
    assert values(text)["5 آذار"] == "2020-03-05"


def test_a_chronology_heading_beats_an_agreement_named_elsewhere():
    text = (
        "The Moscow protocol ended the last offensive on the zone.\n\n"
        "2018\n"
        "5 March: government forces split the Ghouta pocket in two.\n"
    )
    assert values(text)["5 March"] == "2018-03-05"


def test_a_section_heading_with_its_year_sets_the_year_of_its_section():
    text = (
        "The 2017 truces\n"
        "The Ghouta truce was signed in Cairo on July 22, 2017, and the Homs truce on August 3.\n\n"
        "The 2018 deals\n"
        "After the offensive that began on February 18, the rebels of Douma left on April 12.\n\n"
        "ما بعد عام 2018\n"
        "وفي 12 تموز رفع العلم في درعا البلد."
    )
    found = values(text)
    assert found["August 3"] == "2017-08-03"
    assert found["February 18"] == "2018-02-18"
    assert found["April 12"] == "2018-04-12"
    assert found["12 تموز"] == "2018-07-12"


def test_last_may_in_an_undated_text_only_with_a_known_agreement_date():
    text = "وكانت روسيا وتركيا وإيران قد وقعت مذكرة خفض التصعيد في 4 أيار الماضي في أستانا."
    assert values(text)["4 أيار الماضي"] == "2017-05-04"
    assert values("وكانت الأطراف قد التقت في 4 أيار الماضي في أستانا.")["4 أيار الماضي"] is None


def test_the_closest_known_date_wins():
    # 17 September is the Sochi memorandum's day, two days from the sixth Astana round's
    text = (
        "Idlib's borders were drawn at the sixth round of talks in Astana, and the Sochi "
        "memorandum later added a buffer zone inside them. On 17 September, Putin and Erdogan "
        "met at the Black Sea resort."
    )
    assert values(text)["17 September"] == "2018-09-17"


def test_under_year_headings_the_section_year_beats_an_agreement_named_elsewhere():
    # 6 May is a day of the Astana memorandum (2017), but this entry sits under 2019
    text = (
        "The zone was set up by the Astana memorandum, signed in May 2017.\n\n"
        "2019\n\n"
        "On 6 May a ground offensive began in the northern Hama countryside. A truce declared "
        "on 1 August ended on 5 August.\n"
    )
    found = values(text)
    assert found["6 May"] == "2019-05-06"
    assert found["1 August"] == "2019-08-01"
    text = (
        "نصت مذكرة أستانا على إنشاء المنطقة.\n\n"
        "2018\n\n"
        "في 2 أيار، وافقت الفصائل على اتفاق تسوية.\n\n"
        "في 7 أيار، وصلت الحافلات الأولى إلى الرستن.\n"
    )
    found = values(text)
    assert found["2 أيار"] == "2018-05-02"
    assert found["7 أيار"] == "2018-05-07"
