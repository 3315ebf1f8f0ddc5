"""Find gazetteer places, agreements, parties and cue words in a normalised text.

One pass of an Aho-Corasick automaton over the text with punctuation turned into spaces. Every
key begins with a space, so a key can only match at the start of a word, with the Arabic
proclitics (و ف ب ل ك, and the article forms بال، لل، وال) that may be glued to a name spelled
into the key; a match stands only if the word ends with the key, so that داريا never reads as
درعا nor "Hamas" as "Hama". Entities that overlap keep the longest reading ("ريف حمص الشمالي"
over "حمص"); cue words are all kept. The sentence-scoped cue words (``keys.sentence_scoped``)
are read by a second, small automaton in the sentences that ask for them (``scoped_cues``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple

from extract.keys import CONTROL_TRIGGERS
from extract.lexicon import Entry, Lexicon, scan_form


class Match(NamedTuple):
    """A key of the lexicon found in the normalised text, with its possible readings. (A tuple:
    the recogniser makes one per hit, ~100 per article, with the C-level ``tuple.__new__``.)"""

    start: int
    end: int
    entries: tuple[Entry, ...]
    kind: str  # the kind of the first reading


_new = tuple.__new__


def with_readings(m: Match, entries: tuple[Entry, ...]) -> Match:
    """``m`` with other readings, its span and kind kept: what ``m._replace(entries=...)``
    gives, without the interpreted ``_replace`` (a few microseconds a call)."""
    return _new(Match, (m.start, m.end, entries, m.kind))


#: An automaton key's value (``keys.KeyTable.compile``): entity readings (length of the name,
#: readings, kind of the first) and cue readings (length of the name, kind, (reading,)).
Value = tuple[
    tuple[tuple[int, tuple[Entry, ...], str], ...], tuple[tuple[int, str, tuple[Entry, ...]], ...]
]


def scan_text(text: str) -> str:
    """The form of a normalised text that both automata read: punctuation as spaces (one for
    one) and a space before and after, so that every key (" name ") is a whole word or phrase.
    Index ``i + 1`` of it is index ``i`` of the text."""
    return " " + scan_form(text) + " "


def scan(padded: str, lexicon: Lexicon) -> tuple[list[Match], dict[str, list[Match]]]:
    """Entities (non-overlapping but for an agreement name that runs on from a place, longest
    first) in document order, and every cue word by kind (one reading per cue match), in
    offsets of the text whose ``scan_text`` is ``padded``."""
    found: list[tuple[int, int, tuple[Entry, ...], str]] = []  # (start, -end, readings, kind)
    cues: dict[str, list[Match]] = {}
    # Keys are " name " (boundaries included), so every reported key is a whole word or phrase.
    # ``last`` is the padded index of the closing space: in ``text`` coordinates, the name ends
    # at ``last - 1`` (exclusive) and starts ``length`` before.
    for last, value in lexicon.automaton.iter(padded):
        hit: Value = value
        end: int = last - 1
        for reading in hit[0]:
            found.append((end - reading[0], -end, reading[1], reading[2]))
        for cue in hit[1]:
            kind = cue[1]
            bucket = cues.get(kind)
            if bucket is None:
                bucket = cues[kind] = []
            bucket.append(_new(Match, (end - cue[0], end, cue[2], kind)))
    for bucket in cues.values():
        bucket.sort(key=_START_END)
    return _longest(found), cues


def scoped_cues(
    padded: str,
    spans: list[tuple[int, int]],
    sentence_of: Callable[[int], int],
    cues: dict[str, list[Match]],
    lexicon: Lexicon,
) -> dict[str, list[Match]]:
    """The sentence-scoped cue words (``keys.sentence_scoped``) that start inside a sentence
    holding a control word (a trigger of ``cues``), by kind, sorted as ``scan`` sorts: exactly
    what a scan of the whole text would list for those sentences. ``padded``: the text's
    ``scan_text``, which ``scan`` read."""
    automaton = lexicon.scoped_automaton
    holding = {sentence_of(c.start) for kind in CONTROL_TRIGGERS for c in cues.get(kind, ())}
    wanted = sorted(n for n in holding if n < len(spans))
    if automaton is None or not wanted or not len(automaton):
        return {}
    reach = automaton.get_stats()["longest_word"] + 1
    size = len(padded)
    out: dict[str, list[Match]] = {}
    for n in wanted:
        lo, hi = spans[n]
        # a key starts at most one space and three proclitic letters before its name, and may
        # run past the sentence's end (across a line break); its name starts in [lo, hi).
        # [first, stop) of the padded text
        first, stop = max(0, lo - 4), min(size, hi + reach)
        for last, value in automaton.iter(padded, first, stop):
            hit: Value = value
            end: int = last - 1
            for cue in hit[1]:
                start = end - cue[0]
                if lo <= start < hi:
                    kind = cue[1]
                    bucket = out.get(kind)
                    if bucket is None:
                        bucket = out[kind] = []
                    bucket.append(_new(Match, (start, end, cue[2], kind)))
    for bucket in out.values():
        bucket.sort(key=_START_END)
    return out


def _longest(found: list[tuple[int, int, tuple[Entry, ...], str]]) -> list[Match]:
    """Leftmost-longest selection of non-overlapping matches (``found``: (start, -end, readings,
    kind) tuples; two readings never share both start and end, so the tuples sort by span)."""
    found.sort()
    taken: list[Match] = []
    end = -1
    for start, neg_end, entries, kind in found:
        if start >= end:  # the first of equal starts is the longest (sort order)
            end = -neg_end
            taken.append(_new(Match, (start, end, entries, kind)))
        elif kind == "agreement" and -neg_end > end and taken[-1].kind in _YIELDING:
            # "the south-west ceasefire": the region stays a place, and the agreement's name
            # that starts inside it and runs on is read too (not a bare "ceasefire")
            end = -neg_end
            taken.append(_new(Match, (start, end, entries, kind)))
    return taken


#: Place readings that an agreement name may overlap ("The south-west ceasefire").
_YIELDING = frozenset(("ctxzone", "place"))


_START_END = itemgetter(0, 1)


def match_near(
    patterns: list[re.Pattern],
    text: str,
    anchors: list[int],
    reach: int,
    flat: str | None = None,
    glued: frozenset[str] = frozenset(),
) -> list[re.Match]:
    """Matches of ``patterns`` in ``text`` starting at an anchor, one letter before it (a glued
    proclitic: "وأمس"), or at a word start at most ``reach`` characters before it, or right after
    a ``glued`` proclitic letter that starts such a word ("وبعد يومين"). Word starts are read in
    ``flat`` (``text`` with its line breaks as spaces; ``text`` itself when it has none). A pattern
    whose every match holds such an anchor near its start finds the same as ``finditer``, at a
    fraction of the cost; overlapping matches are all returned (the caller keeps the
    leftmost-longest)."""
    flat = text if flat is None else flat
    candidates = set(anchors)
    for p in anchors:
        if p > 0 and flat[p - 1].isalpha():
            candidates.add(p - 1)
    if reach:
        for p in anchors:
            lo = p - reach if p > reach else 0
            if lo == 0:
                candidates.add(0)
                if flat[:1] in glued:
                    candidates.add(1)
            j = flat.rfind(" ", lo, p)
            while j >= 0:
                candidates.add(j + 1)
                if flat[j + 1 : j + 2] in glued:
                    candidates.add(j + 2)
                j = flat.rfind(" ", lo, j)
    out: list[re.Match] = []
    ordered = sorted(candidates)
    for pattern in patterns:
        match = pattern.match
        for pos in ordered:
            m = match(text, pos)
            if m is not None and m.end() > m.start():
                out.append(m)
    return out
