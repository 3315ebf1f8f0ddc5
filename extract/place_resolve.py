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

import json
from bisect import bisect_right
from dataclasses import replace

import assets
from extract.keys import phrase_key, scan_form
from extract.lexicon import Lexicon
from extract.normalise import Normalised
from extract.place_lexicon import SAME_PLACE_KM, km
from extract.places import PlaceInfo, latin_hits, simple_key
from extract.recognise import Match

#: Evidence: another place of the article within these distances (km), by weight.
NEAR = ((10.0, 3.0), (20.0, 1.5), (50.0, 0.5))
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
    (a longer imported name replaces shorter place readings it covers)."""
    if not lex.latin_places or norm.original.isascii() and not _has_upper(norm.original):
        return entities
    hits = latin_hits(norm.original, lex.latin_places)
    if not hits:
        return entities
    to_norm = _to_normalised(norm)
    out = list(entities)
    starts = [m.start for m in entities]
    for o_start, o_end, ids in hits:
        start, end = to_norm(o_start), to_norm(o_end)
        i = bisect_right(starts, start)
        lo = max(0, i - 1)
        overlapping = [m for m in entities[lo : i + 8] if m.start < end and start < m.end]
        if overlapping and not all(
            m.kind == "place" and start <= m.start and m.end <= end for m in overlapping
        ):
            continue
        same = [m for m in overlapping if (m.start, m.end) == (start, end)]
        if overlapping and not same and max(m.end - m.start for m in overlapping) >= end - start:
            continue
        entries = list(same[0].entries) if same else []
        known = {e.ident for e in entries}
        entries += [
            e for e in map(lex.place_entries.get, ids) if e is not None and e.ident not in known
        ]
        for m in overlapping:
            out.remove(m)
        out.append(_new(Match, (start, end, tuple(entries), "place")))
    out.sort(key=lambda m: m.start)
    return [m for m in out if m.entries]


def _has_upper(text: str) -> bool:
    return text.lower() != text


def _to_normalised(norm: Normalised):
    """Original offset -> normalised offset (the inverse of ``Normalised.to_original``)."""
    dropped = norm._dropped_at
    if not dropped:
        return int
    originals = [d + k for k, d in enumerate(dropped)]  # original index of each dropped char
    return lambda o: o - bisect_right(originals, o - 1)


def _governorate_words() -> tuple[tuple[str, str], ...]:
    raw = json.loads(assets.path("gazetteer", "governorates.json").read_text("utf-8"))
    return tuple(
        (" " + phrase_key(name) + " ", iso) for iso, names in raw["names"].items() for name in names
    )


_GOVERNORATES = _governorate_words()


def resolve_homonyms(
    ntext: str, entities: list[Match], lex: Lexicon, sentence_of
) -> tuple[list[Match], list[tuple[int, int, str]]]:
    """Entities with every many-place name reduced to the one place meant, and (start, end,
    place id) of the imported places read inside a zone (reported as places as well as zones).
    A place id chosen without evidence carries a note saying so."""
    info = lex.place_info
    context: list[tuple[int, PlaceInfo]] = []
    zones_in: dict[int, set[str]] = {}
    for m in entities:
        if m.kind == "place":
            idents = {e.ident for e in m.entries if e.kind == "place"}
            if len(idents) == 1:
                known = info.get(next(iter(idents)))
                if known is not None:
                    context.append((sentence_of(m.start), known))
        elif m.kind == "ctxzone" and m.entries[0].zone:
            zones_in.setdefault(sentence_of(m.start), set()).add(m.entries[0].top)
    out: list[Match] = []
    imported: list[tuple[int, int, str]] = []
    gazetteer = lex.gazetteer.info if lex.gazetteer is not None else {}
    for m in entities:
        if m.kind == "place":
            m = _resolve(ntext, m, lex, sentence_of, context, zones_in)
            entry = m.entries[0]
            if entry.zone and (entry.ident in gazetteer or " (" in entry.ident):
                imported.append((m.start, m.end, entry.ident))
        out.append(m)
    return out, imported


def _resolve(ntext: str, m: Match, lex: Lexicon, sentence_of, context, zones_in) -> Match:
    places = {e.ident: e for e in m.entries if e.kind == "place"}
    if len(places) < 2:
        return m
    info = lex.place_info
    cands = _same_places_once([info[i] for i in places if i in info])
    imported = lex.gazetteer is not None and any(i in lex.gazetteer.info for i in places)
    if len(cands) < 2 or not (imported or any(c.zone for c in cands)):
        return m
    s = sentence_of(m.start)
    window = _window(ntext, lex, s, sentence_of, m)
    govs = {iso for word, iso in _GOVERNORATES if word in window}
    zones = set().union(*(zones_in.get(k, ()) for k in (s - 1, s, s + 1)))
    ids = set(places)
    exact = lex.latin_exact.get(simple_key(ntext[m.start : m.end]), ()) if lex.latin_exact else ()
    scored = []
    for c in cands:
        evidence = _evidence(c, s, context, ids)
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
        if len(pool) < 2:
            return _new(Match, (m.start, m.end, (entry,), "place"))
        note = f"{best.id} (assumed: the best known of {len(pool)} places so named)"
        entry = replace(entry, ident=note)
    return _new(Match, (m.start, m.end, (entry,), "place"))


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


def _evidence(c: PlaceInfo, sentence: int, context, ids: set[str]) -> float:
    total = 0.0
    for s, p in context:
        if p.id in ids:
            continue
        distance = km(c, p)
        for limit, weight in NEAR:
            if distance < limit:
                gap = min(abs(s - sentence), len(SENTENCE_WEIGHT) - 1)
                total += weight * SENTENCE_WEIGHT[gap]
                break
    return total


def _window(ntext: str, lex: Lexicon, s: int, sentence_of, m: Match) -> str:
    """The sentence of ``m`` and its neighbours, in scan form, without ``m`` itself."""
    lo = m.start
    while lo > 0 and sentence_of(lo - 1) >= s - 1:
        lo -= 1
        if m.start - lo > 600:
            break
    hi = m.end
    n = len(ntext)
    while hi < n and sentence_of(hi) <= s + 1 and hi - m.end < 600:
        hi += 1
    return " " + scan_form(ntext[lo : m.start] + " " + ntext[m.end : hi]) + " "
