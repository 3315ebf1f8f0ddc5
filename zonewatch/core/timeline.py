"""The coverage timeline: registry intervals next to what the corpus says, and where they differ.

The registry is a reference, not the truth: an analyst trusts it more when the corpus agrees and
looks closer where it does not. So the corpus claims are laid on the same rows as the registry's
(agreement, zone) intervals, and every claim that dates a link outside its interval, or speaks
of a link the registry lacks, is listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from zonewatch.core.dates import days_meant
from zonewatch.core.registry import Registry, strongest

#: Status segments of a registry interval, in drawing order.
SEGMENTS = ("agreed", "in_force", "ended")
UNKNOWN_AGREEMENT = "(not in registry)"
#: Surface text of an unknown agreement kept in its row label; the full text is in the tables.
UNKNOWN_TEXT_CHARS = 40

INTERVAL_COLUMNS = [
    "agreement",
    "zone",
    "relation",
    "status",
    "start",
    "end",
    "agreement_name",
    "zone_name",
    "row",
    "order",
]
POINT_COLUMNS = [
    "agreement",
    "agreement_text",
    "zone",
    "relation",
    "date",
    "precision",
    "dated_by",
    "published",
    "article_id",
    "title",
    "source",
    "language",
    "evidence",
    "agreement_name",
    "zone_name",
    "row",
    "order",
]
DISAGREEMENT_COLUMNS = [
    "issue",
    "agreement",
    "agreement_text",
    "zone",
    "relation",
    "claim_date",
    "registry_interval",
    "title",
    "published",
    "evidence",
    "article_id",
]


#: Separates the zone from the agreement in a row label; the chart breaks the label there.
ROW_SEPARATOR = " · "


def row_label(zone_name: str, agreement_name: str) -> str:
    """One row of the timeline: a zone under one agreement, zone first so rows group by place."""
    return f"{zone_name}{ROW_SEPARATOR}{agreement_name}"


def _zone_rank(registry: Registry, zone: str) -> int:
    order = list(registry.zones)
    return order.index(zone) if zone in order else len(order)


def _agreement_name(registry: Registry, agreement: str | None, text: str | None = None) -> str:
    if agreement in registry.agreements:
        return registry.agreements[agreement].name_en
    if not text:
        return UNKNOWN_AGREEMENT
    short = text if len(text) <= UNKNOWN_TEXT_CHARS else text[: UNKNOWN_TEXT_CHARS - 1] + "…"
    return f"{short} {UNKNOWN_AGREEMENT}"


def _row_agreement(registry: Registry, agreement: str | None, text: str | None = None) -> str:
    """The agreement's name as a row label shows it: a registry name without its parenthesised
    date or venue (the bar says when), so that the label fits beside the chart."""
    if agreement in registry.agreements:
        return registry.agreements[agreement].name_en.split(" (", 1)[0]
    return _agreement_name(registry, agreement, text)


def _zone_name(registry: Registry, zone: str | None) -> str:
    return registry.zones[zone].name_en if zone in registry.zones else str(zone or "?")


def _ts(day: date | None) -> pd.Timestamp:
    return pd.Timestamp(day) if day is not None else pd.NaT


def registry_intervals(registry: Registry) -> pd.DataFrame:
    """One row per status segment of each registry interval: 'agreed' from agreement to entry
    into force, 'in_force' until the end, 'ended' from the end onwards. Open ends are NaT so that
    the chart, not the data, decides how far 'still in force' is drawn."""
    rows = []
    for cov in registry.coverages():
        agreed, start, end = cov.agreed, cov.start, cov.end
        segments = []
        if agreed is not None and (start is None or agreed < start):
            segments.append(("agreed", agreed, start))
        if start is not None:
            segments.append(("in_force", start, end))
        if end is not None:
            segments.append(("ended", end, None))
        zone_name = _zone_name(registry, cov.zone)
        agreement_name = _agreement_name(registry, cov.agreement)
        first = agreed or start
        for status, seg_start, seg_end in segments:
            rows.append(
                {
                    "agreement": cov.agreement,
                    "zone": cov.zone,
                    "relation": cov.relation,
                    "status": status,
                    "start": _ts(seg_start),
                    "end": _ts(seg_end),
                    "agreement_name": agreement_name,
                    "zone_name": zone_name,
                    "row": row_label(zone_name, _row_agreement(registry, cov.agreement)),
                    "order": (_zone_rank(registry, cov.zone), first.toordinal() if first else 0),
                }
            )
    frame = pd.DataFrame(rows, columns=INTERVAL_COLUMNS)
    return frame.astype({"start": "datetime64[ns]", "end": "datetime64[ns]"})


def _precision(value: object, stated: object) -> str:
    if isinstance(stated, str) and stated:
        return stated
    text = str(value)
    return {4: "year", 7: "month"}.get(len(text), "day")


def points_from_claims(claims: pd.DataFrame, registry: Registry) -> pd.DataFrame:
    """Turn claims (the store's evidence rows) into timeline points. A claim is placed at the
    date it states; one that states none sits at its article's publication date, marked so."""
    if claims.empty:
        return pd.DataFrame(columns=POINT_COLUMNS)
    frame = claims.copy()
    for column in ("agreement_text", "date_precision", "source", "language", "title"):
        if column not in frame:
            frame[column] = None
    frame["precision"] = [
        _precision(v, p) if pd.notna(v) else None
        for v, p in zip(frame["date"], frame["date_precision"], strict=True)
    ]
    stated = pd.to_datetime(frame["date"].astype("string"), errors="coerce", format="mixed")
    published = pd.to_datetime(frame["published"], errors="coerce")
    frame["dated_by"] = ["claim" if pd.notna(d) else "publication" for d in stated]
    frame["date"] = stated.fillna(published)
    frame["published"] = published
    frame["agreement"] = [a if isinstance(a, str) and a else None for a in frame["agreement"]]
    frame["agreement_name"] = [
        _agreement_name(registry, a, t)
        for a, t in zip(frame["agreement"], frame["agreement_text"], strict=True)
    ]
    frame["zone_name"] = [_zone_name(registry, z) for z in frame["zone"]]
    frame["row"] = [
        row_label(z, _row_agreement(registry, a, t))
        for z, a, t in zip(
            frame["zone_name"], frame["agreement"], frame["agreement_text"], strict=True
        )
    ]
    firsts = {
        (c.agreement, c.zone): (c.agreed or c.start).toordinal()
        for c in registry.coverages()
        if c.agreed or c.start
    }
    frame["order"] = [
        (_zone_rank(registry, z), firsts.get((a, z), date.max.toordinal()))
        for a, z in zip(frame["agreement"], frame["zone"], strict=True)
    ]
    return frame[POINT_COLUMNS].reset_index(drop=True)


def _window(day: pd.Timestamp, precision: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The days a date of the given precision may mean (a month-precision '2018-07' is July)."""
    first, last = days_meant(day.date(), precision)
    return pd.Timestamp(first), pd.Timestamp(last)


def _interval_text(cov) -> str:
    first = cov.agreed or cov.start
    return f"{first.isoformat() if first else '?'} – {cov.end.isoformat() if cov.end else 'open'}"


def find_disagreements(points: pd.DataFrame, registry: Registry) -> pd.DataFrame:
    """Claims the registry contradicts or lacks: a link it does not record (finer areas count
    under their parent), a zone it says is covered that the text says is excluded, an end the
    registry does not have or dates differently, or a date before the agreement or after the
    zone's end. Only dates the text states are compared; publication dates prove nothing."""
    links = {(c.agreement, c.zone): c for c in registry.coverages()}
    parents = {z: registry.zones[z].parent for z in registry.zones}
    rows = []
    for claim in points.itertuples(index=False):
        cov = links.get((claim.agreement, claim.zone)) or links.get(
            (claim.agreement, parents.get(claim.zone))
        )
        issue = _issue(claim, cov)
        if issue is None:
            continue
        rows.append(
            {
                "issue": issue,
                "agreement": claim.agreement,
                "agreement_text": claim.agreement_text,
                "zone": claim.zone,
                "relation": claim.relation,
                "claim_date": claim.date.date().isoformat() if claim.dated_by == "claim" else "",
                "registry_interval": _interval_text(cov) if cov else "",
                "title": claim.title,
                "published": claim.published,
                "evidence": claim.evidence,
                "article_id": claim.article_id,
            }
        )
    return pd.DataFrame(rows, columns=DISAGREEMENT_COLUMNS)


def _issue(claim, cov) -> str | None:
    excluded = claim.relation == "excludes"
    if not isinstance(claim.agreement, str):
        return "agreement not in the registry"
    if cov is None:
        return None if excluded else "link not in the registry"
    if excluded:
        return "text excludes a zone the registry covers"
    if claim.dated_by != "claim":
        return None
    low, high = _window(claim.date, claim.precision)
    if claim.relation == "ends":
        if cov.end is None:
            return "text dates an end the registry lacks"
        end_low, end_high = _window(pd.Timestamp(cov.end), cov.end_precision)
        if high < end_low or low > end_high:
            return "end dated differently from the registry"
        return None
    first = cov.agreed or cov.start
    if first is not None and high < pd.Timestamp(first):
        return "dated before the registry interval"
    if cov.end is not None:
        _, end_high = _window(pd.Timestamp(cov.end), cov.end_precision)
        if low > end_high:
            return "dated after the registry interval ended"
    return None


def status_table(
    registry: Registry, day: date, zones: Iterable[str] = (), agreements: Iterable[str] = ()
) -> pd.DataFrame:
    """Each zone's status on ``day`` with the agreements behind it: the one-glance answer to
    'what covered this zone then?'."""
    zones = list(zones) or list(registry.zones)
    agreements = set(agreements)
    by_zone: dict[str, list[tuple[str, str]]] = {z: [] for z in zones}
    for cov, status in registry.coverage_on(day):
        if (
            cov.zone in by_zone
            and status != "none"
            and (not agreements or cov.agreement in agreements)
        ):
            by_zone[cov.zone].append((status, registry.agreements[cov.agreement].name_en))
    rows = []
    for zone, entries in by_zone.items():
        best = strongest(s for s, _ in entries)
        rows.append(
            {
                "zone": zone,
                "name": registry.zones[zone].name_en,
                "name_ar": registry.zones[zone].name_ar,
                "status": best,
                "agreements": "; ".join(f"{name} ({s.replace('_', ' ')})" for s, name in entries),
            }
        )
    return pd.DataFrame(rows, columns=["zone", "name", "name_ar", "status", "agreements"])
