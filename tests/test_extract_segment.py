"""Sentence spans are bounded: an unpunctuated run cannot make one sentence of a megabyte."""

from __future__ import annotations

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
