"""File formats an analyst brings, turned into article records; what cannot be read is reported.

A record is a dict with keys ``text, title, url, source, published (date|None), language
('ar'|'en'|None), path``. Whatever cannot be read yields a :class:`Skipped` with the place and the
reason instead, so that one bad file or line never stops the rest of an ingest.

Formats: ``.txt``/``.text``/``.md`` (one article; the first non-empty line is its title),
``.html``/``.htm``/``.xhtml`` (main text, title, date and site name by trafilatura), ``.jsonl``/
``.ndjson`` (one JSON object per line) and ``.csv``/``.tsv`` (a header row), whose fields may be
called text/body/content, title/headline, url/link, source/site, published/date, language/lang.
Folders are walked recursively in name order; hidden files and folders are left alone.

Limits: a single-article file, and the text of any one record, may be at most
:data:`MAX_ARTICLE_BYTES` (5 MiB; a news article is a few KiB, so anything larger is a dump or a
mistake and is skipped with that reason). JSONL and CSV files are streamed line by line, so their
size is not limited and memory stays bounded: an over-long line is skipped without being held.

Encodings: UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as such; a file that is
UTF-8 apart from a few bad bytes is read as UTF-8 with those bytes replaced by U+FFFD; otherwise
charset-normalizer chooses among the encodings Arabic and English news archives use (windows-1256,
ISO-8859-6, windows-1252). Bytes with NULs in them are a binary file, not text.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from zonewatch.core.dates import parse_published, record_day
from zonewatch.ingest.encodings import Unreadable, decode, detect_encoding

MAX_ARTICLE_BYTES = 5 * 1024 * 1024
#: How much of a streamed file is looked at to choose its encoding.
SNIFF_BYTES = 1024 * 1024
#: Unreadable rows of one CSV file reported one by one before the rest of it is given up.
MAX_CSV_ERRORS = 100

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES

#: Field names accepted for each record key, in order of preference (compared case-insensitively).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "source": ("source", "site", "sitename", "publisher"),
    "published": ("published", "date", "published_at", "pubdate", "date_published"),
    "language": ("language", "lang"),
}

#: Accepted field name -> (record key, preference: lower is preferred).
_ALIASES = {
    name: (key, rank) for key, names in FIELD_NAMES.items() for rank, name in enumerate(names)
}


@dataclass(frozen=True)
class Skipped:
    """An input that was not ingested: where it is (``path`` or ``path:line``) and why."""

    where: str
    reason: str


Record = dict[str, Any]


def record_name(record: Record) -> str:
    """How a report names an article: its file and line, else its title, else its first words."""
    for key in ("path", "title"):
        if record.get(key):
            return str(record[key])
    text = " ".join(str(record.get("text") or "").split())
    return f"the article beginning '{text[:40]}'" if text else "an empty article"


def parse_language(value: object) -> str | None:
    """'ar' or 'en' from values like 'ar', 'AR', 'ar-SY', 'en_GB'; None (detect) for anything else."""
    if isinstance(value, str):
        code = value.strip().lower()[:2]
        if code in ("ar", "en"):
            return code
    return None


def iter_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skipped]:
    """Files under ``paths`` (folders walked recursively, in name order), or why one is missing."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith("."):
                        yield Path(folder) / name
        elif path.is_file():
            yield path
        else:
            yield Skipped(str(path), "no such file or folder")


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], published: date | None = None
) -> Iterator[Record | Skipped]:
    """Every record in ``paths``, in a stable order; ``published`` fills in records without a date."""
    for item in iter_paths(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_file(item, published)


def read_file(path: Path, published: date | None = None) -> Iterator[Record | Skipped]:
    """The records of one file, chosen by its suffix."""
    suffix = path.suffix.lower()
    where = str(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield Skipped(where, f"unsupported file type {suffix or '(no suffix)'!r}")
        return
    try:
        size = path.stat().st_size
        if size == 0:
            raise Unreadable("empty file")
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, published)
        elif suffix in CSV_SUFFIXES:
            yield from _read_csv(path, published)
        else:
            if size > MAX_ARTICLE_BYTES:
                raise Unreadable(
                    f"file too large for one article ({size / 1e6:.1f} MB; limit "
                    f"{MAX_ARTICLE_BYTES / 1e6:.0f} MB): split it, or give many articles as .jsonl"
                )
            data = path.read_bytes()
            if suffix in HTML_SUFFIXES:
                yield _html_record(path, data, published)
            else:
                yield _text_record(path, decode(data), published)
    except Unreadable as exc:
        yield Skipped(where, str(exc))
    except OSError as exc:
        yield Skipped(where, f"cannot read: {exc.strerror or exc}")


def _text_record(path: Path, text: str, published: date | None) -> Record:
    if not text.strip():
        raise Unreadable("empty file (only whitespace)")
    first = next(line for line in text.splitlines() if line.strip())
    title = (
        first.strip().lstrip("#").strip()[:300]
        if path.suffix.lower() in {".md", ".markdown"}
        else first.strip()[:300]
    )
    return _record(text=text, title=title, published=published, path=str(path))


def _html_record(path: Path, data: bytes, published: date | None) -> Record:
    import trafilatura

    doc = trafilatura.bare_extraction(decode(data), with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise Unreadable("no main text found in the HTML page")
    return _record(
        text=text,
        title=doc.title,
        url=doc.url,
        source=doc.sitename or doc.hostname,
        published=parse_published(doc.date) or published,
        path=str(path),
    )


def _record(
    *,
    text: str,
    path: str,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    published: date | None = None,
    language: str | None = None,
) -> Record:
    if len(text) > MAX_ARTICLE_BYTES // 2 and len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise Unreadable(f"article text too large (limit {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
    for name, value in (("text", text), ("title", title), ("url", url), ("source", source)):
        if value and not _encodable(value):
            raise Unreadable(f"{name} is not valid Unicode (a lone surrogate such as \\ud800)")
    published = record_day(published, path)
    return {
        "text": text,
        "title": title or None,
        "url": url or None,
        "source": source or None,
        "published": published,
        "language": language,
        "path": path,
    }


def _encodable(value: str) -> bool:
    """Whether ``value`` can be stored as UTF-8 (JSON's "\\ud800" decodes to a lone surrogate)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def record_from_mapping(
    fields: Mapping[str, Any], where: str, published: date | None = None
) -> Record:
    """A record from a JSON object or CSV row, accepting the field names of :data:`FIELD_NAMES`.

    One pass over the given fields (this runs once per article in the reading process, which
    every engine waits on); where several names of one key are given, the earliest listed wins.
    """
    chosen: dict[str, tuple[int, Any]] = {}
    has_text_field = False
    for name, value in fields.items():
        alias = _ALIASES.get(str(name).strip().lower())
        if alias is None:
            continue
        key, rank = alias
        has_text_field = has_text_field or key == "text"
        if value not in (None, "") and (key not in chosen or rank < chosen[key][0]):
            chosen[key] = (rank, value)
    values = {key: value for key, (_, value) in chosen.items()}
    text = values.get("text")
    if text is None:
        if has_text_field:
            raise Unreadable("empty text")
        raise Unreadable("no text field (expected one of: " + ", ".join(FIELD_NAMES["text"]) + ")")
    if not isinstance(text, str):
        raise Unreadable("text field is not a string")
    if not text.strip():
        raise Unreadable("empty text")
    return _record(
        text=text,
        title=_string(values.get("title")),
        url=_string(values.get("url")),
        source=_string(values.get("source")),
        published=parse_published(values.get("published")) or published,
        language=parse_language(values.get("language")),
        path=where,
    )


def _string(value: Any) -> str | None:
    return None if value is None else str(value)


def _open_text(path: Path) -> io.TextIOWrapper:
    """The file as text in its detected encoding, without reading more than its first MiB."""
    raw: BinaryIO = open(path, "rb")  # noqa: SIM115 - returned wrapped, closed by the caller
    try:
        sample = raw.read(SNIFF_BYTES)
        encoding = detect_encoding(sample, complete=len(sample) < SNIFF_BYTES)
        raw.seek(0)
    except BaseException:
        raw.close()
        raise
    return io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")


def _bounded_lines(stream: io.TextIOWrapper, limit: int) -> Iterator[tuple[int, str | None]]:
    """(line number, line) pairs; an over-long line comes as None and is never held in memory whole."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line


def _read_jsonl(path: Path, published: date | None) -> Iterator[Record | Skipped]:
    with _open_text(path) as stream:
        for number, line in _bounded_lines(stream, MAX_ARTICLE_BYTES):
            where = f"{path}:{number}"
            if line is None:
                yield Skipped(where, f"line too long (over {MAX_ARTICLE_BYTES / 1e6:.0f} MB)")
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Skipped(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
                continue
            except RecursionError:
                yield Skipped(where, "JSON nested too deeply")
                continue
            if not isinstance(obj, dict):
                yield Skipped(where, "not a JSON object")
                continue
            try:
                yield record_from_mapping(obj, where, published)
            except Unreadable as exc:
                yield Skipped(where, str(exc))


def _read_csv(path: Path, published: date | None) -> Iterator[Record | Skipped]:
    csv.field_size_limit(MAX_ARTICLE_BYTES)
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with _open_text(path) as stream:
        reader = csv.DictReader(stream, delimiter=delimiter)
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            raise Unreadable(f"not a readable CSV header ({exc})") from exc
        columns = {str(h).strip().lower() for h in header or ()}
        if not columns & set(FIELD_NAMES["text"]):
            raise Unreadable(
                "CSV has no text column (expected one of: " + ", ".join(FIELD_NAMES["text"]) + ")"
            )
        errors = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                errors += 1
                if errors > MAX_CSV_ERRORS:
                    yield Skipped(f"{path}:{line}", f"unreadable CSV row ({exc}); rest skipped")
                    return
                yield Skipped(f"{path}:{line}", f"unreadable CSV row ({exc})")
                continue
            try:
                yield record_from_mapping(
                    {k: v for k, v in row.items() if k is not None}, f"{path}:{line}", published
                )
            except Unreadable as exc:
                yield Skipped(f"{path}:{line}", str(exc))
