"""The corpus store: a folder of Parquet part files (articles, mentions, claims) read with DuckDB.

Layout under the data folder::

    store.json                      manifest: format name and schema version
    articles/part-<batch>.parquet   one row per article (the commit record of its batch)
    mentions/part-<batch>.parquet   one row per mention the extractor found
    claims/part-<batch>.parquet     one row per (agreement, zone) link the extractor found
    control/part-<batch>.parquet    one row per control event (a place changing hands) it found
    .ingest.lock                    held (flock) by the one process that is writing

Why it is built this way:

- Writes only ever add files. Each file is written under a temporary name and renamed into place
  (``os.replace`` is atomic), so a reader never sees half a file.
- An ingest is cut into batches. A batch writes its mentions part, then its claims part, then its
  articles part; the articles part is the commit. Readers only look at batches whose articles part
  exists, so a run killed at any moment leaves a readable store that holds exactly the batches that
  finished. The next writer deletes the leftovers of unfinished batches before it starts, and since
  the articles of those batches never became visible, rerunning the ingest writes them again.
- An article's id is a hash of its normalised text (:func:`article_id`), and writers skip ids already
  present, so ingesting the same input twice changes nothing.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import threading
import unicodedata
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from zonewatch.core.errors import ZonewatchError, os_failure
from zonewatch.core.files import atomic_write, write_bytes
from zonewatch.core.settings import data_dir
from zonewatch.store.checks import day_guard, manifest_version

if TYPE_CHECKING:
    import duckdb

SCHEMA_VERSION = 1
FORMAT_NAME = "zonewatch-parquet"
MANIFEST = "store.json"
LOCK_FILE = ".ingest.lock"
#: Length of the hex article id: 80 bits, so collisions stay negligible at billions of articles.
ARTICLE_ID_LENGTH = 20

ARTICLES_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("published", pa.date32()),
        ("language", pa.string()),
        ("text", pa.string()),
        ("path", pa.string()),
        ("zones", pa.list_(pa.string())),
        ("agreements", pa.list_(pa.string())),
        ("ingested_at", pa.timestamp("us", tz="UTC")),
        ("schema_version", pa.int32()),
    ]
)
MENTIONS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("kind", pa.string()),
        ("id", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("sentence", pa.int32()),
    ]
)
CLAIMS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("agreement", pa.string()),
        ("agreement_text", pa.string()),
        ("zone", pa.string()),
        ("relation", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("sentence", pa.int32()),
        ("evidence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)
#: Control events (``extract.control``): claims that a place changed hands, with their evidence.
CONTROL_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("place", pa.string()),
        ("zone", pa.string()),
        ("event", pa.string()),
        ("to_side", pa.string()),
        ("date", pa.date32()),
        ("date_precision", pa.string()),
        ("sentence", pa.int32()),
        ("evidence", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
    ]
)
#: Table name -> schema, in commit order: the articles part is written last.
TABLES: dict[str, pa.Schema] = {
    "mentions": MENTIONS_SCHEMA,
    "claims": CLAIMS_SCHEMA,
    "control": CONTROL_SCHEMA,
    "articles": ARTICLES_SCHEMA,
}
#: Tables added after schema version 1 without changing it: a store written before them has no
#: parts for them (its batches read as having no such rows), and older readers ignore the folder.
OPTIONAL_TABLES = frozenset({"control"})
#: Columns that record when a row was written rather than what it says; left out when two stores
#: are compared for equality.
VOLATILE_COLUMNS = frozenset({"ingested_at"})

_PART = re.compile(r"^part-([0-9a-f]+-[0-9a-f]+)\.parquet$")


class StoreError(ZonewatchError):
    """The store cannot be used as asked (not a folder, newer schema, another writer busy)."""


def normalise_text(text: str) -> str:
    """The form of a text that decides its identity: NFC, runs of whitespace as one space, stripped.

    Re-saving an article with other line endings or indentation must not make it a new article.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(text: str) -> str:
    """Content id of an article: the first 20 hex digits of SHA-256 of its normalised UTF-8 text."""
    digest = sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return digest[:ARTICLE_ID_LENGTH]


@dataclass(frozen=True)
class Batch:
    """The three tables of one batch of new articles, ready to be committed together."""

    articles: pa.Table
    mentions: pa.Table
    claims: pa.Table
    control: pa.Table | None = None


class Store:
    """A Parquet corpus store rooted at one data folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @classmethod
    def open(cls, data: str | os.PathLike[str] | None = None) -> Store:
        """Open the store in ``data`` (or the configured data folder); it need not exist yet."""
        root = data_dir(data)
        if root.exists() and not root.is_dir():
            raise StoreError(f"data folder {root} is a file, not a folder")
        manifest = root / MANIFEST
        if manifest.exists() or manifest.is_symlink():
            version = manifest_version(manifest)
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"store in {root} has schema version {version}; this zonewatch reads up to "
                    f"{SCHEMA_VERSION}: upgrade zonewatch"
                )
        return cls(root)

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    # -- reading --------------------------------------------------------------------------------

    def committed_batches(self) -> list[str]:
        """Ids of the batches whose articles part exists, i.e. that finished committing."""
        folder = self.root / "articles"
        if not folder.is_dir():
            return []
        with os.scandir(folder) as entries:
            return sorted(m.group(1) for e in entries if (m := _PART.match(e.name)))

    def part_path(self, table: str, batch: str) -> Path:
        """The part file of ``table`` written by ``batch`` (the one naming rule of parts)."""
        return self.root / table / f"part-{batch}.parquet"

    def part_paths(self, table: str, batches: list[str] | None = None) -> list[Path]:
        """Part files of ``table`` that belong to committed batches."""
        chosen = self.committed_batches() if batches is None else batches
        return [self.part_path(table, b) for b in chosen]

    def connect(self, derived: Mapping[str, str] | None = None) -> duckdb.DuckDBPyConnection:
        """A DuckDB cursor with views ``articles``, ``mentions`` and ``claims`` over the committed parts.

        The underlying in-memory database is cached per store and rebuilt only when a batch has
        been committed since, so that dashboard queries do not pay for setting up views each time.
        ``derived`` names small tables (name -> SELECT over the views) that a hot query reads
        instead of rescanning the parts: each is built on first request and kept until the next
        commit. Each call returns its own cursor, which may be used from its own thread.
        """
        return _connections.cursor(self, derived or {})

    def counts(self) -> dict[str, int]:
        con = self.connect()
        return {
            name: int(con.execute(f"SELECT count(*) FROM {name}").fetchone()[0])
            for name in ("articles", "mentions", "claims")
        }

    def article_ids(self) -> set[str]:
        """Ids of every committed article, for skipping duplicates before extraction."""
        rows = self.connect().execute("SELECT article_id FROM articles").fetchall()
        return {r[0] for r in rows}

    def canonical_rows(self, table: str) -> list[tuple]:
        """Every row of ``table`` in a fixed order, without the columns that record when it was
        written: two stores hold the same data exactly when these agree for all three tables,
        whatever their part files are called or how the rows are split between them."""
        columns = [c for c in TABLES[table].names if c not in VOLATILE_COLUMNS]
        listed = ", ".join(f'"{c}"' for c in columns)
        return self.connect().execute(f"SELECT {listed} FROM {table} ORDER BY ALL").fetchall()

    def manifest(self) -> dict:
        path = self.root / MANIFEST
        if not path.exists():
            return {"format": FORMAT_NAME, "schema_version": SCHEMA_VERSION}
        return json.loads(path.read_text("utf-8"))

    # -- writing --------------------------------------------------------------------------------

    @contextmanager
    def writer(self, wait: bool = False) -> Iterator[StoreWriter]:
        """Exclusive write access: takes the lock, clears what killed writers left, yields a writer.

        With ``wait`` it waits for another writer to finish instead of failing at once.
        """
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for name in TABLES:
                (self.root / name).mkdir(exist_ok=True)
            lock = open(self.root / LOCK_FILE, "a+b")  # noqa: SIM115 - held for the whole block
        except OSError as exc:
            raise os_failure(exc, f"cannot write to the data folder {self.root}") from exc
        try:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as exc:
                raise StoreError(
                    f"another zonewatch process is writing to {self.root}; try again when it is done"
                ) from exc
            self._write_manifest()
            self._remove_unfinished()
            yield StoreWriter(self)
        finally:
            lock.close()

    def _write_manifest(self) -> None:
        path = self.root / MANIFEST
        if path.exists():
            return
        meta = {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "about": "Zonewatch corpus store: Parquet parts of articles, mentions and claims. "
            "A batch is committed when its articles part exists.",
        }
        write_bytes(path, json.dumps(meta, indent=2).encode("utf-8"))

    def _remove_unfinished(self) -> None:
        """Delete temporary files and the parts of batches that never committed."""
        committed = set(self.committed_batches())
        for name in TABLES:
            if not (self.root / name).is_dir():
                continue
            with os.scandir(self.root / name) as entries:
                for entry in entries:
                    m = _PART.match(entry.name)
                    if entry.name.startswith(".tmp-") or (m and m.group(1) not in committed):
                        os.unlink(entry.path)


class StoreWriter:
    """Commits batches to a store; only obtained through :meth:`Store.writer` (under the lock)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def commit(self, batch: Batch) -> str:
        """Write one batch: mentions, claims, then the articles part that makes it visible."""
        batch_id = f"{datetime.now(UTC).strftime('%Y%m%d%H%M%S%f')}-{uuid.uuid4().hex[:8]}"
        n = batch.articles.num_rows
        stamp = pa.array([datetime.now(UTC)] * n, type=pa.timestamp("us", tz="UTC"))
        articles = batch.articles.set_column(
            batch.articles.schema.get_field_index("ingested_at"), "ingested_at", stamp
        ).set_column(
            batch.articles.schema.get_field_index("schema_version"),
            "schema_version",
            pa.array([SCHEMA_VERSION] * n, type=pa.int32()),
        )
        control = batch.control if batch.control is not None else CONTROL_SCHEMA.empty_table()
        tables = {
            "mentions": batch.mentions,
            "claims": batch.claims,
            "control": control,
            "articles": articles,
        }
        for name, schema in TABLES.items():
            _write_part(self.store.part_path(name, batch_id), tables[name], schema)
        return batch_id


def _write_part(path: Path, table: pa.Table, schema: pa.Schema) -> None:
    import pyarrow.parquet as pq

    atomic_write(path, lambda tmp: pq.write_table(table.cast(schema), tmp, compression="zstd"))


@dataclass
class _Database:
    batches: tuple[str, ...]
    connection: duckdb.DuckDBPyConnection
    derived: set[str]


class _ConnectionCache:
    """One in-memory DuckDB database per store root, rebuilt when the set of batches changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_root: dict[Path, _Database] = {}

    def cursor(self, store: Store, derived: Mapping[str, str]) -> duckdb.DuckDBPyConnection:
        batches = tuple(store.committed_batches())
        with self._lock:
            cached = self._by_root.get(store.root)
            if cached is None or cached.batches != batches:
                # The old database is not closed: other threads may still hold cursors on it.
                cached = _Database(batches, _build_database(store, list(batches)), set())
                self._by_root[store.root] = cached
            for name, select in derived.items():
                if name not in cached.derived:
                    cached.connection.execute(f"CREATE TABLE {name} AS {select}")
                    cached.derived.add(name)
            return cached.connection.cursor()


def _build_database(store: Store, batches: list[str]) -> duckdb.DuckDBPyConnection:
    import duckdb

    con = duckdb.connect(":memory:")
    con.execute("SET parquet_metadata_cache = true")
    for name, schema in TABLES.items():
        paths = store.part_paths(name, batches)
        if name in OPTIONAL_TABLES:
            paths = [p for p in paths if p.exists()]
        if paths:
            files = ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths)
            con.execute(
                f"CREATE VIEW {name} AS SELECT *{day_guard(schema)} FROM read_parquet([{files}])"
            )
        else:
            empty = schema.empty_table()  # noqa: F841 - read by DuckDB's replacement scan
            con.execute(f"CREATE TABLE {name} AS SELECT * FROM empty")
    return con


_connections = _ConnectionCache()
