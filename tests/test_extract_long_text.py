"""A text past the long-text threshold is read in pieces whose findings keep their offsets."""

from __future__ import annotations

from extract import extract_article
from extract.long_text import LONG_TEXT_CHARS, PIECE_CHARS, pieces

REPORT = (
    "AMMAN (Wire) - Russia, the United States and Jordan agreed on 7 July 2017 a ceasefire in "
    "southwestern Syria, covering Daraa and Quneitra, officials said.\n\n"
    "The memorandum signed in Astana on 4 May 2017 established a de-escalation zone in Idlib, "
    "the Russian defence ministry said on Friday.\n\n"
)


def test_pieces_cover_the_text_and_end_at_sentence_ends() -> None:
    text = REPORT * 400
    cuts = pieces(text, frozenset())
    assert cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:], strict=False))
    assert all(end - start <= PIECE_CHARS for start, end in cuts)
    assert all(text[end - 1] == "." for _, end in cuts[:-1])


def test_long_text_findings_are_those_of_its_parts_at_their_places() -> None:
    one = extract_article(REPORT, "2017-07-10")
    copies = LONG_TEXT_CHARS // len(REPORT) + 5
    text = REPORT * copies
    many = extract_article(text, "2017-07-10")
    assert many.zones == one.zones and many.agreements == one.agreements
    assert len(many.coverage) == copies * len(one.coverage) > 0
    for link in many.coverage:
        assert text[link.start : link.end] == link.evidence
    for mention in many.mentions:
        assert text[mention.start : mention.end] == mention.text
    sentences = [m.sentence for m in many.mentions]
    assert sentences == sorted(sentences) and max(sentences) >= copies * 2 - 1
