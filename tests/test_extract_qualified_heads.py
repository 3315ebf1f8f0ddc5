"""Agreement nouns qualified by a month or a year ("the May memorandum", "the 2018 memorandum",
"the July 2017 agreement") are resolved by that date; an anaphor whose brokers are named with it
is the agreement those brokers signed, not the one named just before.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def read(text: str, published: str):
    found = extract_article(text, published)
    return found, {(c.agreement, c.zone) for c in found.coverage}


@pytest.mark.parametrize(
    ("text", "published", "dated", "agreement"),
    [
        (
            "Both sides say the 2018 memorandum remains in force in Idlib.",
            "2020-03-06",
            ("2018", "year"),
            "sochi_2018",
        ),
        (
            "Idlib was brought under the May memorandum, officials said.",
            "2017-08-10",
            ("2017-05", "month"),
            "astana_memorandum_2017",
        ),
        (
            "Shelling in Deraa has tested the July 2017 ceasefire agreed by Russia, the US and "
            "Jordan.",
            "2018-02-01",
            ("2017-07", "month"),
            "southwest_ceasefire_2017",
        ),
    ],
)
def test_a_month_or_year_before_the_noun_names_the_agreement(text, published, dated, agreement):
    found, _ = read(text, published)
    assert dated in [(d.date, d.precision) for d in found.dates]
    assert found.agreements == [agreement]


def test_a_qualified_memorandum_is_not_the_newest_one():
    """Read without its year, "the 2018 memorandum ... in Idlib" became the 2020 protocol."""
    _, links = read("Both sides say the 2018 memorandum remains in force in Idlib.", "2020-03-06")
    assert links == {("sochi_2018", "idlib")}


@pytest.mark.parametrize(
    "text",
    [
        "The May offensive displaced thousands in Idlib.",  # not an agreement noun
        "Residents of Douma may return home under the deal.",  # "may": no month
    ],
)
def test_no_qualifier_without_an_agreement_noun(text):
    found, _ = read(text, "2017-08-10")
    assert [d.precision for d in found.dates] == []


def test_brokers_named_with_an_anaphor_outweigh_the_antecedent():
    text = (
        "The legal umbrella is the Astana memorandum of 4 May, which listed four areas. The "
        "southern area is the outlier. Although it too appears in the May memorandum, the "
        "ceasefire observed in Deraa and Quneitra is the one agreed by Russia, the United "
        "States and Jordan in Amman on 7 July."
    )
    found, links = read(text, "2017-10-02")
    assert "southwest_ceasefire_2017" in found.agreements
    assert ("southwest_ceasefire_2017", "south") in links


@pytest.mark.parametrize("published", ["2018-03-01", "2018-05-20", "2019-01-10"])
def test_the_month_of_an_agreement_is_one_already_past(published):
    """Read as the May ahead of a March article, "the May memorandum" named no agreement."""
    found, _ = read("Idlib was brought under the May memorandum, officials said.", published)
    assert found.agreements == ["astana_memorandum_2017"]
    assert [d.date for d in found.dates][0] <= published[:7]


@pytest.mark.parametrize(
    ("text", "head"),
    [
        (
            "أنشأت مذكرة أستانا أربع مناطق في أيار. وبدأت القوات التركية إنشاء نقاط المراقبة في "
            "إطار الاتفاق الذي توصلت إليه الدول الضامنة في الجولة السادسة من محادثات أستانا.",
            "الاتفاق",
        ),
        (
            "The Astana memorandum set up four zones in May. Turkish troops began setting up posts "
            "under the agreement that the guarantors reached at the sixth round of Astana talks.",
            "the agreement",
        ),
    ],
)
def test_a_round_named_at_the_end_of_the_heads_relative_clause_is_its_referent(text, head):
    found, _ = read(text, "2017-10-13")
    ids = [m.id for m in found.mentions if m.kind == "agreement" and m.text == head]
    assert ids == ["astana_6"]
