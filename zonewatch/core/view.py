"""What an analyst looks at: one day and the agreement and zone filters.

The dashboard's sidebar edits a view and the briefing exports print one, so it lives here, apart
from Streamlit, for the command line to use without loading the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zonewatch.core.registry import Registry


@dataclass(frozen=True)
class View:
    """What the analyst is looking at; empty filters mean 'all'."""

    day: date
    agreements: tuple[str, ...] = ()
    zones: tuple[str, ...] = ()

    def describe(self, registry: Registry) -> str:
        """The filters in words, for the title of an export read away from the dashboard."""
        agreements = (
            ", ".join(registry.agreements[a].name_en for a in self.agreements)
            if self.agreements
            else "all agreements"
        )
        zones = (
            ", ".join(registry.zones[z].name_en for z in self.zones) if self.zones else "all zones"
        )
        return f"{agreements}; {zones}"


def default_day(registry: Registry) -> date:
    """The first day on which the most top-level zones are in force: a first view that shows the
    de-escalation map at its fullest rather than an empty country."""
    candidates = sorted({c.start for c in registry.coverages() if c.start is not None})
    if not candidates:
        return registry.date_bounds()[0]

    def in_force(day: date) -> int:
        status = registry.zone_status_on(day)
        return sum(status[z] == "in_force" for z in registry.top_zones)

    return max(candidates, key=lambda d: (in_force(d), -d.toordinal()))


def view_bounds(registry: Registry, corpus_range: tuple[date, date] | None) -> tuple[date, date]:
    """The span the date pickers allow: whatever the registry or the corpus speaks of."""
    low, high = registry.date_bounds()
    if corpus_range is not None:
        low, high = min(low, corpus_range[0]), max(high, corpus_range[1])
    return low, high
