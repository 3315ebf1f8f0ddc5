"""Reading rules found on long Arabic analyses that state coverage in many ways (``realistic6``:
clause chains, relative clauses and apposition on zones, passives, comparisons and hard
negatives spread over several paragraphs). One test of our own sentences per rule; none is a
sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from extract import extract_article
from tests.reading import relations


def _pairs(text: str, published: str) -> set[tuple[str, str]]:
    return {(a, z) for a, z, _ in relations(text, published)}


def test_however_opens_a_clause_of_its_own():
    # "غير أن" / "إلا أن" / "لكن" (however, but) end the clause before them: the zones listed
    # before them belong to the agreement of that clause, not to the one named after the break
    for however in ("غير أن", "إلا أن", "لكن"):
        text = (
            "وقد ضمّت مذكرة أستانا إدلب إلى مناطقها إلى جانب الغوطة الشرقية وريف حمص الشمالي، "
            f"{however} التفاهم الأمريكي الروسي الأردني بقي الإطار الأهم للناس هناك."
        )
        found = _pairs(text, "2018-01-20")
        assert ("astana_memorandum_2017", "eastern_ghouta") in found, however
        assert ("southwest_ceasefire_2017", "eastern_ghouta") not in found, however
        assert ("southwest_ceasefire_2017", "north_homs") not in found, however
    # a zone named with an unregistered truce is not the registry agreement of the next clause
    text = "وطالب القرار 2401 بهدنة في الغوطة، لكن اتفاق القاهرة نفسه لم يعد له أثر."
    assert ("ghouta_truce_2017", "eastern_ghouta") not in _pairs(text, "2018-03-05")


def test_under_its_umbrella_refers_the_zones_to_the_agreement_named_before():
    # "تحت مظلته" / "في ظلها": the zones of a sentence that names no registry agreement were
    # placed under the one named just before
    text = (
        "ووقّع الجانب الروسي هدنة ريف حمص مع فصائل محلية في نهاية تموز 2017. "
        "وقد دخلت الرستن وتلبيسة تحت مظلته بعد ثلاثة أيام."
    )
    found = relations(text, "2017-09-01")
    assert ("homs_truce_2017", "north_homs", "covers") in found
    text = (
        "وقّعت الدول الضامنة مذكرة أستانا في أيار 2017. "
        "وعاشت الغوطة الشرقية في ظلها أشهراً من الهدوء النسبي."
    )
    assert ("astana_memorandum_2017", "eastern_ghouta", "covers") in relations(text, "2018-01-10")


def test_a_venue_with_a_glued_conjunction_before_its_head_names_the_agreements():
    # "وفي القاهرة وُقّع اتفاقان": the venue's preposition carries "و" (or "ف"), and the venue
    # still says which agreements the plural head means
    for prep in ("وفي", "ففي"):
        text = (
            f"{prep} القاهرة وُقّع اتفاقان خلال الصيف، أحدهما للغوطة الشرقية والآخر لريف حمص الشمالي."
        )
        found = _pairs(text, "2017-12-01")
        assert ("ghouta_truce_2017", "eastern_ghouta") in found, prep
        assert ("homs_truce_2017", "north_homs") in found, prep


def test_a_shared_name_in_a_sentence_naming_both_its_zones_is_the_nearer_zones_agreement():
    # "اتفاق القاهرة" names the Ghouta truce or the Homs truce; when the sentence names both
    # zones, the zone nearest the name says which
    text = (
        "فالغوطة الشرقية، التي شملها اتفاق القاهرة في تموز، تعيش حصاراً خانقاً، "
        "أما ريف حمص الشمالي فيشهد خروقات متقطعة."
    )
    found = _pairs(text, "2017-12-20")
    assert ("ghouta_truce_2017", "eastern_ghouta") in found
    assert ("homs_truce_2017", "eastern_ghouta") not in found
    text = (
        "ولم يكن اتفاق القاهرة الخاص بالغوطة الشرقية الوحيد، إذ تلاه بتسعة أيام "
        "اتفاق مماثل لريف حمص الشمالي."
    )
    found = _pairs(text, "2017-12-20")
    assert ("ghouta_truce_2017", "eastern_ghouta") in found
    assert ("homs_truce_2017", "eastern_ghouta") not in found


def test_an_agreement_in_a_zones_relative_clause_does_not_reach_a_zone_after_the_clause():
    # "الجنوب، الذي يستند إلى ترتيب ...، وإدلب": the arrangement is the south's; Idlib, named
    # after the clause has closed, is not said to be under it
    text = (
        "ولم يبقَ خارج سيطرة النظام سوى الجنوب، الذي يخضع لترتيب أمريكي روسي أردني، "
        "وإدلب، التي تنتظر مصيرها."
    )
    found = _pairs(text, "2018-05-20")
    assert ("southwest_ceasefire_2017", "south") in found
    assert ("southwest_ceasefire_2017", "idlib") not in found


def test_a_region_word_joined_by_and_to_a_city_is_a_list_item_not_a_locator():
    # "داريا في ريف دمشق" locates Daraya; "في حمص ومحيط دمشق والجنوب" lists the south as one
    # more area after the city
    text = "وقد شملت مذكرة أستانا محافظة إدلب، إلى جانب ثلاث مناطق أخرى في حمص ومحيط دمشق والجنوب."
    r = extract_article(text, published="2019-09-01")
    assert "south" in r.to_dict()["zones"]
    assert ("astana_memorandum_2017", "south") in _pairs(text, "2019-09-01")


def test_agreements_joined_in_a_zones_relative_clause_all_cover_it():
    # "الجنوب، الذي يخضع لمذكرة أستانا ولاتفاق عمّان": the zone's clause names two agreements
    # joined by a glued "و"; both cover it
    text = "أما الجنوب، الذي يخضع لمذكرة أستانا ولاتفاق عمّان، فقد بقي هادئاً."
    found = _pairs(text, "2018-04-01")
    assert ("astana_memorandum_2017", "south") in found
    assert ("southwest_ceasefire_2017", "south") in found


def test_an_ending_is_not_said_of_an_agreement_that_never_covered_the_zone():
    # the ending of the zones named after "أما" came through local deals; the agreement named
    # before covers only Idlib, so their end is not its end
    text = (
        "ويرى الروس أن اتفاق سوتشي يحمي إدلب، "
        "أما الغوطة الشرقية ودرعا فقد انتهت الهدنة فيهما بتسويات محلية."
    )
    found = _pairs(text, "2018-10-01")
    assert ("sochi_2018", "idlib") in found
    assert ("sochi_2018", "eastern_ghouta") not in found
    assert ("sochi_2018", "south") not in found


def test_brokers_two_agreements_share_said_of_both_their_zones_name_both_agreements():
    # Egypt and Russia brokered two truces, one for each zone: "ترتيب مصري روسي" said of both
    # zones is each zone's own truce
    text = "وإذا كان ريف حمص الشمالي والغوطة الشرقية قد حصلا على ترتيب مصري روسي، فإن الجنوب ينتظر."
    found = _pairs(text, "2017-09-15")
    assert ("homs_truce_2017", "north_homs") in found
    assert ("ghouta_truce_2017", "eastern_ghouta") in found
    assert ("homs_truce_2017", "eastern_ghouta") not in found
    assert ("ghouta_truce_2017", "north_homs") not in found
    # zones in separate clauses: the brokers' agreement is the one of the zone nearest the head
    text = "وحصلت الغوطة الشرقية على ترتيب مصري روسي، بينما بقي ريف حمص الشمالي ينتظر دوره."
    r = extract_article(text, published="2017-09-01").to_dict()
    assert r["agreements"] == ["ghouta_truce_2017"]
    assert _pairs(text, "2017-09-01") == {("ghouta_truce_2017", "eastern_ghouta")}


def test_a_round_that_draws_lines_later_in_a_zones_relative_clause_is_linked_too():
    # the zone's relative clause names the memorandum and, after "قبل أن", the round that drew
    # the zone's lines: both are the zone's
    text = (
        "وتبقى إدلب، التي أدرجتها مذكرة أستانا في قائمة مناطقها قبل أن ترسم الجولة السادسة "
        "حدودها، المنطقة الوحيدة الباقية."
    )
    found = relations(text, "2019-06-01")
    assert ("astana_memorandum_2017", "idlib", "covers") in found
    assert ("astana_6", "idlib", "delineates") in found


def test_a_zone_with_a_relative_clause_is_the_subject_of_the_predicate_after_it():
    # "وإدلب، التي أقرتها مذكرة أستانا ...، باتت اليوم تحت مظلة اتفاق سوتشي": the zone is the
    # subject of the main clause too, so the agreement of the predicate covers it as well
    text = "وإدلب، التي أقرتها مذكرة أستانا منطقة لخفض التصعيد، باتت اليوم تحت مظلة اتفاق سوتشي."
    found = _pairs(text, "2018-10-01")
    assert ("astana_memorandum_2017", "idlib") in found
    assert ("sochi_2018", "idlib") in found


def test_a_bare_city_right_before_the_agreement_is_its_subject_not_its_venue():
    # "تقدّم أنقرة الاتفاق": Ankara presents the agreement named before; it is not the Ankara
    # ceasefire (Arabic puts a venue after its head: "اتفاق أنقرة", "الهدنة في أنقرة")
    text = (
        "وقّع الرئيسان الروسي والتركي اتفاق سوتشي حول إدلب في أيلول. "
        "وتقدّم أنقرة الاتفاق بوصفه ضمانة لبقاء المنطقة خارج سيطرة النظام."
    )
    r = extract_article(text, published="2018-09-25").to_dict()
    assert r["agreements"] == ["sochi_2018"]


def test_an_agreement_whose_relative_clause_names_its_zone_does_not_reach_a_zone_past_a_comma():
    # the zone named in the agreement's own relative clause is its own, however long the
    # clause; a zone of the next clause that the registry does not have it cover is not its
    text = (
        "وتابعت عمّان الهدنة التي وقّعتها الفصائل مع الجانب الروسي في القاهرة للغوطة الشرقية، "
        "لكنها لا ترى فيها نموذجاً صالحاً للجنوب."
    )
    found = _pairs(text, "2017-11-20")
    assert ("ghouta_truce_2017", "eastern_ghouta") in found
    assert ("ghouta_truce_2017", "south") not in found


def test_its_lines_drawn_refers_back_to_the_zone_for_the_round_after_it():
    # "قبل أن تُرسم حدودها في الجولة السادسة": "حدودها" is the zone named before in the
    # sentence, and the round named after the phrase drew them
    text = (
        "وقد ضُمّت إدلب إلى المناطق الأربع بموجب مذكرة أستانا، "
        "قبل أن تُرسم حدودها في الجولة السادسة بعد أشهر."
    )
    found = relations(text, "2018-01-10")
    assert ("astana_memorandum_2017", "idlib", "covers") in found
    assert ("astana_6", "idlib", "delineates") in found


def test_firstly_after_astana_is_an_adverb_not_the_first_round():
    # "مذكرة أستانا أولاً ثم اتفاق القاهرة": "أولاً" (firstly) orders the documents; the
    # ordinal of a round agrees with its noun ("أستانا الأولى", "الجولة الأولى")
    text = "ووُضعت الغوطة الشرقية تحت مظلة مذكرة أستانا أولاً ثم اتفاق القاهرة."
    r = extract_article(text, published="2018-01-10").to_dict()
    assert "astana_1" not in r["agreements"]
    assert sorted(r["agreements"]) == ["astana_memorandum_2017", "ghouta_truce_2017"]


def test_a_zone_of_the_clause_right_after_a_comparison_phrase_is_not_compared():
    # "على غرار سابقه،" closes at its comma; the zone of the clause after it is the head's own
    text = "ويبقى اتفاق موسكو، على غرار سابقه، محصوراً في إدلب."
    assert ("moscow_protocol_2020", "idlib") in _pairs(text, "2020-03-10")
    # a zone inside the phrase is still the comparison's
    text = "وعلى غرار ما جرى في الغوطة الشرقية، سرى اتفاق عمّان في درعا."
    found = _pairs(text, "2017-09-10")
    assert ("southwest_ceasefire_2017", "south") in found
    assert ("southwest_ceasefire_2017", "eastern_ghouta") not in found


def test_a_comma_walls_an_agreement_off_from_a_zone_of_another_clause():
    # the memorandum sits in the relative clause of northern Homs; Idlib, named after that
    # clause, is the subject of a predicate with its own agreement
    text = (
        "والمفارقة أن ريف حمص الشمالي، الذي شملته مذكرة أستانا، سقط بتسوية، وأن إدلب، "
        "التي استقبلت أهله، تخضع اليوم لاتفاق سوتشي."
    )
    found = _pairs(text, "2019-01-10")
    assert ("astana_memorandum_2017", "north_homs") in found
    assert ("sochi_2018", "idlib") in found
    assert ("astana_memorandum_2017", "idlib") not in found
    # an agreement after the zone that opens a clause with a zone of its own is not the zone's
    text = (
        "وتفاهم سوتشي، الذي أبرمته موسكو وأنقرة، يخص إدلب، كما أن هدنة القاهرة خصت الغوطة الشرقية."
    )
    found = _pairs(text, "2018-10-01")
    assert ("sochi_2018", "idlib") in found
    assert ("ghouta_truce_2017", "idlib") not in found


def test_the_nominative_dual_relative_pronoun_opens_a_clause_too():
    # "اللذان" / "اللتان" open a relative clause like "اللذين": the memorandum in the clause of
    # the two zones does not reach Idlib, named after the clause has closed
    text = (
        "ولم تنج الغوطة الشرقية وريف حمص الشمالي، اللذان شملتهما مذكرة أستانا، من القصف، "
        "ولا نجت إدلب."
    )
    found = _pairs(text, "2018-01-10")
    assert ("astana_memorandum_2017", "north_homs") in found
    assert ("astana_memorandum_2017", "idlib") not in found


def test_a_shared_name_said_of_both_its_readings_zones_names_both_agreements():
    # "هدنة القاهرة" is the Ghouta truce or the Homs truce; said of both zones joined by "و",
    # it is both, each for its zone
    text = "وامتدت هدنة القاهرة إلى الغوطة الشرقية وريف حمص الشمالي خلال الصيف."
    r = extract_article(text, published="2018-01-10").to_dict()
    assert sorted(r["agreements"]) == ["ghouta_truce_2017", "homs_truce_2017"]
    assert _pairs(text, "2018-01-10") == {
        ("ghouta_truce_2017", "eastern_ghouta"),
        ("homs_truce_2017", "north_homs"),
    }


def test_the_day_of_the_month_after_an_onward_phrase_is_a_day_of_the_month_just_named():
    # "ابتداءً من الخامس عشر من الشهر": "الشهر" is the month named before, as after "في"
    text = (
        "ووقّع الرئيسان البروتوكول في الخامس من آذار الجاري، "
        "على أن تبدأ الدوريات اعتباراً من الخامس عشر من الشهر."
    )
    r = extract_article(text, published="2020-03-12").to_dict()
    days = {d["date"] for d in r["dates"] if d["precision"] == "day"}
    assert days == {"2020-03-05", "2020-03-15"}
    # "النصف الثاني من الشهر" is still no day
    text = "ووقع الاتفاق في الخامس من آذار، وبدأ تطبيقه في النصف الثاني من الشهر."
    r = extract_article(text, published="2020-03-12").to_dict()
    assert {d["date"] for d in r["dates"] if d["precision"] == "day"} == {"2020-03-05"}


def test_an_agreement_named_as_a_time_reference_states_nothing_about_the_zones_after_it():
    # "بعد توقيع مذكرة أستانا بعام،": the signing dates the sentence; the zone of the main clause
    # is not said to be under the memorandum
    text = "وبعد توقيع مذكرة أستانا بعام، لجأ آلاف من أهالي الغوطة الشرقية إلى الشمال."
    assert _pairs(text, "2018-05-20") == set()
    # inside the phrase the agreement still speaks of its zone
    text = "ومنذ توقيع اتفاق القاهرة الخاص بالغوطة الشرقية، تراجع القصف على دوما."
    assert ("ghouta_truce_2017", "eastern_ghouta") in _pairs(text, "2017-09-01")


def test_nothing_to_do_with_sets_the_zones_after_it_apart_from_the_agreement():
    # "لا علاقة له بما جرى في ...": the zones are named to say the agreement is not about them
    text = "وقال المسؤول إن تفاهم سوتشي لا علاقة له بما جرى في الغوطة الشرقية ودرعا."
    assert _pairs(text, "2019-09-01") == set()
