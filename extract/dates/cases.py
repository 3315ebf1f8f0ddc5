"""One resolver per kind of date: from a match of the grammar to the date(s) it names, given the
context (publication day, the text's own years, the last date resolved)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from extract.dates import grammar as k
from extract.dates.calendar import safe_date, shift_month, year_near
from extract.dates.context import Context
from extract.dates.model import DAY, MONTH, YEAR, DateMention
from extract.dates.weekdays import COMMAS, weekday

#: How far before a date the preposition that introduces it is looked for.
PREPOSITION_REACH = 12
#: Most characters between a day and a count set off after it ("9 July, two days after").
APPOSED_GAP = 4
#: Most characters between the last day given and a count that counts from it ("on 1 August,
#: ... collapsed four days later"); a day in an earlier paragraph is not what it is from.
COUNT_REACH = 300

Resolver = Callable[[re.Match, Context], list[DateMention]]


def _explicit_year(m: re.Match, ctx: Context) -> int | None:
    """The year the match states (two digits: this century), remembered as the text's year."""
    digits = m.group("year")
    if not digits:
        return None
    year = int(digits)
    year = year + 2000 if year < 100 else year
    ctx.state_year(m.start("year"), year)
    return year


def _day_of(m: re.Match, ctx: Context) -> int | None:
    word = m.group("day")
    day = int(word.rstrip("".join(ctx.grammar.suffixes))) if word[0].isdigit() else None
    if day is None:
        day = ctx.grammar.lex.ordinals.get(word)
    return day if day is not None and 1 <= day <= 31 else None


def _year(
    m: re.Match, ctx: Context, month: int, day: int | None, precision: str, word: str | None
) -> int | None:
    """The year of a date written with a month name: stated ("9 July 2017"), named relative to
    publication ("in May last year"), or inferred (``word``: a relative word written with it)."""
    year = _explicit_year(m, ctx)
    if year is not None:
        return year
    groups = m.groupdict()
    if groups.get("sameyear"):  # "of the same year": the year last given
        return _year_last_given(ctx)
    relyear = groups.get("relyear") or (groups.get("rel") if groups.get("ofyear") else None)
    if relyear:
        direction = ctx.grammar.direction(relyear)
        return ctx.today.year + direction if ctx.today and direction is not None else None
    return ctx.year_for(m.start(), month, day, precision, word)


def _year_last_given(ctx: Context) -> int | None:
    """The year of the date or year the text gave last ("15 آذار من العام نفسه")."""
    given = []
    if ctx.stated is not None:
        given.append(ctx.stated)
    if ctx.last is not None and ctx.last.value is not None:
        given.append((ctx.last.start, ctx.last.value.year))
    return max(given)[1] if given else None


def _named_day(m: re.Match, ctx: Context, day: int) -> tuple[int | None, int]:
    """(year, month) of a day written with a month name, the year stated or inferred."""
    month = ctx.grammar.lex.months[m.group("month")]
    return _year(m, ctx, month, day, DAY, m.groupdict().get("rel")), month


def _named_days(m: re.Match, ctx: Context, first_start: int) -> list[DateMention]:
    """One day written with a month name, or two ("3 و4 أيار", "May 3-4"): the first from
    ``first_start`` to the end of its number, the last from its number to the end."""
    day = _day_of(m, ctx)
    if day is None:
        return []
    year, month = _named_day(m, ctx, day)
    value = safe_date(year, month, day) if year else None
    if not m.group("first"):
        return [DateMention(m.start(), m.end(), value, DAY)]
    first = safe_date(year, month, int(m.group("first"))) if year else None
    return [
        DateMention(first_start, m.end("first"), first, DAY),
        DateMention(m.start("day"), m.end(), value, DAY),
    ]


def day_month(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "4 مايو/ أيار 2017 الماضي", "9 July", "3 و4 أيار" (two days)."""
    return _named_days(m, ctx, m.start("first") if m.group("first") else m.start())


def month_day(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "July 9, 2017", "Sept 17th", "May 3-4" (the phrase up to the first day, then the last)."""
    return _named_days(m, ctx, m.start())


def numeric(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "22/7/2017", "17.09.2018" (day first; month first where the day cannot be a month)."""
    a, b = int(m.group("day")), int(m.group("month"))
    day, month = (a, b) if b <= 12 else (b, a)
    year = _explicit_year(m, ctx)
    value = safe_date(year, month, day) if year else None
    return [DateMention(m.start(), m.end(), value, DAY)] if value else []


def iso(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "2018-09-17"."""
    year = _explicit_year(m, ctx)
    value = safe_date(year, int(m.group("month")), int(m.group("day"))) if year else None
    return [DateMention(m.start(), m.end(), value, DAY)] if value else []


def ordinal(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "السادس من الشهر نفسه", "the sixth of May", "الخامس من الشهر الماضي"."""
    day = _day_of(m, ctx)
    if day is None:
        return []
    if (m.group("themonth") or m.group("ofit")) and not _after_preposition(m, ctx):
        return []  # "النصف الثاني من الشهر", "الجزء الثاني منه": the second half, not the 2nd
    if m.group("same") or m.group("themonth") or m.group("ofit"):  # "of the same month", "منه"
        base = _month_last_named(ctx)
    elif m.group("relmonth") or m.group("thismonth"):  # "من الشهر الماضي", "4 الجاري"
        direction = ctx.grammar.direction(m.group("relpre") or m.group("relpost"))
        base = shift_month(ctx.today, direction or 0) if ctx.today else None
    else:
        year, month = _named_day(m, ctx, day)
        base = date(year, month, 1) if year else None
    value = safe_date(base.year, base.month, day) if base else None
    first = m.group("ofirst")
    if first is None:
        return [DateMention(m.start(), m.end(), value, DAY)]
    ordinals = ctx.grammar.lex.ordinals
    joined = " ".join(m.string[m.start("ofirst") : m.end("day")].split())
    if joined in ordinals:  # "الثاني والعشرين": one day written in two words, not two days
        whole = safe_date(base.year, base.month, ordinals[joined]) if base else None
        return [DateMention(m.start("ofirst"), m.end(), whole, DAY)]
    number = ordinals.get(first, 0)
    before = safe_date(base.year, base.month, number) if base and 1 <= number <= 31 else None
    return [
        DateMention(m.start("ofirst"), m.end("ofirst"), before, DAY),
        DateMention(m.start("day"), m.end(), value, DAY),
    ]


def _after_preposition(m: re.Match, ctx: Context) -> bool:
    """Whether the word right before the date is a date preposition ("في", "وفي", "on"), or an
    onward phrase ends right before it ("ابتداءً من الخامس عشر من الشهر")."""
    window = m.string[max(0, m.start() - PREPOSITION_REACH) : m.start()]
    before = window.split()
    if not before:
        return False
    word, preps = before[-1], ctx.grammar.prepositions
    if word in preps or (word[:1] in ctx.grammar.lex.proclitic_letters and word[1:] in preps):
        return True
    return ctx.grammar.onward_before.search(window) is not None


def _month_last_named(ctx: Context) -> date | None:
    last = ctx.last
    if last is not None and last.precision in (DAY, MONTH):
        return last.value
    return ctx.today


def bare_ordinal(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "on the 6th": a day of the month last named, else of the publication month."""
    day = _day_of(m, ctx)
    base = _month_last_named(ctx)
    value = safe_date(base.year, base.month, day) if base and day else None
    return [DateMention(m.start("core"), m.end(), value, DAY)] if value else []


def month_only(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "نهاية ديسمبر/ كانون الأول الماضي", "mid-September", "in May 2017", "منتصف أيلول"."""
    g = ctx.grammar
    word, mod, pre = m.group("month"), m.group("mod"), m.group("pre")
    supported = mod or pre or m.group("year") or m.group("rel") or m.group("relyear")
    if word in g.months_needing_support and not supported:
        return []
    month = g.lex.months[word]
    relative = g.direction(pre) is not None
    year = _year(m, ctx, month, None, MONTH, m.group("rel") or (pre if relative else None))
    start = m.start("month") if pre and not mod and not relative else m.start()
    return [DateMention(start, m.end(), date(year, month, 1) if year else None, MONTH)]


def year_only(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "عام 2017", "in 2018" (the preposition is not part of the date), "مطلع 2018", "mid-2018"."""
    year = _explicit_year(m, ctx)
    if year is None:
        return []
    start = m.start("mod") if m.group("mod") else m.start("word" if m.group("word") else "year")
    return [DateMention(start, m.end(), date(year, 1, 1), YEAR)]


def qualifier(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "the May memorandum", "the July 2017 agreement" (a month), "the 2018 memorandum" (a year):
    the date that says which agreement the noun after it is."""
    bare = m.group("bare")
    if bare:
        ctx.state_year(m.start("bare"), int(bare))
        return [DateMention(m.start("bare"), m.end("bare"), date(int(bare), 1, 1), YEAR)]
    month = ctx.grammar.lex.months[m.group("month")]
    year = _explicit_year(m, ctx)
    if year is None and ctx.published is not None:
        # an agreement is named by the month it was reached in: the last such month
        year = year_near(ctx.published, month, 1, -1)
    elif year is None:
        year = ctx.year_for(m.start(), month, None, MONTH, None)
    value = date(year, month, 1) if year else None
    return [DateMention(m.start("month"), m.end(), value, MONTH)]


def relative_month(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "الشهر الماضي", "late last month", "منتصف الشهر الجاري": a month named relative to
    publication (no value in an undated text)."""
    direction = ctx.grammar.direction(m.group("relpre") or m.group("relpost")) or 0
    value = shift_month(ctx.today, direction) if ctx.today else None
    return [DateMention(m.start("core"), m.end(), value, MONTH)]


def relative_year(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "العام الماضي", "last year", "هذا العام"; "تلك السنة" / "العام التالي" (the year of the
    story told, or the one after it), which the days after it without a year take."""
    sequel = m.group("sequel")
    if sequel or m.group("sameyear"):
        base = ctx.story_year(m.start())
        if base is None:
            return [DateMention(m.start(), m.end(), None, YEAR)]
        year = base + 1 if sequel else base
        ctx.state_sequel(m.start(), year)
        return [DateMention(m.start(), m.end(), date(year, 1, 1), YEAR)]
    if ctx.today is None:
        return [DateMention(m.start(), m.end(), None, YEAR)]
    direction = ctx.grammar.direction(m.group("relpre") or m.group("relpost")) or 0
    return [DateMention(m.start(), m.end(), date(ctx.today.year + direction, 1, 1), YEAR)]


def anniversary(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "في مثل هذا اليوم قبل عامين" / "من عام 2017": the publication day of that year; alone
    ("في مثل هذا اليوم"), a day of a year the text does not give: no date."""
    today, g = ctx.today, ctx.grammar
    if today is None:
        return []
    if m.group("year"):
        year = int(m.group("year"))
    elif m.group("dual"):
        year = today.year - 2
    elif m.group("count"):
        word = m.group("count")
        year = today.year - (int(word) if word.isdigit() else g.lex.cardinals.get(word, 0))
    elif m.group("unit") or m.group("rel"):
        year = today.year - 1  # "قبل عام", "من العام الماضي"
    else:
        return []
    value = safe_date(year, today.month, today.day)
    if value is None or year == today.year:
        return []
    ctx.state_year(m.start(), year)
    return [DateMention(m.start(), m.end(), value, DAY)]


def counted_days(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "two days later", "بعد يومين", "قبل ثلاثة أيام": counted from the last day given;
    "two days after the signing" from the signing day of the agreement named. Set off after a
    day, before the event it dates ("on 9 July, two days after officials settled its terms",
    "اليوم السبت، بعد يومين من توقيعها"), it counts back to that event. Otherwise no date: the
    last day given is seldom the signing."""
    last, g = ctx.last, ctx.grammar
    day = last.value if last is not None and last.precision == DAY else None
    apposed = last is not None and day is not None and _apposed(m, last) and _event_follows(m)
    base = ctx.signing_day(m.start()) if m.group("event") else None
    if m.group("two"):
        n = 2
    elif m.group("oneday"):  # "قبل ذلك بيوم"
        n = 1
    else:
        word = m.group("count") or m.group("count_before") or m.group("count_after")
        n = int(word) if word.isdigit() else g.lex.cardinals.get(word, 0)
    sign = -1 if (m.group("dir") or m.group("dirpre")) in g.earlier or m.group("ago") else 1
    # "قبل يومين" with no "ذلك": two days ago, counted from the publication day
    ago = m.group("dirpre") in g.earlier and not _says_that(m, g) and not m.group("event")
    ago = ago or bool(m.group("ago"))  # "ten days ago"
    if base is None and apposed:
        base, sign = day, -sign
    elif base is None and ago:
        base = ctx.today
    elif base is None and not m.group("event") and last is not None:
        base = day if _same_stretch(ctx.text, last.end, m.start()) else None
    if base is None or not n:
        return []
    return [DateMention(m.start(), m.end(), base + timedelta(days=sign * n), DAY)]


def _anniversary(m: re.Match, lex) -> int | None:
    """Years back of an anniversary day ("في مثل هذا اليوم قبل عامين": 2; 0 when no count
    follows), or None when the day word is no anniversary's."""
    before = m.string[max(0, m.start() - ANNIVERSARY_REACH) : m.start()].rstrip()
    if not any(before.endswith(w) for w in lex.words["anniversary_words"]):
        return None
    after = " ".join(m.string[m.end() : m.end() + ANNIVERSARY_REACH].replace(",", " ").split())
    return max((n for w, n in lex.years_ago.items() if after.startswith(w)), default=0)


def _years_back(day: date, years: int) -> date:
    """The same day ``years`` back (29 February falls back to the 28th)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return date(day.year - years, day.month, 28)


#: Characters around an anniversary's day word read for its phrase and its count of years.
ANNIVERSARY_REACH = 24


def _same_stretch(text: str, start: int, end: int) -> bool:
    """Whether a count at ``end`` is close enough to the day before it to count from it: no
    paragraph break between, at most ``COUNT_REACH`` characters."""
    return end - start <= COUNT_REACH and "\n\n" not in text[start:end].replace(" ", "")


def _says_that(m: re.Match, g: k.Grammar) -> bool:
    """Whether the count names what it counts from ("قبل ذلك بيومين": before that)."""
    return any(w in g.lex.words["that_words"] for w in m.group(0).split())


def _apposed(m: re.Match, last: DateMention) -> bool:
    """Whether the count is set off by a comma right after the last day ("on 9 July, two")."""
    between = m.string[last.end : m.start()].strip()
    return 0 <= m.start() - last.end <= APPOSED_GAP and between in COMMAS


def _event_follows(m: re.Match) -> bool:
    """Whether words (the event counted from) follow the count, not punctuation ("later.")."""
    rest = m.string[m.end() : m.end() + APPOSED_GAP].lstrip()
    return rest[:1].isalpha()


def relative_day(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "أمس", "yesterday" (from publication); "the next day", "اليوم السابق", "اليوم نفسه" (from
    the last day)."""
    lex = ctx.grammar.lex
    word = m.group("relday")
    if word:
        if word not in lex.bare_relative_days:
            return []
        today = ctx.today
        value = today + timedelta(days=lex.relative_days[word]) if today else None
        back = _anniversary(m, lex) if lex.relative_days[word] == 0 else None
        if back is not None:  # "في مثل هذا اليوم قبل عامين": that day, years back
            value = _years_back(today, back) if today and back else None
        return [DateMention(m.start(), m.end(), value, DAY)]
    last = ctx.last
    if last is None or last.precision != DAY or last.value is None:
        return [DateMention(m.start(), m.end(), None, DAY)]
    shift = 1 if m.group("nextday") else -1 if m.group("prevday") else 0
    return [DateMention(m.start(), m.end(), last.value + timedelta(days=shift), DAY)]


RESOLVERS: dict[str, Resolver] = {
    k.DAY_MONTH: day_month,
    k.MONTH_DAY: month_day,
    k.NUMERIC: numeric,
    k.ISO: iso,
    k.ORDINAL: ordinal,
    k.BARE_ORDINAL: bare_ordinal,
    k.WEEKDAY: weekday,
    k.MONTH_ONLY: month_only,
    k.YEAR_ONLY: year_only,
    k.RELATIVE_MONTH: relative_month,
    k.QUALIFIER: qualifier,
    k.RELATIVE_YEAR: relative_year,
    k.ANNIVERSARY: anniversary,
    k.COUNTED_DAYS: counted_days,
    k.RELATIVE_DAY: relative_day,
}
