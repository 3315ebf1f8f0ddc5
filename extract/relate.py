"""Coverage links: which agreement the text says covers (excludes, delineates, ends) which zone.

A link is stated by one sentence: each zone named in it is tied to the nearest agreement named
in it, and the relation is the trigger word nearest to the zone between them ("إخراج" excludes,
"رسم حدود" delineates, "retook" ends; covers otherwise). An enumeration ("ويشمل أربع مناطق هي:
أولا ... والمنطقة الثانية ...", "four zones: first ..., second ...") ties every zone it lists to
its agreement, also when the items run on into the following sentences.
"""

from __future__ import annotations

from dataclasses import replace

from extract.carry import (
    carried_links,
    carries,
    itemised_links,
    listed_links,
    previous_links,
    pronoun_links,
)
from extract.clause_owner import (
    OWN_ZONE_REACH,
    clause_owner,
    comma_between,
    has_own,
    held_elsewhere,
    semicolon_clause,
    walled_off,
)
from extract.comparison_phrase import phrase_at
from extract.dates import DateMention
from extract.drawn_at import drawn_links
from extract.fragments import fragment_links
from extract.item import Item
from extract.lexicon import Lexicon
from extract.link_context import (
    ENUMERATION_REACH,
    OBJECT_GAP,
    ZONE_ITEM,
    LinkContext,
    RawLink,
    center,
    failed_before,
    future_words,
    has_trigger,
    planned,
    relation_of,
    second_relation,
    termed,
)
from extract.recognise import Match
from extract.windows import outermost
from extract.zone_refs import SUBJECT

__all__ = ["RawLink", "link_sentences"]


#: An agreement this close after a "detached" cue ("separately from the Astana memorandum") is
#: set apart from the zones of its sentence.
DETACHED_GAP = 3
#: An agreement named after its zone counts as this much farther (times the gap, plus a constant):
#: the agreement usually comes first ("the deal covers X", "اتفاق ... في X").
AFTER_ZONE_FACTOR = 1.5
AFTER_ZONE_PENALTY = 10


def _group(agreements, zones, cues: dict[str, list], dates, sentence_of) -> dict:
    groups: dict[int, dict[str, list]] = {}
    for name, things in (("a", agreements), ("z", zones)):
        for x in things:
            groups.setdefault(x.sentence, {}).setdefault(name, []).append(x)
    with_zones = {z.sentence for z in zones}
    # the rest only matters in sentences that name a zone (heads: also in those that name none)
    for name, things in (
        ("h", cues.get("enumhead", ())),
        ("t", cues.get("trigger", ())),
        ("i", cues.get("enumitem", ())),
        ("d", dates),
        ("b", cues.get("clause_break", ())),
        ("p", cues.get("agreementpronoun", ())),
        ("v", cues.get("agreementverb", ())),
    ):
        for x in things:
            s = sentence_of(x.start)
            if name == "h" or s in with_zones:
                groups.setdefault(s, {}).setdefault(name, []).append(x)
    return groups


def link_sentences(
    agreements: list[Item],
    zones: list[Item],
    cues: dict[str, list],
    dates: list[DateMention],
    sentence_of,
    lex: Lexicon,
    phrases: list[tuple[int, int]],
    lines: frozenset[int] = frozenset(),
    line_starts: frozenset[int] = frozenset(),
    text: str = "",
) -> list[RawLink]:
    """Coverage links sentence by sentence (see the module docstring). ``cues``: the
    recogniser's cue words by kind ("trigger", "enumhead", "enumitem", "detached",
    "clause_break", and "carrier": words that carry a list of zones over from the sentences
    before, such as zone terms and "the three others"); ``phrases``: the comparison phrases
    (``comparison_phrase``); ``lines``: the sentences that are list
    lines or table rows, which carry an enumeration on; ``line_starts``: those that start a
    line."""
    if lex.nationwide:
        agreements = [a for a in agreements if a.id not in lex.nationwide]
    detached = cues.get("detached")
    if detached:
        ends = [d.end for d in detached]
        agreements = [
            a for a in agreements if not any(0 <= a.start - e <= DETACHED_GAP for e in ends)
        ]
    if cues.get("subjectverb"):
        zones = _subjects(zones, cues["subjectverb"], text)
    with_zones = {z.sentence for z in zones}
    if cues.get("trigger"):  # "did not cover" is no "cover"
        cues = {**cues, "trigger": outermost(cues["trigger"])}
    ctx = LinkContext(
        agreements=agreements,
        groups=_group(agreements, zones, cues, dates, sentence_of),
        carried={sentence_of(c.start) for c in cues.get("carrier", ())} & with_zones,
        term_sentences={sentence_of(c.start) for c in cues.get("carrier", ())},
        talks=lex.talks,
        registry=lex.agreements,
        lines=lines,
        line_starts=line_starts,
        text=text,
        joiners=lex.word_sets["agreement_joiners"],
        fillers=lex.word_sets["object_fillers"],
        future=future_words(lex),
        carriers=list(cues.get("carrier", ())),
        relatives=lex.word_sets["relative_pronouns"],
        failures=list(cues.get("failure", ())),
        partitives=tuple(lex.words["apposition_partitives"]),
        phrases=phrases,
    )
    for s in sorted(ctx.groups):
        _sentence_links(ctx, s)
    fragment_links(ctx, cues.get("trigger", ()), lex)  # "Eastern Ghouta in April. Daraa in July."
    return ctx.links


def _enumeration_anchor(ctx: LinkContext, s: int, ags: list[Item], heads: list) -> list[Item]:
    """Open an enumeration at a head ("four zones: ..."); its agreement is the one of the
    sentence, or the one named just before ("The four zones are: ..."): the last of those the
    registry has cover every zone the sentence lists ("three of the four areas: Eastern Ghouta
    in April, the northern Homs pocket in May" just after the Homs truce is named is no list of
    the Homs truce's zones)."""
    if heads and not any(a.id for a in ags):  # none, or only unknown ones ("... three of the
        # four areas, in each case after a surrender deal"): the list is the one named before
        earlier = [
            a
            for a in ctx.agreements
            if a.id and a.sentence < s and s - a.sentence <= 2 * ENUMERATION_REACH  # (headings)
        ]
        listed = {z.zone for z in ctx.groups[s].get("z", ())}
        fitting = [a for a in earlier if listed <= _zones_of(ctx, a)] if listed else earlier
        if fitting:
            ags = [max(fitting, key=lambda a: a.start), *ags]
    if heads and ags:
        pool = [a for a in ags if a.id] or ags
        anchor = min(pool, key=lambda a: abs(center(a) - center(heads[0])))
        ctx.enumeration = (anchor, s)
    return ags


def _zones_of(ctx: LinkContext, a: Item) -> frozenset[str]:
    info = ctx.registry.get(a.id)
    return info.zones if info is not None else frozenset()


def _sentence_links(ctx: LinkContext, s: int) -> None:
    """The links one sentence states: each zone to the nearest named agreement of the clause,
    or to the agreement of the enumeration it belongs to."""
    group = ctx.groups[s]
    zs: list[Item] = group.get("z", [])
    heads = group.get("h", [])
    ags = _enumeration_anchor(ctx, s, group.get("a", []), heads)
    if not zs:
        return
    if s in ctx.lines and not heads:
        listed_links(ctx, s, zs)
    items = group.get("i", ())
    if ags and not heads and any(e.ident == ZONE_ITEM for i in items for e in i.entries):
        # "Idlib, by far the largest of these, ... at the sixth round": an item of the list of
        # the agreement named before, besides the agreement of its own sentence
        itemised_links(ctx, s, zs, group.get("t", ()), items)
    anchor_for_all = _enumerated_by(ctx, s, ags, heads)
    if ags and anchor_for_all is None and not any(a.id for a in ags) and carries(ctx, s, zs):
        carried_links(ctx, s, zs, group.get("t", ()))  # "the three others ... under local deals"
        return
    if not any(a.id for a in ags) and anchor_for_all is None:
        # none named, or only unknown ones ("it did not cover Eastern Ghouta or the south,
        # both retaken under surrender deals"): the sentence goes on about the one before
        verbs = [v for v in group.get("v", ()) if _object_follows(v, zs, ctx)]
        if group.get("p") or verbs:
            pronoun_links(ctx, s, zs, group.get("p") or verbs)
        elif carries(ctx, s, zs):
            carried_links(ctx, s, zs, group.get("t", ()))
        elif group.get("i"):
            itemised_links(ctx, s, zs, group.get("t", ()), group["i"])
        else:
            previous_links(ctx, s, zs, group.get("t", ()))
        return
    if anchor_for_all is None and not any(a.id for a in ags):
        return
    dated = [d for d in group.get("d", []) if d.value is not None]
    named = [a for a in ags if a.id is not None] or ags
    triggers = group.get("t", ())
    if triggers:  # "Idlib (...; boundaries agreed at Astana-6)"
        drawn_links(ctx, s, zs, named, triggers)
    for z in zs:
        if (
            anchor_for_all is not None
            and z.kind != SUBJECT  # "it was covered by ...": a clause of its own, not a list item
            and (not heads or z.start > heads[0].start)
            and not _interrupted(named, anchor_for_all, heads, z)
            and not _broken_off(heads, z, group.get("b", ()))
        ):
            chosen = [anchor_for_all]
        else:
            chosen = _nearest(named, z, group.get("b"), ctx)
            if len(ags) > 1 or len(zs) > 1:  # (one agreement and one zone: no other clause)
                chosen = [a for a in chosen if not held_elsewhere(ags, a, z, ctx)]
        for a in chosen:
            if a.id is None and anchor_for_all is None:
                continue  # an unregistered agreement is reported, but states no link
            said = triggers
            if a.id in ctx.talks:  # talks agree or draw lines; what fell meanwhile is not theirs
                # nor what they are yet to agree ("hope to agree the boundaries ... at the next round")
                said = [t for t in triggers if t.entries[0].ident != "ends" and not planned(ctx, t)]
                if anchor_for_all is None and not has_trigger(a, termed(ctx, z), said):
                    continue  # a round of talks and a zone in one sentence: no link unless said
                if ctx.failures and failed_before(ctx.text, a.start, ctx.failures):
                    continue  # "أخفقت الجولتان الرابعة والخامسة في حسم خرائط إدلب"
                if not said and triggers:
                    continue  # "the ninth round took place after forces had recaptured X"
            relation = relation_of(a, z, said, zs, ctx.text) if said else "covers"
            if relation != "excludes" and anchor_for_all is None and has_own(ctx, a, z, zs):
                continue
            if relation == "ends" and a.id in ctx.registry and z.zone not in _zones_of(ctx, a):
                continue  # "... إدلب وحدها، أما الغوطة ودرعا فقد انتهى أمرهما بتسويات": not its end
            when = min(dated, key=lambda d: abs(center(d) - center(a)), default=None)
            ctx.emit(a, z, relation, when, s)
            also = second_relation(a, z, said, relation, zs, ctx.text)
            if also:  # "the zone set up under the memorandum ... fell": covers and ends
                ctx.emit(a, z, also, when, s)


def _enumerated_by(ctx: LinkContext, s: int, ags: list[Item], heads: list) -> Item | None:
    """The agreement of the open enumeration that the sentence's zones belong to: its head is in
    the sentence, or the sentence is one of its items, close enough after it."""
    if heads and ags:
        return ctx.enumeration[0] if ctx.enumeration else None
    if (
        not ags
        and ctx.enumeration
        and ctx.groups[s].get("i")
        and s - ctx.enumeration[1] <= ENUMERATION_REACH
    ):
        return ctx.enumeration[0]
    return None


#: How far after a subjectless verb its zone may start when only counts and settlement words
#: stand between ("ويشمل 84 بلدة وقرية في ريف حمص الشمالي").
OBJECT_REACH = 40


def _object_follows(verb: Match, zs: list[Item], ctx: LinkContext) -> bool:
    """Whether a zone follows the verb at once, as its object ("ويشمل الرستن"), or after words
    that say what of it ("ويشمل 84 بلدة وقرية في", "وتضم أجزاء من")."""
    for z in zs:
        gap = z.start - verb.end
        if 0 <= gap <= OBJECT_GAP:
            return True
        if OBJECT_GAP < gap <= OBJECT_REACH and ctx.fillers:
            words = ctx.text[verb.end : z.start].split()
            if all(w.isdigit() or w in ctx.fillers or w[1:] in ctx.fillers for w in words):
                return True
    return False


def _broken_off(heads: list, z: Item, breaks) -> bool:
    """Whether a clause break stands between the list's head and the zone ("أربع مناطق ...
    ابتلع النظام ثلاثاً منها في الغوطة ...، وصولاً إلى الهجوم الأخير على سراقب"): the list
    ended there."""
    return bool(heads) and any(heads[0].end <= b.start < z.start for b in breaks)


def _interrupted(named: list[Item], anchor: Item, heads: list, z: Item) -> bool:
    """Whether another agreement is named between the list's head and the zone ("one of the
    four zones of the memorandum, and ... agreed a separate ceasefire for the southwest"): the
    zone then belongs to that agreement, not to the list."""
    start = heads[0].end if heads else anchor.end
    return any(a.id != anchor.id and start <= a.start < z.start for a in named)


def _nearest(named: list[Item], z: Item, breaks, ctx: LinkContext) -> list[Item]:
    """The agreements of the zone's clause nearest to it; of several equally near (the two
    Cairo truces of "truces for Eastern Ghouta and northern Homs"), those the registry has cover
    the zone, if any. When two or more different agreements share the clause and the registry has
    every one of them cover the zone ("covered by both the Astana memorandum and the Cairo
    truce", "تحت مظلتين: مذكرة ... ثم اتفاق القاهرة"), all of them."""
    registry = ctx.registry
    near = [a for a in named if not _split(a, z, breaks)] if breaks else named
    if ctx.phrases:  # "بخلاف الأردن في الجنوب،": a comparison phrase is a clause of its own
        k = phrase_at(ctx.phrases, z.start)
        near = [a for a in near if phrase_at(ctx.phrases, a.start) == k]
    near = [a for a in near if not walled_off(a, z, ctx.groups[z.sentence].get("z", []), ctx)]
    near = semicolon_clause(near, z, ctx)  # "X remains in force in Idlib; the protocol ..."
    if len(near) <= 1:
        return near  # none: "... in the southwest, while talks in Cairo produced truces for X"
    owners = clause_owner(near, z, ctx)
    if owners:
        return owners
    # "the south through an arrangement announced on 7 July, the Ghouta area through a truce
    # signed in Cairo": an agreement before the zone, beyond a comma, yields to one named
    # right after the zone in its own part of the sentence
    if any(a.start > z.end and not comma_between(ctx.text, a, z) for a in near):
        near = [a for a in near if a.start > z.end or not comma_between(ctx.text, a, z)]
        if len(near) == 1:
            return near
    covering = {a.id for a in near if a.id in registry and z.zone in registry[a.id].zones}
    own = [a for a in near if 0 <= z.start - a.end <= OWN_ZONE_REACH]
    if len(own) == 1:  # "the memorandum ... and the arrangements in southern Syria": the zone
        return own  # right after one of them (its preposition between) is that one's
    if len(covering) > 1 and len(covering) == len({a.id for a in near}) and _joined(ctx, near):
        return near
    distances = [(_distance(a, z), a) for a in near]
    best = min(d for d, _ in distances)
    tied = [a for d, a in distances if d == best]
    if len(tied) > 1:
        tied = [a for a in tied if a.id in registry and z.zone in registry[a.id].zones] or tied
    return tied


def _joined(ctx: LinkContext, agreements: list[Item]) -> bool:
    """Whether each agreement is joined to the one before it by a list word ("both X and Y",
    "X ... ثم Y"), not by a clause of its own ("After X failed, Y ...", "Y replaced X")."""
    ordered = sorted(agreements, key=lambda a: a.start)
    return all(
        ctx.joiners.intersection(ctx.text[a.end : b.start].split())
        for a, b in zip(ordered, ordered[1:], strict=False)
        if a.id != b.id
    )


def _split(a: Item, z: Item, breaks: list[Match]) -> bool:
    """Whether a clause break ("while", "بينما") stands between the agreement and the zone."""
    lo, hi = (a.end, z.start) if a.end <= z.start else (z.end, a.start)
    return any(lo <= b.start and b.end <= hi for b in breaks)


#: Most characters between a subject verb and its zone, and between the zones of its list.
SUBJECT_GAP = 6


def _subjects(zones: list[Item], verbs, text: str) -> list[Item]:
    """The zones listed right after a passive covering verb ("وتخضع الغوطة الشرقية وريف حمص
    الشمالي لاتفاقين"), read as subjects whose agreement follows them."""
    out, cursor = [], None
    starts = sorted(v.end for v in verbs)
    for z in sorted(zones, key=lambda z: z.start):
        gap = [e for e in starts if 0 <= z.start - e <= SUBJECT_GAP]
        listed = cursor is not None and 0 <= z.start - cursor <= SUBJECT_GAP
        listed = listed and not text[cursor : z.start].strip(" \u060c,")[1:]  # only "و" / comma
        if gap or listed:
            z = replace(z, kind=SUBJECT)
            cursor = z.end
        else:
            cursor = None
        out.append(z)
    return out


def _distance(a: Item, z: Item) -> float:
    """Characters between agreement and zone; an agreement named after the zone counts as
    farther, as the agreement usually comes first ("the deal covers X", "اتفاق ... في X"),
    except after a zone that is the subject of a passive ("it was covered by a truce")."""
    before, after = z.start - a.end, a.start - z.end
    if z.kind == SUBJECT:
        before, after = after, before
    if before >= 0:
        return before
    if after >= 0:
        return after * AFTER_ZONE_FACTOR + AFTER_ZONE_PENALTY
    return 0
