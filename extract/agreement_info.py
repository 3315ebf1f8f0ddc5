"""What the extractor knows of each registry agreement: a frozen record made once per lexicon
from ``assets/registry`` (parties, top-level zones, the days on record, where and when it ended)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from assets.registry import AgreementRecord
from extract.record import Record


@dataclass(frozen=True)
class AgreementInfo(Record):
    id: str
    kind: str
    parties: frozenset[str]
    zones: frozenset[str]
    round: int | None
    days: tuple[date, ...]
    #: the day it was signed (None: not on record); days are counted from it ("two days after
    #: the signing")
    signed: date | None = None
    #: when it ended in each top-level zone it covered (None: no end on record)
    ends: tuple[tuple[str, date | None], ...] = ()
    scope: str = ""  # "nationwide" for an all-Syria ceasefire

    def ended_in(self, zone: str) -> date | None:
        return next((end for z, end in self.ends if z == zone), None)


def _ends(
    record: AgreementRecord, zone_parent: dict[str, str]
) -> tuple[tuple[str, date | None], ...]:
    """Per top-level zone, the last day the agreement covered it (None: no end known)."""
    ends: dict[str, date | None] = {}
    for c in record.coverage:
        top = zone_parent.get(c.zone, c.zone)
        known = ends.get(top)
        if top not in ends or (known is not None and (c.end is None or c.end > known)):
            ends[top] = c.end
    return tuple(sorted(ends.items()))


def _days(record: AgreementRecord) -> tuple[date, ...]:
    return tuple(sorted({d for d in (record.signed, record.effective, *record.held) if d}))


def agreement_info(record: AgreementRecord, zone_parent: dict[str, str]) -> AgreementInfo:
    """What the reader needs of a registry agreement: its parties, top-level zones, known days
    and, per zone, when it ended."""
    return AgreementInfo(
        id=record.id,
        kind=record.kind,
        parties=frozenset(record.parties),
        zones=frozenset(zone_parent.get(c.zone, c.zone) for c in record.coverage),
        round=record.round,
        days=_days(record),
        signed=record.signed,
        ends=_ends(record, zone_parent),
        scope=record.scope,
    )
