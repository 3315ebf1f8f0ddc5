"""Venues that name the agreement of a coverage claim: a head with a reduced relative clause
("the agreement, signed in Amman, ..."), and zones said to be agreed at a venue ("the
de-escalation zones agreed in Astana", "مناطق خفض التصعيد المتفق عليها في أستانا").

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def links(text: str, published: str) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    ("text", "published", "link"),
    [
        (
            "The agreement, signed in Amman, created a de-escalation zone in southwestern Syria.",
            "2017-12-01",
            ("southwest_ceasefire_2017", "south"),
        ),
        (
            "The memorandum, reached in Sochi after four hours of talks, sets up a buffer zone "
            "around Idlib.",
            "2018-09-20",
            ("sochi_2018", "idlib"),
        ),
        (
            "ونص الاتفاق، الموقع في عمّان، على وقف القتال في درعا والقنيطرة.",
            "2017-12-01",
            ("southwest_ceasefire_2017", "south"),
        ),
    ],
)
def test_a_venue_in_a_participle_clause_names_the_head(text, published, link):
    assert link in links(text, published)


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "Eastern Ghouta was included in the de-escalation zones agreed in Astana.",
            ("astana_memorandum_2017", "eastern_ghouta"),
        ),
        (
            "The de-escalation zones set up in Astana include Idlib and Eastern Ghouta.",
            ("astana_memorandum_2017", "idlib"),
        ),
        (
            "Idlib was the last of the four zones agreed in Astana to see fighting resume.",
            ("astana_memorandum_2017", "idlib"),
        ),
        (
            "وأدرجت الغوطة الشرقية ضمن مناطق خفض التصعيد المتفق عليها في أستانا.",
            ("astana_memorandum_2017", "eastern_ghouta"),
        ),
        (
            "وتعد إدلب إحدى مناطق خفض التصعيد الأربع التي أقرت في أستانا.",
            ("astana_memorandum_2017", "idlib"),
        ),
    ],
)
def test_zones_agreed_at_a_venue(text, link):
    assert link in links(text, "2017-09-20")


@pytest.mark.parametrize(
    "text",
    [
        # the venue is where talks were held, not where the zones were agreed
        "Talks on de-escalation zones in Astana failed to agree on Idlib.",
        "Delegates discussed the de-escalation zones, and in Astana they met again on Idlib.",
        # two agreements were reached in Cairo and nothing says which
        "Residents of Douma doubt the de-escalation zones agreed in Cairo will last.",
    ],
)
def test_no_agreement_without_a_clause_about_the_zones(text):
    assert links(text, "2017-09-20") == set()


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "The fighting in Eastern Ghouta, which has been a de-escalation zone since May, has "
            "killed dozens this week.",
            ("astana_memorandum_2017", "eastern_ghouta"),
        ),
        (
            "Douma, the largest town in the enclave, is covered by the July truce.",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        ("Deraa has been calm under the July ceasefire.", ("southwest_ceasefire_2017", "south")),
    ],
)
def test_a_date_with_a_zone_term_or_head_and_the_zone_of_the_sentence(text, link):
    assert links(text, "2018-01-20") == {link}


@pytest.mark.parametrize(
    "text",
    [
        # September 2017 was a round of talks: no agreement of that date covers Idlib
        "Idlib has been a de-escalation zone since September, officials said.",
        # three agreements of July 2017, none of them Idlib's
        "Idlib was not part of the July truce.",
    ],
)
def test_no_agreement_when_the_date_fits_none_of_the_zone(text):
    assert links(text, "2018-01-20") == set()


def test_a_place_after_with_is_a_party_not_a_venue():
    """Read as the venue, "Moscow" made the arrangement the 2020 Moscow protocol."""
    text = (
        "Washington warned that the offensive in Deraa violated the de-escalation arrangement "
        "it brokered with Moscow and Amman."
    )
    assert "moscow_protocol_2020" not in extract_article(text, "2018-07-01").agreements


@pytest.mark.parametrize(
    "text",
    [
        "ووقع جيش الإسلام اتفاقاً مع الجانب الروسي بالقاهرة لوقف القتال في الغوطة الشرقية.",
        "ووقع جيش الإسلام اتفاقاً مع الجانب الروسي في القاهرة لوقف القتال في الغوطة الشرقية.",
        "The truce Jaish al-Islam signed with Russian officers in Cairo halted fighting in Douma.",
    ],
)
def test_a_venue_after_its_preposition(text):
    assert links(text, "2017-07-25") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_fell_within_is_no_fall():
    text = "Deraa's eastern countryside fell within the zone covered by the July 2017 deal."
    found = {
        (c.agreement, c.zone, c.relation) for c in extract_article(text, "2018-07-01").coverage
    }
    assert found == {("southwest_ceasefire_2017", "south", "covers")}


def test_zones_designated_at_talks_in_a_venue():
    text = (
        "Idlib and adjacent parts of Hama and Latakia were designated a de-escalation area at "
        "talks in Astana in 2017, one of four such areas. The other three - Eastern Ghouta, the "
        "northern Homs countryside and the south - were retaken by the government last year."
    )
    found = {
        (c.agreement, c.zone, c.relation) for c in extract_article(text, "2019-05-09").coverage
    }
    # "The other three" are the other areas of the memorandum (covers), and they were retaken
    # (ends): both are said, as the gold of the development sets reads such a list
    assert found == {
        ("astana_memorandum_2017", "idlib", "covers"),
        *(
            ("astana_memorandum_2017", z, r)
            for z in ("eastern_ghouta", "north_homs", "south")
            for r in ("covers", "ends")
        ),
    }
