"""Checks and small answers shared by the ways a generic head is resolved (``resolve``): an
unknown agreement's span, the day a head's agreement must have existed by, whether a date said
with a head fits an agreement, whether a head is joined to an agreement named before it, and
whether it is another agreement than the one it resolved to (called new long after, announced on
a day no agreement has, dated by the days around it)."""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from extract.antecedents import UNKNOWN
from extract.choose import YEAR_WRITTEN, fits_as_written, fits_date
from extract.dates import DAY, DateMention, last_day
from extract.head import Head
from extract.head_kinds import of_its_kind
from extract.heads import HeadContext, dates_a_name
from extract.item import Item
from extract.keys import phrase_key
from extract.lexicon import Lexicon
from extract.new_deals import NEW_DEAL_NOTE
from extract.recognise import Match
from extract.rounds import round_on
from extract.windows import DATE_AFTER, opens_after_comma

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


def fits_month_said(ctx: HeadContext, info, d: DateMention) -> bool:
    """Whether a month said with a head fits the agreement: one said with "الماضي" / "last"
    names its year ("هدنة مماثلة أعلنت نهاية آب الماضي" in January 2020: August 2019, not the
    Homs truce of August 2017); a bare month ("the May memorandum") is compared by month only."""
    words = ctx.text[d.start : d.end].split()
    relative = ctx.lex.words["past"] + ctx.lex.words["next"]
    if words and (words[-1] in relative or words[0] in relative):
        return fits_date(info, d)
    return fits_as_written(info, d, ctx.text)


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


#: A head called newly made names an agreement signed at most this long before the page.
RENEWED_WITHIN = timedelta(days=90)


def another(ctx: HeadContext, head: Head, ident: str | None) -> bool:
    """Whether a head resolved to ``ident`` means another agreement: one called newly made long
    after ``ident`` was signed (``renewed``), or "الهدنة" said of a zone whose registry
    agreement is no truce while an unknown truce was named just before ("وقف إطلاق النار الذي
    أعلنته أنقرة في 10 كانون الثاني ... وبموجب الهدنة تتوقف الغارات على ريف إدلب")."""
    if ident is None:
        return False
    return renewed(ctx, head, ident) or (head.anaphor and of_its_kind(ctx, head, ident) == UNKNOWN)


def renewed(ctx: HeadContext, head: Head, ident: str) -> bool:
    """Whether a head called newly made ("هدنة جديدة في إدلب", "a new ceasefire") resolved to an
    agreement signed long before the page: a later deal, not that one."""
    info = ctx.lex.agreements.get(ident)
    if ctx.published is None or info is None or not info.days:
        return False
    if ctx.published - info.days[0] <= RENEWED_WITHIN:
        return False
    m, words = head.match, ctx.lex.words["renewal_words"]
    after = ctx.text[m.end : m.end + RENEWAL_REACH].split()
    before = ctx.text[max(0, m.start - RENEWAL_REACH) : m.start].split()
    return bool(after and after[0].strip(_MARKS) in words) or bool(before and before[-1] in words)


#: Characters around a head read for a word that calls it new.
RENEWAL_REACH = 12
_MARKS = ".,:\u060c"


def onset_unfit(ctx: HeadContext, head: Head) -> bool:
    """Whether a head is said to have been announced or to have taken effect on a day that is no
    day of any registry agreement ("الهدنة التي أعلنتها موسكو وأنقرة في 12 كانون الثاني"): an
    agreement the registry lacks, whatever was named before it."""
    if not head.near_dates or head.near_dates[0].precision != DAY:
        return False
    d, m = head.near_dates[0], head.match
    said = head.onset or any(
        m.end <= c.start and c.end <= d.start for c in ctx.onsets_in.get(head.sentence, ())
    )  # the date comes after a word of announcing or taking effect said of the head
    return said and not any(fits_as_said(a, d, ctx.text) for a in ctx.lex.agreements.values())


#: A day this close before a new (not anaphoric) head dates the event the sentence reports about
#: it ("توصل الرئيسان، مساء أمس الثلاثاء في منتجع سوتشي، إلى مذكرة تفاهم").
EVENT_BEFORE = 48


def dated_otherwise(ctx: HeadContext, head: Head, choice) -> bool:
    """Whether a new head is said with days around it (right before it, or its own date after
    it) and none of them is a day of the venue's agreement: a later deal at the same venue (the
    October 2019 Sochi memorandum on the north-east is not the 2018 Idlib one)."""
    m = head.match
    dates = ctx.dates_in.get(head.sentence, ())
    around = [
        d
        for d in dates
        if d.precision == DAY
        and (0 <= m.start - d.end <= EVENT_BEFORE or 0 <= d.start - head.end <= DATE_AFTER)
        and not dates_a_name(ctx, d, m, head.sentence, dates)  # "مذكرة أستانا الموقعة في 4 أيار"
        and not (d.start > m.end and opens_after_comma(ctx.text[m.end : d.start], ctx.date_breaks))
    ]  # (not "اتفاقاً في القاهرة، فيما تعيش درعا منذ التاسع من تموز": the next clause's day)
    return bool(around) and not any(fits_date(choice, d) for d in around)


def round_act(ctx: HeadContext, head: Head) -> Item | None:
    """A head that is the act of agreeing (an ``act_prepositions`` word right after it: "أعلنت
    الدول الضامنة في ختام الجولة السادسة الاتفاق على حدود منطقة خفض التوتر في إدلب") after a
    round of talks named earlier in its sentence: what that round agreed, not a document."""
    m = head.match
    after = ctx.text[m.end : m.end + RENEWAL_REACH].split()
    if not after or after[0] not in ctx.lex.word_sets["act_prepositions"]:
        return None
    rounds = [
        i
        for i in ctx.known
        if i.sentence == head.sentence and i.end <= m.start and i.id in ctx.lex.talks
    ]
    return head.item(max(rounds, key=item_end).id) if rounds else None


#: Sentences after a reported new deal in which a head of its brokers is that deal.
STORY_SENTENCES = 10


def story_deal(ctx: HeadContext, head: Head) -> Item | None:
    """A new head of named brokers, with no date of its own, after the text reported those
    brokers agreeing on a day no registry agreement fits ("Russia and Turkey agreed on Tuesday
    ... Under the Russian-Turkish accord, struck ... in the Black Sea resort"): that new deal,
    an unknown agreement, not the older registry agreement of the same brokers or venue."""
    if head.anaphor or head.near_dates or not head.parties:
        return None
    m = head.match
    for i in ctx.known:
        if i.id is not None or not i.note.startswith(NEW_DEAL_NOTE) or i.end > m.start:
            continue
        brokers = frozenset(i.note[len(NEW_DEAL_NOTE) :].split(", "))
        if head.sentence - i.sentence <= STORY_SENTENCES and head.parties <= brokers:
            return unknown(head)
    return None


def only_zone(ctx: HeadContext) -> set[str]:
    """The zone of a text that names one zone only (a timeline of Eastern Ghouta: "Faylaq
    al-Rahman follows with a truce of its own in August" is no August truce of northern Homs),
    else none."""
    spoken = {z.zone for zones in ctx.zones_in.values() for z in zones}
    return spoken if len(spoken) == 1 else set()


def round_of_the_day(ctx: HeadContext, head: Head) -> str | None:
    """The Astana round held on the day said with a head that no signed agreement fits ("وطال
    الاتفاق الذي أعلن اليوم إدلب" on the last day of a round), when the text names that round
    and the registry has it cover or draw the head's zone."""
    for d in head.near_dates:
        held = round_on(d.value, ctx.lex) if d.precision == DAY and d.value else None
        zones = ctx.lex.agreements[held].zones if held else frozenset()
        fits = held is not None and (head.zone is None or head.zone.zone in zones)
        if fits and any(i.id == held for i in ctx.known):
            return held
    return None


def agreed_on(ctx: HeadContext, head: Head) -> Item | None:
    """ "البيان الختامي للجولة السادسة: الاتفاق على حدود منطقة إدلب": a head that is the act of
    agreeing on something (``agreeing_phrases``) is that of the registry agreement its sentence
    names before it, if any."""
    m = head.match
    if not ctx.text.startswith(_agreeing(ctx.lex), m.start):
        return None
    before = [i for i in ctx.known if i.sentence == head.sentence and i.end <= m.start and i.id]
    return before[-1] if before else None


@lru_cache(maxsize=4)
def _agreeing(lex: Lexicon) -> tuple[str, ...]:
    """The agreeing phrases, as a tuple for ``str.startswith`` (built once per lexicon)."""
    return tuple(lex.words["agreeing_phrases"])


#: How many sentences before a head's month are read for the year its story just wrote.
STORY_YEAR_SENTENCES = 1


def told_in_year(ctx: HeadContext, head: Head, d: DateMention) -> bool:
    """Whether a month said with a head without its year continues a story the text just dated
    in that year ("In late July 2021 the army besieged Daraa al-Balad. A new agreement in
    September ..."): the month is then that year's, not any year's ("the May memorandum")."""
    if d.value is None or YEAR_WRITTEN.search(ctx.text, d.start, d.end):
        return False
    for s in range(head.sentence - STORY_YEAR_SENTENCES, head.sentence + 1):
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
