"""Months named relative to publication ("last month", "الشهر الماضي", "منتصف الشهر الجاري")
are dates at month precision; a day of such a month stays a day; month arithmetic has one home
(``extract.dates.calendar``).

Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extract import extract_article
from extract.dates import last_day
from extract.dates.calendar import shift_month


def dates(text: str, published: str | None = "2017-08-20") -> list[tuple[str, str | None, str]]:
    return [(d.text, d.date, d.precision) for d in extract_article(text, published).dates]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Shelling on Douma resumed last month, residents said.", ("last month", "2017-07")),
        ("Talks on the Homs pocket stalled late last month.", ("late last month", "2017-07")),
        ("A new round is due next month in Astana.", ("next month", "2017-09")),
        ("Aid reached Arbin earlier this month.", ("this month", "2017-08")),
        ("تجدد القصف على دوما الشهر الماضي.", ("الشهر الماضي", "2017-07")),
        ("وفي منتصف الشهر الجاري توقفت المفاوضات.", ("منتصف الشهر الجاري", "2017-08")),
        ("وستعقد الجولة المقبلة خلال الشهر المقبل.", ("الشهر المقبل", "2017-09")),
        ("ودخلت القوافل إلى عربين مطلع هذا الشهر.", ("مطلع هذا الشهر", "2017-08")),
    ],
)
def test_a_month_named_relative_to_publication(text, found):
    assert dates(text) == [(*found, "month")]


def test_january_looks_back_to_last_december():
    assert dates("The truce was agreed last month.", "2017-01-10") == [
        ("last month", "2016-12", "month")
    ]


def test_a_day_of_the_relative_month_is_still_a_day():
    assert dates("وفي الخامس من الشهر الماضي هدأت الجبهات في درعا.") == [
        ("الخامس من الشهر الماضي", "2017-07-05", "day")
    ]
    assert dates("On the sixth of last month the guns fell silent.") == [
        ("the sixth of last month", "2017-07-06", "day")
    ]


def test_an_undated_text_names_the_month_without_a_value():
    assert dates("تجدد القصف على دوما الشهر الماضي.", None) == [("الشهر الماضي", None, "month")]


@pytest.mark.parametrize(
    "text",
    ["The siege lasted for months.", "وخلال أشهر الحصار نفدت الأدوية.", "The month ended quietly."],
)
def test_month_words_alone_are_no_dates(text):
    assert dates(text) == []


@pytest.mark.parametrize(
    ("value", "precision", "last"),
    [
        ("2017-07-01", "month", "2017-07-31"),
        ("2016-02-01", "month", "2016-02-29"),
        ("2017-12-01", "month", "2017-12-31"),
        ("2018-01-01", "year", "2018-12-31"),
        ("2018-09-17", "day", "2018-09-17"),
    ],
)
def test_the_last_day_a_date_can_mean(value, precision, last):
    """One home for month-end arithmetic (agreement resolution reads a head's month this way)."""
    assert last_day(date.fromisoformat(value), precision) == date.fromisoformat(last)


@pytest.mark.parametrize(
    ("published", "direction", "first"),
    [
        ("2017-01-10", -1, "2016-12-01"),
        ("2017-12-31", 1, "2018-01-01"),
        ("2017-08-20", 0, "2017-08-01"),
    ],
)
def test_months_shift_across_years(published, direction, first):
    assert shift_month(date.fromisoformat(published), direction) == date.fromisoformat(first)
