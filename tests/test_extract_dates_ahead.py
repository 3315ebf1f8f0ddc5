"""Weekdays that point forward ("a ceasefire from Sunday", "to begin on Sunday", "اعتباراً من
يوم الأحد") are the coming such day; plans already past ("were meant to begin on Saturday",
"كان من المقرر") are not; Arabic weekdays that are also common words count between commas.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def days(text: str, published: str | None) -> list[str | None]:
    return [d.date for d in extract_article(text, published).dates if d.precision == "day"]


# Friday 7 July 2017: the south-west ceasefire was agreed that day, in force from Sunday the 9th.
FRIDAY = "2017-07-07"


@pytest.mark.parametrize(
    "text",
    [
        "Russia, the United States and Jordan agreed on a ceasefire in southwest Syria from Sunday.",
        "The three powers agreed a ceasefire in southwest Syria, to begin on Sunday at noon.",
        "A truce for Deraa and Quneitra takes hold starting Sunday, a Jordanian official said.",
        "The halt to fighting in the south applies as of Sunday, according to the statement.",
        "اتفقت روسيا والولايات المتحدة والأردن على وقف لإطلاق النار في جنوب غربي سوريا اعتباراً من يوم الأحد.",
        "ويسري وقف إطلاق النار في درعا والقنيطرة ابتداءً من الأحد عند الظهر.",
    ],
)
def test_a_weekday_after_an_onward_word_is_the_coming_one(text):
    assert "2017-07-09" in days(text, FRIDAY)
    assert "2017-07-02" not in days(text, FRIDAY)


def test_the_south_west_deal_keeps_its_name_when_its_start_is_read_ahead():
    """Read as the Sunday before, the start day fitted no registry date and the named ceasefire
    became an unknown agreement."""
    text = (
        "AMMAN, July 7 (Reuters) - Russia, the United States and Jordan agreed on Friday a "
        "ceasefire in southwest Syria from Sunday, officials said."
    )
    found = extract_article(text, FRIDAY)
    assert found.agreements == ["southwest_ceasefire_2017"]
    assert [(c.agreement, c.zone) for c in found.coverage] == [
        ("southwest_ceasefire_2017", "south")
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a plan that has lapsed by publication (Tuesday 8 May 2018): the Saturday before
        (
            "Evacuations from Rastan were meant to begin on Saturday but were delayed.",
            "2018-05-05",
        ),
        ("وكان من المقرر أن تبدأ عمليات الإجلاء من الرستن يوم السبت لكنها تأجلت.", "2018-05-05"),
        # the plan still ahead: the Saturday after
        ("Evacuations from Rastan are expected to begin on Saturday.", "2018-05-12"),
        ("ومن المقرر أن تبدأ عمليات الإجلاء من الرستن يوم السبت.", "2018-05-12"),
        # since and possessives look back
        ("Residents have been leaving Talbiseh since Sunday.", "2018-05-06"),
        ("Families who fled from Sunday's shelling of Talbiseh returned.", "2018-05-06"),
    ],
)
def test_past_plans_and_looking_back(text, day):
    assert days(text, "2018-05-08") == [day]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("أعلنت وزارة الدفاع الروسية، الأحد، أن الهدنة في الغوطة الشرقية صامدة.", "2017-07-23"),
        ("قالت مصادر محلية، الاثنين، إن القصف تجدد على أحياء درعا البلد.", "2017-07-24"),
        ("وذكر المرصد ،الإثنين ، أن طائرات قصفت بلدة عربين.", "2017-07-24"),
    ],
)
def test_an_arabic_weekday_between_commas_is_the_day_reported(text, day):
    assert days(text, "2017-07-25") == [day]


@pytest.mark.parametrize(
    "text",
    [
        "وقال الأحد القادة الميدانيين إن الهدنة صامدة.",  # الأحد: "one of"
        "واتفق الاثنان، وهما من قادة الفصائل، على التهدئة.",
        "وبحث الاثنين ملف المعتقلين مع الوفد الروسي، ثم غادر.",  # no comma before: not set off
    ],
)
def test_the_common_word_without_commas_is_no_date(text):
    assert days(text, "2017-07-25") == []


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "A ceasefire in southwest Syria took effect from Sunday, monitors said.",
            "2017-07-10",
            "2017-07-09",
        ),
        ("The truce in Deraa has held from Sunday despite violations.", "2017-07-12", "2017-07-09"),
        ("ودخلت الهدنة حيز التنفيذ اعتباراً من يوم الأحد في درعا.", "2017-07-10", "2017-07-09"),
        # started or not, a future word keeps it ahead
        ("وستدخل الهدنة حيز التنفيذ اعتباراً من يوم الأحد.", "2017-07-07", "2017-07-09"),
    ],
)
def test_an_onward_weekday_of_something_already_started_is_the_last_one(text, published, day):
    assert days(text, published) == [day]


# Friday 30 August 2019: Russia announced a unilateral halt in Idlib from 6 a.m. on Saturday the
# 31st (the day itself is the fact; the sentences are ours).
@pytest.mark.parametrize(
    "text",
    [
        "Moscow declared a one-sided halt to its strikes around Idlib from 6 a.m. on Saturday.",
        "Moscow declared a one-sided halt to its strikes around Idlib starting at midnight on "
        "Saturday.",
        "Moscow declared a one-sided halt to its strikes around Idlib from 0600 local time on "
        "Saturday.",
        "أعلنت موسكو وقفاً لغاراتها حول إدلب من جانب واحد اعتباراً من السادسة صباح السبت.",
        "أعلنت موسكو وقفاً لغاراتها حول إدلب من جانب واحد ابتداءً من الساعة السادسة من صباح يوم "
        "السبت.",
        "أعلنت موسكو وقفاً لغاراتها حول إدلب من جانب واحد اعتباراً من منتصف ليل السبت.",
    ],
)
def test_an_onward_word_and_a_time_of_day_before_the_weekday(text):
    assert days(text, "2019-08-30") == ["2019-08-31"]


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2019-08-29", "2019-08-31"),  # Thursday's paper: two days ahead
        ("2019-09-01", "2019-08-31"),  # Sunday's paper: the day before, not six days ahead
        ("2019-09-02", "2019-08-31"),  # Monday's
    ],
)
def test_an_announced_start_is_the_weekday_nearest_the_report(published, day):
    text = "Moscow declared a one-sided halt to its strikes around Idlib from Saturday."
    assert days(text, published) == [day]


def test_a_weekday_that_is_also_a_word_right_after_an_onset_cue_is_the_day():
    """ "حيز التنفيذ الأحد": the day the truce started (الأحد alone is also "the one"). In a
    Monday article of 13 January 2020 that is the 12th, the Russian-Turkish Idlib truce of that
    day, which is no registry agreement."""
    text = (
        "ودخلت الهدنة التي أعلنتها موسكو وأنقرة في إدلب حيز التنفيذ الأحد، "
        "لكن القصف تواصل على ريف معرة النعمان."
    )
    found = extract_article(text, "2020-01-13")
    assert [d.date for d in found.dates] == ["2020-01-12"]
    assert found.agreements == []
