"""The throughput shortcuts find exactly what the plain regex scans find: digit runs (dates),
sentence boundaries (segmentation), on random strings made of the characters that matter and on
article-like text with numbers, abbreviations, quotes and line breaks.

Every sentence here is written for these tests."""

from __future__ import annotations

import random

import pytest

from extract import segment
from extract.dates import find as dates_find
from extract.normalise import normalise

ARTICLE = (
    'BEIRUT, May 4 (Wire) - Russia, Turkey and Iran signed the memorandum on 4.5.2017 in "Astana".\n'
    "The U.S. said 3.5 million people live in the four zones... Talks resume on 12/6!\n\n"
    "وقال المبعوث إن الجولة 5 ستعقد في 14 أيار/ مايو؟ وأضاف: «لا اتفاق بعد».\n"
    "Fighting in 2018, 2019 and 2020 (see p. 12) killed 1,234 people."
)


@pytest.mark.parametrize("seed", range(4))
def test_digit_runs_are_those_of_the_regex(seed):
    rng = random.Random(seed)
    cases = [ARTICLE, "", "2017", "x" * 50, "1" * 200, " ".join(str(i) for i in range(80))]
    cases += ["".join(rng.choice("ab 0123456789-/\n") for _ in range(rng.randint(0, 90)))
              for _ in range(3000)]  # fmt: skip
    for text in cases:
        expected = [m.span() for m in dates_find._DIGITS.finditer(text)]
        assert dates_find._digit_runs(text) == expected, text


@pytest.mark.parametrize("seed", range(4))
def test_sentence_boundaries_are_those_of_the_regex(seed):
    rng = random.Random(seed)
    cases = [ARTICLE, normalise(ARTICLE).text, "", "...", "a. " * 200, "end\n" * 300]
    cases += ["".join(rng.choice("ab .!?؟…\n\"')»]”") for _ in range(rng.randint(0, 70)))
              for _ in range(3000)]  # fmt: skip
    for text in cases:
        expected = [m.span() for m in segment._BOUNDARY.finditer(text)]
        assert [m.span() for m in segment._boundaries(text)] == expected, text
