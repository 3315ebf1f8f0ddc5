"""Agreements recognised by what they provide, when the text quotes them without their title.

A statement that reproduces "a security corridor shall be established 6 km deep to the north and
6 km deep to the south of the M4" or "joint Russian-Turkish patrols shall begin ... from Trumba
to Ain al-Havr" speaks of the Moscow protocol although it never names it. ``content_cues`` in
the language files list each agreement's provisions; a sentence that names no agreement but
states at least ``CONTENT_MIN`` different provisions of one agreement is read as mentioning it
(the mention is its first provision).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from extract.agreeing_clause import after_others, in_clause, says_it
from extract.agreement_info import AgreementInfo
from extract.choose import candidates, fits_date
from extract.dates import DAY, DateMention
from extract.drawn_at import lines_dated
from extract.item import Item
from extract.lexicon import Lexicon
from extract.new_deals import new_deal
from extract.recognise import Match
from extract.sponsors import GUARANTORS, sponsor_parties
from extract.venue_days import new_head_sentences, venue_days
from extract.windows import after_deadline
from extract.zone_dates import STOP_MARKS, zone_dates

#: Distinct provisions of one agreement that a sentence must state (one alone, such as "joint
#: patrols" or "heavy weapons", is said of many agreements).
CONTENT_MIN = 2
#: How far after a zone term the venue of "the zones agreed in Astana" may start.
ZONE_VENUE_REACH = 48
#: At most this many words between the zone term and the venue ("set up by the guarantors at").
ZONE_VENUE_WORDS = 6


def content_mentions(
    text: str, cues: list[Match], known: list[Item], lex: Lexicon, sentence_of
) -> list[Item]:
    """Agreement items for sentences that state an agreement's provisions (see module doc)."""
    if not cues:
        return []
    named = {i.sentence for i in known if i.id}
    found: dict[tuple[int, str], list[Match]] = {}
    for c in cues:
        s = sentence_of(c.start)
        if s not in named:
            found.setdefault((s, c.entries[0].ident), []).append(c)
    out = []
    for (s, ident), said in found.items():
        if ident in lex.agreements and len({text[c.start : c.end] for c in said}) >= CONTENT_MIN:
            first = min(said, key=lambda c: c.start)
            out.append(Item("agreement", ident, first.start, first.end, s))
    return out


def implicit_mentions(
    doc_text: str,
    cues: dict[str, list[Match]],
    known: list[Item],
    parties: list[Item],
    dates: list,
    lex: Lexicon,
    sentence_of,
    terms: Sequence[Match] = (),
    zones: Sequence[Item] = (),
    published: date | None = None,
) -> list[Item]:
    """Agreements a chronology states without a noun for them: "On 17 September 2018, Russia
    and Turkey agreed to create a demilitarised zone in Idlib". In a sentence with no agreement
    named and no agreement noun, a verb of agreeing with two or more brokers around it
    (``sponsor_parties``) mentions the one registry agreement of those parties that the
    sentence's date or venue fits (none fits its day: an unknown one, ``new_deal``); with no
    date or venue, brokers that signed only one agreement do in a sentence that uses the zone
    vocabulary; with no date at all, the publication day (a lead on the day). ``terms`` (the
    zone terms) with a venue or a date: ``_zone_venues``, ``zone_dates.zone_dates``."""
    sponsors = cues.get("sponsor", [])
    dates_in = _by_sentence([d for d in dates if d.value is not None], _start_of(sentence_of))
    busy = {i.sentence for i in known if not _other_day(i, dates_in, lex)}
    heads_at = _heads_by_sentence(cues.get("head", []) + cues.get("anaphor", []), sentence_of)
    brokers = [(p.start, p.end, p.id) for p in parties if p.id in GUARANTORS]
    brokers += [(a.start, a.end, a.entries[0].ident) for a in cues.get("partyadj", [])]
    brokers_in = _by_sentence(brokers, lambda b: sentence_of(b[0]))
    venues_in = _by_sentence(cues.get("venue", []), _start_of(sentence_of))
    termed = {sentence_of(t.start) for t in terms}
    out = []
    for cue in sponsors:
        s = sentence_of(cue.start)
        if s in busy and after_others(doc_text, known, s, cue):
            busy.discard(s)  # the sentence named another agreement in a clause closed before
        if s in busy or any(says_it(doc_text, h, cue, lex) for h in heads_at.get(s, ())):
            continue
        said = sponsor_parties(cue, [cue], in_clause(doc_text, cue, brokers_in.get(s, [])), lex)
        where: tuple[int, ...] = (s,)
        if len(said) < 2 and _pronoun_before(doc_text, cue, lex):
            # "Putin and Erdogan met in Sochi on Monday. They agreed to ...": the brokers, venue
            # and day of the sentence before; "The guarantors met for the sixth round ...
            # They agreed the boundaries": what that round agreed
            before = [i for i in known if i.sentence == s - 1 and i.id]
            held = {i.id for i in before}
            same_line = all("\n" not in doc_text[i.end : cue.start] for i in before)
            if len(held) == 1 and held <= lex.talks and same_line:
                out.append(Item("agreement", held.pop(), cue.start, cue.end, s))
                busy.add(s)
                continue
            said = frozenset(b[2] for b in brokers_in.get(s - 1, ()))
            where = (s - 1, s)
        if len(said) < 2:  # one broker that signed few: "the zones of Ghouta and Homs, ... Egypt"
            out += _each_zones(lex, said, zones, s, cue, busy) if said else []
            continue
        cands = candidates(lex, said, "")
        fit = _fitting(cands, said, cue, where, dates_in, venues_in, doc_text, lex, published)
        if not fit and len(cands) == 1 and s in termed:
            fit = list(cands)  # "the de-escalation plan agreed by Russia, Turkey and Iran"
        if len(fit) == 1:
            out.append(Item("agreement", fit[0].id, cue.start, cue.end, s))
            busy.add(s)
        elif not fit and new_deal(cue, said, s, dates_in.get(s, ()), doc_text, lex, out):
            busy.add(s)  # "Russia and Turkey agreed on Tuesday ...": a deal the registry lacks
    agreeing = {sentence_of(c.start) for c in sponsors}
    # a venue and its day name the agreement also where the sentence only refers back to one
    # ("فوقعها جيش الإسلام في القاهرة في الثاني والعشرين ...، على الاتفاق بشأنها")
    new_heads = new_head_sentences(doc_text, cues, venues_in, sentence_of)
    # "The so-called Cairo agreements – one for ... on July 22, the other ... on July 31": a
    # plural head says them all; the days do not name them again
    plural = {sentence_of(h.start) for h in cues.get("pluralhead", [])}
    out += venue_days(venues_in, busy | new_heads | plural, dates_in, lex, agreeing, doc_text)
    busy |= set(heads_at) | plural
    busy |= {i.sentence for i in out}
    named_before = _named_ends(known)
    out += _zone_venues(doc_text, terms, venues_in, busy, dates_in, lex, sentence_of, named_before)
    busy |= {i.sentence for i in out}
    out += lines_dated(cues.get("trigger", ()), dates_in, busy, lex, sentence_of)
    return out + zone_dates(doc_text, terms, zones, dates_in, busy, lex, sentence_of)


def _other_day(item: Item, dates_in: dict, lex: Lexicon) -> bool:
    """Whether a round of talks named in a sentence leaves room for another agreement there:
    the sentence states a day the round was not held on ("Between the tenth and eleventh
    rounds, on 17 September 2018, Russia and Turkey agreed in Sochi ...")."""
    if item.id not in lex.talks:
        return False
    days = [d for d in dates_in.get(item.sentence, ()) if d.precision == DAY]
    info = lex.agreements[item.id]
    return bool(days) and not any(fits_date(info, d) for d in days)


def _named_ends(known: list[Item]) -> dict[int, int]:
    """Where the last agreement named in each sentence ends."""
    named_before: dict[int, int] = {}
    for i in known:
        named_before[i.sentence] = max(i.end, named_before.get(i.sentence, 0))
    return named_before


def _each_zones(
    lex: Lexicon,
    said: frozenset[str],
    zones: Sequence[Item],
    s: int,
    cue: Match,
    busy: set[int],
) -> list[Item]:
    """In a sentence ``s``, one mention at ``cue`` for each agreement of the one distinctive
    broker ``said`` that covers a zone the sentence names ("the Ghouta and northern Homs zones
    were set up with Egyptian mediation"; the sentence is then ``busy``)."""
    named = {z.zone for z in zones if z.sentence == s}
    out = [
        Item("agreement", a.id, cue.start, cue.end, s)
        for a in candidates(lex, said, "")
        if a.zones & named
    ]
    if out:
        busy.add(s)
    return out


def _fitting(
    cands,
    said: frozenset[str],
    cue: Match,
    where: tuple[int, ...],
    dates_in: dict,
    venues_in: dict,
    doc_text: str,
    lex: Lexicon,
    published: date | None,
) -> list[AgreementInfo]:
    """The brokers' agreements that the verb's sentences (``where``) date or place."""
    # the verb's own sentence says when and where, if it does ("They agreed in September")
    # (not a deadline it sets: "agreed to create a buffer zone ... by October 15")
    stated = {
        t: [d for d in dates_in.get(t, ()) if not after_deadline(doc_text, d, lex)] for t in where
    }
    when = [t for t in where if stated[t]][-1:]
    venues = {
        i
        for t in where
        for v in venues_in.get(t, ())
        for i in lex.venues.get(v.entries[0].ident, ())
    }
    days = [d for t in when for d in stated[t]]
    # a venue alone is not enough on a day that is not its agreement's ("في 22 أكتوبر 2019
    # اتفق بوتين وأردوغان في سوتشي": not the 2018 Sochi memorandum)
    undated = not any(d.precision == DAY for d in days)
    if not days and published is not None:  # a lead or a live blog on the day it was made
        days = [DateMention(cue.start, cue.end, published, DAY)]
    fit = [a for a in cands if any(fits_date(a, d) for d in days) or (a.id in venues and undated)]
    if not fit:  # "Russia, Turkey and Iran agreed Friday on the boundaries": that day's round
        rounds = [a for a in lex.agreements.values() if a.kind == "talks" and said <= a.parties]
        fit = [a for a in rounds if any(fits_date(a, d) for d in days)]
    return fit


def _heads_by_sentence(heads: list[Match], sentence_of) -> dict[int, list[int]]:
    """Where each sentence's agreement heads start: a head near the verb says the agreement
    itself; one in another clause does not ("the zone agreed by the US, Russia and Jordan in
    July 2017, and we ... as a guarantor of that arrangement"; "The truce is the second of its
    kind after the one in the south-west, agreed by the US, Russia and Jordan")."""
    out: dict[int, list[int]] = {}
    for h in heads:
        out.setdefault(sentence_of(h.start), []).append(h.start)
    return out


#: How far before a verb of agreeing the pronoun for its brokers may start ("The two leaders").
PRONOUN_REACH = 24


def _pronoun_before(text: str, cue: Match, lex: Lexicon) -> bool:
    """Whether a word for the brokers of the sentence before stands right before the verb
    ("They agreed", "the two leaders agreed", "الرئيسان اتفقا")."""
    lead = " " + " ".join(text[max(0, cue.start - PRONOUN_REACH) : cue.start].split())
    return lead.endswith(_pronoun_endings(lex))


@lru_cache(maxsize=4)
def _pronoun_endings(lex: Lexicon) -> tuple[str, ...]:
    """The words for brokers, each after a space (a whole word ends the text before a verb)."""
    return tuple(" " + p for p in lex.words["sponsor_pronouns"])


def _by_sentence(things, sentence) -> dict[int, list]:
    out: dict[int, list] = {}
    for x in things:
        out.setdefault(sentence(x), []).append(x)
    return out


def _start_of(sentence_of):
    return lambda x: sentence_of(x.start)


def _zone_venues(
    text: str,
    terms: Sequence[Match],
    venues_in: dict,
    busy: set[int],
    dates_in: dict,
    lex: Lexicon,
    sentence_of,
    named_before: dict[int, int] | None = None,
) -> list[Item]:
    """ "Eastern Ghouta was included in the de-escalation zones agreed in Astana", "مناطق خفض
    التصعيد المتفق عليها في أستانا": zones said to be agreed at a venue, in a sentence with no
    agreement named (or only in a clause before, ``named_before``: where the last name of each
    sentence ends), mention the one agreement reached there (of several, the one a date of the
    sentence fits); the words between open a clause about the zones ("agreed", "set up",
    "التي"). The mention is the venue."""
    out = []
    named_before = named_before or {}
    for term in terms:
        s = sentence_of(term.start)
        end = named_before.get(s)
        if s in busy and (end is None or not STOP_MARKS & set(text[end : term.start])):
            continue  # "... اتفاق سوتشي ...، كما تقعان ضمن منطقة خفض التصعيد التي أقرت في أستانا"
        for v in venues_in.get(s, ()):
            between = text[term.end : v.start]
            if not 0 <= v.start - term.end <= ZONE_VENUE_REACH:
                continue
            if not _opens_clause(between, lex) and not _designated(text, term, between, lex):
                continue
            reached = [lex.agreements[i] for i in lex.venues.get(v.entries[0].ident, ())]
            fit = [a for a in reached if a.kind != "talks"]
            if len(fit) > 1:
                fit = [a for a in fit if any(fits_date(a, d) for d in dates_in.get(s, ()))]
            if len(fit) == 1:
                out.append(Item("agreement", fit[0].id, v.start, v.end, s))
                busy.add(s)
                break
    return out


#: Words before a zone term in which the participle that designates it is looked for.
DESIGNATED_WORDS = 3


def _designated(text: str, term: Match, between: str, lex: Lexicon) -> bool:
    """ "Idlib ... were designated a de-escalation area at talks in Astana": a participle right
    before the zone term, and only a few words, ending with a venue preposition, up to the
    venue."""
    words = between.split()
    if not words or len(words) > ZONE_VENUE_WORDS or STOP_MARKS & set(between):
        return False
    if words[-1] not in lex.words["venue_prepositions"]:
        return False
    before = text[max(0, term.start - 32) : term.start].split()[-DESIGNATED_WORDS:]
    return any(w in lex.words["clause_participles"] for w in before)


def _opens_clause(between: str, lex: Lexicon) -> bool:
    """Whether the words between a zone term and a venue are one clause about the zones, led by
    a participle or a relative pronoun ("agreed upon at", "set up in", "التي أقرت في")."""
    words = between.split()
    if not words or len(words) > ZONE_VENUE_WORDS or STOP_MARKS & set(between):
        return False
    return any(" ".join(words[:n]) in lex.words["clause_participles"] for n in (1, 2)) or (
        words[0] in lex.words["relative_pronouns"]
    )
