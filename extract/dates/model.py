"""What a date mention is, and the one tolerance within which two days are the same event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple

from extract.record import Record

DAY, MONTH, YEAR = "day", "month", "year"

#: How far a date the text states may lie from a registry date (a signing, a round, a truce
#: taking effect) and still be that event's date: reports a day late, two-day rounds, time
#: zones. The one such tolerance of the extractor (dates, agreement resolution, rounds).
DATE_TOLERANCE = timedelta(days=2)


@dataclass(slots=True, init=False)
class DateMention(Record):
    """A date expression of the normalised text; ``value`` is None where the text does not say
    which day (a relative date in an undated text), ``precision`` is what the phrase names."""

    start: int
    end: int
    value: date | None
    precision: str

    def __init__(self, start: int, end: int, value: date | None, precision: str) -> None:
        self.start = start
        self.end = end
        self.value = value
        self.precision = precision

    @property
    def iso(self) -> str | None:
        if self.value is None:
            return None
        if self.precision == DAY:
            return _iso(self.value)
        if self.precision == MONTH:
            return _iso(self.value)[:7]
        return str(self.value.year)


@lru_cache(maxsize=4096)
def _iso(day: date) -> str:
    """``day.isoformat()``, remembered: it formats through printf (~250 ns), and an article
    asks for the same few days again and again (its dates, then each link's date)."""
    return day.isoformat()


class AgreementHint(NamedTuple):
    """A registry agreement that a stretch of text (usually one sentence) names: a date in that
    stretch without a year may take the year of the agreement's known dates."""

    start: int
    end: int
    agreement: str
    #: only the venue says it ("truces negotiated in Cairo"): a year, never a signing day
    by_venue: bool = False
