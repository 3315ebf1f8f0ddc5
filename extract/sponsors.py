"""Who brokered the agreement a head speaks of: the guarantor parties named around a sponsor
cue ("برعاية مصرية", "brokered by Russia and Turkey") near it."""

from __future__ import annotations

from extract.lexicon import Lexicon
from extract.recognise import Match

#: Sponsors: parties named this close around a sponsor cue of the head's sentence.
SPONSOR_WINDOW = 64
SPONSOR_REACH = 44
#: Parties that broker or guarantee agreements (the warring sides are parties to many deals
#: that the registry does not hold, so they do not identify one).
GUARANTORS = frozenset(("russia", "turkey", "iran", "united_states", "jordan", "egypt"))
#: A single broker identifies an agreement when it is a party to at most this many of them
#: (Egypt: the two Cairo truces; Russia or Turkey alone say little).
DISTINCTIVE_BROKER = 2


def sponsor_parties(
    head: Match, sponsors: list[Match], guarantors: list[tuple[int, int, str]], lex: Lexicon
) -> frozenset[str]:
    """Guarantor parties named around a sponsor cue near the head: two or more, or one that
    brokered few agreements ("برعاية مصرية"), else none; ``sponsors`` and ``guarantors``
    (start, end, party) are those of the head's sentence."""
    found: set[str] = set()
    for cue in sponsors:
        if head.start - SPONSOR_WINDOW <= cue.start <= head.end + SPONSOR_WINDOW:
            lo, hi = cue.start - SPONSOR_REACH, cue.end + SPONSOR_REACH
            found.update(ident for s, e, ident in guarantors if lo <= s and e <= hi)
    if len(found) == 1 and _distinctive(lex, next(iter(found))):
        return frozenset(found)
    return frozenset(found) if len(found) >= 2 else frozenset()


def _distinctive(lex: Lexicon, party: str) -> bool:
    deals = [a for a in lex.agreements.values() if a.kind != "talks" and party in a.parties]
    return 0 < len(deals) <= DISTINCTIVE_BROKER
