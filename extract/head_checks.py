"""Checks and small answers shared by the ways a generic head is resolved (``resolve``): an
unknown agreement's span, the day a head's agreement must have existed by, whether a date said
with a head fits an agreement, and whether a head is joined to an agreement named before it."""

from __future__ import annotations

from datetime import date, timedelta

from extract.choose import YEAR_WRITTEN, fits_as_written, fits_date
from extract.dates import DAY, DateMention, last_day
from extract.head import Head
from extract.heads import HeadContext
from extract.item import Item
from extract.keys import phrase_key
from extract.recognise import Match

#: Most words between an agreement and a head joined to it ("... on 4 May 2017 and the").
JOINED_WORDS = 6


def joined_to(ctx: HeadContext, same: list[Item], m: Match, ident: str | None) -> bool:
    """Whether the last mention of ``ident`` before the head is joined to it by a list word
    ("X and the arrangements"): the head is then another agreement."""
    before = [i for i in same if i.id == ident and i.end <= m.start]
    if ident is None or not before:
        return False
    gap = ctx.text[max(before, key=item_end).end : m.start].split()
    return len(gap) <= JOINED_WORDS and not ctx.joiners.isdisjoint(gap)


def item_end(i: Item) -> int:
    return i.end


def unknown(head: Head) -> Item:
    """An unknown agreement, spanning the head and the zone and dates said with it."""
    m, zone = head.match, head.zone
    said = [] if head.onset else head.near_dates
    end = max(
        [m.end]
        + ([zone.end] if zone and zone.start > m.end else [])
        + [d.end for d in said if d.start > m.end]
    )
    start = min(
        [m.start]
        + ([zone.start] if zone and zone.start < m.start else [])
        + [d.start for d in said if d.start < m.start]
    )
    return Item("agreement", None, start, end, head.sentence)


def latest(d: DateMention) -> date | None:
    """The last day a stated date can mean (a month stated: its last day)."""
    return last_day(d.value, d.precision) if d.value is not None else None


def existed_by(head: Head, published: date | None) -> date | None:
    """The day a head's agreement must have existed by: the last day of the date stated with
    it, else the publication day."""
    return latest(head.near_dates[0]) if head.near_dates else published


def fits_as_said(info, d: DateMention, text: str) -> bool:
    """Whether a date said with a head fits the agreement: a day or month written without its
    year is compared as written ("the May memorandum" in 2018), a relative day ("today", "on
    Friday") exactly, since its year is not inferred."""
    if d.precision == DAY and not any(c.isdigit() for c in text[d.start : d.end]):
        return fits_date(info, d)
    return fits_as_written(info, d, text)


def brokered_by(ctx: HeadContext, ident: str, sponsors: frozenset[str]) -> bool:
    """Whether the registry agreement ``ident`` has all these brokers among its parties."""
    info = ctx.lex.agreements.get(ident)
    return info is None or sponsors <= info.parties


#: Sentences back in which the heading a head's paragraph is under is looked for.
HEADING_BACK = 3


def heading_zones(ctx: HeadContext, sentence: int) -> set[str]:
    """The zones of the nearest heading line (``ctx.bare``) above, within ``HEADING_BACK``."""
    for back in range(sentence - 1, max(-1, sentence - 1 - HEADING_BACK), -1):
        if back in ctx.bare:
            return {z.zone for z in ctx.zones_in.get(back, ())}
    return set()


def current_agreement(ctx: HeadContext, before: int) -> Item | None:
    """The agreement named so far that is the newest one still in force on the publication
    date: registry agreements over everywhere by then drop out, the latest signed of the rest
    wins; with none left, an unknown one named before (a local deal of the day)."""
    named = [i for i in ctx.items() if i.kind == "agreement" and i.start < before]
    day = ctx.published
    live = []
    for i in named:
        info = ctx.lex.agreements.get(i.id) if i.id else None
        if info is None or info.kind == "talks":
            continue
        ends = [end for _z, end in info.ends]
        if day is not None and ends and all(end is not None and end < day for end in ends):
            continue  # over everywhere it applied
        live.append((info.days[0] if info.days else date.min, i))
    if live:
        return max(live, key=lambda pair: pair[0])[1]
    return next((i for i in named if i.id is None), None)


#: How many sentences before a head's month are read for the year its story just wrote.
STORY_SENTENCES = 1


def told_in_year(ctx: HeadContext, head: Head, d: DateMention) -> bool:
    """Whether a month said with a head without its year continues a story the text just dated
    in that year ("In late July 2021 the army besieged Daraa al-Balad. A new agreement in
    September ..."): the month is then that year's, not any year's ("the May memorandum")."""
    if d.value is None or YEAR_WRITTEN.search(ctx.text, d.start, d.end):
        return False
    for s in range(head.sentence - STORY_SENTENCES, head.sentence + 1):
        for said in ctx.dates_in.get(s, ()):
            if (
                said.end <= d.start
                and said.value is not None
                and said.value.year == d.value.year
                and YEAR_WRITTEN.search(ctx.text, said.start, said.end)
            ):
                return True
    return False


def not_in_registry(ctx: HeadContext, head: Head) -> bool:
    """Whether what is said with a head rules out every registry agreement: a plural dated on
    no registry day (``undated_plural``), or a head reached "last week" in a text dated long
    after every registry agreement (``recent_only``)."""
    if head.match.kind == "pluralhead":
        return undated_plural(ctx, head)
    return ctx.published is not None and not head.near_dates and recent_only(ctx, head)


#: Characters after a head read, up to its clause's end, for a word that makes it recent.
RECENT_REACH = 40
#: How long before publication an agreement reached "last week" or "days ago" can lie.
RECENT_SPAN = timedelta(days=31)


def recent_only(ctx: HeadContext, head: Head) -> bool:
    """ "Under the deal announced last week, fighters ... will be moved north" (May 2018): a
    head said to be recent, when no registry agreement has a day in the month before
    publication, is a deal the registry does not hold."""
    published, m = ctx.published, head.match
    if published is None or head.near_dates or not ctx.recent:
        return False  # (most texts: no recent word at all)
    said = [r for r in ctx.recent if 0 <= r.start - m.end <= RECENT_REACH]
    if not said or any(c in ctx.text[m.end : said[0].start] for c in ",;."):
        return False
    return not any(
        published - RECENT_SPAN <= day <= published
        for a in ctx.lex.agreements.values()
        for day in a.days
    )


def undated_plural(ctx: HeadContext, head: Head) -> bool:
    """Whether a plural head without venue, brokers or zone is dated only on days no registry
    agreement has ("the truces announced in January and in 2019", said in March 2020): truces
    the registry does not hold."""
    m = head.match
    if m.kind != "pluralhead" or head.venue is not None or head.parties or head.zone:
        return False
    kinds = ctx.lex.head_kinds.get(phrase_key(ctx.text[m.start : m.end].split()[-1]))
    of_kind = [
        a
        for a in ctx.lex.agreements.values()
        if a.kind != "talks" and (kinds is None or a.kind in kinds)
    ]
    return bool(head.near_dates) and not any(
        fits_as_said(a, d, ctx.text) for d in head.near_dates for a in of_kind
    )
