"""Ingest: read inputs, drop what the store already holds, extract the rest, commit in batches.

Deduplication happens here, in the one process that reads, before any work is handed out: so the
store is the same whichever engine ran and however many workers it had, and a rerun after a crash
only extracts what was not committed. The first copy of an article (in input order) is the one kept.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa

from zonewatch.core.dates import parse_day
from zonewatch.ingest.encodings import Unreadable
from zonewatch.ingest.engines import run_chunks
from zonewatch.ingest.readers import (
    Record,
    Skipped,
    read_inputs,
    record_from_mapping,
)
from zonewatch.ingest.rows import ChunkRows
from zonewatch.store.dataset import CONTROL_SCHEMA, Batch, Store, StoreWriter, article_id

#: Articles per committed batch (one part file per table): large parts keep queries fast, and a
#: killed run loses at most one batch of work.
BATCH_ARTICLES = 10_000
#: Text bytes per batch, so that batches of long articles stay small in memory too.
BATCH_TEXT_BYTES = 64_000_000
#: Articles per unit of work sent to a worker.
CHUNK_ARTICLES = 100
CHUNK_CHARS = 2_000_000


@dataclass
class IngestReport:
    """What an ingest did: records read, new articles, duplicates, and what was skipped and why."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    batches: int = 0

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "new": self.new,
            "duplicate": self.duplicate,
            "skipped": [{"where": w, "reason": r} for w, r in self.skipped],
            "batches": self.batches,
        }

    def summary(self) -> str:
        """One line for people: the counts and the skip reasons, most frequent first."""
        line = f"read {self.read}, new {self.new}, duplicate {self.duplicate}, skipped {len(self.skipped)}"
        if self.skipped:
            reasons = Counter(reason for _, reason in self.skipped).most_common()
            line += " (" + "; ".join(f"{r}: {n}" for r, n in reasons) + ")"
        return line


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    published: date | str | None = None,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    progress: bool = True,
    batch_size: int = BATCH_ARTICLES,
    wait: bool = False,
) -> IngestReport:
    """Ingest files and folders; ``published`` is the date for records that carry none.

    With ``wait``, a concurrent writer is waited for rather than reported as an error.
    """
    default_day = parse_day(published, "published")
    return _ingest(
        store,
        read_inputs(paths, default_day),
        engine,
        workers,
        scheduler,
        progress,
        batch_size,
        wait,
    )


def ingest_records(
    store: Store,
    records: Iterable[dict],
    engine: str = "local",
    workers: int | None = 0,
    scheduler: str | None = None,
    progress: bool = False,
    batch_size: int = BATCH_ARTICLES,
    wait: bool = False,
) -> IngestReport:
    """Ingest records (keys text, title, url, source, published, language; optional path).

    Runs in this process by default (``workers=0``): this is the path for a few pasted articles.
    """
    return _ingest(store, _checked(records), engine, workers, scheduler, progress, batch_size, wait)


def _checked(records: Iterable[dict]) -> Iterator[Record | Skipped]:
    for number, raw in enumerate(records, 1):
        if not isinstance(raw, dict):
            yield Skipped(f"record {number}", "not a record (dict)")
            continue
        where = str(raw.get("path") or f"record {number}")
        try:
            record = record_from_mapping(raw, where)
        except Unreadable as exc:
            yield Skipped(where, str(exc))
            continue
        record["path"] = raw.get("path")
        yield record


def _ingest(
    store: Store,
    items: Iterable[Record | Skipped],
    engine: str,
    workers: int | None,
    scheduler: str | None,
    progress: bool,
    batch_size: int,
    wait: bool,
) -> IngestReport:
    from tqdm import tqdm

    report = IngestReport()
    chunk_size = max(1, min(CHUNK_ARTICLES, batch_size))
    with (
        store.writer(wait) as writer,
        tqdm(
            unit=" articles", file=sys.stderr, disable=not progress, desc="ingest", mininterval=0.5
        ) as bar,
    ):
        seen = store.article_ids()
        gazetteer = _gazetteer_folder(store)

        def fresh_chunks() -> Iterator[list[Record]]:
            chunk: list[Record] = []
            chars = 0
            for item in items:
                if isinstance(item, Skipped):
                    report.skipped.append((item.where, item.reason))
                    continue
                report.read += 1
                bar.update()
                aid = article_id(item["text"])
                if aid in seen:
                    report.duplicate += 1
                    continue
                seen.add(aid)
                item["article_id"] = aid
                if gazetteer:
                    item["gazetteer"] = gazetteer  # the data folder's imported gazetteer
                chunk.append(item)
                chars += len(item["text"])
                if len(chunk) >= chunk_size or chars >= CHUNK_CHARS:
                    yield chunk
                    chunk, chars = [], 0
            if chunk:
                yield chunk

        pending = _PendingBatch(writer, report, batch_size)
        for result in run_chunks(fresh_chunks(), engine, workers, scheduler):
            pending.add(result)
            bar.set_postfix(
                new=report.new + pending.articles,
                duplicate=report.duplicate,
                skipped=len(report.skipped),
                refresh=False,
            )
        pending.flush()
    return report


def _gazetteer_folder(store: Store) -> str | None:
    """The data folder, if it holds an imported gazetteer the extraction should use."""
    from geo.gazetteer_store import gazetteer_dir, state_key

    return str(store.root) if state_key(gazetteer_dir(store.root)) else None


class _PendingBatch:
    """Chunk results waiting to be committed as one batch."""

    def __init__(self, writer: StoreWriter, report: IngestReport, batch_size: int) -> None:
        self.writer, self.report, self.batch_size = writer, report, batch_size
        self.results: list[ChunkRows] = []
        self.articles = 0
        self.text_bytes = 0

    def add(self, result: ChunkRows) -> None:
        self.report.skipped.extend(result.failed)
        self.results.append(result)
        self.articles += result.batch.articles.num_rows
        self.text_bytes += result.batch.articles.column("text").nbytes
        if self.articles >= self.batch_size or self.text_bytes >= BATCH_TEXT_BYTES:
            self.flush()

    def flush(self) -> None:
        if not self.articles:
            self.results = []
            return
        batch = Batch(
            *(
                pa.concat_tables([getattr(r.batch, name) for r in self.results])
                for name in ("articles", "mentions", "claims")
            ),
            control=pa.concat_tables(
                [r.batch.control for r in self.results if r.batch.control is not None]
                or [CONTROL_SCHEMA.empty_table()]
            ),
        )
        self.writer.commit(batch)
        self.report.new += self.articles
        self.report.batches += 1
        self.results, self.articles, self.text_bytes = [], 0, 0
