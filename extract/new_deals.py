"""New deals the registry lacks, reported by a verb of agreeing on a day that fits none of its
brokers' agreements ("Russia and Turkey agreed on Tuesday ..."): the story's own agreement,
which later heads of the same brokers refer to (``head_checks.story_deal``)."""

from __future__ import annotations

from extract.dates import DAY
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.windows import after_deadline

#: The note of an agreement a verb of agreeing reports on a day no registry agreement of its
#: brokers fits; the brokers' ids follow it (``head_checks.story_deal`` reads them).
NEW_DEAL_NOTE = "agreed on a day that fits no registry agreement, by: "


def new_deal(
    cue: Match, said: frozenset[str], s: int, days, text: str, lex: Lexicon, out: list
) -> bool:
    """Whether the brokers' verb of agreeing, in a sentence that states its own day, reports a
    deal the registry lacks (the 2019 Sochi memorandum on the north-east, the January 2020
    Idlib truce): an unknown agreement, noted with its brokers, is added to ``out``."""
    if not any(d.precision == DAY and not after_deadline(text, d, lex) for d in days):
        return False
    note = NEW_DEAL_NOTE + ", ".join(sorted(said))
    out.append(Item("agreement", None, cue.start, cue.end, s, "", note))
    return True
