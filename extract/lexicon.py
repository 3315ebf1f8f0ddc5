"""The extractor's knowledge, loaded once from ``assets/``: lexicons, gazetteer and registry.

All words live in data files (``assets/lexicon/<lang>.json`` under one key schema,
``assets/gazetteer/*.csv``, ``assets/registry/agreements.json``); this module only merges the
languages, normalises every entry with the same rules as the texts, and compiles them into one
Aho-Corasick automaton and a few word lists, so that one generic engine serves every language.
Loading is a sequence of named steps: places, agreements, the scanned words of each language,
the governorates' names, then the word lists the grammars read."""

from __future__ import annotations

import csv
import gc
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

import ahocorasick

import assets
from assets.registry import read_registry
from extract.agreement_info import AgreementInfo, agreement_info
from extract.keys import CUE, ENTITY, LAYERS, KeyTable, Proclitics, phrase_key, scan_form
from extract.normalise import normalise_word
from extract.record import Record
from extract.titles import title_variants
from extract.words import LanguageData

if TYPE_CHECKING:
    from extract.places import PlaceIndex, PlaceInfo

__all__ = ["scan_form", "ENTITY", "CUE", "Entry", "AgreementInfo", "Lexicon"]

LANGUAGE_FILES = ("ar", "en")
#: Keys whose words the grammars and rules read from ``Lexicon.words`` (longest first).
LISTED = (
    "past",
    "next",
    "current",
    "same",
    "same_prefix",
    "of_it",
    "this_month_words",
    "month_modifiers",
    "future_cues",
    "onward_words",
    "time_of_day_words",
    "onset_cues",
    "anniversary_words",
    "lapsed_plan_words",
    "settled_cues",
    # the date grammar's words (extract/dates/grammar.py)
    "month_word",
    "year_words",
    "ago_words",
    "following_year",
    "anniversary_days",
    "year_units",
    "dual_years",
    "day_word",
    "of",
    "count_event_prepositions",
    "date_prepositions",
    "ordinal_day_prefixes",
    "day_parts",
    "dual_day_prefixes",
    "ordinal_suffixes",
    "range_joiners",
    "next_day",
    "previous_day",
    "days_later",
    "days_earlier",
    "days_ago",
    "two_days",
    "that_words",
    "signing_words",
    "months_needing_support",
    "weekdays_needing_support",
    "astana",
    "round_words",
    "round_nouns",
    "round_not_after",
    "round_glue",
    "period_openers",
    "articles",
    "possessive_determiners",
    "indefinite_articles",
    "agreement_heads",
    "demonstratives",
    "complement_markers",
    "act_prepositions",
    "topic_words",
    "relative_pronouns",
    "clause_participles",
    "sponsor_pronouns",
    "venue_prepositions",
    "negations",
    "only_particles",
    "deferral_words",
    "territory_nouns",
    "partial_words",
    "agreement_joiners",
    "yes_answers",
    "no_answers",
    "answer_labels",
    "plural_heads",
    "construct_plural_heads",
    "current_round",
    "referent_links",
    "adjective_joiners",
    "adjective_lead_ins",
    "direction_words",
    "compass_words",
    "place_prepositions",
    "movement_prepositions",
    "list_joiners",
    "object_fillers",
    "date_links",
    "zone_terms",
    "current_qualifiers",
    "new_words",
    "renewal_words",
    "comparison_prepositions",
    "comparison_openers",
    "comparison_sentence_openers",
    "partitive_words",
    "apposition_partitives",
    "distributive_words",
    "boundary_words",
    "list_labels",
    "deadline_words",
    "dual_heads",
    "ended_actions",
    "removed_objects",
    "agreeing_phrases",
    "clause_openers",
)


@dataclass(frozen=True)
class Entry(Record):
    """What a matched key means: one reading (a key can have several, e.g. عمان)."""

    layer: int
    kind: str
    ident: str
    zone: str = ""
    weak: bool = False
    generic: bool = False
    #: the top-level zone of ``zone`` (a finer area counts as its parent)
    top: str = ""
    #: how the reading was chosen, where the reader should know ("assumed: the best known of 3
    #: places so named")
    note: str = ""


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
    #: anniversary day -> years back ("في مثل هذا اليوم قبل عامين")
    years_ago: dict[str, int]
    words: dict[str, list[str]]
    #: the same lists as sets, for membership (built once, not once per article)
    word_sets: dict[str, frozenset[str]]
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
    #: schema keys that loading did not read (kept empty by a test)
    unread_keys: tuple[str, ...] = ()
    #: the imported gazetteer this lexicon was built with (None: shipped gazetteers only)
    gazetteer: PlaceIndex | None = None
    #: every known place (shipped and imported) by id, for homonym resolution
    place_info: dict[str, PlaceInfo] = field(default_factory=dict)
    #: Latin skeleton key -> place ids (only with an imported gazetteer)
    latin_places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Latin name as written (``extract.places.simple_key``) -> place ids
    latin_exact: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the one reading of each imported place, by id
    place_entries: dict[str, Entry] = field(default_factory=dict)
    #: the sentence-scoped cue words (``keys.sentence_scoped``), read where they are needed
    scoped_automaton: ahocorasick.Automaton | None = None
    #: agreement noun (matching form) -> the registry kinds it can name ("truce": truce, ceasefire)
    head_kinds: dict[str, frozenset[str]] = field(default_factory=dict)
    #: regex start of a word, a one-letter proclitic allowed before it (``Proclitics``)
    word_start: str = r"(?<!\w)"
    #: the one-letter proclitics (و ف ب ل ك) that may be glued to any word
    proclitic_letters: frozenset[str] = frozenset()
    #: the article when glued to its word (Arabic ال), from ``glued_articles``
    glued_articles: tuple[str, ...] = ()


def _named_zone(name: str, zone_words: dict[str, str]) -> str:
    """The zone a name spells out, if one of its words (or word pairs) is a zone word."""
    tokens = scan_form(normalise_word(name)).split()
    for i, tok in enumerate(tokens):
        for candidate in (tok, tok[1:] if tok[:1] in "وبلف" else tok, " ".join(tokens[i : i + 2])):
            if candidate in zone_words:
                return zone_words[candidate]
    return ""


def _read_csv(*parts: str) -> list[dict]:
    with assets.path(*parts).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _head_kinds(data: LanguageData) -> dict[str, frozenset[str]]:
    """Agreement noun -> the registry kinds it can name, every language merged."""
    kinds: dict[str, set[str]] = {}
    for kind, words in data.groups("head_kinds"):
        for w in words:
            kinds.setdefault(phrase_key(w), set()).add(kind)
    return {w: frozenset(k) for w, k in kinds.items()}


def _proclitics(data: LanguageData) -> Proclitics:
    """The glued proclitics of every language, by the form of the word they attach to."""
    groups: dict[str, list[str]] = {}
    for form, letters in data.groups("proclitics"):
        groups.setdefault(form, []).extend(normalise_word(p) for p in letters)
    return Proclitics(
        bare=("", *groups.get("bare", ())),
        article=("", *groups.get("article", ())),
        contracted=tuple(groups.get("contracted", ())),
        articles=tuple(data.words("glued_articles")),
    )


def _add_places(table: KeyTable, data: LanguageData) -> dict[str, dict]:
    """Places that identify a zone, hard negatives, and the secondary list of Syrian towns."""
    weak = set(data.raw("weak_places"))
    places: dict[str, dict] = {}
    for row in _read_csv("gazetteer", "places.csv"):
        places[row["id"]] = row
        names = [
            row["name_en"],
            row["name_ar"],
            *row["variants_en"].split("|"),
            *row["variants_ar"].split("|"),
        ]
        for name in filter(None, (n.strip() for n in names)):
            table.add(
                name,
                layer=ENTITY,
                kind="place",
                ident=row["id"],
                zone=row["zone"],
                weak=row["id"] in weak,
            )
    stop_places = set(data.words("stop_places"))
    for row in _read_csv("gazetteer", "syria_towns.csv"):
        places[row["id"]] = {**row, "zone": ""}
        for name in filter(None, [row["name_en"], row["name_ar"]]):
            if normalise_word(name) in stop_places or len(normalise_word(name)) < 3:
                continue
            table.add(name, layer=ENTITY, kind="place", ident=row["id"], zone="")
    return places


def _add_agreements(
    table: KeyTable, data: LanguageData, zone_parent: dict[str, str]
) -> tuple[dict[str, AgreementInfo], dict[int, str]]:
    """Agreements of the registry, by name and alias. A name that is itself a generic head
    ("the memorandum") is marked generic; a name that spells out the one zone the agreement
    covers ("هدنة الغوطة", "southwest truce") carries that zone."""
    generic_names = set(data.words("agreement_heads")) | set(data.words("anaphoric_heads"))
    zone_words = {
        phrase_key(w): zone for zone, words in data.groups("zone_name_words") for w in words
    }
    agreements: dict[str, AgreementInfo] = {}
    rounds: dict[int, str] = {}
    nouns = [w for kind, words in data.groups("head_kinds") if kind == "memorandum" for w in words]
    nouns, links = [normalise_word(w) for w in nouns], data.words("title_links")
    for record in read_registry().agreements:
        info = agreement_info(record, zone_parent)
        agreements[info.id] = info
        if info.round is not None:
            rounds[info.round] = info.id
        names = [*record.aliases_en, *record.aliases_ar]
        if info.round is None:
            names += [record.name_en, record.name_ar]
        for name in names:
            reading = dict(
                layer=ENTITY,
                kind="agreement",
                ident=info.id,
                generic=normalise_word(name) in generic_names,
                zone=_named_zone(name, zone_words) if len(info.zones) == 1 else "",
            )
            table.add(name, **reading)
            for variant in title_variants(normalise_word(name), nouns, links):
                table.add(variant, **reading)
    return agreements, rounds


def _add_scanned_words(table: KeyTable, data: LanguageData) -> None:
    """Every word of a key the schema marks as scanned, language by language and key by key in
    schema order, with the layer, kind and ident the schema gives (ident null: the group id or
    the label; a label is also the zone of the reading)."""
    scanned = [(spec, spec.scan) for spec in data.schema.values() if spec.scan]
    for index in range(len(data.langs)):
        for spec, (layer, kind, ident) in scanned:
            for word, label in data.surfaces(index, spec):
                reading = dict(
                    layer=LAYERS[layer], kind=kind, ident=label if ident is None else ident
                )
                if spec.shape == "labels":
                    reading["zone"] = label
                table.add(word, **reading)


@lru_cache(maxsize=4)
def load_lexicon(gazetteer: PlaceIndex | None = None) -> Lexicon:
    """Build the lexicon once per process and gazetteer (about 50 ms without one); later calls
    are free. An imported gazetteer's Arabic names join the one automaton (``extract.places``).
    A gazetteer that comes with the lexicon built for it (restored from a cache by the caller:
    building one for 10,000 places takes seconds) hands that one back.

    The lexicon and the gazetteer live as long as the process, so they are frozen out of the
    cyclic garbage collector's sight (``gc.freeze``): otherwise every full collection walks
    their millions of objects again (4% of extraction time with a 10,600-place gazetteer)."""
    prebuilt = getattr(gazetteer, "lexicon", None)
    if isinstance(prebuilt, Lexicon) and prebuilt.gazetteer is gazetteer:
        lexicon = prebuilt
    else:
        lexicon = _build_lexicon(gazetteer)
    gc.freeze()
    return lexicon


def _build_lexicon(gazetteer: PlaceIndex | None) -> Lexicon:
    from extract.place_lexicon import add_governorates, with_gazetteer

    data = LanguageData.load(LANGUAGE_FILES)
    zone_parent = {z.id: z.top for z in read_registry().zones.values()}

    def entry(**reading) -> Entry:
        zone = reading.get("zone", "")
        return Entry(**reading, top=zone_parent.get(zone, zone))

    proclitics = _proclitics(data)
    table = KeyTable(entry, proclitics=proclitics)
    places = _add_places(table, data)
    agreements, rounds = _add_agreements(table, data, zone_parent)
    _add_scanned_words(table, data)
    add_governorates(table)
    gazetteer_fields = with_gazetteer(table, gazetteer, entry)
    words = {name: data.by_length(name) for name in LISTED}
    head_kinds = _head_kinds(data)
    automaton, scoped_automaton = table.compile()
    return Lexicon(
        automaton=automaton,
        scoped_automaton=scoped_automaton,
        months=data.numbered("months"),
        weekdays=data.numbered("weekdays"),
        ordinals=data.numbered("ordinals"),
        cardinals=data.numbered("cardinals"),
        roman=data.numbered("roman"),
        relative_days=data.offsets("relative_days"),
        years_ago=data.offsets("years_ago"),
        bare_relative_days=frozenset(data.words("bare_relative_days")),
        words=words,
        word_sets={name: frozenset(listed) for name, listed in words.items()},
        zone_parent=zone_parent,
        places=places,
        agreements=agreements,
        rounds=rounds,
        abbreviations=frozenset(data.raw("sentence_abbreviations")),
        talks=frozenset(a.id for a in agreements.values() if a.kind == "talks"),
        nationwide=frozenset(a.id for a in agreements.values() if a.scope == "nationwide"),
        venues={
            venue: tuple(i for i in ids if i in agreements)
            for venue, ids in assets.read_json("lexicon", "venues.json")["agreements"].items()
        },
        unread_keys=tuple(data.unread()),
        head_kinds=head_kinds,
        word_start=proclitics.word_start(),
        proclitic_letters=proclitics.letters,
        glued_articles=proclitics.articles,
        **gazetteer_fields,
    )
