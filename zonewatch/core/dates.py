"""Dates as Zonewatch reads and writes them: the one place that turns a stored or typed value
into a ``date``."""

from __future__ import annotations

import re
from datetime import date, datetime

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: object) -> date | None:
    """A publication date from a date, datetime or ISO-like string; None where there is none."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and (m := _DAY.match(value)):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None
