"""What the map says about each zone on a date: the registry's status and intervals joined with
the corpus's evidence, prepared as plain dicts for ``geo.webmap.build_map`` (which knows nothing
of the store or of text processing).

The colour of a zone is the registry's status (the reference the analyst compares against, the
same as on the Timeline page); what the corpus claims beyond the registry is listed with it, and
the evidence sentences shown are the ones dated closest to the chosen day, on or before it first,
since those are what was known then.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from zonewatch.core import timeline
from zonewatch.core.dates import iso_day, parse_day
from zonewatch.core.html import shorten
from zonewatch.core.registry import Registry, load_registry
from zonewatch.store import queries
from zonewatch.store.dataset import Store

#: Evidence sentences kept per zone (the popup shows these; the count covers all of them).
TOP_EVIDENCE = 3


def _text(value: Any) -> str | None:
    """A string cell, or None for the missing values pandas uses (None, NaN)."""
    return value if isinstance(value, str) and value else None


def _agreement_rows(
    registry: Registry, coverage: list[dict[str, Any]], zone: str, agreements: set[str]
) -> list[dict[str, Any]]:
    """The registry intervals and corpus-only claims about ``zone``, registry first, by date."""
    out = []
    for row in coverage:
        if row["zone"] != zone or (agreements and row["agreement"] not in agreements):
            continue
        agreement = registry.agreements.get(_text(row["agreement"]) or "")
        out.append(
            {
                "id": agreement.id if agreement else None,
                "name_en": agreement.name_en
                if agreement
                else (
                    _text(row["agreement"])
                    or _text(row.get("agreement_text"))
                    or "unknown agreement"
                ),
                "name_ar": agreement.name_ar if agreement else "",
                "status": row["status"],
                "agreed": iso_day(row["agreed"]),
                "start": iso_day(row["start"]),
                "end": iso_day(row["end"]),
                "origin": row["origin"],
                "evidence_count": int(row["evidence_count"] or 0),
            }
        )
    out.sort(
        key=lambda a: (a["origin"] != "registry", a["agreed"] or a["start"] or "9999", a["name_en"])
    )
    return out


@dataclass(frozen=True)
class _ClaimIndex:
    """Every claim's zone, agreement, position and effective day (its own date, else the
    article's; -1 if neither) as plain arrays, in (article, position) order."""

    zone: np.ndarray
    agreement: np.ndarray
    article_id: np.ndarray
    start: np.ndarray
    day: np.ndarray


@lru_cache(maxsize=2)
def _claim_index(root: str, version: tuple[str, ...]) -> _ClaimIndex:
    """Read once per store version (``version`` is its list of committed batches, so an ingest
    makes a new index): a date change then ranks claims in memory instead of reading the store."""
    rows = (
        Store.open(root)
        .connect()
        .execute(
            """
            SELECT c.zone, c.agreement, c.article_id, c.start,
                   coalesce(date_diff('day', DATE '1970-01-01', coalesce(c.date, a.published)), -1)
            FROM claims c JOIN articles a USING (article_id)
            ORDER BY c.article_id, c.start
            """
        )
        .fetchnumpy()
    )
    zone, agreement, article, start, day = rows.values()
    return _ClaimIndex(
        zone=np.asarray(zone, dtype=object),
        agreement=np.asarray(agreement, dtype=object),
        article_id=np.asarray(article, dtype=object),
        start=np.asarray(start, dtype=np.int64),
        day=np.asarray(day, dtype=np.int64),
    )


def _closest_first(index: _ClaimIndex, day: date) -> np.ndarray:
    """Positions of the claims in popup order: dated on or before ``day`` first, nearest first,
    undated last; ties keep (article, position) order, so the choice is stable."""
    target = (day - date(1970, 1, 1)).days
    undated = index.day < 0
    after = (index.day > target) | undated
    gap = np.where(undated, np.iinfo(np.int64).max, np.abs(index.day - target))
    return np.lexsort((gap, after))


def _sentences(store: Store, articles: set[str]) -> dict[tuple[str, int], dict[str, Any]]:
    """The text and article of the claims of the few articles chosen for popups."""
    if not articles:
        return {}
    ids = sorted(articles)
    marks = ", ".join("?" * len(ids))
    rows = (
        store.connect()
        .execute(
            f"""
            SELECT c.article_id, c.start, c.evidence, c.agreement, c.date,
                   a.title, a.source, a.published, a.language
            FROM claims c JOIN articles a USING (article_id)
            WHERE c.article_id IN ({marks})
            """,
            ids,
        )
        .fetchall()
    )
    return {
        (aid, start): {
            "sentence": evidence or "",
            "title": shorten(title),
            "source": shorten(source),
            "published": iso_day(published) or "",
            "language": language or "",
            "agreement": agreement,
            "date": iso_day(when),
        }
        for aid, start, evidence, agreement, when, title, source, published, language in rows
    }


def _evidence(
    store: Store, registry: Registry, day: date, agreements: set[str], limit: int
) -> tuple[dict[str, int], dict[str, list[dict[str, Any]]]]:
    """Per zone, the number of claims about it (or its finer areas) and the ``limit`` distinct
    sentences dated closest to ``day``, on or before it first: what was known then."""
    index = _claim_index(str(store.root), tuple(store.committed_batches()))
    order = _closest_first(index, day)
    chosen = np.isin(index.agreement, sorted(agreements)) if agreements else None
    counts: dict[str, int] = {}
    pools: dict[str, list[tuple[str, int]]] = {}
    for zone in registry.zones:
        about = np.isin(index.zone, sorted(registry.with_finer([zone])))
        if chosen is not None:
            about &= chosen
        counts[zone] = int(about.sum())
        picked = order[about[order]][: 4 * limit]  # room for repeated sentences
        pools[zone] = list(zip(index.article_id[picked], index.start[picked].tolist(), strict=True))
    texts = _sentences(store, {aid for pool in pools.values() for aid, _ in pool})
    top: dict[str, list[dict[str, Any]]] = {}
    for zone, pool in pools.items():
        kept: list[dict[str, Any]] = []
        for key in pool:
            item = texts.get(key)
            if item and len(kept) < limit and all(k["sentence"] != item["sentence"] for k in kept):
                kept.append(item)
        top[zone] = kept
    return counts, top


def web_geometry(store: Store) -> dict[str, Any]:
    """The map's simplified governorates and zones, refined by any boundary layer imported into
    this store's data folder (``zonewatch boundaries import`` keeps them in ``<data>/boundaries``)."""
    from geo import layers
    from geo.boundary_store import boundaries_dir

    return layers.web_geojson(boundaries_dir(store.root))


def _approximate_zones(store: Store) -> dict[str, bool]:
    """Which footprints are approximate, as the geometry says (unknown: approximate)."""
    return {
        str(f["properties"].get("id")): bool(f["properties"].get("approximate", True))
        for f in web_geometry(store)["zones"]["features"]
    }


def zone_info(
    store: Store,
    day: date | str,
    agreements: Iterable[str] | None = None,
    zones: Iterable[str] | None = None,
) -> dict[str, dict[str, Any]]:
    """Per zone (all registry zones, or those in ``zones``): ``status`` on ``day`` under the
    chosen ``agreements`` (all if empty), the agreement rows with their dates (registry rows and
    corpus-only claims), ``evidence_count`` (claims about the zone or its finer areas) and the
    ``evidence`` sentences for the popup, ``approximate`` and the bilingual names."""
    registry = load_registry()
    when = parse_day(day)
    wanted = [z for z in (zones or ()) if z in registry.zones] or list(registry.zones)
    chosen = set(agreements or ())
    status = timeline.status_table(registry, when, wanted, chosen).set_index("zone")["status"]
    coverage = queries.coverage_at(store, when).to_dict("records")
    counts, top = _evidence(store, registry, when, chosen, TOP_EVIDENCE)
    approximate = _approximate_zones(store)
    info: dict[str, dict[str, Any]] = {}
    for zone in wanted:
        info[zone] = {
            "status": status.get(zone, "none"),
            "name_en": registry.zones[zone].name_en,
            "name_ar": registry.zones[zone].name_ar,
            "agreements": _agreement_rows(registry, coverage, zone, chosen),
            "evidence_count": counts.get(zone, 0),
            "evidence": top.get(zone, []),
            "approximate": approximate.get(zone, True),
        }
    return info


def status_table(info: dict[str, dict[str, Any]]) -> pd.DataFrame:
    """The zone table beside the map, one row per zone in registry order; ``status`` keeps the
    id (in_force, agreed, ended, none) so that a reader or a test can rely on it."""
    rows = [
        {
            "zone": zone,
            "status": entry["status"],
            "Zone": entry["name_en"],
            "Status": status_label(entry["status"]),
            "Evidence": entry["evidence_count"],
            "Agreements in force or agreed": ", ".join(
                a["name_en"] for a in entry["agreements"] if a["status"] in ("in_force", "agreed")
            ),
            "المنطقة": entry["name_ar"],
        }
        for zone, entry in info.items()
    ]
    return pd.DataFrame(rows, columns=STATUS_TABLE_COLUMNS)


STATUS_TABLE_COLUMNS = [
    "zone",
    "status",
    "Zone",
    "Status",
    "Evidence",
    "Agreements in force or agreed",
    "المنطقة",
]


def status_label(status: str) -> str:
    from geo.style import status_styles

    style = status_styles().get(status)
    return style["label_en"] if style else status
