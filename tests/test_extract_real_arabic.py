"""Reading rules found on the third realistic set (Arabic pages in the ways real outlets write:
state and Turkish wires, pan-Arab papers, opposition and ministry statements, encyclopaedia
copies). One test of our own sentences per rule; none of them is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def _read(text: str, published: str | None) -> dict:
    return extract_article(text, published).to_dict()


def days(text: str, published: str | None = "2018-03-10") -> list[str | None]:
    return [d["date"] for d in _read(text, published)["dates"] if d["precision"] == "day"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the ninth of it": the day of the month just named
        ("أعلنت الهدنة في 2 شباط الماضي، وانهارت في التاسع منه.", ["2018-02-02", "2018-02-09"]),
        ("بدأ الهجوم في الأول من آذار الجاري، وتوقف في الخامس منه.", ["2018-03-01", "2018-03-05"]),
        # an ordinal "of it" after a noun is a part, not a day
        ("صدر التقرير في 3 آذار، وهذا هو الجزء الثاني منه.", ["2018-03-03"]),
    ],
)
def test_an_ordinal_day_of_it_is_a_day_of_the_month_just_named(text, expected):
    assert days(text) == expected


def agreements(text: str, published: str | None = "2018-09-17") -> list[str | None]:
    return _read(text, published)["agreements"]


def test_a_bare_city_before_the_head_with_a_word_between_is_a_party_not_a_venue():
    text = "وفي قمة طهران، لم يلق مقترح أنقرة إعلان وقف لإطلاق النار في المحافظة قبولاً."
    assert "ceasefire_dec_2016" not in agreements(text)


def test_a_located_venue_before_the_head_still_says_where():
    text = "وفي القاهرة وقعت وزارة الدفاع الروسية اتفاقاً لوقف القتال في الغوطة الشرقية."
    assert agreements(text, "2017-07-23") == ["ghouta_truce_2017"]
