"""Zones referred back to rather than named: "the enclave", "the zone's lines", "it was one of
the four", "both areas", "المنطقتين". They serve coverage links only (they are not reported as
zone mentions)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match

#: The kind of a zone item that is the subject of a passive coverage verb ("it was covered by a
#: truce", "كما شملها اتفاق"): the agreement that follows it is the agent (``relate``).
SUBJECT = "zone_subject"


def zone_anaphors(
    cues: list[Match],
    plural: list[Match],
    zones: list[Item],
    sentence_of,
    pronouns: Sequence[Match] = (),
    short: frozenset[int] = frozenset(),
    text: str = "",
    lex: Lexicon | None = None,
    in_names: Sequence[Item] = (),
) -> list[Item]:
    """The zones that anaphors refer to. A singular one ("the enclave") means the one zone named
    earlier in its own sentence, or, when its sentence names none before it, the one zone of
    the sentence before; a pronoun ("it was included in", "كما شملها") the same, also when its
    sentence names other zones after it, but not after a relative pronoun whose noun is a
    common area noun ("المناطق التي شملتها": the areas). A plural one ("both areas", "المنطقتين")
    means the zones of the sentences before, those agreement names state included ("هدنة
    الغوطة"; ``in_names``), as many as it counts and none its own sentence names before it, or
    the same zones as the plural one read just before it. Sentences before that name no zone
    are passed over, a few of them (``SINGULAR_REACH``), short answers without counting
    ("Wasn't Ghouta protected? Yes, twice over. It was one of ...")."""
    if not cues and not plural and not pronouns:
        return []
    relatives = lex.word_sets["relative_pronouns"] if lex is not None else frozenset()
    areas = _area_nouns(lex) if lex is not None else frozenset()
    named: dict[int, list[Item]] = {}
    for z in zones:
        named.setdefault(z.sentence, []).append(z)
    out = []
    spoken = {(p.start, p.end) for p in pronouns}
    for c in sorted([*cues, *pronouns], key=lambda c: c.start):
        s = sentence_of(c.start)
        earlier = {z.zone for z in named.get(s, ()) if z.end <= c.start}
        if s in named and len(earlier) != 1 and (earlier or (c.start, c.end) not in spoken):
            continue
        if relatives and _of_an_area_noun(text, c.start, named.get(s, ()), relatives, areas):
            continue
        here = earlier or {z.zone for z in named.get(_zoned_before(named, s, short), ())}
        if len(here) != 1:
            continue
        zone = next(iter(here))
        kind = SUBJECT if (c.start, c.end) in spoken else "zone"
        item = Item(kind, zone, c.start, c.end, s, zone)
        out.append(item)
        named.setdefault(s, []).append(item)  # "It was one of four zones ... the enclave"
    for z in in_names:  # "بعد هدنة الغوطة الشرقية ... المنطقتين": a name's zone is spoken of
        named.setdefault(z.sentence, []).append(z)
    last: tuple[int, list[str]] | None = None  # the sentence and zones of the last one read
    for c in plural:
        s = sentence_of(c.start)
        need = _count(text[c.start : c.end], lex)  # "all four zones": four, "both areas": two
        own = {z.zone for z in named.get(s, ()) if z.end <= c.start}
        if len(own) >= need or (own and not text) or _spelled_after(named.get(s, ()), c):
            continue  # "الغوطة وريف حمص ... المنطقتين", "both areas, Douma and Rastan": as named
        if last is not None and len(last[1]) == need and s - last[0] <= PLURAL_REACH:
            before = last[1]  # "أدرجت المنطقتين ... ولم تشمل أياً من المنطقتين": the same two
        else:
            before = [z for z in _last_zones(named, s, need + len(own)) if z not in own]
        if len(before) >= need:
            out += [Item("zone", zone, c.start, c.end, s, zone) for zone in before]
            last = (s, before)
    return out


#: Characters after a plural anaphor within which a zone spells out what it means ("both
#: areas, Douma and Rastan").
SPELLED_OUT = 16


def _spelled_after(here: Sequence[Item], c: Match) -> bool:
    """Whether a zone right after a plural anaphor spells out which zones it means."""
    return any(0 <= z.start - c.end <= SPELLED_OUT for z in here)


#: Most characters between a zone and the relative pronoun after it ("ريف حمص الشمالي، الذي").
ANTECEDENT_GAP = 3


def _of_an_area_noun(
    text: str, start: int, zones: Sequence[Item], relatives: frozenset[str], areas: frozenset[str]
) -> bool:
    """Whether an anaphor is the pronoun of a relative clause about a common area noun, not a
    zone: "المناطق التي شملتها وثيقتان" (the areas), unlike "ريف حمص الشمالي، الذي شملته" and
    "مذكرة أستانا ...، التي ضمتها" (the zone named before)."""
    before = text[max(0, start - RELATIVE_BEFORE) : start].split()
    if len(before) < 2:
        return False
    noun, word = before[-2], before[-1]
    word = word[1:] if word[:1] == "\u0648" and word[1:] in relatives else word  # "والتي"
    if word not in relatives:
        return False
    at = text.rfind(word, 0, start)
    if any(0 <= at - z.end <= ANTECEDENT_GAP for z in zones):
        return False
    return noun in areas


@lru_cache(maxsize=4)
def _area_nouns(lex: Lexicon) -> frozenset[str]:
    """The common area nouns ("مناطق", "بلدات"), also with the glued article ("المناطق")."""
    nouns = lex.words["object_fillers"]
    return frozenset(a + n for n in nouns for a in ("", *lex.glued_articles))


#: Characters before an anaphor read for the relative pronoun and the noun before it.
RELATIVE_BEFORE = 24


#: How many sentences back a singular anaphor looks, past sentences that name no zone, for the
#: zone it means ("the enclave" after two sentences about a pause and a corridor).
SINGULAR_REACH = 3


def _zoned_before(named: dict[int, list[Item]], s: int, short: frozenset[int]) -> int:
    """The nearest sentence before ``s`` that names a zone, within ``SINGULAR_REACH`` (a short
    answer in between does not count); ``s - 1`` when there is none."""
    back, steps = s - 1, 0
    while back >= 0 and back not in named and steps < SINGULAR_REACH:
        if back not in short:
            steps += 1
        back -= 1
    return back if back in named else s - 1


#: How many sentences back "both areas" looks for the zones it means (one bullet per zone, each
#: a sentence or two: "- Northern rural Homs: ... - Eastern Ghouta: ... - Both areas are ...").
PLURAL_REACH = 3


def _last_zones(named: dict[int, list[Item]], s: int, need: int = 2) -> list[str]:
    """The zones of the sentences before ``s``, from the nearest back, until ``need`` or more
    are gathered (every zone of the sentence that completes them); a line per zone ("Zone 1 -
    Idlib ..." ... "all four zones"), so the reach grows with the count."""
    found: set[str] = set()
    for back in range(s - 1, max(-1, s - 1 - PLURAL_REACH * (need - 1)), -1):
        found |= {z.zone for z in named.get(back, ())}
        if len(found) >= need:
            break
    return sorted(found)


def _count(phrase: str, lex: Lexicon | None) -> int:
    """How many zones a plural anaphor counts ("all three areas": 3); two by default."""
    numbers = lex.cardinals if lex is not None else {}
    return next((numbers[w] for w in phrase.split() if w in numbers), 2)
