"""Checks on what the store reads: its manifest, and days that cannot be shown.

A data folder may hold a manifest from another tool or a newer Zonewatch, and part files written
by an older version or by hand; these checks refuse the first and neutralise the second, so that
one bad record never breaks a page or an export.
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from zonewatch.core.dates import FIRST_DAY, LAST_DAY
from zonewatch.core.errors import os_reason


def manifest_version(manifest: Path) -> int:
    """The schema version of a store manifest; anything but our format with an integer version
    (another tool's folder, a folder named store.json, a version written as text) is refused
    rather than read as ours."""
    from zonewatch.store.dataset import FORMAT_NAME, StoreError

    try:
        meta = json.loads(manifest.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        reason = os_reason(exc) if isinstance(exc, OSError) else "not valid JSON"
        raise StoreError(f"{manifest} is not a zonewatch store manifest: {reason}") from exc
    if not isinstance(meta, dict) or meta.get("format") != FORMAT_NAME:
        found = meta.get("format") if isinstance(meta, dict) else type(meta).__name__
        raise StoreError(f"{manifest} is not a zonewatch store (format {found!r})")
    version = meta.get("schema_version")
    if type(version) is not int or version < 1:
        raise StoreError(f"{manifest} has schema version {version!r}; expected a whole number")
    return version


def day_guard(schema: pa.Schema) -> str:
    """``REPLACE`` clause that reads a day outside the usable range as unknown (NULL), so that a
    record written by an older version or another tool (a scraper's 0001-01-01) cannot break a
    page or an export; ``zonewatch store check`` reports those records."""
    days = [f.name for f in schema if pa.types.is_date(f.type)]
    if not days:
        return ""
    lo, hi = FIRST_DAY.isoformat(), LAST_DAY.isoformat()
    cases = [
        f'CASE WHEN "{d}" BETWEEN DATE \'{lo}\' AND DATE \'{hi}\' THEN "{d}" END AS "{d}"'
        for d in days
    ]
    return f" REPLACE ({', '.join(cases)})"
