"""Find gazetteer places, agreements, parties and cue words in a normalised text.

One pass of an Aho-Corasick automaton over the text with punctuation turned into spaces. Every
key begins with a space, so a key can only match at the start of a word, with the Arabic
proclitics (و ف ب ل ك, and the article forms بال، لل، وال) that may be glued to a name spelled
into the key; a match stands only if the word ends with the key, so that داريا never reads as
درعا nor "Hamas" as "Hama". Entities that overlap keep the longest reading ("ريف حمص الشمالي"
over "حمص"); cue words are all kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from extract.lexicon import Entry, Lexicon, scan_form


@dataclass(slots=True)
class Match:
    """A key of the lexicon found in the normalised text, with its possible readings."""

    start: int
    end: int
    entries: tuple[Entry, ...]
    kind: str  # the kind of the first reading


def scan(text: str, lexicon: Lexicon) -> tuple[list[Match], dict[str, list[Match]]]:
    """Entities (non-overlapping, longest first) in document order, and every cue word by kind
    (one reading per cue match)."""
    padded = " " + scan_form(text) + " "
    entities: list[Match] = []
    cues: dict[str, list[Match]] = {}
    add_entity = entities.append
    # Keys are " name " (boundaries included), so every reported key is a whole word or phrase.
    # ``last`` is the padded index of the closing space: in ``text`` coordinates, the name ends
    # at ``last - 1`` (exclusive) and starts ``length`` before.
    for last, groups in lexicon.automaton.iter(padded):
        end = last - 1
        for length, ent, kind0, cue in groups:
            start = end - length
            if ent:
                add_entity(Match(start, end, ent, kind0))
            for kind, entry in cue:
                bucket = cues.get(kind)
                if bucket is None:
                    cues[kind] = [Match(start, end, entry, kind)]
                else:
                    bucket.append(Match(start, end, entry, kind))
    for bucket in cues.values():
        bucket.sort(key=_START_END)
    return _longest(entities), cues


def _longest(matches: list[Match]) -> list[Match]:
    """Leftmost-longest selection of non-overlapping matches."""
    if len(matches) < 2:
        return matches
    matches.sort(key=_start_longest)
    taken: list[Match] = []
    end = -1
    for m in matches:
        if m.start >= end:  # the first of equal starts is the longest (sort order)
            taken.append(m)
            end = m.end
    return taken


def _start_longest(m: Match) -> tuple[int, int]:
    return m.start, -m.end


_START_END = attrgetter("start", "end")


def match_near(
    patterns: list[re.Pattern], text: str, anchors: list[int], reach: int
) -> list[re.Match]:
    """Matches of ``patterns`` starting at a word start at most ``reach`` characters before an
    anchor position (or one proclitic letter before it); ``text`` has its line breaks as spaces. A pattern whose every match holds such
    an anchor near its start finds the same as ``finditer``, at a fraction of the cost; overlapping
    matches are all returned (the caller keeps the leftmost-longest)."""
    if not anchors:
        return []
    candidates: set[int] = set()
    for p in anchors:
        candidates.add(p)
        if p > 0 and text[p - 1].isalpha():
            candidates.add(p - 1)  # وأمس: the proclitic is part of the word
        if reach:  # the starts of the words (after a space) within reach
            lo = p - reach if p > reach else 0
            if lo == 0:
                candidates.add(0)
            j = text.rfind(" ", lo, p)
            while j >= 0:
                candidates.add(j + 1)
                j = text.rfind(" ", lo, j)
    out: list[re.Match] = []
    for pos in sorted(candidates):
        for pattern in patterns:
            m = pattern.match(text, pos)
            if m is not None and m.end() > m.start():
                out.append(m)
    return out
