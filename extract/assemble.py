"""The extraction contract's result from what was found: mentions and dates in offsets of the
original text (the normalised text drops harakat and quotes), links with their evidence."""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

from extract.model import DateFound, Extraction, Link, Mention

if TYPE_CHECKING:
    from extract.article import _Document
    from extract.item import Item
    from extract.link_context import RawLink

_CLOSING_QUOTES = frozenset('"\u201d\u00bb')
_SPAN = itemgetter(0, 1)


def assemble(
    doc: _Document,
    language: str,
    zones: list[Item],
    places: list[Item],
    parties: list[Item],
    agreements: list[Item],
    raw_links: list[RawLink],
) -> Extraction:
    """The contract's result: mentions and dates in original offsets, links with evidence."""
    norm, spans, dates, published = doc.norm, doc.spans, doc.dates, doc.published
    sentence_of = doc.sentence_of
    original = norm.original
    # (start, end, kind, id, sentence, note), sorted by span (a stable sort: ties in order found)
    rows: list[tuple[int, int, str, str | None, int, str | None]] = [
        (z.start, z.end, "zone", z.zone, z.sentence, None) for z in zones
    ]
    for items in (places, parties, agreements):
        rows += [(i.start, i.end, i.kind, i.id, i.sentence, i.note or None) for i in items]
    rows += [(d.start, d.end, "date", d.iso, sentence_of(d.start), None) for d in dates]
    if not norm.same_offsets:
        pairs = norm.spans([(r[0], r[1]) for r in rows])
        rows = [(s, e, *r[2:]) for (s, e), r in zip(pairs, rows, strict=True)]
    n_dates = len(dates)
    new = tuple.__new__
    found_dates = [
        new(DateFound, (original[s:e], iso, d.precision, s, e))
        for (s, e, _, iso, _, _), d in zip(rows[len(rows) - n_dates :], dates, strict=True)
    ]
    rows.sort(key=_SPAN)
    mentions = [new(Mention, (k, i, original[s:e], s, e, sn, n)) for s, e, k, i, sn, n in rows]
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
