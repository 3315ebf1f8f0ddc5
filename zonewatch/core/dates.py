"""Dates as Zonewatch reads and writes them: the one place that turns a stored or typed value
into a ``date``."""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, datetime
from typing import Any

from zonewatch.core.errors import UserError

_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
#: The days a record may carry. Scrapers write placeholders such as 0001-01-01, and the tools
#: that draw dates cannot hold every ``date``: pandas stops at 2262-04-11, Streamlit's date
#: widgets and JavaScript numbers at 1684 and 2255. Outside this range a day is unknown.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2199, 12, 31)


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


def usable_day(day: date | None) -> date | None:
    """``day`` if it lies in [:data:`FIRST_DAY`, :data:`LAST_DAY`], else None (unknown)."""
    return day if day is not None and FIRST_DAY <= day <= LAST_DAY else None


def record_day(day: date | None, where: str) -> date | None:
    """A record's day as stored: one outside the usable range is dropped (the record is kept,
    undated) and reported, naming the record, through the ``zonewatch`` logger."""
    if day is None or usable_day(day) is not None:
        return day
    logging.getLogger("zonewatch").warning(
        "%s: date %s is outside %s to %s; kept without a date", where, day, FIRST_DAY, LAST_DAY
    )
    return None


class BadDate(UserError, ValueError):
    """A date the user typed or a caller passed that is not YYYY-MM-DD."""


def parse_day(value: object, what: str = "date") -> date | None:
    """A day given as a date or YYYY-MM-DD text; None for None or "". Anything else is refused
    with a message naming ``what`` (an option such as ``--published``, or a field)."""
    if value is None or value == "":
        return None
    day = parse_published(value.strip() if isinstance(value, str) else value)
    if day is None:
        raise BadDate(f"{what} must be a date as YYYY-MM-DD, not {value!r}")
    if usable_day(day) is None:
        raise BadDate(f"{what} must lie between {FIRST_DAY} and {LAST_DAY}, not {day}")
    return day


def iso_day(value: Any) -> str | None:
    """A date, timestamp or date-like text as YYYY-MM-DD; None for a missing value (None, NaN,
    NaT)."""
    if value is None or value != value:  # NaN and NaT are not equal to themselves
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else (str(value)[:10] or None)


def days_meant(day: date, precision: str | None) -> tuple[date, date]:
    """The first and last day a date of ``precision`` may mean: a month-precision July 2018 is
    any day of July, a year-precision 2018 any day of 2018; a day is itself."""
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    if precision == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    return day, day
