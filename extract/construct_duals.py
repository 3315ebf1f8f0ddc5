"""A dual in construct joined to zone words with no venue or brokers ("اتفاقي الجنوب
والغوطة", "هدنتا الغوطة وريف حمص"), or a plural head with its zones right after it ("the
arrangements for Eastern Ghouta and northern Homs"): two agreements, each the one that covers
its zone alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.choose import existing
from extract.item import Item

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
    zones = [z for z in ctx.zones_in.get(head.sentence, ()) if z.start >= m.end]
    # "the truces for X and Y": the first zone only a short preposition after the head
    if word not in ctx.lex.words["construct_plural_heads"] and (
        not zones or min(z.start for z in zones) - m.end > PLURAL_ZONE_GAP
    ):
        return []
    after = {z.zone for z in zones if z.start - m.end <= CONSTRUCT_ZONES}
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
