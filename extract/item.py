"""A finding in normalised coordinates, between recognition and the contract's mentions."""

from __future__ import annotations

from dataclasses import dataclass

from extract.record import Record


@dataclass(slots=True, init=False)
class Item(Record):
    """An agreement, zone or party found at ``[start, end)`` of the normalised text, in
    ``sentence``; ``id`` None for an agreement the registry does not hold."""

    kind: str
    id: str | None
    start: int
    end: int
    sentence: int
    zone: str = ""
    #: how a place was chosen, where the reader should know (``Mention.note``)
    note: str = ""

    def __init__(
        self,
        kind: str,
        id: str | None,
        start: int,
        end: int,
        sentence: int,
        zone: str = "",
        note: str = "",
    ) -> None:
        self.kind = kind
        self.id = id
        self.start = start
        self.end = end
        self.sentence = sentence
        self.zone = zone
        self.note = note
