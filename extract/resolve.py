"""Which agreement a phrase means.

Registry names and aliases resolve directly; Astana rounds by their number; everything else is
a generic head ("اتفاق", "تفاهم", "the deal", "the truce") that is resolved from what the text
says around it: the parties named with it ("تفاهم أمريكي روسي" -> the US-Russia-Jordan deal), the
zone it is about, a date right next to it, and otherwise the agreement last mentioned (for "the
agreement", "الاتفاق"). A head tied to one of our zones that no registry agreement fits (a 2021
Daraa al-Balad deal, a 2018 surrender deal) is an unknown agreement: id None, its own words kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from operator import attrgetter

from extract.dates import DAY, MONTH, YEAR, DateMention
from extract.lexicon import AgreementInfo, Lexicon
from extract.recognise import Match
from extract.rounds import Round, round_on

#: A modifier belongs to a head when it lies this close after it (characters).
AFTER_WINDOW = 32
BEFORE_WINDOW = 3
DATE_WINDOW = 40
BEFORE_DATE_WINDOW = 12
ANAPHORA_SENTENCES = 4
#: How far from a registry date a stated date may be and still be that agreement's date.
DATE_SLACK = timedelta(days=3)
#: A deal said to be about a zone long after the registry agreements there ended is another one.
ENDED_SLACK = timedelta(days=60)


@dataclass(slots=True)
class Item:
    """A finding in normalised coordinates, before it becomes a contract mention."""

    kind: str
    id: str | None
    start: int
    end: int
    sentence: int
    zone: str = ""


def round_items(
    rounds: list[Round], lex: Lexicon, published: date | None, sentence_of
) -> list[Item]:
    out = []
    for r in rounds:
        if r.number is not None:
            ident = lex.rounds.get(r.number)
        elif published is not None:
            ident = round_on(published, lex)
            if ident is None:
                continue
        else:
            continue
        out.append(Item("agreement", ident, r.start, r.end, sentence_of(r.start)))
    return out


def _fits_date(info: AgreementInfo, d: DateMention) -> bool:
    if d.value is None or not info.days:
        return True
    return _fits(info.days, d.value, d.precision)


@lru_cache(maxsize=4096)
def _fits(days: tuple[date, ...], value: date, precision: str) -> bool:
    if precision == YEAR:
        return any(day.year == value.year for day in days)
    if precision == MONTH:
        return any((day.year, day.month) == (value.year, value.month) for day in days)
    return any(abs(day - value) <= DATE_SLACK for day in days)


def _last_day(d: DateMention) -> date:
    """The last day a date of the given precision can mean (July 2017 -> 31 July 2017)."""
    if d.precision == YEAR:
        return date(d.value.year, 12, 31)
    if d.precision == MONTH:
        nxt = (d.value.replace(day=28) + timedelta(days=4)).replace(day=1)
        return nxt - timedelta(days=1)
    return d.value


def _pick(
    cands: list[AgreementInfo],
    reference: date | None,
    zone: str | None = None,
    about: date | None = None,
) -> AgreementInfo | None:
    """The candidate meant on ``reference`` (a date stated with the head, or the publication
    date): none that did not exist yet, none long over in ``zone`` by ``about`` (the date the
    sentence speaks of, else ``reference``), and of the others the latest."""
    if reference is not None:
        cands = [a for a in cands if not a.days or a.days[0] <= reference + timedelta(days=2)]
        about = about or reference
        if zone:
            cands = [a for a in cands if (a.ended_in(zone) or date.max) >= about - ENDED_SLACK]
    if len(cands) == 1:
        return cands[0]
    if not cands or reference is None:
        return None
    return max(cands, key=lambda a: a.days[0] if a.days else date.min)


def resolve_heads(
    text: str,
    heads: list[Match],
    anaphors: list[Match],
    adjectives: list[Match],
    surrender: list[Match],
    known: list[Item],
    zones: list[Item],
    dates: list[DateMention],
    lex: Lexicon,
    published: date | None,
    sentence_of,
    venues: list[Match] = (),
    nationwide: list[Match] = (),
    sponsors: list[Match] = (),
    party_items: list[Item] = (),
) -> list[Item]:
    """Agreement items for the generic heads, in document order, given the named ones."""
    resolved: list[Item] = []
    taken = bytearray(len(text) + 1)
    for i in known:
        taken[i.start : i.end] = b"\x01" * (i.end - i.start)
    anaphor_spans = {(m.start, m.end) for m in anaphors}
    adj_starts = [a.start for a in adjectives]
    all_items = sorted(known, key=attrgetter("start"))
    zones_in: dict[int, list[Item]] = {}
    for z in zones:
        zones_in.setdefault(z.sentence, []).append(z)
    dates_in: dict[int, list[DateMention]] = {}
    for d in dates:
        if d.value is not None:
            dates_in.setdefault(sentence_of(d.start), []).append(d)
    venues_in = _by_sentence(venues, sentence_of)
    nationwide_in = _by_sentence(nationwide, sentence_of)
    sponsors_in = _by_sentence(sponsors, sentence_of)
    parties_in: dict[int, frozenset[str]] = {}
    for p in party_items:
        if p.id and p.id not in GUARANTORS:
            parties_in[p.sentence] = parties_in.get(p.sentence, frozenset()) | {p.id}
    guarantors_in: dict[int, list[tuple[int, int, str]]] = {}
    if sponsors_in:
        for p in party_items:
            if p.id in GUARANTORS and p.sentence in sponsors_in:
                guarantors_in.setdefault(p.sentence, []).append((p.start, p.end, p.id))
        for a in adjectives:
            ident = a.entries[0].ident
            s = sentence_of(a.start)
            if ident in GUARANTORS and s in sponsors_in:
                guarantors_in.setdefault(s, []).append((a.start, a.end, ident))
    for head in _outermost(heads + anaphors):
        if taken[head.start] or taken[head.end - 1]:
            continue
        sentence = sentence_of(head.start)
        lo, hi = bisect_left(adj_starts, head.start - 24), bisect_right(adj_starts, head.end + 48)
        parties, head_end = _parties_near(text, head, adjectives[lo:hi])
        zone = _zone_near(head, zones_in.get(sentence, ()))
        near_dates = _dates_near(head, dates_in.get(sentence, ()))
        is_anaphor = (head.start, head.end) in anaphor_spans or any(
            s <= head.start and head.end <= e for s, e in anaphor_spans
        )
        if not parties and not is_anaphor and sentence in sponsors_in:
            # "Russia and Turkey brokered a deal", "تفاهم ... بضمانة تركية روسية"
            parties = _sponsor_parties(head, sponsors_in[sentence], guarantors_in.get(sentence, ()))
        venue = _venue_near(text, head, venues_in.get(sentence, ()), lex, is_anaphor)
        national = not is_anaphor and any(
            head.start - NATIONWIDE_BEFORE <= m.start and m.end <= head.end + NATIONWIDE_AFTER
            for m in nationwide_in.get(sentence, ())
        )
        if venue is not None or national:
            # "the truce brokered in Cairo", "a nationwide ceasefire": where, or how wide, says which
            here = (
                [lex.agreements[i] for i in venue] if venue is not None else lex.agreements.values()
            )
            cands = [
                a for a in here if a.kind != "talks" and (a.scope == "nationwide" or not national)
            ]
            if parties:
                cands = [a for a in cands if parties <= a.parties] or cands
            named = {zone.zone} if zone else {z.zone for z in zones_in.get(sentence, ())}
            if named and not national:
                cands = [a for a in cands if a.zones & named] or cands
            for d in near_dates:
                cands = [a for a in cands if _fits_date(a, d)]
            reference = _last_day(near_dates[0]) if near_dates else published
            if reference is not None:
                cands = [
                    a for a in cands if not a.days or a.days[0] <= reference + timedelta(days=2)
                ]
            if len(cands) > 1 and sentence in parties_in:
                # "a truce brokered in Cairo, signed by Jaish al-Islam": a signatory tells which
                cands = [a for a in cands if a.parties & parties_in[sentence]] or cands
            choice = None
            if len(cands) > 1 and is_anaphor:
                antecedent = _antecedent(all_items + resolved, head.start, sentence)
                choice = next((a for a in cands if a.id == antecedent), None)
            choice = choice or _pick(cands, reference)
            if choice is not None:
                resolved.append(Item("agreement", choice.id, head.start, head_end, sentence))
                continue
        if not parties and not zone and near_dates and not is_anaphor:
            # "an agreement signed in Cairo on 22 July": the date alone may name it
            dated = [
                a
                for a in _fitting(lex, near_dates[0].value, near_dates[0].precision)
                if a.kind != "talks"
            ]
            if len(dated) == 1:
                resolved.append(Item("agreement", dated[0].id, head.start, head_end, sentence))
            continue
        if not parties and not zone:
            if is_anaphor:
                named = _named_right_after(text, head, all_items)
                here = frozenset(z.zone for z in zones_in.get(sentence, ()))
                antecedent = named or _antecedent(
                    all_items + resolved, head.start, sentence, here, lex
                )
                if near_dates and not named:
                    antecedent = _by_date(antecedent, near_dates, lex)
                if antecedent is not None:
                    item = Item("agreement", antecedent, head.start, head.end, sentence)
                    resolved.append(item)
            continue
        cands = list(_candidates(lex, parties, zone.zone if zone else ""))
        if any(
            abs(m.start - head.start) < 48 and sentence_of(m.start) == sentence for m in surrender
        ):
            cands = []
        for d in near_dates:
            cands = [a for a in cands if _fits_date(a, d)]
        reference = _last_day(near_dates[0]) if near_dates else published
        # the date the sentence speaks of: a zone's agreement may be over today but not then
        in_sentence = dates_in.get(sentence, ())
        about = _last_day(in_sentence[0]) if in_sentence else None
        choice = None
        if is_anaphor and len(cands) > 1:  # "that deal ... the deal's Eastern Ghouta zone"
            same = [i for i in all_items + resolved if i.sentence == sentence]
            antecedent = _antecedent(same, head.start, sentence)
            choice = next((a for a in cands if a.id == antecedent), None)
        choice = choice or _pick(cands, reference, zone.zone if zone else None, about)
        if choice is None and zone and not is_anaphor:
            cands = []  # tied to a zone, but no registry agreement was in force there then
        if choice is None and cands and is_anaphor:
            antecedent = _antecedent(all_items + resolved, head.start, sentence)
            if antecedent in {a.id for a in cands}:
                resolved.append(Item("agreement", antecedent, head.start, head.end, sentence))
            continue
        if choice is not None:
            resolved.append(Item("agreement", choice.id, head.start, head_end, sentence))
        elif not cands and (zone or len(parties) >= 2):
            end = max(
                [head.end]
                + ([zone.end] if zone and zone.start > head.end else [])
                + [d.end for d in near_dates if d.start > head.end]
            )
            start = min(
                [head.start]
                + ([zone.start] if zone and zone.start < head.start else [])
                + [d.start for d in near_dates if d.start < head.start]
            )
            resolved.append(Item("agreement", None, start, end, sentence))
    return resolved


#: A nationwide cue belongs to a head when it lies this close before or after it.
NATIONWIDE_BEFORE = 24
NATIONWIDE_AFTER = 48
#: A venue belongs to a head when it lies this close after it ("a truce signed in Cairo on 22
#: July between ...") or before it ("the Cairo truce", "في القاهرة ... اتفاق").
VENUE_AFTER = 72
VENUE_BEFORE = 16
#: Sponsors: parties named this close around a sponsor cue of the head's sentence.
SPONSOR_WINDOW = 64
SPONSOR_REACH = 44
#: Parties that broker or guarantee agreements (the warring sides are parties to many deals
#: that the registry does not hold, so they do not identify one).
GUARANTORS = frozenset(("russia", "turkey", "iran", "united_states", "jordan", "egypt"))


def _by_sentence(matches: list[Match], sentence_of) -> dict[int, list[Match]]:
    out: dict[int, list[Match]] = {}
    for m in matches:
        out.setdefault(sentence_of(m.start), []).append(m)
    return out


def _venue_near(
    text: str, head: Match, venues: list[Match], lex: Lexicon, anaphor: bool = False
) -> tuple[str, ...] | None:
    """The agreements of the venue named with the head in its clause (``venues``: those of its
    sentence): after it ("a truce signed in Cairo on 22 July") with no comma between, or right
    before it ("the Cairo truce"); before an anaphor only with nothing between ("Ankara keeps
    quoting the memorandum" is not the Ankara ceasefire)."""
    for v in venues:
        after = 0 <= v.start - head.end <= VENUE_AFTER
        if after and any(c in _CLAUSE_MARKS for c in text[head.end : v.start]):
            continue
        before = 0 <= head.start - v.end <= VENUE_BEFORE
        if before and anaphor and text[v.end : head.start].strip():
            before = False
        if after or before:
            return lex.venues.get(v.entries[0].ident)
    return None


_CLAUSE_MARKS = frozenset(",;،؛:")


def _sponsor_parties(
    head: Match, sponsors: list[Match], guarantors: list[tuple[int, int, str]]
) -> frozenset[str]:
    """Guarantor parties named around a sponsor cue near the head (two or more, else none);
    ``sponsors`` and ``guarantors`` (start, end, party) are those of the head's sentence."""
    found: set[str] = set()
    for cue in sponsors:
        if head.start - SPONSOR_WINDOW <= cue.start <= head.end + SPONSOR_WINDOW:
            lo, hi = cue.start - SPONSOR_REACH, cue.end + SPONSOR_REACH
            found.update(ident for s, e, ident in guarantors if lo <= s and e <= hi)
    return frozenset(found) if len(found) >= 2 else frozenset()


def _named_right_after(text: str, head: Match, items: list[Item]) -> str | None:
    """ "المذكرة في أستانا الرابعة", "the memorandum of Astana-4": the name that follows is the referent."""
    for item in items:
        if item.start < head.end:
            continue
        if item.start - head.end > 12:
            break
        if item.id:
            gap = text[head.end : item.start].strip()
            if gap in ("", "في", "of", "at", "in", "from", "signed in", "agreed in", "الموقعه في"):
                return item.id
    return None


@lru_cache(maxsize=1024)
def _candidates(lex: Lexicon, parties: frozenset[str], zone: str) -> tuple[AgreementInfo, ...]:
    """The registry agreements (not rounds of talks) with all these parties and this zone."""
    return tuple(
        a
        for a in lex.agreements.values()
        if a.kind != "talks" and parties <= a.parties and (not zone or zone in a.zones)
    )


@lru_cache(maxsize=2048)
def _fitting(lex: Lexicon, value: date, precision: str) -> tuple[AgreementInfo, ...]:
    """The agreements a stated date fits (cached: articles repeat the same few dates)."""
    d = DateMention(0, 0, value, precision)
    return tuple(a for a in lex.agreements.values() if _fits_date(a, d))


def _by_date(antecedent: str | None, near_dates: list[DateMention], lex: Lexicon) -> str | None:
    """An anaphor with a date right next to it ("the memorandum signed on 4 May 2017") means the
    agreement of that date, which may not be the last one mentioned."""
    fitting = _fitting(lex, near_dates[0].value, near_dates[0].precision)
    ids = {a.id for a in fitting}
    if antecedent in ids:
        return antecedent
    signed_then = [a for a in fitting if a.kind != "talks"]
    if len(signed_then) == 1:
        return signed_then[0].id
    return antecedent if not fitting else None


def choose_alias(
    match: Match,
    zones: list[Item],
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
    dated = [d for d in dates if d.value is not None and sentence_of(d.start) == sentence]
    by_date = [
        e for e in entries if infos.get(e.ident) and dated and _fits_date(infos[e.ident], dated[0])
    ]
    if len(by_date) == 1:
        return by_date[0]
    pick = _pick([infos[e.ident] for e in entries if e.ident in infos], published)
    return next((e for e in entries if pick and e.ident == pick.id), entries[0])


def _dates_near(head: Match, dates) -> list[DateMention]:
    """The date that goes with a head (``dates``: those of its sentence): after it ("signed on
    22 July"), or right before it ("the 2021 deal", "the May 4 memorandum")."""
    for d in dates:
        if 0 <= d.start - head.end <= DATE_WINDOW:
            return [d]
    before = [d for d in dates if 0 <= head.start - d.end <= BEFORE_DATE_WINDOW]
    return before[-1:]


def _outermost(matches: list[Match]) -> list[Match]:
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


_NO_PARTIES: frozenset[str] = frozenset()
_END = attrgetter("end")


def _parties_near(text: str, head: Match, adjectives: list[Match]) -> tuple[frozenset[str], int]:
    """Parties named by adjectives right after (or, in English, right before) the head, and
    where the phrase ends."""
    if not adjectives:
        return _NO_PARTIES, head.end
    parties: set[str] = set()
    cursor = head.end
    for adj in adjectives:
        if adj.start < head.end:
            continue
        gap = text[cursor : adj.start]
        if len(gap) > 4 or any(c.isalnum() and c not in "و" for c in gap.replace("and", "")):
            break
        parties.add(adj.entries[0].ident)
        cursor = adj.end
    phrase_end = cursor
    cursor = head.start
    before = [a for a in adjectives if a.end <= head.start]
    for adj in sorted(before, key=_END, reverse=True) if before else ():
        gap = text[adj.end : cursor]
        if len(gap) > 3 or any(c.isalnum() for c in gap.replace("the", "")):
            break
        parties.add(adj.entries[0].ident)
        cursor = adj.start
    return frozenset(p for p in parties if p), phrase_end


def _zone_near(head: Match, zones) -> Item | None:
    """A zone named right after the head ("اتفاق ... في درعا", "a truce for Idlib"), or right
    before it in English ("the Daraa deal"); ``zones``: those of the head's sentence."""
    for z in zones:
        if 0 <= z.start - head.end <= AFTER_WINDOW or 0 <= head.start - z.end <= BEFORE_WINDOW:
            return z
    return None


def _antecedent(
    items: list[Item],
    before: int,
    sentence: int,
    zones: frozenset[str] = frozenset(),
    lex: Lexicon | None = None,
) -> str | None:
    """The agreement last named before ``before`` (within a few sentences); when the anaphor's
    sentence names zones, the last one that covers one of them, if any ("the agreement" in a
    sentence about Rastan means the Homs truce, not the Ghouta truce named just before)."""
    best: Item | None = None
    fitting: Item | None = None
    for item in items:
        recent = item.start < before and sentence - item.sentence <= ANAPHORA_SENTENCES
        if not (recent and item.kind == "agreement" and item.id):
            continue
        if best is None or item.start > best.start:
            best = item
        if zones and lex is not None and (fitting is None or item.start > fitting.start):
            info = lex.agreements.get(item.id)
            if info is not None and info.zones & zones:
                fitting = item
    if fitting is not None:
        return fitting.id
    return best.id if best else None


#: "at Astana in May", "في أستانا في أيار": a date this close after the name pins the round.
DATED_REACH = 16


def dated_rounds(cores: list[Match], known: list, dates: list, lex: Lexicon, sentence_of) -> list:
    """Agreement items for "Astana" followed closely by a date that only one round fits."""
    out = []
    for core in cores:
        if core.entries[0].ident != "astana" or any(k.start <= core.start < k.end for k in known):
            continue
        after = [d for d in dates if d.value is not None and 0 <= d.start - core.end <= DATED_REACH]
        if not after or sentence_of(after[0].start) != sentence_of(core.start):
            continue
        d = after[0]
        fits = []
        for agreement in lex.rounds.values():
            days = lex.agreements[agreement].days
            if (
                d.precision == DAY
                and any(abs((day - d.value).days) <= 1 for day in days)
                or d.precision == MONTH
                and any((day.year, day.month) == (d.value.year, d.value.month) for day in days)
            ):
                fits.append(agreement)
        if len(set(fits)) == 1:
            out.append(Item("agreement", fits[0], core.start, core.end, sentence_of(core.start)))
    return out
