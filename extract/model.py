"""The result of reading one article, in the shape of the extraction contract
(docs/extraction-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from extract.record import Record


class Mention(NamedTuple):
    """(A tuple: an article has dozens, made and turned into dicts at C speed.)"""

    kind: str  # zone | place | agreement | party | date
    id: str | None
    text: str
    start: int
    end: int
    sentence: int
    #: how a place was chosen, where the reader should know; only in the JSON when there is one
    note: str | None = None

    def to_dict(self) -> dict:
        kind, ident, text, start, end, sentence, note = self
        found = {
            "kind": kind,
            "id": ident,
            "text": text,
            "start": start,
            "end": end,
            "sentence": sentence,
        }
        if note:
            found["note"] = note
        return found


class DateFound(NamedTuple):
    text: str
    date: str | None
    precision: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return dict(zip(_DATE_KEYS, self, strict=True))


class ControlEvent(NamedTuple):
    """A place changing hands, as one sentence reports it (``extract.control``)."""

    place: str  # gazetteer id
    zone: str | None  # top-level zone of the place, None outside the four
    event: str  # captured | retaken | entered | evacuated | settlement | declared
    to: str  # side that gained it: government | government_settlement | opposition | isil | jkw
    date: str | None  # the sentence's date nearest to the control word
    sentence: int
    evidence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "place": self.place,
            "zone": self.zone,
            "event": self.event,
            "to": self.to,
            "date": self.date,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }


_DATE_KEYS = DateFound._fields


@dataclass(slots=True, init=False)
class Link(Record):
    """A coverage link stated by one sentence: ``agreement`` (None if unknown) and ``zone``."""

    agreement: str | None
    zone: str
    relation: str
    date: str | None
    sentence: int
    evidence: str
    start: int
    end: int
    agreement_text: str | None = None

    def __init__(
        self,
        agreement: str | None,
        zone: str,
        relation: str,
        date: str | None,
        sentence: int,
        evidence: str,
        start: int,
        end: int,
        agreement_text: str | None = None,
    ) -> None:
        self.agreement = agreement
        self.zone = zone
        self.relation = relation
        self.date = date
        self.sentence = sentence
        self.evidence = evidence
        self.start = start
        self.end = end
        self.agreement_text = agreement_text

    def to_dict(self) -> dict:
        return {
            "agreement": self.agreement,
            "zone": self.zone,
            "relation": self.relation,
            "date": self.date,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Extraction:
    language: str
    published: str | None
    zones: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    coverage: list[Link] = field(default_factory=list)
    dates: list[DateFound] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    control: list[ControlEvent] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Exactly the contract JSON (docs/extraction-contract.md)."""
        return {
            "language": self.language,
            "published": self.published,
            "zones": list(self.zones),
            "agreements": list(self.agreements),
            "coverage": [c.to_dict() for c in self.coverage],
            "dates": [
                {"text": t, "date": d, "precision": p, "start": s, "end": e}
                for t, d, p, s, e in self.dates
            ],
            "mentions": [m.to_dict() for m in self.mentions],
            "control": [c.to_dict() for c in self.control],
        }
