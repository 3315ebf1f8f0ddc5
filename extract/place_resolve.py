"""Which place a place name means, when a gazetteer lists several places by that name.

Nawa is a town in Daraa and a village east of Homs; Kafr Laha is in the Houla and near Masyaf;
Jobar is a Damascus district and Jober a Homs one. The text usually says which: a governorate or
district named nearby, the other places of the article (a reading near them wins), or a zone
phrase. Evidence is weighed per candidate; with none, the best-known candidate (curated places,
then population and the kind of place) is taken and the mention says so.

Also adds the Latin names of an imported gazetteer (``extract.places.latin_hits``) to the
recognised entities: a name the lexicon recognised itself wins any overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import lru_cache
from operator import attrgetter

from extract.item import Item
from extract.lexicon import Lexicon
from extract.normalise import Normalised
from extract.place_lexicon import KM_PER_DEG, SAME_PLACE_KM, km
from extract.places import PlaceInfo, latin_hits, simple_key
from extract.recognise import Match

#: Evidence: another place of the article within these distances (km), by weight.
NEAR = ((10.0, 3.0), (20.0, 1.5), (50.0, 0.5))
#: Grid of the context places (degrees): wider than the farthest evidence distance in NEAR.
CELL_DEG = 0.6
#: Weight of the evidence by how many sentences away it is (0, 1, 2, farther).
SENTENCE_WEIGHT = (1.0, 0.7, 0.5, 0.3)
GOVERNORATE_BONUS = 3.0
ZONE_BONUS = 3.0
PRIOR_WEIGHT = 0.3
#: A small preference for a candidate in a zone when nothing else decides (the news of the
#: period that names small villages names them for the fighting in and around the zones).
ZONED_TIE = 0.05
#: Preference for a place spelled exactly as the text spells it (over a looser skeleton match).
EXACT_BONUS = 1.0
_new = tuple.__new__


def add_latin(norm: Normalised, entities: list[Match], lex: Lexicon) -> list[Match]:
    """``entities`` with the imported gazetteer's Latin names added where nothing else was read
    (a longer imported name replaces shorter place readings it covers; on the same span the
    readings are merged)."""
    if not lex.latin_places or norm.original.isascii() and not _has_upper(norm.original):
        return entities
    hits = latin_hits(norm.original, lex.latin_places)
    if not hits:
        return entities
    to_norm = norm.to_normalised()
    added: list[Match] = []
    dropped: set[int] = set()
    starts = [m.start for m in entities]
    places = {(m.start, m.end): m for m in entities if m.kind == "place"}
    text = norm.text
    for o_start, o_end, ids in hits:
        start, end = to_norm(o_start), to_norm(o_end)
        known = places.get((start, end))
        if known is not None and _merged(lex, known, ids, text) is known.entries:
            continue  # the lexicon read this name itself and the gazetteer adds nothing
        i = bisect_right(starts, start)
        lo = max(0, i - 1)
        overlapping = [m for m in entities[lo : i + 8] if m.start < end and start < m.end]
        same = None
        if overlapping:
            if not all(
                m.kind == "place" and start <= m.start and m.end <= end for m in overlapping
            ):
                continue
            same = next((m for m in overlapping if m.start == start and m.end == end), None)
            if same is None and max(m.end - m.start for m in overlapping) >= end - start:
                continue
        entries = _merged(lex, same, ids, text)
        if not entries or (same is not None and entries is same.entries and len(overlapping) == 1):
            continue  # nothing to add to what the lexicon read
        dropped.update(map(id, overlapping))
        added.append(_new(Match, (start, end, entries, "place")))
    if not added:
        return entities
    out = [m for m in entities if id(m) not in dropped] if dropped else list(entities)
    out += added
    out.sort(key=_START)
    return out


def _merged(lex: Lexicon, same: Match | None, ids: tuple[str, ...], text: str) -> tuple:
    """The readings already found on a span plus those of the imported places ``ids``; where
    the lexicon read the span itself, only the places spelled exactly so join (a looser
    spelling match adds no doubt to a name the lexicon knows). Remembered per lexicon."""
    entries = same.entries if same is not None else ()
    surface = text[same.start : same.end] if same is not None else ""
    cache = _MERGED.setdefault(id(lex), {})
    key = (id(entries), id(ids), surface)
    found = cache.get(key)
    if found is not None and found[0] is entries and found[1] is ids:
        return found[2]
    joining = ids
    if same is not None:
        exact = lex.latin_exact.get(_simple(surface), frozenset())
        joining = tuple(i for i in ids if i in exact)
    known = {e.ident for e in entries}
    more = [
        e for e in map(lex.place_entries.get, joining) if e is not None and e.ident not in known
    ]
    merged = (*entries, *more) if more else entries
    if len(cache) < 200_000:
        cache[key] = (entries, ids, merged)
    return merged


_MERGED: dict[int, dict] = {}
_START = attrgetter("start")


def _has_upper(text: str) -> bool:
    return text.lower() != text


def resolve_homonyms(
    ntext: str, entities: list[Match], lex: Lexicon, sentence_of, governorates: list[Match]
) -> tuple[list[Match], list[tuple[int, int, str, str]]]:
    """Entities with every many-place name reduced to the one place meant, and (start, end,
    place id, note) of the imported places read inside a zone (reported as places as well as
    zones). A place chosen without evidence carries a note saying so. ``governorates``: the
    governorate names the scan found (cues whose ident is the ISO code)."""
    places = [m for m in entities if m.kind == "place"]
    gazetteer = lex.gazetteer.info if lex.gazetteer is not None else {}
    if not any(len(m.entries) > 1 for m in places):
        return entities, [
            (m.start, m.end, m.entries[0].ident, m.entries[0].note)
            for m in places
            if m.entries[0].zone and m.entries[0].ident in gazetteer
        ]
    doc = _Context(ntext, sentence_of, governorates, entities, lex)
    out: list[Match] = []
    imported: list[tuple[int, int, str, str]] = []
    for m in entities:
        if m.kind == "place":
            if len(m.entries) > 1:
                m = _resolve(m, lex, doc)
            entry = m.entries[0]
            if entry.zone and (entry.ident in gazetteer or entry.note):
                imported.append((m.start, m.end, entry.ident, entry.note))
        out.append(m)
    return out, imported


class _Context:
    """What an article says around its place names: the places read without doubt, by grid
    cell; zone phrases and governorates named, by sentence."""

    def __init__(self, ntext, sentence_of, governorates, entities, lex) -> None:
        self.ntext, self.sentence_of = ntext, sentence_of
        govs: dict[int, set[str]] = {}
        for g in governorates:
            govs.setdefault(sentence_of(g.start), set()).add(g.entries[0].ident)
        self._govs = {s: frozenset(isos) for s, isos in govs.items()}
        info = lex.place_info
        seen: set[tuple[int, str]] = set()
        cells: dict[tuple[int, int], list[tuple[int, PlaceInfo]]] = {}
        self.zones_in: dict[int, set[str]] = {}
        for m in entities:
            if m.kind == "place":
                first = m.entries[0].ident
                if len(m.entries) > 1 and any(e.ident != first for e in m.entries):
                    continue
                known = info.get(first)
                s = sentence_of(m.start)
                if known is not None and (s, first) not in seen:
                    seen.add((s, first))
                    cells.setdefault(_cell(known), []).append((s, known))
            elif m.kind == "ctxzone" and m.entries[0].zone:
                self.zones_in.setdefault(sentence_of(m.start), set()).add(m.entries[0].top)
        self._cells = cells
        self._around: dict[tuple[int, int], list[tuple[int, PlaceInfo]]] = {}

    def around(self, cell: tuple[int, int]) -> list[tuple[int, PlaceInfo]]:
        """The context places in the 3 x 3 cells around ``cell``."""
        found = self._around.get(cell)
        if found is None:
            cy, cx = cell
            found = self._around[cell] = [
                point
                for dy in (-1, 0, 1)
                for dx in (-1, 0, 1)
                for point in self._cells.get((cy + dy, cx + dx), ())
            ]
        return found

    def governorates(self, s: int) -> frozenset[str]:
        return self._govs.get(s, _NONE)


_NONE: frozenset[str] = frozenset()


def _candidates(lex: Lexicon, entries: tuple) -> tuple[dict, list[PlaceInfo]] | None:
    """The distinct places a reading may be (None: nothing to choose, or only Amman/Oman-like
    names outside every zone with no imported reading)."""
    cache = _CANDIDATES.setdefault(id(lex), {})
    cached = cache.get(id(entries))
    if cached is not None and cached[0] is entries:
        return cached[1]
    places = {e.ident: e for e in entries if e.kind == "place"}
    info = lex.place_info
    cands = _same_places_once([info[i] for i in places if i in info]) if len(places) > 1 else []
    imported = lex.gazetteer is not None and any(i in lex.gazetteer.info for i in places)
    if len(cands) < 2 and cands and len(places) > 1:
        found = ({cands[0].id: places[cands[0].id]}, cands)
    elif len(cands) < 2 or not (imported or any(c.zone for c in cands)):
        found = None
    else:
        found = (places, cands)
    if len(cache) < 100_000:
        cache[id(entries)] = (entries, found)  # the tuple is kept, so its id stays its own
    return found


_CANDIDATES: dict[int, dict] = {}


def _resolve(m: Match, lex: Lexicon, doc: _Context) -> Match:
    found = _candidates(lex, m.entries)
    if found is None:
        return m
    places, cands = found
    if len(cands) == 1:
        return _new(Match, (m.start, m.end, (places[cands[0].id],), "place"))
    s = doc.sentence_of(m.start)
    govs = doc.governorates(s) | doc.governorates(s - 1) | doc.governorates(s + 1)
    zones = set().union(*(doc.zones_in.get(k, ()) for k in (s - 1, s, s + 1)))
    exact = lex.latin_exact.get(_simple(doc.ntext[m.start : m.end]), ()) if lex.latin_exact else ()
    scored = []
    for c in cands:
        evidence = _evidence(c, s, doc, places)
        evidence += GOVERNORATE_BONUS * (c.governorate in govs) + ZONE_BONUS * (c.zone in zones)
        prior = PRIOR_WEIGHT * c.prior + (ZONED_TIE if c.zone else 0.0)
        prior += EXACT_BONUS * (c.id in exact)
        scored.append((evidence + prior, evidence, c))
    scored.sort(key=lambda t: -t[0])
    _, evidence, best = scored[0]
    entry = places[best.id]
    if evidence > 0 and entry.weak:
        entry = replace(entry, weak=False)
    elif evidence == 0 and not any(t[1] for t in scored):
        pool = [c for c in cands if c.id in exact] or cands  # spelled as in the text, if any
        if len(pool) > 1:
            note = f"assumed: the best known of {len(pool)} places so named"
            entry = replace(entry, note=note)
    return _new(Match, (m.start, m.end, (entry,), "place"))


@lru_cache(maxsize=65536)
def _simple(text: str) -> str:
    return simple_key(text)


def _same_places_once(cands: list[PlaceInfo]) -> list[PlaceInfo]:
    """A GeoNames town that an imported gazetteer also lists (same name, within a few km) is
    one place: the imported reading, which carries the zone its point falls in, stands for it."""
    imported = [c for c in cands if not c.origin]
    if not imported:
        return cands
    return [
        c
        for c in cands
        if c.origin != "town" or not any(km(c, i) < SAME_PLACE_KM for i in imported)
    ]


def _evidence(c: PlaceInfo, sentence: int, doc: _Context, ids) -> float:
    """Other places of the article near the candidate, weighed by how close they are and by
    how many sentences away they are named (squared distances in degrees, longitude scaled
    for Syria's latitude: the bands of NEAR need no more precision)."""
    total = 0.0
    last = len(SENTENCE_WEIGHT) - 1
    lat, lon = c.lat, c.lon
    for s, p in doc.around(_cell(c)):
        dy = p.lat - lat
        dx = (p.lon - lon) * LON_SCALE
        d2 = dy * dy + dx * dx
        if d2 < _NEAR_D2[-1][0] and p.id not in ids:
            near = next(w for limit, w in _NEAR_D2 if d2 < limit)
            total += near * SENTENCE_WEIGHT[min(abs(s - sentence), last)]
    return total


#: cos(35°): a degree of longitude in Syria, in degrees of latitude.
LON_SCALE = 0.82
_NEAR_D2 = tuple(((km_ / KM_PER_DEG) ** 2, w) for km_, w in NEAR)


def _cell(p: PlaceInfo) -> tuple[int, int]:
    """Grid cell of a place: cells of ``CELL_DEG`` are wider than the farthest evidence."""
    return int(p.lat // CELL_DEG), int(p.lon // CELL_DEG)


def listing_weak(weak: list[Item]) -> set[int]:
    """The sentences whose weak names name three zones or more: a list of regions ("an enclave
    north of the city of Homs, the suburbs east of Damascus and a strip in the south") speaks
    of the zones."""
    seen: dict[int, set[str]] = {}
    for item in weak:
        seen.setdefault(item.sentence, set()).add(item.zone)
    return {s for s, named in seen.items() if len(named) >= LISTED_ZONES}


#: Distinct zones that a sentence's weak names must name to be a list of the zones ("Hama
#: province and rural Damascus" may be any two regions).
LISTED_ZONES = 3
