"""The reference registry: what the public record says each agreement covered, and when.

The registry is the analyst's baseline against which the corpus is compared, so it is loaded
from the cited JSON in ``assets/registry`` and never edited by code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Literal

from assets.registry import AgreementRecord, CoverageRow, Zone, read_registry

__all__ = [
    "STATUS_RANK",
    "AgreementRecord",
    "CoverageRow",
    "Registry",
    "Status",
    "Zone",
    "coverage_status",
    "load_registry",
    "strongest",
]

Status = Literal["in_force", "agreed", "ended", "none"]
#: Order used when several agreements cover one zone: the strongest status wins.
STATUS_RANK: dict[str, int] = {"in_force": 3, "agreed": 2, "ended": 1, "none": 0}


def strongest(statuses: Iterable[Status]) -> Status:
    """The one rule for a zone under several agreements: the strongest status wins ("none" when
    no agreement speaks of it)."""
    return max(statuses, key=STATUS_RANK.__getitem__, default="none")


def coverage_status(cov: CoverageRow, day: date) -> Status:
    """Status of one interval on ``day``: before agreement 'none', then 'agreed' until it takes
    effect, 'in_force' until its end (inclusive), 'ended' after."""
    first = cov.agreed or cov.start
    if first is None or day < first:
        return "none"
    if cov.start is None or day < cov.start:
        return "agreed"
    if cov.end is None or day <= cov.end:
        return "in_force"
    return "ended"


@dataclass(frozen=True)
class Registry:
    agreements: dict[str, AgreementRecord]
    zones: dict[str, Zone]
    parties: dict[str, dict[str, str]] = field(default_factory=dict)

    @property
    def top_zones(self) -> list[str]:
        """The four zones of the memorandum, in registry order."""
        return [z.id for z in self.zones.values() if z.parent is None]

    def coverages(self) -> list[CoverageRow]:
        return [c for a in self.agreements.values() for c in a.coverage]

    def with_finer(self, zones: Iterable[str]) -> list[str]:
        """The given zones, then their finer areas: evidence about the M4 corridor is evidence
        about Idlib, and choosing Idlib keeps the Sochi band and the corridor in view."""
        chosen = list(dict.fromkeys(zones))
        return chosen + [
            z.id for z in self.zones.values() if z.parent in chosen and z.id not in chosen
        ]

    def coverage_on(self, day: date) -> list[tuple[CoverageRow, Status]]:
        """Every registry interval with its status on ``day`` (including 'none' and 'ended')."""
        return [(c, coverage_status(c, day)) for c in self.coverages()]

    def zone_status_on(self, day: date) -> dict[str, Status]:
        """The strongest status of any agreement for each zone on ``day``."""
        by_zone: dict[str, list[Status]] = {z: [] for z in self.zones}
        for cov, status in self.coverage_on(day):
            by_zone[cov.zone].append(status)
        return {zone: strongest(statuses) for zone, statuses in by_zone.items()}

    def date_bounds(self) -> tuple[date, date]:
        """First and last date the registry speaks of, for bounding date pickers."""
        days = [
            d
            for a in self.agreements.values()
            for d in (a.signed, a.effective, a.ended, *[c.end for c in a.coverage])
            if d is not None
        ]
        return min(days), max(days)


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of ``assets/registry``, once per process."""
    data = read_registry()
    return Registry(
        agreements={a.id: a for a in data.agreements}, zones=dict(data.zones), parties=data.parties
    )
