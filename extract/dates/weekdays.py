"""Weekdays: which day a "Thursday" or "أمس الخميس" of an article means. A weekday alone is
the last such day; an onward word ("from Sunday", "اعتباراً من الأحد") makes it the one nearest the
report, a future cue the coming one, a relative word or "last"/"الماضي" says which."""

from __future__ import annotations

import re
from datetime import date, timedelta

from extract.dates import grammar as k
from extract.dates.calendar import weekday_from, weekday_near
from extract.dates.context import Context
from extract.dates.model import DAY, DateMention
from extract.segment import COMMAS

#: How far before a bare weekday a future cue of its sentence is looked for.
FUTURE_REACH = 64
#: How far before a future cue a word that makes it a past plan may start ("were meant").
LAPSED_REACH = 16
#: How far before a weekday (and its preposition) an onward word may end ("اعتباراً من يوم").
ONWARD_REACH = 24
#: How far before a weekday an onward word followed by a time of day may start.
ONWARD_TIME_REACH = 56
#: How far around a weekday the commas that set it off are looked for (spaces only between).
SET_OFF_REACH = 3
_SENTENCE_END = re.compile(r".*(?:[.!?؟]\s|\n)", re.DOTALL)


def weekday(m: re.Match, ctx: Context) -> list[DateMention]:
    """ "أمس الثلاثاء", "last Tuesday", "الثلاثاء الماضي", "on Friday" (ahead in a sentence about
    the future)."""
    g, today = ctx.grammar, ctx.today
    word = m.group("weekday")
    target = g.lex.weekdays[word]
    if m.group("relday"):
        offset = g.lex.relative_days[m.group("relday")]
        value = weekday_near(target, today, offset) if today else None
        return [DateMention(m.start(), m.end(), value, DAY)]
    after = _day_after(m, ctx, target)
    if after is not None:  # "ليل الجمعة - السبت": the Saturday after that Friday
        return [DateMention(m.start(), m.end(), after, DAY)]
    pre, post = m.group("pre"), m.group("post")
    supported = pre or post or word not in g.weekdays_needing_support
    if not supported and not _set_off(m) and not _onward(m, g) and not _after_onset(m, g):
        return []
    if today is None:
        return [DateMention(m.start(), m.end(), None, DAY)]
    towards = g.direction(pre) if g.direction(pre) in (-1, 1) else g.direction(post)
    if towards == -1:
        direction = "past"
    elif towards == 1:
        direction = "next"
    elif _future_before(m.string, m.start(), g):
        direction = "ahead"
    elif _onward(m, g) and not _settled_before(m.string, m.start(), g):
        # "اعتباراً من الخميس" with nothing else: the nearer Thursday, ahead or just past (a
        # Friday page reports yesterday's start, not one six days on)
        direction = "nearest"
    else:
        direction = "recent"
    return [DateMention(m.start(), m.end(), weekday_from(target, today, direction), DAY)]


#: What joins the two weekdays of a night or a span ("ليل الجمعة - السبت", "Thursday/Friday").
SPAN_MARKS = " -\u2013\u2014/"


def _day_after(m: re.Match, ctx: Context, target: int) -> date | None:
    """The day after the weekday just before, when this one is the next weekday and only a dash
    or slash joins them (the night from one day to the next)."""
    last = ctx.last
    if last is None or last.value is None or last.precision != DAY or last.end > m.start():
        return None
    gap = m.string[last.end : m.start()]
    if gap.strip(SPAN_MARKS) or not gap.strip():
        return None
    words = m.string[last.start : last.end].split()
    if not words or words[-1] not in ctx.grammar.lex.weekdays:
        return None  # "5 أيار - السبت": a calendar date, not a night's first day
    return last.value + timedelta(days=1) if last.value.weekday() == (target - 1) % 7 else None


def _set_off(m: re.Match) -> bool:
    """Whether a weekday that is also a common word ("الأحد": the one) stands between commas,
    where a report puts its day ("قالت الوزارة، الأحد، إن ...")."""
    text = m.string
    before = text[max(0, m.start() - SET_OFF_REACH) : m.start()].rstrip(" ")
    after = text[m.end() : m.end() + SET_OFF_REACH].lstrip(" ")
    return before[-1:] in COMMAS and after[:1] in COMMAS


def _after_onset(m: re.Match, g: k.Grammar) -> bool:
    """Whether the weekday comes right after an onset cue, where a report puts the day the
    agreement started ("دخل وقف إطلاق النار حيز التنفيذ الأحد")."""
    window = m.string[max(0, m.start() - ONWARD_REACH) : m.start()]
    return g.onset_before.search(window) is not None


def _onward(m: re.Match, g: k.Grammar) -> bool:
    """Whether the weekday starts something ahead: "a truce from Sunday", "starting Monday",
    "اعتباراً من يوم الأحد" (the onward word before the preposition), "from midnight on Friday"."""
    if m.string.startswith("'", m.end()):
        return False  # "fled from Sunday's shelling": an event already reported
    if m.group("pre") in g.onward:
        return True
    window = m.string[max(0, m.start() - ONWARD_REACH) : m.start()]
    if g.onward_before.search(window) is not None:
        return True
    # "from 6 a.m. on Saturday", "اعتباراً من السادسة صباح السبت": a time of day in between
    window = m.string[max(0, m.start() - ONWARD_TIME_REACH) : m.start()]
    return g.onward_at_time.search(window) is not None


def _settled_before(text: str, start: int, g: k.Grammar) -> bool:
    """Whether the sentence says, before ``start``, that something already started ("The
    truce took effect from Sunday", "دخلت الهدنة حيز التنفيذ اعتباراً من الأحد")."""
    window = text[max(0, start - FUTURE_REACH) : start]
    cut = _SENTENCE_END.match(window)
    return g.settled.search(window, cut.end() if cut else 0) is not None


def _future_before(text: str, start: int, g: k.Grammar) -> bool:
    """Whether the sentence speaks of the future before ``start`` ("the halt would begin at
    midnight on Friday", "على أن يبدأ التطبيق يوم الجمعة")."""
    window = text[max(0, start - FUTURE_REACH) : start]
    cut = _SENTENCE_END.match(window)
    for cue in g.future.finditer(window, cut.end() if cut else 0):
        lead = window[max(0, cue.start() - LAPSED_REACH) : cue.start()]
        if g.lapsed.search(lead) is None:  # not "were meant to begin", "كان من المقرر"
            return True
    return False
