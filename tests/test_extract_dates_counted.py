"""Days counted from an agreement's signing ("two days after the signing", "بعد يومين من
توقيع اتفاق سوتشي") count from the signing day of the agreement named, not from the last date
read; days counted from another event are no date.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def days(text: str, published: str | None = "2018-10-10") -> list[str | None]:
    return [d.date for d in extract_article(text, published).dates if d.precision == "day"]


@pytest.mark.parametrize(
    "text",
    [
        # the agreement named after the count, a later date read before it
        "On 1 October, shelling resumed. Two days after the signing of the Sochi memorandum, "
        "Turkish officials met rebel leaders in Idlib.",
        "في الأول من تشرين الأول تجدد القصف. وبعد يومين من توقيع اتفاق سوتشي التقى مسؤولون "
        "أتراك بقادة الفصائل في إدلب.",
        # the agreement named in the sentence before
        "Russia and Turkey signed the Sochi memorandum on Idlib in September. Two days after "
        "the signing, Turkish officials met rebel leaders.",
    ],
)
def test_counted_from_the_signing_of_the_agreement_named(text):
    assert "2018-09-19" in days(text)
    assert "2018-10-03" not in days(text)


def test_days_before_the_signing_count_back():
    text = "Three days before the signing of the Sochi memorandum, Erdogan called Putin."
    assert days(text) == ["2018-09-14"]


@pytest.mark.parametrize(
    "text",
    [
        # no registry agreement named: the Saturday read before is not the signing
        "The memorandum took effect on Saturday, two days after its signing in Astana.",
        # another event: no day
        "وفي الأول من تشرين الأول تجدد القصف، وبعد يومين من القصف نزح الآلاف من إدلب.",
    ],
)
def test_no_day_without_the_signing_day(text):
    assert "2018-10-08" not in days(text) and "2018-10-03" not in days(text)


def test_a_plain_count_still_runs_from_the_last_day():
    text = "في الأول من تشرين الأول تجدد القصف على إدلب. وبعد يومين توقف القصف."
    assert days(text) == ["2018-10-01", "2018-10-03"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Deraa was brought under a ceasefire regime on 9 July, two days after Russian, US "
            "and Jordanian officials settled its terms in Amman.",
            "2017-07-07",
        ),
        ("دخلت المذكرة حيز التنفيذ اليوم السبت، بعد يومين من توقيعها في أستانا.", "2017-05-04"),
        ("The offensive began on 6 May, three days before the talks opened.", "2017-05-09"),
    ],
)
def test_a_count_set_off_after_a_day_dates_the_event_before_it(text, day):
    assert day in days(text, "2017-07-10" if "July" in text else "2017-05-06")


def test_a_count_in_a_sentence_of_its_own_still_runs_forward():
    text = "The truce took effect on 9 July. Two days later, monitors reached Deraa."
    assert days(text, "2017-07-20") == ["2017-07-09", "2017-07-11"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "بدأ يوم 22 آذار خروج مقاتلين من حرستا بموجب اتفاق إجلاء جرى التوصل إليه قبل ذلك بيوم.",
            ["2018-03-22", "2018-03-21"],
        ),
        ("وقع الاتفاق في 3 آذار، وبعد ذلك بيومين دخلت القوافل.", ["2018-03-03", "2018-03-05"]),
        ("وصلت القوات قبل يوم الجمعة.", ["2018-03-23"]),
    ],
)
def test_a_count_after_that_in_arabic(text, expected):
    assert days(text, "2018-03-24") == expected
