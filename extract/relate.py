"""Coverage links: which agreement the text says covers (excludes, delineates, ends) which zone.

A link is stated by one sentence: each zone named in it is tied to the nearest agreement named
in it, and the relation is the trigger word nearest to the zone between them ("إخراج" excludes,
"رسم حدود" delineates, "retook" ends; covers otherwise). An enumeration ("ويشمل أربع مناطق هي:
أولا ... والمنطقة الثانية ...", "four zones: first ..., second ...") ties every zone it lists to
its agreement, also when the items run on into the following sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.dates import DateMention
from extract.recognise import Match
from extract.resolve import Item

#: A trigger counts for a link when it lies this close around the agreement-zone pair.
TRIGGER_BEFORE = 48
TRIGGER_AFTER = 12
#: Sentences after an enumeration head in which ordinal items ("the second zone") still belong to it.
ENUMERATION_REACH = 4
#: Sentences back in which a sentence that lists zones without naming an agreement ("The three
#: others, in X, Y and Z, were retaken", "de-escalation areas are to be set up in X; Y; Z")
#: finds the agreement it carries on about.
CARRY_REACH = 2


@dataclass(slots=True)
class RawLink:
    agreement: str | None
    zone: str
    relation: str
    date: DateMention | None
    sentence: int


def _center(x) -> float:
    return (x.start + x.end) / 2


def link_sentences(
    sentence_count: int,
    agreements: list[Item],
    zones: list[Item],
    triggers: list[Match],
    enum_heads: list[Match],
    enum_items: list[Match],
    dates: list[DateMention],
    detached: list[Match],
    sentence_of,
    talks: frozenset[str] = frozenset(),
    breaks: list[Match] = (),
    nationwide: frozenset[str] = frozenset(),
    carriers: list = (),
    registry: dict | None = None,
) -> list[RawLink]:
    """Coverage links sentence by sentence (see the module docstring)."""
    if nationwide:
        agreements = [a for a in agreements if a.id not in nationwide]
    if detached:
        detached_ends = [d.end for d in detached]
        agreements = [
            a for a in agreements if not any(0 <= a.start - e <= 3 for e in detached_ends)
        ]
    by_sentence: dict[int, dict[str, list]] = {}
    with_zones = {z.sentence for z in zones}
    for name, things in (("a", agreements), ("z", zones)):
        for x in things:
            group = by_sentence.get(x.sentence)
            if group is None:
                group = by_sentence[x.sentence] = {}
            bucket = group.get(name)
            if bucket is None:
                group[name] = [x]
            else:
                bucket.append(x)
    # the rest only matters in sentences that name a zone (heads: also in those that name none)
    for name, things in (
        ("h", enum_heads),
        ("t", triggers),
        ("i", enum_items),
        ("d", dates),
        ("b", breaks),
    ):
        for x in things:
            s = sentence_of(x.start)
            if name == "h" or s in with_zones:
                by_sentence.setdefault(s, {}).setdefault(name, []).append(x)
    links: list[RawLink] = []
    seen: set[tuple] = set()
    carried = {sentence_of(c.start) for c in carriers} & with_zones
    enumeration: tuple[Item, int] | None = None
    for s in sorted(by_sentence):
        group = by_sentence[s]
        ags: list[Item] = group.get("a", [])
        zs: list[Item] = group.get("z", [])
        heads = group.get("h", [])
        if heads and not ags:
            # "The four zones are: ..." after a sentence that named the agreement
            earlier = [
                a
                for a in agreements
                if a.id and a.sentence < s and s - a.sentence <= ENUMERATION_REACH
            ]
            if earlier:
                ags = [max(earlier, key=lambda a: a.start)]
        if heads and ags:
            anchor = min(ags, key=lambda a: abs(_center(a) - _center(heads[0])))
            enumeration = (anchor, s)
        if not zs:
            continue
        anchor_for_all: Item | None = None
        if heads and ags:
            anchor_for_all = enumeration[0] if enumeration else None
        elif not ags and enumeration and group.get("i") and s - enumeration[1] <= ENUMERATION_REACH:
            anchor_for_all = enumeration[0]
        if not ags and anchor_for_all is None:
            if s in carried and len({z.zone for z in zs}) >= 2:
                links += _carried_links(
                    s, zs, agreements, group.get("t", ()), talks, seen, registry or {}
                )
            continue
        if anchor_for_all is None and not any(a.id for a in ags):
            continue
        dated = [d for d in group.get("d", []) if d.value is not None]
        named = [a for a in ags if a.id is not None] or ags
        for z in zs:
            if anchor_for_all is not None and (not heads or z.start > heads[0].start):
                chosen = [anchor_for_all]
            elif named:
                cut = group.get("b")
                near = [a for a in named if not _split(a, z, cut)] if cut else named
                if not near:
                    continue  # "... in the southwest, while talks in Cairo produced truces for X"
                if len(near) == 1:
                    chosen = near
                else:
                    distances = [(_distance(a, z), a) for a in near]
                    best = min(d for d, _ in distances)
                    chosen = [a for d, a in distances if d == best]
            else:
                continue
            for a in chosen:
                if a.id is None and anchor_for_all is None:
                    continue  # an unregistered agreement is reported, but states no link
                triggers_here = group.get("t", ())
                relation = _relation(a, z, triggers_here) if triggers_here else "covers"
                if (
                    a.id in talks
                    and anchor_for_all is None
                    and not _has_trigger(a, z, triggers_here)
                ):
                    continue  # a round of talks and a zone in one sentence: no link unless said
                key = (a.id, z.zone, relation, s)
                if key in seen:
                    continue
                seen.add(key)
                when = min(dated, key=lambda d: abs(_center(d) - _center(a)), default=None)
                links.append(RawLink(a.id, z.zone, relation, when, s))
    return links


def _carried_links(
    s: int,
    zs: list[Item],
    agreements: list[Item],
    triggers,
    talks: frozenset[str],
    seen: set,
    registry: dict,
) -> list[RawLink]:
    """Links of a sentence that lists several zones under a zone term or a "the three others"
    and names no agreement: to the agreement last named in the sentences just before it, with
    the relation its own trigger words give for the whole list. Only zones the registry has
    that agreement cover count: the link is inferred across sentences, so it must be plausible."""
    prior = [
        a for a in agreements if a.id and a.id not in talks and 0 < s - a.sentence <= CARRY_REACH
    ]
    if not prior:
        return []
    agreement = max(prior, key=lambda a: a.start).id
    info = registry.get(agreement)
    zs = [z for z in zs if info is not None and z.zone in info.zones]
    if not zs:
        return []
    listed = Item("zone", None, min(z.start for z in zs), max(z.end for z in zs), s)
    relation = _relation(listed, listed, triggers) if triggers else "covers"
    out = []
    for z in zs:
        key = (agreement, z.zone, relation, s)
        if key not in seen:
            seen.add(key)
            out.append(RawLink(agreement, z.zone, relation, None, s))
    return out


def _split(a: Item, z: Item, breaks: list[Match]) -> bool:
    """Whether a clause break ("while", "بينما") stands between the agreement and the zone."""
    lo, hi = (a.end, z.start) if a.end <= z.start else (z.end, a.start)
    return any(lo <= b.start and b.end <= hi for b in breaks)


def _distance(a: Item, z: Item) -> float:
    """Characters between agreement and zone; an agreement named after the zone counts as
    farther, as the agreement usually comes first ("the deal covers X", "اتفاق ... في X")."""
    if a.end <= z.start:
        return z.start - a.end
    if z.end <= a.start:
        return (a.start - z.end) * 1.5 + 10
    return 0


_PRIORITY = {"excludes": 0, "ends": 1, "delineates": 2, "covers": 3}


def _has_trigger(a: Item, z: Item, triggers: list[Match]) -> bool:
    lo = min(a.start, z.start) - TRIGGER_BEFORE
    hi = max(a.end, z.end) + TRIGGER_AFTER
    return any(lo < t.start and t.end < hi for t in triggers)


def _relation(a: Item, z: Item, triggers: list[Match]) -> str:
    lo = min(a.start, z.start) - TRIGGER_BEFORE
    hi = max(a.end, z.end) + TRIGGER_AFTER
    zc = z.start + z.end  # twice the centre: integer arithmetic, same order as the centres
    best: tuple[int, int, str] | None = None
    for t in triggers:
        if t.end <= lo or t.start >= hi:
            continue
        gap = abs(t.start + t.end - zc) // 2
        for e in t.entries:
            rank = (gap, _PRIORITY.get(e.ident, 9), e.ident)
            if best is None or rank < best:
                best = rank
    return best[2] if best else "covers"
