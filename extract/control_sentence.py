"""The spans of one sentence that the control rules read (``extract.control``), and the gap
tests between them: how many words lie between a control word and a place, whether a list of
places carries on, whether a place belongs to a fighting side ("rebels in Nawa").

Everything is in normalised offsets. The sentence keeps the recogniser's matches as they are;
only three readings are dropped here, because the words are ambiguous in a way the spans show:
a blocker inside a date ("May 7"), a locator or destination word that governs a date or a
number rather than a place ("في 23 آذار", "نحو 500 مقاتل"), and an actor that a wider side
phrase contains ("المبايع لتنظيم الدولة" is the affiliate, not the Islamic State itself).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from extract.dates import DateMention
from extract.recognise import Match

#: Cue kinds that never count as words between a control word and its place.
NEUTRAL_KINDS = ("control_glue", "control_side", "control_entry", "control", "control_anaphor")
_WORD = re.compile(r"[^\W_]{2,}")


class Sentence:
    """The places, actors, dates and control cues of one sentence."""

    __slots__ = ("start", "end", "text", "places", "actors", "dates", "cues", "neutral")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        self.places: list[tuple[int, int, str, str]] = []  # start, end, place id, zone
        self.actors: list[tuple[int, int, str]] = []  # start, end, side
        self.dates: list[DateMention] = []
        self.cues: dict[str, list[Match]] = {}
        self.neutral: list[tuple[int, int]] = []

    def has(self, kind: str, lo: int, hi: int) -> bool:
        """A cue of ``kind`` lies wholly inside [lo, hi)."""
        return any(lo <= c.start and c.end <= hi for c in self.cues.get(kind, ()))

    def inside(self, kind: str, lo: int, hi: int) -> bool:
        """[lo, hi) lies wholly inside a cue of ``kind``."""
        return any(c.start <= lo and hi <= c.end for c in self.cues.get(kind, ()))

    def leftover(self, lo: int, hi: int, blank: list[tuple[int, int]]) -> list[str]:
        """The words of [lo, hi) outside the ``blank`` spans (one-letter words and digits drop)."""
        if lo >= hi:
            return []
        chars = list(self.text[lo - self.start : hi - self.start])
        for s, e in blank:
            if s < hi and lo < e:
                for i in range(max(s, lo) - lo, min(e, hi) - lo):
                    chars[i] = " "
        return [w for w in _WORD.findall("".join(chars)) if not w.isdigit()]

    def _spans(self, kinds: tuple[str, ...], lo: int, hi: int) -> list[tuple[int, int]]:
        return [
            (c.start, c.end)
            for k in kinds
            for c in self.cues.get(k, ())
            if c.start < hi and lo < c.end
        ]

    def governing_locator(self, lo: int, hi: int, entry: bool = False) -> bool:
        """A locator in [lo, hi) governs the place at ``hi`` ("in southern Idlib", "قرب"): only
        glue, adjectives and other locators lie between it and the place. An entering verb may
        be followed by "into"; a direction word before a glue noun describes it."""
        for c in self.cues.get("control_locator", ()):
            if not (lo <= c.start and c.end <= hi):
                continue
            if entry and self.has("control_entry", c.start, c.end):
                continue
            if self.describes(c):
                continue
            blank = self._spans(("control_glue", "control_locator", "control_adj"), c.end, hi)
            blank += [(p[0], p[1]) for p in self.places if c.end <= p[0] < hi]
            if not self.leftover(c.end, hi, blank) and not self._actor_or_date(c.end, hi):
                return True
        return False

    def describes(self, c: Match) -> bool:
        """A direction word that describes the glue noun after it ("the southern towns of")."""
        if not self.inside("control_adj", c.start, c.end):
            return False
        nxt = [g for g in self.cues.get("control_glue", ()) if g.start > c.end]
        return bool(nxt) and not self.text[c.end - self.start : nxt[0].start - self.start].strip()

    def _actor_or_date(self, lo: int, hi: int) -> bool:
        return any(lo <= a[0] and a[1] <= hi for a in self.actors) or any(
            lo <= d.start and d.end <= hi for d in self.dates
        )

    def words_between(self, lo: int, hi: int, entry: bool = False) -> int | None:
        """Words in [lo, hi) that are not glue, actors, dates or control words; None when a
        clause break or a locator that governs the place at ``hi`` lies there."""
        if lo >= hi:
            return 0
        if self.has("control_break", lo, hi) or self.governing_locator(lo, hi, entry):
            return None
        blank = self.neutral + self._spans(("control_locator",), lo, hi)
        return len(self.leftover(lo, hi, blank))

    def list_gap(self, lo: int, hi: int) -> tuple[bool, list[DateMention]]:
        """Whether the places at ``lo`` and ``hi`` are one list (only glue, dates, punctuation,
        list words and describing adjectives between; no actor, control word, break,
        destination or governing locator), and the dates that lie between."""
        dates = [d for d in self.dates if lo <= d.start and d.end <= hi]
        if self.has("control_break", lo, hi) or self.has("control_dest", lo, hi):
            return False, dates
        if self.governing_locator(lo, hi) or any(lo <= a[0] < hi for a in self.actors):
            return False, dates
        kinds = ("control_glue", "control_join", "control_adj", "control_locator", "control_entry")
        blank = self._spans(kinds + ("control_belong",), lo, hi) + [(d.start, d.end) for d in dates]
        return not self.leftover(lo, hi, blank), dates

    def belongs(self, lo: int, hi: int) -> bool:
        """[lo, hi) is "in"/"of" and glue only: the place at ``hi`` is the actor's at ``lo``."""
        if not self.has("control_belong", lo, hi) or self.has("control_break", lo, hi):
            return False
        kinds = ("control_glue", "control_belong", "control_locator")
        return not self.leftover(lo, hi, self._spans(kinds, lo, hi))

    def place_index(self, pos: int) -> int:
        """Index of the first place that starts at or after ``pos``."""
        return bisect_left(self.places, (pos,))


def read_sentences(
    text: str,
    spans: list[tuple[int, int]],
    entities: list[Match],
    cues: dict[str, list[Match]],
    dates: list[DateMention],
    sentence_of: Callable[[int], int],
    triggers: list[Match],
    sides: dict[str, str],
    roads: frozenset[str],
) -> dict[int, Sentence]:
    """The sentences that hold a control word, with their places, actors, dates and cues."""
    out: dict[int, Sentence] = {}
    for t in triggers:
        n = sentence_of(t.start)
        if n not in out and n < len(spans):
            s, e = spans[n]
            out[n] = Sentence(s, e, text[s:e])
    if not out:
        return out
    party_spans: list[tuple[int, int, Sentence]] = []
    for m in entities:
        sent = out.get(sentence_of(m.start))
        if sent is None:
            continue
        if m.kind == "place":
            entry = next((x for x in m.entries if x.kind == "place" and x.zone), m.entries[0])
            if entry.ident not in roads:  # a road is cut or opened, it does not change hands
                sent.places.append((m.start, m.end, entry.ident, entry.top or entry.zone))
        elif m.kind == "party":
            party_spans.append((m.start, m.end, sent))
            sent.neutral.append((m.start, m.end))
            side = sides.get(m.entries[0].ident)
            if side:
                sent.actors.append((m.start, m.end, side))
    _add_cues(out, cues, party_spans)
    for d in dates:
        sent = out.get(sentence_of(d.start))
        if sent is not None:
            sent.dates.append(d)
            sent.neutral.append((d.start, d.end))
    parties = {(p[0], p[1]) for p in party_spans}
    for sent in out.values():
        _drop_misreadings(sent)
        sent.actors = _merge_adjacent(sent, sorted(sent.actors), parties)
    return out


def _merge_adjacent(sent: Sentence, actors: list, parties: set) -> list:
    """Two actors side by side are one ("Hezbollah fighters", "Jaysh Khalid ibn al-Walid
    fighters"): the party name wins over a side word, else the longer phrase."""
    out: list = []
    for a in actors:
        if out and not sent.text[out[-1][1] - sent.start : a[0] - sent.start].strip(" -"):
            b = out[-1]
            a_party, b_party = (a[0], a[1]) in parties, (b[0], b[1]) in parties
            if a_party != b_party:
                keep = a if a_party else b
            else:
                keep = a if a[1] - a[0] > b[1] - b[0] else b
            out[-1] = (b[0], a[1], keep[2])
            continue
        out.append(a)
    return out


def _add_cues(out, cues, party_spans) -> None:
    """Each sentence's control cues (a bisect per sentence: glue words are everywhere)."""
    ranges = sorted((sent.start, sent.end, sent) for sent in out.values())
    for kind, bucket in cues.items():
        if not kind.startswith("control"):
            continue
        for lo, hi, sent in ranges:
            i, j = bisect_left(bucket, (lo,)), bisect_left(bucket, (hi,))
            if i == j:
                continue
            mine = bucket[i:j]
            sent.cues[kind] = mine
            if kind in NEUTRAL_KINDS:
                sent.neutral.extend((c.start, c.end) for c in mine)
            if kind == "control_side":
                _add_sides(sent, mine, party_spans)


def _add_sides(sent: Sentence, sides: list[Match], party_spans) -> None:
    """Side words as actors, unless a party name already covers them; a wider side phrase wins
    over a party it contains ("المبايع لتنظيم الدولة")."""
    for c in sides:
        if any(p[0] <= c.start and c.end <= p[1] for p in party_spans):
            continue
        inner = {(p[0], p[1]) for p in party_spans if c.start <= p[0] and p[1] <= c.end}
        if inner:
            sent.actors = [a for a in sent.actors if (a[0], a[1]) not in inner]
        sent.actors.append((c.start, c.end, c.entries[0].ident))


def _drop_misreadings(sent: Sentence) -> None:
    """A blocker inside a date ("May 7"); a locator or destination before a date or number."""
    dated = [(d.start, d.end) for d in sent.dates]
    if "control_block" in sent.cues:
        sent.cues["control_block"] = [
            c
            for c in sent.cues["control_block"]
            if not any(s < c.end and c.start < e for s, e in dated)
        ]
    starts = {s for s, _ in dated}
    for kind in ("control_locator", "control_dest"):
        if kind not in sent.cues:
            continue
        kept = []
        for c in sent.cues[kind]:
            i = c.end - sent.start
            while i < len(sent.text) and sent.text[i] == " ":
                i += 1
            if i + sent.start in starts or sent.text[i : i + 1].isdigit():
                continue
            kept.append(c)
        sent.cues[kind] = kept
