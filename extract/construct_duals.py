"""A dual in construct joined to zone words with no venue or brokers ("اتفاقي الجنوب
والغوطة", "هدنتا الغوطة وريف حمص"), or a plural head with its zones right after it ("the
arrangements for Eastern Ghouta and northern Homs"): two agreements, each the one that covers
its zone alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.choose import candidates, existing
from extract.item import Item
from extract.recognise import Match

if TYPE_CHECKING:
    from extract.head import Head
    from extract.heads import HeadContext


#: Characters after a dual in construct read for the zone words it is joined to ("اتفاقي
#: الجنوب والغوطة الشرقية").
CONSTRUCT_ZONES = 40
#: Characters between a plural head and its first zone (" for the ", " in "): the zones are
#: the heads' own only when they follow it at once.
PLURAL_ZONE_GAP = 9


def zones_own(ctx: HeadContext, head: Head, word: str) -> list[Item]:
    """A dual in construct with zone words and no venue or brokers ("اتفاقي الجنوب والغوطة"):
    for each zone right after it, the one registry agreement that covers that zone alone."""
    m = head.match
    named = ctx.named_zones_in or ctx.zones_in  # (compared zones still say which agreements)
    zones = [z for z in named.get(head.sentence, ()) if z.start >= m.end]
    # "the truces for X and Y": the first zone only a short preposition after the head
    if word not in ctx.lex.words["construct_plural_heads"] and (
        not zones or min(z.start for z in zones) - m.end > PLURAL_ZONE_GAP
    ):
        return []
    after = {z.zone for z in zones if z.start - m.end <= CONSTRUCT_ZONES}
    after |= _parallel(ctx, m.end, zones)
    pool = [a for a in ctx.lex.agreements.values() if a.kind != "talks" and len(a.zones) == 1]
    if ctx.published is not None:
        pool = existing(pool, ctx.published)
    found = []
    for zone in sorted(after):
        own = [a for a in pool if zone in a.zones]
        if len(own) != 1:
            return []
        found.append(head.item(own[0].id))
    return found if len(found) >= 2 else []


#: Characters between two zones that a repeated preposition joins ("for Eastern Ghouta in late
#: July and for the rebel pocket north of Homs").
PARALLEL_GAP = 48


def _parallel(ctx: HeadContext, end: int, zones: list[Item]) -> set[str]:
    """Zones joined to the head's first zone by "and" and the preposition that led to it
    ("truces for Eastern Ghouta in late July and for the rebel pocket north of Homs city in
    early August"): each further zone is one of the head's too."""
    ordered = sorted(zones, key=lambda z: z.start)
    if not ordered:
        return set()
    lead = ctx.text[end : ordered[0].start].split()
    if not lead or lead[0] not in ctx.lex.words["place_prepositions"]:
        return set()
    out: set[str] = set()
    joiners = ctx.lex.words["adjective_joiners"]
    for before, z in zip(ordered, ordered[1:], strict=False):
        gap = ctx.text[before.end : z.start].replace(",", " ").split()
        if z.start - before.end > PARALLEL_GAP or lead[0] not in gap:
            break
        at = gap.index(lead[0])
        if at == 0 or gap[at - 1] not in joiners:
            break
        out.add(z.zone)
    return out


def brokers_each(ctx: HeadContext, head: Head) -> list[Item]:
    """A head described by brokers that two or more registry agreements share, each for a zone
    of its own, in a sentence that joins those zones ("وإذا كانت الغوطة وريف حمص قد حصلتا على
    ترتيب مصري روسي"): each of them, every one for its zone. Zones in separate clauses ("حصلت
    الغوطة على ترتيب مصري روسي، بينما بقي ريف حمص ينتظر") say nothing of the kind."""
    if head.anaphor or head.venue is not None or len(head.parties) < 2:
        return []
    named = _coordinated(ctx, ctx.zones_in.get(head.sentence, ()))
    pool = [a for a in candidates(ctx.lex, head.parties, "") if a.zones & named]
    if ctx.published is not None:
        pool = existing(pool, ctx.published)
    own = [a.zones & named for a in pool]
    if len(pool) < 2 or any(len(z) != 1 for z in own) or len(set().union(*own)) != len(pool):
        return []
    return [head.item(a.id) for a in pool]


def _coordinated(ctx: HeadContext, zones) -> set[str]:
    return coordinated_zones(ctx.text, ctx.lex.words["list_joiners"], zones)


def coordinated_zones(text: str, joiners: list[str], zones) -> set[str]:
    """The zones of a sentence that a list word joins to another zone ("الغوطة وريف حمص")."""
    ordered = sorted(zones, key=lambda z: z.start)
    out: set[str] = set()
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.zone != b.zone and text[a.end : b.start].strip(" ,\u060c") in joiners:
            out.update((a.zone, b.zone))
    return out


#: Characters before a plural head read for a word that picks one of it ("one of the
#: de-escalation arrangements").
PARTITIVE_REACH = 32


def picked_one(ctx: HeadContext, m) -> bool:
    """Whether a plural head is singled out ("one of the truces Russia brokered"): one
    agreement, read as a singular head."""
    return _said_before(ctx, m, ctx.lex.words["partitive_words"])


def distributed(ctx: HeadContext, m) -> bool:
    """Whether a singular head is given to each zone ("X and Y each had a truce"): read as a
    plural head."""
    return _said_before(ctx, m, ctx.lex.words["distributive_words"])


def _said_before(ctx: HeadContext, m, words: list[str]) -> bool:
    before = ctx.text[max(0, m.start - PARTITIVE_REACH) : m.start]
    if not any(w in before for w in words):
        return False
    padded = f" {' '.join(before.split())} "
    return any(f" {w} " in padded for w in words)


#: Sentences back in which "the two agreements" finds the two it means.
DUAL_REACH = 4


def last_pair(ctx: HeadContext, head: Head, word: str) -> list[Item]:
    """A dual head with nothing else ("ويضع الاتفاقان المنطقتين تحت رقابة روسية"): the last two
    registry agreements named before it (not talks, not nationwide), a few sentences back."""
    if word not in ctx.lex.word_sets["dual_heads"]:
        return []
    m = head.match
    ids: list[str] = []
    for i in sorted(ctx.items(), key=lambda i: i.start, reverse=True):
        info = ctx.lex.agreements.get(i.id) if i.id else None
        if i.start >= m.start or info is None or info.kind == "talks" or not info.zones:
            continue
        if head.sentence - i.sentence > DUAL_REACH or len(ids) == 2:
            break
        if info.id not in ids and info.id not in ctx.lex.nationwide:
            ids.append(info.id)
    return [head.item(ident) for ident in reversed(ids)] if len(ids) == 2 else []


def complement_end(ctx: HeadContext, m: Match, heads: list[Match]) -> int:
    """The end of the head glued to a complement marker right after plural head ``m``
    ("اتفاقان لوقف إطلاق النار": two agreements for a ceasefire), else ``m.end``."""
    markers = ctx.lex.words["complement_markers"]
    for h in heads:
        gap = ctx.text[m.end : h.start].strip()
        if h.start >= m.end and len(gap) <= 1 and (gap in markers or ctx.text[h.start] in markers):
            return h.end
    return m.end


def venues_joined(ctx: HeadContext, head: Head) -> list[str]:
    """The agreements of the head's venue, and of every venue a list word joins to it ("التفاهمات
    التي وقعت في القاهرة وعمّان": Cairo's and Amman's)."""
    ids = list(head.venue or ())
    joiners = ctx.lex.word_sets["list_joiners"]
    venues = sorted(ctx.venues_in.get(head.sentence, []), key=lambda v: v.start)
    for first, second in zip(venues, venues[1:], strict=False):
        gap = ctx.text[first.end : second.start].strip()
        if gap and gap not in joiners:
            continue
        pair = [_venue_agreements(ctx, v) for v in (first, second)]
        if set(ids) in ({*pair[0]}, {*pair[1]}):
            ids += [i for i in (*pair[0], *pair[1]) if i not in ids]
    return ids


def _venue_agreements(ctx: HeadContext, v: Match) -> tuple[str, ...]:
    for e in v.entries:
        if e.ident in ctx.lex.venues:
            return ctx.lex.venues[e.ident]
    return ()
