"""Agreements a zone term with its date names ("Eastern Ghouta, which has been a de-escalation
zone since May", "Russia set up a de-escalation zone in Eastern Ghouta outside Damascus in
July"): the one registry agreement of that date that covers a zone of the sentence."""

from __future__ import annotations

from collections.abc import Sequence

from extract.choose import fitting
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match

#: Marks that end a clause or a sentence (also for ``content``).
STOP_MARKS = frozenset(",;:.\u060c\u061b")

#: How far after a zone term the date of "a de-escalation zone since May" may start.
ZONE_DATE_REACH = 16
#: Words besides zone names between a zone term and its date ("a similar zone in Eastern Ghouta
#: outside Damascus in July": in, outside, Damascus, in).
PLACED_WORDS = 4


def _placed(text: str, term: Match, d, zones: Sequence[Item]) -> bool:
    """Whether only the zone's own place phrase stands between a zone term and a date ("set up a
    similar zone in Eastern Ghouta outside Damascus in July"): a zone named right after the
    term, and at most a few more words."""
    inside = [z for z in zones if term.end <= z.start and z.end <= d.start]  # (its sentence's)
    if not inside or inside[0].start - term.end > ZONE_DATE_REACH:
        return False
    words = len(text[term.end : d.start].split()) - sum(
        len(z_text.split()) for z_text in (text[z.start : z.end] for z in inside)
    )
    return words <= PLACED_WORDS


def zone_dates(
    text: str,
    terms: Sequence[Match],
    zones: Sequence[Item],
    dates_in: dict,
    busy: set[int],
    lex: Lexicon,
    sentence_of,
) -> list[Item]:
    """ "Eastern Ghouta, which has been a de-escalation zone since May, ...": a zone term with a
    date right after it, in a sentence that names no agreement, mentions the one registry
    agreement of that date that covers a zone of the sentence. The mention is the term."""
    out = []
    for term in terms:
        s = sentence_of(term.start)
        if s in busy:
            continue
        named = {z.zone for z in zones if z.sentence == s}
        for d in dates_in.get(s, ()):
            between = text[term.end : d.start]
            if d.start < term.end or STOP_MARKS & set(between):
                continue
            if d.start - term.end > ZONE_DATE_REACH and not _placed(text, term, d, zones):
                continue
            fit = [a for a in fitting(lex, d.value, d.precision) if a.kind != "talks"]
            fit = [a for a in fit if a.zones & named]
            if len(fit) == 1:
                out.append(Item("agreement", fit[0].id, term.start, term.end, s))
                busy.add(s)
                break
    return out
