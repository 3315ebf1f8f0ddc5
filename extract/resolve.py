"""Which agreement a generic head means.

Registry names and aliases resolve directly; Astana rounds by their number; everything else is
a generic head ("اتفاق", "تفاهم", "the deal", "the truce") that is resolved from what the text
says around it: the parties named with it ("تفاهم أمريكي روسي" -> the US-Russia-Jordan deal), the
zone it is about, a date right next to it, the venue or reach ("brokered in Cairo", "nationwide")
and otherwise the agreement last mentioned (for "the agreement", "الاتفاق"). A head tied to one
of our zones that no registry agreement fits (a 2021 Daraa al-Balad deal, a 2018 surrender deal)
is an unknown agreement: id None, its own words kept.

Each head is read once into a ``Head`` (what the text says with it) and then resolved by the
case its evidence makes: venue or nationwide cue, date alone, anaphor alone, parties and zone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from extract import construct_duals as duals
from extract.antecedents import UNKNOWN, antecedent, line_date, named_right_after
from extract.choose import (
    ENDED_SLACK,
    by_date,
    candidates,
    existing,
    fits_as_written,
    fits_date,
    fitting,
    nearest_covering,
    pick,
)
from extract.dates import DAY, MONTH
from extract.head import Head
from extract.head_checks import (
    agreed_on,
    another,
    brokered_by,
    current_agreement,
    dated_otherwise,
    existed_by,
    fits_as_said,
    fits_month_said,
    heading_zones,
    joined_to,
    latest,
    not_in_registry,
    only_zone,
    onset_unfit,
    round_act,
    round_of_the_day,
    story_deal,
    told_in_year,
    unknown,
)
from extract.head_kinds import (
    demonstrated,
    document_antecedent,
    of_its_kind,
    of_the_kind_said,
    same_kind_before,
)
from extract.head_zones import pointed_back
from extract.heads import HeadContext, is_current, read_head
from extract.item import Item
from extract.keys import phrase_key
from extract.recognise import Match
from extract.subjects import opens_sentence, previous_subject
from extract.windows import SURRENDER_WINDOW, clause_end, outermost

__all__ = ["Item", "HeadContext", "resolve_heads"]


def resolve_heads(ctx: HeadContext, heads: list[Match]) -> list[Item]:
    """Agreement items for the generic heads and the anaphors, in document order."""
    taken = bytearray(len(ctx.text) + 1)
    for i in ctx.known:
        taken[i.start : i.end] = b"\x01" * (i.end - i.start)
    every = outermost(heads + ctx.anaphors + ctx.plurals)
    for m in every:
        if taken[m.start] or taken[m.end - 1]:
            continue
        head = read_head(ctx, m)
        if head.outside or not_in_registry(ctx, head):  # "a 30-day truce demanded by the
            ctx.resolved.append(unknown(head))  # Security Council", "truces of January 2020"
            continue
        # "the new deal", "الاتفاق الحالي": the one now in force; "الاتفاق على": the act of one
        topic = current_agreement(ctx, m.start) if is_current(ctx, m) else agreed_on(ctx, head)
        if topic is not None:
            ctx.resolved.append(Item("agreement", topic.id, m.start, m.end, head.sentence))
            continue
        several = _plural(ctx, head) or duals.brokers_each(ctx, head)
        if several or (m.kind == "pluralhead" and (not head.topic or pointed_back(ctx, m))):
            ctx.resolved += several  # "talks in Cairo produced truces for X and Y"
            end = duals.complement_end(ctx, m, every)  # "اتفاقان لوقف إطلاق النار": what they are
            taken[m.end : end] = b"\x01" * (end - m.end)
            continue
        item = story_deal(ctx, head)  # "the Russian-Turkish accord" after that day's new deal
        if item is None:
            item = round_act(ctx, head)  # "الجولة السادسة ... الاتفاق على حدود المنطقة"
        if item is None and (head.venue is not None or head.national):
            item = _by_venue(ctx, head)
        if item is None:  # "this memorandum": the one just named; else by the case
            item = demonstrated(ctx, head) or _CASES[head.case](ctx, head)
        if onset_unfit(ctx, head) or (item is not None and another(ctx, head, item.id)):
            item = unknown(head)  # "هدنة جديدة" in 2020, "the truce announced on 12 January"
        if item is not None:
            ctx.resolved.append(item)
            if item.id is None:  # "اتفاقاً ... لوقف إطلاق النار في جوبر": its words are its own
                end = clause_end(ctx.text, item.start, item.end)
                taken[item.start : end] = b"\x01" * (end - item.start)
    return ctx.resolved


def _plural(ctx: HeadContext, head: Head) -> list[Item]:
    """A plural head ("truces", "الهدنتين") means every agreement of its venue or brokers that
    covers a zone its sentence names, when there are two or more of them."""
    m = head.match
    word = ctx.text[m.start : m.end].split()[-1]
    plural = word in ctx.lex.words["plural_heads"] or duals.distributed(ctx, m)
    if not plural or _accusative(ctx, m, word):
        return []
    if duals.picked_one(ctx, m):  # "one of the de-escalation arrangements Russia brokered"
        return []
    if head.venue is not None:
        pool = [ctx.lex.agreements[i] for i in duals.venues_joined(ctx, head)]
    elif head.parties:
        pool = list(candidates(ctx.lex, head.parties, ""))
    else:
        return duals.zones_own(ctx, head, word) or duals.last_pair(ctx, head, word)
    named = {z.zone for z in ctx.zones_in.get(head.sentence, ())}
    if ctx.published is not None:
        pool = existing(pool, ctx.published)
    found = [a for a in pool if a.kind != "talks" and a.zones & named]
    if not named and head.venue is not None:  # "the agreements signed in Cairo": all of them
        found = [a for a in pool if a.kind != "talks" and a.zones]
    kinds = ctx.lex.head_kinds.get(phrase_key(word))
    if kinds is not None and len([a for a in found if a.kind in kinds]) >= 2:
        found = [a for a in found if a.kind in kinds]  # "truces Russia brokered": no memorandum
    if len(found) < 2:
        return []
    return [head.item(a.id) for a in found]


#: Characters after a dual in construct read for the noun it is joined to.
CONSTRUCT_LOOK = 12


def _accusative(ctx: HeadContext, m: Match, word: str) -> bool:
    """Whether a dual in construct ("اتفاقا القاهرة": two agreements) is, with no noun with the
    article after it, one agreement in the accusative ("اتفاقاً لوقف القتال")."""
    if word not in ctx.lex.words["construct_plural_heads"]:
        return False
    after = ctx.text[m.end : m.end + CONSTRUCT_LOOK].split()
    return not (after and after[0].startswith(ctx.lex.glued_articles))


def _by_venue(ctx: HeadContext, head: Head) -> Item | None:
    """ "the truce brokered in Cairo", "a nationwide ceasefire": where, or how wide, says which;
    a new deal reached where no registry agreement was ("اتفاقاً في جنيف") is an unknown one."""
    lex = ctx.lex
    if head.venue == () and not head.national:
        return None if head.anaphor else unknown(head)
    here = (
        [lex.agreements[i] for i in head.venue]
        if head.venue is not None
        else lex.agreements.values()
    )
    cands = [
        a for a in here if a.kind != "talks" and (a.scope == "nationwide" or not head.national)
    ]
    if head.parties:
        fit = [a for a in cands if head.parties <= a.parties]
        own = head.parties != head.sponsors  # said with the head, not the sentence's brokers
        if not fit and len(head.parties) >= 2 and own and not head.anaphor:
            return unknown(head)  # "اتفاق تركي أمريكي ... في أنقرة": not the Ankara ceasefire
        cands = fit or cands
    named = {head.zone.zone} if head.zone else {z.zone for z in ctx.zones_in.get(head.sentence, ())}
    if not named and len(cands) > 1 and not head.national:
        named = heading_zones(ctx, head.sentence)  # "EASTERN GHOUTA / ... A truce for the area
        # was agreed in Cairo": the zone of the heading the paragraph is under
    if named and not head.national:
        cands = [a for a in cands if a.zones & named] or cands
    if len(cands) > 1 and not head.zone:
        cands = nearest_covering(cands, ctx.zones_in.get(head.sentence, ()), head.match.start)
    before_dates = bool(cands)
    for d in head.near_dates:
        cands = [a for a in cands if fits_as_said(a, d, ctx.text)]
    if before_dates and not cands and head.venue and not head.onset:
        # "وقعت الدول الضامنة المذكرة في أستانا" on a day none of Astana's agreements has:
        # another document of that venue, not an agreement of another venue that day
        return unknown(head)
    reference = existed_by(head, ctx.published)
    if reference is not None:
        cands = existing(cands, reference)
    line = line_date(ctx.text, ctx.dates_in.get(head.sentence, ()), head.match.start, ctx.lex)
    if line is not None:  # "22 كانون الأول 2017: ... الاتفاق على عقد مؤتمر في سوتشي": not 2018's
        cands = existing(cands, line)
    signatories = ctx.parties_in.get(head.sentence)
    if len(cands) > 1 and signatories:
        # "a truce brokered in Cairo, signed by Jaish al-Islam": a signatory tells which
        cands = [a for a in cands if a.parties & signatories] or cands
    choice = None
    if len(cands) > 1 and head.anaphor:
        ident = antecedent(ctx.items(), head.match.start, head.sentence)
        ident = ident or document_antecedent(ctx, head, cands)
        choice = next((a for a in cands if a.id == ident), None)
    choice = choice or pick(cands, reference)
    if choice is not None and not head.anaphor and dated_otherwise(ctx, head, choice):
        return unknown(head)
    return head.item(choice.id) if choice is not None else None


def _by_date_alone(ctx: HeadContext, head: Head) -> Item | None:
    """ "an agreement signed in Cairo on 22 July": the date alone may name it; of several ("the
    July truce"), the one that covers the zones its sentence names ("Douma ... is covered by the
    July truce")."""
    d = head.near_dates[0]
    if d.precision == MONTH and not told_in_year(ctx, head, d):  # "the May memo": any May
        fit = tuple(a for a in ctx.lex.agreements.values() if fits_month_said(ctx, a, d))
    else:
        fit = fitting(ctx.lex, d.value, d.precision)
    dated = [a for a in fit if a.kind != "talks"]
    if ctx.published is not None:  # "similar arrangements in March" (2018): not March 2020's
        dated = existing(dated, ctx.published)
    named = {z.zone for z in ctx.zones_in.get(head.sentence, ())} or only_zone(ctx)
    if len(dated) > 1:
        dated = [a for a in dated if a.zones & named]
    if (
        len(dated) == 1
        and d.precision != DAY  # the very day an agreement was signed names it wherever
        and named
        and dated[0].zones
        and not dated[0].zones & named
    ):
        # "a deal signed in Geneva in mid-August" in a sentence about Eastern Ghouta: the
        # August truce of northern Homs fits the month, not the zone; another agreement
        return unknown(head)
    if not any(a.kind != "talks" or fits_date(a, d) for a in fit):  # "هدنة كانون الثاني"
        return unknown(head)
    return head.item(dated[0].id) if len(dated) == 1 else None if dated else unknown(head)


def _by_antecedent(ctx: HeadContext, head: Head) -> Item | None:
    """ "the agreement", "الاتفاق" with nothing else: the name right after it, else the agreement
    last named (one that covers a zone of its sentence, if any), checked against a date."""
    m = head.match
    d = head.identity
    if d is not None and not any(
        fits_as_written(a, d, ctx.text) for a in ctx.lex.agreements.values() if a.kind != "talks"
    ):  # "the memorandum of 22 October 2019": no registry agreement of that date
        return Item("agreement", None, min(m.start, d.start), max(m.end, d.end), head.sentence)
    named = named_right_after(ctx.text, m, ctx.known, ctx.lex)
    here = frozenset(z.zone for z in ctx.zones_in.get(head.sentence, ()))
    kinds = ctx.lex.head_kinds.get(phrase_key(ctx.text[m.start : m.end]), frozenset())
    ident = named or _subject_before(ctx, m, head.sentence, here, kinds)
    ident = ident or antecedent(
        ctx.items(), m.start, head.sentence, here, ctx.lex, ctx.passing, True, ctx.bare, kinds
    )
    if ident not in (None, UNKNOWN) and not named:
        ident = of_its_kind(ctx, head, ident)  # "الهدنة" after a truce, not the memorandum
    if ident in (None, UNKNOWN) and not named:
        ident = same_kind_before(ctx, head) or ident
    if ident == UNKNOWN and head.near_dates and not named:
        # "ثلاث هدن محلية ... فالهدنة الأولى بدأ سريانها في التاسع من تموز": its own date names it
        ident = by_date(None, head.near_dates, ctx.lex) or UNKNOWN
    if ident == UNKNOWN and not (head.sponsors and here):  # "a surrender deal ... The deal ..."
        return Item("agreement", None, m.start, m.end, head.sentence)
    if head.near_dates and not named:
        ident = by_date(ident, head.near_dates, ctx.lex)
    if head.sponsors and (ident in (None, UNKNOWN) or not brokered_by(ctx, ident, head.sponsors)):
        # nothing before it, or an antecedent its brokers did not sign ("the ceasefire ... is
        # the one agreed by Russia, the United States and Jordan"): who brokered it says which
        return _by_description(ctx, replace(head, parties=head.sponsors, anaphor=False))
    if ident is None and not named and len(here) == 1 and not _local_deals_before(ctx, m):
        ident = _in_force(ctx, head, next(iter(here)))
    if ident is None and not named and kinds:
        ident = _named_later(ctx, m, kinds, here)
    return head.item(ident, m.end) if ident is not None else None


def _subject_before(
    ctx: HeadContext, m: Match, sentence: int, zones: frozenset[str], kinds: frozenset[str]
) -> str | None:
    """A head that opens its sentence ("The accord applied only to ...") goes on with the
    registry agreement the sentence before opened with (see ``extract.subjects``), if it covers
    the zones its own sentence names and is of the kind its noun says ("The truce" is no
    memorandum)."""
    if not opens_sentence(ctx.text, m) or sentence - 1 in ctx.passing:
        return None  # (a background sentence, "The Homs truce had spared it", is no topic)
    subject = previous_subject(ctx.text, ctx.items(), sentence)
    info = ctx.lex.agreements.get(subject.id) if subject is not None and subject.id else None
    if info is None or info.kind == "talks" or (zones and not info.zones & zones):
        return None
    return info.id if not kinds or info.kind in kinds else None


def _named_later(
    ctx: HeadContext, m: Match, kinds: frozenset[str], zones: frozenset[str]
) -> str | None:
    """ "the memorandum" with nothing named before it (a headline, a live blog whose newest entry
    comes first): the first registry agreement of its kind that the text names after it, one
    that covers a zone its sentence names, if it names any."""
    if any(i.start < m.start and i.kind == "agreement" for i in ctx.items()):
        return None
    for i in ctx.known:
        info = ctx.lex.agreements.get(i.id) if i.id and i.start > m.end else None
        if info is not None and info.kind in kinds and (not zones or info.zones & zones):
            return i.id
    return None


def _local_deals_before(ctx: HeadContext, m: Match) -> bool:
    """Whether the text spoke of surrender, evacuation or settlement before ``m``: "the deal"
    may then be a local one the registry does not hold."""
    return any(s.start < m.start for s in ctx.surrender)


def _in_force(ctx: HeadContext, head: Head, zone: str) -> str | None:
    """ "Military police deployed to the northern Homs enclave after the truce took effect", with
    no agreement named before: the one registry agreement in force in the one zone of its
    sentence, of the kind its noun names if several are ("the truce": not the memorandum)."""
    if ctx.published is None:
        return None
    in_sentence = ctx.dates_in.get(head.sentence, ())
    about = (latest(in_sentence[0]) if in_sentence else None) or ctx.published
    live = [
        a
        for a in existing(list(candidates(ctx.lex, frozenset(), zone)), ctx.published)
        if (a.ended_in(zone) or date.max) >= about - ENDED_SLACK
    ]
    word = phrase_key(ctx.text[head.match.start : head.match.end])
    kinds = ctx.lex.head_kinds.get(phrase_key(word))
    if kinds and len(live) > 1:  # "the truce": a truce or ceasefire, not the memorandum
        live = [a for a in live if a.kind in kinds]
    return live[0].id if len(live) == 1 else None


def _by_description(ctx: HeadContext, head: Head) -> Item | None:
    """A head with parties or a zone: the registry agreements they fit, on the date it speaks
    of; none fits and it is tied to a zone or two parties: an unknown agreement."""
    m, zone = head.match, head.zone
    cands = list(candidates(ctx.lex, head.parties, zone.zone if zone else ""))
    if head.sponsors and not head.parties:  # an anaphor whose brokers are named with it
        cands = [a for a in cands if head.sponsors <= a.parties] or cands
    if len(cands) > 1 and not zone:  # "a truce brokered by Egypt ... covers Eastern Ghouta"
        named = {z.zone for z in ctx.zones_in.get(head.sentence, ())}
        # none named: the zone of the sentence before ("Eastern Ghouta was one of four zones
        # ... A separate cease-fire for the enclave, mediated by Egypt in July, ...")
        named = named or {z.zone for z in ctx.zones_in.get(head.sentence - 1, ())}
        cands = [a for a in cands if a.zones & named] or cands
        cands = nearest_covering(cands, ctx.zones_in.get(head.sentence, ()), m.start)
    if len(cands) > 1 and zone:
        cands = of_the_kind_said(ctx, head, cands)
    if any(
        abs(s.start - m.start) < SURRENDER_WINDOW and ctx.sentence_of(s.start) == head.sentence
        for s in ctx.surrender
    ):
        cands = []
    for d in head.near_dates:
        cands = [a for a in cands if fits_as_said(a, d, ctx.text)]
    held = round_of_the_day(ctx, head) if head.near_dates and not cands else None
    if held is not None:  # "وطال الاتفاق الذي أعلن اليوم إدلب" on a round's day: the round's
        return head.item(held)
    reference = existed_by(head, ctx.published)
    # the date the sentence speaks of: a zone's agreement may be over today but not then
    in_sentence = ctx.dates_in.get(head.sentence, ())
    about = latest(in_sentence[0]) if in_sentence else None
    choice = None
    if head.anaphor and len(cands) > 1:  # "that deal ... the deal's Eastern Ghouta zone"
        same = [i for i in ctx.items() if i.sentence == head.sentence]
        ident = antecedent(same, m.start, head.sentence)
        if joined_to(ctx, same, m, ident):
            # "the memorandum signed in Astana and the arrangements in southern Syria": the
            # other one of its zone
            cands = [a for a in cands if a.id != ident] or cands
            ident = None
        ident = ident or document_antecedent(ctx, head, cands)
        choice = next((a for a in cands if a.id == ident), None)
    choice = choice or pick(cands, reference, zone.zone if zone else None, about)
    if choice is None and zone and not head.anaphor:
        cands = []  # tied to a zone, but no registry agreement was in force there then
    if choice is None and cands and head.anaphor:
        ident = antecedent(ctx.items(), m.start, head.sentence)
        return head.item(ident, m.end) if ident in {a.id for a in cands} else None
    if choice is not None:
        return head.item(choice.id)
    if not cands and (zone or len(head.parties) >= 2):
        return unknown(head)
    return None


_CASES: dict[str, Callable[[HeadContext, Head], Item | None]] = {
    "described": _by_description,
    "anaphor": _by_antecedent,
    "dated": _by_date_alone,
    "bare": lambda _ctx, _head: None,  # "a deal" with no party, zone, date or antecedent
}
