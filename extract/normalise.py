"""Matching form of a text, with a map back to the original characters.

Everything the extractor finds is found in the normalised text, but every offset it reports
must slice the ORIGINAL text, so normalisation only ever deletes characters or replaces one
character by one character; the deletions are remembered and undone by ``to_original``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

#: Characters dropped for matching: Arabic harakat, tanween, shadda, sukun, superscript alef,
#: Quranic marks, tatweel, bidi and zero-width controls, transliteration ayn/hamza signs, double
#: quotes (names are often quoted: اتفاق "مناطق خفض التصعيد"), and a space that is followed by
#: another space (so runs of spaces match a single one).
_DELETE_CHARS = '[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u02bf\u02be"\u00ab\u00bb\u201c\u201d\u201e\u201f]'
_DELETE = re.compile(_DELETE_CHARS)
_DELETE_WITH_SPACES = re.compile(_DELETE_CHARS + "| (?= )")
#: Arabic combining marks alone (used to widen a match over trailing diacritics).
ARABIC_MARKS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for c in "أإآٱ":
        table[ord(c)] = "ا"
    table[ord("ى")] = "ي"
    table[ord("ة")] = "ه"
    table[ord("ک")] = "ك"  # Persian kaf
    table[ord("ی")] = "ي"  # Persian yeh
    table[ord("ۀ")] = "ه"
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Extended (Persian) digits
    for c in "\u2018\u2019\u201b\u02bc`\u00b4\u2032":
        table[ord(c)] = "'"
    for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212":
        table[ord(c)] = "-"
    for c in "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(c)] = " "
    table[ord("\r")] = "\n"
    table[ord("\u066b")] = "."  # Arabic decimal separator
    table[ord("\u066c")] = ","
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    # Latin letters with diacritics (transliterations such as Ma'arrat al-Nu'mān) to their base.
    for code in [*range(0x00C0, 0x0250), *range(0x1E00, 0x1F00)]:  # and ḥ ṣ ḍ ṭ ẓ ...
        base = unicodedata.normalize("NFKD", chr(code))[0]
        if base.isascii() and base.isalpha():
            table[code] = base.lower()
    # Arabic presentation forms that fold to a single base letter (old PDFs and some feeds).
    for code in range(0xFE70, 0xFEFD):
        folded = unicodedata.normalize("NFKC", chr(code))
        if len(folded) == 1:
            table[code] = folded.translate(table) if ord(folded) in table else folded
    return table


TABLE = _table()
#: The common substitutions, done with str.replace (C speed); the rest of TABLE is rare in news
#: text and goes through the slower str.translate only when one of its characters is present.
_FREQUENT = (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ى", "ي"), ("ة", "ه"), ("\t", " "), ("\r", "\n"))
_RARE = re.compile(
    "["
    + "".join(chr(c) for c in TABLE if not ("A" <= chr(c) <= "Z") and chr(c) not in "أإآىة\t\r")
    + "]"
)


def _translate(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few letters (e.g. İ) lower to two characters
        lowered = text.translate(TABLE)
    for old, new in _FREQUENT:
        if old in lowered:
            lowered = lowered.replace(old, new)
    if ("`" in lowered) if lowered.isascii() else _RARE.search(lowered) is not None:
        lowered = lowered.translate(TABLE)  # (in ASCII text only ` is rare)
    return lowered


@dataclass(frozen=True)
class Normalised:
    """The matching form of ``original`` and the positions where characters were dropped."""

    original: str
    text: str
    #: For each dropped character, its would-be index in ``text``, sorted (bisect keys).
    _dropped_at: tuple[int, ...] = ()

    @property
    def same_offsets(self) -> bool:
        """Whether nothing was dropped: offsets of the text are those of the original."""
        return not self._dropped_at

    def to_normalised(self) -> Callable[[int], int]:
        """Original offset -> normalised offset, the inverse of :meth:`to_original`: for spans
        found in the original text (the Latin names of an imported gazetteer)."""
        if not self._dropped_at:
            return int
        originals = [d + k for k, d in enumerate(self._dropped_at)]  # original index of each
        return lambda o: o - bisect_right(originals, o - 1)

    def to_original(self, index: int) -> int:
        """Original index of the character at ``index`` of the normalised text."""
        if not self._dropped_at:
            return index
        return index + bisect_right(self._dropped_at, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of the normalised span, widened over trailing harakat."""
        if not self._dropped_at:
            return start, end
        if end <= start:
            o = self.to_original(start)
            return o, o
        o_start = self.to_original(start)
        o_end = self.to_original(end - 1) + 1
        original = self.original
        while o_end < len(original) and original[o_end] in ARABIC_MARKS:
            o_end += 1
        return o_start, o_end

    def spans(self, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``span`` for many pairs at once (the per-mention cost of a whole article)."""
        dropped = self._dropped_at
        if not dropped:
            return pairs
        original = self.original
        n = len(original)
        out = []
        for start, end in pairs:
            o_start = start + bisect_right(dropped, start)
            if end <= start:
                out.append((o_start, o_start))
                continue
            o_end = end + bisect_right(dropped, end - 1)
            while o_end < n and original[o_end] in ARABIC_MARKS:
                o_end += 1
            out.append((o_start, o_end))
        return out


def normalise_word(word: str) -> str:
    """The matching form of a lexicon or gazetteer entry (same rules as for texts)."""
    return normalise(word).text.strip()


def normalise(text: str) -> Normalised:
    """Normalise ``text`` for matching; see the module docstring for the guarantees."""
    if "  " in text:
        pieces = _DELETE_WITH_SPACES.split(text)  # one pass: every match is one character
    elif text.isascii():
        pieces = text.split('"')  # the only ASCII character that _DELETE drops
    else:
        pieces = _DELETE.split(text)
    if len(pieces) > 1:
        stripped = "".join(pieces)
        # the would-be index in ``stripped`` of each dropped character: the length kept before it
        keys = tuple(accumulate(map(len, pieces[:-1])))
    else:
        stripped = text
        keys = ()
    return Normalised(original=text, text=_translate(stripped), _dropped_at=keys)
