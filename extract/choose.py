"""Which registry agreement fits: by the dates it was signed or held, the zones it covered and
when it ended there, and the parties to it. Shared by the resolution of generic heads and of
names that several agreements share ("the Cairo truce")."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from extract.agreement_info import AgreementInfo
from extract.dates import DATE_TOLERANCE, MONTH, YEAR, DateMention
from extract.lexicon import Lexicon
from extract.recognise import Match

#: A deal said to be about a zone long after the registry agreements there ended is another one.
ENDED_SLACK = timedelta(days=60)


def fits_date(info: AgreementInfo, d: DateMention) -> bool:
    """Whether a stated date (at its precision) is one of the agreement's days."""
    if d.value is None or not info.days:
        return True
    return _fits(info.days, d.value, d.precision)


@lru_cache(maxsize=4096)
def _fits(days: tuple[date, ...], value: date, precision: str) -> bool:
    if precision == YEAR:
        return any(day.year == value.year for day in days)
    if precision == MONTH:
        return any((day.year, day.month) == (value.year, value.month) for day in days)
    return any(abs(day - value) <= DATE_TOLERANCE for day in days)


def existing(cands: list[AgreementInfo], reference: date) -> list[AgreementInfo]:
    """The candidates that existed by ``reference``, give or take the date tolerance (a report
    dated the eve of a signing)."""
    return [a for a in cands if not a.days or a.days[0] <= reference + DATE_TOLERANCE]


def pick(
    cands: list[AgreementInfo],
    reference: date | None,
    zone: str | None = None,
    about: date | None = None,
) -> AgreementInfo | None:
    """The candidate meant on ``reference`` (a date stated with the head, or the publication
    date): none that did not exist yet, none long over in ``zone`` by ``about`` (the date the
    sentence speaks of, else ``reference``), and of the others the latest."""
    if reference is not None:
        cands = existing(cands, reference)
        about = about or reference
        if zone:
            cands = [a for a in cands if (a.ended_in(zone) or date.max) >= about - ENDED_SLACK]
    if len(cands) == 1:
        return cands[0]
    if not cands or reference is None:
        return None
    return max(cands, key=lambda a: a.days[0] if a.days else date.min)


@lru_cache(maxsize=1024)
def candidates(lex: Lexicon, parties: frozenset[str], zone: str) -> tuple[AgreementInfo, ...]:
    """The registry agreements (not rounds of talks) with all these parties and this zone."""
    return tuple(
        a
        for a in lex.agreements.values()
        if a.kind != "talks" and parties <= a.parties and (not zone or zone in a.zones)
    )


@lru_cache(maxsize=2048)
def fitting(lex: Lexicon, value: date, precision: str) -> tuple[AgreementInfo, ...]:
    """The agreements a stated date fits (cached: articles repeat the same few dates)."""
    d = DateMention(0, 0, value, precision)
    return tuple(a for a in lex.agreements.values() if fits_date(a, d))


def by_date(antecedent: str | None, near_dates: list[DateMention], lex: Lexicon) -> str | None:
    """An anaphor with a date right next to it ("the memorandum signed on 4 May 2017") means the
    agreement of that date, which may not be the last one mentioned."""
    fit = fitting(lex, near_dates[0].value, near_dates[0].precision)
    ids = {a.id for a in fit}
    if antecedent in ids:
        return antecedent
    signed_then = [a for a in fit if a.kind != "talks"]
    if len(signed_then) == 1:
        return signed_then[0].id
    return antecedent if not fit else None


def choose_alias(
    match: Match,
    zones: list,
    dates: list[DateMention],
    lex: Lexicon,
    published: date | None,
    sentence_of,
):
    """The reading of a name that several agreements share: the one covering a zone named in the
    same sentence, else the one a date in the sentence fits, else the latest before publication."""
    sentence = sentence_of(match.start)
    entries = list(match.entries)
    infos = {e.ident: lex.agreements[e.ident] for e in entries if e.ident in lex.agreements}
    named = {z.zone for z in zones if z.sentence == sentence}
    by_zone = [e for e in entries if infos.get(e.ident) and infos[e.ident].zones & named]
    if len(by_zone) == 1:
        return by_zone[0]
    if len(by_zone) > 1:  # "اتفاق القاهرة الخاص بالغوطة ... اتفاق مماثل لريف حمص": both zones
        # named, the one nearest the name says which reading
        here = [z for z in zones if z.sentence == sentence]
        near = nearest_covering([infos[e.ident] for e in by_zone], here, match.start)
        if len(near) == 1:
            return next(e for e in by_zone if e.ident == near[0].id)
    if not named:  # "... on Douma. The Cairo truce that Russian officers had signed ...": the
        # reading of the zone the sentence before names, if one fits
        before = {z.zone for z in zones if z.sentence == sentence - 1}
        by_before = [e for e in entries if infos.get(e.ident) and infos[e.ident].zones & before]
        if len(by_before) == 1:
            return by_before[0]
    if not named:  # "the Cairo agreement ... placed the area under a ceasefire" in a text that
        # speaks of Eastern Ghouta alone: the reading of the one zone the text names
        spoken = {z.zone for z in zones}
        by_text = [e for e in entries if infos.get(e.ident) and infos[e.ident].zones & spoken]
        if len(by_text) == 1:
            return by_text[0]
    dated = [d for d in dates if d.value is not None and sentence_of(d.start) == sentence]
    by_day = [
        e for e in entries if infos.get(e.ident) and dated and fits_date(infos[e.ident], dated[0])
    ]
    if len(by_day) == 1:
        return by_day[0]
    chosen = pick([infos[e.ident] for e in entries if e.ident in infos], published)
    return next((e for e in entries if chosen and e.ident == chosen.id), entries[0])


YEAR_WRITTEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def fits_as_written(info: AgreementInfo, d: DateMention, text: str) -> bool:
    """Whether a date said to be the agreement's own fits it. A date written without its year
    ("the memorandum of 22 October") is compared by day and month only: its year was inferred,
    and an inferred year must not turn a known agreement into an unknown one."""
    if d.value is None or not info.days or d.precision == YEAR:
        return fits_date(info, d)
    if YEAR_WRITTEN.search(text, d.start, d.end):
        return fits_date(info, d)
    if d.precision == MONTH:
        return any(day.month == d.value.month for day in info.days)
    return any(_day_apart(day, d.value) <= DATE_TOLERANCE.days for day in info.days)


def _day_apart(day: date, value: date) -> int:
    """Days between two dates taken in the same year (29 February falls back to the 28th)."""
    try:
        same = day.replace(year=value.year)
    except ValueError:
        same = date(value.year, day.month, 28)
    return abs((same - value).days)


def nearest_covering(cands: list[AgreementInfo], zones, at: int) -> list[AgreementInfo]:
    """Of agreements for several zones of a sentence (``zones``: its zone mentions), the one
    whose zone is named nearest ``at`` ("الغوطة ... باتفاق خاص وقعته فصائلها ... في القاهرة،
    وكذلك ريف حمص الشمالي ...": the Ghouta truce); all of them when that says nothing."""
    far = 1 << 30

    def distance(a: AgreementInfo) -> int:
        return min((abs(z.start - at) for z in zones if z.zone in a.zones), default=far)

    best = min((distance(a) for a in cands), default=far)
    nearest = [a for a in cands if distance(a) == best]
    return nearest if len(nearest) == 1 and best < far else cands
