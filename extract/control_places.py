"""Where a control word's place is (``extract.control``): after it, with the list that follows,
"the town" it stands for, just before it, the place of the side that settles, or the place a
sentence opens with. Each finder returns the places as list segments, each with its own date
where the text dates a later part of the list apart ("Hamouriyah on 15 March, then Jisreen the
next day").
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import assets
from extract.control_sentence import Sentence
from extract.dates import DateMention
from extract.recognise import Match

GOVERNMENT = "government"
#: How many words that are not glue, actors or dates may lie between a control word and its place.
_REACH = {"evacuated": 10, "settlement": 10}
_DEFAULT_REACH = 4
_BACK_REACH = 2
#: How many sentences back "the town" may look for its place (the headline always counts).
_LOOKBACK = 3
#: Kinds whose "in"/"في" names the place itself ("deployed in Douma", "رفع العلم في دوما").
_IN_PLACE = frozenset(("entered", "declared"))
#: Gazetteer kinds that "the town" never stands for.
_NOT_TOWNS = frozenset(("road", "region"))

Place = tuple[int, int, str, str]  # start, end, place id, zone


class Found(NamedTuple):
    """One control event as the rules find it (before offsets go back to the original)."""

    sentence: int
    place: str
    zone: str
    event: str
    to: str
    date: str | None
    at: int  # start of the control word


@lru_cache(maxsize=1)
def roads() -> frozenset[str]:
    """Gazetteer ids of roads: a road is cut or opened, it does not change hands."""
    return frozenset(i for i, k in place_kinds().items() if k == "road")


@lru_cache(maxsize=1)
def place_kinds() -> dict[str, str]:
    """Gazetteer id -> kind (town, district, region, road) of the shipped gazetteer."""
    with assets.path("gazetteer", "places.csv").open(encoding="utf-8", newline="") as fh:
        return {row["id"]: row["kind"] for row in csv.DictReader(fh)}


class History:
    """The places named and the events found so far: what "the town" and "followed" refer to.
    The places are read only when a control word needs them (most articles never do)."""

    def __init__(self, entities: list[Match], sentence_of: Callable[[int], int]) -> None:
        self._entities, self._sentence_of = entities, sentence_of
        self._places: list[tuple[int, int, str, str, int]] | None = None
        self.events: list[Found] = []

    @property
    def places(self) -> list[tuple[int, int, str, str, int]]:
        """Every town named in the article: (start, end, id, zone, sentence)."""
        if self._places is None:
            kinds, sentence_of = place_kinds(), self._sentence_of
            self._places = []
            for m in self._entities:
                if m.kind != "place":
                    continue
                entry = next((x for x in m.entries if x.kind == "place" and x.zone), m.entries[0])
                if kinds.get(entry.ident) not in _NOT_TOWNS:
                    zone = entry.top or entry.zone
                    self._places.append((m.start, m.end, entry.ident, zone, sentence_of(m.start)))
        return self._places

    def referent(self, pos: int, n: int) -> tuple[str, str] | None:
        """(place, zone) that "the town" at ``pos`` of sentence ``n`` stands for."""
        near = range(max(0, n - _LOOKBACK), n + 1)
        for e in reversed(self.events):
            if e.at < pos and (e.sentence in near or e.sentence == 0):
                return e.place, e.zone
        for _, end, place, zone, k in reversed(self.places):
            if end <= pos and (k in near or k == 0):
                return place, zone
        return None

    def last(self, pos: int) -> Found | None:
        """The latest event found before ``pos`` ("Jisreen followed" repeats it)."""
        return next((e for e in reversed(self.events) if e.at < pos), None)


def find_places(
    sent: Sentence, t: Match, kind: str, clause: int, n: int, history: History
) -> tuple[list[list[Place]], list[DateMention | None]]:
    """The places of one control word, as list segments, with each segment's own date."""
    if kind == "settlement":
        found = _belonging(sent, t, clause)
        if found[0]:
            return found
    found = _forward(sent, t, kind, n, history)
    if found[0]:
        return found
    back = _backward(sent, t, kind, clause)
    if back:
        return [back], [None]
    return _frame(sent)


def _forward(
    sent: Sentence, t: Match, kind: str, n: int, history: History
) -> tuple[list[list[Place]], list[DateMention | None]]:
    """The first place after the control word (or "the town" it stands for), with its list."""
    none: tuple[list, list] = ([], [])
    i = sent.place_index(t.end)
    first = sent.places[i] if i < len(sent.places) else None
    entry = kind in _IN_PLACE
    reach = _REACH.get(kind, _DEFAULT_REACH)
    anaphor = next(
        (
            a
            for a in sent.cues.get("control_anaphor", ())
            if a.start >= t.start and (first is None or a.end <= first[0])
        ),
        None,
    )
    if anaphor is not None and not (first and sent.words_between(anaphor.end, first[0]) == 0):
        gap = sent.words_between(t.end, anaphor.start, entry) if anaphor.start >= t.end else 0
        ref = None
        if gap is not None and gap <= reach:
            ref = _earlier_in_sentence(sent, anaphor.start) or history.referent(anaphor.start, n)
        return ([[(anaphor.start, anaphor.end, *ref)]], [None]) if ref else none
    if first is None or _noun_without_of(sent, t):
        return none
    gap = sent.words_between(t.end, first[0], entry)
    if gap is None or gap > reach:
        return none
    if kind == "evacuated" and sent.has("control_dest", t.end, first[0]):
        return none  # "left for Idlib": the destination, not the place left
    if kind == "settlement" and any(
        t.end <= a[0] and a[1] <= first[0] and a[2] == GOVERNMENT for a in sent.actors
    ):
        return none  # "... a surrender deal, and the army reached Nasib": the army's
    for c in sent.cues.get("control", ()):
        if t.end <= c.start and c.end <= first[0] and sent.words_between(t.end, c.start):
            return none  # the place is another control word's ("..., and troops entered X")
    return _list_from(sent, i)


def _noun_without_of(sent: Sentence, t: Match) -> bool:
    """ "The recapture leaves Idlib ...": a control word after a determiner is a noun, and
    its place would follow with "of" (a key of its own: "capture of", "fall of")."""
    base = sent.start
    if " " in sent.text[t.start - base : t.end - base]:
        return False  # "the flag was raised": a phrase, not a noun
    for c in sent.cues.get("control_det", ()):
        if c.end <= t.start and not sent.text[c.end - base : t.start - base].strip():
            return not sent.text[t.end - base :].lstrip().startswith("of ")
    return False


def _earlier_in_sentence(sent: Sentence, pos: int) -> tuple[str, str] | None:
    """The latest town named before ``pos`` in the sentence, unless it only locates another."""
    kinds = place_kinds()
    for i in range(sent.place_index(pos) - 1, -1, -1):
        p = sent.places[i]
        lo = sent.places[i - 1][1] if i else sent.start
        if kinds.get(p[2]) not in _NOT_TOWNS and not sent.governing_locator(lo, p[0]):
            return p[2], p[3]
    return None


def _list_from(sent: Sentence, i: int) -> tuple[list[list[Place]], list[DateMention | None]]:
    """The list of places that starts at place ``i``, cut into segments where a date or a list
    word ("then", "ثم") lies between, with the date that follows each segment."""
    segments: list[list[Place]] = [[sent.places[i]]]
    own: list[DateMention | None] = []
    for nxt in sent.places[i + 1 :]:
        prev = segments[-1][-1]
        joined, dates = sent.list_gap(prev[1], nxt[0])
        if not joined:
            break
        if dates or sent.has("control_join", prev[1], nxt[0]):
            own.append(dates[0] if dates else None)
            segments.append([nxt])
        else:
            segments[-1].append(nxt)
    own.append(_trailing_date(sent, segments[-1][-1][1]))
    return segments, own


def _trailing_date(sent: Sentence, pos: int) -> DateMention | None:
    """The date right after a place, with only glue between ("Nassib on 6 July", "في 15 آذار")."""
    for d in sent.dates:
        if d.start >= pos and d.value is not None:
            if sent.has("control_break", pos, d.start):
                return None
            kinds = ("control_glue", "control_locator", "control_entry", "control_belong")
            blank = [(c.start, c.end) for k in kinds for c in sent.cues.get(k, ())]
            return None if sent.leftover(pos, d.start, blank) else d
    return None


def _backward(sent: Sentence, t: Match, kind: str, clause: int) -> list[Place]:
    """The place just before the control word ("Hamouriyah fell"), with the list it ends."""
    i = sent.place_index(t.start) - 1
    if i < 0 or sent.places[i][0] < clause:
        return []
    last = sent.places[i]
    gap = sent.words_between(last[1], t.start)
    if gap is None or gap > _BACK_REACH:
        return []
    lo = sent.places[i - 1][1] if i else clause
    if kind not in _IN_PLACE and sent.governing_locator(lo, last[0]):
        return []  # "in western Deraa under the settlement": a locator, not the place
    out = [last]
    for prev in reversed(sent.places[:i]):
        if prev[0] < clause or not sent.list_gap(prev[1], out[0][0])[0]:
            break  # not across an actor, a control word or a date ("DERAA, July 12 - ...")
        out.insert(0, prev)
    return out


def _belonging(
    sent: Sentence, t: Match, clause: int
) -> tuple[list[list[Place]], list[DateMention | None]]:
    """ "Rebels in Nawa, the largest town in western Deraa, reached a settlement": the place
    of the fighting side before a settlement word."""
    for a in reversed(sent.actors):
        if a[0] < clause or a[1] > t.start or a[2] == GOVERNMENT:
            continue
        i = sent.place_index(a[1])
        if (
            i < len(sent.places)
            and sent.places[i][1] <= t.start
            and sent.belongs(a[1], sent.places[i][0])
        ):
            return _list_from(sent, i)
    return [], []


def _frame(sent: Sentence) -> tuple[list[list[Place]], list[DateMention | None]]:
    """A sentence that opens with "In Daraa al-Balad, ..." / "في درعا البلد، ..."."""
    if not sent.places:
        return [], []
    first = sent.places[0]
    after = sent.text[first[1] - sent.start :].lstrip()[:1]
    if after in (",", "\u060c") and sent.belongs(sent.start, first[0]):
        return [[first]], [None]
    return [], []
