"""Reading English as wire services, explainers, transcripts and analyses write it (issue 9),
continued: rules found with further team-written probe pages after the realistic4 set (clauses,
coordination, subjects, tables and questions). Every text here is the team's own sentence."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


def _dates(text: str, published: str | None) -> dict[str, str | None]:
    return {d.text: d.date for d in extract_article(text, published).dates}


def test_a_date_before_a_comma_or_and_belongs_to_the_clause_before():
    text = (
        "It follows a deal for Eastern Ghouta signed in Cairo on July 22, and the ceasefire in "
        "Syria's southwest sponsored with Washington and Amman."
    )
    assert links(text, "2017-08-04") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("southwest_ceasefire_2017", "south"),
    }


def test_a_head_joined_to_an_agreement_is_another_one():
    text = (
        "Egypt said the step complements the memorandum signed in Astana on 4 May 2017 and the "
        "arrangements in southern Syria."
    )
    assert "southwest_ceasefire_2017" in agreements_said(text, "2017-07-23")


def test_talks_that_hope_to_draw_lines_have_not_drawn_them():
    text = (
        "Russian officials hope to agree the boundaries of the Idlib zone at the sixth round of "
        "talks in Astana."
    )
    assert links(text, "2017-08-04") == set()
    drawn = "The guarantors agreed the boundaries of the Idlib zone at the sixth round in Astana."
    assert links(drawn, "2017-09-16") == {("astana_6", "idlib")}


def test_a_round_carries_only_the_lines_it_drew_to_the_next_sentence():
    text = (
        "The army's truce was timed to coincide with the thirteenth round of Astana talks. On "
        "Monday it accused militants of failing to withdraw from the demilitarised zone in Idlib."
    )
    assert links(text, "2019-08-06") == set()


def test_a_zone_set_up_under_an_arrangement_with_two_brokers_is_theirs():
    text = (
        "Further south, the zone in Daraa and Quneitra is a harder case. It was set up under an "
        "arrangement with the United States and Jordan."
    )
    assert links(text, "2018-04-14") == {("southwest_ceasefire_2017", "south")}


def test_a_date_beyond_a_semicolon_is_not_the_heads():
    text = (
        "The pocket around Rastan is next. Its truce, negotiated in Cairo last summer, has "
        "frayed for months; on Thursday the army set a deadline."
    )
    assert "homs_truce_2017" in agreements_said(text, "2018-04-14")


def test_a_round_ending_with_the_establishment_of_a_zone_covers_it():
    text = "The sixth round of Astana talks ended with the establishment of the Idlib zone."
    assert links(text, "2017-09-16") == {("astana_6", "idlib")}


def test_brokers_who_agreed_on_the_day_of_publication_made_that_days_agreement():
    text = (
        "20:41 - Summary:\n- Russia and Turkey agreed to set up a demilitarised zone between "
        "government forces and rebels in Idlib."
    )
    assert links(text, "2018-09-17") == {("sochi_2018", "idlib")}
    # on another day, the same words name no agreement
    assert links(text, "2018-11-02") == set()


def test_the_agreements_signed_at_a_venue_are_all_of_its_agreements():
    text = (
        "The ceasefire is observed in Eastern Ghouta and the north of Homs province. In "
        "accordance with the agreements signed in Cairo, military police man posts in both zones."
    )
    assert links(text, "2017-08-10") >= {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_question_refers_to_the_agreement_named_before_it():
    text = (
        "Interview\n\nQ: How were the surrender terms agreed?\n\nA: Russian officers met the "
        "commanders in Busra al-Sham. Those who refused went to Idlib.\n\nQ: And the Astana "
        "memorandum?\n\nA: Nobody here knew it."
    )
    assert links(text, "2018-07-20") == set()


def test_a_shared_name_reads_as_the_agreement_of_the_one_zone_the_text_names():
    text = (
        "The council met on Eastern Ghouta. Speakers recalled that the Cairo agreement of July "
        "2017 had placed it under a ceasefire."
    )
    assert agreements_said(text, "2018-02-28") == ["ghouta_truce_2017"]


def test_the_enclave_looks_back_past_sentences_that_name_no_zone():
    text = (
        "Shelling went on in Eastern Ghouta on Monday. A daily pause began on Tuesday. No "
        "civilians used the corridor. Russia said the enclave had been a de-escalation zone "
        "under the Astana memorandum."
    )
    assert links(text, "2018-02-28") == {("astana_memorandum_2017", "eastern_ghouta")}


def test_the_others_continue_a_list_opened_by_its_largest_item():
    text = (
        "A plan to set up four de-escalation zones took effect at midnight. The memorandum was "
        "signed on Thursday in the Kazakh capital. It calls for a halt to air strikes. The "
        "largest zone is in Idlib. The others cover northern Homs, eastern Ghouta and an area "
        "in the south."
    )
    assert {z for _, z in links(text, "2017-05-06")} == {
        "idlib",
        "north_homs",
        "eastern_ghouta",
        "south",
    }


def test_the_zone_right_after_one_of_two_joined_agreements_is_that_ones():
    text = (
        "Egypt said the step complements the memorandum on de-escalation zones and the "
        "arrangements in southern Syria."
    )
    assert links(text, "2017-07-23") == {("southwest_ceasefire_2017", "south")}
    both = "Eastern Ghouta was covered by both the Astana memorandum and the Cairo truce."
    assert links(both, "2017-08-01") == {
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("ghouta_truce_2017", "eastern_ghouta"),
    }


def test_talks_at_one_venue_on_two_days_made_one_agreement_each():
    text = (
        "Two more followed from talks in Cairo: for Eastern Ghouta on 22 July 2017 and "
        "for the countryside north of Homs on 3 August 2017."
    )
    assert links(text, None) == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_list_of_retaken_areas_belongs_to_the_memorandum_not_to_a_surrender_deal():
    text = (
        "Their memorandum of 4 May 2017 set up four areas. In 2018 the government took back "
        "three of the four areas, Eastern Ghouta in April, the Homs pocket in May and the south "
        "in July, in each case after a surrender deal."
    )
    found = links(text, None)
    for zone in ("eastern_ghouta", "north_homs", "south"):
        assert ("astana_memorandum_2017", zone) in found


def test_as_early_as_puts_a_weekday_ahead():
    text = "Rebels agreed on Wednesday to leave. Evacuations could start as early as Saturday."
    assert _dates(text, "2018-05-02")["Saturday"] == "2018-05-05"


def test_in_an_undated_text_a_year_earlier_in_the_sentence_rules_its_days():
    text = (
        "Their memorandum of 4 May 2017 set up four areas. In 2018 the government took back "
        "Eastern Ghouta in April and the Homs pocket in May, after sieges."
    )
    assert _dates(text, None)["May"] == "2018-05"


def test_a_generic_name_said_to_be_between_other_brokers_is_their_agreement():
    text = (
        "The south-west of Syria was the subject of a de-escalation agreement between the US, "
        "Russia and Jordan."
    )
    assert links(text, "2018-07-06") == {("southwest_ceasefire_2017", "south")}


def test_a_thirty_day_ceasefire_demanded_by_the_council_is_not_the_nationwide_one():
    text = (
        "The Security Council adopted resolution 2401 on 24 February, demanding a thirty-day "
        "ceasefire across Syria."
    )
    assert agreements_said(text, "2018-03-01") == [None]


def test_a_zone_that_became_one_of_the_areas_after_an_agreement():
    text = (
        "Northern rural Homs had been besieged since 2012. In August 2017 it became one of the "
        "de-escalation areas, following an agreement reached in Cairo."
    )
    assert links(text, "2018-05-16") == {("homs_truce_2017", "north_homs")}


def test_a_head_opening_its_sentence_goes_on_with_the_subject_of_the_one_before():
    text = (
        "The Sochi deal, signed that evening by the two ministers, reshaped the last of the zones "
        "set up by the Astana memorandum. The accord applied only to that area."
    )
    assert agreements_said(text, "2019-06-01")[-1] == "sochi_2018"


def test_a_sentence_naming_only_an_unknown_deal_still_goes_on_about_it():
    text = (
        "The Sochi memorandum applied only to Idlib. It did not cover Eastern Ghouta or the "
        "south, both retaken under surrender deals."
    )
    found = relations(text, "2019-06-01")
    assert ("sochi_2018", "eastern_ghouta", "excludes") in found
    assert ("sochi_2018", "south", "excludes") in found


def test_brokers_agreeing_before_a_later_clauses_head_still_name_their_agreement():
    text = (
        "The offensive began in southern Syria on 19 June. The area was part of the "
        "de-escalation zone agreed by the US, Russia and Jordan in July 2017, and we have called "
        "on Russia to uphold its commitments as a guarantor of that arrangement."
    )
    assert links(text, "2018-07-10") == {("southwest_ceasefire_2017", "south")}


def test_a_venues_head_under_a_zone_heading_is_that_zones_agreement():
    text = (
        "FACTBOX-The zones\n\nEASTERN GHOUTA\nThe enclave has been besieged since 2013. A truce "
        "was agreed in Cairo in July 2017 but never fully held.\n\nNORTHERN HOMS\nRebels hold "
        "Rastan and Talbiseh."
    )
    assert "ghouta_truce_2017" in agreements_said(text, "2018-02-26")


def test_a_weekday_after_takes_effect_is_ahead():
    text = "Flights will stop over the zones once the memorandum takes effect at midnight Friday."
    assert _dates(text, "2017-05-04")["Friday"] == "2017-05-05"


def test_a_truce_for_the_area_means_the_zone_just_spoken_of():
    text = (
        "Fighting went on in Jobar and Ain Terma. On 22 July 2017 Jaysh al-Islam and Russian "
        "officers signed a ceasefire for the area in Cairo."
    )
    assert links(text, None) == {("ghouta_truce_2017", "eastern_ghouta")}
    placed = (
        "The enclave of Douma was besieged. Speakers recalled that the Cairo agreement of July "
        "2017 had placed the area under a ceasefire."
    )
    assert links(placed, "2018-02-28") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_a_deal_letting_fighters_settle_their_status_is_a_local_one():
    text = "Rebels accepted a deal under which fighters can settle their status with the army."
    assert agreements_said(text, "2018-05-02") == [None]
    local = "Earlier local ceasefires, including one for eastern Aleppo, were arranged separately."
    assert agreements_said(local, "2016-12-30") == [None]


def test_a_plural_name_split_by_dashes_gives_each_its_own_zone():
    text = (
        "The so-called Cairo agreements – one for Eastern Ghouta, signed on July 22, the other for "
        "the northern Homs countryside, concluded on July 31 – were negotiated by Russia."
    )
    assert links(text, "2017-08-30") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_party_adjective_after_a_comma_is_not_the_heads():
    text = (
        "Under the 10-point memorandum, Russian military police will enter the border strip on "
        "Wednesday."
    )
    assert agreements_said(text, "2019-10-22") == []


def test_a_truce_opening_its_sentence_does_not_go_on_with_a_memorandum():
    text = (
        "Russia and Jordan agreed a ceasefire for southwest Syria in July 2017. The Astana "
        "memorandum, signed in May, had listed the south among four zones. The truce held for a "
        "year in Deraa."
    )
    assert ("southwest_ceasefire_2017", "south") in links(text, "2018-06-20")
    assert agreements_said(text, "2018-06-20")[-1] == "southwest_ceasefire_2017"


def test_a_round_that_agreed_a_zone_term_before_the_zone_covers_it():
    text = (
        "Turkey, Russia and Iran announced that they had agreed on the establishment of a "
        "de-escalation zone in Syria's northwestern Idlib province, at the end of the sixth round "
        "of Astana talks."
    )
    assert ("astana_6", "idlib") in links(text, "2017-09-15")


def test_its_ceasefire_is_the_ceasefire_of_the_zone_just_named():
    text = (
        "The enclave around Rastan and Talbiseh was one of the four zones. Its ceasefire was "
        "negotiated separately in Cairo last summer."
    )
    assert ("homs_truce_2017", "north_homs") in links(text, "2018-05-14")


def test_the_arrangement_brokers_made_or_struck_is_theirs():
    text = (
        "Two zones ran under Cairo ceasefires, and the south under the arrangement Washington, "
        "Moscow and Jordan made in July."
    )
    assert "southwest_ceasefire_2017" in agreements_said(text, "2017-12-26")


def test_a_zone_named_by_its_agreements_alias_names_both():
    text = "The southern de-escalation zone no longer exists."
    assert agreements_said(text, "2018-08-01") == ["southwest_ceasefire_2017"]
    assert relations(text, "2018-08-01") == {("southwest_ceasefire_2017", "south", "ends")}


def test_a_head_well_before_the_verb_beyond_a_comma_is_not_what_was_agreed():
    text = (
        "The truce is the second of its kind this month after the one in the south-west, agreed "
        "by the US, Russia and Jordan."
    )
    assert "southwest_ceasefire_2017" in agreements_said(text, "2017-07-23")
