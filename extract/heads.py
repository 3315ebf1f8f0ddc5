"""What the text says with one generic head: the article's context, indexed by sentence once
(``HeadContext``), and each head read into a ``Head`` (parties, zone, dates, venue, reach,
brokers) for ``extract.resolve`` to decide which agreement it means."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from extract.dates import DateMention
from extract.head import Head
from extract.head_zones import pointed_back, relative_zone, topic_zone
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.sponsors import GUARANTORS, sponsor_parties
from extract.windows import (
    ADJECTIVE_AFTER,
    ADJECTIVE_BEFORE,
    CLAUSE_MARKS,
    SURRENDER_WINDOW,
    ZONE,
    Window,
    clause_date,
    dates_near,
    identity_date,
    onset_date,
    parties_near,
    venue_match,
)

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
    #: plural heads ("truces"), read only as several agreements at once
    plurals: list[Match]
    anaphor_spans: set[tuple[int, int]]
    adjectives: list[Match]
    adjective_starts: list[int]
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
    #: names that complete a head ("protocol to the Sochi memorandum", "بروتوكول إضافي لمذكرة
    #: سوتشي"): the head is the agreement spoken of, never the name
    complements: set[tuple[int, int]] = field(default_factory=set)
    #: lines that are headings or contents entries (``segment.bare_lines``): no distance
    bare: frozenset[int] = frozenset()
    #: words that join agreements into one list ("and"): a date before one is not the next's
    joiners: frozenset[str] = frozenset()
    #: ``joiners`` and the clause openers ("that", "أن"): a date before one is another clause's
    date_breaks: frozenset[str] = frozenset()
    #: every zone by sentence, those a comparison names included ("بعد اتفاقي الجنوب
    #: والغوطة": the zone words that say which two agreements, though not covered here)
    named_zones_in: dict[int, list[Item]] = field(default_factory=dict)
    #: words that say a head is recent ("last week", ``recent_words``), as the recogniser found
    recent: list[Match] = field(default_factory=list)

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
            plurals=cues.get("pluralhead", []),
            anaphor_spans={(m.start, m.end) for m in cues.get("anaphor", [])},
            adjectives=adjectives,
            adjective_starts=[a.start for a in adjectives],
            surrender=cues.get("surrender", []),
            zones_in=zones_by_sentence(zones),
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
            complements=_complements(text, [*cues.get("head", []), *known], known, lex),
            joiners=lex.word_sets["agreement_joiners"],
            date_breaks=frozenset(lex.words["agreement_joiners"] + lex.words["clause_openers"]),
            recent=cues.get("recent", []),
        )

    def items(self) -> list[Item]:
        """The agreements named so far: known ones (but complements), then those resolved."""
        if not self.complements:
            return self.known + self.resolved
        return [i for i in self.known if (i.start, i.end) not in self.complements] + self.resolved


#: Longest agreement name a venue may sit inside (characters).
NAME_REACH = 200


def _outside(matches: list[Match], items: list[Item]) -> list[Match]:
    """The matches not inside one of ``items`` (bisect: articles may hold thousands of both)."""
    if not matches or not items:
        return matches
    ordered = sorted(items, key=lambda i: i.start)
    starts = [i.start for i in ordered]
    out = []
    for m in matches:
        j = bisect_right(starts, m.start) - 1
        inside = False
        while j >= 0 and m.start - starts[j] <= NAME_REACH and not inside:
            inside = ordered[j].end >= m.end
            j -= 1
        if not inside:
            out.append(m)
    return out


#: How far after a head a name may complete it.
COMPLEMENT_REACH = 24


def _complements(text: str, heads: list, known: list[Item], lex: Lexicon) -> set:
    """(start, end) of the names that complete a head or name before them (``heads``): the
    head, at most one word (an adjective), then a complement marker ("to the", "of", the glued
    ل): "the additional protocol to the Sochi memorandum", "بروتوكول إضافي لمذكرة سوتشي"."""
    markers = lex.words["complement_markers"]
    out = set()
    ordered = sorted(heads, key=lambda h: h.end)
    ends = [h.end for h in ordered]
    for k in known:
        lo = bisect_left(ends, k.start - COMPLEMENT_REACH)
        for h in ordered[lo : bisect_right(ends, k.start)]:
            words = text[h.end : k.start].split()
            for marker in markers:
                n = len(marker.split())
                if " ".join(words[-n:]) == marker and len(words) - n <= 1:
                    out.add((k.start, k.end))
    return out


def zones_by_sentence(zones: list[Item]) -> dict[int, list[Item]]:
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


def read_head(ctx: HeadContext, m: Match) -> Head:
    sentence = ctx.sentence_of(m.start)
    starts = ctx.adjective_starts
    lo = bisect_left(starts, m.start - ADJECTIVE_BEFORE)
    hi = bisect_right(starts, m.end + ADJECTIVE_AFTER)
    parties, end = parties_near(ctx.text, m, ctx.adjectives[lo:hi], ctx.lex)
    anaphor = (m.start, m.end) in ctx.anaphor_spans or any(
        s <= m.start and m.end <= e for s, e in ctx.anaphor_spans
    )
    sponsors: frozenset[str] = frozenset()
    if not parties and sentence in ctx.sponsors_in:
        # "Russia and Turkey brokered a deal", "تفاهم ... بضمانة تركية روسية"
        sponsors = sponsor_parties(
            m, ctx.sponsors_in[sentence], ctx.guarantors_in.get(sentence, []), ctx.lex
        )
        if not anaphor:
            parties = sponsors
    place = venue_match(ctx.text, m, ctx.venues_in.get(sentence, []), ctx.lex, anaphor)
    venue = ctx.lex.venues.get(place.entries[0].ident) if place is not None else None
    national = not anaphor and any(
        NATIONWIDE.holds(m, cue) for cue in ctx.nationwide_in.get(sentence, ())
    )
    dates = ctx.dates_in.get(sentence, ())
    words = ctx.lex.words
    near_dates = [
        d
        for d in dates_near(m, dates, ctx.text, words["deadline_words"], ctx.date_breaks)
        if not _qualifies_a_name(ctx, d)
        and not dates_a_name(ctx, d, m, sentence, dates)
        and not _name_between(ctx, m, d)
    ]
    if not near_dates and place is not None and place.start > m.end:
        # "an arrangement reached with the United States in Ankara on Oct. 17": the venue's date
        near_dates = dates_near(place, dates, ctx.text, words["deadline_words"], ctx.date_breaks)
    if not near_dates and not anaphor:  # "a cease-fire that ... announced ... on Jan. 12"
        near_dates = clause_date(ctx.text, m, dates, ctx.lex)
    topic = topic_zone(ctx, m, sentence)
    zones = ctx.zones_in.get(sentence, ())
    onset = None
    if not near_dates:  # "A ceasefire in Idlib ... took effect on Sunday"
        onset = onset_date(
            m,
            ctx.onsets_in.get(sentence, ()),
            dates,
            ctx.text,
            ctx.lex.word_sets["agreement_heads"],
            ctx.lex.word_sets["agreement_joiners"],
        )
        near_dates = [onset] if onset is not None else []
    return Head(
        match=m,
        sentence=sentence,
        end=end,
        parties=parties,
        zone=(None if anaphor and _negated_verb_before(ctx, m) else zone_near(m, zones, ctx.text))
        or relative_zone(ctx, m, sentence)
        or topic,
        topic=topic is not None,
        near_dates=near_dates,
        identity=identity_date(ctx.text, m, dates, ctx.lex),
        onset=onset is not None,
        sponsors=sponsors,
        outside=(
            any(abs(c.start - m.start) < SURRENDER_WINDOW for c in ctx.outside_in.get(sentence, ()))
            and not pointed_back(ctx, m)
        )
        or (not anaphor and not _dual(ctx, m) and _surrendering(ctx, m, sentence)),
        anaphor=anaphor,
        venue=venue,
        national=national,
    )


#: Words before an anaphoric head read for the negated verb it is the subject of.
NEGATED_VERB_WORDS = 2


def _negated_verb_before(ctx: HeadContext, m: Match) -> bool:
    """Whether the anaphor is the subject of a negated verb ("لم يتطرق الاتفاق إلى ريف حمص",
    "لا تشمل الهدنة الغوطة"): the zone after it is what it leaves out, not what it is."""
    words = ctx.text[max(0, m.start - 24) : m.start].split()[-NEGATED_VERB_WORDS:]
    return len(words) == NEGATED_VERB_WORDS and _negation(ctx.lex, words[0])


def _negation(lex: Lexicon, word: str) -> bool:
    negations = lex.word_sets["negations"]
    return word in negations or (word[:1] in lex.proclitic_letters and word[1:] in negations)


def zone_near(head: Match, zones, text: str = "") -> Item | None:
    """A zone named right after the head ("اتفاق ... في درعا", "a truce for Idlib"), or right
    before it in English ("the Daraa deal", no comma between); ``zones``: those of the head's
    sentence. A zone
    after the end of the head's clause ("an arrangement announced on 7 July, the Ghouta area
    through ...") is not the head's: a comma or semicolon between, but one that opens a
    clause right after the head ("the deal, which covers Idlib")."""
    for z in zones:
        if 0 <= head.start - z.end <= ZONE.before and CLAUSE_MARKS.isdisjoint(
            text[z.end : head.start]
        ):
            return z  # (not "Like the truces for ... northern Homs, the arrangement in ...")
        if 0 <= z.start - head.end <= ZONE.after and not _clause_ends(text[head.end : z.start]):
            return z
    return None


def _clause_ends(between: str) -> bool:
    """Whether a comma or semicolon stands inside ``between`` (not at its start), with no colon
    opening a list before it ("set up four zones: first, Idlib")."""
    inner = between.lstrip(" ,\u060c")
    return ":" not in inner and any(c in CLAUSE_MARKS for c in inner)


def _dual(ctx: HeadContext, m: Match) -> bool:
    """Whether the head is a dual with the article ("الاتفاقين"): two agreements named before,
    not a new local deal, whatever surrender word stands near it."""
    words = ctx.text[m.start : m.end].split()
    return bool(words) and words[-1] in ctx.lex.word_sets["dual_heads"]


def _surrendering(ctx: HeadContext, m: Match, sentence: int) -> bool:
    """A new deal ("a deal ... to hand over their heavy weapons", "اتفاق التسوية") next to a
    surrender, evacuation or settlement word is a local deal the registry does not hold; not
    in "الخروج بـ«بروتوكول»" (to come out with a protocol), where the word is an idiom."""
    return any(
        abs(s.start - m.start) < SURRENDER_WINDOW
        and ctx.sentence_of(s.start) == sentence
        and ctx.text[s.end : m.start].strip(" «»\"'") not in _WITH
        for s in ctx.surrender
    )


#: The glued "with" between "الخروج" and the head it comes out with.
_WITH = frozenset(("ب",))


def _name_between(ctx: HeadContext, m: Match, d: DateMention) -> bool:
    """Whether another agreement is named between the head and a date after it ("ويذكّر
    البروتوكول بمصير تفاهمات سوتشي التي وُقّعت في أيلول 2018"): the date is that name's."""
    return d.start > m.end and any(
        m.end + QUALIFIER_GAP < k.start and k.end <= d.start for k in ctx.known
    )  # a name right after the head completes it ("مذكرة أستانا في 4 أيار"): not another


#: A date this close before a named agreement qualifies that name ("the 2018 Sochi memorandum").
QUALIFIER_GAP = 3


def _qualifies_a_name(ctx: HeadContext, d: DateMention) -> bool:
    return any(0 <= k.start - d.end <= QUALIFIER_GAP for k in ctx.known)


def dates_a_name(ctx: HeadContext, d: DateMention, m: Match, sentence: int, dates) -> bool:
    """Whether ``d`` is the own date of an agreement named before the head ``m`` in its sentence
    ("مذكرة أستانا الموقعة في 4 أيار 2017، كما شملها اتفاق ..."): it says nothing of this head."""
    return any(
        k.sentence == sentence
        and k.end <= d.start
        and k.end < m.start
        and identity_date(ctx.text, k, dates, ctx.lex) is d
        for k in ctx.known
    )


#: Characters after a head in which its qualifier is looked for (twice as many before it, for
#: the article and the qualifier: "the new deal").
QUALIFIER_REACH = 12


def is_current(ctx: HeadContext, m: Match) -> bool:
    """Whether a current qualifier stands right after the head ("الاتفاق الحالي") or right
    before it ("the new deal")."""
    qualifiers = ctx.lex.words["current_qualifiers"]
    after = ctx.text[m.end : m.end + QUALIFIER_REACH].split()
    before = ctx.text[max(0, m.start - 2 * QUALIFIER_REACH) : m.start].split()
    definite = len(before) >= 2 and before[-2] in ctx.lex.words["articles"]  # not "a new truce"
    return bool(after and after[0] in qualifiers) or (
        definite and bool(before) and before[-1] in qualifiers
    )
