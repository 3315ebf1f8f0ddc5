"""Coverage stated in question-and-answer explainers: "What does the deal cover? / Four areas
... Idlib province ... Eastern Ghouta ...", "Where does it apply? / Officials have named three
provinces: Deraa, Quneitra and Sweida.", "Does it include Idlib or Eastern Ghouta? / No.",
"هل يشمل الاتفاق ريف حمص الشمالي أيضاً؟ / لا، ...".

A question states nothing by itself; its answer does. A question with a relation word ("cover",
"apply", "يشمل") asks about an agreement: the one it names by name, else the one the text is
about (named most often; "Does it include Idlib?", "هل يشمل الاتفاق ...؟" in an explainer on
one deal).
If the question names zones, the answer's first word says yes or no ("No.", "لا،"): no makes
them excluded, yes covered, and the question's own links give way. If it names none, the zones
of the answer (the sentences up to the next question) are the ones asked about. Either way only
links the registry makes plausible are kept (a zone the agreement covers for "covers", one it
does not cover for "excludes"): the agreement was inferred across sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from extract.item import Item
from extract.lexicon import Lexicon
from extract.link_context import RawLink, relation_of
from extract.recognise import Match

#: Sentences after a question that may answer it (an answer paragraph of a few sentences).
ANSWER_REACH = 3
#: What ends a question (Latin and Arabic question marks).
QUESTION_MARKS = "?\u061f"
#: The first word of an answer, and what may follow it when it is a bare yes or no ("No."),
#: after the speaker's label of a transcript, if any ("SPOKESPERSON: No.", "A: Yes,").
_FIRST_WORD = re.compile(r"\W*(?:[^\W\d][\w.' ]{0,30}:\s+)?(\w+)(?:\s*[.,!;\u060c]|\s*$)")
#: A listed speaker's label and its colon at the start of an answer, spaced or not ("ج:لا").
_LABEL = re.compile(r"\W*(\w+)\s*:")


def answer_links(
    text: str,
    spans: list[tuple[int, int]],
    agreements: list[Item],
    zones: list[Item],
    triggers: list[Match],
    lex: Lexicon,
    sentence_of,
    names: AbstractSet[tuple[int, int]] = frozenset(),
    signing: Sequence[Match] = (),
    heads: Sequence[Match] = (),
) -> tuple[set[int], list[RawLink]]:
    """(questions whose yes-or-no answer replaces their own links, links the answers state);
    ``names``: the spans of the agreements named by name (not "the deal"); ``signing``: words
    of signing or brokering ("Who signed it?" asks nothing about coverage); ``heads``: the
    agreement nouns ("What does the new truce cover?" asks about one that was not resolved)."""
    if not triggers or not any(mark in text for mark in QUESTION_MARKS):
        return set(), []
    questions = _questions(text, spans)
    if not questions:
        return set(), []
    signed = {(c.start, c.end) for c in signing}
    triggers = [t for t in triggers if (t.start, t.end) not in signed]
    asked = {sentence_of(t.start) for t in triggers}
    if not asked:
        return set(), []
    by_sentence: dict[int, list[Item]] = {}
    for x in (*agreements, *zones):
        by_sentence.setdefault(x.sentence, []).append(x)
    replaced: set[int] = set()
    links: list[RawLink] = []
    for n, q in enumerate(questions):
        # the agreement the text is about so far: a question refers back, not ahead
        main = _main([a for a in agreements if a.sentence <= q], lex)
        if q not in asked:
            continue
        in_question = by_sentence.get(q, ())
        if _unresolved(in_question, heads, spans[q]):
            continue  # "What does the new truce cover?": an agreement the registry lacks
        agreement = _asked_about(in_question, names, lex) or main
        if agreement is None:
            continue
        relation = _relation(triggers, q, sentence_of)
        until = questions[n + 1] if n + 1 < len(questions) else len(spans)
        answer = range(q + 1, min(until, q + 1 + ANSWER_REACH))
        said = [z for z in by_sentence.get(q, ()) if z.kind != "agreement"]
        if said and answer:
            verdict = _verdict(text, spans[answer[0]], lex)
            if verdict is None:
                continue
            replaced.add(q)
            if verdict == "no" and relation != "covers":
                continue  # "Does it end X? No." says nothing of coverage
            if verdict == "no":
                relation = "excludes"
            links += _plausible(agreement, said, relation, answer[0], lex)
            continue
        for s in answer:
            here = by_sentence.get(s, ())
            if any(x.kind == "agreement" and x.id for x in here):
                continue  # an answer that names an agreement states its own links
            found = [z for z in here if z.kind != "agreement"]
            words = [t for t in triggers if sentence_of(t.start) == s]
            for z in found:  # the answer's own relation words first ("Idlib is excluded")
                own = relation_of(z, z, words, found, text) if words else relation
                links += _plausible(agreement, [z], own, s, lex)
    return replaced, links


def _questions(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The sentences that end with a question mark."""
    return [i for i, (_, end) in enumerate(spans) if text[end - 1 : end] in QUESTION_MARKS]


def _unresolved(in_question, heads: Sequence[Match], span: tuple[int, int]) -> bool:
    """Whether the question asks about an agreement that is not a registry one: an unknown one,
    or an agreement noun that no agreement was read from."""
    agreements = [x for x in in_question if x.kind == "agreement"]
    if any(x.id is None for x in agreements):
        return True
    return any(
        span[0] <= h.start < span[1] and not any(a.start <= h.start < a.end for a in agreements)
        for h in heads
    )


def _asked_about(in_question, names: AbstractSet[tuple[int, int]], lex: Lexicon) -> str | None:
    """The registry agreement a question names by name, if any."""
    for x in in_question:
        if x.kind == "agreement" and x.id and x.id not in lex.talks and (x.start, x.end) in names:
            return x.id
    return None


def _main(agreements: list[Item], lex: Lexicon) -> str | None:
    """The registry agreement the text is about: named most often, the first of equals."""
    counts: dict[str, int] = {}
    for a in agreements:
        if a.id and a.id not in lex.talks:
            counts[a.id] = counts.get(a.id, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None


def _relation(triggers: list[Match], q: int, sentence_of) -> str:
    """The relation the question asks about (its first relation word)."""
    first = min((t for t in triggers if sentence_of(t.start) == q), key=lambda t: t.start)
    return first.entries[0].ident


def _verdict(text: str, span: tuple[int, int], lex: Lexicon) -> str | None:
    """ "yes" or "no" when the answer opens with a bare yes or no ("No.", "لا،"), else None."""
    start = span[0]
    label = _LABEL.match(text, start, span[1])
    if label is not None and label.group(1) in lex.words["answer_labels"]:
        start = label.end()  # "ج: لا.", "A: No.": the speaker's label is not the answer
    m = _FIRST_WORD.match(text, start, span[1])
    if m is None:
        return None
    word = m.group(1)
    if word in lex.words["no_answers"]:
        return "no"
    if word in lex.words["yes_answers"]:
        return "yes"
    return None


def _plausible(
    agreement: str, zones: list[Item], relation: str, sentence: int, lex: Lexicon
) -> list[RawLink]:
    """Links of ``agreement`` to ``zones`` that the registry makes plausible for ``relation``."""
    info = lex.agreements.get(agreement)
    if info is None:
        return []
    out: list[RawLink] = []
    seen: set[str] = set()
    for z in zones:
        covered = z.zone in info.zones
        if z.zone in seen or covered != (relation != "excludes"):
            continue
        seen.add(z.zone)
        out.append(RawLink(agreement, z.zone, relation, None, sentence))
    return out


def topic_links(
    text: str,
    spans: list[tuple[int, int]],
    agreements: list[Item],
    zones: list[Item],
    triggers: list[Match],
    lex: Lexicon,
    sentence_of,
) -> list[RawLink]:
    """ "And Idlib? / In September 2018 Putin and Erdogan met in Sochi and agreed to set up a
    buffer.": a question that names zones but no agreement and no relation word asks what
    covers them; the first sentence of its answer that names a registry agreement (not a round
    of talks) and no zone of its own answers it, for the zones the registry has it cover."""
    if not any(mark in text for mark in QUESTION_MARKS):
        return []
    questions = _questions(text, spans)
    if not questions:
        return []
    worded = {sentence_of(t.start) for t in triggers}
    named: dict[int, list[Item]] = {}
    for a in agreements:
        named.setdefault(a.sentence, []).append(a)
    zoned: dict[int, list[Item]] = {}
    for z in zones:
        zoned.setdefault(z.sentence, []).append(z)
    links: list[RawLink] = []
    for n, q in enumerate(questions):
        if q in worded or q in named or q not in zoned:
            continue
        until = questions[n + 1] if n + 1 < len(questions) else len(spans)
        for s in range(q + 1, min(until, q + 1 + ANSWER_REACH)):
            ids = {a.id for a in named.get(s, ()) if a.id and a.id not in lex.talks}
            said = [t.entries[0].ident for t in triggers if sentence_of(t.start) == s]
            if not ids and said and s not in zoned:  # "And Idlib? / That is not part of it.":
                main = _main([a for a in agreements if a.sentence <= q], lex)  # the text's own
                ids = {main} if main else ids
            if s in zoned or not ids:
                continue
            if len(ids) == 1:  # "And Idlib? / That is not part of this arrangement."
                relation = "excludes" if "excludes" in said else "covers"
                links += _plausible(ids.pop(), zoned[q], relation, s, lex)
            break
    return links
