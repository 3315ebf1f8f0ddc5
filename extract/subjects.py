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
#: Characters looked at before a head for the end of the sentence before it.
LOOK_BACK = 8
#: At most this many words before an agreement mention that is the subject of its sentence
#: ("Their memorandum", "The Sochi deal": the article or possessive is part of the mention).
SUBJECT_WORDS = 1
#: How far before that mention the end of the sentence before it is looked for.
SUBJECT_REACH = 40


def opens_sentence(text: str, m: Match) -> bool:
    """Whether ``m`` is the first thing in its sentence."""
    before = text[max(0, m.start - LOOK_BACK) : m.start].rstrip(" \t")
    return (not before and m.start <= LOOK_BACK) or (bool(before) and before[-1] in _SENTENCE_ENDS)


def previous_subject(text: str, items: list[Item], sentence: int) -> Item | None:
    """The agreement the sentence before ``sentence`` opens with, if it opens with one."""
    before = sorted((i for i in items if i.sentence == sentence - 1), key=lambda i: i.start)
    if not before or before[0].kind != "agreement":
        return None
    first = before[0]
    lo = max(0, first.start - SUBJECT_REACH)
    start = max(text.rfind(c, lo, first.start) for c in _SENTENCE_ENDS) + 1
    start = start or lo
    return first if len(text[start : first.start].split()) <= SUBJECT_WORDS else None
