"""A date grammar for Arabic and English news, resolved against the publication date.

dateparser misses most Arabic newspaper forms ("4 مايو/ أيار الماضي", "أمس الثلاثاء",
"نهاية ديسمبر/ كانون الأول الماضي", "السادس من الشهر نفسه") and is slow; this grammar is built
from the month, weekday and ordinal words of ``assets/lexicon`` and works on the normalised text.
A date keeps the precision the text gives it: a day, a month or a year.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extract.lexicon import WORD_START, Lexicon
from extract.recognise import Match, match_near, scan

DAY, MONTH, YEAR = "day", "month", "year"
#: How far ahead of publication an unqualified date may lie before we read it as last year's.
_FUTURE_SLACK = timedelta(days=62)
_HALF_YEAR = timedelta(days=182)


@dataclass(slots=True)
class DateMention:
    start: int
    end: int
    value: date | None
    precision: str

    @property
    def iso(self) -> str | None:
        if self.value is None:
            return None
        if self.precision == DAY:
            return self.value.isoformat()
        if self.precision == MONTH:
            return self.value.isoformat()[:7]
        return str(self.value.year)


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class Grammar:
    patterns: dict[str, re.Pattern]
    lex: Lexicon
    past: frozenset[str]
    next: frozenset[str]
    current: frozenset[str]
    #: a word that puts what follows in the future ("would begin on Friday", "على أن يبدأ")
    future: re.Pattern


@lru_cache(maxsize=4)
def grammar(lex: Lexicon) -> Grammar:
    """Compile the date grammar from the lexicon (once)."""
    w = lex.words
    month = _alt(lex.months)
    weekday = _alt(lex.weekdays)
    ordinal = _alt(k for k, v in lex.ordinals.items() if v <= 31)
    past, nxt, cur = _alt(w["past"]), _alt(w["next"]), _alt(w["current"])
    rel = f"(?:{past}|{nxt}|{cur})"
    arabic = re.compile("[\u0621-\u064a]")
    ar_rel = _alt(x for x in (*w["past"], *w["next"], *w["current"]) if arabic.match(x))
    same = _alt(w["same"])
    same_prefix = _alt(w["same_prefix"])
    modifier = _alt(w["month_modifiers"])
    rel_days = _alt(lex.relative_days)
    cardinal = _alt(lex.cardinals)
    year = r"(?:19[5-9]\d|20[0-4]\d)"
    year_word = r"(?:عام|العام|سنه|السنه|year)"
    # month, with an optional second name of the same month: "مايو/ أيار", "أيار (مايو)"
    m = rf"(?:شهر\s+)?(?P<{{g}}>{month})(?:(?<=[a-z])\.(?=\s*\d))?(?:\s*[/(\-]\s*(?:{month})\s*\)?)?"
    year_tail = rf"(?:\s*,?\s*(?:من\s+)?(?:{year_word}\s*)?(?P<{{g}}>{year})(?!\d))?"
    rel_tail = rf"(?:\s+(?:من\s+(?:العام|عام|السنه)\s+)?(?P<{{g}}>{ar_rel}))?"
    d0 = r"(?:(?P<d0>\d{1,2})(?:st|nd|rd|th)?\s*(?:و|-|and\b|to\b|&)\s*)?"
    parts = [
        # 4 مايو/ أيار 2017 الماضي ; 9 July 2017 ; 3 و4 أيار ; the 9th of July
        rf"(?P<dm>{d0}(?<!\d)(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s*(?:من\s+|of\s+)?{m.format(g='m1')}{year_tail.format(g='y1')}{rel_tail.format(g='r1')})",
        # July 9, 2017 ; July 9 ; May 3-4
        rf"(?P<md>(?<![a-z]){m.format(g='m2')}\s+{d0.replace('d0', 'e0')}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d){year_tail.format(g='y2')})",
        # 22 – 7 – 2017 ; 22/7/2017 ; 2017-07-22
        rf"(?P<num>(?<![\d/.-])(?P<d3>\d{{1,2}})\s*(?P<sep>[/.\-])\s*(?P<m3>\d{{1,2}})\s*(?P=sep)\s*(?P<y3>{year}|\d\d)(?![\d/.-]))",
        rf"(?P<iso>(?<!\d)(?P<y4>{year})-(?P<m4>\d\d)-(?P<d4>\d\d)(?!\d))",
        # السادس من الشهر نفسه ; the sixth of the same month ; الرابع من أيار
        rf"(?P<ord>(?:(?:يوم|the)\s+)?(?P<od>{ordinal}|\d{{1,2}}(?:st|nd|rd|th)?)\s+(?:من\s+|of\s+)(?:(?P<same>(?:the\s+)?{same}\s+month|(?:ال)?شهر\s+(?:{same})|(?:{same_prefix})\s+الشهر|(?:that|this)\s+month|(?:هذا\s+)?الشهر\s+(?P<rel5>{rel})|هذا\s+الشهر)|{m.format(g='m5')}{year_tail.format(g='y5')}{rel_tail.format(g='r5')}))",
        # on the 6th ; by the 10th (of the month last named, else of the publication month)
        r"(?P<onth>(?:on|by|until|till|before|after|since|from)\s+the\s+(?P<d12>\d{1,2})(?:st|nd|rd|th)(?!\s*(?:of\b|-?[a-z])))",
        # أمس الثلاثاء ; اليوم الأربعاء ; last Tuesday ; الثلاثاء الماضي ; on Tuesday
        rf"(?P<wd>(?:(?P<rd6>{rel_days})\s*,?\s*(?:(?:يوم|ال)\s*)?|(?P<pre6>{past}|{nxt}|this|on|by|until|till|from|since|يوم)\s+)?(?P<w6>{weekday})(?:\s+(?P<r6>{past}|{nxt}))?)",
        # end of December 2016 ; نهاية ديسمبر/ كانون الأول الماضي ; last December ; في مايو
        rf"(?P<mo>(?:(?P<mod7>{modifier})\s*(?:of\s+|-\s*)?)?(?:(?P<pre7>{past}|{nxt}|this|in|since|by|until|during|في|منذ|حتي|خلال)\s+)?{m.format(g='m7')}(?!\s*\d{{1,2}}(?:st|nd|rd|th)?(?!\d)){year_tail.format(g='y7')}{rel_tail.format(g='r7')})",
        # عام 2017 ; in 2018 ; العام الماضي ; last year
        rf"(?P<yr>(?P<yp8>{year_word}|in|since|during|until|by|before|after|early|late|mid|منذ|خلال|مطلع|نهايه|اواخر|بدايه|حتي|في)\s*-?\s*(?P<y8>{year})(?!\d)(?!\s*[-/.]\s*\d))",
        rf"(?P<ryr>(?:(?:العام|السنه)\s+(?P<r9>{past}|{nxt}|{cur})|(?P<p9>last|next|this)\s+year))",
        # two days later ; بعد يومين (counted from the last day the text gave)
        rf"(?P<later>(?:(?P<n11>\d{{1,2}}|{cardinal})\s+days?\s+(?P<dir11>later|after(?:wards)?|earlier|before)|(?P<ar11>بعد|قبل)\s+(?P<arn11>يومين|يوم\s+واحد|(?:\d{{1,2}}|{cardinal})\s+ايام)))",
        # أمس ; yesterday ; the next day ; اليوم التالي
        rf"(?P<rd>(?P<rd10>{rel_days})|(?P<same10>(?:the\s+)?(?:same|following|next)\s+day|(?:في\s+)?اليوم\s+(?:التالي|نفسه|ذاته)|(?:في\s+)?(?:نفس|ذات)\s+اليوم))",
    ]
    patterns = {}
    for part in parts:
        name = re.match(r"\(\?P<(\w+)>", part).group(1)
        patterns[name] = re.compile(WORD_START + part + r"(?![\w])")
        _KIND[id(patterns[name])] = name
    return Grammar(
        patterns=patterns,
        lex=lex,
        past=frozenset(w["past"]) | {"last", "past", "previous"},
        next=frozenset(w["next"]) | {"next", "coming"},
        current=frozenset(w["current"]) | {"this"},
        future=re.compile(WORD_START + _alt(w["future_cues"]) + r"(?![\w])"),
    )


#: For each kind of anchor word: which date patterns can contain it, and how far before it
#: such a date may start ("the end of December", "أمس الثلاثاء", "the 9th of July").
ANCHORED = {
    "months": ((("md",), 5), (("mo",), 22)),
    "weekdays": ((("wd",), 16),),
    "ordinals": ((("ord",), 6),),
    "relative_days": ((("rd",), 0),),
    "year_words": ((("ryr",), 8),),
    "day_word": ((("rd", "later"), 16),),
}


_AMBIGUOUS_EN_MONTHS = {
    "may",
    "march",
    "mar",
    "jan",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "feb",
    "apr",
    "sept",
}
_ARABIC_NEEDS_SUPPORT_MONTHS = {"اب", "ماي"}
_WEAK_WEEKDAYS = {"الاحد", "الاثنين"}
_FOLLOWING = {"following", "next", "التالي"}


def _year_for(
    month: int, day: int, rel: str | None, g: Grammar, published: date | None, last_year: int | None
) -> int | None:
    if published is None:
        return last_year
    y = published.year
    candidate = _safe(y, month, day)
    if candidate is None:
        return y
    if rel in g.past:
        if candidate >= published or (day == 1 and month >= published.month):
            return y - 1
    elif rel in g.next:
        if candidate <= published:
            return y + 1
    elif rel in g.current:
        return y
    elif candidate <= published + _FUTURE_SLACK and published - candidate <= _HALF_YEAR:
        return y  # (the common case of the search below, decided without it)
    else:
        # the nearest such day that is not far in the future ("January 29" in late December)
        options = [
            c
            for c in (_safe(y + k, month, day) for k in (-1, 0, 1))
            if c is not None and c <= published + _FUTURE_SLACK
        ]
        if options:
            return min(options, key=lambda c: abs(c - published)).year
    return y


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


#: How far before a bare weekday a future cue of its sentence is looked for.
FUTURE_REACH = 64
_SENTENCE_END = re.compile(r".*[.!?؟]\s", re.DOTALL)


def _future_before(text: str, start: int, g: Grammar) -> bool:
    """Whether the sentence speaks of the future before ``start`` ("the halt would begin at
    midnight on Friday", "على أن يبدأ التطبيق يوم الجمعة")."""
    lo = max(0, start - FUTURE_REACH)
    window = text[lo:start]
    cut = _SENTENCE_END.match(window)
    return g.future.search(window, cut.end() if cut else 0) is not None


def _weekday(target: int, published: date | None, direction: str) -> date | None:
    if published is None:
        return None
    if direction == "ahead":  # the first such day from publication on
        return published + timedelta(days=(target - published.weekday()) % 7)
    delta = (published.weekday() - target) % 7
    if direction == "past":
        return published - timedelta(days=delta or 7)
    if direction == "next":
        ahead = (target - published.weekday()) % 7
        return published + timedelta(days=ahead or 7)
    return published - timedelta(days=delta)


_DIGITS = re.compile(r"[0-9]+")  # Arabic-Indic digits are ASCII after normalisation
_ORDINAL_FOLLOWERS = (" من ", " of ", " من", " of")
_SUFFIXES = ("st", "nd", "rd", "th")


def _digit_dates(text: str, g: Grammar, months: list[int]) -> list[re.Match]:
    """Try each digit-led date pattern only where the digits can start one: a year for "عام
    2017", a day followed by a month name, a separator for 22/7/2017, "من"/"of" for "15 من الشهر"."""
    p = g.patterns
    tries: dict[str, list[int]] = {"dm": [], "num": [], "iso": [], "ord": [], "yr": [], "onth": []}
    for m in _DIGITS.finditer(text):
        s, e = m.span()
        n = e - s
        after = text[e : e + 3].lstrip()
        if n == 4:
            tries["yr"].append(s)
            if after[:1] == "-":
                tries["iso"].append(s)
        elif n <= 2:
            if after[:1] in ("/", ".", "-"):
                tries["num"].append(s)
            i = bisect_right(months, e)
            if i < len(months) and months[i] - e <= 16:
                tries["dm"].append(s)
            if text.startswith(_SUFFIXES, e) or text.startswith(_ORDINAL_FOLLOWERS, e):
                tries["ord"].append(s)
                if text.startswith(_SUFFIXES, e):
                    tries["onth"].append(s)
    out: list[re.Match] = []
    for name, reach in (("dm", 0), ("num", 0), ("iso", 0), ("ord", 6), ("yr", 10), ("onth", 12)):
        if tries[name]:
            out += match_near([p[name]], text, tries[name], reach)
    return out


def find_dates(
    text: str, lex: Lexicon, published: date | None, cores: list[Match] | None = None
) -> list[DateMention]:
    """Every date expression of the normalised ``text``, resolved where the text allows.
    ``cores`` are the date words the recogniser found (found again here when not given)."""
    g = grammar(lex)
    text = text.replace("\n", " ")  # (a no-op when the caller already did it)
    if cores is None:
        cores = scan(text, lex)[1].get("datecore", [])
    by_kind: dict[str, list[int]] = {}
    for c in cores:
        ident = c.entries[0].ident
        if ident == "ordinals" and not text.startswith(_ORDINAL_FOLLOWERS, c.end):
            continue  # "الأول" / "first" is a date only as "الأول من ..." / "first of ..."
        by_kind.setdefault(ident, []).append(c.start)
    months = sorted(by_kind.get("months", []))
    found: list[re.Match] = []
    for kind, anchors in by_kind.items():
        for names, reach in ANCHORED[kind]:
            if names == ("mo",):
                # a month with its day ("July 9") is never a month-only date: skip those anchors
                dated = {m.start("m2") for m in found if _KIND[id(m.re)] == "md"}
                anchors = [a for a in anchors if a not in dated]
            found += match_near([g.patterns[n] for n in names], text, anchors, reach)
    found += _digit_dates(text, g, months)
    out: list[DateMention] = []
    last: DateMention | None = None
    last_year: int | None = None
    chosen = _leftmost_longest(found)
    for i, mt in enumerate(chosen):
        if _names_the_next_date(mt, chosen[i + 1] if i + 1 < len(chosen) else None):
            continue
        found_here = _resolve(mt, g, published, last, last_year)
        for mention in found_here:
            out.append(mention)
            if mention.value is not None:
                last = mention
                last_year = mention.value.year
    return out


_CALENDAR = frozenset(("dm", "md", "num", "iso"))
#: compiled pattern -> the name of its kind (each pattern's first group)
_KIND: dict[int, str] = {}


def _names_the_next_date(mt: re.Match, nxt: re.Match | None) -> bool:
    """A bare weekday right before a calendar date ("الجمعة 30 كانون الأول", "Saturday, May 5")
    is that date's weekday, not a day of its own."""
    if (
        nxt is None
        or _KIND[id(mt.re)] != "wd"
        or mt.group("rd6")
        or mt.group("pre6")
        or mt.group("r6")
    ):
        return False
    return _KIND[id(nxt.re)] in _CALENDAR and 0 <= nxt.start() - mt.end() <= 3


def _leftmost_longest(matches: list[re.Match]) -> list[re.Match]:
    out: list[re.Match] = []
    end = -1
    ordered = sorted([(m.start(), -m.end(), i) for i, m in enumerate(matches)])
    for start, neg_end, i in ordered:
        if start >= end:
            out.append(matches[i])
            end = -neg_end
    return out


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = int(s)
    return y + 2000 if y < 100 else y


def _resolve(
    mt: re.Match,
    g: Grammar,
    published: date | None,
    last: DateMention | None,
    last_year: int | None,
) -> list[DateMention]:
    lex = g.lex
    s, e = mt.start(), mt.end()
    gd = mt.groupdict()
    kind = _KIND[id(mt.re)]
    if kind in ("dm", "md"):
        sfx = "1" if kind == "dm" else "2"
        month = lex.months[gd["m" + sfx]]
        day = int(gd["d" + sfx])
        year = _year(gd["y" + sfx])
        rel = gd.get("r1") if sfx == "1" else None
        if year is None:
            year = _year_for(month, day, rel, g, published, last_year)
        first = gd["d0"] if sfx == "1" else gd["e0"]
        value = _safe(year, month, day) if year else None
        if not 1 <= day <= 31:
            return []
        out = []
        if first:
            fs = mt.start("d0" if sfx == "1" else "e0")
            fv = _safe(year, month, int(first)) if year else None
            if sfx == "1":
                out.append(DateMention(fs, mt.end("d0"), fv, DAY))
                s = mt.start("d1")
            else:
                out.append(DateMention(s, e, value, DAY))
                out.append(DateMention(fs, mt.end("e0"), fv, DAY))
                out.sort(key=lambda d: d.start)
                # "May 3-4": report the whole phrase for the last day, the first day alone
                out[0], out[1] = (
                    DateMention(s, mt.end("e0"), fv, DAY),
                    DateMention(mt.start("d2"), e, value, DAY),
                )
                return out
        out.append(DateMention(s, e, value, DAY))
        return out
    if kind in ("num", "iso"):
        if kind == "num":
            a, b, y = int(gd["d3"]), int(gd["m3"]), _year(gd["y3"])
            day, month = (a, b) if b <= 12 else (b, a)
        else:
            day, month, y = int(gd["d4"]), int(gd["m4"]), int(gd["y4"])
        value = _safe(y, month, day) if y else None
        return [DateMention(s, e, value, DAY)] if value else []
    if kind == "ord":
        od = gd["od"]
        day = int(od.rstrip("stndrh")) if od[0].isdigit() else lex.ordinals.get(od)
        if day is None or not 1 <= day <= 31:
            return []
        if gd["same"] or gd["rel5"] == "" or (gd["same"] is None and gd["m5"] is None):
            this_month = gd["same"] and gd["same"].startswith("this")
            base = (
                last.value
                if last and last.precision in (DAY, MONTH) and not this_month
                else published
            )
            if gd["rel5"]:
                base = _shift_month(published, gd["rel5"], g) if published else None
            value = _safe(base.year, base.month, day) if base else None
            return [DateMention(s, e, value, DAY)]
        month = lex.months[gd["m5"]]
        year = _year(gd["y5"]) or _year_for(month, day, gd["r5"], g, published, last_year)
        return [DateMention(s, e, _safe(year, month, day) if year else None, DAY)]
    if kind == "onth":
        day = int(gd["d12"])
        base = last.value if last and last.precision in (DAY, MONTH) else published
        value = _safe(base.year, base.month, day) if base else None
        return [DateMention(mt.start("d12") - 4, e, value, DAY)] if value else []
    if kind == "wd":
        wd_word = gd["w6"]
        target = lex.weekdays[wd_word]
        if gd["rd6"]:
            offset = lex.relative_days[gd["rd6"]]
            value = published + timedelta(days=offset) if published else None
            return [DateMention(s, e, value, DAY)]
        pre, post = gd["pre6"], gd["r6"]
        if not pre and not post and wd_word in _WEAK_WEEKDAYS:
            return []
        direction = (
            "past"
            if (pre in g.past or post in g.past)
            else "next"
            if (pre in g.next or post in g.next)
            else "ahead"
            if _future_before(mt.string, s, g)
            else "recent"
        )
        return [DateMention(s, e, _weekday(target, published, direction), DAY)]
    if kind == "mo":
        word = gd["m7"]
        month = lex.months[word]
        supported = gd["mod7"] or gd["pre7"] or gd["y7"] or gd["r7"]
        if word in _AMBIGUOUS_EN_MONTHS | _ARABIC_NEEDS_SUPPORT_MONTHS and not supported:
            return []
        year = _year(gd["y7"])
        rel = gd["r7"] or (gd["pre7"] if gd["pre7"] in g.past | g.next | g.current else None)
        if year is None:
            year = _year_for(month, 1, rel, g, published, last_year)
        if gd["pre7"] and not gd["mod7"] and gd["pre7"] not in g.past | g.next | g.current:
            s = mt.start("m7")  # "in May": the date is "May"
        return [DateMention(s, e, _safe(year, month, 1) if year else None, MONTH)]
    if kind == "yr":
        y = int(gd["y8"])
        keep_prefix = gd["yp8"] in ("عام", "العام", "سنه", "السنه")
        return [DateMention(s if keep_prefix else mt.start("y8"), e, date(y, 1, 1), YEAR)]
    if kind == "ryr":
        rel = gd["r9"] or gd["p9"]
        if published is None:
            return [DateMention(s, e, None, YEAR)]
        y = (
            published.year - 1
            if rel in g.past
            else published.year + 1
            if rel in g.next
            else published.year
        )
        return [DateMention(s, e, date(y, 1, 1), YEAR)]
    if kind == "later":
        if last is None or last.precision != DAY or last.value is None:
            return []
        if gd["n11"]:
            n = int(gd["n11"]) if gd["n11"].isdigit() else lex.cardinals.get(gd["n11"], 0)
            sign = -1 if gd["dir11"] in ("earlier", "before") else 1
        else:
            words = gd["arn11"]
            n = (
                2
                if words == "يومين"
                else 1
                if words.startswith("يوم")
                else _count(words.split()[0], lex)
            )
            sign = -1 if gd["ar11"] == "قبل" else 1
        if not n:
            return []
        return [DateMention(s, e, last.value + timedelta(days=sign * n), DAY)]
    if kind == "rd":
        if gd["rd10"]:
            word = gd["rd10"]
            if word not in lex.bare_relative_days:
                return []
            offset = lex.relative_days[word]
            return [
                DateMention(s, e, published + timedelta(days=offset) if published else None, DAY)
            ]
        if last is None or last.precision != DAY or last.value is None:
            return [DateMention(s, e, None, DAY)]
        phrase = gd["same10"]
        shift = 1 if any(w in phrase for w in _FOLLOWING) else 0
        return [DateMention(s, e, last.value + timedelta(days=shift), DAY)]
    return []


def _count(word: str, lex: Lexicon) -> int:
    return int(word) if word.isdigit() else lex.cardinals.get(word, 0)


def _shift_month(published: date, rel: str, g: Grammar) -> date:
    if rel in g.past:
        return (published.replace(day=1) - timedelta(days=1)).replace(day=1)
    if rel in g.next:
        return (published.replace(day=28) + timedelta(days=4)).replace(day=1)
    return published.replace(day=1)
