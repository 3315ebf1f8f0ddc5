"""Which agreement a generic head means.

Registry names and aliases resolve directly; Astana rounds by their number; everything else is
a generic head ("اتفاق", "تفاهم", "the deal", "the truce") that is resolved from what the text
says around it: the parties named with it ("تفاهم أمريكي روسي" -> the US-Russia-Jordan deal), the
zone it is about, a date right next to it, the venue or reach ("brokered in Cairo", "nationwide")
and otherwise the agreement last mentioned (for "the agreement", "الاتفاق"). A head tied to one
of our zones that no registry agreement fits (a 2021 Daraa al-Balad deal, a 2018 surrender deal)
is an unknown agreement: id None, its own words kept.

Each head is read once into a ``Head`` (what the text says with it) and then resolved by the
case its evidence makes: a venue or nationwide cue, a date alone, an anaphor alone, or parties
and zone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from extract.choose import (
    by_date,
    candidates,
    existing,
    fits_as_written,
    fits_date,
    fitting,
    last_day,
    pick,
)
from extract.dates import DateMention
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.windows import (
    ADJECTIVE_AFTER,
    ADJECTIVE_BEFORE,
    GUARANTORS,
    SURRENDER_WINDOW,
    UNKNOWN,
    Window,
    antecedent,
    dates_near,
    identity_date,
    named_right_after,
    onset_date,
    outermost,
    parties_near,
    sponsor_parties,
    venue_near,
    zone_near,
)

__all__ = ["Item", "HeadContext", "resolve_heads"]

#: A nationwide cue belongs to a head when it lies this close before or after it.
NATIONWIDE = Window(before=24, after=48)


def _by_sentence(matches, sentence_of) -> dict[int, list]:
    out: dict[int, list] = {}
    for m in matches:
        out.setdefault(sentence_of(m.start), []).append(m)
    return out


@dataclass
class HeadContext:
    """What resolving heads needs to know about one article, indexed by sentence once.

    ``cues`` are the recogniser's cue words by kind (heads, anaphors, party adjectives,
    surrender words, venues, nationwide and sponsor cues); ``known`` the agreements already
    named (registry names, rounds, unknown kinds); ``parties`` the party mentions."""

    text: str
    lex: Lexicon
    published: date | None
    sentence_of: Callable[[int], int]
    known: list[Item]
    anaphors: list[Match]
    anaphor_spans: set[tuple[int, int]]
    adjectives: list[Match]
    surrender: list[Match]
    zones_in: dict[int, list[Item]]
    dates_in: dict[int, list[DateMention]]
    venues_in: dict[int, list[Match]]
    nationwide_in: dict[int, list[Match]]
    onsets_in: dict[int, list[Match]]
    outside_in: dict[int, list[Match]]
    #: sentences that name agreements in passing (background, comparison)
    passing: set[int]
    sponsors_in: dict[int, list[Match]]
    parties_in: dict[int, frozenset[str]]
    guarantors_in: dict[int, list[tuple[int, int, str]]]
    resolved: list[Item] = field(default_factory=list)

    @classmethod
    def build(
        cls,
        text: str,
        cues: dict[str, list[Match]],
        known: list[Item],
        zones: list[Item],
        dates: list[DateMention],
        parties: list[Item],
        lex: Lexicon,
        published: date | None,
        sentence_of: Callable[[int], int],
    ) -> HeadContext:
        adjectives = cues.get("partyadj", [])
        sponsors_in = _by_sentence(cues.get("sponsor", []), sentence_of)
        parties_in: dict[int, frozenset[str]] = {}
        for p in parties:
            if p.id and p.id not in GUARANTORS:
                parties_in[p.sentence] = parties_in.get(p.sentence, frozenset()) | {p.id}
        return cls(
            text=text,
            lex=lex,
            published=published,
            sentence_of=sentence_of,
            known=sorted(known, key=lambda i: i.start),
            anaphors=cues.get("anaphor", []),
            anaphor_spans={(m.start, m.end) for m in cues.get("anaphor", [])},
            adjectives=adjectives,
            surrender=cues.get("surrender", []),
            zones_in=_zones_by_sentence(zones),
            dates_in=_by_sentence([d for d in dates if d.value is not None], sentence_of),
            # a venue inside a name ("the 2018 Sochi memorandum") is that name's, not a head's
            venues_in=_by_sentence(_outside(cues.get("venue", []), known), sentence_of),
            nationwide_in=_by_sentence(cues.get("nationwide", []), sentence_of),
            onsets_in=_by_sentence(cues.get("onset", []), sentence_of),
            outside_in=_by_sentence(cues.get("outside", []), sentence_of),
            passing={sentence_of(c.start) for c in cues.get("background", [])},
            sponsors_in=sponsors_in,
            parties_in=parties_in,
            guarantors_in=_guarantors(parties, adjectives, sponsors_in, sentence_of),
        )

    def items(self) -> list[Item]:
        """The agreements named so far: known ones, then those resolved, in that order."""
        return self.known + self.resolved


def _outside(matches: list[Match], items: list[Item]) -> list[Match]:
    return [m for m in matches if not any(i.start <= m.start and m.end <= i.end for i in items)]


def _zones_by_sentence(zones: list[Item]) -> dict[int, list[Item]]:
    out: dict[int, list[Item]] = {}
    for z in zones:
        out.setdefault(z.sentence, []).append(z)
    return out


def _guarantors(parties, adjectives, sponsors_in, sentence_of) -> dict:
    """(start, end, party) of the guarantors named in sentences with a sponsor cue."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    if not sponsors_in:
        return out
    for p in parties:
        if p.id in GUARANTORS and p.sentence in sponsors_in:
            out.setdefault(p.sentence, []).append((p.start, p.end, p.id))
    for a in adjectives:
        ident = a.entries[0].ident
        s = sentence_of(a.start)
        if ident in GUARANTORS and s in sponsors_in:
            out.setdefault(s, []).append((a.start, a.end, ident))
    return out


@dataclass(slots=True)
class Head:
    """One generic head and what its sentence says with it."""

    match: Match
    sentence: int
    #: where the phrase ends (after party adjectives that follow the head)
    end: int
    parties: frozenset[str]
    zone: Item | None
    near_dates: list[DateMention]
    #: the agreement's own date, said with the head ("the memorandum of 22 October 2019")
    identity: DateMention | None
    #: a date found after an onset cue rather than next to the head (not part of its phrase)
    onset: bool
    #: brokers named around a sponsor cue ("The deal, brokered by Egypt, ...")
    sponsors: frozenset[str]
    #: demanded by the Security Council, or declared by one side: no registry agreement
    outside: bool
    anaphor: bool
    venue: tuple[str, ...] | None
    national: bool

    @property
    def case(self) -> str:
        """The kind of evidence that decides the head (the venue case is tried first)."""
        if self.parties or self.zone:
            return "described"
        if self.anaphor:
            return "anaphor"
        return "dated" if self.near_dates else "bare"

    def item(self, ident: str | None, end: int | None = None) -> Item:
        m = self.match
        return Item("agreement", ident, m.start, self.end if end is None else end, self.sentence)


def _read_head(ctx: HeadContext, m: Match) -> Head:
    sentence = ctx.sentence_of(m.start)
    starts = [a.start for a in ctx.adjectives]
    lo = bisect_left(starts, m.start - ADJECTIVE_BEFORE)
    hi = bisect_right(starts, m.end + ADJECTIVE_AFTER)
    parties, end = parties_near(ctx.text, m, ctx.adjectives[lo:hi], ctx.lex)
    anaphor = (m.start, m.end) in ctx.anaphor_spans or any(
        s <= m.start and m.end <= e for s, e in ctx.anaphor_spans
    )
    sponsors = frozenset()
    if not parties and sentence in ctx.sponsors_in:
        # "Russia and Turkey brokered a deal", "تفاهم ... بضمانة تركية روسية"
        sponsors = sponsor_parties(
            m, ctx.sponsors_in[sentence], ctx.guarantors_in.get(sentence, ()), ctx.lex
        )
        if not anaphor:
            parties = sponsors
    venue = venue_near(ctx.text, m, ctx.venues_in.get(sentence, ()), ctx.lex, anaphor)
    national = not anaphor and any(
        NATIONWIDE.holds(m, cue) for cue in ctx.nationwide_in.get(sentence, ())
    )
    dates = ctx.dates_in.get(sentence, ())
    near_dates = [d for d in dates_near(m, dates) if not _qualifies_a_name(ctx, d)]
    onset = None
    if not near_dates:  # "A ceasefire in Idlib ... took effect on Sunday"
        onset = onset_date(m, ctx.onsets_in.get(sentence, ()), dates)
        near_dates = [onset] if onset is not None else []
    return Head(
        match=m,
        sentence=sentence,
        end=end,
        parties=parties,
        zone=zone_near(m, ctx.zones_in.get(sentence, ())),
        near_dates=near_dates,
        identity=identity_date(ctx.text, m, dates, ctx.lex),
        onset=onset is not None,
        sponsors=sponsors,
        outside=any(
            abs(c.start - m.start) < SURRENDER_WINDOW for c in ctx.outside_in.get(sentence, ())
        ),
        anaphor=anaphor,
        venue=venue,
        national=national,
    )


#: A date this close before a named agreement qualifies that name ("the 2018 Sochi memorandum").
QUALIFIER_GAP = 3


def _qualifies_a_name(ctx: HeadContext, d: DateMention) -> bool:
    return any(0 <= k.start - d.end <= QUALIFIER_GAP for k in ctx.known)


def resolve_heads(ctx: HeadContext, heads: list[Match]) -> list[Item]:
    """Agreement items for the generic heads and the anaphors, in document order."""
    taken = bytearray(len(ctx.text) + 1)
    for i in ctx.known:
        taken[i.start : i.end] = b"\x01" * (i.end - i.start)
    for m in outermost(heads + ctx.anaphors):
        if taken[m.start] or taken[m.end - 1]:
            continue
        head = _read_head(ctx, m)
        if head.outside:  # "a 30-day truce demanded by the Security Council", "هدنة من جانب واحد"
            ctx.resolved.append(_unknown(head))
            continue
        if _current(ctx, m):  # "the current deal", "الاتفاق الحالي": the one the text is about
            topic = min(ctx.items(), key=lambda i: i.start, default=None)
            if topic is not None:
                ctx.resolved.append(Item("agreement", topic.id, m.start, m.end, head.sentence))
                continue
        item = _by_venue(ctx, head) if head.venue is not None or head.national else None
        if item is None:
            item = _CASES[head.case](ctx, head)
        if item is not None:
            ctx.resolved.append(item)
    return ctx.resolved


def _current(ctx: HeadContext, m: Match) -> bool:
    """Whether a current qualifier stands right after the head ("الاتفاق الحالي") or right
    before it ("the new deal")."""
    qualifiers = ctx.lex.words["current_qualifiers"]
    after = ctx.text[m.end : m.end + 16].split()
    before = ctx.text[max(0, m.start - 16) : m.start].split()
    return bool(after and after[0] in qualifiers) or bool(before and before[-1] in qualifiers)


def _by_venue(ctx: HeadContext, head: Head) -> Item | None:
    """ "the truce brokered in Cairo", "a nationwide ceasefire": where, or how wide, says which."""
    lex = ctx.lex
    here = (
        [lex.agreements[i] for i in head.venue]
        if head.venue is not None
        else lex.agreements.values()
    )
    cands = [
        a for a in here if a.kind != "talks" and (a.scope == "nationwide" or not head.national)
    ]
    if head.parties:
        cands = [a for a in cands if head.parties <= a.parties] or cands
    named = {head.zone.zone} if head.zone else {z.zone for z in ctx.zones_in.get(head.sentence, ())}
    if named and not head.national:
        cands = [a for a in cands if a.zones & named] or cands
    for d in head.near_dates:
        cands = [a for a in cands if fits_date(a, d)]
    reference = last_day(head.near_dates[0]) if head.near_dates else ctx.published
    if reference is not None:
        cands = existing(cands, reference)
    signatories = ctx.parties_in.get(head.sentence)
    if len(cands) > 1 and signatories:
        # "a truce brokered in Cairo, signed by Jaish al-Islam": a signatory tells which
        cands = [a for a in cands if a.parties & signatories] or cands
    choice = None
    if len(cands) > 1 and head.anaphor:
        ident = antecedent(ctx.items(), head.match.start, head.sentence)
        choice = next((a for a in cands if a.id == ident), None)
    choice = choice or pick(cands, reference)
    return head.item(choice.id) if choice is not None else None


def _by_date_alone(ctx: HeadContext, head: Head) -> Item | None:
    """ "an agreement signed in Cairo on 22 July": the date alone may name it."""
    d = head.near_dates[0]
    dated = [a for a in fitting(ctx.lex, d.value, d.precision) if a.kind != "talks"]
    return head.item(dated[0].id) if len(dated) == 1 else None


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
    ident = named or antecedent(
        ctx.items(), m.start, head.sentence, here, ctx.lex, ctx.passing, unknown_ok=True
    )
    if ident == UNKNOWN:  # "a surrender deal ... The deal allows fighters to leave"
        return Item("agreement", None, m.start, m.end, head.sentence)
    if head.near_dates and not named:
        ident = by_date(ident, head.near_dates, ctx.lex)
    if ident is None and head.sponsors:  # nothing before it: who brokered it says which
        return _by_description(ctx, replace(head, parties=head.sponsors, anaphor=False))
    return head.item(ident, m.end) if ident is not None else None


def _unresolved(ctx: HeadContext, head: Head) -> None:
    """A bare head ("a deal") with no party, zone, date or antecedent says nothing."""
    return None


def _by_description(ctx: HeadContext, head: Head) -> Item | None:
    """A head with parties or a zone: the registry agreements they fit, on the date it speaks
    of; none fits and it is tied to a zone or two parties: an unknown agreement."""
    m, zone = head.match, head.zone
    cands = list(candidates(ctx.lex, head.parties, zone.zone if zone else ""))
    if len(cands) > 1 and not zone:  # "a truce brokered by Egypt ... covers Eastern Ghouta"
        named = {z.zone for z in ctx.zones_in.get(head.sentence, ())}
        cands = [a for a in cands if a.zones & named] or cands
    if any(
        abs(s.start - m.start) < SURRENDER_WINDOW and ctx.sentence_of(s.start) == head.sentence
        for s in ctx.surrender
    ):
        cands = []
    for d in head.near_dates:
        cands = [a for a in cands if fits_date(a, d)]
    reference = last_day(head.near_dates[0]) if head.near_dates else ctx.published
    # the date the sentence speaks of: a zone's agreement may be over today but not then
    in_sentence = ctx.dates_in.get(head.sentence, ())
    about = last_day(in_sentence[0]) if in_sentence else None
    choice = None
    if head.anaphor and len(cands) > 1:  # "that deal ... the deal's Eastern Ghouta zone"
        same = [i for i in ctx.items() if i.sentence == head.sentence]
        ident = antecedent(same, m.start, head.sentence)
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
        return _unknown(head)
    return None


def _unknown(head: Head) -> Item:
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


_CASES: dict[str, Callable[[HeadContext, Head], Item | None]] = {
    "described": _by_description,
    "anaphor": _by_antecedent,
    "dated": _by_date_alone,
    "bare": _unresolved,
}
