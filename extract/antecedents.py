"""What an anaphor or a bare head refers back to: the agreement named right after it, the one
named last within reach (preferring one of its kind, or one covering a zone of its sentence),
and the day a chronology line opens with."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from extract.dates import DAY
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.windows import (
    ANAPHORA_SENTENCES,
    CLAUSE_MARKS,
    REFERENT_GAP,
    RELATIVE_REFERENT_GAP,
)


def named_right_after(text: str, head: Match, items: list[Item], lex: Lexicon) -> str | None:
    """ "المذكرة في أستانا الرابعة", "the memorandum of Astana-4": the name that follows is the
    referent (``items``: the named agreements, in document order)."""
    links = lex.words["referent_links"]
    for item in items:
        if item.start < head.end:
            continue
        if item.start - head.end > RELATIVE_REFERENT_GAP:
            break
        if not item.id:
            continue
        gap = text[head.end : item.start].strip()
        if item.start - head.end <= REFERENT_GAP and (gap == "" or gap in links):
            return item.id
        if (item.id in lex.talks or item.id in lex.rounds.values()) and _relative_to(gap, lex):
            # "الاتفاق الذي توصلت إليه الدول الضامنة في الجولة السادسة", "the memorandum on
            # de-escalation areas signed in Astana on 4 May": a round, or the round's memorandum
            return item.id
    return None


def _relative_to(gap: str, lex: Lexicon) -> bool:
    """Whether ``gap`` is a relative clause ending where a round is named ("which the guarantors
    reached at", "الذي توصلت إليه الدول الضامنة في"), or a reduced one whose participle comes
    right before that place ("the deal on that area reached at")."""
    words = gap.split()
    return (
        len(words) >= 2
        and (
            words[0] in lex.words["relative_pronouns"]
            or words[-2] in lex.words["clause_participles"]
        )
        and words[-1] in lex.words["venue_prepositions"]
        and not CLAUSE_MARKS.intersection(gap)
    )


#: What ``antecedent`` returns when the agreement referred back to is an unknown one.
UNKNOWN = "?unknown"


def antecedent(
    items: list[Item],
    before: int,
    sentence: int,
    zones: frozenset[str] = frozenset(),
    lex: Lexicon | None = None,
    passing: frozenset[int] | set[int] = frozenset(),
    unknown_ok: bool = False,
    bare: frozenset[int] = frozenset(),
    kinds: frozenset[str] = frozenset(),
) -> str | None:
    """The agreement last named before ``before`` (within a few sentences); when the anaphor's
    sentence names zones, the last one that covers one of them, if any ("the agreement" in a
    sentence about Rastan means the Homs truce, not the Ghouta truce named just before).
    Agreements named only in ``passing`` sentences (background, comparison) count when no
    other is at hand; with ``unknown_ok`` an unknown agreement may be the one (``UNKNOWN``).
    Lines in ``bare`` (headings, contents entries) do not count in the distance. With
    ``kinds`` (what the anaphor's noun names: "the ceasefire" is a truce or ceasefire), the
    covering agreements of those kinds come first, even named further back ("respect the
    ceasefire" in Quneitra is the south-west ceasefire, not the memorandum named since)."""
    cands = [
        i
        for i in items
        if i.start < before
        and sentence - i.sentence - _bare_between(bare, i.sentence, sentence) <= ANAPHORA_SENTENCES
        and i.kind == "agreement"
        and (i.id or unknown_ok)
    ]
    own = [i for i in cands if i.sentence not in passing] or cands
    if zones and lex is not None:
        if kinds:
            for pool in (own, cands, None):
                if pool is None:  # named further back
                    pool = [i for i in items if i.start < before and i.kind == "agreement"]
                of_kind = [i for i in _covering(pool, zones, lex) if _kind_of(lex, i.id) in kinds]
                if of_kind:
                    return max(of_kind, key=_START).id
        for pool in (own, cands):
            covering = _covering(pool, zones, lex)
            if covering:
                return max(covering, key=_START).id
    if not cands:
        return None
    best = max(own, key=_START)
    return best.id or UNKNOWN


_START = attrgetter("start")


def _covering(items: list[Item], zones: frozenset[str], lex: Lexicon) -> list[Item]:
    """The registry agreements among ``items`` that cover one of ``zones``."""
    return [i for i in items if i.id and (info := lex.agreements.get(i.id)) and info.zones & zones]


def _kind_of(lex: Lexicon, ident: str | None) -> str:
    info = lex.agreements.get(ident) if ident else None
    return info.kind if info is not None else ""


def _bare_between(bare: frozenset[int], first: int, last: int) -> int:
    """How many of the ``bare`` sentences lie strictly between sentences ``first`` and ``last``."""
    return sum(1 for b in bare if first < b < last) if bare else 0


def line_date(text: str, dates, before: int, lex: Lexicon) -> date | None:
    """The day a chronology line or sentence opens with, before ``before`` ("- 22 كانون
    الأول/ديسمبر: ...", "في 4 أيار، ..."; ``dates``: those of the sentence, in order): what the
    sentence is about happened then."""
    if not dates or dates[0].precision != DAY or dates[0].start > before:
        return None
    first = dates[0]
    opening = max(text.rfind(mark, 0, first.start) for mark in ".\n!?؟") + 1
    lead = text[opening : first.start].strip(" -•*").split()
    preps = lex.words["date_prepositions"]
    if len(lead) > 1 or (lead and lead[0] not in preps and lead[0][1:] not in preps):
        return None
    return first.value
