"""What coverage linking keeps while it reads an article: the links found (``RawLink``), the
article's agreements, zones and cues by sentence (``LinkContext``), and the trigger words that
give a link its relation ("إخراج" excludes, "رسم حدود" delineates, "retook" ends; covers
otherwise). Shared by the links of one sentence (``relate``) and the links carried across
sentences (``carry``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extract.dates import DateMention
from extract.item import Item
from extract.lexicon import Entry, Lexicon
from extract.recognise import Match, with_readings
from extract.record import Record
from extract.windows import CLAUSE_MARKS

#: A zone this close after a trigger is its object ("did not cover northern Homs").
OBJECT_GAP = 8
#: A trigger counts for a link when it lies this close around the agreement-zone pair.
TRIGGER_BEFORE = 48
TRIGGER_AFTER = 12
#: The group of ``enumeration_items`` whose items name zones by themselves ("المنطقة الأولى").
ZONE_ITEM = "zone"
#: Sentences after an enumeration head in which ordinal items ("the second zone") still belong to it.
ENUMERATION_REACH = 4
#: Sentences back in which a sentence that lists zones without naming an agreement ("The three
#: others, in X, Y and Z, were retaken", "de-escalation areas are to be set up in X; Y; Z")
#: finds the agreement it carries on about.
CARRY_REACH = 2


@dataclass(slots=True, init=False)
class RawLink(Record):
    agreement: str | None
    zone: str
    relation: str
    date: DateMention | None
    sentence: int

    def __init__(
        self,
        agreement: str | None,
        zone: str,
        relation: str,
        date: DateMention | None,
        sentence: int,
    ) -> None:
        self.agreement = agreement
        self.zone = zone
        self.relation = relation
        self.date = date
        self.sentence = sentence


def center(x) -> float:
    return (x.start + x.end) / 2


@dataclass
class LinkContext:
    """One article's agreements, zones and cues, grouped by sentence, and the links found so far.

    ``groups[s]`` holds, for sentence ``s``: "a" agreements, "z" zones, "h" enumeration heads,
    "t" triggers, "i" enumeration items, "d" dates, "b" clause breaks (the last five only in
    sentences that name a zone, heads in any)."""

    agreements: list[Item]
    groups: dict[int, dict[str, list]]
    carried: set[int]
    #: sentences that use the zone vocabulary ("the de-escalation areas", "the three others")
    term_sentences: set[int]
    talks: frozenset[str]
    registry: dict
    #: sentences that are list lines or table rows (``segment.list_lines``)
    lines: frozenset[int] = frozenset()
    #: sentences that start a line of the text (a heading, a bullet, a paragraph)
    line_starts: frozenset[int] = frozenset()
    #: list lines that carried an enumeration on (``carry.listed_links``)
    listed: set[int] = field(default_factory=set)
    #: the normalised text, and the words that join agreements into one list
    text: str = ""
    joiners: frozenset[str] = frozenset()
    #: words that may stand between a subjectless covering verb and its zone ("ويشمل 84 بلدة في")
    fillers: frozenset[str] = frozenset()
    #: words that put what follows in the future ("hope to", "will"): what talks are yet to agree
    future: tuple[str, ...] = ()
    #: zone terms and carry-over words ("a de-escalation zone", "the three others")
    carriers: list[Match] = field(default_factory=list)
    #: relative pronouns ("التي", "which"): a zone in a relative clause is the clause head's
    relatives: frozenset[str] = frozenset()
    #: the verbs of failing found ("أخفقت")
    failures: list[Match] = field(default_factory=list)
    #: partitives that open an apposition on a zone ("one of", "the second of"): the zone is
    #: one of the areas the apposition's agreement names
    partitives: tuple[str, ...] = ()
    #: (start, end) of the comparison phrases (``comparison_phrase``), in order
    phrases: list[tuple[int, int]] = field(default_factory=list)
    links: list[RawLink] = field(default_factory=list)
    seen: set[tuple] = field(default_factory=set)
    #: the agreement an open enumeration lists zones for, and the sentence of its head
    enumeration: tuple[Item, int] | None = None

    def emit(self, a: Item, z: Item, relation: str, when, s: int) -> None:
        key = (a.id, z.zone, relation, s)
        if key not in self.seen:
            self.seen.add(key)
            self.links.append(RawLink(a.id, z.zone, relation, when, s))


PRIORITY = {"excludes": 0, "ends": 1, "delineates": 2, "covers": 3}


def has_trigger(a: Item, z: Item, triggers: list[Match]) -> bool:
    lo = min(a.start, z.start) - TRIGGER_BEFORE
    hi = max(a.end, z.end) + TRIGGER_AFTER
    return any(lo < t.start and t.start < hi for t in triggers)


#: A link can be both: the relation a sentence gives, and the other one of this pair when the
#: sentence also has a trigger for it ("the zone set up under the memorandum ended").
BOTH = {"covers": "ends", "ends": "covers"}


def second_relation(
    a: Item, z: Item, triggers, relation: str, zones: Sequence[Item] = (), text: str = ""
) -> str | None:
    """The second relation of the pair, when a trigger for it lies in the link's window too,
    and not in the clause of another zone before it (``zones``: those of the sentence)."""
    other = BOTH.get(relation)
    if other is None or not triggers:
        return None
    lo = min(a.start, z.start) - TRIGGER_BEFORE
    hi = max(a.end, z.end) + TRIGGER_AFTER
    for t in triggers:
        if not (lo < t.start and t.end < hi and any(e.ident == other for e in t.entries)):
            continue
        if not (text and _of_zone_before(a, z, t, zones, text)):
            return other
    return None


def _of_zone_before(a: Item, z: Item, t: Match, zones: Sequence[Item], text: str) -> bool:
    """Whether trigger ``t`` ends the clause of another zone named after the agreement and
    before it, a comma closing that clause before zone ``z`` ("لم يتطرق الاتفاق إلى ريف حمص
    أو الجنوب، اللذين عادا إلى سيطرة النظام، واقتصرت مظلته على إدلب")."""
    if t.end > z.start or not any(c in text[t.end : z.start] for c in ",،"):
        return False
    return any(o is not z and a.end <= o.start and o.end <= t.start for o in zones)


def relation_of(
    a: Item, z: Item, triggers: Sequence[Match], zones: Sequence[Item] = (), text: str = ""
) -> str:
    """The relation of the trigger nearest the zone around the pair; a trigger right before the
    zone, whose object it is, comes first; a trigger after the zone whose own object follows it
    ("Deraa and Sweida, and did not cover northern Homs") is that zone's (``zones``: those of
    the sentence)."""
    lo = min(a.start, z.start) - TRIGGER_BEFORE
    hi = max(a.end, z.end) + TRIGGER_AFTER
    zc = z.start + z.end  # twice the centre: integer arithmetic, same order as the centres
    best: tuple[int, int, str] | None = None
    for t in triggers:
        if t.end <= lo or t.start >= hi:
            continue
        if t.start >= z.end and any(_object_of(t, o, text) for o in zones):
            continue
        gap = abs(t.start + t.end - zc) // 2
        if text and t.end <= z.start and _object_of(t, z, text):
            gap = 0  # the zone is its object ("boundaries of the Idlib area agreed")
        for e in t.entries:
            rank = (gap, PRIORITY.get(e.ident, 9), e.ident)
            if best is None or rank < best:
                best = rank
    return best[2] if best else "covers"


#: How far before a covering word its negation is looked for (the word right before it).
NEGATION_REACH = 12


def _object_of(t: Match, o: Item, text: str) -> bool:
    """Whether zone ``o`` is the object right after trigger ``t`` ("did not cover northern
    Homs"), not the start of another clause ("Ghouta is excluded, while Idlib ...")."""
    return 0 <= o.start - t.end <= OBJECT_GAP and not CLAUSE_MARKS.intersection(
        text[t.end : o.start]
    )


def negated(
    triggers: list[Match],
    text: str,
    lex: Lexicon,
    failures: Sequence[Match] = (),
    later: Sequence[Match] = (),
) -> list[Match]:
    """The triggers, a covering word right after a negation read as excludes ("ولا يسري اتفاق
    الجنوب على الغوطة", "it never covered Idlib"); ``failures``: the verbs of failing found;
    ``later``: the deferral words found (talks on a boundary that "failed" or were "postponed")."""
    negations, glued = lex.words["negations"], lex.proclitic_letters
    only = lex.words["only_particles"]
    deferrals = lex.words["deferral_words"]
    participles = lex.word_sets["clause_participles"]
    territory = lex.words["territory_nouns"]
    out: list[Match] = []
    for t in triggers:
        after = text[t.end : t.end + NEGATION_REACH].split()
        next_word = after[0] if after else ""
        if t.entries[0].ident == "covers" and out and _continues_exclusion(out[-1], t):
            t = with_readings(t, (_excluding(t.entries[0]),))  # "لم تشمل مظلتها": its subject
        if t.entries[0].ident == "delineates" and (
            _deferred(t, text, negations, deferrals, later, participles)
            or failed_before(text, t.start, failures)
        ):
            continue  # "لم ترسم حدودها", "تركت رسم حدودها لاجتماعات لاحقة": no lines drawn
        if t.entries[0].ident == "ends" and territory and _after_word(t, text, territory, glued):
            continue  # "بين مناطق سيطرة النظام والفصائل": whose areas, not a takeover
        if t.entries[0].ident == "ends" and (_partial(t, text, lex) or _signed(next_word, lex)):
            continue  # "قضمت ... أجزاء منها", "انتهت بتوقيع اتفاق": not the zone's end
        if t.entries[0].ident == "ends" and next_word in lex.word_sets["ended_actions"]:
            continue  # "انتهاء سحب الأسلحة من المنطقة": the withdrawal ended, not the zone
        if t.entries[0].ident == "excludes" and next_word in lex.word_sets["removed_objects"]:
            continue  # "بإخراج المجموعات المتشددة منها": a term of the agreement, not a zone out
        if t.entries[0].ident == "excludes" and after and after[0] in only:
            t = with_readings(t, (_covering(t.entries[0]),))  # "لا تشمل سوى الجنوب": only it
        elif t.entries[0].ident == "covers" and not (after and after[0] in only):
            words = text[max(0, t.start - NEGATION_REACH) : t.start].split()
            word = words[-1] if words else ""
            if word in negations or (word[:1] in glued and word[1:] in negations):
                t = with_readings(t, (_excluding(t.entries[0]),))
        out.append(t)
    return out


#: Characters before a boundary word read, back to the clause start, for a verb of failing.
FAILURE_REACH = 64


def failed_before(text: str, position: int, failures: Sequence[Match]) -> bool:
    """Whether a verb of failing (``failures``, as found) stands earlier in the clause of
    ``position`` ("أخفقت الجولتان الرابعة والخامسة في حسم خرائط إدلب": no lines drawn)."""
    return any(
        position - FAILURE_REACH <= f.start < position
        and not any(c in text[f.end : position] for c in ",،.;؛:")
        for f in failures
    )


def _continues_exclusion(before: Match, t: Match) -> bool:
    """Whether covering word ``t`` comes right after an excluding one, as its subject or object
    ("لم تشمل مظلتها أياً من المنطقتين"): it says what is left out too."""
    return before.entries[0].ident == "excludes" and 0 <= t.start - before.end <= 1


def _after_word(t: Match, text: str, words: Sequence[str], glued: frozenset[str]) -> bool:
    """Whether the word right before trigger ``t`` is one of ``words`` (a proclitic allowed)."""
    before = text[max(0, t.start - NEGATION_REACH) : t.start].split()
    word = before[-1] if before else ""
    return word in words or (word[:1] in glued and word[1:] in words)


#: Words before a boundary word read for a negation or a deferral ("تركت رسم حدودها").
DEFERRAL_WORDS = 2
#: Characters after a boundary word read, up to its clause's end, for a deferral ("failed").
DEFERRAL_AFTER = 80


def _signed(word: str, lex: Lexicon) -> bool:
    """Whether the word after an ending word is a signing ("جولة مفاوضات انتهت بتوقيع اتفاق"):
    talks that concluded, not a zone that ended; the signing word with a glued "ب"."""
    return word[:1] in lex.proclitic_letters and word[1:] in lex.word_sets["signing_words"]


def _partial(t: Match, text: str, lex: Lexicon) -> bool:
    """Whether an ending word takes only part of the zone: a ``partial_words`` word among the
    few words after it ("قضمت القوات الحكومية أجزاء واسعة منها", "retook parts of")."""
    words = text[t.end : t.end + PARTIAL_REACH].split()[:PARTIAL_WORDS]
    return not lex.word_sets["partial_words"].isdisjoint(words)


#: Characters and words after an ending word read for a word of part ("أجزاء", "parts").
PARTIAL_REACH = 40
PARTIAL_WORDS = 4


def _deferred(
    t: Match,
    text: str,
    negations: list[str],
    deferrals: list[str],
    later: Sequence[Match],
    participles: frozenset[str],
) -> bool:
    """Whether a boundary word is negated or put off by one of the two words before it, or its
    clause goes on to say the talks on it came to nothing ("Talks on the boundaries at the
    fifth round failed")."""
    words = text[max(0, t.start - 2 * NEGATION_REACH) : t.start].split()[-DEFERRAL_WORDS:]
    if any(w in negations or w in deferrals for w in words):
        return True
    found = next((c for c in later if 0 <= c.start - t.end <= DEFERRAL_AFTER), None)
    if found is None:
        return False
    between = text[t.end : found.start]
    # not "the boundaries agreed at Astana-6 failed to stop the offensive": drawn, then failed
    return not any(c in between for c in ".;,\n") and participles.isdisjoint(between.split())


@lru_cache(maxsize=256)
def _covering(entry: Entry) -> Entry:
    """The covers reading of an excluding word followed by "only" (made once per word)."""
    return replace(entry, ident="covers")


@lru_cache(maxsize=256)
def _excluding(entry: Entry) -> Entry:
    """The excludes reading of a covering word (made once per word)."""
    return replace(entry, ident="excludes")


@lru_cache(maxsize=4)
def future_words(lex: Lexicon) -> tuple[str, ...]:
    """The future words, each between spaces (built once per lexicon)."""
    return tuple(" " + w + " " for w in lex.words["future_cues"])


#: How far before a zone the zone term it is the place of may end ("a de-escalation zone in
#: Syria's northwestern Idlib province").
TERM_REACH = 32


def termed(ctx: LinkContext, z: Item) -> Item:
    """The zone with the zone term right before it ("agreed on the establishment of a
    de-escalation zone in ... Idlib"): the trigger of the term is the zone's too."""
    for t in ctx.carriers:
        if 0 <= z.start - t.end <= TERM_REACH and "." not in ctx.text[t.end : z.start]:
            return Item(z.kind, z.id, min(t.start, z.start), z.end, z.sentence, z.zone, z.note)
    return z


#: How far before a trigger a future word makes it a plan ("hope to agree the boundaries").
PLAN_REACH = 24


def planned(ctx: LinkContext, t: Match) -> bool:
    """Whether a future word stands right before the trigger."""
    before = " " + " ".join(ctx.text[max(0, t.start - PLAN_REACH) : t.start].split()) + " "
    return any(w in before for w in ctx.future)
