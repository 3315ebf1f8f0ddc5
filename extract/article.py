"""``extract_article``: one article's text in, its zones, agreements, coverage links and dates out."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime
from operator import attrgetter

from extract.dates import find_dates
from extract.language import LANGUAGES, detect_language
from extract.lexicon import Lexicon, load_lexicon
from extract.model import DateFound, Extraction, Link, Mention
from extract.normalise import normalise
from extract.recognise import Match, scan
from extract.relate import link_sentences
from extract.resolve import Item, choose_alias, dated_rounds, resolve_heads, round_items
from extract.rounds import find_rounds
from extract.segment import sentence_spans

#: Entity kinds that make a sentence about agreements and zones (context for weak place names).
_CONTEXT_ENTITIES = {"agreement", "zoneterm"}
_log = logging.getLogger(__name__)
_START = attrgetter("start")
_START_END = attrgetter("start", "end")
#: After a region word, these make it a direction ("the south of Idlib", "the south-east of ...").
_OF = (" of ", " من ", "-east", "-west", " east", " west", "east", "west")
_CLOSING_QUOTES = frozenset('"\u201d\u00bb')
#: Inside an agreement's name, a preposition before its zone word says where it applies.
_STATES_WHERE = re.compile(r" (?:in|on|for|في|على) ")
_CONTEXT_CUES = {"head", "anaphor", "enumhead", "enumitem", "current_round"}


def _parse_published(published: date | datetime | str | None) -> date | None:
    """The publication date as a ``date``; None for None or an unreadable string."""
    if published is None or published == "":
        return None
    if isinstance(published, datetime):
        return published.date()
    if isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def extract_article(
    text: str, published: date | str | None = None, lang: str = "auto"
) -> Extraction:
    """Read one article. Pure and fast; never raises on a str (an unreadable ``published`` is
    treated as unknown, so relative dates stay unresolved)."""
    day = _parse_published(published)
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    language = lang if lang in LANGUAGES else detect_language(text)
    try:
        return _extract(text, day, language, load_lexicon())
    except (
        Exception
    ):  # one odd article must not stop a run over a million (tests keep this path cold)
        _log.exception("extraction failed; returning an empty result (%d characters)", len(text))
        return Extraction(language=language, published=day.isoformat() if day else None)


def _extract(text: str, published: date | None, language: str, lex: Lexicon) -> Extraction:
    norm = normalise(text)
    ntext = norm.text
    spans = sentence_spans(ntext, lex.abbreviations)
    starts = [s for s, _ in spans]

    owner = _sentence_owner(len(ntext), starts)
    sentence_of = owner.__getitem__  # every position asked about is inside the text

    entities, cue_by_kind = scan(ntext, lex)
    flat = ntext.replace("\n", " ")  # dates and rounds never end a sentence; same offsets
    dates = find_dates(flat, lex, published, cue_by_kind.get("datecore", []))
    rounds = find_rounds(flat, lex, cue_by_kind.get("roundcore", []))
    # A sentence speaks of agreements or zones if it names one or uses their vocabulary.
    context: set[int] = set()
    for m in entities:
        if m.kind in _CONTEXT_ENTITIES:
            context.add(sentence_of(m.start))
    for kind in _CONTEXT_CUES:
        for c in cue_by_kind.get(kind, []):
            context.add(sentence_of(c.start))
    for r in rounds:
        context.add(sentence_of(r.start))

    zones, places, parties, blocked = _places(
        ntext, entities, cue_by_kind, context, lex, sentence_of
    )
    known = round_items(rounds, lex, published, sentence_of)
    known += dated_rounds(cue_by_kind.get("roundcore", []), known, dates, lex, sentence_of)
    round_spans = [(i.start, i.end) for i in known]
    generic_aliases: list[Match] = []
    named_zones: list[Item] = []
    stated_zones: list[Item] = []
    zone_spans = [(z.start, z.end) for z in zones]
    for m in entities:
        if m.kind != "agreement" or (
            round_spans and any(m.start < e and s < m.end for s, e in round_spans)
        ):
            continue
        entry = m.entries[0]
        if (
            len(m.entries) > 1 and len({e.ident for e in m.entries}) > 1
        ):  # "the Cairo truce": Ghouta's or northern Homs's
            entry = choose_alias(m, zones, dates, lex, published, sentence_of)
        if entry.generic:
            generic_aliases.append(m)
            continue
        known.append(Item("agreement", entry.ident, m.start, m.end, sentence_of(m.start)))
        if entry.zone and not _covered(m, zone_spans):
            # "هدنة الغوطة": the name speaks of the zone, but states no link, unless it says
            # where it applies ("the memorandum on ... in the Idlib de-escalation area")
            item = Item("zone", entry.zone, m.start, m.end, sentence_of(m.start), entry.zone)
            named_zones.append(item)
            if _STATES_WHERE.search(ntext, m.start, m.end):
                stated_zones.append(item)
    for m in entities:
        if m.kind == "unknownagreement":  # "a surrender deal", "هدنة إنسانية": not in the registry
            known.append(Item("agreement", None, m.start, m.end, sentence_of(m.start)))
            blocked.append((m.start, m.end))
    heads = cue_by_kind.get("head", [])
    if blocked:
        heads = [h for h in heads if not _covered(h, blocked)]
    resolved = resolve_heads(
        ntext,
        heads,
        cue_by_kind.get("anaphor", []),
        cue_by_kind.get("partyadj", []),
        cue_by_kind.get("surrender", []),
        known,
        zones,
        dates,
        lex,
        published,
        sentence_of,
        venues=cue_by_kind.get("venue", []),
        nationwide=cue_by_kind.get("nationwide", []),
        sponsors=cue_by_kind.get("sponsor", []),
        party_items=parties,
    )
    agreements = sorted(known + resolved, key=_START)
    in_date = bytearray(len(ntext) + 1)
    for d in dates:
        in_date[d.start : d.end] = b"\x01" * (d.end - d.start)
    triggers = [t for t in cue_by_kind.get("trigger", []) if not in_date[t.start]]
    raw_links = link_sentences(
        len(spans),
        agreements,
        sorted(
            zones
            + stated_zones
            + _zone_anaphors(cue_by_kind.get("zoneanaphor", []), zones, sentence_of),
            key=_START,
        ),
        triggers,
        cue_by_kind.get("enumhead", []),
        cue_by_kind.get("enumitem", []),
        dates,
        cue_by_kind.get("detached", []),
        sentence_of,
        lex.talks,
        cue_by_kind.get("clause_break", []),
        lex.nationwide,
        [m for m in entities if m.kind == "zoneterm"] + cue_by_kind.get("carryover", []),
        lex.agreements,
    )
    zones = sorted(zones + named_zones, key=_START)
    return _assemble(
        norm,
        spans,
        language,
        published,
        zones,
        places,
        parties,
        agreements,
        dates,
        raw_links,
        sentence_of,
        lex,
    )


def _zone_anaphors(cues: list[Match], zones: list[Item], sentence_of) -> list[Item]:
    """Zones that "the enclave", "it was one of ..." refer to: the one zone the sentence before
    names, when the anaphor's own sentence names none (for links only, not reported)."""
    if not cues:
        return []
    named: dict[int, set[str]] = {}
    for z in zones:
        named.setdefault(z.sentence, set()).add(z.zone)
    out = []
    for c in cues:
        s = sentence_of(c.start)
        before = named.get(s - 1)
        if s in named or not before or len(before) != 1:
            continue
        zone = next(iter(before))
        out.append(Item("zone", zone, c.start, c.end, s, zone))
        named[s] = {zone}  # "It was one of four zones ... A truce ... applied to the enclave"
    return out


def _covered(m, spans: list[tuple[int, int]]) -> bool:
    return any(m.start < e and s < m.end for s, e in spans)


def _sentence_owner(length: int, starts: list[int]):
    """For each character of the normalised text, the index of its sentence (the preceding one
    for characters between sentences): bytes while the indices fit in a byte (C-speed build)."""
    if not starts:
        return bytes(length + 1)
    ends = starts[1:] + [length + 1]
    if len(starts) < 256:
        head = bytes(starts[0])
        return head + b"".join(
            [bytes((i,)) * (e - s) for i, (s, e) in enumerate(zip(starts, ends, strict=True))]
        )
    owner = [0] * (length + 1)
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        owner[start:end] = [i] * (end - start)
    return owner


def _places(
    ntext: str, entities: list[Match], cue_by_kind, context: set[int], lex: Lexicon, sentence_of
):
    """Zone mentions (validated), other place mentions, party mentions, and blocked spans."""
    zones: list[Item] = []
    places: list[Item] = []
    parties: list[Item] = []
    blocked: list[tuple[int, int]] = []
    pending_weak: list[Item] = []
    strong_by_sentence: dict[int, set[str]] = {}
    amman = {sentence_of(c.start) for c in cue_by_kind.get("amman_cue", [])}
    oman = {sentence_of(c.start) for c in cue_by_kind.get("oman_cue", [])}
    previous: Match | None = None
    for m in entities:
        prev, previous = previous, m
        s = sentence_of(m.start)
        kind = m.kind
        if kind == "party":
            parties.append(Item("party", m.entries[0].ident, m.start, m.end, s))
        elif kind == "notagreement":
            blocked.append((m.start, m.end))
        elif kind == "ctxzone":
            after_other_place = (
                prev is not None and prev.kind == "place" and m.start - prev.end <= 5
            )
            prev_entries = prev.entries if prev is not None else ()
            zone = m.entries[0].zone
            # "the south of Idlib", "the south-east" are directions; "داريا في ريف دمشق" locates another place
            if (
                zone
                and not ntext.startswith(_OF, m.end)
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
            if entry.weak or ambiguous:
                pending_weak.append(item)
            else:
                zones.append(item)
                strong_by_sentence.setdefault(s, set()).add(top)
    for item in pending_weak:
        # weak names count where the sentence speaks of agreements or zones, or lists other zones
        if item.sentence in context or item.sentence in strong_by_sentence:
            zones.append(item)
    zones.sort(key=_START)
    return zones, places, parties, blocked


def _choose_between(entries, sentence: int, amman: set[int], oman: set[int]) -> str:
    """عمان is Amman or Oman: Oman only with an Omani cue in the sentence."""
    ids = [e.ident for e in entries]
    if "oman" in ids and "amman" in ids:
        return "oman" if sentence in oman and sentence not in amman else "amman"
    return ids[0]


def _assemble(
    norm,
    spans,
    language,
    published,
    zones,
    places,
    parties,
    agreements,
    dates,
    raw_links,
    sentence_of,
    lex,
) -> Extraction:
    original = norm.original
    # (start, end, order, kind, id, sentence): sorts like the contract wants, ties in order found
    rows = [(z.start, z.end, 0, "zone", z.zone, z.sentence) for z in zones]
    for items in (places, parties, agreements):
        rows += [(i.start, i.end, 0, i.kind, i.id, i.sentence) for i in items]
    rows += [(d.start, d.end, 0, "date", d.iso, sentence_of(d.start)) for d in dates]
    pairs = norm.spans([(r[0], r[1]) for r in rows])
    rows = [(s, e, n, *r[3:]) for n, ((s, e), r) in enumerate(zip(pairs, rows, strict=True))]
    n_dates = len(dates)
    new = tuple.__new__
    found_dates = [
        new(DateFound, (original[s:e], iso, d.precision, s, e))
        for (s, e, _, _, iso, _), d in zip(rows[len(rows) - n_dates :], dates, strict=True)
    ]
    rows.sort()
    mentions = [new(Mention, (k, i, original[s:e], s, e, sn)) for s, e, _, k, i, sn in rows]
    links: list[Link] = []
    sentence_spans_ = norm.spans(
        [spans[r.sentence] if r.sentence < len(spans) else (0, 0) for r in raw_links]
    )
    for r, (s, e) in zip(raw_links, sentence_spans_, strict=True):
        if r.sentence >= len(spans):
            s = e = 0
        while e < len(original) and original[e] in _CLOSING_QUOTES:  # dropped for matching only
            e += 1
        links.append(
            Link(
                r.agreement,
                r.zone,
                r.relation,
                r.date.iso if r.date else None,
                r.sentence,
                original[s:e],
                s,
                e,
            )
        )
    return Extraction(
        language=language,
        published=published.isoformat() if published else None,
        zones=sorted({z.zone for z in zones}),
        agreements=sorted({a.id for a in agreements if a.id}),
        coverage=links,
        dates=found_dates,
        mentions=mentions,
    )
