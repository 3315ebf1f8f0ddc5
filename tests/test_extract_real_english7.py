"""Reading English wire copy, reviews, briefings and round-by-round chronologies (issue 9, probe
set ``tests/devset/realistic7``). Every text here is the team's own sentence, not one of the
set's."""

from __future__ import annotations

from tests.reading import agreements_said, day_dates, links, relations


def test_two_ordinals_joined_before_rounds_are_two_rounds():
    text = (
        "The Astana process began in 2017. The second and third rounds, in February and March "
        "2017, dealt with prisoner swaps."
    )
    assert {"astana_2", "astana_3"} <= set(agreements_said(text, "2017-06-01"))


def test_two_joined_ordinals_before_meetings_of_other_leaders_are_no_rounds():
    text = (
        "The Astana talks went on. Putin and Erdogan held their second and third meetings "
        "of the year in Ankara."
    )
    assert not {"astana_2", "astana_3"} & set(agreements_said(text, "2018-04-05"))


def test_an_ordinal_meeting_after_a_month_of_its_own_round_is_that_round():
    text = (
        "Talks in the Kazakh capital went on all year. In September, at their sixth meeting, "
        "the three guarantors drew the lines of the Idlib zone."
    )
    assert "astana_6" in agreements_said(text, "2017-12-20")
    assert ("astana_6", "idlib") in links(text, "2017-12-20")


def test_an_ordinal_meeting_in_a_month_its_round_was_not_held_is_no_round():
    text = (
        "The Astana format survives. In May 2019, at their third meeting that year, the "
        "leaders spoke of Idlib."
    )
    assert "astana_3" not in agreements_said(text, "2019-06-01")


def test_talks_held_since_a_month_are_no_round_of_that_month():
    text = "The guarantors have met nine times in Astana since January 2017, with mixed results."
    assert "astana_1" not in agreements_said(text, "2018-02-01")


def test_a_round_named_in_a_sentence_dated_on_another_day_leaves_the_agreement_of_that_day():
    text = (
        "Astana talks were stalled. After the tenth round, on 17 September 2018, Russia and "
        "Turkey agreed at Sochi on a demilitarised strip around Idlib."
    )
    assert ("sochi_2018", "idlib") in links(text)


def test_brokers_with_no_zone_in_their_sentence_read_the_zone_of_the_sentence_before():
    text = (
        "Douma is the largest town of Eastern Ghouta. A truce for the enclave, mediated by "
        "Egypt last summer, never held."
    )
    assert links(text, "2018-03-01") >= {("ghouta_truce_2017", "eastern_ghouta")}
    assert "homs_truce_2017" not in agreements_said(text, "2018-03-01")


def test_an_ending_said_of_a_carried_list_after_it_is_its_ending():
    text = (
        "Idlib was one of four zones agreed in Astana in May 2017. The other three, Eastern "
        "Ghouta, the Homs pocket and Deraa, have all since been overrun by the army."
    )
    said = relations(text, "2019-09-01")
    assert {
        ("astana_memorandum_2017", "eastern_ghouta", "ends"),
        ("astana_memorandum_2017", "south", "ends"),
    } <= said


def test_a_day_right_after_years_ago_is_in_that_year():
    text = "Two years ago, on 17 September, the presidents met at a Black Sea resort."
    assert day_dates(text, "2020-09-17") == {"2018-09-17"}


def test_years_ago_said_of_something_else_leaves_the_day_alone():
    text = "The pact, signed a year ago, broke down on 2 March."
    assert day_dates(text, "2021-03-10") == {"2021-03-02"}


def test_the_story_goes_on_in_the_year_a_years_ago_phrase_set():
    text = (
        "A year ago, on 5 March, the two presidents met in Moscow. The joint patrols, which "
        "began on March 15, were scaled back in the autumn."
    )
    assert day_dates(text, "2021-03-05") == {"2020-03-05", "2020-03-15"}


def test_a_day_after_publication_with_a_future_cue_stays_ahead():
    text = "The joint patrols began last year and are to resume on March 15."
    assert day_dates(text, "2021-03-05") == {"2021-03-15"}


def test_a_plural_head_with_a_repeated_preposition_names_each_zones_own_agreement():
    text = (
        "Cairo talks yielded ceasefires for Eastern Ghouta in the summer and for the enclave "
        "north of Homs city a week later."
    )
    assert links(text, "2017-12-01") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_year_after_a_possessive_dates_the_agreement_noun():
    text = (
        "The Moscow protocol of March 2020 froze the front. Ankara calls it an addition to "
        "its 2018 memorandum with Russia."
    )
    assert "sochi_2018" in agreements_said(text, "2020-06-01")


def test_a_demonstrative_head_is_the_agreement_just_named_whatever_zones_it_is_asked_about():
    text = (
        "Q: The Amman memorandum of principles was concluded by the US, Russia and Jordan "
        "last week. A: Yes, and we welcome it. Q: Does this memorandum say anything about "
        "Idlib? A: No."
    )
    assert relations(text, "2017-11-15") == {("southwest_ceasefire_2017", "idlib", "excludes")}


def test_says_nothing_about_a_zone_leaves_it_out():
    text = "The Moscow protocol says nothing about Deraa, which Russia retook in 2018."
    assert ("moscow_protocol_2020", "south", "excludes") in relations(text, "2020-03-10")


def test_a_date_after_since_sets_no_story_year():
    text = (
        "The arrangement had kept the south quiet since July 2017. By the end of July the "
        "flag flew over Quneitra, and on September 17 the Sochi memorandum followed."
    )
    assert "2018-09-17" in day_dates(text, "2018-12-28")


def test_a_shared_name_with_no_zone_reads_the_zone_of_the_sentence_before():
    text = (
        "Rastan held out until May. In April the last fighters left Douma. The Cairo truce "
        "signed the summer before was never mentioned."
    )
    assert "ghouta_truce_2017" in agreements_said(text, "2018-12-20")
    assert "homs_truce_2017" not in agreements_said(text, "2018-12-20")


def test_a_day_in_the_heads_own_relative_clause_dates_it():
    text = (
        "Turkish posts ring Idlib. A truce that Moscow and Ankara declared for the province "
        "on Jan. 12 did not last a week."
    )
    said = agreements_said(text, "2020-02-20")
    assert None in said
    assert "sochi_2018" not in said


def test_an_undated_copy_takes_its_day_from_a_wire_dateline_and_the_year_of_its_agreements():
    text = (
        "Truce holds north of Homs\n\n"
        "BEIRUT, Aug 4 (Reuters) - The truce in the Homs enclave held on Friday, a day after "
        "it began. It is one of the four de-escalation zones agreed in Astana in May.\n"
    )
    assert day_dates(text, None) >= {"2017-08-04"}


def test_one_year_ago_today_on_a_day_is_last_years():
    text = "One year ago today, on April 12, the flag went up over Douma."
    assert "2018-04-12" in day_dates(text, "2019-04-12")


def test_carving_out_a_strip_creates_it_and_carving_out_of_a_deal_leaves_out():
    made = "In Sochi, Russia and Turkey agreed to carve out a demilitarised strip in Idlib."
    assert ("sochi_2018", "idlib", "covers") in relations(made, "2018-09-18")
    left = "Deraa was carved out of the Moscow protocol from the start."
    assert ("moscow_protocol_2020", "south", "excludes") in relations(left, "2020-03-10")


def test_brokers_agreeing_on_a_day_no_registry_agreement_fits_make_the_storys_new_deal():
    text = (
        "SOCHI, Russia (Reuters) - Russia and Turkey agreed on Tuesday that Kurdish fighters "
        "must leave the border strip. Under the Russian-Turkish accord, struck at the Black "
        "Sea resort, joint patrols will follow."
    )
    said = agreements_said(text, "2019-10-22")
    assert "sochi_2018" not in said
    assert None in said


def test_the_same_brokers_agreeing_on_their_registry_agreements_day_name_it():
    text = (
        "Russia and Turkey agreed on Monday to create a demilitarised zone in Idlib. Under the "
        "Russian-Turkish accord, heavy weapons must go by Oct. 10."
    )
    assert set(agreements_said(text, "2018-09-18")) == {"sochi_2018"}


def test_leaders_who_meet_on_a_weekday_meet_on_the_coming_one():
    text = "Russia, Iran and Turkey meet in Sochi on Wednesday to discuss the zones."
    assert day_dates(text, "2017-11-20") == {"2017-11-22"}
    past = "Russia, Iran and Turkey met in Sochi on Wednesday to discuss the zones."
    assert day_dates(past, "2017-11-20") == {"2017-11-15"}


def test_a_zone_term_dated_after_its_zones_place_phrase_names_that_months_agreement():
    text = "Russia set up a de-escalation zone in Eastern Ghouta outside Damascus in July."
    assert links(text, "2017-08-10") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_brokers_who_put_an_arrangement_in_place_name_it():
    text = (
        "The arrangement that the United States, Russia and Jordan put in place last year "
        "kept Quneitra calm until June."
    )
    assert links(text, "2018-07-27") == {("southwest_ceasefire_2017", "south")}


def test_it_is_the_last_of_the_zones_refers_to_the_zone_named_before():
    text = "Idlib holds three million people. It is the last of the four zones agreed in Astana."
    assert ("astana_memorandum_2017", "idlib") in links(text, "2018-07-27")


def test_an_arrangement_that_came_to_an_end_in_a_zone_ends_it():
    text = "Brokered by the US, Russia and Jordan, the truce came to an end in Deraa in July."
    assert ("southwest_ceasefire_2017", "south", "ends") in relations(text, "2018-12-01")


def test_a_zone_that_is_one_of_them_belongs_to_the_agreement_before():
    text = (
        "The Astana memorandum of May 2017 set up four de-escalation areas. Northern Homs "
        "was among them."
    )
    assert ("astana_memorandum_2017", "north_homs") in links(text, "2018-06-01")


def test_a_zone_fighters_are_taken_to_is_no_antecedent_for_the_pocket():
    text = (
        "Rebels in Talbiseh agreed to hand over their weapons. Those who refuse will be taken "
        "to Idlib province. The pocket had been calm since a truce mediated by Egypt last year."
    )
    found = links(text, "2018-05-02")
    assert ("homs_truce_2017", "north_homs") in found
    assert not any(zone == "idlib" for _, zone in found)


def test_a_month_that_fits_only_another_zones_truce_in_a_one_zone_text_is_an_unknown_deal():
    text = (
        "Eastern Ghouta timeline. July 2017 - Jaish al-Islam signs a truce in Cairo. The "
        "other big group follows with a truce of its own in August."
    )
    assert "homs_truce_2017" not in agreements_said(text, "2018-02-25")


def test_the_other_three_including_one_zone_carries_that_zone():
    text = (
        "Idlib is the last of the four de-escalation areas set up under the Astana memorandum. "
        "The army retook the other three, including Deraa, last year."
    )
    assert ("astana_memorandum_2017", "south") in links(text, "2019-03-01")
