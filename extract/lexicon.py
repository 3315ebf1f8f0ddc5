"""The extractor's knowledge, loaded once from ``assets/``: lexicons, gazetteer and registry.

All words live in data files (``assets/lexicon/<lang>.json``, ``assets/gazetteer/*.csv``,
``assets/registry/agreements.json``); this module only merges the languages, normalises every
entry with the same rules as the texts, and compiles them into one Aho-Corasick automaton and a
few regular expressions, so that one generic engine serves every language.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import ahocorasick

import assets
from extract.normalise import normalise_word

LANGUAGE_FILES = ("ar", "en")
ARTICLE = "ال"

# Entity layer: recognised things, overlaps resolved longest-first. Cue layer: words that
# steer resolution and relations; every occurrence is kept.
ENTITY, CUE = 0, 1
# Proclitics that may be glued to an Arabic name: to a name without article, to a name with
# the article, and to a name whose article contracts after the preposition ل ("للرستن").
AR_BARE, AR_ARTICLE, AR_CONTRACTED = 1, 2, 3
PREFIXES = {  # tuples, so that the automaton is built in the same order in every process
    AR_BARE: ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"),
    AR_ARTICLE: ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك"),
    AR_CONTRACTED: ("لل", "ولل", "فلل"),
}
#: Regex start of a word, allowing one glued Arabic proclitic (و ف ب ل ك) before it.
WORD_START = r"(?:(?<!\w)|(?<=(?<!\w)[\u0648\u0641\u0628\u0644\u0643]))"
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_PUNCTUATION = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n\u060c\u061b\u061f\u066a\u06d4\u2026\u00b7\u2022"
)
_PUNCTUATION_RE = re.compile("[" + re.escape(_PUNCTUATION) + "]")
#: the same as a byte translation table, for ASCII text (several times faster than the regex)
_ASCII_PUNCTUATION = "".join(c for c in _PUNCTUATION if c.isascii()).encode("ascii")
_PUNCTUATION_BYTES = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))


@dataclass(frozen=True)
class Entry:
    """What a matched key means: one reading (a key can have several, e.g. عمان)."""

    layer: int
    kind: str
    ident: str
    zone: str = ""
    weak: bool = False
    generic: bool = False
    #: the top-level zone of ``zone`` (a finer area counts as its parent)
    top: str = ""


@dataclass(frozen=True)
class AgreementInfo:
    id: str
    kind: str
    parties: frozenset[str]
    zones: frozenset[str]
    round: int | None
    days: tuple[date, ...]
    #: when it ended in each top-level zone it covered (None: no end on record)
    ends: tuple[tuple[str, date | None], ...] = ()
    scope: str = ""  # "nationwide" for an all-Syria ceasefire

    def ended_in(self, zone: str) -> date | None:
        return next((end for z, end in self.ends if z == zone), None)


@dataclass(eq=False)
class Lexicon:
    automaton: ahocorasick.Automaton
    months: dict[str, int]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    cardinals: dict[str, int]
    roman: dict[str, int]
    relative_days: dict[str, int]
    bare_relative_days: frozenset[str]
    words: dict[str, list[str]]
    zone_parent: dict[str, str]
    places: dict[str, dict]
    agreements: dict[str, AgreementInfo]
    rounds: dict[int, str]
    abbreviations: frozenset[str]
    talks: frozenset[str] = field(default_factory=frozenset)
    #: all-Syria agreements: they cover every zone, so a sentence naming a zone states no link
    nationwide: frozenset[str] = field(default_factory=frozenset)
    #: venue -> the agreements reached there (assets/lexicon/venues.json)
    venues: dict[str, tuple[str, ...]] = field(default_factory=dict)


def scan_form(text: str) -> str:
    """Punctuation to spaces (one for one), so that every word is preceded by a space."""
    if text.isascii():
        return text.encode("ascii").translate(_PUNCTUATION_BYTES).decode("ascii")
    return _PUNCTUATION_RE.sub(" ", text)


def _keys(word: str) -> list[tuple[str, int]]:
    """Automaton keys for one entry: a space (the word boundary), any proclitics that may be
    glued to it, the name and a space; with the number of proclitic letters of each key."""
    base = normalise_word(word)
    if not base:
        return []
    forms = dict.fromkeys((base, base.replace("'", ""), base.replace("-", "")))
    keys: list[tuple[str, int]] = []
    for form in forms:
        key = " ".join(scan_form(form).split())
        if not key:
            continue
        if not _ARABIC_LETTER.match(key[0]):
            keys.append((" " + key + " ", 0))
        elif key.startswith(ARTICLE) and len(key) > 3:
            keys += [(" " + p + key + " ", len(p)) for p in PREFIXES[AR_ARTICLE]]
            keys += [(" " + p + key[2:] + " ", len(p)) for p in PREFIXES[AR_CONTRACTED]]
        else:
            keys += [(" " + p + key + " ", len(p)) for p in PREFIXES[AR_BARE]]
    return keys


def _named_zone(name: str, zone_words: dict[str, str]) -> str:
    """The zone a name spells out, if one of its words (or word pairs) is a zone word."""
    tokens = scan_form(normalise_word(name)).split()
    for i, tok in enumerate(tokens):
        for candidate in (tok, tok[1:] if tok[:1] in "وبلف" else tok, " ".join(tokens[i : i + 2])):
            if candidate in zone_words:
                return zone_words[candidate]
    return ""


def _read_json(*parts: str) -> dict:
    return json.loads(assets.path(*parts).read_text("utf-8"))


def _read_csv(*parts: str) -> list[dict]:
    with assets.path(*parts).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _merge_lists(langs: list[dict], name: str) -> list[str]:
    out: list[str] = []
    for lang in langs:
        out.extend(lang.get(name, []))
    return out


def _numbered(langs: list[dict], name: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for lang in langs:
        for number, words in lang.get(name, {}).items():
            for w in words if isinstance(words, list) else [words]:
                out[normalise_word(w)] = int(number)
    return out


def _ends(raw: dict, zone_parent: dict[str, str]) -> tuple[tuple[str, date | None], ...]:
    ends: dict[str, date | None] = {}
    for c in raw.get("coverage", []):
        top = zone_parent.get(c["zone"], c["zone"])
        end = date.fromisoformat(c["end"]) if c.get("end") else None
        if top not in ends or (ends[top] is not None and (end is None or end > ends[top])):
            ends[top] = end
    return tuple(sorted(ends.items()))


def _days(raw: dict) -> tuple[date, ...]:
    values = [raw.get("signed"), raw.get("effective"), *raw.get("held", [])]
    return tuple(sorted({date.fromisoformat(v) for v in values if v}))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Build the lexicon once per process (about 50 ms); later calls are free."""
    langs = [_read_json("lexicon", f"{code}.json") for code in LANGUAGE_FILES]
    registry = _read_json("registry", "agreements.json")
    zones = _read_json("registry", "zones.json")["zones"]
    zone_parent = {z["id"]: (z.get("parent") or z["id"]) for z in zones}
    places_rows = _read_csv("gazetteer", "places.csv")
    towns_rows = _read_csv("gazetteer", "syria_towns.csv")

    table: dict[str, list[tuple[int, Entry]]] = {}

    def add(word: str, entry_kw: dict) -> None:
        zone = entry_kw.get("zone", "")
        entry = Entry(**entry_kw, top=zone_parent.get(zone, zone))
        for key, proclitics in _keys(word):
            slot = table.setdefault(key, [])
            if (proclitics, entry) not in slot:
                slot.append((proclitics, entry))

    heads = {normalise_word(w) for w in _merge_lists(langs, "agreement_heads")}
    anaphors = {normalise_word(w) for w in _merge_lists(langs, "anaphoric_heads")}
    weak = set(_merge_lists(langs, "weak_places"))

    # Places that identify a zone, and hard negatives.
    places: dict[str, dict] = {}
    for row in places_rows:
        places[row["id"]] = row
        names = [
            row["name_en"],
            row["name_ar"],
            *row["variants_en"].split("|"),
            *row["variants_ar"].split("|"),
        ]
        for name in filter(None, (n.strip() for n in names)):
            add(
                name,
                dict(
                    layer=ENTITY,
                    kind="place",
                    ident=row["id"],
                    zone=row["zone"],
                    weak=row["id"] in weak,
                ),
            )
    stop_places = {normalise_word(w) for w in _merge_lists(langs, "stop_places")}
    for row in towns_rows:
        places[row["id"]] = {**row, "zone": ""}
        for name in filter(None, [row["name_en"], row["name_ar"]]):
            if normalise_word(name) in stop_places or len(normalise_word(name)) < 3:
                continue
            add(name, dict(layer=ENTITY, kind="place", ident=row["id"], zone=""))

    # Zone words that, inside an agreement's name ("هدنة الغوطة", "southwest truce"), name its zone.
    zone_words: dict[str, str] = {}
    for lang in langs:
        for zone, words in lang.get("zone_name_words", {}).items():
            for w in words:
                zone_words[" ".join(scan_form(normalise_word(w)).split())] = zone
    # Agreements of the registry, by name and alias.
    agreements: dict[str, AgreementInfo] = {}
    rounds: dict[int, str] = {}
    for raw in registry["agreements"]:
        covered = frozenset(zone_parent.get(c["zone"], c["zone"]) for c in raw.get("coverage", []))
        info = AgreementInfo(
            id=raw["id"],
            kind=raw.get("kind", ""),
            parties=frozenset(raw.get("parties", [])),
            zones=covered,
            round=raw.get("round"),
            days=_days(raw),
            ends=_ends(raw, zone_parent),
            scope=raw.get("scope") or "",
        )
        agreements[info.id] = info
        if info.round is not None:
            rounds[info.round] = info.id
        names = [*raw.get("aliases", {}).get("en", []), *raw.get("aliases", {}).get("ar", [])]
        if info.round is None:
            names += [raw["name"]["en"], raw["name"]["ar"]]
        for name in names:
            generic = normalise_word(name) in heads | anaphors
            named = _named_zone(name, zone_words) if len(covered) == 1 else ""
            add(
                name,
                dict(layer=ENTITY, kind="agreement", ident=info.id, generic=generic, zone=named),
            )

    for lang in langs:
        for party, names in lang.get("parties", {}).items():
            for name in names:
                add(name, dict(layer=ENTITY, kind="party", ident=party))
        for party, names in lang.get("party_adjectives", {}).items():
            for name in names:
                add(name, dict(layer=CUE, kind="partyadj", ident=party))
        for surface, zone in lang.get("zone_contexts", {}).items():
            add(surface, dict(layer=ENTITY, kind="ctxzone", ident=zone, zone=zone))
        for relation, words in lang.get("relation_triggers", {}).items():
            for w in words:
                add(w, dict(layer=CUE, kind="trigger", ident=relation))
        for name, kind, layer in (
            ("zone_terms", "zoneterm", ENTITY),
            ("not_agreements", "notagreement", ENTITY),
            ("unknown_agreements", "unknownagreement", ENTITY),
            ("agreement_heads", "head", CUE),
            ("anaphoric_heads", "anaphor", CUE),
            ("enumeration_heads", "enumhead", CUE),
            ("current_round", "current_round", CUE),
            ("surrender_words", "surrender", CUE),
            ("amman_cues", "amman_cue", CUE),
            ("oman_cues", "oman_cue", CUE),
            ("detached", "detached", CUE),
            ("carryover", "carryover", CUE),
            ("zone_anaphors", "zoneanaphor", CUE),
        ):
            for w in lang.get(name, []):
                add(w, dict(layer=layer, kind=kind, ident=""))
        for venue, names in lang.get("venues", {}).items():
            for name in names:
                add(name, dict(layer=CUE, kind="venue", ident=venue))
        for w in lang.get("nationwide", []):
            add(w, dict(layer=CUE, kind="nationwide", ident=""))
        for w in lang.get("clause_breaks", []):
            add(w, dict(layer=CUE, kind="clause_break", ident=""))
        for w in lang.get("sponsor_cues", []):
            add(w, dict(layer=CUE, kind="sponsor", ident=""))
        for w in lang.get("enumeration_items", []):
            add(w, dict(layer=CUE, kind="enumitem", ident=""))
        # Words around which a date or an Astana round may be written: the date and round
        # grammars are tried only near them (a regex tried at every position is too slow).
        date_cores = [
            (w, key)
            for key in ("months", "weekdays", "ordinals")
            for words in lang.get(key, {}).values()
            for w in words
        ]
        date_cores += [(w, "relative_days") for w in lang.get("relative_days", {})]
        date_cores += [(w, "year_words") for w in [*lang.get("year_words", []), "year"]]
        date_cores += [(w, "day_word") for w in [*lang.get("day_word", []), "day"]]
        for w, key in date_cores:
            add(w, dict(layer=CUE, kind="datecore", ident=key))
        for w in lang.get("astana", []):
            add(w, dict(layer=CUE, kind="roundcore", ident="astana"))
        for w in ["round", "rounds", "جولة", "الجولة", "جولات", "جولته", "جولتها"]:
            add(w, dict(layer=CUE, kind="roundcore", ident="round"))

    automaton = ahocorasick.Automaton()
    for key, readings in table.items():
        # Readings grouped by where the name starts (after its proclitics), split by layer.
        groups: dict[int, tuple[list[Entry], list[Entry]]] = {}
        for proclitics, entry in readings:
            ent, cue = groups.setdefault(proclitics, ([], []))
            (cue if entry.layer == CUE else ent).append(entry)
        # ((length of the name, entity readings, kind of the first), ...) and
        # ((length of the name, kind, (cue reading,)), ...): flat, for the recogniser's hot loop
        value = (
            tuple(
                (len(key) - 2 - p, tuple(ent), ent[0].kind)
                for p, (ent, _cue) in groups.items()
                if ent
            ),
            tuple(
                (len(key) - 2 - p, e.kind, (e,)) for p, (_ent, cue) in groups.items() for e in cue
            ),
        )
        automaton.add_word(key, value)
    automaton.make_automaton()

    words = {
        name: sorted({normalise_word(w) for w in _merge_lists(langs, name)}, key=len, reverse=True)
        for name in (
            "past",
            "next",
            "current",
            "same",
            "same_prefix",
            "month_modifiers",
            "astana",
            "round_words",
            "agreement_heads",
            "anaphoric_heads",
            "future_cues",
        )
    }
    roman = {}
    for lang in langs:
        for number, numeral in lang.get("roman", {}).items():
            roman[numeral] = int(number)
    return Lexicon(
        automaton=automaton,
        months=_numbered(langs, "months"),
        weekdays=_numbered(langs, "weekdays"),
        ordinals=_numbered(langs, "ordinals"),
        cardinals=_numbered(langs, "cardinals"),
        roman=roman,
        relative_days={
            normalise_word(k): v for lang in langs for k, v in lang.get("relative_days", {}).items()
        },
        bare_relative_days=frozenset(
            normalise_word(w) for w in _merge_lists(langs, "bare_relative_days")
        ),
        words=words,
        zone_parent=zone_parent,
        places=places,
        agreements=agreements,
        rounds=rounds,
        abbreviations=frozenset(_merge_lists(langs, "sentence_abbreviations")),
        talks=frozenset(a.id for a in agreements.values() if a.kind == "talks"),
        nationwide=frozenset(a.id for a in agreements.values() if a.scope == "nationwide"),
        venues={
            venue: tuple(i for i in ids if i in agreements)
            for venue, ids in _read_json("lexicon", "venues.json")["agreements"].items()
        },
    )
