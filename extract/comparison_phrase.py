"""Comparison phrases: a part of a sentence opened by a comparison word ("على غرار ما حدث في
الغوطة،", "بخلاف الأردن في الجنوب،", "unlike Jordan in the south,") runs to the next comma that
does not open a relative clause. An agreement inside such a phrase states nothing about a zone
outside it, and the other way round: "فعلى غرار ما حدث لهدنة الغوطة، تراجع القصف في درعا" does
not put Daraa under the Ghouta truce, "تركيا، بخلاف الأردن في الجنوب، نشرت ... بموجب تفاهمات
أستانا 6" does not put the south under Astana 6. An agreement and a zone of the same phrase
("بخلاف مذكرة أستانا، التي أدرجت الجنوب ...") keep their link.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.segment import COMMAS

#: Marks that end a sentence: a phrase never runs past them.
_STOPS = ".!?\u061f\n"
#: How many characters after a comma are read for the relative pronoun that continues a phrase.
RELATIVE_LOOK = 16


@lru_cache(maxsize=8)
def _openers(words: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    # a word of its own, or glued to the conjunction before it ("وبخلاف", "فعلى غرار")
    return re.compile(rf"(?<![^\s,(\u060c])[\u0648\u0641]?(?:{alt})(?=[\s,\u060c])")


def comparison_phrases(
    text: str,
    openers: tuple[str, ...],
    relatives: frozenset[str],
    initial: tuple[str, ...] = (),
) -> list[tuple[int, int]]:
    """(start, end) of every comparison phrase of the text, in order; ``initial``: openers that
    open one only at the start of a sentence ("Like the truces ..., the arrangement ...")."""
    initial = tuple(w for w in initial if _may_open(text, w))
    if not any(w in text for w in openers) and not initial:
        return []  # the pattern needs one of the words: most articles compare nothing
    found = _openers(openers + initial).finditer(text)
    return [
        (m.start(), _phrase_end(text, m.end(), relatives))
        for m in found
        if m.group() not in initial or opens_sentence(text, m.start())
    ]


def _may_open(text: str, word: str) -> bool:
    """Whether ``word`` may open a sentence of ``text`` (a few substring tests, no pattern):
    "like" is common inside sentences ("likely", "areas like Idlib")."""
    if word not in text:
        return False
    return (
        text.startswith(word + " ")
        or any(f"{c} {word} " in text for c in _STOPS)
        or (f"\n{word} " in text)
    )


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
