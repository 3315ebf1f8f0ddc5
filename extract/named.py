"""The agreements a text names outright: Astana rounds, registry names and aliases (a shared
alias read by its zone or date, a name on another agreement's date read as unknown), the
agreements its provisions describe, and the unknown kinds ("a surrender deal"); with the zones
those names speak of or state, and the zone words that are only part of a name."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from extract.choose import candidates, choose_alias, existing, fits_as_written, fits_date
from extract.construct_duals import coordinated_zones
from extract.content import content_mentions, implicit_mentions
from extract.dates import DateMention
from extract.item import Item
from extract.keys import alternation
from extract.lexicon import Lexicon
from extract.recognise import Match, with_readings
from extract.rounds import dated_rounds, round_items
from extract.sponsors import GUARANTORS
from extract.windows import REFERENT_GAP, identity_date, venue_near

if TYPE_CHECKING:
    from extract.article import _Document


@lru_cache(maxsize=4)
def _states_where(lex: Lexicon) -> re.Pattern:
    """Inside an agreement's name, a preposition before its zone word says where it applies."""
    return re.compile(rf" (?:{alternation(lex.words['place_prepositions'])}) ")


@dataclass(slots=True)
class Named:
    """The agreements named outright (rounds, registry names, unknown kinds), generic aliases
    left for resolution, and the zones that agreement names speak of or state a link to."""

    known: list[Item]
    named_zones: list[Item]
    stated_zones: list[Item]
    #: zone mentions that are part of an agreement's name ("the Ghouta agreement", "the
    #: south-west ceasefire"): the name says which agreement, not where it applies
    in_names: set[tuple[int, int]]


def named_agreements(
    doc: _Document, zones: list[Item], parties: list[Item], blocked: list
) -> Named:
    """Rounds, registry names (a shared name read by its zone or date) and unknown kinds."""
    lex, sentence_of = doc.lex, doc.sentence_of
    known = round_items(doc.rounds, lex, doc.published, sentence_of)
    # "في إطار تفاهمات أستانا منذ تشرين الأول 2017": a phrase that names no agreement names no round
    cores = doc.cues.get("roundcore", [])
    if blocked and cores:
        cores = [c for c in cores if not _covered(c, blocked)]
    known += dated_rounds(cores, known, doc.dates, lex, sentence_of, doc.text)
    round_spans = [(i.start, i.end) for i in known]
    named = Named(known, [], [], set())
    zone_spans = sorted((z.start, z.end) for z in zones)
    zone_starts = [s for s, _ in zone_spans]
    dates_in = _dates_by_sentence(doc)
    for m in doc.entities:
        if m.kind == "place" and _zone_name(doc.text, lex, m):
            # "the southern de-escalation zone": the zone's name, and its agreement's too
            m = with_readings(m, tuple(e for e in m.entries if e.kind == "agreement"))
        elif m.kind != "agreement" or (round_spans and _covered(m, round_spans)):
            continue
        entry = m.entries[0]
        if len({e.ident for e in m.entries}) > 1:  # "the Cairo truce": Ghouta's or Homs's
            entry = choose_alias(m, zones, doc.dates, lex, doc.published, sentence_of)
        if entry.generic:
            continue  # "the memorandum": resolved like any generic head
        s = sentence_of(m.start)
        if _dated_otherwise(doc, m, entry.ident, dates_in.get(s, [])):
            # "the Sochi memorandum of 22 October 2019": a name the registry knows, on a date
            # that is not its agreement's, is another agreement
            d = identity_date(doc.text, m, dates_in.get(s, []), lex)
            assert d is not None  # _dated_otherwise found it
            known.append(Item("agreement", None, min(m.start, d.start), max(m.end, d.end), s))
            blocked.append((m.start, m.end))
            continue
        if _renewed(doc, m, entry.ident) and len({e.ident for e in m.entries}) == 1:
            # "اتفاق سوتشي الجديد" in 2019; a shared name ("اتفاق القاهرة الثاني") is Homs's
            known.append(Item("agreement", None, m.start, m.end, s))
            blocked.append((m.start, m.end))
            continue
        ident = (
            _made_elsewhere(doc, m, entry.ident, s)
            or _made_by_others(doc, m, entry.ident, s, parties)
            or entry.ident
        )
        known.append(Item("agreement", ident, m.start, m.end, s))
        known += _other_readings(doc, m, ident, zones, s)
        states_where = _states_where(lex).search(doc.text, m.start, m.end) is not None
        inside = _overlapping(zone_spans, zone_starts, m)
        if not states_where and not _names_a_zone(lex, doc.text[m.start : m.end]):
            named.in_names.update(inside)
        if entry.zone and not inside:
            # "هدنة الغوطة": the name speaks of the zone, but states no link, unless it says
            # where it applies ("the memorandum on ... in the Idlib de-escalation area")
            item = Item("zone", entry.zone, m.start, m.end, s, entry.zone)
            named.named_zones.append(item)
            if states_where or _ended_by_name(doc, m):
                named.stated_zones.append(item)
    known += content_mentions(doc.text, doc.cues.get("content", []), known, lex, sentence_of)
    terms = [m for m in doc.entities if m.kind == "zoneterm"]
    known += implicit_mentions(
        doc.text, doc.cues, known, parties, doc.dates, lex, sentence_of, terms, zones, doc.published
    )
    for m in doc.entities:
        if m.kind == "unknownagreement":  # "a surrender deal", "هدنة إنسانية": not in the registry
            known.append(Item("agreement", None, m.start, m.end, sentence_of(m.start)))
            blocked.append((m.start, m.end))
    return named


#: Most characters between a shared name and the first of the joined zones it is said of.
JOINED_ZONES_AFTER = 40


def _other_readings(doc: _Document, m: Match, ident: str, zones: list[Item], s: int) -> list[Item]:
    """A name several registry agreements share, said of zones joined by "و" that its readings
    cover one each ("وشمل اتفاق القاهرة الغوطة الشرقية وريف حمص الشمالي"): the other readings
    too, at the same place."""
    if len({e.ident for e in m.entries}) < 2:
        return []
    after = [z for z in zones if z.sentence == s and z.start >= m.end]
    first = min(after, key=lambda z: z.start, default=None)
    if (
        first is None
        or first.start - m.end > JOINED_ZONES_AFTER
        or "\u060c" in doc.text[m.end : first.start]
    ):
        return []
    joined = coordinated_zones(doc.text, doc.lex.words["list_joiners"], after)
    infos = [doc.lex.agreements[e.ident] for e in m.entries if e.ident in doc.lex.agreements]
    if doc.published is not None:
        infos = existing(infos, doc.published)
    own = {a.id: a.zones & joined for a in infos}
    if ident not in own or any(len(z) != 1 for z in own.values()):
        return []
    if len(set().union(*own.values())) != len(own):
        return []
    return [Item("agreement", i, m.start, m.end, s) for i in own if i != ident]


def _zone_name(text: str, lex: Lexicon, m: Match) -> bool:
    """Whether a place reading is also an agreement's alias that names its zone ("the southern
    de-escalation zone")."""
    return any(e.kind == "agreement" and not e.generic for e in m.entries) and _names_a_zone(
        lex, text[m.start : m.end]
    )


@lru_cache(maxsize=4096)
def _names_a_zone(lex: Lexicon, name: str) -> bool:
    """Whether an agreement's name is the name of its zone ("the southwest de-escalation zone"):
    a zone word in it then names the zone, as any zone mention does. (Remembered: the same
    names recur in every article.)"""
    return any(term in name for term in lex.words["zone_terms"])


def _dates_by_sentence(doc: _Document) -> dict[int, list[DateMention]]:
    out: dict[int, list[DateMention]] = {}
    for d in doc.dates:
        if d.value is not None:
            out.setdefault(doc.sentence_of(d.start), []).append(d)
    return out


def _dated_otherwise(doc: _Document, m: Match, ident: str, dates: list[DateMention]) -> bool:
    """Whether the name comes with its own date (see ``identity_date``; ``dates``: those of its
    sentence) that its agreement's dates do not fit."""
    info = doc.lex.agreements.get(ident)
    if info is None or info.kind == "talks" or not dates:
        return False
    d = identity_date(doc.text, m, dates, doc.lex)
    return d is not None and not fits_as_written(info, d, doc.text)


def _made_elsewhere(doc: _Document, m: Match, ident: str, sentence: int) -> str | None:
    """ "a de-escalation deal that Russia and Turkey reached in ... Sochi": a shared name whose
    own clause says it was made at a venue where its registry agreement was not made is the one
    agreement made there (checked against the dates of its sentence)."""
    venues = [
        v
        for v in doc.cues.get("venue", ())
        if v.start >= m.end and doc.sentence_of(v.start) == sentence
    ]
    if not venues or ident not in doc.lex.agreements:
        return None
    here = venue_near(doc.text, m, venues, doc.lex)
    if not here or ident in here or not any(ident in v for v in doc.lex.venues.values()):
        return None
    if any(e.kind == "agreement" and 0 <= m.start - e.end <= REFERENT_GAP for e in doc.entities):
        return None  # "the Additional Protocol to the Memorandum ...": the outer name's clause
    between = doc.text[m.end : min((v.start for v in venues if v.start > m.end), default=m.end)]
    if not any(w in doc.lex.words["clause_participles"] for w in between.split()) and not any(
        c in between for c in doc.lex.words["onset_cues"]
    ):  # ("الذي تم التوصل إليه في القاهرة": where it was made)
        return None  # "the memorandum, discussed in Moscow": where it was talked about
    dates = [d for d in doc.dates if d.value is not None and doc.sentence_of(d.start) == sentence]
    made = [
        a
        for a in (doc.lex.agreements[i] for i in here)
        if a.kind != "talks" and all(fits_date(a, d) for d in dates)
    ]
    return made[0].id if len(made) == 1 else None


#: A name called "new" this long after its agreement was signed is another agreement.
RENEWED_AFTER = timedelta(days=90)


def _renewed(doc: _Document, m: Match, ident: str) -> bool:
    """Whether a "new" word follows the name right away on a page dated long after the named
    agreement was signed ("اتفاق سوتشي الجديد" in October 2019)."""
    info = doc.lex.agreements.get(ident)
    if doc.published is None or info is None or not info.days:
        return False
    after = doc.text[m.end : m.end + 12].split()
    new = doc.lex.words["new_words"]
    return bool(after) and after[0] in new and doc.published - info.days[0] > RENEWED_AFTER


#: How far after a name its "between" may start, and how far after that its brokers lie.
BROKERS_AFTER = 3
#: How far after a name its brokers' clause may start when a relative pronoun opens it ("اتفاق
#: خفض التصعيد الذي رعته ...").
RELATIVE_GAP = 10
BROKERS_REACH = 48


def _made_by_others(
    doc: _Document, m: Match, ident: str, sentence: int, parties: list[Item]
) -> str | None:
    """ "a de-escalation agreement between the US, Russia and Jordan", "اتفاق خفض التصعيد الذي
    رعته ...": a generic name whose own clause (after it, or after its relative pronoun) names two or more brokers that are not all its agreement's parties is the one
    registry agreement of those brokers."""
    info = doc.lex.agreements.get(ident)
    if info is None or info.kind == "talks":
        return None
    relatives = doc.lex.words["relative_pronouns"]
    cue = next(
        (
            c
            for c in doc.cues.get("sponsor", ())
            if c.start >= m.end
            and (
                c.start - m.end <= BROKERS_AFTER
                or (
                    c.start - m.end <= RELATIVE_GAP
                    and _one_of(doc.text[m.end : c.start], relatives)
                )
            )
            and doc.sentence_of(c.start) == sentence
        ),
        None,
    )
    if cue is None:
        return None
    brokers = {
        p.id
        for p in parties
        if p.id in GUARANTORS and 0 <= p.start - cue.end <= BROKERS_REACH and p.sentence == sentence
    }
    brokers |= {
        a.entries[0].ident
        for a in doc.cues.get("partyadj", ())
        if a.entries[0].ident in GUARANTORS and 0 <= a.start - cue.end <= BROKERS_REACH
    }
    if len(brokers) < 2 or brokers <= info.parties:
        return None
    made = candidates(doc.lex, frozenset(brokers), "")
    return made[0].id if len(made) == 1 else None


def _one_of(gap: str, words: Sequence[str]) -> bool:
    """Whether ``gap`` is exactly one of ``words`` (with the spaces around it)."""
    parts = gap.split()
    return len(parts) == 1 and parts[0] in words


#: An ending word this close to a name that spells its zone ends the agreement there ("the
#: northern Homs truce lapsed", "أنهى عملياً هدنة ريف حمص الشمالي").
ENDED_REACH = 24


def _ended_by_name(doc: _Document, m: Match) -> bool:
    """Whether the sentence says the named agreement ended, right around its name: the end of an
    agreement named after its zone is the end of that zone's agreement, a link of its own."""
    return any(
        t.entries[0].ident == "ends"
        and (0 <= t.start - m.end <= ENDED_REACH or 0 <= m.start - t.end <= ENDED_REACH)
        for t in doc.cues.get("trigger", ())
    )


def _overlapping(spans: list[tuple[int, int]], starts: list[int], m) -> list[tuple[int, int]]:
    """The spans (sorted, not overlapping one another) that overlap ``m``, found by bisection."""
    j = bisect_left(starts, m.end) - 1
    out = []
    while j >= 0 and spans[j][1] > m.start:
        out.append(spans[j])
        j -= 1
    return out


def _covered(m, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in spans)
