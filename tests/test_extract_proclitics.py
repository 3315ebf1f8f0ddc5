"""Arabic proclitics are lexicon data (``proclitics``, ``glued_articles`` in
``assets/lexicon/<lang>.json``): the automaton keys and the word start of the grammars are built
from them, and a name is still read glued or apart.

Sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from extract import extract_article
from extract.keys import NO_PROCLITICS, Proclitics, automaton_keys
from extract.lexicon import load_lexicon

ARABIC = Proclitics(
    bare=("", "و", "ل", "ول"), article=("", "و", "ب"), contracted=("لل",), articles=("ال",)
)


def test_keys_follow_the_tables_given():
    keys = dict(automaton_keys("الرستن", ARABIC))
    assert keys == {" الرستن ": 0, " والرستن ": 1, " بالرستن ": 1, " للرستن ": 2}
    assert dict(automaton_keys("درعا", ARABIC)) == {
        " درعا ": 0,
        " ودرعا ": 1,
        " لدرعا ": 1,
        " ولدرعا ": 2,
    }


def test_without_tables_a_name_is_read_only_as_written():
    assert automaton_keys("والرستن", NO_PROCLITICS) == [(" والرستن ", 0)]
    assert automaton_keys("Rastan", ARABIC) == [(" rastan ", 0)]


def test_word_start_allows_one_glued_letter_of_the_table():
    start = re.compile(ARABIC.word_start() + "بعد")
    assert start.search("وبعد يومين") and start.search("لبعد")
    assert not start.search("فبعد") and not start.search("قبعد")  # ف is not in this table
    assert re.compile(NO_PROCLITICS.word_start() + "x").search("ax") is None


def test_the_shipped_lexicon_reads_its_tables_from_the_data():
    lex = load_lexicon()
    assert lex.proclitic_letters == frozenset("وفبلك")
    assert re.compile(lex.word_start + "أمس").search("وأمس")


@pytest.mark.parametrize(
    "text",
    [
        "وصلت القوات الروسية للرستن صباح الخميس.",
        "وقصفت الطائرات بالرستن وتلبيسة.",
        "وفي الرستن تجمع المهجرون.",
    ],
)
def test_a_place_with_glued_proclitics(text):
    assert extract_article(text, "2018-05-03").zones == ["north_homs"]


def test_a_date_word_after_a_glued_letter():
    dates = extract_article(
        "سيطر الجيش على دوما في 12 نيسان. وبعد يومين غادرت الحافلات.", "2018-04-20"
    ).dates
    assert [d.date for d in dates] == ["2018-04-12", "2018-04-14"]
