"""Taking articles out of the store: removal on request, and the check that finds records that
cannot be shown (and, asked to repair, quarantines them).

The store only ever adds files, and a batch is visible exactly when its articles part exists.
Removing articles therefore rewrites each batch that holds one: the batch's other rows are
committed as a new batch (mentions, claims, control, then the articles part), and only then are
the old batch's parts deleted, articles part first. A crash between the two steps can leave the
kept rows twice, never lose them; :func:`check` reports such a duplicate and repair removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from zonewatch.core.dates import FIRST_DAY, LAST_DAY, usable_day
from zonewatch.core.files import write_text
from zonewatch.store.dataset import OPTIONAL_TABLES, TABLES, Batch, Store

QUARANTINE = "quarantine"


@dataclass(frozen=True)
class Problem:
    """A record that cannot be shown as stored, and why."""

    article_id: str
    title: str | None
    reason: str
    batch: str

    def line(self) -> str:
        title = (self.title or "(untitled)")[:80]
        return f"{self.article_id}  {title!r}: {self.reason}"


def _read(store: Store, table: str, batch: str) -> pa.Table:
    path = store.part_path(table, batch)
    if table in OPTIONAL_TABLES and not path.exists():
        return TABLES[table].empty_table()
    return pq.read_table(path)


def matching_ids(store: Store, article: str | None = None, source: str | None = None) -> set[str]:
    """Ids of the articles with this id, or whose source is exactly ``source``."""
    con = store.connect()
    if article is not None:
        rows = con.execute("SELECT article_id FROM articles WHERE article_id = ?", [article])
    else:
        rows = con.execute("SELECT article_id FROM articles WHERE source = ?", [source])
    return {r[0] for r in rows.fetchall()}


def remove_articles(store: Store, ids: set[str], only: set[str] | None = None) -> int:
    """Remove the articles ``ids`` with all their mentions and claims (from the batches ``only``,
    if given); returns how many stored records went."""
    if not ids:
        return 0
    removed = 0
    wanted = pa.array(sorted(ids), type=pa.string())
    with store.writer() as writer:
        for batch in store.committed_batches():
            if only is not None and batch not in only:
                continue
            articles = _read(store, "articles", batch)
            hit = pc.is_in(articles["article_id"], value_set=wanted)
            count = pc.sum(hit).as_py() or 0
            if not count:
                continue
            keep = {
                name: _without(_read(store, name, batch), wanted)
                for name in TABLES
                if name != "articles"
            }
            kept = articles.filter(pc.invert(hit))
            if kept.num_rows:
                writer.commit(
                    Batch(
                        articles=kept,
                        mentions=keep["mentions"],
                        claims=keep["claims"],
                        control=keep.get("control"),
                    )
                )
            _drop_batch(store, batch)
            removed += count
    return removed


def _without(table: pa.Table, wanted: pa.Array) -> pa.Table:
    return table.filter(pc.invert(pc.is_in(table["article_id"], value_set=wanted)))


def _drop_batch(store: Store, batch: str) -> None:
    """Delete a batch's parts, the articles part (its commit record) first."""
    for name in ("articles", *[n for n in TABLES if n != "articles"]):
        store.part_path(name, batch).unlink(missing_ok=True)


def _day_problem(value: date | None, what: str) -> str | None:
    if value is None or usable_day(value) is not None:
        return None
    return f"{what} {value.isoformat()} is outside {FIRST_DAY} to {LAST_DAY}"


def check(store: Store) -> list[Problem]:
    """Records that cannot be shown as stored: days out of range, text that is not valid Unicode
    or empty, and articles stored twice (left by a removal that was interrupted)."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for batch in store.committed_batches():
        rows = _read(store, "articles", batch).to_pylist()
        bad_claims = _claim_days(_read(store, "claims", batch))
        for row in rows:
            aid, title = row["article_id"], row.get("title")
            reasons = [
                _day_problem(row.get("published"), "publication date"),
                bad_claims.get(aid),
                None if (row.get("text") or "").strip() else "empty text",
                "stored twice" if aid in seen else None,
            ]
            seen.add(aid)
            problems += [Problem(aid, title, r, batch) for r in reasons if r]
    return problems


def _claim_days(claims: pa.Table) -> dict[str, str]:
    out: dict[str, str] = {}
    for aid, day in zip(claims["article_id"].to_pylist(), claims["date"].to_pylist(), strict=True):
        reason = _day_problem(day, "claim date")
        if reason:
            out.setdefault(aid, reason)
    return out


def quarantine(store: Store, problems: list[Problem]) -> tuple[Path | None, int]:
    """Repair: articles that cannot be shown move out of the store into a JSONL file under
    ``<data>/quarantine/`` (their stored fields, with the reason), and a copy stored twice loses
    its duplicate. Returns the quarantine file (None if nothing went there) and the number of
    stored records removed."""
    twice = [p for p in problems if p.reason == "stored twice"]
    removed = remove_articles(store, {p.article_id for p in twice}, {p.batch for p in twice})
    bad = {p.article_id: p.reason for p in problems if p.reason != "stored twice"}
    if not bad:
        return None, removed
    wanted = pa.array(sorted(bad), type=pa.string())
    rows = []
    for batch in store.committed_batches():
        table = _read(store, "articles", batch)
        rows += table.filter(pc.is_in(table["article_id"], value_set=wanted)).to_pylist()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = store.root / QUARANTINE / f"{stamp}.jsonl"
    lines = [
        json.dumps({**r, "quarantine_reason": bad[r["article_id"]]}, default=str) for r in rows
    ]
    write_text(path, "\n".join(lines) + "\n")
    return path, removed + remove_articles(store, set(bad))
