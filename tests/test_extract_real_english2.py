"""Reading English as wire services, explainers, transcripts and analyses write it (issue 9).

One test per general reading rule found with the realistic4 set. Every text here is the team's
own sentence, written in the way those sources put such things; none is copied from a page or
from the set."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


def _dates(text: str, published: str | None) -> dict[str, str | None]:
    return {d.text: d.date for d in extract_article(text, published).dates}


def test_a_day_without_its_year_continues_the_year_just_written():
    text = (
        "In July 2017 Russian officers met rebel envoys in Cairo. The talks produced a truce for "
        "Eastern Ghouta on 22 July. Homs had to wait until August."
    )
    dates = _dates(text, "2019-05-10")
    assert dates["22 July"] == "2017-07-22"
    assert dates["August"] == "2017-08"
    # far from any written year, the publication year still rules
    assert _dates("The talks resumed on 22 July.", "2019-09-10")["22 July"] == "2019-07-22"


def test_a_day_before_the_year_just_written_is_not_pulled_into_it():
    text = "Russia and Turkey met in Sochi on 17 September 2018. Fighting resumed on 6 May."
    assert _dates(text, "2019-09-10")["6 May"] == "2019-05-06"


def test_brokers_agreeing_take_the_date_of_their_own_sentence():
    text = (
        "Egyptian mediators and Russian officers produced a truce for Eastern Ghouta on 22 July "
        "2017. The guarantors agreed in September 2017 on where Idlib's lines ran."
    )
    assert ("ghouta_truce_2017", "idlib") not in links(text, "2019-05-10")


def test_a_month_said_with_a_head_is_no_agreement_signed_after_publication():
    text = (
        "Jaish al-Islam left Douma under a deal with Russia. Other groups left Harasta under "
        "similar arrangements in March."
    )
    assert "moscow_protocol_2020" not in agreements_said(text, "2018-04-12")


def test_the_ceasefire_means_the_zones_ceasefire_even_named_further_back():
    text = (
        "A ceasefire brokered by the United States, Russia and Jordan took effect in southwest "
        "Syria on Sunday. It was welcomed in Amman. Monitors arrived. Officials met. "
        "Moscow said it fitted the memorandum on de-escalation zones signed in Astana in May. "
        "Rebels in Quneitra said they would respect the ceasefire."
    )
    assert links(text, "2017-07-09") == {("southwest_ceasefire_2017", "south")}


def test_a_pronoun_after_a_short_answer_means_the_zone_of_the_question():
    text = (
        "Was Douma not in a protected zone? Yes, in two of them. It was one of the four areas "
        "set up by the Astana memorandum."
    )
    assert links(text, "2018-03-01") == {("astana_memorandum_2017", "eastern_ghouta")}


def test_the_southern_area_and_a_ceasefire_there_mean_the_south():
    text = (
        "Deraa was quiet for a year. The southern area was among the four de-escalation areas "
        "of the Astana memorandum."
    )
    assert links(text, "2018-06-28") == {("astana_memorandum_2017", "south")}
    there = (
        "The southern zone held for a year. Washington, Moscow and Amman had agreed a "
        "ceasefire there in July 2017."
    )
    assert links(there, "2018-06-28") == {("southwest_ceasefire_2017", "south")}


def test_each_zone_of_a_gapped_list_goes_with_the_agreement_after_it():
    text = (
        "In practice the south came into being through a US-Russian-Jordanian arrangement "
        "announced on 7 July 2017, the Ghouta area through a truce signed in Cairo on 22 July, "
        "and the Homs area through a deal reached in the same city on 31 July."
    )
    assert links(text, None) == {
        ("southwest_ceasefire_2017", "south"),
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_the_memorandum_before_any_name_is_the_memorandum_named_later():
    text = (
        "9:10 p.m. Flights over the zones will stop once the memorandum is in force. The "
        "largest zone takes in Idlib and its surroundings.\n\n"
        "2:00 p.m. Russia, Turkey and Iran sign the Astana memorandum on four areas."
    )
    assert links(text, "2017-05-04") == {("astana_memorandum_2017", "idlib")}


def test_the_others_carry_the_zones_of_the_agreement_just_named_and_their_end():
    text = (
        "Idlib was one of four zones agreed in the Astana memorandum. The others have since "
        "fallen to the army: Eastern Ghouta, the area north of the city of Homs and Deraa."
    )
    found = relations(text, "2018-09-18")
    for zone in ("eastern_ghouta", "north_homs", "south"):
        assert ("astana_memorandum_2017", zone, "covers") in found
        assert ("astana_memorandum_2017", zone, "ends") in found


def test_the_kazakh_capital_names_astana_for_a_round():
    text = "A fifth round of talks in the Kazakh capital broke up on Wednesday with no deal."
    assert agreements_said(text, "2017-07-07") == ["astana_5"]


def test_rows_of_a_table_of_rounds_name_their_round():
    text = (
        "Astana talks\n\nRound | Dates | Main outcome\n"
        "Second | 15–16 February 2017 | Working group set up.\n"
        "Sixth | 14–15 September 2017 | Lines of the Idlib area agreed.\n"
        "10 | 30–31 July 2018 | Held in Sochi.\n\nSee also"
    )
    assert agreements_said(text, None) == ["astana_2", "astana_6", "astana_10"]
    # a first cell that is no number, or a table of something else, names no round
    other = "Astana talks\n\nDelegation | Head\nFirst | Lavrentiev\n"
    assert agreements_said(other, None) == []


def test_a_trigger_whose_object_is_the_zone_gives_the_relation():
    text = "At the sixth round in Astana: boundaries of the Idlib area agreed."
    assert relations(text, None) == {("astana_6", "idlib", "delineates")}


def test_they_agreed_after_a_named_round_is_what_that_round_agreed():
    text = (
        "The guarantors met for the sixth round of talks in Astana in mid-September. They "
        "agreed the boundaries of the Idlib zone and where observers would stand."
    )
    assert relations(text, "2017-10-17") == {("astana_6", "idlib", "delineates")}


def test_leaders_who_met_at_a_venue_and_agreed_that_month_made_its_agreement():
    text = (
        "In September 2018 the Russian and Turkish presidents met in Sochi and agreed on a buffer."
    )
    assert agreements_said(text, "2019-05-10") == ["sochi_2018"]


def test_a_question_naming_only_a_zone_is_answered_by_the_agreement_that_follows():
    text = (
        "What about Eastern Ghouta?\n\nA truce was signed in Cairo on 22 July 2017 between "
        "Russian officers and Jaish al-Islam."
    )
    assert links(text, "2018-01-10") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_days_counted_in_words_beyond_six():
    text = "A truce for Eastern Ghouta came on 22 July 2017, and one for Homs nine days later."
    assert "2017-07-31" in _dates(text, "2019-05-10").values()


def test_a_separate_track_of_named_brokers_is_their_agreement():
    text = (
        "Eastern Ghouta got its ceasefire in Cairo, and the south got its own from a separate "
        "U.S.-Russian-Jordanian track."
    )
    assert links(text, "2017-10-17") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("southwest_ceasefire_2017", "south"),
    }


def test_an_agreement_with_its_own_zone_does_not_reach_the_next_parts_zone():
    text = (
        "Talks in Cairo produced a truce for Eastern Ghouta on 22 July 2017, and then another "
        "for the Homs countryside."
    )
    assert ("ghouta_truce_2017", "north_homs") not in links(text, "2019-05-10")
    # a negated one is still said of it
    negated = "The truce for Eastern Ghouta took effect on Saturday, but it does not cover Rastan."
    assert ("ghouta_truce_2017", "north_homs") in links(negated, "2017-07-23")


def test_a_deal_a_pocket_surrendered_under_or_left_by_is_an_unknown_one():
    text = "The Rastan pocket surrendered in May 2018 under a deal negotiated by Russian officers."
    assert agreements_said(text, "2019-05-10") == [None]
    buses = "Fighters accepted a Russian-negotiated deal to leave for Jarablus on Sunday."
    assert agreements_said(buses, "2018-04-12") == [None]


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
