"""Days given against the year or month the text gave last: "السابع من تموز من العام نفسه",
"July 22 of that year", "في الحادي عشر من الشهر"; "النصف الثاني من الشهر" is no day.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def days(text: str, published: str | None = "2018-07-20") -> list[str | None]:
    return [d.date for d in extract_article(text, published).dates if d.precision == "day"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "نصت عليها مذكرة أستانا في أيار 2017، ثم اتفاق عمان في السابع من تموز من العام نفسه.",
            "2017-07-07",
        ),
        ("وأنشئت المنطقة عام 2017، ووقع اتفاق القاهرة في 22 تموز من العام ذاته.", "2017-07-22"),
        (
            "The zones were agreed in May 2017, and the Ghouta truce on July 22 of that year.",
            "2017-07-22",
        ),
        (
            "Astana set up the zones in 2017; Cairo followed on 22 July of the same year.",
            "2017-07-22",
        ),
    ],
)
def test_of_the_same_year(text, day):
    assert day in days(text)


def test_the_year_given_last_wins():
    text = "وقعت مذكرة سوتشي في 17 أيلول 2018. وفي 5 آذار 2020 وقع البروتوكول، وسيرت أولى الدوريات في 15 آذار من العام نفسه."
    assert days(text) == ["2018-09-17", "2020-03-05", "2020-03-15"]


def test_a_day_of_the_month_last_named():
    text = "قبلت الفصائل التسوية في السادس من تموز الجاري، ثم لحقت بها فصائل درعا البلد في الحادي عشر من الشهر، وفي اليوم التالي رفع العلم."
    assert days(text) == ["2018-07-06", "2018-07-11", "2018-07-12"]


@pytest.mark.parametrize(
    "text",
    ["ثم سقطت خان شيخون في النصف الثاني من الشهر.", "وتراجعت الأسعار في الأسبوع الثالث من الشهر."],
)
def test_a_part_of_the_month_is_no_day(text):
    assert days(text) == []
