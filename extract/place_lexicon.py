"""Where the lexicon meets the gazetteers: what is known of every place, and an imported
gazetteer's names joined to the lexicon's one automaton.

Curated places (``places.csv``) are the well-known ones: they win a shared name unless the text
says otherwise, and an imported place within ``SAME_PLACE_KM`` of a curated or GeoNames-town
place of the same name is that place, not a homonym. A name the lexicon already uses for
something else (an agreement, a party, a month, a cue word) is never read as an imported place.
"""

from __future__ import annotations

import csv
from collections.abc import Set as AbstractSet
from math import cos, radians

import assets
from extract.keys import CUE, ENTITY, KeyTable
from extract.places import (
    PlaceIndex,
    PlaceInfo,
    common_words,
    latin_keys,
    latin_tokens,
    simple_key,
)

#: Two places of the same name closer than this are one place listed twice.
SAME_PLACE_KM = 6.0
CURATED_PRIOR = 7.0
KM_PER_DEG = 111.2


def km(a: PlaceInfo, b: PlaceInfo) -> float:
    """Distance in km (equirectangular: exact enough at Syria's size)."""
    dx = (a.lon - b.lon) * cos(radians((a.lat + b.lat) / 2))
    return KM_PER_DEG * (dx * dx + (a.lat - b.lat) ** 2) ** 0.5


def base_info(places_rows: list[dict], towns_rows: list[dict]) -> dict[str, PlaceInfo]:
    """Known places of the shipped gazetteers: curated ones first (prior ``CURATED_PRIOR``),
    GeoNames towns by population."""
    info: dict[str, PlaceInfo] = {}
    for row in places_rows:
        if row.get("lat") and row.get("lon"):
            info[row["id"]] = PlaceInfo(
                row["id"], row["zone"], float(row["lat"]), float(row["lon"]), CURATED_PRIOR,
                row.get("governorate", ""), row["name_en"], "curated",
            )  # fmt: skip
    for row in towns_rows:
        population = int(row.get("population") or 0)
        prior = min(9.0, 2.0 + len(str(population))) if population else 3.0
        info[row["id"]] = PlaceInfo(
            row["id"], "", float(row["lat"]), float(row["lon"]), prior,
            row.get("governorate", ""), row["name_en"], "town",
        )  # fmt: skip
    return info


def _lexicon_words(table: KeyTable) -> set[str]:
    """Skeleton keys of the lexicon's own Latin words that are not places ("Astana", "Sochi")."""
    words = set()
    for key, readings in table.table.items():
        if key.isascii() and any(e.kind != "place" for _, e in readings):
            words.add(" ".join(latin_tokens(key)))
    return words


def latin_table(
    places_rows: list[dict],
    towns_rows: list[dict],
    gazetteer: PlaceIndex,
    info: dict,
    reserved: AbstractSet[str] = frozenset(),
) -> dict[str, tuple[str, ...]]:
    """Skeleton key -> place ids, shipped places first; an imported place that duplicates a
    shipped one of the same key is left out, and so is a key the lexicon uses for something
    else (``reserved``)."""
    table: dict[str, list[str]] = {}
    for row in places_rows:
        names = [row["name_en"], *row.get("variants_en", "").split("|")]
        for key in set().union(*(latin_keys(n) for n in names if n.strip())):
            table.setdefault(key, []).append(row["id"])
    for row in towns_rows:
        for key in latin_keys(row["name_en"]):
            table.setdefault(key, []).append(row["id"])
    for key, ids in gazetteer.latin.items():
        if key in reserved:
            continue
        known = table.get(key)
        if known is None and key in gazetteer.frequent:
            continue  # a common word, unless a shipped place has that name
        if known is None:
            table[key] = list(ids)
            continue
        shipped = [info[i] for i in known if i in info and info[i].origin == "curated"]
        known.extend(
            i for i in ids if not any(km(gazetteer.info[i], s) < SAME_PLACE_KM for s in shipped)
        )
    return {k: tuple(v) for k, v in table.items()}


def _rows(name: str) -> list[dict]:
    with assets.path("gazetteer", name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def with_gazetteer(table: KeyTable, gazetteer: PlaceIndex | None, entry) -> dict:
    """The lexicon's place fields; with an imported gazetteer, its Arabic names are added to
    ``table`` (after every other word, so that the lexicon's own readings are known)."""
    places_rows, towns_rows = _rows("places.csv"), _rows("syria_towns.csv")
    info = base_info(places_rows, towns_rows)
    cues = assets.read_json("gazetteer", "place_cues.json")
    for word in (*cues["en"], *cues["ar"]):
        table.add(word, layer=CUE, kind="placecue", ident="")
    if gazetteer is None:
        return {"gazetteer": None, "place_info": info}
    # the shipped places' readings as the lexicon built them (weak flags included)
    entries = {e.ident: e for slot in table.table.values() for _, e in slot if e.kind == "place"}
    for p in gazetteer.info.values():
        entries.setdefault(p.id, entry(layer=ENTITY, kind="place", ident=p.id, zone=p.zone))
    info = {**gazetteer.info, **info}
    add_arabic(gazetteer, table.table, table.keys_of, entries.__getitem__, info)
    return {
        "gazetteer": gazetteer,
        "place_info": info,
        "latin_places": latin_table(
            places_rows, towns_rows, gazetteer, info, _lexicon_words(table)
        ),
        "latin_exact": exact_table(places_rows, towns_rows, gazetteer),
        "place_entries": entries,
    }


def exact_table(
    places_rows: list[dict], towns_rows: list[dict], gazetteer: PlaceIndex
) -> dict[str, frozenset[str]]:
    """Latin names as written (``simple_key``) -> the places that carry them."""
    table: dict[str, set[str]] = {}
    for row in places_rows:
        for name in [row["name_en"], *row.get("variants_en", "").split("|")]:
            if name.strip():
                table.setdefault(simple_key(name), set()).add(row["id"])
    for row in towns_rows:
        table.setdefault(simple_key(row["name_en"]), set()).add(row["id"])
    for pid, names in gazetteer.latin_names.items():
        for name in names:
            table.setdefault(simple_key(name), set()).add(pid)
    return {k: frozenset(v) for k, v in table.items()}


def add_arabic(gazetteer: PlaceIndex, table: dict, keys_of, entry_of, info: dict) -> None:
    """Put the imported Arabic names into the automaton table (``key -> [(proclitics, Entry)]``),
    skipping names the lexicon uses otherwise and duplicates of shipped places."""
    common = common_words()
    for name, ids in gazetteer.arabic.items():
        keys = keys_of(name)
        if not keys:
            continue
        existing = table.get(keys[0][0], ())
        if any(e.kind != "place" for _, e in existing):
            continue
        if name in gazetteer.frequent and not existing:
            continue  # a common word, unless a shipped place has that name
        shipped = [
            info[e.ident]
            for _, e in existing
            if e.ident in info and info[e.ident].origin == "curated"
        ]
        fresh = [
            i for i in ids if not any(km(gazetteer.info[i], s) < SAME_PLACE_KM for s in shipped)
        ]
        for key, proclitics in keys:
            if proclitics == 1 and common.frequent(key.strip()[:1] + name.strip(), "ar"):
                continue  # زارة with و is وزارة ("ministry")
            slot = table.setdefault(key, [])
            slot.extend((proclitics, entry_of(i)) for i in fresh)


def add_governorates(table: KeyTable) -> None:
    """The governorates' names as cues (kind ``governorate``, ident the ISO code), clitics
    and all ("والقنيطرة"): a governorate named near a place name tells which of several places
    so named is meant (``extract.place_resolve``)."""
    for iso, names in assets.read_json("gazetteer", "governorates.json")["names"].items():
        for name in names:
            table.add(name, layer=CUE, kind="governorate", ident=iso)
