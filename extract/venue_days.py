"""Agreements named by where and when they were reached, with no noun for them: "A second
Cairo meeting, on July 31, settled the northern Homs countryside", "a demilitarised zone agreed
in Sochi in 2018" (``content.implicit_mentions`` hands over the sentences left to read)."""

from __future__ import annotations

from collections.abc import Sequence

from extract.agreement_info import AgreementInfo
from extract.choose import fits_date
from extract.dates import DAY, MONTH, DateMention
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match

#: What ends a clause between a head and a venue.
_CLAUSE_MARKS = frozenset(",;:.\u060c\u061b")


def venue_days(
    venues_in: dict, busy: set[int], dates_in: dict, lex: Lexicon, agreeing: set[int], text: str
) -> list[Item]:
    """ "A second Cairo meeting, on July 31, settled the northern Homs countryside": a venue and
    a day in a sentence with no agreement named mention the one agreement reached there that
    day (the mention is the venue); a month will do in a sentence that says they agreed or
    signed (``agreeing``: "In September 2018 Putin and Erdogan met in Sochi and agreed to"), a
    year after "agreed in <venue>" ("a demilitarised zone agreed in Sochi in 2018")."""
    out = []
    for s, venues in venues_in.items():
        if s in busy:
            continue
        said = (DAY, MONTH) if s in agreeing else (DAY,)
        dated = dates_in.get(s, ())
        stated = [d for d in dated if d.precision in said]
        for v in venues:
            yearly = s in agreeing and _agreed_at(text, v, lex)
            days = list(dated) if yearly else stated  # "agreed in Sochi in 2018": a year too
            reached = [lex.agreements[i] for i in lex.venues.get(v.entries[0].ident, ())]
            fit = [a for a in reached if a.kind != "talks" and any(fits_date(a, d) for d in days)]
            if len(fit) == 1:  # each venue its own ("at Sochi in 2018 and in Moscow in 2020")
                out.append(Item("agreement", fit[0].id, v.start, v.end, s))
                continue
            if len(fit) > 1:  # "Two more followed from talks in Cairo: for Eastern Ghouta on
                # 22 July and for the countryside north of Homs on 3 August": one per day
                out += _each_day(fit, days, s)
                break
    return out


def _with_a_venue(text: str, h: Match, venues: Sequence[Match]) -> bool:
    """Whether a head shares its clause with a venue of its sentence (no comma or semicolon
    between), or the sentence has none: "a zone agreed in Sochi in 2018 was never set up, and a
    truce declared in January collapsed" leaves Sochi's clause to the venue."""
    return not venues or any(
        _CLAUSE_MARKS.isdisjoint(text[min(h.end, v.end) : max(h.start, v.start)]) for v in venues
    )


def _agreed_at(text: str, v: Match, lex: Lexicon) -> bool:
    """Whether a verb of agreeing and a venue preposition stand right before the venue
    ("agreed in Sochi", "signed at Astana")."""
    words = text[max(0, v.start - AGREED_AT_REACH) : v.start].split()[-2:]
    return (
        len(words) == 2
        and words[0] in lex.words["clause_participles"]
        and words[1] in lex.words["venue_prepositions"]
    )


#: Characters before a venue read for "agreed in".
AGREED_AT_REACH = 24


def _each_day(fit: list[AgreementInfo], days: list[DateMention], s: int) -> list[Item]:
    """One mention per day that exactly one of the agreements fits (the mention is the day)."""
    out = []
    for d in days:
        one = [a for a in fit if fits_date(a, d)]
        if len(one) == 1:
            out.append(Item("agreement", one[0].id, d.start, d.end, s))
    return out if len({i.id for i in out}) == len(fit) else []


def new_head_sentences(
    text: str, cues: dict[str, list[Match]], venues_in: dict, sentence_of
) -> set[int]:
    """The sentences with a head that is no anaphor and shares its clause with a venue of its
    sentence, or whose sentence has none: their venue names no agreement by its day."""
    spans = {(a.start, a.end) for a in cues.get("anaphor", [])}
    out = set()
    for h in cues.get("head", []):
        s = sentence_of(h.start)
        if s not in out and (h.start, h.end) not in spans:
            venues = venues_in.get(s)
            if not venues or _with_a_venue(text, h, venues):
                out.add(s)
    return out
