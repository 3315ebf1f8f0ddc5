"""Which agreement a noun that names a kind of agreement refers back to: "المذكرة", "the
protocol" (documents), "الهدنة", "the truce" (truces and ceasefires). The kind of the noun
outweighs mere nearness when the nearest agreement is of another kind."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from extract.antecedents import UNKNOWN
from extract.item import Item
from extract.keys import phrase_key
from extract.lexicon import Lexicon
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
    words = ctx.text[m.start : m.end]
    kinds = _kinds_of(ctx.lex, words)
    if kinds is None:
        kinds = ctx.lex.head_kinds.get(phrase_key(words).rsplit(" ", 1)[-1], frozenset())
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
    nouns = _nouns(ctx.lex, kinds)
    for i in sorted(before, key=lambda i: i.start, reverse=True):
        if i.id is not None and (
            ctx.lex.agreements[i.id].kind in kinds
            or set(phrase_key(ctx.text[i.start : i.end]).split()) & nouns
        ):
            return i.id
    return None


#: Sentences back in which "this memorandum" finds the one it points to (a transcript's short
#: answers may come between).
DEMONSTRATIVE_SENTENCES = 8


def demonstrated(ctx: HeadContext, head: Head) -> Item | None:
    """ "this memorandum", "that deal": a demonstrative points back to the agreement last named
    within reach as of the kind its noun names, or with that noun ("the memorandum of
    principles ... does this memorandum say anything about Idlib?": the Amman memorandum, whose
    zones Idlib is asked about); an unknown deal named last is the one meant. None when the
    head has no demonstrative or nothing fits."""
    m = head.match
    phrase = ctx.text[m.start : m.end]
    if " " not in phrase or phrase.split(" ", 1)[0] not in ctx.lex.words["demonstratives"]:
        return None
    kinds = kinds_of(ctx, m)
    nouns = _nouns(ctx.lex, kinds) if kinds else frozenset()
    before = [
        i
        for i in ctx.items()
        if i.kind == "agreement"
        and i.end <= m.start
        and head.sentence - i.sentence <= DEMONSTRATIVE_SENTENCES
    ]
    for i in sorted(before, key=lambda i: i.start, reverse=True):
        said = set(phrase_key(ctx.text[i.start : i.end]).split())
        info = ctx.lex.agreements.get(i.id) if i.id else None
        if not kinds or said & nouns or (info is not None and info.kind in kinds):
            return Item("agreement", i.id, m.start, head.end, head.sentence)
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
    nouns = _nouns(ctx.lex, kinds)
    if any(i.id is None and set(ctx.text[i.start : i.end].split()) & nouns for i in before):
        return None  # an unknown memorandum was named: it may be the one meant
    same = [i for i in before if i.id and ctx.lex.agreements[i.id].kind in kinds]
    return max(same, key=lambda i: i.start).id if same else None


def of_its_kind(ctx: HeadContext, head: Head, ident: str) -> str:
    """ "الهدنة" whose nearest antecedent is a memorandum named in a comparison, while a truce
    or ceasefire was named within reach: that one ("اتفاق الجنوب ... بخلاف اتفاق آستانة ...
    يخرق الهدنة": the south-west ceasefire), also when it is an unknown one (``UNKNOWN``)."""
    m = head.match
    kinds = _kinds_of(ctx.lex, ctx.text[m.start : m.end])
    info = ctx.lex.agreements.get(ident)
    if not kinds or info is None or info.kind in kinds or info.kind == "talks":
        return ident
    nouns = _nouns(ctx.lex, kinds)
    near = [
        i
        for i in ctx.items()
        if i.kind == "agreement"
        and i.end <= m.start
        and head.sentence - i.sentence <= ANAPHORA_SENTENCES
        and (
            ctx.lex.agreements[i.id].kind in kinds
            if i.id
            else any(n in ctx.text[i.start : i.end] for n in nouns)
        )
    ]
    if not near:
        return ident
    last = max(near, key=lambda i: i.start)
    return last.id or UNKNOWN  # an unknown truce in reach ("الهدنة التي أعلنتها ... في 12 كانون
    # الثاني ... وبموجب الهدنة"): that one, not the memorandum named after it


def of_the_kind_said(ctx: HeadContext, head: Head, cands: list) -> list:
    """Of the agreements a head with a zone could mean, those named before that are of the kind
    its noun names ("the Memorandum of 4 May ... the Memorandum, of de-escalation areas in
    Eastern Ghouta": the memorandum, not the Ghouta truce), or that the text has called by it
    ("مذكرة المبادئ ... المذكرة ... جنوب سوريا": the south-west deal's memorandum of
    principles); all of them if none is."""
    m = head.match
    first = cands[0].kind
    if all(a.kind == first for a in cands):
        return cands  # all of one kind: nothing to choose by it
    kinds = _kinds_of(ctx.lex, ctx.text[m.start : m.end])
    if not kinds or all(a.kind in kinds for a in cands):
        return cands
    nouns = _nouns(ctx.lex, kinds)
    ids = {a.id for a in cands}
    before = [i for i in ctx.items() if i.id is not None and i.id in ids and i.end <= m.start]
    # named before as of its kind, or called by that noun (a first "مذكرة ... حول الجنوب" in a
    # headline may be the memorandum of principles named after it: no filter then)
    called = {
        i.id
        for i in before
        if i.id is not None
        and ctx.lex.agreements[i.id].kind in kinds
        or not nouns.isdisjoint(ctx.text[i.start : i.end].split())
    }
    return [a for a in cands if a.id in called] or cands


@lru_cache(maxsize=256)
def _kinds_of(lex: Lexicon, words: str) -> frozenset[str] | None:
    """The kinds a head's words name ("the memorandum": memorandum), read once per spelling."""
    return lex.head_kinds.get(phrase_key(words))


@lru_cache(maxsize=16)
def _nouns(lex: Lexicon, kinds: frozenset[str]) -> frozenset[str]:
    """The head nouns that name any of ``kinds`` ("memorandum", "the memo", ...)."""
    return frozenset(w for w, ks in lex.head_kinds.items() if not ks.isdisjoint(kinds))
