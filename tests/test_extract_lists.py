"""Zones listed on bullet lines, numbered lines or table rows under an enumeration head ("The
four zones are:", "All four areas were created by the memorandum ...") belong to the head's
agreement, besides any link of their own line; a list stops at the first line that is not one.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.segment import list_lines, sentence_spans

ALL_FOUR = {
    ("astana_memorandum_2017", "idlib"),
    ("astana_memorandum_2017", "north_homs"),
    ("astana_memorandum_2017", "eastern_ghouta"),
    ("astana_memorandum_2017", "south"),
}


def links(text: str, published: str | None = "2017-05-06") -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    "text",
    [
        "Russia, Turkey and Iran signed the Astana memorandum on 4 May. The four zones are:\n"
        "- Idlib province and parts of Latakia, Hama and Aleppo;\n"
        "- the northern Homs countryside;\n- Eastern Ghouta;\n- parts of Deraa and Quneitra.",
        "وقعت الدول الضامنة مذكرة أستانا في 4 أيار. والمناطق الأربع هي:\n"
        "1. محافظة إدلب؛\n2. ريف حمص الشمالي؛\n3. الغوطة الشرقية؛\n4. درعا والقنيطرة.",
    ],
)
def test_bullet_and_numbered_lines_under_a_head(text):
    assert links(text) == ALL_FOUR


def test_table_rows_under_a_lead_sentence_keep_their_own_agreement_too():
    text = (
        "All four areas were created by the memorandum signed in Astana on 4 May 2017. The table "
        "gives, for each, the deal that set the terms on the ground.\n\n"
        "Area | Agreement | Took effect\n"
        "South-west (Deraa, Quneitra) | US-Russia-Jordan ceasefire agreed in Amman | 9 July 2017\n"
        "Eastern Ghouta | Cairo agreement (Jaish al-Islam) | 22 July 2017\n"
        "Northern Homs countryside | Cairo agreement | 3 August 2017\n"
        "Idlib and surroundings | Sochi memorandum (Sept. 2018) | -\n"
    )
    assert links(text, None) == ALL_FOUR | {
        ("southwest_ceasefire_2017", "south"),
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
        ("sochi_2018", "idlib"),
    }


def test_a_list_stops_at_a_paragraph_of_prose():
    text = (
        "Russia, Turkey and Iran signed the Astana memorandum on 4 May. The four zones are:\n"
        "- Idlib province;\n"
        "Aid agencies said they had not been consulted. Prices rose in the markets.\n"
        "- Eastern Ghouta: a new siege tightened this week."
    )
    assert links(text) == {("astana_memorandum_2017", "idlib")}


def test_only_zones_the_agreement_covers_are_listed():
    text = (
        "Russia and Turkey signed the Sochi memorandum on 17 September. The zones are:\n"
        "- the demilitarised zone around Idlib;\n- Eastern Ghouta, retaken in April."
    )
    assert links(text, "2018-09-20") == {("sochi_2018", "idlib")}


def test_which_sentences_are_list_lines():
    text = "Lead in.\n- one. Two here.\n2) three\nA | B | C\nProse again.\n12. twelve"
    spans = sentence_spans(text)
    lines = [text[s:e] for i, (s, e) in enumerate(spans) if i in list_lines(text, spans)]
    assert lines == ["- one.", "Two here.", "2) three", "A | B | C", "12.", "twelve"]


def test_items_that_name_zones_list_the_agreement_named_before():
    """No zone term between the memorandum and its items: "المنطقة الأولى" speaks of zones."""
    text = (
        "ووقعت روسيا وتركيا وإيران المذكرة في أستانا أمس الخميس. ورحبت الحكومة السورية "
        "بالمذكرة. وبحسب النص، تضم المنطقة الأولى محافظة إدلب، وتشمل الثانية ريف حمص الشمالي، "
        "في حين تقع الثالثة في الغوطة الشرقية، أما الرابعة فتضم درعا والقنيطرة."
    )
    assert links(text, "2017-05-05") == ALL_FOUR


def test_bare_ordinals_need_the_zone_vocabulary():
    text = (
        "ووقعت روسيا وتركيا وإيران المذكرة في أستانا أمس الخميس. ورحبت الحكومة السورية "
        "بالمذكرة. وكانت الأولى من نوعها، فيما تقع الثانية في الغوطة الشرقية."
    )
    assert links(text, "2017-05-05") == set()


def test_a_sentence_that_draws_lines_continues_the_agreement_of_its_line():
    text = (
        "- 14-15 September 2017: Sixth Astana round. The guarantors agree the boundaries of the "
        "Idlib area.\n- 12 October 2017: Turkish troops begin setting up posts in Idlib."
    )
    assert links(text, None) == {("astana_6", "idlib")}


def test_a_new_line_or_a_plain_report_carries_nothing():
    text = (
        "- 14-15 September 2017: Sixth Astana round.\n- The guarantors agree the boundaries of "
        "the Idlib area.\nThe Sochi memorandum was signed in 2018. Government forces retook "
        "Khan Sheikhoun in August 2019."
    )
    assert links(text, None) == set()


def test_the_largest_of_these_belongs_to_the_list_before_its_own_sentences_agreement():
    text = (
        "The legal umbrella is the Astana memorandum of 4 May, which listed four areas. Idlib, "
        "by far the largest of these, waited the longest: its boundaries were settled only at the "
        "sixth round."
    )
    assert links(text, "2017-10-02") == {
        ("astana_memorandum_2017", "idlib"),
        ("astana_6", "idlib"),
    }


def test_a_head_inside_a_timeline_line_opens_no_list():
    """The bullets of a chronology are events of their own agreements, not the memorandum's."""
    text = (
        "2017\n"
        "- 4 May: Russia, Turkey and Iran sign a memorandum in Astana creating four "
        "de-escalation zones.\n"
        "- 7 July: The United States, Russia and Jordan agree a ceasefire for south-west Syria.\n"
        "- 22 July: A truce for Eastern Ghouta is signed in Cairo.\n"
        "- 31 July: A second Cairo agreement covers the northern Homs countryside.\n"
    )
    assert links(text, None) == {
        ("southwest_ceasefire_2017", "south"),
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }
