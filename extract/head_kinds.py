"""Which agreement a noun that names a kind of agreement refers back to: "المذكرة", "the
protocol" (documents), "الهدنة", "the truce" (truces and ceasefires). The kind of the noun
outweighs mere nearness when the nearest agreement is of another kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from extract.keys import phrase_key
from extract.windows import ANAPHORA_SENTENCES

if TYPE_CHECKING:
    from collections.abc import Sequence

    from extract.agreement_info import AgreementInfo
    from extract.head import Head
    from extract.heads import HeadContext
    from extract.recognise import Match


#: Head kinds that name one kind of document ("المذكرة", "the protocol"), unlike "the deal".
DOCUMENT_KINDS = frozenset(("memorandum", "protocol"))


def kinds_of(ctx: HeadContext, m: Match) -> frozenset[str]:
    """The registry kinds the head's noun names: the whole phrase's, else its last word's
    ("تلك المذكرة", "that memorandum": the noun after the demonstrative)."""
    phrase = phrase_key(ctx.text[m.start : m.end])
    kinds = ctx.lex.head_kinds.get(phrase)
    if kinds is None:
        kinds = ctx.lex.head_kinds.get(phrase.rsplit(" ", 1)[-1], frozenset())
    return kinds


def document_antecedent(ctx: HeadContext, head: Head, cands: Sequence[AgreementInfo]) -> str | None:
    """ "تلك المذكرة ... في إدلب" among several agreements of its zone: the one of them last
    named before it as a document of the kind its noun names (of that registry kind, or named
    with that noun: "مذكرة مبادئ" for a ceasefire), not the one in force on the day."""
    m = head.match
    kinds = kinds_of(ctx, m)
    if not kinds or not kinds <= DOCUMENT_KINDS:
        return None
    ids = {a.id for a in cands}
    before = [i for i in ctx.items() if i.id in ids and i.end <= m.start and i.kind == "agreement"]
    if not before:
        return None
    nouns = {w for w, ks in ctx.lex.head_kinds.items() if ks & kinds}
    for i in sorted(before, key=lambda i: i.start, reverse=True):
        if i.id is not None and (
            ctx.lex.agreements[i.id].kind in kinds
            or set(phrase_key(ctx.text[i.start : i.end]).split()) & nouns
        ):
            return i.id
    return None


def same_kind_before(ctx: HeadContext, head: Head) -> str | None:
    """ "المذكرة" with no agreement in reach, or only an unknown deal ("اتفاق نهائي للخروج"):
    the last registry agreement of that kind named anywhere before it (the memorandum the page
    is about), when the deal in reach is not itself a document of that kind."""
    m = head.match
    kinds = kinds_of(ctx, m)
    if not kinds or not kinds <= DOCUMENT_KINDS:
        return None
    before = [i for i in ctx.items() if i.kind == "agreement" and i.end <= m.start]
    nouns = {w for k in kinds for w, ks in ctx.lex.head_kinds.items() if k in ks}
    if any(i.id is None and set(ctx.text[i.start : i.end].split()) & nouns for i in before):
        return None  # an unknown memorandum was named: it may be the one meant
    same = [i for i in before if i.id and ctx.lex.agreements[i.id].kind in kinds]
    return max(same, key=lambda i: i.start).id if same else None


def of_its_kind(ctx: HeadContext, head: Head, ident: str) -> str:
    """ "الهدنة" whose nearest antecedent is a memorandum named in a comparison, while a truce
    or ceasefire was named within reach: that one ("اتفاق الجنوب ... بخلاف اتفاق آستانة ...
    يخرق الهدنة": the south-west ceasefire)."""
    m = head.match
    kinds = ctx.lex.head_kinds.get(phrase_key(ctx.text[m.start : m.end]))
    info = ctx.lex.agreements.get(ident)
    if not kinds or info is None or info.kind in kinds or info.kind == "talks":
        return ident
    near = [
        i
        for i in ctx.items()
        if i.kind == "agreement"
        and i.id
        and i.end <= m.start
        and head.sentence - i.sentence <= ANAPHORA_SENTENCES
        and ctx.lex.agreements[i.id].kind in kinds
    ]
    return (max(near, key=lambda i: i.start).id or ident) if near else ident
