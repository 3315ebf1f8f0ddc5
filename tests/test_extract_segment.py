"""Sentence spans are bounded: an unpunctuated run cannot make one sentence of a megabyte."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.segment import MAX_SENTENCE_CHARS, sentence_spans

RUN = "the memorandum covered Idlib and the ceasefire held in Daraa while talks went on "


def test_a_long_run_is_cut_at_spaces_into_bounded_pieces() -> None:
    text = RUN * 2000
    spans = sentence_spans(text)
    assert len(spans) >= len(text) // MAX_SENTENCE_CHARS
    assert all(0 < end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert text[end:start].isspace() and end <= start  # cut at spaces, nothing lost
    assert not text[spans[-1][1] :].strip()


def test_a_run_without_spaces_is_cut_at_the_bound() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 3 + 7)
    spans = sentence_spans(text)
    assert [end - start for start, end in spans] == [MAX_SENTENCE_CHARS] * 3 + [7]


def test_real_sentences_are_kept_whole() -> None:
    sentence = "The memorandum, " + "signed by the three guarantors, " * 12 + "took effect."
    assert len(sentence) < MAX_SENTENCE_CHARS
    text = f"{sentence} {sentence}"
    assert sentence_spans(text) == [(0, len(sentence)), (len(sentence) + 1, len(text))]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "the guarantors met in astana.under the plan, four zones were drawn.",
            ["the guarantors met in astana.", "under the plan, four zones were drawn."],
        ),
        (
            "وقال المصدر إن الهدنة صامدة.وأضاف أن القصف توقف.",
            ["وقال المصدر إن الهدنة صامدة.", "وأضاف أن القصف توقف."],
        ),
        # initials, numbers, dates and web addresses stay whole
        (
            "u.s.-backed forces at 3.5 km on 22.7.2017, see www.zonewatch.org/idlib today.",
            ["u.s.-backed forces at 3.5 km on 22.7.2017, see www.zonewatch.org/idlib today."],
        ),
    ],
)
def test_sentences_that_scraping_glued_together_are_told_apart(text, pieces):
    assert [text[s:e] for s, e in sentence_spans(text)] == pieces


def test_a_glued_sentence_does_not_poison_its_neighbour():
    text = (
        "Russia and Turkey agreed on Monday to create a demilitarised zone in Idlib, the last "
        "big rebel bastion.Under the deal, hardline fighters must leave by mid-October."
    )
    found = extract_article(text, "2018-09-18")
    assert {(c.agreement, c.zone) for c in found.coverage} == {("sochi_2018", "idlib")}
