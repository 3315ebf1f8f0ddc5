"""What lies near a head: the named text windows in which a party adjective, zone, date, venue,
sponsor or earlier agreement belongs to it. Every distance is a named ``Window`` (characters
before and after the head) or a named constant, so that a reader sees what each number is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import attrgetter

from extract.dates import DAY, DateMention
from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.segment import COMMAS


@dataclass(frozen=True)
class Window:
    """A cue belongs to a head when it lies at most ``before`` characters before the head's
    start and ends at most ``after`` characters after the head's end."""

    before: int
    after: int

    def holds(self, head: Match, cue) -> bool:
        return head.start - self.before <= cue.start and cue.end <= head.end + self.after


#: Party adjectives are looked for this close around a head ("the Russian-Turkish deal",
#: "اتفاق روسي تركي أمريكي").
ADJECTIVE_BEFORE = 24
ADJECTIVE_AFTER = 48
#: Longest gap between a head and the party adjective after it, and between adjectives before it.
ADJECTIVE_GAP_AFTER = 4
ADJECTIVE_GAP_BEFORE = 3
#: A zone belongs to a head when it lies this close after it ("اتفاق ... في درعا") or before it.
ZONE = Window(before=3, after=32)
#: A date belongs to a head when it lies this close after it ("signed on 22 July"), or before it.
DATE_AFTER = 40
DATE_BEFORE = 12
#: A date this close after a name or head, with only ``date_links`` words between ("the memorandum
#: of 22 October 2019", "signed on 4 May"), or right before it ("the 2019 Sochi deal"), is its
#: own date: it says which agreement is meant.
IDENTITY_AFTER = 24
#: A date this close after an onset cue ("took effect on Sunday") is the onset of the agreement
#: its sentence speaks of.
ONSET_AFTER = 48
#: A surrender or evacuation word this close to a head makes it a local deal.
SURRENDER_WINDOW = 48
#: A venue belongs to a head when it lies this close after it ("a truce signed in Cairo on 22
#: July between ...") or before it ("the Cairo truce", "في القاهرة ... اتفاق").
VENUE_AFTER = 72
VENUE_BEFORE = 16
#: How far before a venue its preposition is looked for ("in", "في").
VENUE_PREPOSITION_REACH = 8
#: An agreement name this close after an anaphor is its referent ("the memorandum of Astana-4").
REFERENT_GAP = 12
#: A round of talks this close after an anaphor, at the end of its relative clause, is its
#: referent ("the agreement the guarantors reached at the sixth round").
RELATIVE_REFERENT_GAP = 64
#: An anaphor refers to an agreement named at most this many sentences before.
ANAPHORA_SENTENCES = 4

#: Marks between a dateline's city and the story's first words ("MOSCOW (AP) — A truce").
_DATELINE_MARKS = frozenset("()\u2014\u2013")

#: Marks that end a clause.
CLAUSE_MARKS = frozenset(",;،؛:")
_ARABIC = re.compile("[\u0621-\u064a]")
#: An English comma or semicolon closes the clause of the date before it; an Arabic report
#: sets its day off with one ("فجر اليوم، تطبيقاً لاتفاق ...") and keeps it.
_LATIN_CLAUSE_MARKS = frozenset(",;")
_NO_PARTIES: frozenset[str] = frozenset()
_END = attrgetter("end")


def outermost(matches: list[Match]) -> list[Match]:
    """The matches not inside an earlier, longer one, in document order."""
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Match] = []
    for m in ordered:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def dates_near(
    head: Match, dates, text: str = "", deadlines=(), joiners: frozenset[str] = frozenset()
) -> list[DateMention]:
    """The date that goes with a head (``dates``: those of its sentence): after it ("signed on
    22 July"), or right before it ("the 2021 deal", "the May 4 memorandum"). A date after a
    deadline word (``deadlines``: "a deadline of Oct. 15", "by Oct. 10") is a term the
    agreement sets, not its date; one before a joining word or a clause opener (``joiners``:
    "signed on 22 July, and the ceasefire ...", "said on Friday that the agreement") is the
    other clause's."""
    for d in dates:
        if 0 <= d.start - head.end <= DATE_AFTER:
            if deadlines and _after_deadline(text[head.end : d.start], deadlines):
                continue
            if ";" in text[head.end : d.start]:
                continue  # "Its truce ... has frayed for months; on Thursday ...": another clause
            if joiners and opens_after_comma(text[head.end : d.start], joiners):
                continue  # "اتفاقاً في العاصمة المصرية، فيما تعيش درعا منذ التاسع من تموز"
            return [d]
    before = [
        d
        for d in dates
        if 0 <= head.start - d.end <= DATE_BEFORE
        and (not text or _own_before(text[d.end : head.start], joiners))
    ]  # not "signed on July 22, and the ceasefire in the southwest": the other clause's date
    return before[-1:]


def _own_before(gap: str, joiners: frozenset[str]) -> bool:
    """Whether a date right before a head is its own: no English comma or semicolon, and no
    joining word ("the memorandum of 4 May 2017 and the arrangements in the south"), between."""
    return _LATIN_CLAUSE_MARKS.isdisjoint(gap) and joiners.isdisjoint(gap.split())


def opens_after_comma(gap: str, joiners: frozenset[str]) -> bool:
    """Whether a comma in the gap between a head and a date after it is followed by a word that
    opens another clause ("، فيما", "، and", "، أن"): the date is that clause's."""
    last = max(gap.rfind(COMMAS[0]), gap.rfind(COMMAS[1]))
    words = gap[last + 1 :].split() if last >= 0 else []
    return bool(words) and words[0] in joiners


#: How far before a date its deadline word may start ("by", "a deadline of").
DEADLINE_REACH = 20


def after_deadline(text: str, d: DateMention, lex: Lexicon) -> bool:
    """Whether the date is a deadline set by what its sentence reports ("by October 15")."""
    gap = text[max(0, d.start - DEADLINE_REACH) : d.start]
    return _after_deadline(gap, lex.words["deadline_words"])


def _after_deadline(gap: str, deadlines) -> bool:
    """Whether the words before a date end with a deadline word ("set a deadline of", "by")."""
    gap = " " + " ".join(gap.lower().split())
    return any(gap.endswith(" " + w) for w in deadlines)


def identity_date(text: str, head, dates, lex: Lexicon) -> DateMention | None:
    """The agreement's own date named with a head or name (see IDENTITY_AFTER); ``dates``: those
    of its sentence, in order."""
    links = lex.words["date_links"]
    for d in dates:
        weekday = d.precision == DAY and not any(c.isdigit() for c in text[d.start : d.end])
        if weekday and not _signed_on(text[head.end : d.start], lex):
            continue  # "the agreement on Saturday", "أمس": when something happened, not its date
        gap = d.start - head.end
        if 0 <= gap <= IDENTITY_AFTER:
            words = text[head.end : d.start].strip(" ,")
            if words == "" or words in links or _signed_on(words, lex):
                return d
        elif 0 <= head.start - d.end <= DATE_BEFORE and not text[d.end : head.start].strip():
            return d
    return None


def _signed_on(gap: str, lex: Lexicon) -> bool:
    """Whether the words between a name and a weekday say it was made that day ("the Sochi deal
    reached on Tuesday", "signed Monday"): a participle of making, with at most its preposition."""
    words = gap.split()
    return 0 < len(words) <= 2 and words[0] in lex.words["clause_participles"]


def onset_date(
    head,
    onsets,
    dates,
    text: str = "",
    heads: frozenset[str] = frozenset(),
    joins: frozenset[str] = frozenset(),
) -> DateMention | None:
    """A date right after an onset cue that follows the head in its sentence ("A ceasefire in
    Idlib announced by Russia and Turkey took effect on Sunday"), with no other head between
    ("an agreement ..., and talks produced a truce ..., which took effect on August 3": the
    truce's)."""
    for cue in onsets:
        if cue.start < head.end:
            continue
        if heads and _other_head_between(text[head.end : cue.start], heads, joins):
            break
        for d in dates:
            if 0 <= d.start - cue.end <= ONSET_AFTER:
                return d
    return None


def _other_head_between(between: str, heads: frozenset[str], joins: frozenset[str]) -> bool:
    """Whether another clause with its own head stands between a head and an onset cue
    ("an agreement ..., and talks produced a truce ..., which took effect": ``joins`` or a
    semicolon before that head), not an apposition ("A third arrangement, a ceasefire for Idlib
    announced ...")."""
    words = [w.strip(",") for w in between.replace(";", " ; ").split()]
    for i, w in enumerate(words):
        if w in heads:
            return ";" in words[:i] or not joins.isdisjoint(words[:i])
    return False


def _without(gap: str, words: list[str]) -> str:
    for w in words:
        gap = gap.replace(w, "")
    return gap


def parties_near(
    text: str, head: Match, adjectives: list[Match], lex: Lexicon
) -> tuple[frozenset[str], int]:
    """Parties named by adjectives right after (or, in English, right before) the head, and
    where the phrase ends."""
    if not adjectives:
        return _NO_PARTIES, head.end
    parties: set[str] = set()
    cursor = head.end
    joiners = lex.words["adjective_joiners"]
    for adj in adjectives:
        if adj.start < head.end:
            continue
        gap = _without(text[cursor : adj.start], joiners)  # "اتفاق ثلاثي أمريكي روسي أردني"
        if len(gap) > ADJECTIVE_GAP_AFTER or any(c.isalnum() or c == "," for c in gap):
            break  # (not "Under the memorandum, Russian military police will ...")
        parties.add(adj.entries[0].ident)
        cursor = adj.end
    phrase_end = cursor
    cursor = head.start
    before = [a for a in adjectives if a.end <= head.start]
    lead_ins = lex.words["adjective_lead_ins"]
    for adj in sorted(before, key=_END, reverse=True) if before else ():
        gap = _without(text[adj.end : cursor], lead_ins)  # "the Egyptian-brokered truce"
        if len(gap) > ADJECTIVE_GAP_BEFORE or any(c.isalnum() for c in gap):
            break
        parties.add(adj.entries[0].ident)
        cursor = adj.start
    return frozenset(p for p in parties if p), phrase_end


def venue_near(
    text: str, head: Match, venues: list[Match], lex: Lexicon, anaphor: bool = False
) -> tuple[str, ...] | None:
    """The agreements of the venue named with the head in its clause (see ``venue_match``)."""
    v = venue_match(text, head, venues, lex, anaphor)
    return lex.venues.get(v.entries[0].ident) if v is not None else None


def venue_match(
    text: str, head: Match, venues: list[Match], lex: Lexicon, anaphor: bool = False
) -> Match | None:
    """The venue named with the head in its clause (``venues``: those of its sentence): after it
    ("a truce signed in Cairo on 22 July") with no comma between, or right before it ("the
    Cairo truce"); before an anaphor only with nothing between ("Ankara keeps quoting the
    memorandum" is not the Ankara ceasefire)."""
    for v in venues:
        after = 0 <= v.start - head.end <= VENUE_AFTER
        between = text[head.end : v.start]
        if after and any(c in CLAUSE_MARKS for c in between) and not _relative(between, lex):
            continue
        if after and not lex.head_kinds.keys().isdisjoint(between.split()):
            continue  # "an arrangement announced on 7 July, ... a truce signed in Cairo": the
            # venue is the nearer head's
        if after and between.strip() and not _located(text, v.start, lex):
            continue  # "the arrangement it brokered with Moscow": a party, not where
        if after and not between.strip() and _acts(text, v, lex):
            continue  # "the truces Moscow brokered in Cairo": the city is who brokered them
        before = 0 <= head.start - v.end <= VENUE_BEFORE
        gap = text[v.end : head.start].strip()
        if (
            before
            and gap
            and (anaphor or (_ARABIC.search(gap) and not _located(text, v.start, lex)))
        ):
            # "مقترح أنقرة إعلان وقف لإطلاق النار": an Arabic word between a bare city and the
            # head makes the city a party (Ankara's proposal), not where the head was agreed
            before = False
        if before and anaphor and not gap and text.startswith(lex.glued_articles, head.start):
            before = _located(text, v.start, lex)  # "تقدّم أنقرة الاتفاق": a bare city right
            # before "the agreement" is its subject, not where it was agreed
        if before and not _DATELINE_MARKS.isdisjoint(gap):
            before = False  # "MOSCOW (AP) — A cease-fire ...": a dateline, not "the Moscow truce"
        if after or before or _met_and_agreed(text, v, head, lex):
            return v
    return None


#: A venue this far before a head is its own when the head is what was agreed there ("met in
#: Cairo on July 31 and agreed a truce").
VENUE_CLAUSE_BEFORE = 48
#: Words read before a head for the verb of agreeing ("agreed a", "signed the").
AGREED_WORDS = 2


def _met_and_agreed(text: str, v: Match, head: Match, lex: Lexicon) -> bool:
    """Whether the venue stands earlier in the head's clause ("in Cairo", no comma between)
    and a verb of agreeing comes right before the head: "the sides met in Cairo on July 31 and
    agreed a truce"."""
    gap = text[v.end : head.start]
    if not 0 <= len(gap) <= VENUE_CLAUSE_BEFORE or not CLAUSE_MARKS.isdisjoint(gap):
        return False
    words = gap.split()[-AGREED_WORDS:]
    if words and (words[-1] in ("a", "an") or words[-1] in lex.words["articles"]):
        words = words[:-1]
    verbs = lex.words["clause_participles"]  # "agreed", "signed", "reached", "hammered out"
    said = bool(words) and (words[-1] in verbs or " ".join(words) in verbs)
    return said and _located(text, v.start, lex)


def _acts(text: str, v: Match, lex: Lexicon) -> bool:
    """Whether a city with no venue preposition is the subject of a verb of agreeing right
    after it ("Moscow brokered", "Moscow and Ankara signed"): a party, not a place."""
    words = text[v.end : v.end + ACTOR_LOOK].split()
    if len(words) > 2 and words[0] in lex.words["list_joiners"]:
        words = words[2:]  # "Moscow and Ankara signed"
    verbs = lex.words["clause_participles"]
    return bool(words) and words[0] in verbs and not _located(text, v.start, lex)


#: Characters read after a city for the verb it is the subject of.
ACTOR_LOOK = 32


def _located(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a venue preposition stands right before the place at ``start`` ("in Cairo",
    "في القاهرة", glued "بالقاهرة")."""
    preps = lex.words["venue_prepositions"]
    if start and text[start - 1].isalpha():
        return text[start - 1] in preps
    words = text[max(0, start - VENUE_PREPOSITION_REACH) : start].split()
    return bool(words) and words[-1] in preps


def _relative(between: str, lex: Lexicon) -> bool:
    """Whether the words between a head and a venue are one relative clause about the head
    ("الاتفاق، الذي وقعه جيش الإسلام في القاهرة", "the deal, which was signed in Cairo", "the
    agreement, signed in Amman")."""
    words = between.strip(" ,،").split()
    commas = between.count(",") + between.count("\u060c")
    lead = between.lstrip()
    if commas == 1 and lead[:1] not in ",\u060c":  # "an agreement specific to the enclave,
        # negotiated ... in Cairo": a short phrase on the head, then its clause
        cut = max(between.find(","), between.find("\u060c"))
        if len(between[:cut].split()) <= POSTMODIFIER_WORDS:
            words, lead = between[cut + 1 :].split(), ","
    if not words or commas > 1 or (commas and lead[:1] not in ",\u060c"):
        return False  # "the arrangement announced on 7 July, the Ghouta area through a truce
        # signed in Cairo": a comma inside is the end of the clause, not its start
    return words[0] in lex.words["relative_pronouns"] or words[0] in lex.words["clause_participles"]


#: Most words of a phrase between a head and the comma of its clause ("specific to the enclave").
POSTMODIFIER_WORDS = 4


#: Characters after a head read for the date its relative clause gives it.
RELATIVE_DATE_REACH = 80


def clause_date(text: str, head: Match, dates, lex: Lexicon) -> list:
    """The day a relative clause right after the head gives it, before the clause's first comma
    or semicolon ("A cease-fire that Russia and Turkey announced for the province on Jan. 12
    collapsed"): its own date, too far for ``dates_near`` (``dates``: those of its sentence)."""
    after = text[head.end : head.end + RELATIVE_DATE_REACH]
    words = after.split()
    if not words or not (
        words[0] in lex.words["relative_pronouns"] or words[0] in lex.words["clause_participles"]
    ):
        return []
    end = clause_end(text, head.end, head.end + RELATIVE_DATE_REACH)
    return [d for d in dates if head.end < d.start < end and d.precision == DAY][:1]


def clause_end(text: str, start: int, end: int) -> int:
    """Where the clause of ``text[start:end]`` ends: at its first comma or semicolon, if any."""
    marks = [i for i in (text.find(c, start, end) for c in ",،;؛") if i >= 0]
    return min(marks, default=end)
