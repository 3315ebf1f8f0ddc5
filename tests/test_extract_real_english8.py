"""Reading the English voices of the probe set ``tests/devset/realistic7b`` (issue 9):
newspaper long reads, think-tank notes with footnotes, encyclopaedia articles with infoboxes, UN
reports and Security Council records, humanitarian situation reports. Every text here is the
team's own sentence, not one of the set's."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, day_dates, links


def test_a_sentence_opened_by_like_keeps_the_compared_heads_own_zones():
    text = (
        "Like the truces Russia brokered in Egypt for Eastern Ghouta and the pocket north of "
        "Homs, the Idlib zone had no international monitors."
    )
    assert links(text, "2018-03-01") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_city_before_a_verb_of_agreeing_is_who_agreed_not_where():
    text = "The truces Moscow negotiated in Cairo for Eastern Ghouta and Rastan were shortlived."
    assert links(text, "2018-03-01") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_zone_before_a_comma_is_not_the_heads_modifier():
    text = (
        "Like the truces for Eastern Ghouta and northern Homs, the arrangement in the south "
        "had no monitors."
    )
    assert ("southwest_ceasefire_2017", "south") in links(text, "2018-03-01")
    assert ("homs_truce_2017", "south") not in links(text, "2018-03-01")


def test_a_zone_after_like_is_not_the_main_clauses_agreements():
    text = (
        "Like Eastern Ghouta before it, Daraa was hit hard although the south-west ceasefire "
        "had been in force since July."
    )
    assert links(text, "2018-07-01") == {("southwest_ceasefire_2017", "south")}


def test_a_day_written_again_without_its_year_is_the_same_day():
    text = (
        "Operation in the south\n\nDate\t19 June – 31 July 2018\n\n"
        "Background\nThe ceasefire for the south-west took effect on 9 July 2017, and the three "
        "states confirmed it in November 2017.\n\n"
        "Offensive\nThe army began its assault on 19 June. On 6 July most factions gave in."
    )
    days = day_dates(text, None)
    assert {"2018-06-19", "2018-07-06"} <= days
    assert "2017-06-19" not in days and "2017-07-06" not in days


def test_a_day_written_again_keeps_its_year_in_a_dated_text():
    text = (
        "A strike on 5 June 2018 destroyed the market of Ariha.\n\nOn 2 October, the council "
        "reopened the school.\n\nSince 5 June, traders have sold from tents."
    )
    days = day_dates(text, "2019-10-14")
    assert "2018-06-05" in days and "2019-06-05" not in days


def test_an_undated_story_goes_on_in_the_year_just_written():
    text = (
        "The Astana memorandum of 4 May 2017 listed the pocket among the four areas.\n\n"
        "In April 2018 Russian officers issued an ultimatum. On 2 May the factions accepted to "
        "leave, and on 15 May the army took the last villages."
    )
    days = day_dates(text, None)
    assert {"2018-05-02", "2018-05-15"} <= days
    assert not days & {"2017-05-02", "2017-05-15"}


def test_the_first_day_of_a_range_takes_the_year_of_the_last():
    text = "Infobox\nDate\t19 June – 31 July 2018\nLocation\tDaraa"
    assert {"2018-06-19", "2018-07-31"} <= day_dates(text, None)


def test_a_count_of_days_does_not_reach_back_paragraphs():
    text = (
        "The memorandum was signed on 4 May 2017 in Astana.\n\nIt listed four areas, among them "
        "the pocket of Rastan and Talbiseh, where rebels had held out for years under siege. "
        "Russian military police were to man checkpoints around it and aid was to flow in "
        "through agreed crossings. The Ghouta truce, signed in Cairo ten days earlier, was "
        "the model for its terms."
    )
    assert day_dates(text, None) == {"2017-05-04"}


def test_a_count_of_days_still_counts_from_a_day_of_its_paragraph():
    text = "A truce declared on 1 August 2019 collapsed four days later."
    assert "2019-08-05" in day_dates(text, "2019-10-01")


def test_a_month_said_with_a_head_takes_the_year_the_story_just_wrote():
    text = (
        "In late June 2021 the army encircled Tafas. A Russian-mediated agreement in September "
        "let the fighters stay."
    )
    assert "sochi_2018" not in agreements_said(text, "2021-11-01")


def test_weak_names_of_several_zones_in_one_sentence_are_zones():
    text = (
        "The plan names a pocket north of the city of Homs, the suburbs east of Damascus and a "
        "strip in the south."
    )
    zones = set(extract_article(text, "2017-05-05").zones)
    assert {"north_homs", "eastern_ghouta", "south"} <= zones


def test_the_largest_is_an_item_of_the_agreement_just_named():
    text = (
        "The memorandum signed on Thursday sets up four de-escalation zones. The largest is the "
        "province of Idlib with parts of Hama and Latakia."
    )
    assert ("astana_memorandum_2017", "idlib") in links(text, "2017-05-05")


def test_lines_drawn_on_a_rounds_date_are_that_rounds():
    text = (
        "Idlib was the largest of the four areas. Its borders were settled by Russia, Turkey "
        "and Iran in September 2017."
    )
    assert ("astana_6", "idlib") in links(text, None)


def test_lines_drawn_on_a_date_of_no_such_round_name_no_round():
    text = "The borders of the Idlib area were discussed again in March 2018."
    assert "astana_6" not in agreements_said(text, None)


def test_a_day_takes_the_year_of_a_day_later_in_its_sentence():
    text = (
        "Heavy weapons were to leave the strip by 10 October, and the jihadists by 15 October "
        "2018.\n\nSee also\nIdlib offensive (2019)"
    )
    assert {"2018-10-10", "2018-10-15"} <= day_dates(text, None)


def test_a_plural_anaphor_before_other_zones_of_its_sentence_means_the_zones_before():
    text = (
        "A truce for Eastern Ghouta was signed in Cairo on 22 July 2017, and one for the "
        "northern Homs countryside on 31 July. Both were presented as implementing the Astana "
        "memorandum, under which the two enclaves had become de-escalation zones alongside "
        "Idlib and the south."
    )
    found = links(text, "2017-09-01")
    assert ("astana_memorandum_2017", "eastern_ghouta") in found
    assert ("astana_memorandum_2017", "north_homs") in found


def test_a_plural_anaphor_spelled_out_right_after_means_those_zones():
    text = (
        "Eastern Ghouta and Rastan were shelled. Both areas, Idlib and Daraa, were covered by "
        "the Astana memorandum."
    )
    found = links(text, "2017-09-01")
    assert ("astana_memorandum_2017", "eastern_ghouta") not in found


def test_a_round_held_after_zones_fell_does_not_cover_them():
    text = (
        "The ninth Astana round (14-15 May 2018) took place after government forces had "
        "recaptured Eastern Ghouta and the northern Homs pocket, two of the four areas."
    )
    assert not {a for a, _ in links(text, None)} & {"astana_9"}


def test_the_eastern_suburbs_of_damascus_are_eastern_ghouta():
    text = (
        "That arrangement did little for the other zones. Forces retook the eastern suburbs of "
        "Damascus in April and the area north of Homs in May."
    )
    assert "eastern_ghouta" in extract_article(text, "2018-09-17").zones


def test_a_day_right_after_a_season_of_an_earlier_year_is_in_that_year():
    text = (
        "When troops massed around the zone in the summer of 2018, the two presidents met at "
        "the Black Sea. There, on 17 September, they agreed on a buffer strip."
    )
    days = day_dates(text, "2019-10-14")
    assert "2018-09-17" in days and "2019-09-17" not in days


def test_a_season_in_an_earlier_paragraph_does_not_date_a_new_story():
    text = (
        "By the spring of 2019 the strip had become a battlefield.\n\n"
        "The new protocol freezes the lines held on March 6."
    )
    assert "2020-03-06" in day_dates(text, "2020-03-10")


def test_a_set_of_arrangements_is_one_agreement():
    text = (
        "On 5 March, Presidents Putin and Erdogan met in Moscow and agreed on a set of "
        "arrangements for the north-west, including a corridor along the M4."
    )
    assert agreements_said(text, "2020-03-19") == ["moscow_protocol_2020"]


def test_plural_truces_dated_on_no_registry_truce_are_unknown():
    text = "The truces announced in January and in 2019 never lasted more than a week."
    said = agreements_said(text, "2020-03-19")
    assert said and all(a is None for a in said)


def test_boundary_talks_that_failed_draw_no_lines():
    text = (
        "Eastern Ghouta was one of the four areas. Talks on the zone's boundaries at the fifth "
        "Astana round on 4-5 July failed."
    )
    assert ("astana_5", "eastern_ghouta") not in links(text, "2017-07-10")


def test_a_zone_agreed_at_a_venue_in_a_year_names_that_venues_agreement():
    text = (
        "A demilitarised zone agreed in Sochi in 2018 was never completed, and a truce declared in "
        "January broke down within days."
    )
    assert ("sochi_2018", "idlib") in links(text, "2020-03-15")


def test_a_truce_dated_on_no_registry_day_is_unknown():
    said = agreements_said("A truce declared in January broke down within days.", "2020-03-15")
    assert said == [None]


def test_an_indefinite_ordinal_round_away_from_astana_is_no_astana_round():
    text = (
        "The Astana memorandum named four zones. On July 31 a second round of talks in the "
        "Egyptian capital produced a truce for Rastan."
    )
    assert "astana_2" not in agreements_said(text, "2017-08-10")


def test_an_indefinite_ordinal_round_in_astana_is_that_round():
    text = "Kazakhstan will host a sixth round of talks in Astana next month."
    assert "astana_6" in agreements_said(text, "2017-08-20")


def test_an_onset_after_another_clauses_head_is_that_heads():
    text = (
        "On July 22 Russian officers signed an agreement in Cairo that halted fighting in "
        "Eastern Ghouta, and on July 31 talks there produced a truce for the towns north of "
        "Homs, which took effect on August 3."
    )
    assert links(text, "2017-08-10") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_a_count_of_days_ago_counts_back_from_publication():
    text = "The deal was struck in Moscow ten days ago,which ended weeks of fighting."
    assert "2020-03-05" in day_dates(text, "2020-03-15")


def test_a_partitive_apposition_on_a_zone_names_its_agreement_too():
    text = (
        "The truce in Eastern Ghouta, one of the four zones set up under the Astana memorandum, "
        "held for a month."
    )
    assert links(text, "2017-08-20") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "eastern_ghouta"),
    }


def test_an_ordinal_partitive_apposition_on_a_zone_names_its_agreement():
    text = (
        "The agreement for East Ghouta, the second of the four areas defined in the Astana "
        "memorandum to receive its own ceasefire arrangement, applies to Douma and Harasta."
    )
    assert ("astana_memorandum_2017", "eastern_ghouta") in links(text, "2017-08-04")


def test_a_deal_announced_last_week_long_after_every_registry_agreement_is_unknown():
    text = (
        "The pocket north of Homs had a Cairo truce since August. Under the deal announced last "
        "week, fighters who refuse its terms will be moved to the north."
    )
    said = agreements_said(text, "2018-05-07")
    assert None in said and said.count("homs_truce_2017") == 1


def test_a_memorandum_signed_last_week_can_be_the_registrys():
    text = "The memorandum signed last week sets up four zones, including Idlib."
    assert agreements_said(text, "2017-05-10") == ["astana_memorandum_2017"]


def test_like_inside_a_sentence_gives_examples_not_a_comparison():
    text = (
        "Under the Astana memorandum, areas like Idlib, northern Homs and Eastern Ghouta became "
        "de-escalation zones."
    )
    assert ("astana_memorandum_2017", "idlib") in links(text, "2017-06-01")


def test_weak_names_of_only_two_regions_are_no_list_of_zones():
    text = "Air strikes hit villages in Hama province and rural Damascus overnight."
    assert extract_article(text, "2019-05-10").zones == []


def test_lines_drawn_and_then_failing_are_still_drawn():
    text = (
        "The boundaries of the Idlib zone agreed at the sixth Astana round failed to stop the "
        "offensive."
    )
    assert ("astana_6", "idlib") in links(text, "2019-06-01")
