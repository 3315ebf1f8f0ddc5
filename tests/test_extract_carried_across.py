"""Coverage stated across two sentences with a pronoun: brokers named in one sentence and
"They agreed to ..." in the next ("Putin and Erdogan met in Sochi on Monday. They agreed to
create a buffer zone ... in Idlib"), and "its terms" / "It applies only to" after a sentence that
names the agreement.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.reading import relations


@pytest.mark.parametrize(
    "text",
    [
        "Putin and Erdogan met in Sochi on Monday. They agreed to create a buffer zone between "
        "government and rebel forces in Idlib by October 15.",
        "The presidents of Russia and Turkey met in Sochi on Monday. The two leaders agreed to "
        "set up a demilitarised zone in Idlib.",
        "The Sochi agreement averted, for now, an assault on the last rebel bastion. Under its "
        "terms, radical groups must leave the buffer zone around Idlib by mid-October.",
        "The Sochi deal does not cover the Kurdish-held north-east. It applies only to Idlib and "
        "adjacent parts of Hama and Latakia.",
    ],
)
def test_the_agreement_of_the_sentence_before(text):
    assert relations(text, "2018-09-20") == {("sochi_2018", "idlib", "covers")}


@pytest.mark.parametrize(
    "text",
    [
        # brokers, but no venue or day of theirs that an agreement fits
        "Putin and Erdogan spoke by phone on Monday. They agreed to meet again about Idlib.",
        # no brokers in the sentence before
        "Talks were held in Sochi on Monday. They agreed to set up a demilitarised zone in Idlib.",
    ],
)
def test_nothing_without_the_brokers_and_their_day_or_venue(text):
    assert relations(text, "2018-10-03") == set()


@pytest.mark.parametrize(
    ("text", "published", "link"),
    [
        (
            "وقع الاتفاق في القاهرة يوم الاثنين بين ضباط روس وممثلين عن فصائل المعارضة. ويشمل "
            "الرستن وتلبيسة وسهل الحولة.",
            "2017-08-05",
            ("homs_truce_2017", "north_homs", "covers"),
        ),
        (
            "وقعت روسيا وتركيا مذكرة سوتشي في 17 أيلول 2018. وبموجبها تقام منطقة منزوعة السلاح "
            "في إدلب.",
            "2018-09-20",
            ("sochi_2018", "idlib", "covers"),
        ),
    ],
)
def test_an_arabic_verb_without_a_subject_continues_the_agreement(text, published, link):
    assert relations(text, published) == {link}


def test_the_only_agreement_of_three_brokers_in_a_sentence_about_de_escalation():
    text = "Under the de-escalation plan agreed by Russia, Turkey and Iran, Eastern Ghouta should be spared."
    assert relations(text, "2018-03-01") == {("astana_memorandum_2017", "eastern_ghouta", "covers")}


def test_two_brokers_with_several_agreements_need_a_date_or_venue():
    text = "Under the de-escalation plan agreed by Russia and Turkey, Idlib should be spared."
    assert relations(text, "2019-03-01") == set()


@pytest.mark.parametrize(
    "text",
    [
        "ووقعت روسيا وتركيا وإيران مذكرة أستانا العام الماضي. ويشمل القصف الحالي دوما وحرستا.",
        "وتنص مذكرة أستانا على وقف القتال. وتضم قائمة البلدات المستهدفة إدلب وسراقب.",
    ],
)
def test_an_arabic_verb_with_its_own_subject_is_not_the_agreement(text):
    assert relations(text, "2018-03-10") == set()


def test_zones_set_up_by_the_three_guarantors():
    text = "Idlib lies in one of the de-escalation zones set up by Russia, Turkey and Iran."
    assert relations(text, "2018-09-01") == {("astana_memorandum_2017", "idlib", "covers")}


_FOUR = {
    ("astana_memorandum_2017", zone, "covers")
    for zone in ("idlib", "north_homs", "eastern_ghouta", "south")
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Moscow, Tehran and Ankara put their names to a memorandum in Astana on Thursday "
            "that sets up four de-escalation zones. The zones include Idlib, parts of Homs "
            "province, Eastern Ghouta and the south.",
            _FOUR,
        ),
        (
            "Moscow, Tehran and Ankara put their names to a memorandum in Astana on Thursday "
            "that sets up four de-escalation zones. The biggest of them includes Idlib province.",
            {("astana_memorandum_2017", "idlib", "covers")},
        ),
        (
            "Moscow, Tehran and Ankara put their names to a memorandum in Astana on Thursday "
            "that sets up four de-escalation zones. One of them covers Eastern Ghouta.",
            {("astana_memorandum_2017", "eastern_ghouta", "covers")},
        ),
        (
            "وقّعت موسكو وطهران وأنقرة في أستانا أمس مذكرة تنشئ أربع مناطق لخفض التصعيد. "
            "وتشمل المناطق المعنية إدلب وريف حمص الشمالي والغوطة الشرقية وجنوب سوريا.",
            _FOUR,
        ),
        (
            "وقّعت موسكو وطهران وأنقرة في أستانا أمس مذكرة تنشئ أربع مناطق لخفض التصعيد. "
            "وتضم هذه المناطق إدلب وريف حمص الشمالي والغوطة الشرقية وجنوب سوريا.",
            _FOUR,
        ),
    ],
)
def test_the_zones_of_the_agreement_named_before(text, expected):
    """ "The zones include ...", "The biggest of them ...", "وتشمل المناطق المعنية ...": the zones
    the agreement of the sentence before sets up, named as the subject of the next sentence."""
    assert relations(text, "2017-05-05") == expected


def test_the_zones_named_after_a_sentence_without_an_agreement_are_no_link():
    text = (
        "Fighting flared again across the country on Thursday. The zones include Idlib and "
        "Eastern Ghouta, where shelling was reported."
    )
    assert relations(text, "2017-05-05") == set()
