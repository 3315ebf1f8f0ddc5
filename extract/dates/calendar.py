"""Calendar arithmetic for dates read against a publication day: which year an unqualified day
falls in, which day a weekday names, month shifts. Pure functions of dates, no text."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from extract.dates.model import MONTH, YEAR

#: How far ahead of publication an unqualified date may lie before we read it as last year's
#: ("the ceasefire of 29 December" in a 10 January article is last December's).
FUTURE_SLACK = timedelta(days=62)
#: An unqualified date at most this far before publication is this year's without a search.
HALF_YEAR = timedelta(days=182)
#: A weekday named with a relative day ("أمس الخميس") is looked for this many days around it.
WEEKDAY_REACH = 3


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for an impossible one (30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def year_near(published: date, month: int, day: int, direction: int | None) -> int:
    """The year of ``day``/``month`` as an article published on ``published`` means it:
    ``direction`` -1 for "last" (الماضي), +1 for "next" (المقبل), 0 for "this", None for none."""
    y = published.year
    candidate = safe_date(y, month, day)
    if candidate is None:
        return y
    if direction == -1:
        past = candidate >= published or (day == 1 and month >= published.month)
        return y - 1 if past else y
    if direction == 1:
        return y + 1 if candidate <= published else y
    if direction == 0:
        return y
    if candidate <= published + FUTURE_SLACK and published - candidate <= HALF_YEAR:
        return y  # (the common case of the search below, decided without it)
    # the nearest such day that is not far in the future ("January 29" in late December)
    options = [
        c
        for c in (safe_date(y + k, month, day) for k in (-1, 0, 1))
        if c is not None and c <= published + FUTURE_SLACK
    ]
    return min(options, key=lambda c: abs(c - published)).year if options else y


def weekday_from(target: int, published: date, direction: str) -> date:
    """The ``target`` weekday (Monday 0) an article of ``published`` means: "ahead" the first
    from publication on, "past" the last before it, "next" the next after it, "nearest" the one
    at most three days from it (a start announced for Saturday, read in Friday's paper or in
    Sunday's), else the last on or before it."""
    if direction == "ahead":
        return published + timedelta(days=(target - published.weekday()) % 7)
    if direction == "nearest":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    delta = (published.weekday() - target) % 7
    if direction == "past":
        return published - timedelta(days=delta or 7)
    if direction == "next":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    return published - timedelta(days=delta)


def weekday_near(target: int, published: date, offset: int) -> date:
    """The ``target`` weekday named with a relative day of ``offset`` ("أمس الخميس": -1): the
    weekday wins over the relative word (an article dated Friday that says "اليوم الخميس" was
    written on Thursday), within three days of it, never after publication for a past word nor
    before it for a future one."""
    ref = published + timedelta(days=offset)
    shift = (target - ref.weekday() + WEEKDAY_REACH) % 7 - WEEKDAY_REACH
    value = ref + timedelta(days=shift)
    if offset < 0 and value > published:
        value -= timedelta(days=7)
    elif offset > 0 and value < published:
        value += timedelta(days=7)
    return value


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def shift_month(published: date, direction: int) -> date:
    """The first day of the publication month moved by ``direction`` (-1, 0, +1) months."""
    first = published.replace(day=1)
    if direction < 0:
        return (first - timedelta(days=1)).replace(day=1)
    if direction > 0:
        return next_month(first)
    return first


def last_day(value: date, precision: str) -> date:
    """The last day a date of ``precision`` can mean (July 2017 -> 31 July 2017): what a month
    or a year stated with an agreement allows it to have existed by."""
    if precision == YEAR:
        return date(value.year, 12, 31)
    if precision == MONTH:
        return next_month(value) - timedelta(days=1)
    return value


def published_day(published: date | datetime | str | None) -> date | None:
    """The publication date as a ``date``; None for None or an unreadable string."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None
