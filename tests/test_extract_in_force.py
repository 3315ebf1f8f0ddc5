"""An anaphor with no agreement named before it ("the truce", "the deal", "الهدنة") in a sentence
about one zone is the one registry agreement in force there, of the kind its noun names when
several are; with several left, after local deals, or with no publication date: none.

Sentences written for these tests."""

from __future__ import annotations

import pytest

from extract import extract_article


def links(text: str, published: str | None) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


@pytest.mark.parametrize(
    ("text", "link"),
    [
        (
            "Russian military police deployed to the edges of the northern Homs enclave after "
            "the truce took effect.",
            ("homs_truce_2017", "north_homs"),
        ),
        (
            "Rebels in Douma said the ceasefire was being violated daily.",
            ("ghouta_truce_2017", "eastern_ghouta"),
        ),
        (
            "The deal sets up a de-escalation zone in Idlib as well as parts of Hama and Latakia.",
            ("astana_memorandum_2017", "idlib"),
        ),
        ("وقال ناشطون في دوما إن الهدنة تخرق يومياً.", ("ghouta_truce_2017", "eastern_ghouta")),
    ],
)
def test_the_one_agreement_in_force_there(text, link):
    assert links(text, "2017-10-15") == {link}


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # two agreements in force in Eastern Ghouta, and "the deal" names no kind
        ("Rebels in Douma said the deal was being violated daily.", "2017-10-15"),
        # Idlib in 2019: the memoranda are no truce
        ("Residents of Khan Sheikhoun said the truce had collapsed within days.", "2019-08-10"),
        # after a surrender, "the deal" may be the local one
        (
            "Rebels agreed to surrender and leave. Fighters in Talbiseh said the truce was fair.",
            "2018-05-02",
        ),
        # no publication date: nothing says what was in force
        ("Rebels in Douma said the ceasefire was being violated daily.", None),
    ],
)
def test_no_agreement_when_it_is_not_clear(text, published):
    assert links(text, published) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Qaboun and Barzeh: following local agreements in May, both districts are under government control.",
        "خرج مقاتلو القابون وبرزة إلى الشمال في أيار بموجب اتفاقات إخلاء منفصلة.",
    ],
)
def test_local_and_evacuation_agreements_are_unknown(text):
    found = extract_article(text, "2017-08-04")
    assert found.agreements == []
    assert any(m.kind == "agreement" and m.id is None for m in found.mentions)
