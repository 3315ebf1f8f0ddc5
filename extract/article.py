"""``extract_article``: one article's text in, its zones, agreements, coverage links and dates out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from extract.answers import answer_links, topic_links
from extract.assemble import assemble
from extract.collector import PausedCollector
from extract.comparison_phrase import comparison_phrases
from extract.control import find_control
from extract.dates import DateMention, agreement_hints, find_dates
from extract.dates.calendar import published_day
from extract.furniture import page_furniture
from extract.heads import zones_by_sentence
from extract.item import Item
from extract.keys import alternation
from extract.language import LANGUAGES, detect_language
from extract.lexicon import Lexicon, load_lexicon
from extract.link_context import negated
from extract.long_text import LONG_TEXT_CHARS, read_in_pieces
from extract.model import Extraction
from extract.movement import compared, endpoints
from extract.named import named_agreements
from extract.normalise import Normalised, normalise
from extract.place_resolve import add_latin, listing_weak, resolve_homonyms
from extract.recognise import Match, scan, scan_text, scoped_cues
from extract.relate import link_sentences
from extract.resolve import HeadContext, resolve_heads
from extract.rounds import find_rounds, table_rounds
from extract.segment import (
    bare_lines,
    line_starts,
    list_lines,
    sentence_owner,
    sentence_spans,
    short_sentences,
)
from extract.zone_refs import zone_anaphors

if TYPE_CHECKING:
    from extract.places import PlaceIndex

#: Entity kinds that make a sentence about agreements and zones (context for weak place names).
_CONTEXT_ENTITIES = {"agreement", "zoneterm"}
_START = attrgetter("start")
_START_END = attrgetter("start", "end")
#: A region this close after another place locates it ("داريا في ريف دمشق"), not a zone.
LOCATED_PLACE_GAP = 5
_CONTEXT_CUES = {"head", "anaphor", "enumhead", "enumitem", "current_round"}
#: Cue kinds the linker reads as found (besides the relation words and the carriers).
_LINK_CUES = ["failure", "enumhead", "enumitem", "detached", "clause_break", "agreementpronoun"]
_LINK_CUES += ["agreementverb", "subjectverb"]


@lru_cache(maxsize=4)
def _direction(lex: Lexicon) -> re.Pattern:
    """After a region word, what makes it a direction: "the south of Idlib", "the south-east"
    (a direction word, or a compass word glued by a hyphen or a space)."""
    words = alternation(lex.words["direction_words"])
    compass = alternation(lex.words["compass_words"])
    return re.compile(rf" (?:{words}) |[ -](?:{compass})")


def extract_article(
    text: str,
    published: date | str | None = None,
    lang: str = "auto",
    gazetteer: PlaceIndex | None = None,
) -> Extraction:
    """Read one article. Pure and fast. A failure raises (a crash must not look like an article
    in which nothing was found); an unreadable ``published`` is treated as unknown, so relative
    dates stay unresolved. ``gazetteer``: an imported full gazetteer
    (``extract.places.PlaceIndex``), handed in by the caller. The cyclic garbage collector
    is paused meanwhile (``extract.collector``)."""
    with PausedCollector():
        return _read_article(text, published, lang, gazetteer)


def _read_article(
    text: str, published: date | str | None, lang: str, gazetteer: PlaceIndex | None
) -> Extraction:
    day = published_day(published)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    language = lang if lang in LANGUAGES else detect_language(text)
    lex = load_lexicon(gazetteer)
    if len(text) > LONG_TEXT_CHARS:  # a dump or an attack: read in pieces, in linear time
        iso = day.isoformat() if day else None
        return read_in_pieces(
            text,
            language,
            iso,
            lex.abbreviations,
            lambda piece: _extract(piece, day, language, lex),
        )
    return _extract(text, day, language, lex)


@dataclass(slots=True)
class _Document:
    """One article in matching form: its sentences, what the recogniser found, its dates and
    Astana rounds, and the sentences that speak of agreements or zones."""

    norm: Normalised
    spans: list[tuple[int, int]]
    sentence_of: Callable[[int], int]
    entities: list[Match]
    cues: dict[str, list[Match]]
    dates: list[DateMention]
    rounds: list
    context: set[int]
    published: date | None
    lex: Lexicon
    #: (start, end, place id, note) of imported places read inside a zone: reported as places too
    imported: list[tuple[int, int, str, str]]
    #: the text as the automata read it (``recognise.scan_text``)
    scanned: str
    #: (start, end) of the comparison phrases (``comparison_phrase``), in order
    phrases: list[tuple[int, int]]

    @classmethod
    def read(cls, text: str, published: date | None, lex: Lexicon) -> _Document:
        norm = normalise(text)
        ntext = norm.text
        spans = sentence_spans(ntext, lex.abbreviations)
        owner = sentence_owner(len(ntext), [s for s, _ in spans])
        sentence_of = owner.__getitem__  # every position asked about is inside the text
        scanned = scan_text(ntext)
        entities, cues = scan(scanned, lex)
        if lex.gazetteer is not None:
            entities = add_latin(norm, entities, lex)
        entities, imported = resolve_homonyms(
            ntext, entities, lex, sentence_of, cues.get("governorate", [])
        )
        flat = ntext.replace("\n", " ")  # rounds never end a sentence; same offsets
        rounds = find_rounds(flat, lex, cues.get("roundcore", []))
        rounds += table_rounds(ntext, lex)  # rows of a table of rounds
        about = agreement_hints(entities, rounds, lex, spans, sentence_of, cues, ntext)
        dates = find_dates(ntext, lex, published, cues.get("datecore", []), about)
        # A sentence speaks of agreements or zones if it names one or uses their vocabulary.
        context = {sentence_of(m.start) for m in entities if m.kind in _CONTEXT_ENTITIES}
        for kind in _CONTEXT_CUES:
            context.update(sentence_of(c.start) for c in cues.get(kind, []))
        context.update(sentence_of(r.start) for r in rounds)
        return cls(
            norm,
            spans,
            sentence_of,
            entities,
            cues,
            dates,
            rounds,
            context,
            published,
            lex,
            imported,
            scanned,
            comparison_phrases(
                ntext,
                cues.get("comparison_opener", []),
                cues.get("comparison_initial", []),
                lex.word_sets["relative_pronouns"],
            ),
        )

    @property
    def text(self) -> str:
        return self.norm.text


def _extract(text: str, published: date | None, language: str, lex: Lexicon) -> Extraction:
    doc = _Document.read(text, published, lex)
    zones, places, parties, blocked = _places(doc)
    _drop_foreign_venues(doc, places)
    places += [Item("place", i, s, e, doc.sentence_of(s), note=n) for s, e, i, n in doc.imported]
    named = named_agreements(doc, zones, parties, blocked)
    heads = doc.cues.get("head", [])
    if blocked:
        heads = [h for h in heads if not _covered(h, blocked)]
    moved = endpoints(doc.text, zones, doc.cues.get("movement", []), lex, doc.sentence_of)
    moved |= compared(doc.text, zones, doc.cues, lex, doc.sentence_of, doc.phrases)
    if "boundary" in doc.cues:  # "border", "الحدود": the first word of every boundary word
        moved |= endpoints(doc.text, zones, None, lex, doc.sentence_of, "boundary")
    linkable = [z for z in zones if (z.start, z.end) not in named.in_names | moved]
    ctx = HeadContext.build(
        doc.text,
        doc.cues,
        named.known,
        linkable,
        doc.dates,
        parties,
        lex,
        published,
        doc.sentence_of,
    )
    furniture = page_furniture(doc.text, doc.spans, doc.cues.get("navigation", []), doc.sentence_of)
    ctx.passing |= furniture  # "اقرأ أيضا: اتفاق سوتشي" is no antecedent
    kept = [z for z in zones if (z.start, z.end) not in named.in_names] if moved else []
    ctx.named_zones_in = zones_by_sentence(kept)  # compared ones say what "اتفاقي X وY" names
    ctx.bare = bare_lines(doc.text, doc.spans)  # headings between an anaphor and its name
    agreements = sorted(named.known + resolve_heads(ctx, heads), key=_START)
    # a name that only completes another ("the additional protocol to the Sochi memorandum") is
    # reported, but the agreement spoken of is the other one
    linking = [a for a in agreements if (a.start, a.end) not in ctx.complements]
    in_names = [z for z in zones if (z.start, z.end) in named.in_names] + named.named_zones
    raw_links = _links(doc, linking, linkable, named.stated_zones, named.known, furniture, in_names)
    zones = sorted(zones + named.named_zones, key=_START)
    result = assemble(doc, language, zones, places, parties, agreements, raw_links)
    # the control words' helpers are read only in the sentences that hold a control word
    scoped = scoped_cues(doc.scanned, doc.spans, doc.sentence_of, doc.cues, lex)
    result.control = find_control(
        doc.norm, doc.spans, doc.entities, doc.cues | scoped, doc.dates, doc.sentence_of
    )
    return result


def _links(
    doc: _Document,
    agreements: list[Item],
    zones: list[Item],
    stated: list[Item],
    named: list[Item],
    furniture: set[int],
    in_names: list[Item],
):
    """The coverage links, with the zone mentions, the zones agreement names state, and the
    zones that "the enclave" refers back to; a question's links are those its answer gives
    (``named``: the agreements named by name; ``furniture``: the sentences that are page
    furniture, whose zones state nothing: "Related: Idlib braces for ...")."""
    in_date = bytearray(len(doc.text) + 1)
    for d in doc.dates:
        in_date[d.start : d.end] = b"\x01" * (d.end - d.start)
    cues = doc.cues
    link_cues = {kind: cues.get(kind, []) for kind in _LINK_CUES}
    triggers = [t for t in cues.get("trigger", []) if not in_date[t.start]]
    failures, deferrals = cues.get("failure", []), cues.get("deferral", [])
    link_cues["trigger"] = negated(triggers, doc.text, doc.lex, failures, deferrals)
    link_cues["carrier"] = [m for m in doc.entities if m.kind == "zoneterm"]
    link_cues["carrier"] += cues.get("carryover", [])
    singular = cues.get("zoneanaphor", []) + cues.get("zonepronoun", [])
    back = zone_anaphors(
        cues.get("zoneanaphor", []),
        cues.get("zoneanaphors", []),
        [z for z in zones if z.sentence not in furniture] if furniture else zones,
        doc.sentence_of,
        cues.get("zonepronoun", []),
        short_sentences(doc.text, doc.spans) if singular else frozenset(),
        doc.text,
        doc.lex,
        in_names,  # "بعد اتفاق الغوطة الشرقية ... أدرجت المنطقتين": zones said in names count
    )
    linked = sorted((z for z in zones + stated + back if z.sentence not in furniture), key=_START)
    # list lines carry an enumeration on: only worth finding where a head opens one
    labels = doc.lex.word_sets["list_labels"]
    lines = list_lines(doc.text, doc.spans, labels) if cues.get("enumhead") else frozenset()
    starts = line_starts(doc.text, doc.spans)
    links = link_sentences(
        agreements,
        linked,
        link_cues,
        doc.dates,
        doc.sentence_of,
        doc.lex,
        doc.phrases,
        lines,
        starts,
        doc.text,
    )
    names = {(a.start, a.end) for a in named}
    asked, answered = answer_links(
        doc.text,
        doc.spans,
        agreements,
        linked,
        link_cues["trigger"],
        doc.lex,
        doc.sentence_of,
        names,
        cues.get("sponsor", []),
        cues.get("head", []) + cues.get("anaphor", []),
    )
    topics = topic_links(
        doc.text, doc.spans, agreements, linked, link_cues["trigger"], doc.lex, doc.sentence_of
    )
    return [k for k in links if k.sentence not in asked] + answered + topics


def _covered(m, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in spans)


def _places(doc: _Document):
    """Zone mentions (validated), other place mentions, party mentions, and blocked spans."""
    ntext, lex, sentence_of, cue_by_kind = doc.text, doc.lex, doc.sentence_of, doc.cues
    direction = _direction(lex)
    zones: list[Item] = []
    places: list[Item] = []
    parties: list[Item] = []
    blocked: list[tuple[int, int]] = []
    pending_weak: list[Item] = []
    strong_by_sentence: dict[int, set[str]] = {}
    amman = {sentence_of(c.start) for c in cue_by_kind.get("amman_cue", [])}
    oman = {sentence_of(c.start) for c in cue_by_kind.get("oman_cue", [])}
    # a sentence about shelling, sieges, aid or "the town of": a weak place name is a place there
    on_the_ground = {sentence_of(c.start) for c in cue_by_kind.get("placecue", [])}
    previous: Match | None = None
    for m in doc.entities:
        prev, previous = previous, m
        s = sentence_of(m.start)
        kind = m.kind
        if kind == "party":
            parties.append(Item("party", m.entries[0].ident, m.start, m.end, s))
        elif kind == "notagreement":
            blocked.append((m.start, m.end))
        elif kind == "ctxzone":
            after_other_place = (
                prev is not None
                and prev.kind == "place"
                and m.start - prev.end <= LOCATED_PLACE_GAP
                and ntext[prev.end : m.start].strip() not in lex.words["list_joiners"]
            )  # (not "في حمص ومحيط دمشق والجنوب": a list item, not a locator)
            prev_entries = prev.entries if prev is not None else ()
            zone = m.entries[0].zone
            # "the south of Idlib", "the south-east" are directions; "داريا في ريف دمشق" locates another place
            if (
                zone
                and not direction.match(ntext, m.end)
                and not (after_other_place and not any(e.zone for e in prev_entries))
            ):
                pending_weak.append(
                    Item("zone", zone, m.start, m.end, s, lex.zone_parent.get(zone, zone))
                )
        elif kind == "place":
            if len(m.entries) == 1:
                entry = m.entries[0]
                ambiguous = False
            else:
                entries = [e for e in m.entries if e.kind == "place"]
                zoned = {e.zone for e in entries}
                if not any(zoned):
                    places.append(
                        Item("place", _choose_between(entries, s, amman, oman), m.start, m.end, s)
                    )
                    continue
                entry = next(e for e in entries if e.zone)
                ambiguous = len(zoned) > 1
            if not entry.zone:
                places.append(Item("place", entry.ident, m.start, m.end, s))
                continue
            top = entry.top
            item = Item("zone", top, m.start, m.end, s, top)
            if (entry.weak or ambiguous) and s not in on_the_ground:
                pending_weak.append(item)
            else:
                zones.append(item)
                strong_by_sentence.setdefault(s, set()).add(top)
    listing = listing_weak(pending_weak)
    for item in pending_weak:
        # weak names count where the sentence speaks of agreements or zones, or lists other zones
        s = item.sentence
        if s in doc.context or s in strong_by_sentence or s in listing:
            zones.append(item)
    zones.sort(key=_START)
    return zones, places, parties, blocked


def _drop_foreign_venues(doc: _Document, places: list[Item]) -> None:
    """A venue word inside the name of another place ("عمان" in "سلطنة عمان", or read as Oman)
    is no venue of an agreement."""
    venues = doc.cues.get("venue")
    if venues and places:
        doc.cues["venue"] = [
            v
            for v in venues
            if not any(
                p.start <= v.start and v.end <= p.end and p.id != v.entries[0].ident for p in places
            )
        ]


def _choose_between(entries, sentence: int, amman: set[int], oman: set[int]) -> str:
    """عمان is Amman or Oman: Oman only with an Omani cue in the sentence."""
    ids = [e.ident for e in entries]
    if "oman" in ids and "amman" in ids:
        return "oman" if sentence in oman and sentence not in amman else "amman"
    return ids[0]
