"""Reading coverage the way English copy states it (issue 9, probe set
``tests/devset/realistic6b``): wire write-throughs with background paragraphs, situation
reports, encyclopaedia sections, think-tank notes and long analyses. Every text here is the
team's own sentence, not one of the set's."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


def test_a_dateline_city_is_not_where_the_heads_deal_was_made():
    text = (
        "MOSCOW (AP) — A truce arranged by Russia began on Thursday in a rebel-held pocket "
        "north of the central city of Homs, officials said."
    )
    assert links(text, "2017-08-03") == {("homs_truce_2017", "north_homs")}


def test_a_plural_head_with_its_zones_names_each_zones_own_agreement():
    text = "The arrangements for Eastern Ghouta and northern Homs were both worked out in Egypt."
    assert links(text, "2017-09-20") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_the_zones_a_compared_head_names_are_that_heads_own():
    text = (
        "Unlike the truces for Eastern Ghouta and northern Homs, which Russian generals "
        "negotiated with rebel commanders in Egypt, the Idlib zone rests on Turkish troops."
    )
    assert links(text, "2017-10-20") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_one_of_a_plural_head_is_one_agreement():
    text = (
        "The pocket, which includes Rastan and Talbiseh, had been covered by a ceasefire agreed "
        "in Cairo, one of the de-escalation deals Russia brokered in 2017."
    )
    assert set(agreements_said(text, "2018-05-02")) == {"homs_truce_2017"}
    assert links(text, "2018-05-02") == {("homs_truce_2017", "north_homs")}


def test_an_international_meeting_on_syria_in_astana_with_its_ordinal_is_that_round():
    text = "Delegates left the seventh international meeting on Syria in Astana on Tuesday."
    assert "astana_7" in agreements_said(text, "2018-02-10")


def test_an_ordinal_meeting_heading_dated_on_its_days_is_that_round_and_heads_the_line_below():
    text = (
        "What the guarantors agreed in the Kazakh capital\n\n"
        "SIXTH MEETING, 14-15 SEPTEMBER 2017\n"
        "The delegations settled at this meeting on the borders of the Idlib area."
    )
    assert "astana_6" in agreements_said(text, "2018-03-01")
    assert ("astana_6", "idlib") in links(text, "2018-03-01")


def test_each_before_a_singular_head_gives_each_zone_its_own_agreement():
    text = (
        "Both Eastern Ghouta and the Homs pocket each got a ceasefire negotiated in Cairo with "
        "Egyptian help that summer."
    )
    assert links(text, "2017-12-01") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_colon_list_of_zones_goes_to_the_agreement_that_has_them_all_a_few_lines_back():
    text = (
        "In May 2017 the three guarantors signed a memorandum in the Kazakh capital. Diplomats "
        "were hopeful. The plan was plain. Guns would fall silent where the opposition held "
        "out: the province of Idlib; the countryside north of Homs; Eastern Ghouta; and Daraa."
    )
    assert links(text, "2018-01-10") == {
        ("astana_memorandum_2017", "idlib"),
        ("astana_memorandum_2017", "north_homs"),
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "south"),
    }


def test_settling_the_lines_of_a_zone_at_a_round_is_drawing_them():
    text = "Only in September did the guarantors settle the lines of Idlib, at the sixth round in Astana."
    assert relations(text, "2018-01-10") == {("astana_6", "idlib", "delineates")}


def test_a_day_without_a_year_said_with_a_venue_takes_the_year_of_its_agreements():
    text = (
        "The deal for the south was formalised in Amman in November 2017. Truces agreed in "
        "Cairo had begun in Eastern Ghouta on July 22 and north of Homs on August 3."
    )
    days = {d.date for d in extract_article(text, published="2018-08-10").dates}
    assert {"2017-07-22", "2017-08-03"} <= days


def test_guarantors_agreeing_on_the_day_of_a_round_speak_of_that_round():
    text = "Iran, Turkey and Russia agreed on Friday on where the Idlib safe area begins and ends."
    assert agreements_said(text, "2017-09-15") == ["astana_6"]


def test_a_run_of_zone_and_month_fragments_goes_on_with_the_sentence_before():
    text = (
        "The Astana memorandum of May 2017 set up the zones. Within a year three were retaken. "
        "Ghouta in April 2018. Rastan and Talbiseh in May. Deraa in July."
    )
    assert relations(text, "2018-08-20") >= {
        ("astana_memorandum_2017", "eastern_ghouta", "ends"),
        ("astana_memorandum_2017", "north_homs", "ends"),
        ("astana_memorandum_2017", "south", "ends"),
    }


def test_fragments_after_a_sentence_with_no_trigger_state_nothing():
    text = (
        "The Astana memorandum of May 2017 set up the zones. The war had a long history. "
        "Eastern Ghouta in April 2013. Deraa in March 2011."
    )
    assert links(text, "2018-08-20") == set()


def test_zones_set_up_with_one_distinctive_brokers_help_are_that_brokers_agreements():
    text = (
        "Before that, the Douma enclave and the Rastan pocket were set up with Egyptian "
        "mediation, an official recalled."
    )
    assert links(text, "2017-09-20") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_zone_at_the_end_of_a_heads_topic_phrase_is_the_heads():
    text = (
        "On 22 July Russian officers and rebel leaders signed an accord on the practical "
        "operation of the safe zone in Eastern Ghouta."
    )
    assert links(text, "2017-07-30") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_three_zones_said_to_have_ended_right_after_their_agreement_are_its_zones():
    text = (
        "Of the zones drawn by the Astana memorandum, only Idlib is left. Douma, Rastan and "
        "Deraa were all recaptured in 2018."
    )
    assert relations(text, "2019-03-01") >= {
        ("astana_memorandum_2017", "eastern_ghouta", "ends"),
        ("astana_memorandum_2017", "north_homs", "ends"),
        ("astana_memorandum_2017", "south", "ends"),
    }


def test_zones_said_to_have_ended_two_sentences_after_an_agreement_are_not_its():
    text = (
        "The Astana memorandum set up four zones in May 2017. Fighting in Idlib has gone on. "
        "Activists recalled how Douma, Rastan and Deraa were recaptured in 2018."
    )
    assert not {z for a, z in links(text, "2019-05-12") if z != "idlib"}
