"""One article record in, its store rows out: the work every ingest engine runs, unchanged.

These are plain module-level functions of picklable values so that local worker processes and
Dask workers import and call exactly the same code; the engine only decides where it runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyarrow as pa

from extract import extract_article
from zonewatch.core.dates import parse_published
from zonewatch.ingest.readers import Record, record_name
from zonewatch.store.dataset import (
    ARTICLES_SCHEMA,
    CLAIMS_SCHEMA,
    CONTROL_SCHEMA,
    MENTIONS_SCHEMA,
    Batch,
    article_id,
)

_PRECISION = {10: "day", 7: "month", 4: "year"}


@dataclass
class ArticleRows:
    """The rows one article contributes to the three tables."""

    article: dict[str, Any]
    mentions: list[dict[str, Any]]
    claims: list[dict[str, Any]]
    control: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ChunkRows:
    """Rows of a chunk of articles as Arrow tables (cheap to pickle), plus what failed."""

    batch: Batch
    failed: list[tuple[str, str]] = field(default_factory=list)


def partial_date(value: str | None) -> tuple[date | None, str | None]:
    """('2017-05-04' | '2017-05' | '2017') -> (first day of that period, precision)."""
    if not value:
        return None, None
    precision = _PRECISION.get(len(value))
    if precision is None:
        return None, None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return date(parts[0], parts[1], parts[2]), precision
    except ValueError:
        return None, None


def _gazetteer(record: Record):
    """The imported gazetteer of the data folder the record is ingested into (``gazetteer``:
    set by the ingest when that folder has one; built once per worker process)."""
    folder = record.get("gazetteer")
    if not folder:
        return None
    from zonewatch.core.gazetteer import place_index

    return place_index(folder)


def article_rows(record: Record) -> ArticleRows:
    """Extract one record and lay the result out as article, mention and claim rows."""
    text = record["text"]
    aid = record.get("article_id") or article_id(text)
    published = parse_published(record.get("published"))
    found = extract_article(
        text, published, record.get("language") or "auto", gazetteer=_gazetteer(record)
    ).to_dict()
    article = {
        "article_id": aid,
        "title": record.get("title"),
        "url": record.get("url"),
        "source": record.get("source"),
        "published": published,
        "language": record.get("language") or found.get("language"),
        "text": text,
        "path": record.get("path"),
        "zones": list(found.get("zones") or []),
        "agreements": list(found.get("agreements") or []),
        "ingested_at": None,
        "schema_version": None,
    }
    mentions = [
        {
            "article_id": aid,
            "kind": m.get("kind"),
            "id": None if m.get("id") is None else str(m.get("id")),
            "text": m.get("text"),
            "start": m.get("start"),
            "end": m.get("end"),
            "sentence": m.get("sentence"),
        }
        for m in found.get("mentions") or []
    ]
    unknown = _unknown_agreement_texts(found.get("mentions") or [])
    claims = []
    for c in found.get("coverage") or []:
        agreement = c.get("agreement")
        claims.append(
            {
                "article_id": aid,
                "agreement": agreement,
                "agreement_text": c.get("agreement_text")
                or c.get("text")
                or (unknown.get(c.get("sentence")) if agreement is None else None),
                "zone": c.get("zone"),
                "relation": c.get("relation"),
                **_dated_evidence(c),
            }
        )
    return ArticleRows(article, mentions, claims, control_rows(aid, found.get("control") or []))


def control_rows(aid: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The article's control events as rows of the ``control`` table."""
    return [
        {
            "article_id": aid,
            "place": c.get("place"),
            "zone": c.get("zone"),
            "event": c.get("event"),
            "to_side": c.get("to"),
            **_dated_evidence(c),
        }
        for c in events
    ]


def _dated_evidence(finding: dict[str, Any]) -> dict[str, Any]:
    """The date (with its precision) and the evidence sentence that every claim row carries."""
    day, precision = partial_date(finding.get("date"))
    return {
        "date": day,
        "date_precision": precision,
        "sentence": finding.get("sentence"),
        "evidence": finding.get("evidence"),
        "start": finding.get("start"),
        "end": finding.get("end"),
    }


def _unknown_agreement_texts(mentions: list[dict[str, Any]]) -> dict[int, str]:
    """Sentence -> surface text of the first agreement mention there that the registry lacks."""
    found: dict[int, str] = {}
    for m in mentions:
        if m.get("kind") == "agreement" and m.get("id") is None:
            found.setdefault(m.get("sentence"), m.get("text"))
    return found


def chunk_rows(records: list[Record]) -> ChunkRows:
    """Rows of a chunk of records; an article whose extraction fails is reported, not fatal."""
    articles, mentions, claims, control, failed = [], [], [], [], []
    for record in records:
        try:
            rows = article_rows(record)
        except Exception as exc:  # noqa: BLE001 - one bad article must not sink its chunk
            failed.append((record_name(record), f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        articles.append(rows.article)
        mentions.extend(rows.mentions)
        claims.extend(rows.claims)
        control.extend(rows.control)
    batch = Batch(
        articles=pa.Table.from_pylist(articles, schema=ARTICLES_SCHEMA),
        mentions=pa.Table.from_pylist(mentions, schema=MENTIONS_SCHEMA),
        claims=pa.Table.from_pylist(claims, schema=CLAIMS_SCHEMA),
        control=pa.Table.from_pylist(control, schema=CONTROL_SCHEMA),
    )
    return ChunkRows(batch, failed)
