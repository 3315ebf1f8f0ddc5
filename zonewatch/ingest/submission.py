"""What an analyst pastes or uploads in the dashboard, turned into article records.

The dashboard reads uploads with the same readers as ``zonewatch ingest`` (so a file means the
same thing in both), but it holds uploads in memory and previews them before saving, so it sets
its own bounds and reports every problem as one plain sentence.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from zonewatch.core.errors import ZonewatchError
from zonewatch.ingest import readers
from zonewatch.ingest.encodings import Unreadable
from zonewatch.ingest.readers import Record, Skipped, record_name

_log = logging.getLogger(__name__)

#: Largest upload the dashboard accepts per file; bigger corpora belong to `zonewatch ingest`.
MAX_UPLOAD_MB = 25
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
#: The earliest publication date the forms offer: the conflict's start (the zones came in 2017).
EARLIEST_DAY = date(2011, 1, 1)
#: Articles whose extraction is shown in full before saving; the rest are listed.
MAX_PREVIEW_ARTICLES = 20


class SubmissionError(ZonewatchError, ValueError):
    """Input the dashboard cannot take; the message is shown to the user as is."""


def pasted_record(
    text: str,
    title: str = "",
    source: str = "",
    url: str = "",
    published: date | None = None,
    language: str = "auto",
) -> Record:
    """A record from the paste form; raises :class:`SubmissionError` for empty or oversize text."""
    fields = {
        "text": text,
        "title": title.strip(),
        "source": source.strip(),
        "url": url.strip(),
        "published": published,
        "language": language,
    }
    try:
        return readers.record_from_mapping(fields, "pasted text")
    except Unreadable as exc:
        raise SubmissionError(f"Cannot use the pasted text: {exc}.") from exc


def uploaded_records(
    files: Iterable[tuple[str, bytes]], published: date | None = None
) -> tuple[list[Record], list[Skipped]]:
    """Records from uploaded (name, bytes) pairs, and what was skipped and why; ``published``
    fills in records without a date. The bytes go through a private temporary file named only
    by the upload's suffix, so an upload's name can never choose where it is written."""
    records: list[Record] = []
    skipped: list[Skipped] = []
    with tempfile.TemporaryDirectory(prefix="zonewatch-upload-") as folder:
        for number, (name, data) in enumerate(files):
            if len(data) > MAX_UPLOAD_BYTES:
                skipped.append(
                    Skipped(
                        name,
                        f"file too large for the dashboard ({len(data) / 2**20:.1f} MB, limit "
                        f"{MAX_UPLOAD_MB} MB): use zonewatch ingest for it",
                    )
                )
                continue
            path = Path(folder) / f"upload-{number}{Path(name).suffix.lower()}"
            path.write_bytes(data)
            for item in readers.read_file(path, published):
                if isinstance(item, Skipped):
                    skipped.append(Skipped(item.where.replace(str(path), name), item.reason))
                else:
                    item["path"] = str(item["path"]).replace(str(path), name)
                    records.append(item)
    return records, skipped


class ExtractionFailed(SubmissionError):
    """The extractor crashed on one article: the page names it and previews the others."""


def extraction(record: Record) -> dict:
    """The extractor's findings for a record, as the contract's JSON dict. A crash is a bug,
    logged with its traceback, and reported as ``ExtractionFailed`` naming the article, so the
    other articles of an upload are still previewed and saved."""
    from extract import extract_article

    try:
        return extract_article(
            record["text"], record.get("published"), record.get("language") or "auto"
        ).to_dict()
    except Exception as exc:  # noqa: BLE001 - one article must not take the page down
        _log.exception("extraction failed for %s", record_name(record))
        raise ExtractionFailed(
            f"{record_name(record)}: extraction failed ({type(exc).__name__}: {exc})"
        ) from exc
