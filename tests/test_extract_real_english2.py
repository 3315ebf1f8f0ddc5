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
