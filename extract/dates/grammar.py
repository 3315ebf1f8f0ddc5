"""The date grammar: one named regular expression per kind of date, built from the date words
of ``assets/lexicon/<lang>.json`` (months, weekdays, ordinals, prepositions, "the same month",
"two days later", ...). Nothing here is a word of a language; only digits, punctuation and the
shape of each kind of date.

Every pattern is matched on the normalised text with its line breaks: a date never runs across
a line (a cut-off line of a scraped page must not lend its year to the next one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from types import SimpleNamespace

from extract.lexicon import Lexicon
from extract.word_start import AtWordStart

#: A space that is not a line break.
W = r"[^\S\n]"
#: The years a date may name in full.
YEAR_DIGITS = r"(?:19[5-9]\d|20[0-4]\d)"
#: A digit-led date starts after anything but a digit or a Latin letter ("M4", "G20"); an Arabic
#: word glued to it by scraping ("في17") does not stop it.
DIGIT_START = r"(?<![0-9a-z])"
#: A date ends at the end of a word, or right after its digits ("2018Russia" from a scraped page).
END = r"(?:(?<=\d)(?!\d)|(?<!\d)(?!\w))"
_ARABIC = re.compile("[\u0621-\u064a]")

# The kinds of date, each one pattern (the names are also the keys of ``Grammar.patterns``).
DAY_MONTH = "day_month"  # 4 مايو/ أيار 2017 الماضي ; 9 July 2017 ; 3 و4 أيار
MONTH_DAY = "month_day"  # July 9, 2017 ; Sept 17th ; May 3-4
NUMERIC = "numeric"  # 22/7/2017 ; 22 – 7 – 2017 ; 17.09.2018
ISO = "iso"  # 2018-09-17
ORDINAL = "ordinal"  # السادس من الشهر نفسه ; the sixth of May ; الرابع من أيار
BARE_ORDINAL = "bare_ordinal"  # on the 6th
WEEKDAY = "weekday"  # أمس الثلاثاء ; last Tuesday ; on Friday
MONTH_ONLY = "month"  # نهاية ديسمبر الماضي ; mid-September ; in May 2017
YEAR_ONLY = "year"  # عام 2017 ; in 2018 ; مطلع 2018
RELATIVE_YEAR = "relative_year"  # العام الماضي ; last year ; في العام التالي ; تلك السنة
ANNIVERSARY = "anniversary"  # في مثل هذا اليوم قبل عامين ; في مثل هذا اليوم من عام 2017
RELATIVE_MONTH = "relative_month"  # الشهر الماضي ; late last month ; منتصف الشهر الجاري
QUALIFIER = "qualifier"  # the May memorandum ; the 2018 memorandum ; the July 2017 agreement
COUNTED_DAYS = "counted_days"  # two days later ; بعد يومين
RELATIVE_DAY = "relative_day"  # أمس ; yesterday ; the next day ; اليوم نفسه
CALENDAR_KINDS = frozenset((DAY_MONTH, MONTH_DAY, NUMERIC, ISO))


def alt(words: Iterable[str]) -> str:
    """A regex alternative of ``words`` that prefers the longest, written as a trie (one branch
    per next letter: the regex engine tries a few letters instead of every word); one that
    never matches if there are no words."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}
    return "(?:" + _branches(trie) + ")" if trie else "(?!)"


def _branches(node: dict) -> str:
    options = [
        re.escape(letter) + _branches(child) for letter, child in sorted(node.items()) if letter
    ]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    if "" not in node:
        return body
    return (body if len(options) > 1 else "(?:" + body + ")") + "?"


@dataclass(frozen=True)
class Grammar:
    """The compiled patterns and the word sets the resolvers ask about."""

    lex: Lexicon
    patterns: dict[str, re.Pattern]
    #: id of a compiled pattern -> its kind (a Pattern hashes its whole source: slow)
    kind_of: dict[int, str]
    past: frozenset[str]
    next: frozenset[str]
    current: frozenset[str]
    #: "in", "on", "منذ", "في": words before a date that are not part of it
    prepositions: frozenset[str]
    later: frozenset[str]
    earlier: frozenset[str]
    two_days: frozenset[str]
    months_needing_support: frozenset[str]
    weekdays_needing_support: frozenset[str]
    #: " من", " of": after an ordinal word, what makes it a day ("الأول من", "first of")
    of_followers: tuple[str, ...]
    suffixes: tuple[str, ...]
    #: a word that puts what follows in the future ("would begin on Friday", "على أن يبدأ")
    future: AtWordStart
    #: "meant", "كان": a future cue right after one is a plan already past (a stretch of text
    #: ending with one)
    lapsed: AtWordStart
    #: "took effect", "دخلت حيز التنفيذ": what started already (no onward day ahead)
    settled: AtWordStart
    #: "from", "starting", "اعتباراً من": a date right after one starts something ahead
    onward: frozenset[str]
    #: one of ``onward`` ending a stretch of text (the words right before a date)
    onward_before: AtWordStart
    #: one of ``onward`` then a time of day, ending a stretch of text ("from 6 a.m. on")
    onward_at_time: AtWordStart
    #: an onset cue ending a stretch of text ("دخل ... حيز التنفيذ" right before a weekday)
    onset_before: AtWordStart
    #: a month name at a position (a month glued to digits by scraping: "أيلول2018")
    month_at: re.Pattern

    def direction(self, word: str | None) -> int | None:
        """-1 for a "last" word, +1 for a "next" word, 0 for a "this" word, else None."""
        if word in self.past:
            return -1
        if word in self.next:
            return 1
        if word in self.current:
            return 0
        return None


@lru_cache(maxsize=4)
def grammar(lex: Lexicon) -> Grammar:
    """Compile the date grammar from the lexicon (once per lexicon)."""
    w = lex.words
    parts = _parts(lex)
    patterns = {name: re.compile(source) for name, source in parts.items()}
    glued = lex.proclitic_letters
    return Grammar(
        lex=lex,
        patterns=patterns,
        kind_of={id(p): name for name, p in patterns.items()},
        past=frozenset(w["past"]),
        next=frozenset(w["next"]),
        current=frozenset(w["current"]),
        prepositions=frozenset(w["date_prepositions"]),
        later=frozenset(w["days_later"]),
        earlier=frozenset(w["days_earlier"]),
        two_days=frozenset(w["two_days"]),
        months_needing_support=frozenset(w["months_needing_support"]),
        weekdays_needing_support=frozenset(w["weekdays_needing_support"]),
        of_followers=tuple(" " + o for o in [*w["of"], *w["this_month_words"]]),
        suffixes=tuple(w["ordinal_suffixes"]),
        future=AtWordStart(alt(w["future_cues"]) + r"(?!\w)", glued),
        lapsed=AtWordStart(alt(w["lapsed_plan_words"]) + rf"{W}+$", glued),
        settled=AtWordStart(alt(w["settled_cues"]) + r"(?!\w)", glued),
        onward=frozenset(w["onward_words"]),
        onward_before=AtWordStart(alt(w["onward_words"]) + rf"{W}*$", glued),
        onset_before=AtWordStart(alt(w["onset_cues"]) + rf"{W}*$", glued),
        onward_at_time=AtWordStart(
            alt(w["onward_words"])
            + rf"(?:{W}+(?:\d{{1,4}}(?:[:.]\d{{2}})?|{alt(w['time_of_day_words'])}))+{W}*$",
            glued,
        ),
        month_at=re.compile(alt(lex.months)),
    )


def _words(lex: Lexicon) -> SimpleNamespace:
    """The date words of the lexicon as regex alternatives."""
    w = lex.words
    relative = [*w["past"], *w["next"], *w["current"]]
    return SimpleNamespace(
        month=alt(lex.months),
        weekday=alt(lex.weekdays),
        ordinal=alt(k for k, v in lex.ordinals.items() if v <= 31),
        cardinal=alt(lex.cardinals),
        relative_day=alt(lex.relative_days),
        past=alt(w["past"]),
        next=alt(w["next"]),
        current=alt(w["current"]),
        rel=alt(relative),
        # words that follow the date they qualify are Arabic ("4 أيار الماضي"); an English
        # "last" after a date belongs to what follows ("9 July last week")
        rel_after=alt(x for x in relative if _ARABIC.match(x)),
        of=alt(w["of"]),
        count_of=alt(w["count_event_prepositions"]),
        of_it=alt(w["of_it"]),
        this_month=alt(w["this_month_words"]),
        preps=alt(w["date_prepositions"]),
        year_word=alt(w["year_words"]),
        month_word=alt(w["month_word"]),
        day_word=alt(w["day_word"]),
        same=alt([*w["same"], *w["same_prefix"]]),
        modifier=alt(m for m in w["month_modifiers"] if m not in set(w["date_prepositions"])),
        sfx=alt(w["ordinal_suffixes"]),
        prefix=alt(w["ordinal_day_prefixes"]),
        day_parts=alt(w["day_parts"]),
        dual=alt(w["dual_day_prefixes"]),
        joiner=rf"(?:[-&]|{alt(w['range_joiners'])}(?![a-z]))",
        later=alt(w["days_later"]),
        earlier=alt(w["days_earlier"]),
        ago=alt(w["days_ago"]) if w["days_ago"] else "(?!)",
        two_days=alt(w["two_days"]),
        signing=alt(w["signing_words"]),
        that=alt(w["that_words"]),
        following=alt(w["following_year"]),
        anniversary=alt(w["anniversary_days"]),
        year_units=alt(w["year_units"]),
        dual_years=alt(w["dual_years"]),
        glued="[" + re.escape("".join(sorted(lex.proclitic_letters))) + "]"
        if lex.proclitic_letters
        else "(?!)",
        # "the 2018 memorandum", "their 2018 memorandum": a determiner before a dated head
        articles=alt([*w["articles"], *w["possessive_determiners"]]),
        heads=alt(w["agreement_heads"]),
        next_day=alt(w["next_day"]),
        previous_day=alt(w["previous_day"]),
    )


def _pieces(a: SimpleNamespace) -> SimpleNamespace:
    """Pieces that several patterns share, from the word alternatives ``a``."""
    return SimpleNamespace(
        # month, with an optional second name of the same month: "مايو/ أيار", "أيار (مايو)"
        month=(
            rf"(?:{a.month_word}{W}+)?(?P<month>{a.month})(?:(?<=[a-z])\.(?={W}*\d))?"
            rf"(?:{W}*[/(\-]{W}*{a.month}{W}*\)?)?"
        ),
        year_tail=(
            rf"(?:{W}*,?{W}*(?:{a.of}{W}+)?(?:{a.year_word}{W}*)?(?P<year>{YEAR_DIGITS})(?!\d))?"
        ),
        # "4 أيار الماضي" (last May 4), "أيار من العام الماضي" (May of last year)
        rel_tail=rf"(?:{W}+(?:(?P<ofyear>{a.of}{W}+{a.year_word}){W}+)?(?P<rel>{a.rel_after}))?",
        # "22 تموز من العام نفسه", "July 22 of that year": the year the text last gave
        same_year=(
            rf"(?:{W}*,?{W}*(?:{a.of}{W}+)?"
            rf"(?P<sameyear>{a.same}{W}+{a.year_word}|{a.year_word}{W}+{a.same}))?"
        ),
        # "in May last year", "on 4 March this year": a year named relative to publication
        rel_year=rf"(?:{W}*,?{W}*(?P<relyear>{a.rel}){W}+{a.year_word})?",
        first=rf"(?:(?P<first>\d{{1,2}})(?:{a.sfx})?{W}*{a.joiner}{W}*)?",
        day=rf"(?P<day>\d{{1,2}})(?:{a.sfx})?",
        same_month=rf"(?:{a.same}{W}+{a.month_word}|{a.month_word}{W}+{a.same})",
        rel_month=(
            rf"(?:(?P<relpre>{a.rel}){W}+{a.month_word}"
            rf"|(?:{a.current}{W}+)?{a.month_word}{W}+(?P<relpost>{a.rel}))"
        ),
        same_day=rf"(?:{a.same}{W}+{a.day_word}|{a.day_word}{W}+{a.same})",
        count=rf"(?:\d{{1,2}}|{a.cardinal})",
        lead=rf"(?:(?P<mod>{a.modifier}){W}*(?:{a.of}{W}+|-{W}*)?)?",
    )


def _year_parts(a: SimpleNamespace, p: SimpleNamespace, ws: str) -> dict[str, str]:
    """The sources of the dates that name a year relative to another: publication ("العام
    الماضي"), the story told ("تلك السنة", "العام التالي"), an anniversary."""
    return {
        RELATIVE_YEAR: (
            rf"{ws}(?:{a.year_word}{W}+(?P<relpost>{a.rel})"
            rf"|(?P<relpre>{a.rel}){W}+{a.year_word}"
            # the year of the story told, or the one after it ("تلك السنة", "العام التالي")
            rf"|(?P<sequel>{a.following})"
            rf"|(?P<sameyear>(?:{a.that}|{a.same}){W}+{a.year_word}(?:{W}+{a.same})?"
            rf"|{a.year_word}{W}+{a.same})){END}"
        ),
        # "في مثل هذا اليوم قبل عامين": the publication day, so many years back
        ANNIVERSARY: (
            rf"{ws}{a.anniversary}(?:{W}+(?:{a.earlier}{W}+(?:(?P<dual>{a.dual_years})"
            rf"|(?:(?P<count>{p.count}){W}+)?(?P<unit>{a.year_units}))"
            rf"|{a.of}{W}+(?:{a.year_word}{W}*)?(?P<year>{YEAR_DIGITS})"
            rf"|{a.of}{W}+{a.year_word}{W}+(?P<rel>{a.past})))?{END}"
        ),
    }


def _parts(lex: Lexicon) -> dict[str, str]:
    """The source of every pattern, from the word alternatives and the shared pieces."""
    a = _words(lex)
    p = _pieces(a)
    ws = lex.word_start
    month_tail = rf"{p.year_tail}{p.rel_tail}{p.same_year}{p.rel_year}{END}"
    return {
        DAY_MONTH: rf"{DIGIT_START}{p.first}(?<!\d){p.day}{W}*(?:{a.of}{W}+)?{p.month}{month_tail}",
        MONTH_DAY: (
            rf"{ws}{p.month}{W}*{p.first}{p.day}(?!\d){p.year_tail}{p.same_year}{p.rel_year}{END}"
        ),
        NUMERIC: (
            rf"(?<![\d/.\-])(?<![a-z])(?P<day>\d{{1,2}}){W}*(?P<sep>[/.\-]){W}*(?P<month>\d{{1,2}})"
            rf"{W}*(?P=sep){W}*(?P<year>{YEAR_DIGITS}|\d\d)(?!\d|[/.\-]\d)"
        ),
        ISO: (
            rf"(?<![\d/.\-])(?P<year>{YEAR_DIGITS})(?P<sep>[-/.])(?P<month>\d\d?)(?P=sep)"
            rf"(?P<day>\d\d?)(?!\d|[/.\-]\d)"
        ),
        ORDINAL: (
            # "يومي الرابع والخامس من تموز", "في الرابع والخامس من تموز": two days
            rf"{ws}(?:(?:{a.dual}{W}+)?(?P<ofirst>{a.ordinal}){W}+{a.joiner}{W}*)?"
            rf"(?:{a.prefix}{W}+)?(?P<day>{a.ordinal}|\d{{1,2}}(?:{a.sfx})?){W}+"
            rf"(?:{a.of}{W}+(?:(?P<same>{p.same_month})|(?P<relmonth>{p.rel_month})"
            rf"|{p.month}{p.year_tail}{p.rel_tail}{p.same_year}|(?P<themonth>{a.month_word}))"
            # "في التاسع منه": the ninth of the month just named
            rf"|(?P<ofit>{a.of_it})|(?P<thismonth>{a.this_month})){END}"
        ),
        BARE_ORDINAL: (
            rf"{ws}{a.preps}{W}+(?P<core>{a.prefix}{W}+(?P<day>\d{{1,2}}){a.sfx})"
            rf"(?!{W}*(?:{a.of}(?!\w)|-?[a-z]))"
        ),
        WEEKDAY: (
            rf"{ws}(?:(?P<relday>{a.relative_day}){W}*,?{W}*(?:{a.prefix}{W}+)?"
            rf"|(?P<pre>{a.rel}|{a.preps}|{a.day_parts}(?:{W}+{a.prefix})?){W}+)?"
            rf"(?P<weekday>{a.weekday})"
            rf"(?:{W}+(?P<post>{a.past}|{a.next}))?{END}"
        ),
        MONTH_ONLY: (
            rf"{ws}{p.lead}(?:(?P<pre>{a.rel}|{a.preps}){W}+)?{p.month}"
            rf"(?!{W}*\d{{1,2}}(?:{a.sfx})?(?!\d)){month_tail}"
        ),
        YEAR_ONLY: (
            rf"{ws}(?={a.modifier}|{a.preps}|{a.year_word}){p.lead}(?:(?P<pre>{a.preps}){W}+)?"
            rf"(?:(?P<word>{a.year_word}){W}*-?{W}*)?(?P<year>{YEAR_DIGITS})(?!\d)(?!{W}*[-/.]{W}*\d)"
        ),
        RELATIVE_MONTH: (rf"{ws}(?:(?P<pre>{a.preps}){W}+)?(?P<core>{p.lead}{p.rel_month}){END}"),
        # a month or year between the article and an agreement noun ("the May memorandum")
        QUALIFIER: (
            rf"{ws}{a.articles}{W}+(?:(?P<month>{a.month})(?:{W}+(?P<year>{YEAR_DIGITS}))?"
            rf"|(?P<bare>{YEAR_DIGITS}))(?={W}+{a.heads}{END})"
        ),
        COUNTED_DAYS: (
            rf"{ws}(?:(?P<count>{p.count}){W}+{a.day_word}{W}+"
            rf"(?:(?P<dir>{a.later}|{a.earlier})|(?P<ago>{a.ago}))"
            # "قبل ذلك بيوم" (a day before that): the count glued to "by" after "that"
            rf"|(?P<dirpre>{a.later}|{a.earlier}){W}+(?:{a.that}{W}+{a.glued}?)?"
            rf"(?:(?P<two>{a.two_days})"
            rf"|(?P<count_before>{p.count}){W}+{a.day_word}"
            rf"|{a.day_word}{W}+(?P<count_after>{a.cardinal})"
            rf"|(?<={a.glued})(?P<oneday>{a.day_word})))"
            # "two days after the signing", "بعد يومين من توقيعها": from the signing day; two
            # days after another event ("بعد يومين من القصف") is no date
            rf"{END}(?:{W}+(?:{a.count_of}{W}+)?(?P<event>{a.signing}){END}|(?!{W}+{a.count_of}{W}))"
        ),
        RELATIVE_DAY: (
            rf"{ws}(?:(?P<nextday>{a.next_day})|(?P<prevday>{a.previous_day})"
            rf"|(?P<sameday>{p.same_day})"
            rf"|(?P<relday>{a.relative_day})(?!{W}+{a.ordinal}{END})){END}"
        ),
    } | _year_parts(a, p, ws)
