"""What an export shows and the facts every export shares: the view, the per-zone summary
(the same one the web map reads, so paper and screen never disagree), status words and the source
line."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from zonewatch.core.dates import iso_day
from zonewatch.core.registry import STATUS_RANK, load_registry
from zonewatch.core.view import View
from zonewatch.core.view import default_day as first_day
from zonewatch.store.dataset import Store

REGISTRY_SOURCE = "Zonewatch registry of agreements (compiled from cited public sources)"


#: What an export shows: the dashboard's view (one day and its filters; empty means all).
Selection = View


def default_day() -> date:
    """The dashboard's first date, so that a timeline without --date marks the same day."""
    return first_day(load_registry())


def zone_info(store: Store, selection: Selection) -> dict[str, dict[str, Any]]:
    """Per-zone status, agreements and evidence, exactly as the web map sees them."""
    from zonewatch.exports.zone_summary import zone_info as build

    registry = load_registry()
    family = set(registry.with_finer(selection.zones))
    zones = [z for z in registry.zones if z in family]
    return build(
        store,
        selection.day,
        agreements=list(selection.agreements) or None,
        zones=zones or None,
    )


def zones_frame(store: Store, selection: Selection):
    """Zone footprints (full precision) in the zone filter; a chosen zone keeps its finer areas."""
    from geo import layers
    from geo.boundary_store import boundaries_dir
    from zonewatch.core.viewfilter import rows_in_view

    frame = layers.zones(boundaries_dir(store.root))
    kept = rows_in_view(frame.assign(zone=frame["id"]), load_registry(), zones=selection.zones)
    return kept.drop(columns="zone")


def has_approximate_shapes(frame) -> bool:
    """Whether any zone shape in ``frame`` is an approximate footprint (an empty view counts as
    approximate), which decides whether an export carries the caveat."""
    return bool(frame["approximate"].any()) if len(frame) else True


def zone_status(info: Mapping[str, Any] | None) -> str:
    status = (info or {}).get("status", "none")
    return status if status in STATUS_RANK else "none"


def source_line(frame) -> str:
    """Where the governorates, the zone shapes and the statuses come from, for every export."""
    from geo import layers

    about = layers.web_geojson()["governorates"].get("properties") or {}
    dataset = (about.get("source") or {}).get("dataset", "governorate boundaries")
    licence = str(about.get("licence", "")).split(" (")[0].lower()
    parts = [f"governorates — {dataset}" + (f" ({licence})" if licence else "")]
    shapes = (
        sorted({a for a in frame["attribution"].dropna() if a}) if "attribution" in frame else []
    )
    parts.extend(f"zones — {a}" for a in shapes)
    parts.append(f"status — {REGISTRY_SOURCE}")
    return "Sources: " + "; ".join(parts) + "."


def agreement_span(a: Mapping[str, Any]) -> str:
    start, agreed = iso_day(a.get("start")), iso_day(a.get("agreed"))
    if a.get("status") == "agreed":
        return f"agreed {agreed}, in force from {start}" if start else f"agreed {agreed}"
    return f"in force since {start}"


def status_word(status: str) -> str:
    """A status in the words of a sentence ("in force", "agreed, not yet in force")."""
    from geo.style import status_styles

    return status_styles()[status]["label_en"].lower()
