"""Lines said to be drawn by an agreement named after them: "Idlib and surroundings (...;
boundaries agreed at Astana-6)", "the Idlib area, within the boundaries agreed at the sixth
round". A boundary word followed, within a participle and a preposition, by an agreement says
that the agreement drew the lines of the zone named last before the word, whatever other
agreement is nearer to that zone (the memorandum named in the same bracket)."""

from __future__ import annotations

from collections.abc import Sequence

from extract.choose import fitting
from extract.item import Item
from extract.lexicon import Lexicon
from extract.link_context import LinkContext
from extract.recognise import Match

#: Most characters between a boundary word and the agreement that drew them (" agreed at ",
#: " were drawn by the ").
DRAWN_GAP = 24
#: Most words between them: a participle, maybe an auxiliary, and a preposition.
DRAWN_WORDS = 4
#: Most characters between the zone and the boundary word ("Idlib de-escalation area, within
#: the boundaries", "Idlib and surroundings (Astana memorandum, 4 May 2017; boundaries").
ZONE_GAP = 64


def drawn_links(
    ctx: LinkContext, s: int, zs: Sequence[Item], ags: Sequence[Item], triggers: Sequence[Match]
) -> None:
    """Emit ``delineates`` for every boundary word of sentence ``s`` followed by the agreement
    that drew the lines (see the module docstring)."""
    for t in triggers:
        if t.entries[0].ident != "delineates":
            continue
        after = [a for a in ags if a.id and 0 <= a.start - t.end <= DRAWN_GAP]
        before = [z for z in zs if z.end <= t.start and t.start - z.end <= ZONE_GAP]
        if not after or not before:
            continue
        a = min(after, key=lambda a: a.start)
        gap = ctx.text[t.end : a.start].split()
        if not gap or len(gap) > DRAWN_WORDS or any(c in ctx.text[t.end : a.start] for c in ".;,"):
            continue
        ctx.emit(a, max(before, key=lambda z: z.end), "delineates", None, s)


def lines_dated(
    triggers: Sequence[Match], dates_in: dict, busy: set[int], lex: Lexicon, sentence_of
) -> list[Item]:
    """ "Its borders were fixed by the guarantors in September of that year": a sentence that
    names no agreement but says lines were drawn, on a date that fits one round of talks the
    registry has drawing a zone's lines, mentions that round (at the boundary word)."""
    out = []
    for t in triggers:
        if t.entries[0].ident != "delineates":
            continue
        s = sentence_of(t.start)
        if s in busy:
            continue
        fit = {
            a.id
            for d in dates_in.get(s, ())
            for a in fitting(lex, d.value, d.precision)
            if a.kind == "talks" and a.zones
        }
        if len(fit) == 1:
            out.append(Item("agreement", fit.pop(), t.start, t.end, s))
            busy.add(s)
    return out
