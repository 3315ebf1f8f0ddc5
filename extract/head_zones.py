"""Where a generic head's zone is said when it is not right next to it: the topic phrase after
it ("اتفاقيات حول آلية عمل منطقة خفض التصعيد في الغوطة الشرقية"), or the zone a relative clause
holding it is about ("ريف حمص الشمالي الذي وقعت فصائله اتفاقاً"); and whether a demonstrative
points the head back to an agreement already named ("هذه الترتيبات")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.item import Item
from extract.recognise import Match

if TYPE_CHECKING:
    from extract.heads import HeadContext


#: Most characters between a head's topic preposition and the zone of its topic.
TOPIC_REACH = 64


def topic_zone(ctx: HeadContext, m: Match, sentence: int) -> Item | None:
    """The zone of a head's topic phrase ("اتفاقيات حول آلية عمل منطقة خفض التصعيد في الغوطة
    الشرقية"): the first zone after a topic preposition that follows the head, no comma
    between."""
    after = ctx.text[m.end : m.end + 12].split()
    if not after or after[0] not in ctx.lex.words["topic_words"]:
        return None
    for z in ctx.zones_in.get(sentence, ()):
        gap = ctx.text[m.end : z.start]
        if z.start >= m.end and len(gap) <= TOPIC_REACH and not any(c in gap for c in ",،;؛"):
            return z
    return None


def pointed_back(ctx: HeadContext, m: Match) -> bool:
    """Whether a demonstrative stands right before the head ("هذه الترتيبات", "that truce"): it
    refers back to an agreement already named, whatever the words around it."""
    words = ctx.text[max(0, m.start - 8) : m.start].split()
    pointers = ctx.lex.words["current"] + ctx.lex.words["that_words"]
    return bool(words) and words[-1] in pointers


#: Most characters between a zone and a new head in the relative clause about the zone.
RELATIVE_ZONE_REACH = 40


def relative_zone(ctx: HeadContext, m: Match, sentence: int) -> Item | None:
    """The zone a relative clause holding a new head is about ("ريف حمص الشمالي الذي وقعت
    فصائله اتفاقاً مماثلاً"): named right before the relative pronoun, no comma between."""
    if (m.start, m.end) in ctx.anaphor_spans:
        return None
    before = [z for z in ctx.zones_in.get(sentence, ()) if z.end <= m.start]
    if not before:
        return None
    z = max(before, key=lambda z: z.end)
    between = ctx.text[z.end : m.start]
    words = between.split()
    if (
        len(between) > RELATIVE_ZONE_REACH
        or not words
        or words[0] not in ctx.lex.words["relative_pronouns"]
        or any(c in between for c in ",،;؛:")
    ):
        return None
    return z
