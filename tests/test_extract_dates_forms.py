"""Date forms of real pages: Maghrebi and Levantine month names, numeric and abbreviated forms,
"mid-September", "early 2018", words run together by scraping, excerpts cut mid-word; and
weekdays that must agree with the publication day.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def dates(text: str, published: str | None = "2018-09-20") -> list[tuple[str, str | None, str]]:
    return [
        (d["text"], d["date"], d["precision"])
        for d in extract_article(text, published).to_dict()["dates"]
    ]


def days(text: str, published: str | None = "2018-09-20") -> list[str | None]:
    return [d for _, d, p in dates(text, published) if p == "day"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("وقع الاتفاق يوم 4 جانفي 2018 في العاصمة الروسية.", "2018-01-04"),
        ("انعقدت القمة في 14 فيفري 2019 بمنتجع سوتشي.", "2019-02-14"),
        ("دخلت الهدنة حيز التنفيذ في 5 مارس 2020.", "2020-03-05"),
        ("أعلنت موسكو في 9 أفريل 2018 انتهاء العملية.", "2018-04-09"),
        ("وقعت المذكرة في 4 ماي 2017 بأستانا.", "2017-05-04"),
        ("سيطر الجيش على المدينة في 12 جوان 2018.", "2018-06-12"),
        ("وأعلن وقف إطلاق النار في 9 جويلية 2017 في جنوب سوريا.", "2017-07-09"),
        ("بدأت هدنة ريف حمص في 3 أوت 2017.", "2017-08-03"),
        ("وقعت المذكرة في سوتشي يوم 17 سبتمبر 2018.", "2018-09-17"),
        ("وانطلقت الجولة السابعة في 30 أكتوبر 2017.", "2017-10-30"),
        ("واجتمعت الأطراف في 28 نوفمبر 2018.", "2018-11-28"),
        ("وأعلن وقف شامل لإطلاق النار في 29 ديسمبر 2016.", "2016-12-29"),
        ("وفي 17 شتنبر 2018 اتفق الطرفان على المنطقة العازلة.", "2018-09-17"),
    ],
)
def test_maghrebi_month_names(text, day):
    assert day in days(text)


def test_maghrebi_month_without_a_year_reads_against_publication():
    assert days("التقى الرئيسان في 17 سبتمبر الجاري بمدينة سوتشي.") == ["2018-09-17"]
    assert days("وقعت الهدنة في 3 أوت الماضي.") == ["2018-08-03"]


@pytest.mark.parametrize(
    "text",
    [
        "وقال إن النظام مارس ضغوطا كبيرة على الأهالي.",  # مارس: "exerted", not March
        "وقالت القيادية الكردية جوان محمد إن المنطقة هادئة.",  # جوان: a given name, not June
    ],
)
def test_month_names_that_are_also_words_need_support(text):
    assert dates(text) == []
    assert dates(text.replace("إن", "في مارس 2018 إن")) != []


def test_a_bare_maghrebi_may_is_not_a_month():
    # "ماي" is also the colloquial word for water: a month only with a day, year or modifier
    assert dates("وشرب الأطفال ماي البئر.") == []
    assert ("نهاية ماي", "2018-05", "month") in dates("وانتهت العملية نهاية ماي.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The memorandum was signed on 17/09/2018.", ("17/09/2018", "2018-09-17")),
        ("Dated 2018-09-17, the text sets out the zone.", ("2018-09-17", "2018-09-17")),
        ("Agreed in Sochi, 17 Sept. 2018, by both leaders.", ("17 Sept. 2018", "2018-09-17")),
        ("The deal was struck on Sept 17th in Sochi.", ("Sept 17th", "2018-09-17")),
        ("وقعت المذكرة في 17 أيلول/سبتمبر 2018 بسوتشي.", ("17 أيلول/سبتمبر 2018", "2018-09-17")),
        ("ووقعت المذكرة في ١٧ أيلول ٢٠١٨ بسوتشي.", ("١٧ أيلول ٢٠١٨", "2018-09-17")),
        ("The text was signed on 17.09.2018.", ("17.09.2018", "2018-09-17")),
    ],
)
def test_numeric_and_abbreviated_forms(text, expected):
    assert expected in [(t, d) for t, d, _ in dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وصل الوفد منتصف أيلول لبحث التفاصيل.", ("منتصف أيلول", "2018-09", "month")),
        ("The talks resumed in mid-September.", ("mid-September", "2018-09", "month")),
        ("بدأت الحملة مطلع 2018 على الغوطة.", ("مطلع 2018", "2018", "year")),
        ("The campaign began in early 2018.", ("early 2018", "2018", "year")),
        ("انهارت الهدنة أواخر عام 2019.", ("أواخر عام 2019", "2019", "year")),
        ("The zone was set up in May last year.", ("May last year", "2017-05", "month")),
        (
            "أنشئت المنطقة في شهر أيار من العام الماضي.",
            ("أيار من العام الماضي", "2017-05", "month"),
        ),
        ("وقعت في 4 أيار من العام الماضي.", ("4 أيار من العام الماضي", "2017-05-04", "day")),
        ("وقعت في 4 أيار الماضي.", ("4 أيار الماضي", "2018-05-04", "day")),
        (
            "The memorandum was signed on 17th of September 2018.",
            ("17th of September 2018", "2018-09-17", "day"),
        ),
        ("وقعت المذكرة في الـ17 من أيلول الجاري.", ("17 من أيلول الجاري", "2018-09-17", "day")),
    ],
)
def test_month_and_year_precision_forms(text, expected):
    assert expected in dates(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # scraped pages lose the spaces around digits
        ("ووقعت المذكرة في17أيلول2018 بمدينة سوتشي", "2018-09-17"),
        ("وقعت المذكرة في 17 أيلول2018", "2018-09-17"),
        ("The memorandum signed on 17 September 2018Russia and Turkey said", "2018-09-17"),
        ("The memorandum was signed on September17, 2018 in Sochi.", "2018-09-17"),
    ],
)
def test_words_run_together_by_scraping(text, expected):
    assert expected in days(text)


@pytest.mark.parametrize(
    "text",
    [
        "ptember 2018, Russia and Turkey agreed on a buffer zone.",
        "مبر 2018 اتفقت روسيا وتركيا على المنطقة العازلة",
        "The memorandum was signed on 17 Sep",
        "وقعت المذكرة في 17 أيلو",
        "On 17 Septem",
        "2018-09-",
        "17/09/",
        "في 17",
        "Sept.",
        "the 6th",
        "أمس ال",
    ],
)
def test_excerpts_cut_mid_word_do_not_crash_or_invent(text):
    for _, value, precision in dates(text, None):
        assert value is None or precision in ("month", "year")


def test_a_cut_line_does_not_lend_its_words_to_the_next():
    text = "The memorandum was signed on 17 Sep\n2019 was a quieter year in Idlib."
    assert ("17 Sep", "2018-09-17", "day") in dates(text)
    text = "وقعت المذكرة في 17 أيلول\n2019 عام هادئ نسبيا في إدلب"
    assert ("17 أيلول", "2018-09-17", "day") in dates(text)


def test_a_caption_line_between_paragraphs_does_not_poison_them():
    text = (
        "On Monday the army shelled the town.\n"
        "Photo: AFP / 2017\n"
        "Residents said the shelling resumed on Tuesday."
    )
    assert days(text, "2018-09-20") == ["2018-09-17", "2018-09-18"]


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # an article dated Friday 21 September 2018 that still says "today Thursday"
        ("أفادت مصادر محلية اليوم الخميس بتجدد القصف.", "2018-09-21", "2018-09-20"),
        ("قال المتحدث أمس الخميس إن الهدنة صامدة.", "2018-09-21", "2018-09-20"),
        # dated Saturday: "yesterday Thursday" is still that Thursday
        ("قال المتحدث أمس الخميس إن الهدنة صامدة.", "2018-09-22", "2018-09-20"),
        # dated Wednesday: "yesterday Friday" can only be the Friday before
        ("قال المتحدث أمس الجمعة إن الهدنة صامدة.", "2018-09-19", "2018-09-14"),
        # the relative word and the weekday agree: nothing to settle
        ("قال المتحدث أمس الأربعاء إن الهدنة صامدة.", "2018-09-20", "2018-09-19"),
        ("Officials said yesterday, Thursday, that the truce held.", "2018-09-21", "2018-09-20"),
        ("The army said today, Thursday, that the road had reopened.", "2018-09-21", "2018-09-20"),
        ("من المقرر أن يجتمع الطرفان غدا السبت في أنقرة.", "2018-09-21", "2018-09-22"),
    ],
)
def test_a_weekday_must_agree_with_the_publication_day(text, published, day):
    assert days(text, published) == [day]


def test_a_weekday_written_with_a_date_settles_the_year():
    # published in January 2019: "Monday 17 September" is the 2018 one (a Monday)
    assert days("Monday 17 September: the memorandum is signed.", "2019-01-10") == ["2018-09-17"]
