"""Comparison phrases: a part of a sentence opened by a comparison word ("على غرار ما حدث في
الغوطة،", "بخلاف الأردن في الجنوب،", "unlike Jordan in the south,") runs to the next comma that
does not open a relative clause. An agreement inside such a phrase states nothing about a zone
outside it, and the other way round: "فعلى غرار ما حدث لهدنة الغوطة، تراجع القصف في درعا" does
not put Daraa under the Ghouta truce, "تركيا، بخلاف الأردن في الجنوب، نشرت ... بموجب تفاهمات
أستانا 6" does not put the south under Astana 6. An agreement and a zone of the same phrase
("بخلاف مذكرة أستانا، التي أدرجت الجنوب ...") keep their link.
"""

from __future__ import annotations

from extract.recognise import Match
from extract.segment import COMMAS

#: Marks that end a sentence: a phrase never runs past them.
_STOPS = ".!?\u061f\n"
#: How many characters after a comma are read for the relative pronoun that continues a phrase.
RELATIVE_LOOK = 16


def comparison_phrases(
    text: str, openers: list[Match], initial: list[Match], relatives: frozenset[str]
) -> list[tuple[int, int]]:
    """(start, end) of every comparison phrase of the text, in order. ``openers``: the opener
    cues the scan found (``comparison_openers``); ``initial``: those of the openers that open a
    phrase only at the start of a sentence ("Like the truces ..., the arrangement ..."), since
    "like" is common inside sentences ("likely", "areas like Idlib")."""
    if not openers and not initial:
        return []  # most articles compare nothing
    found = sorted(
        [(m.start, -m.end) for m in openers]
        + [(m.start, -m.end) for m in initial if opens_sentence(text, m.start)]
    )
    out: list[tuple[int, int]] = []
    last = -1
    for start, minus_end in found:
        if start >= last:  # the longest opener at a place; none inside another
            last = -minus_end
            out.append((start, _phrase_end(text, last, relatives)))
    return out


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of its sentence or line."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i < 0 or text[i] in _STOPS


def _phrase_end(text: str, start: int, relatives: frozenset[str]) -> int:
    i = start
    while i < len(text):
        ch = text[i]
        if ch in _STOPS:
            return i
        if ch in COMMAS:
            after = text[i + 1 : i + 1 + RELATIVE_LOOK].split()
            word = after[0] if after else ""
            if word not in relatives and not (word[:1] == "\u0648" and word[1:] in relatives):
                return i  # "، التي ..." and "، والذي ..." go on about the phrase's noun
        i += 1
    return i


def phrase_at(phrases: list[tuple[int, int]], pos: int) -> int:
    """The index of the comparison phrase that holds ``pos``, or -1 when none does."""
    for k, (start, end) in enumerate(phrases):
        if start <= pos < end:
            return k
        if start > pos:
            break
    return -1
