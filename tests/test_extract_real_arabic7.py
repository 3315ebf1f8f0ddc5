"""Reading rules found on Arabic breaking-news copy, scraped aggregator pages, encyclopaedia
chronologies, translated ministry statements, local news-network posts and anniversary reviews
(``realistic7``). One test of our own sentences per rule; none is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from tests.reading import relations


def test_did_not_address_is_an_exclusion_and_its_subject_keeps_its_antecedent():
    # "لم يتطرق (الاتفاق) إلى X" (did not address X): X is left out; the anaphor that is the
    # subject of the negated verb is the agreement named before, not one of X's agreements
    text = (
        "وقّع الرئيسان اتفاق سوتشي في أيلول 2018. "
        "ولم يتطرق الاتفاق إلى الغوطة الشرقية أو درعا، اللتين عادتا إلى سيطرة النظام، "
        "واقتصرت مظلته على محافظة إدلب."
    )
    found = relations(text, "2018-11-02")
    assert ("sochi_2018", "eastern_ghouta", "excludes") in found
    assert ("sochi_2018", "south", "excludes") in found
    assert ("sochi_2018", "idlib", "covers") in found
    # the ending said in the other zones' relative clause is not Idlib's
    assert ("sochi_2018", "idlib", "ends") not in found
    text = "وقالت الخارجية إن مذكرة عمّان لم تتطرق إلى ريف حمص الشمالي."
    assert ("southwest_ceasefire_2017", "north_homs", "excludes") in relations(text, "2017-11-20")
