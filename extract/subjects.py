"""Subject continuity for generic heads: "Their memorandum, signed the same evening, turned the
last of the four areas created by the Astana memorandum into ... The accord applied only to that
area." A head that opens its sentence ("The accord", "The deal") goes on with the agreement that
was the subject of the sentence before (the one it opened with), not with the last agreement
that sentence named in passing."""

from __future__ import annotations

from extract.item import Item
from extract.recognise import Match

#: What ends a sentence before a head that opens the next one (line breaks too).
_SENTENCE_ENDS = frozenset('.!?\n"\u201d\u061f')
#: At most this many words before an agreement mention that is the subject of its sentence
#: ("Their memorandum", "The Sochi deal": the article or possessive is part of the mention).
SUBJECT_WORDS = 1


def opens_sentence(text: str, m: Match) -> bool:
    """Whether ``m`` is the first thing in its sentence."""
    before = text[: m.start].rstrip(" \t")
    return not before or before[-1] in _SENTENCE_ENDS


def previous_subject(text: str, items: list[Item], sentence: int) -> Item | None:
    """The agreement the sentence before ``sentence`` opens with, if it opens with one."""
    before = sorted((i for i in items if i.sentence == sentence - 1), key=lambda i: i.start)
    if not before or before[0].kind != "agreement":
        return None
    first = before[0]
    start = max(text.rfind(c, 0, first.start) for c in _SENTENCE_ENDS) + 1
    return first if len(text[start : first.start].split()) <= SUBJECT_WORDS else None
