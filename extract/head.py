"""One generic agreement head ("the deal", "الاتفاق") and what its sentence says with it."""

from __future__ import annotations

from dataclasses import dataclass

from extract.dates import DateMention
from extract.item import Item
from extract.recognise import Match
from extract.record import Record


@dataclass(slots=True, init=False)
class Head(Record):
    """One generic head and what its sentence says with it."""

    match: Match
    sentence: int
    #: where the phrase ends (after party adjectives that follow the head)
    end: int
    parties: frozenset[str]
    zone: Item | None
    near_dates: list[DateMention]
    #: the agreement's own date, said with the head ("the memorandum of 22 October 2019")
    identity: DateMention | None
    #: a date found after an onset cue rather than next to the head (not part of its phrase)
    onset: bool
    #: brokers named around a sponsor cue ("The deal, brokered by Egypt, ...")
    sponsors: frozenset[str]
    #: demanded by the Security Council, or declared by one side: no registry agreement
    outside: bool
    anaphor: bool
    venue: tuple[str, ...] | None
    national: bool
    #: the zone is the head's topic ("اتفاقيات حول آلية عمل منطقة ... في الغوطة الشرقية")
    topic: bool = False

    def __init__(
        self,
        match: Match,
        sentence: int,
        end: int,
        parties: frozenset[str],
        zone: Item | None,
        near_dates: list[DateMention],
        identity: DateMention | None,
        onset: bool,
        sponsors: frozenset[str],
        outside: bool,
        anaphor: bool,
        venue: tuple[str, ...] | None,
        national: bool,
        topic: bool = False,
    ) -> None:
        self.match = match
        self.sentence = sentence
        self.end = end
        self.parties = parties
        self.zone = zone
        self.near_dates = near_dates
        self.identity = identity
        self.onset = onset
        self.sponsors = sponsors
        self.outside = outside
        self.anaphor = anaphor
        self.venue = venue
        self.national = national
        self.topic = topic

    @property
    def case(self) -> str:
        """The kind of evidence that decides the head (the venue case is tried first)."""
        if self.parties or self.zone:
            return "described"
        if self.anaphor:
            return "anaphor"
        return "dated" if self.near_dates else "bare"

    def item(self, ident: str | None, end: int | None = None) -> Item:
        m = self.match
        return Item("agreement", ident, m.start, self.end if end is None else end, self.sentence)
