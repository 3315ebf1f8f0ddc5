"""Reading English pages in voices the earlier sets lacked (issue 9, set
``tests/devset/realistic5`` and the probes of ``realistic5b``): UN and joint statements,
factboxes, map legends, footnoted reports, transcripts and translations. Every text here is the
team's own sentence, not one of the set's."""

from __future__ import annotations

from extract import extract_article
from tests.reading import links, relations


def test_a_memorandum_named_with_a_zone_is_a_memorandum_not_the_zones_truce():
    text = (
        "The ministers reviewed the Memorandum of 4 May 2017 on the creation of de-escalation "
        "areas. They noted that, under the Memorandum, Eastern Ghouta and northern Homs remain "
        "areas where hostilities must cease."
    )
    assert links(text, "2017-10-31") == {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "north_homs"),
    }


def test_a_zone_goes_with_the_agreement_of_its_clause_not_one_beyond_a_semicolon():
    text = (
        "Ankara argues that the Sochi memorandum of 2018 still governs Idlib; the protocol signed "
        "in Moscow on 5 March 2020 only adds a corridor to it."
    )
    assert ("sochi_2018", "idlib") in links(text, "2020-03-12")
    assert ("moscow_protocol_2020", "idlib") not in links(text, "2020-03-12")


def test_a_transcripts_speaker_label_does_not_hide_a_bare_no():
    text = (
        "MODERATOR: The truce agreed in Cairo for Eastern Ghouta is holding, officials say.\n\n"
        "Q: Does it also apply to Daraa?\n\n"
        "THE SPOKESPERSON: No, that is a different arrangement altogether."
    )
    assert relations(text, "2017-07-25") >= {("ghouta_truce_2017", "south", "excludes")}


def test_an_answer_that_says_a_zone_is_not_part_of_the_deal_excludes_it():
    text = (
        "Moscow and Ankara say the Sochi memorandum is being implemented in Idlib.\n\n"
        "Q: What about Daraa?\n\n"
        "A: That is not part of the deal. Talks on the south are a separate track."
    )
    assert ("sochi_2018", "south", "excludes") in relations(text, "2018-10-02")


def test_a_related_link_is_no_antecedent_for_the_enclave():
    text = (
        "Shelling hit Douma again on Monday.\n\n"
        "Related: Idlib prepares for a new wave of displaced\n\n"
        "The truce signed in Cairo on 22 July 2017, which brought the enclave under a ceasefire, "
        "is now a dead letter."
    )
    assert links(text, "2018-02-27") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_people_who_leave_with_their_families_to_a_zone_name_an_endpoint():
    text = (
        "The truce held in Rastan and Talbiseh on Friday, and armed men opposed to the truce were "
        "told they could leave with their families to Idlib."
    )
    assert links(text, "2017-08-05") == {("homs_truce_2017", "north_homs")}


def test_a_zone_named_before_the_movement_word_is_no_endpoint():
    text = (
        "Under the truce agreed in Cairo for northern Homs, fighters who refuse it may leave with "
        "their families to Idlib."
    )
    assert links(text, "2017-08-05") == {("homs_truce_2017", "north_homs")}


def test_boundaries_agreed_at_a_round_are_that_rounds_even_beside_a_nearer_memorandum():
    text = (
        "Legend\n"
        "A - Idlib province and adjacent areas (memorandum of 4 May 2017; boundaries set at "
        "Astana-6 in September)\n"
        "B - Turkish-held areas north of Aleppo"
    )
    assert ("astana_6", "idlib", "delineates") in relations(text, "2017-11-02")


def test_a_plan_said_in_the_past_tense_dates_a_day_already_gone():
    text = "Evacuations from Rastan were due to start on Tuesday, but rain held them up."
    days = {d.text: d.date for d in extract_article(text, "2018-05-10").dates}
    assert days["on Tuesday"] == "2018-05-08"


def test_headlines_listed_under_a_bare_read_more_line_are_page_furniture():
    text = (
        "Fighting resumed near Talbiseh on Sunday.\n\n"
        "READ MORE\n"
        "\u00bb Daraa: the south waits for its turn\n"
        "\u00bb What the Astana zones were meant to do\n\n"
        "The truce signed in Cairo on 31 July 2017, which brought the pocket under a ceasefire, "
        "no longer protects anyone."
    )
    assert ("homs_truce_2017", "south") not in links(text, "2018-04-30")


def test_a_zone_in_the_clause_of_an_unknown_deal_is_not_the_earlier_agreements():
    text = (
        "Diplomats recalled that the ceasefire Washington had negotiated with Moscow and Amman for "
        "Daraa had collapsed, and that the 30-day truce demanded by the Council was never "
        "respected in Douma."
    )
    assert links(text, "2018-09-20") == {("southwest_ceasefire_2017", "south")}


def test_all_three_areas_after_a_list_of_lines_means_the_three_listed():
    text = (
        "Smaller pockets, by the date of the truce that ended the fighting there:\n"
        "- Eastern Ghouta, 22 July 2017\n"
        "- Northern Homs, 3 August 2017\n"
        "- Daraa and Quneitra, 9 July 2017\n\n"
        "The Astana memorandum of 4 May 2017 had already taken in all three areas."
    )
    assert {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "north_homs"),
        ("astana_memorandum_2017", "south"),
    } <= links(text, "2017-10-01")


def test_a_zone_that_brokers_set_up_names_their_agreement():
    text = (
        "Analysts said the offensive had buried the de-escalation zone that Washington and Moscow "
        "set up in southern Syria in 2017."
    )
    assert links(text, "2018-07-02") == {("southwest_ceasefire_2017", "south")}


def test_a_venue_earlier_in_the_clause_is_where_the_head_was_agreed():
    text = (
        "Douma has been calmer since Russian officers and the Jaish al-Islam delegation met in "
        "Cairo on 22 July and signed a truce."
    )
    assert links(text, "2017-08-10") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_its_lines_were_drawn_at_a_round_are_the_zones_before():
    text = (
        "- Idlib: the biggest of the four areas, with some two million people.\n"
        "Its lines were drawn at the sixth round of talks in Astana in September."
    )
    assert ("astana_6", "idlib", "delineates") in relations(text, "2017-10-05")


def test_an_agreement_beyond_a_semicolon_with_its_own_zone_does_not_reach_back():
    text = (
        "Rastan fell in the spring of 2018; Douma, whose truce had been agreed in Cairo on "
        "22 July 2017, had gone a month before."
    )
    assert links(text, "2019-01-10") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_their_own_ceasefire_is_the_one_of_the_brokers_named_before_it():
    text = (
        "Two areas remain: Idlib, where Ankara keeps its posts, and Quneitra, where Washington and "
        "Amman insist that their own truce still holds."
    )
    assert links(text, "2018-05-20") == {("southwest_ceasefire_2017", "south")}


def test_an_agreement_in_a_where_clause_is_that_zones_not_an_earlier_ones():
    text = (
        "Only two pockets are left: Idlib in the north and the south, where Jordan and the United "
        "States want Russia to respect their own ceasefire."
    )
    assert links(text, "2018-05-20") == {("southwest_ceasefire_2017", "south")}
    both = "Only Idlib, where the Sochi memorandum and the Moscow protocol are meant to apply, is left."
    assert links(both, "2020-06-01") == {("sochi_2018", "idlib"), ("moscow_protocol_2020", "idlib")}


def test_the_same_memorandum_refers_back_to_the_one_named_before():
    text = (
        "Eastern Ghouta was listed in the memorandum signed in Astana on 4 May 2017.\n\n"
        "Q: And the north-west?\n\n"
        "A: Idlib is covered by the same memorandum, which the guarantors renewed in October."
    )
    assert ("astana_memorandum_2017", "idlib") in links(text, "2017-11-20")


def test_the_province_refers_back_to_the_zone_named_before():
    text = (
        "Turkish troops crossed into Idlib in October. The province had become a de-escalation "
        "area under the memorandum the guarantors signed on 4 May 2017."
    )
    assert links(text, "2018-09-20") == {("astana_memorandum_2017", "idlib")}


def test_zones_brokered_by_one_distinctive_broker_name_its_agreement_for_each():
    text = "The de-escalation zones in Eastern Ghouta and northern Homs were brokered by Egypt."
    assert links(text, "2017-10-01") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_the_south_of_the_country_is_the_south():
    text = "Only the south of the country is covered by the ceasefire agreed in Amman on 7 July."
    assert links(text, "2017-07-20") == {("southwest_ceasefire_2017", "south")}


def test_taken_back_ends_a_zone():
    text = "Eastern Ghouta, one of the zones of the Astana memorandum, was taken back in April."
    assert ("astana_memorandum_2017", "eastern_ghouta", "ends") in relations(text, "2018-05-20")


def test_a_venue_in_a_participle_clause_after_a_short_phrase_on_the_head_is_the_heads():
    text = (
        "Families in Rastan are waiting. A deal specific to the pocket, signed in Cairo, is all "
        "that protects them."
    )
    assert links(text, "2017-12-01") == {("homs_truce_2017", "north_homs")}


def test_a_reference_marker_after_a_full_stop_ends_the_sentence():
    from extract.segment import sentence_spans

    text = "Douma was besieged for five years.[3] In July 2017 a truce was signed."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Douma was besieged for five years.[3]",
        "In July 2017 a truce was signed.",
    ]


def test_it_was_designated_refers_to_the_zone_before():
    text = (
        "Talbiseh lies north of Homs. In May 2017 it was designated one of four areas in the "
        "memorandum signed by Russia, Iran and Turkey."
    )
    assert links(text, "2018-01-10") == {("astana_memorandum_2017", "north_homs")}


def test_two_venues_with_their_months_in_one_agreeing_sentence_name_two_agreements():
    text = (
        "Idlib's status was renegotiated twice, at Sochi in September 2018 and in Moscow in "
        "March 2020."
    )
    assert links(text, "2021-01-01") == {("sochi_2018", "idlib"), ("moscow_protocol_2020", "idlib")}


def test_abbreviated_weekdays_open_the_lines_of_a_weekly_digest():
    text = "The week in Syria\n\nTue: Shelling near Saraqib.\n\nThu: A convoy reached Idlib."
    days = {d.text: d.date for d in extract_article(text, "2020-03-13").dates}
    assert days == {"Tue": "2020-03-10", "Thu": "2020-03-12"}


def test_a_list_of_the_four_zones_reaches_back_past_an_abstract_and_a_heading():
    text = (
        "Abstract\n"
        "This paper studies the memorandum signed in Astana on 4 May 2017.\n"
        "It uses local reporting.\n"
        "It also uses interviews.\n\n"
        "1. Introduction\n"
        "By July 2018 three of the four zones - Eastern Ghouta, northern Homs and the south - "
        "had been retaken."
    )
    assert {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "north_homs"),
        ("astana_memorandum_2017", "south"),
    } <= links(text, "2019-06-01")


def test_a_first_memorandum_in_a_headline_is_not_forced_to_a_memorandum_named_nowhere():
    text = (
        "Jordan says a new memorandum on southern Syria is signed\n\n"
        "The memorandum of principles, agreed in Amman, supports the ceasefire that took effect "
        "in Daraa on 9 July."
    )
    assert links(text, "2017-11-11") == {("southwest_ceasefire_2017", "south")}
