"""Control events: sentences that report a place changing hands ("government forces took control
of Khan Shaykhun", "دخلت قوات النظام مدينة دوما", "fighters left Rastan for the north").

The recogniser already finds the places (with their gazetteer ids and zones), the parties, the
dates and, through the ``control_*`` keys of the language files, the words this module needs:
control words by event kind, sides, blockers, clause breaks, destinations, locators and glue.
This module only reads those spans, sentence by sentence, so it adds no second pass over the text:

- a control word inside a "not an event" phrase ("fell back", "الخاضعة لسيطرة") is dropped, and
  so is one with a blocker (a denial, a plan, an attempt, a future word) before it in its clause;
- its places are the first place after it, if only glue, actors, dates and a few other words lie
  between, and the places listed right after that one; if there is none, the place just before
  it ("Hamouriyah fell", "Douma was retaken");
- an evacuation needs a fighting side in its clause (civilians leaving are not a handover), and
  a place after a destination word ("for Idlib", "باتجاه الشمال") is where the fighters went;
- "entered" with buses, aid convoys or civilians and no fighting side is no handover;
- the side that gained the place is the nearest actor in the clause (the subject, or in Arabic
  the actor after the verb), the opposite of the evacuees for an evacuation, the government for a
  settlement, and the government when no actor is named (the usual subject of such reports);
- the date is the sentence's date nearest to the control word.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache

import assets
from extract.dates import DateMention
from extract.model import ControlEvent
from extract.normalise import Normalised
from extract.recognise import Match

GOVERNMENT = "government"
#: How many words that are not glue, actors or dates may lie between a control word and its place.
_REACH = {"evacuated": 10, "settlement": 10}
_DEFAULT_REACH = 4
_BACK_REACH = 2
_SENTENCE_WIDE = frozenset(("evacuated", "settlement"))
_OPPOSITE = {"opposition": GOVERNMENT, GOVERNMENT: "opposition", "isil": GOVERNMENT}
#: When one sentence gives a place both, the more specific kind wins (captured -> retaken).
_SUPERSEDED_BY = {"captured": "retaken"}
_CLOSING_QUOTES = frozenset('"\u201d\u00bb')


@lru_cache(maxsize=1)
def party_sides() -> dict[str, str]:
    """Party id -> side (``assets/lexicon/control_parties.json``)."""
    raw = json.loads(assets.path("lexicon", "control_parties.json").read_text("utf-8"))
    return {party: side for side, parties in raw["sides"].items() for party in parties}


class _Sentence:
    """The spans of one sentence that the control rules look at (all in normalised offsets)."""

    __slots__ = ("start", "end", "text", "places", "actors", "dates", "cues", "neutral")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.places: list[tuple[int, int, str, str]] = []  # start, end, place id, zone
        self.actors: list[tuple[int, int, str]] = []  # start, end, side
        self.dates: list[DateMention] = []
        self.cues: dict[str, list[Match]] = {}
        self.neutral: list[tuple[int, int]] = []

    def has(self, kind: str, lo: int, hi: int) -> bool:
        return any(lo <= c.start and c.end <= hi for c in self.cues.get(kind, ()))

    def words_between(self, lo: int, hi: int, entry: bool = False) -> int | None:
        """Words in [lo, hi) that are not glue, actors, dates or control words; None when a
        clause break or a locator lies there (an entering verb may be followed by "into")."""
        if lo >= hi:
            return 0
        if self.has("control_break", lo, hi):
            return None
        for c in self.cues.get("control_locator", ()):
            inside = lo <= c.start and c.end <= hi
            if inside and not (entry and self.has("control_entry", c.start, c.end)):
                return None
        chars = list(self.text[lo - self.start : hi - self.start])
        for s, e in self.neutral:
            if s < hi and lo < e:
                for i in range(max(s, lo) - lo, min(e, hi) - lo):
                    chars[i] = " "
        return sum(1 for w in "".join(chars).split() if len(w) > 1 and not w.isdigit())


def find_control(
    norm: Normalised,
    spans: list[tuple[int, int]],
    entities: list[Match],
    cues: dict[str, list[Match]],
    dates: list[DateMention],
    sentence_of: Callable[[int], int],
) -> list[ControlEvent]:
    """The control events of one article, in text order, with evidence in original offsets."""
    triggers = cues.get("control")
    if not triggers:
        return []
    sentences = _sentences(norm.text, spans, entities, cues, dates, sentence_of, triggers)
    found: dict[tuple[int, str, str], tuple] = {}
    for t in triggers:
        n = sentence_of(t.start)
        sent = sentences.get(n)
        if sent is None:
            continue
        for event in _events(sent, t):
            found.setdefault((n, event[0], event[2]), (n, *event))
    rows = [
        r
        for r in found.values()
        if r[3] not in _SUPERSEDED_BY or (r[0], r[1], _SUPERSEDED_BY[r[3]]) not in found
    ]
    rows.sort(key=lambda r: (r[0], r[6]))
    return _to_events(norm, spans, rows)


def _sentences(text, spans, entities, cues, dates, sentence_of, triggers) -> dict[int, _Sentence]:
    """The sentences that hold a control word, with their places, actors, dates and cues."""
    out: dict[int, _Sentence] = {}
    for t in triggers:
        n = sentence_of(t.start)
        if n not in out and n < len(spans):
            s, e = spans[n]
            out[n] = _Sentence(s, e, text[s:e])
    if not out:
        return out
    sides = party_sides()
    party_spans = []
    for m in entities:
        sent = out.get(sentence_of(m.start))
        if sent is None:
            continue
        if m.kind == "place":
            entry = next((x for x in m.entries if x.kind == "place" and x.zone), m.entries[0])
            sent.places.append((m.start, m.end, entry.ident, entry.top or entry.zone))
        elif m.kind == "party":
            party_spans.append((m.start, m.end))
            side = sides.get(m.entries[0].ident)
            sent.neutral.append((m.start, m.end))
            if side:
                sent.actors.append((m.start, m.end, side))
    for kind, bucket in cues.items():
        if not kind.startswith("control"):
            continue
        for c in bucket:
            sent = out.get(sentence_of(c.start))
            if sent is None:
                continue
            sent.cues.setdefault(kind, []).append(c)
            if kind in ("control_glue", "control_side", "control_entry", "control"):
                sent.neutral.append((c.start, c.end))
            if kind == "control_side" and not any(
                s <= c.start and c.end <= e for s, e in party_spans
            ):
                sent.actors.append((c.start, c.end, c.entries[0].ident))
    for d in dates:
        sent = out.get(sentence_of(d.start))
        if sent is not None:
            sent.dates.append(d)
            sent.neutral.append((d.start, d.end))
    for sent in out.values():
        sent.actors.sort()
    return out


def _events(sent: _Sentence, t: Match) -> list[tuple]:
    """(place, zone, event, to, date, trigger start) for one control word."""
    kind = t.entries[0].ident
    for n in sent.cues.get("control_not", ()):
        if n.start < t.end and t.start < n.end and not (t.start <= n.start and n.end <= t.end):
            return []
    clause = _clause_start(sent, t.start)
    if sent.has("control_block", clause, t.start):
        return []
    places = _forward(sent, t, kind) or _backward(sent, t, clause)
    if not places:
        return []
    first = places[0][0]
    window_end = max(t.start, first)
    actors = [a for a in sent.actors if clause <= a[0] and a[1] <= window_end]
    if kind == "evacuated":
        if not actors:
            return []  # no fighting side leaving: civilians, the wounded, an aid convoy
        to = _OPPOSITE.get(actors[-1][2], GOVERNMENT)
    elif kind == "settlement":
        to = GOVERNMENT
    else:
        if kind == "entered" and not actors and sent.has("control_nonactor", clause, window_end):
            return []
        before = [a for a in actors if a[1] <= t.start]
        to = (before[-1] if before else actors[0])[2] if actors else GOVERNMENT
    day = _nearest_date(sent.dates, t)
    return [(p[2], p[3], kind, to, day, t.start) for p in places]


def _clause_start(sent: _Sentence, pos: int) -> int:
    start = sent.start
    for c in sent.cues.get("control_break", ()):
        if c.end <= pos:
            start = max(start, c.end)
    return start


def _forward(sent: _Sentence, t: Match, kind: str) -> list[tuple]:
    """The first place after the control word (close enough) and the places listed after it."""
    i = bisect_left(sent.places, (t.end,))
    if i >= len(sent.places):
        return []
    first = sent.places[i]
    entry = kind == "entered"
    reach = _REACH.get(kind, _DEFAULT_REACH)
    gap = sent.words_between(t.end, first[0], entry)
    if gap is None or gap > reach:
        return []
    if kind == "evacuated" and sent.has("control_dest", t.end, first[0]):
        return []  # "left for Idlib": the destination, not the place left
    out = [first]
    for nxt in sent.places[i + 1 :]:
        if sent.words_between(out[-1][1], nxt[0]) != 0 or sent.has(
            "control_dest", out[-1][1], nxt[0]
        ):
            break
        out.append(nxt)
    return out


def _backward(sent: _Sentence, t: Match, clause: int) -> list[tuple]:
    """The place just before the control word ("Hamouriyah fell"), with the list it ends."""
    i = bisect_left(sent.places, (t.start,)) - 1
    if i < 0 or sent.places[i][0] < clause:
        return []
    last = sent.places[i]
    gap = sent.words_between(last[1], t.start)
    if gap is None or gap > _BACK_REACH:
        return []
    out = [last]
    for prev in reversed(sent.places[:i]):
        if prev[0] < clause or sent.words_between(prev[1], out[0][0]) != 0:
            break
        out.insert(0, prev)
    return out


def _nearest_date(dates: list[DateMention], t: Match) -> str | None:
    best, best_gap = None, None
    for d in dates:
        if d.value is None:
            continue
        gap = t.start - d.end if d.end <= t.start else d.start - t.end
        if best_gap is None or gap < best_gap:
            best, best_gap = d, gap
    return best.iso if best else None


def _to_events(
    norm: Normalised, spans: list[tuple[int, int]], rows: list[tuple]
) -> list[ControlEvent]:
    original = norm.original
    bounds = norm.spans([spans[r[0]] for r in rows])
    out = []
    for (n, place, zone, event, to, day, _), (s, e) in zip(rows, bounds, strict=True):
        while e < len(original) and original[e] in _CLOSING_QUOTES:
            e += 1
        out.append(ControlEvent(place, zone or None, event, to, day, n, original[s:e], s, e))
    return out
