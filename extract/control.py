"""Control events: sentences that report a place changing hands ("government forces took control
of Khan Shaykhun", "دخلت قوات النظام مدينة دوما", "fighters left Rastan for the north").

The recogniser already finds the places (with their gazetteer ids and zones), the parties, the
dates and, through the ``control_*`` keys of the language files, the words this module needs.
This module only reads those spans, sentence by sentence (``extract.control_sentence``), so it
adds no second pass over the text:

- a control word inside a "not an event" phrase ("fell back", "الخاضعة لسيطرة") is dropped, and
  so is one with a blocker (a denial, a plan, an attempt, a call, a future word) before it in
  its clause, an infinitive or "began" right before it ("Army to enter", "بدء خروج"), a modal
  right after a control noun and its place ("the capture of Saraqib would ..."), or, for an
  entry, a ceasefire entering into force ("دخل وقف إطلاق النار ... حيز التنفيذ");
- a flag verb and the flag with the subject and the day between them are one control word
  ("رفعت قوات النظام، الخميس، العلم");
- its places (``extract.control_places``): for a settlement, the place of the side that settles
  ("rebels in Nawa, ..., reached a settlement"); else the first place after it, if only glue,
  actors, dates and a few other words lie between, and the places listed after that one, also
  after a date or "then" ("Hamouriyah on 15 March, then Jisreen the next day"); "the town",
  "المدينة", "دخلها" stand for the place named before; else the place just before it
  ("Hamouriyah fell"); else a sentence's opening "In Daraa al-Balad, ...";
- "Jisreen followed" repeats the event just before for another place;
- an evacuation needs a fighting side that leaves (or buses and convoys with no civilians or aid
  named); "buses carrying fighters out of X" needs the fighters; a place after a destination
  word ("for Idlib", "باتجاه الشمال") is where the fighters went; "entered" with buses, aid
  convoys or civilians and no fighting side is no handover; a road never changes hands;
- the side that gained the place: the actor right after the control word (the Arabic subject,
  "fell to rebels"; not "took X from IS"), else the nearest actor before it in the clause; the
  opposite of the evacuees, or of the side that "lost" it; ``government_settlement`` for a
  settlement and for a government entry or flag "under the settlement"; the government when no
  actor is named;
- the date: the one right after the place ("entered Nassib on 6 July"), else the sentence's
  date nearest to the control word within a few words; a later part of a list dated on its own
  keeps its own date.

The sides are those of the control registry (``assets/control/vocabulary.json``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import assets
from extract.control_places import GOVERNMENT, Found, History, find_places, roads
from extract.control_sentence import Sentence, read_sentences
from extract.dates import DateMention
from extract.keys import CUE
from extract.lexicon import Entry
from extract.model import ControlEvent
from extract.normalise import Normalised
from extract.recognise import Match

SETTLED = "government_settlement"
_OPPOSITE = {
    "opposition": GOVERNMENT,
    GOVERNMENT: "opposition",
    "isil": GOVERNMENT,
    "jkw": GOVERNMENT,
}
#: When one sentence gives a place both, the more specific kind wins (captured -> retaken).
_SUPERSEDED_BY = {"captured": "retaken"}
#: Words a settlement may lie after the places it hands over ("under the", "بموجب اتفاق").
_SETTLEMENT_REACH = 3
#: Words a date may lie from its control word (else it dates something else in the sentence).
_DATE_REACH = 6
#: Control words read as another kind: (mode, kind).
_MODES = {"carrying": ("carried", "evacuated"), "lost": ("lost", "captured")}
#: Characters a flag may lie after its verb ("رفعت القوات الحكومية، الخميس، العلم").
_FLAG_REACH = 60
_RAISED = Entry(CUE, "control", "declared")
_CLOSING_QUOTES = frozenset('"\u201d\u00bb')


@lru_cache(maxsize=1)
def party_sides() -> dict[str, str]:
    """Party id -> side (``assets/lexicon/control_parties.json``)."""
    raw = assets.read_json("lexicon", "control_parties.json")
    return {party: side for side, parties in raw["sides"].items() for party in parties}


@lru_cache(maxsize=1)
def _proclitic_blockers() -> frozenset[str]:
    """One-letter entries of ``control_adjacent_blockers``: proclitics glued to the control word."""
    out: set[str] = set()
    for code in ("ar", "en"):
        raw = assets.read_json("lexicon", f"{code}.json")
        out.update(w for w in raw["control_adjacent_blockers"] if len(w) == 1)
    return frozenset(out)


def find_control(
    norm: Normalised,
    spans: list[tuple[int, int]],
    entities: list[Match],
    cues: dict[str, list[Match]],
    dates: list[DateMention],
    sentence_of: Callable[[int], int],
) -> list[ControlEvent]:
    """The control events of one article, in text order, with evidence in original offsets.
    ``cues`` holds the control words' helpers (``keys.sentence_scoped`` kinds: glue, locators,
    blockers ...) only for the sentences that hold a control word (``recognise.scoped_cues``)."""
    triggers = cues.get("control", []) + _flag_raisings(cues)
    if not triggers:
        return []
    triggers = _longest(triggers) + cues.get("control_follow", [])
    triggers.sort()
    sentences = read_sentences(
        norm.text, spans, entities, cues, dates, sentence_of, triggers, party_sides(), roads()
    )
    history = History(entities, sentence_of)
    found: dict[tuple[int, str, str, str], Found] = {}
    for t in triggers:
        n = sentence_of(t.start)
        sent = sentences.get(n)
        if sent is None:
            continue
        for event in _events(sent, t, n, history):
            key = (n, event.place, event.event, event.to)
            if key not in found:
                found[key] = event
                history.events.append(event)
    rows = [r for r in found.values() if not _superseded(r, found)]
    rows.sort(key=lambda r: (r.sentence, r.at))
    return _to_events(norm, spans, rows)


def _flag_raisings(cues: dict[str, list[Match]]) -> list[Match]:
    """ "رفعت قوات النظام، الخميس، العلم": a flag verb and the flag a few words after it, as one
    candidate control word (``_events`` checks that only actors, dates and glue lie between)."""
    flags = cues.get("control_flag", ())
    out = []
    for verb in cues.get("control_flagverb", ()):
        flag = next((f for f in flags if f.start > verb.end), None)
        if flag is not None and flag.start - verb.end <= _FLAG_REACH:
            out.append(Match(verb.start, flag.end, (_RAISED,), "control_split"))
    return out


def _longest(triggers: list[Match]) -> list[Match]:
    """The longest reading of overlapping control words ("fell to" over "fell")."""
    out, reach = [], -1
    for t in sorted(triggers, key=lambda m: (m.start, -m.end)):
        if t.end > reach:
            out.append(t)
            reach = t.end
    return out


def _superseded(r: Found, found: dict[tuple[int, str, str, str], Found]) -> bool:
    """ "Retook" and "took control of" for one place and side in one sentence: one retaking."""
    return (r.sentence, r.place, _SUPERSEDED_BY.get(r.event, ""), r.to) in found


def _events(sent: Sentence, t: Match, n: int, history: History) -> list[Found]:
    """The events that one control word (or "followed") reports."""
    follows = t.kind == "control_follow"
    previous = history.last(t.start) if follows else None
    if follows and previous is None:
        return []
    kind = previous.event if previous else t.entries[0].ident
    # "buses carrying fighters out of Arbin": fighters must follow; "rebels lost X": the
    # other side took it
    mode, kind = _MODES.get(kind, ("", kind))
    if t.kind == "control_split" and not _split_holds(sent, t):
        return []
    for c in sent.cues.get("control_not", ()):
        if c.start < t.end and t.start < c.end and not (t.start <= c.start and c.end <= t.end):
            return []
    clause = _clause_start(sent, t.start)
    if _blocked(sent, t, clause):
        return []
    if kind == "entered" and sent.has("control_void", t.end, _clause_end(sent, t.end)):
        return []  # a ceasefire entering into force, a place entering a truce
    segments, own = find_places(sent, t, kind, clause, n, history)
    if not segments or _hypothetical(sent, segments[-1][-1][1]):
        return []
    to = (
        previous.to
        if previous
        else _side(sent, t, kind, clause, segments[0][0][0], segments[-1][-1][1], mode)
    )
    if to is None:
        return []
    nearest = _nearest_date(sent, t)
    # a government gain "under the settlement" is also the settlement of those places
    kinds = (kind, "settlement") if to == SETTLED and kind != "settlement" else (kind,)
    out = []
    for k, (segment, day) in enumerate(zip(segments, own, strict=True)):
        iso = day.iso if day is not None else (nearest if k == 0 else None)
        out += [Found(n, p[2], p[3], e, to, iso, t.start) for e in kinds for p in segment]
    return out


def _split_holds(sent: Sentence, t: Match) -> bool:
    """Only actors, dates and glue between the flag verb and the flag."""
    verb = next(c for c in sent.cues.get("control_flagverb", ()) if c.start == t.start)
    flag = next(c for c in sent.cues.get("control_flag", ()) if c.end == t.end)
    return sent.words_between(verb.end, flag.start) == 0


def _hypothetical(sent: Sentence, last: int) -> bool:
    """A modal right after the place ("the capture of Saraqib would open the M5", "سقوط خان
    شيخون من شأنه"); not after a conjunction ("took Saraqib and will push on", "وسوف")."""
    base = sent.start
    for c in sent.cues.get("control_modal", ()):
        if c.start >= last and not sent.text[last - base : c.start - base].strip(" ,\u060c"):
            return not (c.start > base and sent.text[c.start - base - 1].isalpha())
    return False


def _clause_start(sent: Sentence, pos: int) -> int:
    start = sent.start
    for c in sent.cues.get("control_break", ()):
        if c.end <= pos:
            start = max(start, c.end)
    return start


def _clause_end(sent: Sentence, pos: int) -> int:
    ends = [c.start for c in sent.cues.get("control_break", ()) if c.start >= pos]
    return min(ends, default=sent.end)


def _blocked(sent: Sentence, t: Match, clause: int) -> bool:
    """A blocker in the clause before the control word, or an infinitive right before it."""
    if sent.has("control_block", clause, t.start):
        return True
    text, base = sent.text, sent.start
    for c in sent.cues.get("control_adjblock", ()):
        right_before = c.end <= t.start and not text[c.end - base : t.start - base].strip()
        if right_before and not sent.inside("control_glue", c.start, c.end):  # "managed to"
            return True
    i = t.start - base
    return i > 0 and text[i - 1] in _proclitic_blockers() and (i == 1 or text[i - 2] in " وف")


def _side(
    sent: Sentence,
    t: Match,
    kind: str,
    clause: int,
    first: int,
    last: int,
    mode: str = "",
) -> str | None:
    """The side that gained the place, or None when the sentence names no handover."""
    window_end = max(t.start, first)
    actors = [a for a in sent.actors if clause <= a[0] and a[1] <= window_end]
    right_after = next(
        (
            a
            for a in sent.actors
            if a[0] >= t.end
            and sent.words_between(t.end, a[0]) == 0
            and not sent.has("control_belong", t.end, a[0])  # "took from Islamic State"
        ),
        None,
    )
    inside = [a for a in sent.actors if t.start <= a[0] and a[1] <= t.end]
    if inside:  # the subject between a flag verb and the flag
        right_after = inside[0]
    if mode == "lost":  # "rebels lost Kafr Nabudah": the other side took it
        before = [a for a in actors if a[1] <= t.start]
        loser = before[-1] if before else right_after
        return _OPPOSITE.get(loser[2]) if loser else None
    if kind == "evacuated":
        if mode == "carried":  # the people carried, named after the word and before the place
            fighters = [a for a in actors if a[0] >= t.end and a[2] != GOVERNMENT]
            return _OPPOSITE.get(fighters[0][2], GOVERNMENT) if fighters else None
        side = _evacuees(sent, t, clause, actors, right_after)
        return None if side is None else _OPPOSITE.get(side, GOVERNMENT)
    if kind == "settlement":
        return SETTLED
    if right_after is not None and not _ends_in_of(sent, t):  # "cleared of militants": who left
        to = right_after[2]
    elif actors:
        before = [a for a in actors if a[1] <= t.start]
        to = (before[-1] if before else actors[0])[2]
    elif kind == "entered" and sent.has("control_nonactor", clause, window_end):
        return None  # buses, an aid convoy, civilians
    else:
        to = GOVERNMENT
    if to == GOVERNMENT and kind in ("entered", "declared") and _under_settlement(sent, t, last):
        return SETTLED
    return to


def _ends_in_of(sent: Sentence, t: Match) -> bool:
    """The control word ends with "of"/"من" ("cleared of", "خالية من"): the actor after it left."""
    return any(c.end == t.end and c.start > t.start for c in sent.cues.get("control_belong", ()))


def _evacuees(sent, t, clause, actors, right_after) -> str | None:
    """Who left: a fighting side before the control word, right after it, or carried by buses
    after it ("buses left Houla carrying fighters"); buses or convoys alone carry fighters (no
    civilians, no aid). Government forces do not leave under deals: they withdraw."""
    if right_after is not None and right_after[2] != GOVERNMENT:
        return right_after[2]
    fighters = [a for a in actors if a[2] != GOVERNMENT]  # up to the place left
    before = [a for a in fighters if a[1] <= t.start]
    if fighters:
        return (before[-1] if before else fighters[0])[2]
    end = _clause_end(sent, t.end)
    if not sent.has("control_vehicle", clause, end):
        return None
    vehicles = sent.cues.get("control_vehicle", ())
    for c in sent.cues.get("control_nonactor", ()):
        inside = clause <= c.start and c.end <= end
        if inside and not any(v.start <= c.start and c.end <= v.end for v in vehicles):
            return None  # civilians, the wounded, an aid convoy
    after = [a for a in sent.actors if t.end <= a[0] and a[1] <= end and a[2] != GOVERNMENT]
    return after[0][2] if after else "opposition"


def _under_settlement(sent: Sentence, t: Match, last: int) -> bool:
    """A settlement word after the place in the control word's clause, with no other actor
    between ("entered Dael under a settlement", "ضمن اتفاق التسوية")."""
    lo, end = max(t.end, last), _clause_end(sent, t.end)
    not_events = sent.cues.get("control_not", ())
    for c in sent.cues.get("control", ()):
        if c.entries[0].ident != "settlement" or not (lo <= c.start and c.end <= end):
            continue
        if any(n.start <= c.start and c.end <= n.end for n in not_events):
            continue
        if any(lo <= a[0] and a[1] <= c.start for a in sent.actors):
            continue  # "..., and rebels in Bosra accepted a settlement": theirs
        places = [(p[0], p[1]) for p in sent.places]
        if len(sent.leftover(lo, c.start, sent.neutral + places)) > _SETTLEMENT_REACH:
            continue
        if not any(
            lo <= p[0] and p[1] <= c.start and not sent.governing_locator(lo, p[0])
            for p in sent.places
        ):
            return True
    return False


def _nearest_date(sent: Sentence, t: Match) -> str | None:
    """The date nearest to the control word, within a few words of it."""
    best, best_gap = None, None
    blank = sent.neutral + [(p[0], p[1]) for p in sent.places]
    for kind in ("control_locator", "control_belong"):
        blank += [(c.start, c.end) for c in sent.cues.get(kind, ())]
    for d in sent.dates:
        if d.value is None:
            continue
        lo, hi = (d.end, t.start) if d.end <= t.start else (t.end, d.start)
        if len(sent.leftover(lo, hi, blank)) > _DATE_REACH:
            continue
        gap = hi - lo
        if best_gap is None or gap < best_gap:
            best, best_gap = d, gap
    return best.iso if best else None


def _to_events(
    norm: Normalised, spans: list[tuple[int, int]], rows: list[Found]
) -> list[ControlEvent]:
    original = norm.original
    bounds = norm.spans([spans[r.sentence] for r in rows])
    out = []
    for r, (s, e) in zip(rows, bounds, strict=True):
        while e < len(original) and original[e] in _CLOSING_QUOTES:
            e += 1
        evidence = original[s:e]
        out.append(
            ControlEvent(r.place, r.zone or None, r.event, r.to, r.date, r.sentence, evidence, s, e)
        )
    return out
