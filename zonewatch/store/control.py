"""Control changes of a zone over a period: the registry's rows, with the corpus events beside them.

The registry (``assets/control/changes.csv``, read by ``geo.control``) is the source of truth; the
corpus events are what ingested articles say (the store's ``control`` table, from
``extract.control``). Each corpus event goes beside the registry rows about the same place (the
same gazetteer id, or for a row without one the same name: ``control_names``) within a week of
its date (an event dated to a month may be any day of it), so an analyst sees who else reported
the change and in which sentence; corpus events that match no registry row are listed apart, since they are either
changes the registry lacks or misreadings worth a look.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from geo import control as registry
from zonewatch.core.dates import days_meant
from zonewatch.store.control_names import PlaceNames, same_place
from zonewatch.store.dataset import Store

#: A corpus event is "beside" a registry row when it is about the same place this close in time.
NEAR = timedelta(days=7)
_CORPUS_SQL = """
SELECT c.article_id, a.title, a.source, a.url, a.published, a.language,
       c.place, c.zone, c.event, c.to_side, c.date, c.date_precision, c.evidence, c.start, c."end"
FROM control c JOIN articles a USING (article_id)
WHERE (? IS NULL OR c.zone = ?)
  AND (? IS NULL OR coalesce(c.date, a.published) >= ?)
  AND (? IS NULL OR coalesce(c.date, a.published) <= ?)
ORDER BY coalesce(c.date, a.published), c.article_id, c.start
"""


def corpus_events(
    store: Store, zone: str | None, start: date | None, end: date | None
) -> list[dict[str, Any]]:
    """The store's control events (undated ones at their article's publication date)."""
    rows = store.connect().execute(_CORPUS_SQL, [zone, zone, start, start, end, end]).fetchall()
    keys = [
        "article_id",
        "title",
        "source",
        "url",
        "published",
        "language",
        "place",
        "zone",
        "event",
        "to",
        "date",
        "date_precision",
        "evidence",
        "start",
        "end",
    ]
    out = []
    for row in rows:
        item = dict(zip(keys, row, strict=True))
        for k in ("published", "date"):
            item[k] = item[k].isoformat() if item[k] else None
        out.append(item)
    return out


def control_report(
    store: Store, zone: str | None = None, start: date | None = None, end: date | None = None
) -> dict[str, Any]:
    """Registry rows in date order, each with its corpus events, and the unmatched corpus events."""
    if start and end and start > end:
        raise ValueError(f"--start {start} is after --end {end}")
    rows = registry.between(start, end, zone)
    wide_start = start - NEAR if start else None
    wide_end = end + NEAR if end else None
    corpus = corpus_events(store, zone, wide_start, wide_end)
    names = PlaceNames.for_data(store.root) if corpus else PlaceNames()
    ordered = sorted(rows, key=lambda c: (c.day, c.id))
    beside: list[list[dict[str, Any]]] = [[] for _ in ordered]
    used: set[int] = set()
    for i, event in enumerate(corpus):
        for k in _rows_beside(event, ordered, names):
            beside[k].append(event)
            used.add(i)
    out_rows = [_registry_row(change, b) for change, b in zip(ordered, beside, strict=True)]
    unmatched = [e for i, e in enumerate(corpus) if i not in used and _inside(e, start, end)]
    return {
        "zone": zone,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "registry": out_rows,
        "corpus_only": unmatched,
    }


def _rows_beside(
    event: dict[str, Any], rows: list[registry.ControlChange], names: PlaceNames
) -> list[int]:
    """The rows (indices) an event goes beside: those of its place within ``NEAR`` of its date.
    An event dated to a month may be any day of it; one dated to a year only is too loose."""
    days = _event_days(event)
    if days is None:
        return []
    lo, hi = days
    out = []
    for k, change in enumerate(rows):
        gap = (
            timedelta(0)
            if lo <= change.day <= hi
            else min(abs(change.day - lo), abs(change.day - hi))
        )
        if gap <= NEAR and same_place(change, event, names):
            out.append(k)
    return out


def _event_days(event: dict[str, Any]) -> tuple[date, date] | None:
    """First and last day the event may have happened on (its publication day if undated)."""
    if event["date"] is None:
        day = date.fromisoformat(event["published"]) if event["published"] else None
        return (day, day) if day else None
    precision = event.get("date_precision") or "day"
    if precision == "year":
        return None  # too loose to put beside a dated change
    return days_meant(date.fromisoformat(event["date"]), precision)


def _inside(event: dict[str, Any], start: date | None, end: date | None) -> bool:
    day = event["date"] or event["published"]
    if day is None:
        return start is None and end is None
    return (start is None or day >= start.isoformat()) and (end is None or day <= end.isoformat())


def _registry_row(change: registry.ControlChange, beside: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": change.id,
        "date": change.date,
        "precision": change.precision,
        "zone": change.zone,
        "place": change.place,
        "gazetteer_id": change.gazetteer_id or None,
        "place_en": change.place_en,
        "place_ar": change.place_ar,
        "from": change.from_side,
        "to": change.to_side,
        "kind": change.kind,
        "alt_dates": [{"date": a.date, "who": a.who} for a in change.alt_dates],
        "sources": list(change.sources),
        "corpus": beside,
    }
