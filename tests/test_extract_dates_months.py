"""Months named relative to publication ("last month", "الشهر الماضي", "منتصف الشهر الجاري")
are dates at month precision; a day of such a month stays a day.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


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
