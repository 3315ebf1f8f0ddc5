"""The result of reading one article, in the shape of the extraction contract (DESIGN.md)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    kind: str  # zone | place | agreement | party | date
    id: str | None
    text: str
    start: int
    end: int
    sentence: int

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "sentence": self.sentence,
        }


@dataclass(slots=True)
class DateFound:
    text: str
    date: str | None
    precision: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "date": self.date,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class Link:
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

    def to_dict(self) -> dict:
        """Exactly the contract JSON of DESIGN.md."""
        return {
            "language": self.language,
            "published": self.published,
            "zones": list(self.zones),
            "agreements": list(self.agreements),
            "coverage": [c.to_dict() for c in self.coverage],
            "dates": [d.to_dict() for d in self.dates],
            "mentions": [m.to_dict() for m in self.mentions],
        }
