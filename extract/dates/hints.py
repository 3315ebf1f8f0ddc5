"""The agreements each sentence names outright, as hints for dates without a year ("On 17
September, Russia and Turkey signed the Sochi memorandum" in an undated chronology is 2018)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from extract.dates.model import AgreementHint
from extract.lexicon import Lexicon
from extract.recognise import Match


class _Round(Protocol):
    start: int
    number: int | None


def agreement_hints(
    entities: Iterable[Match],
    rounds: Iterable[_Round],
    lex: Lexicon,
    spans: list[tuple[int, int]],
    sentence_of: Callable[[int], int],
    cues: dict[str, list[Match]] | None = None,
    text: str = "",
) -> list[AgreementHint]:
    """One hint per registry agreement named by name or alias (not "the deal": that is
    resolved later, partly from the dates) or by its round number, spanning its sentence; and
    one per agreement reached at a venue the sentence says something was done in ("truces
    negotiated in Cairo took effect ... on July 22": a day of the Cairo agreements' year, not
    a dateline's "CAIRO, July 22")."""
    named: list[tuple[int, str]] = [
        (m.start, e.ident)
        for m in entities
        if m.kind == "agreement"
        for e in m.entries
        if not e.generic
    ]
    named += [(r.start, lex.rounds[r.number]) for r in rounds if r.number in lex.rounds]
    out = []
    for position, ident in named:
        start, end = spans[sentence_of(position)] if spans else (0, position + 1)
        out.append(AgreementHint(start, end, ident))
    for v in (cues or {}).get("venue", ()):
        if _after_preposition(text, v.start, lex):
            start, end = spans[sentence_of(v.start)] if spans else (0, v.start + 1)
            ids = lex.venues.get(v.entries[0].ident, ())  # rounds of talks: no signed day
            out += [AgreementHint(start, end, i, True) for i in ids if i not in lex.talks]
    return out


def _after_preposition(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a venue preposition ("in", "at") stands right before ``start``."""
    words = text[max(0, start - VENUE_LEAD) : start].split()
    return bool(words) and words[-1] in lex.words["venue_prepositions"]


#: Characters before a venue read for its preposition.
VENUE_LEAD = 8
