"""Reading English as wire services, encyclopaedias and official pages write it (issue 9).

One test per general reading rule found with the realistic3 set. Every text here is the team's
own sentence, written in the way those sources put such things; none is copied from a page."""

from __future__ import annotations

from extract import extract_article
from tests.reading import agreements_said, links, relations


def _days(text: str, published: str | None) -> list[str]:
    return [d.date for d in extract_article(text, published).dates if d.precision == "day"]


def test_a_reduced_relative_clause_names_the_round_a_head_means():
    text = (
        "Turkish troops began setting up posts in Idlib last month under the deal on that area "
        "reached at the sixth round of talks in Astana."
    )
    assert links(text, "2017-11-11") == {("astana_6", "idlib")}


def test_a_shared_name_placed_at_another_venue_is_that_venues_agreement():
    text = (
        "Idlib is supposed to be shielded by a de-escalation deal that Russia and Turkey "
        "reached in the Black Sea resort of Sochi in September 2018."
    )
    assert links(text, "2020-01-29") == {("sochi_2018", "idlib")}
    # the clause of an outer name is not the inner name's
    protocol = (
        "The Additional Protocol to the Memorandum on Stabilization of the Situation in the "
        "Idlib De-escalation Area was signed in Moscow."
    )
    assert set(agreements_said(protocol, "2020-03-06")) == {"moscow_protocol_2020", "sochi_2018"}


def test_year_headings_keep_their_year_with_edit_links():
    text = (
        "Timeline\n\n2019[edit]\n• 6 May – A ground offensive begins.[2]\n\n"
        "2020[edit]\n• 5 March – A ceasefire is agreed in Moscow.[12]"
    )
    assert _days(text, None) == ["2019-05-06", "2020-03-05"]


def test_a_day_just_after_a_dated_background_day_keeps_its_year():
    text = (
        "Russia and Turkey met in Sochi on 17 September 2018. Heavy weapons were withdrawn by "
        "the 10 October deadline. Fighting resumed on 6 May."
    )
    assert _days(text, "2019-09-10") == ["2018-09-17", "2018-10-10", "2019-05-06"]


def test_a_season_states_its_year():
    text = (
        "The truce was signed on 22 July 2017. By the summer of 2018 the government had "
        "retaken Eastern Ghouta in April."
    )
    dates = {d.text: d.date for d in extract_article(text, None).dates}
    assert dates["April"] == "2018-04"


def test_labelled_list_lines_carry_an_enumeration():
    text = (
        "Zones\nThe memorandum provided for four areas:[4]\n"
        "Zone 1: Idlib Governorate and the adjoining parts of Latakia, Hama and Aleppo;\n"
        "Zone 2: certain parts of the north of Homs Governorate;\n"
        "Zone 3: Eastern Ghouta;\n"
        "Zone 4: certain parts of Daraa and Quneitra governorates."
    )
    context = "The Astana memorandum was signed on 4 May 2017.\n\n"
    assert links(context + text, None) == {
        ("astana_memorandum_2017", zone)
        for zone in ("idlib", "north_homs", "eastern_ghouta", "south")
    }


def test_headings_and_contents_lines_are_no_distance_for_an_anaphor():
    text = (
        "The Astana memorandum was signed on 4 May 2017.\n\nContents\n1 Zones\n2 Implementation\n"
        "3 Aftermath\n4 References\n\nZones[edit]\nThe memorandum provided for four areas:\n"
        "- Idlib province;\n- Eastern Ghouta."
    )
    assert links(text, None) == {
        ("astana_memorandum_2017", "idlib"),
        ("astana_memorandum_2017", "eastern_ghouta"),
    }


def test_a_month_without_its_year_is_compared_as_written():
    text = (
        "On paper the south was the fourth of the zones listed in the May memorandum signed in "
        "Astana by Russia, Turkey and Iran."
    )
    assert "astana_memorandum_2017" in agreements_said(text, "2018-07-20")


def test_a_deadline_is_not_the_agreements_date():
    text = "Last week's agreement on Idlib set a deadline of Oct. 15 for the buffer zone."
    assert links(text, "2018-09-25") == {("sochi_2018", "idlib")}


def test_removing_weapons_from_a_zone_does_not_exclude_it():
    text = (
        "Under a deal reached in Sochi last September, Turkey was to remove heavy weapons from "
        "a buffer zone in Idlib."
    )
    assert relations(text, "2019-05-10") == {("sochi_2018", "idlib", "covers")}


def test_a_name_made_on_another_day_is_another_agreement():
    text = (
        "Under the Sochi deal reached on Tuesday, Kurdish fighters must leave the border strip. "
        "It is separate from the 2018 Sochi accord on Idlib."
    )
    assert agreements_said(text, "2019-10-23") == [None, "sochi_2018"]


def test_a_truce_demanded_by_the_un_or_declared_by_one_side_is_unknown():
    text = "The UN-demanded truce has not been implemented in Eastern Ghouta."
    assert agreements_said(text, "2018-03-01") == [None]
    army = (
        "The armed groups have not complied with the ceasefire regime declared by the command "
        "of the Syrian Arab Army on 1 August."
    )
    assert agreements_said(army, "2019-08-05") == [None]


def test_the_date_said_with_a_venue_identifies_the_head():
    text = (
        "It paused the operation under a 120-hour arrangement reached with the United States in "
        "Ankara on Oct. 17."
    )
    assert agreements_said(text, "2019-10-23") == [None]


def test_an_enumeration_head_takes_an_agreement_that_covers_what_it_lists():
    text = (
        "The northern Homs truce was agreed in Cairo on 31 July 2017. By the summer of 2018 the "
        "government had retaken three of the four areas: Eastern Ghouta in April, the northern "
        "Homs pocket in May and the south in July."
    )
    assert ("homs_truce_2017", "eastern_ghouta") not in links(text, None)
    assert ("homs_truce_2017", "south") not in links(text, None)


def test_zones_named_by_their_pocket_or_their_de_escalation_area():
    assert links("The Cairo deal covers the Homs pocket.", "2017-08-04") == {
        ("homs_truce_2017", "north_homs")
    }
    assert links("The memorandum covers the southern de-escalation area.", "2017-05-05") == {
        ("astana_memorandum_2017", "south")
    }
    text = "The ceasefire covers Syria's southwestern provinces along the Jordanian border."
    assert links(text, "2017-07-10") == {("southwest_ceasefire_2017", "south")}


def test_within_the_boundaries_of_an_area_is_inside_it_not_drawing_it():
    text = (
        "Regime forces attacked towns in southwest Syria, within the boundaries of the "
        "de-escalation area negotiated between the United States, Jordan, and Russia last year."
    )
    assert relations(text, "2018-06-21") == {("southwest_ceasefire_2017", "south", "covers")}


def test_a_relative_day_with_a_head_is_compared_exactly():
    # "today" is 6 July 2018: not the 7 July 2017 southwest ceasefire, whatever the day and month
    text = "Today's agreement does not yet cover Deraa city's southern districts."
    assert agreements_said(text, "2018-07-06") == [None]
