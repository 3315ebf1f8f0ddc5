"""``find_dates``: every date expression of a text, found near the words that can start one and
resolved in text order (so that "the next day" and a year stated earlier carry forward)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from extract.dates import grammar as k
from extract.dates.calendar import safe_date
from extract.dates.cases import RESOLVERS
from extract.dates.context import Context, year_headings
from extract.dates.grammar import Grammar, grammar
from extract.dates.model import DAY, AgreementHint, DateMention
from extract.lexicon import Lexicon
from extract.recognise import Match, match_near, scan, scan_text

#: How far before its month or year a qualifier date starts ("the May memorandum": the article;
#: "their 2018 memorandum": a possessive determiner; the reach counts the space before it).
QUALIFIER_REACH = 7
#: For each kind of date word the recogniser finds: which patterns can contain it, and how far
#: before it such a date may start ("the end of December", "أمس الثلاثاء", "the 9th of July").
ANCHORED: dict[str, tuple[tuple[tuple[str, ...], int], ...]] = {
    "months": (((k.MONTH_DAY,), 5), ((k.MONTH_ONLY,), 24), ((k.QUALIFIER,), QUALIFIER_REACH)),
    "weekdays": (((k.WEEKDAY,), 16),),
    "ordinals": (((k.ORDINAL,), 6),),
    "relative_days": (((k.RELATIVE_DAY,), 0),),
    "anniversary_days": (((k.ANNIVERSARY,), 0),),
    "year_words": (((k.RELATIVE_YEAR,), 10),),
    "month_word": (((k.RELATIVE_MONTH,), 24),),
    "day_word": (((k.RELATIVE_DAY, k.COUNTED_DAYS), 16),),
}
#: Digit-led dates: how far before their digits each may start ("the beginning of 2018").
DIGIT_REACH = {
    k.DAY_MONTH: 0,
    k.NUMERIC: 0,
    k.ISO: 0,
    k.ORDINAL: 6,
    k.YEAR_ONLY: 32,
    k.BARE_ORDINAL: 14,
    k.QUALIFIER: QUALIFIER_REACH,
}
#: A dateline is a full date on a line of at most this many characters, starting within the
#: first this-many characters of an undated text.
DATELINE_LENGTH = 80
DATELINE_REACH = 400
#: The dates a weekday written right before them belongs to.
NAMED_BY_WEEKDAY = k.CALENDAR_KINDS | {k.ORDINAL}
#: A day's digits followed by a month name at most this far on ("4 من أيار", "9th of July").
DAY_TO_MONTH = 16
_DIGITS = re.compile(r"[0-9]+")  # Arabic-Indic digits are ASCII after normalisation
#: Up to this many digits, they are found with ``str.find`` (a regex scan of every character of
#: a 2 KB article costs several times more); a text full of numbers goes to the regex.
_FEW_DIGITS = 48


def find_dates(
    text: str,
    lex: Lexicon,
    published: date | None,
    cores: list[Match] | None = None,
    about: Sequence[AgreementHint] = (),
) -> list[DateMention]:
    """Every date expression of the normalised ``text`` (line breaks kept: no date runs across
    lines, and a line that is a year is a heading), resolved where the text allows. ``cores``
    are the date words the recogniser found (found again here when not given); ``about`` the
    registry agreements each stretch of text names, whose known dates give a year to a date that
    has none (optional)."""
    g = grammar(lex)
    flat = text.replace("\n", " ")
    if cores is None:
        cores = scan(scan_text(flat), lex)[1].get("datecore", [])
    digits = _digit_runs(flat)
    found = _candidates(text, flat, g, cores, digits)
    years = [s for s, e in digits if e - s == 4]
    ctx = Context(text, g, published, year_headings(text, years) if years else [], sorted(about))
    out: list[DateMention] = []
    last_stated = False  # whether the last mention of ``out`` was written with its year
    chosen = _leftmost_longest(found)
    if published is None:
        ctx.today = _dateline(chosen, text, g)
    for i, m in enumerate(chosen):
        kind = g.kind_of[id(m.re)]
        if _names_the_next_date(m, kind, chosen[i + 1] if i + 1 < len(chosen) else None, g):
            ctx.weekday = g.lex.weekdays[m.group("weekday")]
            continue
        stated = "year" in m.re.groupindex and bool(m.group("year"))
        for mention in RESOLVERS[kind](m, ctx):
            if stated and out and not last_stated and mention.precision == DAY:
                out[-1] = _range_start(out[-1], mention, text, g)
                if out[-1].value is not None:
                    _read_day(ctx, out[-1].value, True)
            out.append(mention)
            last_stated = stated
            if mention.value is not None:
                ctx.last = mention
                if ctx.today is None and published is None and _short_dateline(m, mention, text):
                    ctx.today = mention.value  # "AMMAN, July 7 (Reuters) -": the copy's day
                if mention.precision == DAY and kind in k.CALENDAR_KINDS:
                    _read_day(ctx, mention.value, stated)  # (not "today": no day written)
        ctx.weekday = None
    return out


#: Marks that join the two ends of a range of days ("19 June – 31 July 2018").
_RANGE_MARKS = frozenset("-\u2013\u2014")


def _range_start(first: DateMention, last: DateMention, text: str, g: Grammar) -> DateMention:
    """The first day of a range whose last day states the year ("19 June – 31 July 2018",
    "from 28 December to 3 January 2018"), or of a series that goes on in the same sentence
    (``SERIES_REACH``): in that year, or the one before when it would lie after the last day;
    any other mention as it was."""
    between = text[first.end : last.start].strip()
    if first.precision != DAY or last.value is None:
        return first
    ranged = between in _RANGE_MARKS or between in g.lex.words["range_joiners"]
    if not ranged and (len(between) > SERIES_REACH or _BREAK.search(between)):
        return first
    month_day = _month_and_day(text[first.start : first.end], g)
    if month_day is None:
        return first
    month, day = month_day
    value = safe_date(last.value.year, month, day)
    if value is not None and value > last.value:
        value = safe_date(last.value.year - 1, month, day)
    if value is None or not (ranged or last.value - value <= SERIES_SPAN):
        return first
    return DateMention(first.start, first.end, value, DAY)


#: A day without its year this close before a day of the same sentence written with its year
#: is of that year when it falls soon before it ("heavy weapons out by 10 October, and the
#: groups by 15 October 2018"): characters, and days.
SERIES_REACH = 80
SERIES_SPAN = timedelta(days=92)
#: What ends a sentence between two days.
_BREAK = re.compile(r"[.!?]\s|\n")


def _month_and_day(phrase: str, g: Grammar) -> tuple[int, int] | None:
    """(month, day) of a day written with a month name and no year ("19 June", "June 19")."""
    month = day = 0
    for word in phrase.split():
        if word.isdigit():
            day = int(word)
        month = g.lex.months.get(word, month)
    return (month, day) if month and day else None


def _read_day(ctx: Context, value: date, stated: bool) -> None:
    """Remember the year of a day read (a day written with its year overrides one inferred)."""
    key = (value.month, value.day)
    if stated or key not in ctx.days_read:
        ctx.days_read[key] = value.year


def _digit_runs(flat: str) -> list[tuple[int, int]]:
    """(start, end) of every run of digits, in order (what ``_DIGITS.finditer`` finds)."""
    positions: list[int] = []
    for digit in "0123456789":
        i = flat.find(digit)
        while i >= 0:
            positions.append(i)
            if len(positions) > _FEW_DIGITS:
                return [m.span() for m in _DIGITS.finditer(flat)]
            i = flat.find(digit, i + 1)
    if not positions:
        return []
    positions.sort()
    runs = []
    start = previous = positions[0]
    for p in positions:
        if p > previous + 1:
            runs.append((start, previous + 1))
            start = p
        previous = p
    runs.append((start, previous + 1))
    return runs


#: Characters after an ordinal read for the joiner of a second day ("الرابع والخامس من").
JOINER_LOOK = 4


def _candidates(
    text: str, flat: str, g: Grammar, cores: list[Match], digits: list[tuple[int, int]]
) -> list[re.Match]:
    """Every match of every pattern tried near a word or digits that can start it."""
    by_kind: dict[str, list[int]] = {}
    duals = tuple(g.lex.words["dual_day_prefixes"])
    joiners = tuple(g.lex.words["range_joiners"])
    for c in cores:
        ident = c.entries[0].ident
        if (
            ident == "ordinals"
            and not flat.startswith(g.of_followers, c.end)
            and not (duals and flat[: c.start].rstrip().endswith(duals))
            and not flat[c.end : c.end + JOINER_LOOK].lstrip().startswith(joiners)
        ):
            # "الأول" / "first" is a date only as "الأول من ..." / "first of ...", or as the
            # first of two days ("يومي الرابع والخامس من تموز", "في الرابع والخامس من تموز")
            continue
        by_kind.setdefault(ident, []).append(c.start)
    glued = _glued_months(flat, g, digits)
    if glued:
        by_kind["months"] = by_kind.get("months", []) + glued
    found: list[re.Match] = []
    month_day = g.patterns[k.MONTH_DAY]
    for kind, anchors in by_kind.items():
        for names, reach in ANCHORED.get(kind, ()):
            if names == (k.MONTH_ONLY,):
                # a month with its day ("July 9") is never a month-only date: skip those anchors
                dated = {m.start("month") for m in found if m.re is month_day}
                anchors = [a for a in anchors if a not in dated]
            patterns = [g.patterns[n] for n in names]
            found += match_near(patterns, text, anchors, reach, flat, g.lex.proclitic_letters)
    months = sorted(by_kind.get("months", []))
    for name, anchors in _digit_anchors(flat, g, months, digits).items():
        found += match_near([g.patterns[name]], text, anchors, DIGIT_REACH[name], flat)
    return found


def _glued_months(flat: str, g: Grammar, digits: list[tuple[int, int]]) -> list[int]:
    """Starts of month names glued to the digits after them ("أيلول2018", "sept17"), which the
    recogniser (whole words only) does not see."""
    out = []
    for s, _ in digits:
        if s and flat[s - 1].isalpha():
            start = flat.rfind(" ", 0, s) + 1
            word = g.month_at.match(flat, start)
            if word is not None and word.end() == s:
                out.append(start)
    return out


def _digit_anchors(
    flat: str, g: Grammar, months: list[int], digits: list[tuple[int, int]]
) -> dict[str, list[int]]:
    """Where each digit-led pattern is worth trying: a year for "عام 2017", a day followed by a
    month name (or glued to a word) for "9 July", a separator for 22/7/2017, a suffix or "of"
    for "the 9th of", "15 من الشهر"."""
    tries: dict[str, list[int]] = {name: [] for name in DIGIT_REACH}
    suffixes, of = g.suffixes, g.of_followers
    for s, e in digits:
        n = e - s
        after = flat[e : e + 3].lstrip()
        if n == 4:
            tries[k.YEAR_ONLY].append(s)
            tries[k.QUALIFIER].append(s)
            if after[:1] in ("-", "/", "."):
                tries[k.ISO].append(s)
        elif n <= 2:
            if after[:1] in ("/", ".", "-"):
                tries[k.NUMERIC].append(s)
            i = bisect_right(months, e)
            glued = flat[e : e + 1].isalpha() and not flat.startswith(suffixes, e)
            if (i < len(months) and months[i] - e <= DAY_TO_MONTH) or glued:
                tries[k.DAY_MONTH].append(s)
            if flat.startswith(suffixes, e) or flat.startswith(of, e):
                tries[k.ORDINAL].append(s)
                if flat.startswith(suffixes, e):
                    tries[k.BARE_ORDINAL].append(s)
    return {name: anchors for name, anchors in tries.items() if anchors}


def _names_the_next_date(m: re.Match, kind: str, nxt: re.Match | None, g: Grammar) -> bool:
    """A weekday right before a date of the calendar ("الجمعة 30 كانون الأول", "Saturday, May
    5", "يوم السبت الخامس من الشهر نفسه") is that date's weekday, not a day of its own (unless a
    relative word makes it one: "أمس الخميس", "last Friday")."""
    if nxt is None or kind != k.WEEKDAY or m.group("relday") or m.group("post"):
        return False
    if g.direction(m.group("pre")) is not None:
        return False
    return g.kind_of[id(nxt.re)] in NAMED_BY_WEEKDAY and 0 <= nxt.start() - m.end() <= 3


def _dateline(chosen: list[re.Match], text: str, g: Grammar) -> date | None:
    """The day of a dateline in the first lines of an undated text: a full date (with its
    year) on a short line of its own ("Friday, March 23, 2018.", "نشر في 21/09/2018")."""
    for m in chosen:
        if m.start() > DATELINE_REACH:
            break
        kind = g.kind_of[id(m.re)]
        if kind not in k.CALENDAR_KINDS or not m.group("year"):
            continue
        line = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        if (end if end >= 0 else len(text)) - line > DATELINE_LENGTH:
            continue
        scratch = Context(text, g, None, [])
        days = [d.value for d in RESOLVERS[kind](m, scratch) if d.value is not None]
        if days:
            return days[-1]
    return None


#: What follows the day of a wire dateline: the agency in brackets, then a dash ("July 7
#: (Reuters) -"), or the dash alone.
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-\u2013\u2014]\s")


def _short_dateline(m: re.Match, mention: DateMention, text: str) -> bool:
    """Whether a day read in the first lines of an undated text is its dateline: a calendar day
    right before the agency and the dash ("CAIRO/MOSCOW, July 22 (Reuters) - ..."), whose year
    came from the agreements the text names."""
    if m.start() > DATELINE_REACH or mention.precision != DAY:
        return False
    return _DATELINE_TAIL.match(text, m.end()) is not None


def _leftmost_longest(matches: list[re.Match]) -> list[re.Match]:
    out: list[re.Match] = []
    end = -1
    for start, neg_end, i in sorted((m.start(), -m.end(), i) for i, m in enumerate(matches)):
        if start >= end:
            out.append(matches[i])
            end = -neg_end
    return out
