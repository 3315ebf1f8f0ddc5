"""Agreements recognised by what they provide, when the text quotes them without their title.

A statement that reproduces "a security corridor shall be established 6 km deep to the north and
6 km deep to the south of the M4" or "joint Russian-Turkish patrols shall begin ... from Trumba
to Ain al-Havr" speaks of the Moscow protocol although it never names it. ``content_cues`` in
the language files list each agreement's provisions; a sentence that names no agreement but
states at least ``CONTENT_MIN`` different provisions of one agreement is read as mentioning it
(the mention is its first provision).
"""

from __future__ import annotations

from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match

#: Distinct provisions of one agreement that a sentence must state (one alone, such as "joint
#: patrols" or "heavy weapons", is said of many agreements).
CONTENT_MIN = 2


def content_mentions(
    text: str, cues: list[Match], known: list[Item], lex: Lexicon, sentence_of
) -> list[Item]:
    """Agreement items for sentences that state an agreement's provisions (see module doc)."""
    if not cues:
        return []
    named = {i.sentence for i in known if i.id}
    found: dict[tuple[int, str], list[Match]] = {}
    for c in cues:
        s = sentence_of(c.start)
        if s not in named:
            found.setdefault((s, c.entries[0].ident), []).append(c)
    out = []
    for (s, ident), said in found.items():
        if ident in lex.agreements and len({text[c.start : c.end] for c in said}) >= CONTENT_MIN:
            first = min(said, key=lambda c: c.start)
            out.append(Item("agreement", ident, first.start, first.end, s))
    return out
