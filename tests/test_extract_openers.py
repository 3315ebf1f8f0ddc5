"""``openers`` reads from a parsed pattern which words a match can open with, and ``match_near``
skips the positions whose word is none of them. The reading must never skip a position where the
pattern matches: checked on small patterns whose openers we can say by hand, and on every date
and round pattern at every word start of every team-written page (and at glued spellings)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.dates.grammar import grammar
from extract.lexicon import load_lexicon
from extract.normalise import normalise
from extract.openers import letters, openers
from extract.recognise import match_near
from extract.rounds import _pattern as rounds_pattern

DEVSET = Path(__file__).parent / "devset"
#: One-letter Arabic proclitics: a pattern may open right after one ("وأمس").
PROCLITICS = "وفبلك"


def _admits(pattern: str, word: str) -> bool:
    found = openers(re.compile(pattern))
    assert found is not None
    return found.admits(word)


@pytest.mark.parametrize(
    ("pattern", "admitted", "refused"),
    [
        (r"(?<!\w)(?:july|june)\s+\d", ["july", "june"], ["jul", "julyx", "may", ""]),
        (r"ju[ln]y?(?!\w)", ["jul", "july", "jun", "juny"], ["ju", "julyy", "junes"]),
        # the match may end inside the word: the text's word need only begin with it
        (r"mid", ["mid", "middle"], ["mi", "amid"]),
        # an optional separator: "early2018" and "earlyjuly" can match, so "early" is a prefix
        (r"early[^\S\n]*(?:july|\d{4})", ["early", "earlyjuly", "early2018"], ["earl", "ear"]),
        (r"(?:\d{1,2}|the)\s+day", ["", "the"], ["they", "a"]),
        (r"(?:(?P<pre>on|in)\s+)?friday", ["on", "in", "friday", "fridays"], ["at", "fri"]),
    ],
)
def test_openers_of_small_patterns(pattern: str, admitted: list[str], refused: list[str]) -> None:
    for word in admitted:
        assert _admits(pattern, word), word
    for word in refused:
        assert not _admits(pattern, word), word


@pytest.mark.parametrize(
    "pattern",
    [r"\w+day", r".?day", r"(?i)day", r"[^\d ]day", r"(?:ab)+c", r"(?P<x>a)(?P=x)"],
)
def test_patterns_that_can_open_with_any_word_are_tried_everywhere(pattern: str) -> None:
    assert openers(re.compile(pattern)) is None


def test_letters_reads_the_run_of_letters_a_word_opens_with() -> None:
    assert letters("on") == "on"
    assert letters("mid-july,") == "mid"
    assert letters("الخميس،") == "الخميس"
    assert letters("2018") == ""
    assert letters("") == ""


def test_match_near_finds_what_every_word_start_before_the_anchor_finds() -> None:
    """The words before an anchor are read up to the next space, then cut at the first
    non-letter ("mid-july", "(early", "اواخر"): the filter must keep every match that trying the
    pattern at each word start within reach finds."""
    lex = load_lexicon(None)
    g = grammar(lex)
    cases = [
        ("fighting resumed in mid-july after a lull", "july"),
        ("talks (early july) stalled", "july"),
        ("the truce of late july, officials said", "july"),
        ("since the end of july 2018 the front held", "july"),
        ("وتوقفت المعارك في اواخر ايار الماضي", "ايار"),
        ("وفي مطلع شهر ايار 2017 وقعت المذكرة", "ايار"),
        ("وبعد يومين من التوقيع", "يومين"),
        ("two days later, on tuesday", "tuesday"),
    ]
    for text, anchor_word in cases:
        anchor = text.index(anchor_word)
        for pattern in g.patterns.values():
            found = match_near([pattern], text, [anchor], 24, None, lex.proclitic_letters)
            got = {(m.start(), m.end()) for m in found}
            starts = [
                i for i in range(max(0, anchor - 24), anchor + 1) if i == 0 or text[i - 1] == " "
            ]
            starts += [i + 1 for i in starts if text[i] in PROCLITICS]
            for i in starts:
                m = pattern.match(text, i)
                if m is not None and m.end() > m.start():
                    assert (m.start(), m.end()) in got, (text, text[m.start() : m.end()])


def _pages() -> list[str]:
    return [p.read_text("utf-8") for p in sorted(DEVSET.rglob("*.txt"))]


def test_no_date_or_round_pattern_matches_where_its_openers_refuse() -> None:
    """Every word start (and the letter after a glued proclitic) of every team page, and each
    page with its spaces removed after date words (glued spellings like "أيار2018")."""
    lex = load_lexicon(None)
    patterns = [*grammar(lex).patterns.values(), rounds_pattern(lex)]
    readings = [(p, openers(p)) for p in patterns]
    assert sum(o is not None for _, o in readings) >= len(readings) - 1  # the filter is used
    checked = 0
    for page in _pages():
        flat = normalise(page).text.replace("\n", " ")
        glued = re.sub(r"(?<=[a-z\u0621-\u064a]) (?=\d)", "", flat)
        for text in (flat, glued) if glued != flat else (flat,):
            starts = [m.start() for m in re.finditer(r"(?<!\w)\w", text)]
            starts += [s + 1 for s in starts if text[s] in PROCLITICS]
            for pos in starts:
                space = text.find(" ", pos)
                word = letters(text[pos : space if space >= 0 else len(text)])
                for pattern, opening in readings:
                    m = pattern.match(text, pos)
                    if m is not None and m.end() > m.start():
                        checked += 1
                        where = (pattern.pattern[:60], text[pos : pos + 40])
                        assert opening is None or opening.admits(word), where
    assert checked > 2000
