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
) -> list[AgreementHint]:
    """One hint per registry agreement named by name or alias (not "the deal": that is
    resolved later, partly from the dates) or by its round number, spanning its sentence."""
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
    return out
