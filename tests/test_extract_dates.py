"""The date grammar: absolute, relative, anaphoric; day, month and year precision.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def dates(text: str, published: str | None = "2017-07-05") -> list[tuple[str, str | None, str]]:
    return [
        (d["text"], d["date"], d["precision"])
        for d in extract_article(text, published).to_dict()["dates"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقعت المذكرة في 4 مايو/ أيار الماضي", ("4 مايو/ أيار الماضي", "2017-05-04", "day")),
        ("وقعت المذكرة في ٤ أيار/مايو ٢٠١٧", ("٤ أيار/مايو ٢٠١٧", "2017-05-04", "day")),
        ("اعتبارا من ظهر اليوم السبت 22 – 7 – 2017", ("22 – 7 – 2017", "2017-07-22", "day")),
        ("The truce began on July 9, 2017.", ("July 9, 2017", "2017-07-09", "day")),
        ("The truce began on 9 July.", ("9 July", "2017-07-09", "day")),
        ("It was signed on the 4th of May.", ("the 4th of May", "2017-05-04", "day")),
        ("وقع الاتفاق في 2017-07-22", ("2017-07-22", "2017-07-22", "day")),
    ],
)
def test_absolute_days(text, expected):
    assert expected in dates(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال المبعوث أمس الثلاثاء إن", ("أمس الثلاثاء", "2017-07-04", "day")),
        ("أفادت مصادر اليوم الأربعاء", ("اليوم الأربعاء", "2017-07-05", "day")),
        ("The envoy spoke last Tuesday.", ("last Tuesday", "2017-07-04", "day")),
        ("Officials met yesterday.", ("yesterday", "2017-07-04", "day")),
        ("Officials met on Sunday.", ("on Sunday", "2017-07-02", "day")),
        ("They will meet next Monday.", ("next Monday", "2017-07-10", "day")),
        ("سيعقد الاجتماع السبت المقبل", ("السبت المقبل", "2017-07-08", "day")),
    ],
)
def test_relative_days(text, expected):
    assert expected in dates(text)


def test_relative_days_need_a_publication_date():
    assert ("yesterday", None, "day") in dates("Officials met yesterday.", None)


def test_anaphoric_day_of_the_same_month():
    text = "وقعت المذكرة في 4 أيار 2017. وبدأ سريانها في السادس من الشهر نفسه."
    assert ("السادس من الشهر نفسه", "2017-05-06", "day") in dates(text)
    text = "It was signed on May 4, 2017 and took effect on the sixth of the same month."
    assert ("the sixth of the same month", "2017-05-06", "day") in dates(text)


def test_two_days_of_a_range():
    found = {
        d for _, d, p in dates("عقدت الجولة يومي 14 و15 أيلول/سبتمبر", "2017-09-20") if p == "day"
    }
    assert found == {"2017-09-14", "2017-09-15"}
    found = {d for _, d, p in dates("The round was held on 3-4 May.", "2017-05-06") if p == "day"}
    assert found == {"2017-05-03", "2017-05-04"}


def test_month_and_year_precision():
    assert ("نهاية ديسمبر/ كانون الأول الماضي", "2016-12", "month") in dates(
        "أعلن وقف إطلاق النار نهاية ديسمبر/ كانون الأول الماضي"
    )
    assert ("late December 2016", "2016-12", "month") in dates(
        "It was announced in late December 2016."
    )
    assert ("عام 2018", "2018", "year") in dates("سيطرت القوات على المنطقة عام 2018")
    assert ("last year", "2016", "year") in dates("The town fell last year.")


def test_year_inferred_backwards_when_the_day_would_lie_far_ahead():
    # published in January: "December 29" is last December
    assert ("December 29", "2016-12-29", "day") in dates(
        "The ceasefire of December 29 held.", "2017-01-10"
    )


@pytest.mark.parametrize(
    "text",
    [
        "A zone 15-20 km deep.",
        "The M4 highway reopened.",
        "Resolution 2401 demanded a truce.",
        "You may go now.",
        "Troops march on.",
        "أستانا 5",
    ],
)
def test_numbers_and_words_that_are_not_dates(text):
    assert [d for d in dates(text) if d[2] == "day"] == []


def test_a_weekday_before_a_calendar_date_is_that_date():
    found = dates("بدأ السريان منتصف ليل الجمعة 30 كانون الأول/ديسمبر", "2017-01-22")
    assert [d for _, d, p in found if p == "day"] == ["2016-12-30"]


def test_relative_day_counts_from_the_last_stated_day():
    found = dates(
        "They agreed on July 7 on a ceasefire, which took effect two days later.", "2017-07-20"
    )
    assert ("two days later", "2017-07-09", "day") in found
    found = dates("وقع الاتفاق في 7 تموز ودخل حيز التنفيذ بعد يومين", "2017-07-20")
    assert ("بعد يومين", "2017-07-09", "day") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month abbreviation with its full stop, which must not end the sentence either
        ("The Homs truce entered into force on Aug. 3, officials said.", ("Aug. 3", "2017-08-03")),
        ("The buses left on Sept. 17 and returned.", ("Sept. 17", "2016-09-17")),
        # "on the 6th": a day of the month last named
        ("Talks resumed on May 2 and ended on the 6th.", ("the 6th", "2017-05-06")),
    ],
)
def test_abbreviated_months_and_bare_day_ordinals(text, expected):
    assert expected in [(t, d) for t, d, _ in dates(text)]


def test_a_bare_day_ordinal_before_a_noun_is_not_a_date():
    assert dates("He spoke on the 6th round of talks and the 3rd division.") == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # published on a Wednesday: a weekday in a future-tense sentence lies ahead
        ("The halt would begin at midnight on Friday, the army said.", "2017-07-07"),
        ("Departures are expected to begin on Saturday.", "2017-07-08"),
        ("على أن يبدأ سريان الهدنة يوم الجمعة", "2017-07-07"),
        ("Flights over the zones are to halt from Saturday.", "2017-07-08"),
        # the same weekday in a past-tense sentence is the last one
        ("The halt began at midnight on Friday, the army said.", "2017-06-30"),
    ],
)
def test_weekday_in_a_future_tense_sentence_lies_ahead(text, day):
    assert day in [d for _, d, _ in dates(text)]


def test_a_future_cue_in_the_previous_sentence_does_not_carry_over():
    text = "Talks will resume next month. The army shelled Douma on Friday."
    assert "2017-06-30" in [d for _, d, _ in dates(text)]


def test_days_counted_from_an_event_are_not_counted_from_the_last_date():
    # "two days after its signing": the signing is not the Saturday just named; set off after
    # that Saturday, the count dates the signing two days before it
    text = "دخلت المذكرة حيز التنفيذ اليوم السبت، بعد يومين من توقيعها في أستانا."
    assert [d for _, d, _ in dates(text, "2017-05-06")] == ["2017-05-06", "2017-05-04"]


@pytest.mark.parametrize(
    "text",
    ["وتضمن اليوم الأول للمؤتمر جلسة مغلقة.", "وفي اليوم الثاني من المفاوضات عرض الوفد خريطة."],
)
def test_the_first_day_of_an_event_is_not_today(text):
    assert dates(text) == []


def test_a_weekday_before_an_ordinal_date_is_that_date():
    text = "وقعت المذكرة في 2 أيار. وكان من المقرر أن تبدأ العملية يوم السبت الخامس من الشهر نفسه."
    assert [d for _, d, _ in dates(text, "2017-05-20")] == ["2017-05-02", "2017-05-05"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The evacuations are to begin tomorrow, he said.", ("tomorrow", "2017-07-06")),
        ("ومن المقرر أن تبدأ عمليات الإجلاء غدا.", ("غدا", "2017-07-06")),
    ],
)
def test_tomorrow(text, expected):
    assert expected in [(t, d) for t, d, _ in dates(text)]


def test_a_day_later():
    text = (
        "The memorandum was signed on 4 May 2017; a day later the maps were sent to the guarantors."
    )
    assert ("a day later", "2017-05-05", "day") in dates(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The protocol took effect on 6 March 2020; talks had ended in Moscow the previous day.",
            ("the previous day", "2020-03-05"),
        ),
        (
            "دخل البروتوكول حيز التنفيذ في 6 آذار 2020، وكان قد وقع في اليوم السابق.",
            ("اليوم السابق", "2020-03-05"),
        ),
    ],
)
def test_the_previous_day(text, expected):
    assert expected in [(t, d) for t, d, _ in dates(text, None)]
