"""Coverage links carried across sentences: the lines of a list or table under an enumeration
head, list items that follow an agreement, lists of zones under a zone term, and zones said to
be in or out of "it"; each inferred link must be one the registry makes plausible (the agreement
covers the zone; for "excludes", does not cover it)."""

from __future__ import annotations

from extract.agreement_info import AgreementInfo
from extract.comparison_phrase import phrase_at
from extract.item import Item
from extract.link_context import (
    CARRY_REACH,
    ENUMERATION_REACH,
    ZONE_ITEM,
    LinkContext,
    relation_of,
)

#: Sentences that are not list lines allowed between an enumeration head and its first line
#: ("The four zones are listed below.", "The table below gives, for each ...").
LEAD_IN = 1


def listed_links(ctx: LinkContext, s: int, zs: list[Item]) -> None:
    """A list line or table row under an open enumeration ("The four zones are:" / "- Eastern
    Ghouta;", "All four areas were created by the memorandum ..." / "Eastern Ghouta | Cairo
    agreement | ...") lists zones of the enumeration's agreement, besides any link of its own;
    only zones the registry has it cover count. The list goes on while lines follow."""
    if ctx.enumeration is None:
        return
    anchor, last = ctx.enumeration
    between = [t for t in range(last + 1, s) if t not in ctx.lines]
    if last in ctx.listed:  # the list is under way: only lines since its last zone
        if between:
            return
    elif last in ctx.lines:
        return  # a head inside a line of its own ("- 4 May: ... creating four zones"): a timeline
    elif s - last > ENUMERATION_REACH or len(between) > LEAD_IN:
        return
    info = ctx.registry.get(anchor.id)
    listed = [z for z in zs if _plausible(info, z, "covers")]
    for z in listed:
        ctx.emit(anchor, z, "covers", None, s)
    ctx.enumeration = (anchor, s)
    ctx.listed.add(s)


def itemised_links(ctx: LinkContext, s: int, zs: list[Item], triggers, items) -> None:
    """Links of a list item ("The first is Idlib province ...", "فالمنطقة الأولى تضم ...") that
    names no agreement and follows no enumeration head: the items list the zones of the
    agreement named in the sentences just before, when the text between speaks of zones ("The
    de-escalation areas are established in the following parts of the country.") or the item
    itself does ("المنطقة الأولى", "the first zone"). Only zones the registry has that agreement
    cover count, as for carried lists; the next items continue it."""
    agreement = _named_before(ctx, s, ENUMERATION_REACH)
    if agreement is None:
        return
    zoned = any(e.ident == ZONE_ITEM for i in items for e in i.entries)
    if not zoned and not any(agreement.sentence <= t <= s for t in ctx.term_sentences):
        return
    info = ctx.registry.get(agreement.id)
    plausible = [z for z in zs if _plausible(info, z, "covers")]
    if not plausible:
        return
    ctx.enumeration = (agreement, s)
    listed = Item("zone", None, min(z.start for z in plausible), max(z.end for z in plausible), s)
    relation = relation_of(listed, listed, triggers) if triggers else "covers"
    for z in plausible:
        ctx.emit(agreement, z, relation, None, s)


#: Characters past the last zone of a carried list where its predicate's trigger may start.
PREDICATE_REACH = 36


def carried_links(ctx: LinkContext, s: int, zs: list[Item], triggers) -> None:
    """Links of a sentence that lists several zones under a zone term or a "the three others"
    and names no agreement: to the agreement last named in the sentences just before it, with
    the relation its own trigger words give for the whole list. Only zones the registry has
    that agreement cover count: the link is inferred across sentences, so it must be plausible.
    With none named that near, the agreement of a list still open ("The largest zone is in
    Idlib. The others cover ...")."""
    if ctx.phrases:  # "سيكرر ما شهدته الغوطة ... ودرعا": compared zones, not this agreement's
        zs = [z for z in zs if phrase_at(ctx.phrases, z.start) < 0]
        if not zs:
            return
    colon = colon_list(ctx, zs)
    if s not in ctx.carried:  # a colon or ending list: only an agreement that has them all
        agreement = fitting_before(ctx, s, zs, ENUMERATION_REACH if colon else ENDING_REACH)
    else:
        agreement = fitting_before(ctx, s, zs) or _named_before(ctx, s, CARRY_REACH)
    enum = ctx.enumeration if colon or s in ctx.carried else None  # an open list goes on
    if agreement is None and enum is not None and s - enum[1] <= ENUMERATION_REACH:
        agreement = enum[0]
    if agreement is None:
        return
    info = ctx.registry.get(agreement.id)
    zs = [z for z in zs if _plausible(info, z, "covers")]
    if not zs:
        return
    # the list's predicate may follow it ("أما المناطق الثلاث الأخرى، أي ...، فقد عادت إلى
    # سيطرة النظام"): its trigger words are looked for a little past the last zone
    end = max(z.end for z in zs) + PREDICATE_REACH
    listed = Item("zone", None, min(z.start for z in zs), end, s)
    relation = relation_of(listed, listed, triggers) if triggers else "covers"
    if relation == "covers" and _ended_after(listed, triggers):
        relation = "ends"
    for z in zs:
        ctx.emit(agreement, z, relation, None, s)
        if relation == "ends":  # "The others have all fallen: ...": its zones, and their end
            ctx.emit(agreement, z, "covers", None, s)


def _ended_after(listed: Item, triggers) -> bool:
    """Whether the first relation word after a carried list is an ending: the list is the
    subject and that is what is said of it ("The three others - Eastern Ghouta ..., the
    countryside north of Homs and a southern zone ... - have since been recaptured")."""
    after = [t for t in triggers if t.start >= listed.end]
    first = min(after, key=lambda t: t.start) if after else None
    return first is not None and any(e.ident == "ends" for e in first.entries)


def pronoun_links(ctx: LinkContext, s: int, zs: list[Item], pronouns) -> None:
    """Links of a sentence that names zones but no agreement and relates them to "it" ("The
    south ... and Eastern Ghouta were left out of it", "It covers Idlib"): to the agreement last
    named in the sentences just before, with the pronoun phrase's relation."""
    agreement = _named_before(ctx, s, CARRY_REACH)
    if agreement is None:
        return
    info = ctx.registry.get(agreement.id)
    relation = pronouns[0].entries[0].ident
    if relation == "covers" and not any(_plausible(info, z, relation) for z in zs):
        # "اتفاقاً لريف حمص، وهو الثاني بعد اتفاق الغوطة. وبموجبه ... في الرستن": the one
        # before that covers them, not the one named last in passing
        agreement = fitting_before(ctx, s, zs) or agreement
        info = ctx.registry.get(agreement.id)
    for z in zs:
        if _plausible(info, z, relation):
            ctx.emit(agreement, z, relation, None, s)


#: Relations a sentence may carry over from the agreement of the sentence before on its line
#: ("Sixth Astana round. The guarantors agree the boundaries of the Idlib area."): the ones
#: that only an agreement gives (covers and ends are said of too much else).
CARRIED_RELATIONS = frozenset(("delineates", "excludes"))


def previous_links(ctx: LinkContext, s: int, zs: list[Item], triggers) -> None:
    """Links of a sentence that names zones but no agreement, draws or leaves out their lines
    (a delineates or excludes trigger) and continues the line of a sentence that names an
    agreement (a round of talks included): to that agreement, registry-plausible only."""
    if not triggers:
        return
    before = [a for a in ctx.agreements if a.id and a.sentence == s - 1]
    if not before:
        return
    agreement = max(before, key=lambda a: a.start)
    if s in ctx.line_starts and not _heading_over(ctx.text, agreement, zs):
        return
    info = ctx.registry.get(agreement.id)
    # a round of talks covers no zone of its own, so any "excludes" would look plausible: it
    # only carries the lines it drew ("accusing groups of failing to withdraw from the zone")
    carried = {"delineates"} if agreement.id in ctx.talks else CARRIED_RELATIONS
    for z in zs:
        relation = relation_of(z, z, triggers, zs, ctx.text)
        if relation in carried and _plausible(info, z, relation):
            ctx.emit(agreement, z, relation, None, s)


def _heading_over(text: str, agreement: Item, zs: list[Item]) -> bool:
    """Whether ``agreement`` stands in a heading line (no closing full stop) right over the
    line of the zones: "* SIXTH MEETING, SEPT 14-15, 2017" over "They agreed at this meeting on
    the boundaries of the Idlib zone"."""
    end = text.find("\n", agreement.end)
    if end < 0 or text[agreement.end : end].rstrip()[-1:] in _CLOSING:
        return False
    following = text.find("\n", end + 1)
    return all(end < z.start and (following < 0 or z.start < following) for z in zs)


#: Marks that close a sentence of prose (a heading line has none).
_CLOSING = frozenset(".!?")


def _named_before(ctx: LinkContext, s: int, reach: int) -> Item | None:
    """The registry agreement (not a round of talks) named last in the ``reach`` sentences
    before ``s``."""
    prior = [
        a for a in ctx.agreements if a.id and a.id not in ctx.talks and 0 < s - a.sentence <= reach
    ]
    return max(prior, key=lambda a: a.start) if prior else None


def fitting_before(
    ctx: LinkContext, s: int, zs: list[Item], reach: int = CARRY_REACH
) -> Item | None:
    """The registry agreement named last in the sentences just before ``s`` that the registry
    has cover every zone listed ("مذكرة أستانا ... يكتفي الاتفاق الجديد ... فالمناطق الثلاث
    الأخرى، أي الغوطة الشرقية وريف حمص الشمالي ودرعا": the memorandum's, not the new deal's)."""
    listed = {z.zone for z in zs}
    prior = [
        a
        for a in ctx.agreements
        if a.id
        and a.id not in ctx.talks
        and 0 < s - a.sentence <= reach
        and a.id in ctx.registry
        and listed <= ctx.registry[a.id].zones
    ]
    return max(prior, key=lambda a: a.start) if prior else None


def _plausible(info: AgreementInfo | None, z: Item, relation: str) -> bool:
    """Whether the registry makes an inferred link plausible: the agreement covers the zone, or
    for "excludes" does not."""
    return info is not None and (z.zone in info.zones) == (relation != "excludes")


#: Sentences back in which a list of ended zones finds the agreement it speaks of: only the one
#: just before ("... the only area created by the May 2017 memorandum that is still outside
#: government control. Eastern Ghouta, northern Homs and the south were all taken back").
ENDING_REACH = 1
#: Distinct zones a list opened by a colon must name to carry on the agreement before it.
COLON_LIST = 3
#: Characters before a list's first zone in which its colon is looked for.
COLON_REACH = 24


def carries(ctx: LinkContext, s: int, zs: list[Item]) -> bool:
    """Whether a sentence that names no agreement carries a list of zones on from the sentences
    before: under a zone term or "the others", after a colon, or as the subject of an ending
    ("Eastern Ghouta, northern Homs and the south were all taken back last year")."""
    if len({z.zone for z in zs}) < 2:
        return s in ctx.carried and _others_before(ctx, zs[0])  # "the other three, including X"
    return s in ctx.carried or colon_list(ctx, zs) or ending_list(ctx, s, zs)


#: Characters between "the other three" and the one zone it names ("..., including ").
OTHERS_REACH = 24
#: Words between them: one at most ("including"); more make another clause ("المناطق الأخرى من
#: الخروقات، ففي الغوطة": the other areas saw violations too; in Ghouta ...).
OTHERS_WORDS = 1


def _others_before(ctx: LinkContext, z: Item) -> bool:
    """Whether "the others" or "the other three" (a carry-over word, not a zone term) comes right
    before the zone: the one zone it names is one of the zones of the agreement before."""
    return any(
        c.kind != "zoneterm"
        and 0 <= z.start - c.end <= OTHERS_REACH
        and "." not in ctx.text[c.end : z.start]
        and sum(w.isalpha() for w in ctx.text[c.end : z.start].split()) <= OTHERS_WORDS
        for c in ctx.carriers
    )


def ending_list(ctx: LinkContext, s: int, zs: list[Item]) -> bool:
    """Whether the sentence lists three or more zones and says they ended (an "ends" trigger)."""
    if len({z.zone for z in zs}) < COLON_LIST:
        return False
    return any(e.ident == "ends" for t in ctx.groups[s].get("t", ()) for e in t.entries)


def colon_list(ctx: LinkContext, zs: list[Item]) -> bool:
    """Whether the zones are a list opened by a colon, in a sentence that names no agreement
    ("Fighting would stop where rebels were strongest: Idlib ...; a pocket north of Homs; ...;
    and a swath of the south"): the zones of the agreement of the sentences before."""
    if len({z.zone for z in zs}) < COLON_LIST:
        return False
    first = min(z.start for z in zs)
    before = ctx.text[max(0, first - COLON_REACH) : first]
    return ":" in before and "." not in before.rsplit(":", 1)[1]
