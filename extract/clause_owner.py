"""A zone inside a relative clause belongs to the agreement the clause is about ("مذكرة أستانا
...، التي أدرجت الجنوب ...", "وإدلب، التي رسمت أستانا 6 حدودها", "the memorandum, which created
..."), not to an agreement named just outside the clause."""

from __future__ import annotations

from extract.item import Item
from extract.link_context import LinkContext
from extract.segment import COMMAS

#: Most characters between a clause head and the relative pronoun of its clause (a participle
#: and a date may stand between: "مذكرة أستانا الموقعة في الرابع من أيار 2017، التي ...").
RELATIVE_LEAD = 48
#: Most characters a relative clause runs on before the zone it names, or before its agreement.
RELATIVE_REACH = 200


def clause_owner(near: list[Item], z: Item, ctx: LinkContext) -> list[Item]:
    """The agreement whose relative clause holds the zone, or the agreements in the zone's own
    relative clause: "مذكرة أستانا ...، التي أدرجت الجنوب ... وريف حمص الشمالي، كان اتفاق
    الجنوب الغربي ..." (the memorandum's, not the deal named next), "وإدلب، التي رسمت أستانا 6
    حدودها" (the round's, not an agreement named before), "الجنوب، الذي يخضع للمذكرة ولترتيب
    أمريكي روسي أردني" (both). Empty when no such clause."""
    text, relatives = ctx.text, ctx.relatives
    for a in near:  # the zone opens a clause that names the agreement
        if (
            0 <= a.start - z.end <= RELATIVE_REACH
            and not _between(near, z, a)
            and _opens_clause(text[z.end : a.start], relatives)
        ):
            return _with_joined(a, near, z, ctx)
        if 0 <= a.start - z.end <= RELATIVE_REACH and _apposed(text[z.end : a.start], ctx):
            # "The truce in Eastern Ghouta, one of the four zones set up under the memorandum":
            # the memorandum's, and the head's the zone follows
            return [a] + [b for b in near if 0 <= z.start - b.end <= HEAD_GAP and b.id != a.id]
    for a in near:  # the agreement opens a clause that names the zone
        if 0 <= z.start - a.end <= RELATIVE_REACH and not _between(near, a, z):
            rivals = [b for b in near if b.id != a.id]
            if not rivals or any(b.start < z.end for b in rivals):
                continue
            lead = min(z.start, a.end + RELATIVE_LEAD)
            if any(
                text[i] in COMMAS and _opens_clause(text[i : z.start], relatives)
                for i in range(a.end, lead)
            ):
                return [a]
    return []


def _with_joined(a: Item, near: list[Item], z: Item, ctx: LinkContext) -> list[Item]:
    """The clause's agreement and the others named further in the same clause (no comma
    between) or in the predicate the clause's closing comma opens, that the registry has cover
    the zone too ("يخضع للمذكرة ولترتيب ...", "التي ضمتها المذكرة ... قبل أن ترسم الجولة
    السادسة حدودها", "إدلب، التي أقرتها مذكرة أستانا، باتت تحت مظلة اتفاق سوتشي")."""
    found = [a]
    for b in sorted(near, key=lambda b: b.start):
        info = ctx.registry.get(b.id) if b.id else None
        if b.start <= found[-1].end or info is None or z.zone not in info.zones:
            continue
        between = ctx.text[a.end : b.start]  # at most the comma that closes the clause
        if b.start - z.end <= RELATIVE_REACH and sum(map(between.count, COMMAS)) <= 1:
            found.append(b)
    return found


def _opens_clause(between: str, relatives: frozenset[str]) -> bool:
    """Whether ``between`` is one relative clause: a comma, a relative pronoun, and no other
    comma up to the end (", التي أدرجت" before its zone; ", that was signed in Cairo, and the
    southwest ceasefire" has ended before the agreement)."""
    stripped = between.lstrip()
    words = stripped[1:].split() if stripped[:1] in COMMAS else []
    return bool(words) and words[0] in relatives and not any(c in stripped[1:] for c in COMMAS)


#: Most characters between a head and the zone it is said of (" in ", " for the ").
HEAD_GAP = 9


def _apposed(between: str, ctx: LinkContext) -> bool:
    """Whether ``between`` is an apposition on the zone that makes it one of an agreement's
    areas: a comma, a partitive ("one of", "the second of"), and no other comma up to the
    agreement ("The truce in Eastern Ghouta, one of the four zones set up under the Astana
    memorandum, ...")."""
    stripped, partitives = between.lstrip(), ctx.partitives
    if not partitives or stripped[:1] not in COMMAS or any(c in stripped[1:] for c in COMMAS):
        return False
    return " ".join(stripped[1:].split()).startswith(partitives)


def _between(near: list[Item], first: Item, second: Item) -> bool:
    """Whether another agreement stands between two items."""
    return any(first.end <= b.start and b.end <= second.start for b in near)


_CLAUSE_MARKS = frozenset(",;\u060c\u061b")


def behind_unknown(ags: list[Item], a: Item, z: Item, text: str) -> bool:
    """Whether the zone lies in the clause of an unknown agreement named after ``a``: "the
    ceasefire negotiated for Daraa had collapsed, and the 30-day pause demanded by the Council
    was never respected in Eastern Ghouta" (the pause's zone, not the ceasefire's)."""
    if a.end > z.start:
        return False
    return any(
        u.id is None
        and a.end <= u.start
        and u.end <= z.start
        and not _CLAUSE_MARKS.isdisjoint(text[a.end : u.start])
        and _CLAUSE_MARKS.isdisjoint(text[u.end : z.start])
        for u in ags
    )


def semicolon_clause(near: list[Item], z: Item, ctx: LinkContext) -> list[Item]:
    """The agreements of the zone's clause, a semicolon closing a clause: "the 2018 memorandum
    remains in force in Idlib; the protocol only adds to it" (the memorandum's). When all are
    beyond a semicolon, one named after the zone counts only if no other zone comes between:
    "Northern Homs went the same way; Eastern Ghouta, whose truce was signed in Cairo, ..." is
    Eastern Ghouta's truce, while "... of Homs; the zone created under the Cairo agreement
    ceased to exist" still speaks of Homs."""
    if not near:
        return near
    text = ctx.text
    lo, hi = min(near[0].start, z.start), max(near[-1].end, z.end)
    if text.find(";", lo, hi) < 0 and text.find("\u061b", lo, hi) < 0:
        return near  # (most sentences: no semicolon at all)
    ahead = [a for a in near if not _beyond(text, a, z)]
    if ahead:
        return ahead
    zones = ctx.groups[z.sentence].get("z", ())
    return [
        a for a in near if not any(o.zone != z.zone and z.end <= o.start < a.start for o in zones)
    ]


def _beyond(text: str, a: Item, z: Item) -> bool:
    """Whether a semicolon stands between the agreement and the zone."""
    lo, hi = (a.end, z.start) if a.end <= z.start else (z.end, a.start)
    return text.find(";", lo, hi) >= 0 or text.find("\u061b", lo, hi) >= 0


def held_elsewhere(ags: list[Item], a: Item, z: Item, ctx: LinkContext) -> bool:
    """Whether agreement ``a`` is another clause's: an unknown deal's clause holds the zone
    (``behind_unknown``), or ``a`` sits in a relative clause about another zone named between:
    "Idlib in the north-west and the south, where Jordan and the United States keep their own
    ceasefire" (the south's ceasefire, not Idlib's)."""
    if a.end <= z.start:
        return behind_unknown(ags, a, z, ctx.text)
    if a.start < z.end:
        return False
    zones = ctx.groups[z.sentence].get("z", ())
    return any(
        o.zone != z.zone
        and z.end <= o.start
        and o.end <= a.start
        and _opens_clause(ctx.text[o.end : a.start], ctx.relatives)
        for o in zones
    )


def walled_off(a: Item, z: Item, zs: list[Item], ctx: LinkContext) -> bool:
    """Whether a comma walls the agreement off from the zone: it sits in the relative clause of
    another zone named before it and ``z`` lies past that clause ("ويبقى الجنوب، الذي يستند إلى
    ترتيب أمريكي روسي أردني، وإدلب"), or it comes after ``z`` and opens a clause with a zone
    of its own that the registry has it cover instead ("يخص إدلب، كما أن اتفاق عمّان خص الجنوب")."""
    lo, hi = (a.end, z.start) if a.end <= z.start else (z.end, a.start)
    if not any(c in ctx.text[lo:hi] for c in COMMAS):
        return False
    if a.end <= z.start:
        return _in_zone_clause(a, z, zs, ctx)
    info = ctx.registry.get(a.id) if a.id else None
    return (
        info is not None
        and z.zone not in info.zones
        and any(
            o.zone != z.zone
            and 0 <= o.start - a.end <= OWN_ZONE_GAP
            and not any(c in ctx.text[a.end : o.start] for c in COMMAS)
            for o in zs
        )
    )


def _in_zone_clause(a: Item, z: Item, zs: list[Item], ctx: LinkContext) -> bool:
    """Whether the agreement sits in the relative clause of another zone named before it."""
    return any(
        o.zone != z.zone
        and 0 <= a.start - o.end <= RELATIVE_REACH
        and _opens_clause(ctx.text[o.end : a.start], ctx.relatives)
        for o in zs
    )


#: Words after an agreement before its relative pronoun (a venue or a name: "اتفاقي القاهرة
#: اللذين").
OWN_CLAUSE_LEAD = 3


def in_own_clause(a: Item, o: Item, ctx: LinkContext) -> bool:
    """Whether the zone is named in the agreement's own relative clause ("اتفاقي القاهرة اللذين
    وُقّعا في تموز للغوطة الشرقية"): the agreement's own zone, however far into the clause."""
    words = ctx.text[a.end : o.start].split()[:OWN_CLAUSE_LEAD]
    return 0 <= o.start - a.end <= RELATIVE_REACH and not ctx.relatives.isdisjoint(words)


#: A zone this close after an agreement, in its clause, is the agreement's own ("a truce for
#: Eastern Ghouta").
OWN_ZONE_GAP = 24
#: A zone this close after an agreement (a preposition between) is its own among several
#: agreements of the clause ("... and the arrangements in southern Syria").
OWN_ZONE_REACH = 5


def has_own(ctx: LinkContext, a: Item, z: Item, zs: list[Item]) -> bool:
    """ "the first produced a truce for Eastern Ghouta on 22 July, and the second another for the
    Homs countryside": an agreement that has its own zone right after it does not reach, across
    a comma, a zone of another part that the registry does not have it cover."""
    if a.end > z.start or not comma_between(ctx.text, a, z):
        return False
    info = ctx.registry.get(a.id) if a.id else None
    if info is None or z.zone in info.zones:
        return False
    return any(
        o.zone != z.zone
        and (0 <= o.start - a.end <= OWN_ZONE_GAP or in_own_clause(a, o, ctx))
        and not comma_between(ctx.text, a, o)
        for o in zs
    )


def comma_between(text: str, a: Item, z: Item) -> bool:
    """Whether a comma or semicolon stands between the agreement and the zone."""
    lo, hi = (a.end, z.start) if a.end <= z.start else (z.end, a.start)
    return not _CLAUSE_MARKS.isdisjoint(text[lo:hi])
