"""Which clause a verb of agreeing speaks of (``content.implicit_mentions``): a head before it is
the agreement it makes unless a comma closes the head's clause first; brokers and agreements of
a clause that a comma closes before the verb ("الجنوب الذي كان يحظى بتفاهم أمريكي روسي أردني
انهار في تموز الماضي، اتفق الرئيسان ... في سوتشي") belong to another agreement."""

from __future__ import annotations

from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.sponsors import SPONSOR_WINDOW

_CLAUSE_MARKS = frozenset(",;:.\u060c\u061b")


def says_it(text: str, head: int, cue: Match, lex: Lexicon) -> bool:
    """Whether the head starting at ``head`` is the agreement the verb of agreeing speaks of: one
    before it, or close after it; not one in a later clause, nor one well before it beyond a
    comma ("The truce is the second ... after the one in the south-west, agreed by ..."), nor
    one inside a relative clause that a comma closes before the verb ("الجنوب الذي كان يحظى
    بتفاهم أمريكي روسي أردني انهار في تموز، اتفق الرئيسان ...")."""
    if head > cue.end + SPONSOR_WINDOW:
        return False
    between = text[head : cue.start]
    if cue.start - head > SPONSOR_WINDOW and "," in between:
        return False
    if _CLAUSE_MARKS.isdisjoint(between):
        return True
    before = text[max(0, head - RELATIVE_REACH) : head]
    clause = before[max(before.rfind(c) for c in _CLAUSE_MARKS) + 1 :].split()
    return set(lex.words["relative_pronouns"]).isdisjoint(clause)


#: How far before a head the relative pronoun of its clause may stand ("الذي كان يحظى بتفاهم").
RELATIVE_REACH = 32


def opened_at(text: str, cue: Match) -> int:
    """Where the clause that a verb of agreeing opens begins ("... انهار في تموز الماضي، اتفق
    الرئيسان ..."): right after the clause mark before it, when only white space or a "و" stands
    between; 0 when the verb does not open its clause ("Russia, Turkey and Iran agreed")."""
    before = text[max(0, cue.start - OPEN_REACH) : cue.start]
    marks = [i for i, c in enumerate(before) if c in _CLAUSE_MARKS]
    if not marks or before[marks[-1] + 1 :].strip(" \u0648"):
        return 0
    return cue.start - len(before) + marks[-1] + 1


#: Characters before a verb of agreeing read for the clause mark it follows.
OPEN_REACH = 6


def in_clause(text: str, cue: Match, brokers: list[tuple[int, int, str]]) -> list:
    """The brokers (start, end, party) of the clause of a verb of agreeing: none of a clause
    closed before a verb that opens its own (see ``opened_at``)."""
    opened = opened_at(text, cue)
    return [b for b in brokers if b[0] >= opened] if opened else brokers


def after_others(text: str, known: list[Item], s: int, cue: Match) -> bool:
    """Whether every agreement named in the cue's sentence stands in a clause closed before the
    cue ("بعد سقوط الجنوب الذي كان يحظى بتفاهم أمريكي روسي أردني انهار في تموز الماضي، اتفق
    الرئيسان ... في سوتشي ..."): the verb of agreeing then makes another agreement."""
    here = [i for i in known if i.sentence == s]
    return bool(here) and all(
        i.end <= cue.start and not _CLAUSE_MARKS.isdisjoint(text[i.end : cue.start]) for i in here
    )
