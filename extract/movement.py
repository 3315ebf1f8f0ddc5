"""Places people are moved from or to: endpoints, not places an agreement covers.

"Fighters were bused from Douma to Idlib under the deal", "displaced from Eastern Ghouta,
northern Homs and Daraa", "نقل المقاتلين من دوما إلى إدلب": in a sentence that speaks of people
moved (``movement_words``), a zone right after a movement preposition ("from", "to", "إلى"), and
the zones listed on after it ("..., northern Homs and Daraa"), name where people went or came
from. They stay zone mentions, but state no coverage link.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extract.comparison_phrase import opens_sentence
from extract.item import Item
from extract.keys import alternation
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.segment import COMMAS

#: How far before a zone its movement preposition may start (the preposition and "the").
PREPOSITION_REACH = 24


@lru_cache(maxsize=8)
def _patterns(lex: Lexicon, kind: str) -> tuple[re.Pattern, re.Pattern]:
    joiners = alternation(lex.words["list_joiners"])
    if kind == "boundary":  # "up to the administrative border with Hama province"
        words = lex.words["boundary_words"]
        between_words = joiners
    else:
        words = lex.words["movement_prepositions"]
        between_words = joiners
    preposition = re.compile(
        rf"(?:^|(?<=[\s,(]))(?:{alternation(words)})"
        rf"(?:\s+(?:{between_words}))*[\s,]*$"
    )
    between = re.compile(rf"(?:[\s,;]|(?<![^\s,;])(?:{joiners})(?![^\s,;]))*")
    return preposition, between


def endpoints(
    text: str,
    zones: list[Item],
    movement: list[Match] | None,
    lex: Lexicon,
    sentence_of,
    kind: str = "movement",
) -> set[tuple[int, int]]:
    """(start, end) of the zone mentions that are endpoints of a movement (see module doc).
    With ``kind="boundary"``
    and ``movement`` None (any sentence), the zones a border is drawn against ("up to the
    administrative border with Hama province")."""
    if not zones or (movement is not None and not movement):
        return set()
    words = lex.words["boundary_words" if kind == "boundary" else "movement_prepositions"]
    if not any(w in text for w in words):
        return set()  # the preposition pattern needs one of its words: no search can match
    moving: dict[int, int] | None = None
    if movement is not None:  # the first movement word of each sentence
        moving = {}
        for m in movement:
            moving.setdefault(sentence_of(m.start), m.start)
    preposition, between = _patterns(lex, kind)
    out: set[tuple[int, int]] = set()
    previous: Item | None = None
    for z in sorted(zones, key=lambda z: z.start):
        if moving is not None and z.start <= moving.get(z.sentence, z.start):
            continue  # "the truce for northern Homs ... may leave": people move after the word
        listed = (
            previous is not None
            and previous.sentence == z.sentence
            and (previous.start, previous.end) in out
            and between.fullmatch(text, previous.end, z.start) is not None
        )
        lo = max(0, z.start - PREPOSITION_REACH)
        if listed or preposition.search(text, lo, z.start):
            out.add((z.start, z.end))
        previous = z
    return out


#: How far after a comparison cue its preposition may come ("the third of its kind this summer,
#: after ...").
COMPARISON_REACH = 160


def compared(
    text: str,
    zones: list[Item],
    cue_kinds: dict[str, list[Match]],
    lex: Lexicon,
    sentence_of,
    phrases: list[tuple[int, int]],
) -> set[tuple[int, int]]:
    """(start, end) of the zones a comparison names: in a sentence that compares agreements
    ("the third such truce, after ...", "ويأتي الاتفاق بعد ..."), every zone after the first
    comparison preposition that follows the cue ("... after the south-west ceasefire and the
    Ghouta agreement", "بعد نحو أسبوعين من بدء سريان وقف إطلاق النار في جنوب غربي سوريا").
    After an opener that fences the phrase off ("Unlike ...,"), the zones a compared head
    names right after it ("Unlike the arrangements for Eastern Ghouta and northern Homs, ...")
    are that head's own and stay linkable. ``phrases``: the comparison phrases
    (``comparison_phrase``)."""
    cues = cue_kinds.get("comparison", [])
    if not cues or not zones:
        return set()
    preposition = _after_pattern(lex)
    openers = lex.word_sets["comparison_openers"]
    initial = lex.word_sets["comparison_sentence_openers"]
    starts: dict[int, int] = {}
    fenced: set[int] = set()
    for c in cues:
        s = sentence_of(c.start)
        m = preposition.search(text, c.start, c.end + COMPARISON_REACH)
        if m is not None and sentence_of(m.start()) == s:
            starts[s] = min(starts.get(s, m.start()), m.start())
            if m.group() in openers or (m.group() in initial and opens_sentence(text, m.start())):
                fenced.add(s)
    relatives = lex.word_sets["relative_pronouns"]
    heads = cue_kinds.get("head", []) + cue_kinds.get("pluralhead", [])
    owned = _heads_own(text, zones, heads, fenced, lex) if fenced else set()
    # a phrase opened by a comparison opener ("على غرار سوتشي،") ends at its comma: a zone of
    # the clause right after it is the sentence's own ("ويبقى اتفاق موسكو، على غرار سوتشي،
    # محصوراً في إدلب")
    host = {
        s: next(((e, _next_comma(text, e)) for b, e in phrases if b <= at < e), (-1, -1))
        for s, at in starts.items()
    }
    openers_of = lex.word_sets["clause_openers"]
    ends = {
        s: _next_clause(text, at, openers_of, lex.proclitic_letters) for s, at in starts.items()
    }
    return {
        (z.start, z.end)
        for z in zones
        if z.sentence in starts
        and starts[z.sentence] < z.start < ends[z.sentence]
        and (z.start, z.end) not in owned
        and not host[z.sentence][0] < z.start < host[z.sentence][1]
        and not _in_relative_clause(text, starts[z.sentence], z.start, relatives)
    }


#: Characters after a comparison preposition read for a comma that opens a new clause.
CLAUSE_REACH = 240


def _next_clause(text: str, start: int, openers: frozenset[str], glued: frozenset[str]) -> int:
    """Where a comma followed by a clause opener ("، وأن العمل جارٍ ...", "، بأن") ends the
    comparison begun at ``start``: a zone after it is the next clause's (``len(text)``: none)."""
    end = min(len(text), start + CLAUSE_REACH)
    at = start
    while True:
        found = [i for i in (text.find(c, at + 1, end) for c in COMMAS) if i >= 0]
        if not found:
            return len(text)
        at = min(found)
        words = text[at + 1 : at + 12].split()
        word = words[0] if words else ""
        if word in openers or (word[:1] in glued and word[1:] in openers):
            return at


def _next_comma(text: str, start: int) -> int:
    """The first comma after the one at ``start`` (the end of the text when none)."""
    found = [i for i in (text.find(c, start + 1) for c in COMMAS) if i >= 0]
    return min(found, default=len(text))


#: Characters between a compared head and its first zone (" for the ", " in ").
HEAD_ZONE_GAP = 9


def _heads_own(
    text: str, zones: list[Item], heads: list[Match], fenced: set[int], lex: Lexicon
) -> set[tuple[int, int]]:
    """The zones of the ``fenced`` sentences named right after a head, with those listed on
    after them ("the truces for X, Y and Z")."""
    _, between = _patterns(lex, "movement")
    ends = {h.end for h in heads}
    out: set[tuple[int, int]] = set()
    previous: Item | None = None
    places = lex.word_sets["place_prepositions"]
    joiners = lex.word_sets["list_joiners"]
    for z in sorted(zones, key=lambda z: z.start):
        if z.sentence in fenced:
            after_head = any(
                0 <= z.start - e <= HEAD_ZONE_GAP or _said_of(text, e, z.start, places)
                for e in ends
            )
            listed = (
                previous is not None
                and (previous.start, previous.end) in out
                and (
                    between.fullmatch(text, previous.end, z.start) is not None
                    or _joined_item(text[previous.end : z.start], joiners)
                )
            )
            if after_head or listed:
                out.add((z.start, z.end))
        previous = z
    return out


#: Most characters of a short clause between a compared head and its zone ("the truces Russia
#: negotiated in Cairo for Eastern Ghouta").
HEAD_CLAUSE_GAP = 48


def _said_of(text: str, head_end: int, zone_start: int, places: frozenset[str]) -> bool:
    """Whether a zone comes after a compared head and a short clause that ends on a place
    preposition, with no comma between: the head's own zone ("Like the truces Russia
    negotiated in Cairo for Eastern Ghouta, ...")."""
    if not HEAD_ZONE_GAP < zone_start - head_end <= HEAD_CLAUSE_GAP:
        return False
    between = text[head_end:zone_start]
    words = between.split()
    return bool(words) and words[-1] in places and not any(c in between for c in COMMAS)


#: Most words between two zones of one list when the second has a lead of its own ("Eastern
#: Ghouta and the countryside north of Homs").
ITEM_LEAD_WORDS = 4
#: Marks that end a list item.
_ITEM_BREAKS = "".join(COMMAS) + ";"


def _joined_item(between: str, joiners: frozenset[str]) -> bool:
    """Whether ``between`` joins a next list item with a short lead ("and the countryside")."""
    words = between.split()
    return (
        0 < len(words) <= ITEM_LEAD_WORDS
        and words[0] in joiners
        and not any(c in between for c in _ITEM_BREAKS)
    )


#: Marks that set off a relative clause ("، التي ...") and that end it.


def _in_relative_clause(text: str, start: int, at: int, relatives: frozenset[str]) -> bool:
    """Whether position ``at`` lies in a relative clause opened after ``start`` and still open:
    "على غرار ما حدث بعد مذكرة أستانا، التي أنشأت أربع مناطق لم يبق منها سوى إدلب" says what
    the compared agreement did; its zones are not the comparison's. Also a clause opened right
    in the phrase, with no comma ("على غرار اتفاق عمّان الذي انهار في الجنوب،")."""
    last = max(text.rfind(c, start, at) for c in COMMAS)
    if last < 0:
        return not relatives.isdisjoint(text[start:at].split())
    words = text[last + 1 : at].split()
    return bool(words) and words[0] in relatives


@lru_cache(maxsize=4)
def _after_pattern(lex: Lexicon) -> re.Pattern:
    words = alternation(lex.words["comparison_prepositions"])
    return re.compile(rf"(?<![^\s,(])(?:{words})(?![^\s,)])")
