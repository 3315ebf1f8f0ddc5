"""Links stated across sentences: a list of zones under a zone term or "the three others" after
the agreement was named, "the enclave" / "it was one of" for the zone named just before, a place
name that an agreement name runs on from, and a signatory that tells two venue deals apart.

Sentences written for these tests."""

from __future__ import annotations

from extract import extract_article


def links(text: str, published: str) -> set[tuple[str | None, str, str]]:
    return {(c.agreement, c.zone, c.relation) for c in extract_article(text, published).coverage}


def test_a_zone_list_under_a_zone_term_links_to_the_agreement_just_named():
    text = (
        "Russia, Iran and Turkey signed the Astana memorandum on Thursday. "
        "Under its text, de-escalation areas are to be established in Idlib province, "
        "in the north of Homs province, in Eastern Ghouta and in southern Syria."
    )
    found = {(a, z) for a, z, _ in links(text, "2017-05-05")}
    assert found >= {
        ("astana_memorandum_2017", "idlib"),
        ("astana_memorandum_2017", "north_homs"),
        ("astana_memorandum_2017", "eastern_ghouta"),
        ("astana_memorandum_2017", "south"),
    }


def test_the_three_others_carry_the_agreement_and_take_their_own_relation():
    text = (
        "Idlib is the last of the zones set up under the Astana memorandum. "
        "The three others, in Eastern Ghouta, northern Homs and the south, were retaken "
        "by the government this year."
    )
    found = links(text, "2018-09-18")
    for zone in ("eastern_ghouta", "north_homs", "south"):
        assert ("astana_memorandum_2017", zone, "ends") in found


def test_a_zone_list_without_a_zone_term_or_carry_word_links_nothing():
    text = (
        "Russia, Iran and Turkey signed the Astana memorandum on Thursday. "
        "Shelling was reported in Idlib, Eastern Ghouta and Daraa."
    )
    assert links(text, "2017-05-05") == set()


def test_a_carried_link_needs_an_agreement_that_covers_the_zone():
    text = (
        "The Eastern Ghouta truce was signed in Cairo. "
        "De-escalation zones in northern Homs and the south were also discussed."
    )
    found = {(a, z) for a, z, _ in links(text, "2017-07-25")}
    assert ("ghouta_truce_2017", "north_homs") not in found
    assert ("ghouta_truce_2017", "south") not in found


def test_it_was_one_of_refers_to_the_zone_named_just_before():
    text = (
        "Eastern Ghouta was supposed to be safe. "
        'It was one of four "de-escalation zones" agreed by Russia, Turkey and Iran in Astana.'
    )
    found = {(a, z) for a, z, _ in links(text, "2018-02-24")}
    assert ("astana_memorandum_2017", "eastern_ghouta") in found


def test_the_enclave_does_not_resolve_when_the_sentence_before_names_two_zones():
    text = (
        "Fighting went on in Eastern Ghouta and Idlib. "
        "A truce brokered in Cairo applied to the enclave."
    )
    assert not any(z == "idlib" for _, z, _ in links(text, "2017-08-10"))


def test_an_agreement_name_running_on_from_a_place_is_read():
    text = "The region was part of the south-west de-escalation zone agreed by the United States."
    result = extract_article(text, "2018-07-13")
    assert "southwest_ceasefire_2017" in result.agreements
    assert result.zones == ["south"]
    zone_mentions = [m for m in result.mentions if m.kind == "zone"]
    assert len(zone_mentions) == 1  # the place, not also the zone word inside the name


def test_a_signatory_tells_two_deals_of_one_venue_apart():
    text = "A separate truce brokered in Cairo last July, signed by Jaish al-Islam, applied there."
    assert extract_article(text, "2018-02-24").agreements == ["ghouta_truce_2017"]


def test_talks_ending_without_agreement_name_no_agreement():
    text = "Negotiators went home on Thursday without agreement on the maps of the zones."
    assert extract_article(text, "2017-07-08").agreements == []


def test_an_agreement_name_that_says_where_it_applies_states_the_link():
    text = (
        "The two defence ministers signed a memorandum on the stabilisation of the situation "
        "in the Idlib de-escalation area."
    )
    assert ("sochi_2018", "idlib", "covers") in links(text, "2018-09-17")


def test_a_venue_before_an_anaphor_with_words_between_does_not_name_it():
    text = "Ankara keeps quoting the memorandum, and Moscow the clauses on terrorists."
    assert "ceasefire_dec_2016" not in extract_article(text, "2019-12-01").agreements
