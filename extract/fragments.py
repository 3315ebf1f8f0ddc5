"""Fragment narration: "One by one, three of them fell. Eastern Ghouta in April 2018. Northern
Homs in May. Daraa in July." A run of two or more sentences that each open with zones and a
date, with no registry agreement of their own, goes on with the sentence before the run: its
ending word ("fell") gives the relation, and the agreement is the one named just before that
the registry has cover every zone of the run. Without an ending in that sentence the run
states nothing ("Eastern Ghouta in 2016. Daraa in 2011." is no list of anything)."""

from __future__ import annotations

from collections.abc import Sequence

from extract.carry import fitting_before
from extract.item import Item
from extract.lexicon import Lexicon
from extract.link_context import ENUMERATION_REACH, LinkContext
from extract.recognise import Match

#: Marks that end the sentence before a fragment.
_ENDS = ".\n"
#: The relation a run states: fragments narrate endings ("three of them fell").
ENDS = "ends"
#: Runs shorter than this are ordinary sentences that happen to open with a zone.
MIN_RUN = 2


def fragment_links(ctx: LinkContext, triggers: Sequence[Match], lex: Lexicon) -> None:
    """Links of the fragment runs of the text (see the module docstring)."""
    opening = [
        s
        for s, group in ctx.groups.items()
        if "d" in group and "z" in group and _opens_sentence(ctx.text, group["z"][0].start)
    ]
    if len(opening) < MIN_RUN:
        return
    ends = [t for t in triggers if any(e.ident == ENDS for e in t.entries)]
    if not ends:
        return
    glue = frozenset(lex.words["list_joiners"]) | frozenset(lex.words["date_prepositions"])
    runs: list[list[tuple[int, list[Item]]]] = []
    for s in sorted(opening):
        group = ctx.groups[s]
        if any(a.id for a in group.get("a", ())):
            continue
        lead = _leading(ctx, group, glue)
        if not lead:
            continue
        if runs and runs[-1][-1][0] == s - 1:
            runs[-1].append((s, lead))
        else:
            runs.append([(s, lead)])
    for run in runs:
        if len(run) >= MIN_RUN:
            _run_links(ctx, run, ends)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces stand between ``start`` and the end of the sentence before (a cheap
    first test: most zones stand inside a sentence)."""
    i = start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i < 0 or text[i] in _ENDS


def _leading(ctx: LinkContext, group: dict, glue: frozenset[str]) -> list[Item]:
    """The zones a sentence opens with, up to a date that follows them ("Daraa and Quneitra in
    July"); none when words other than joiners and date prepositions stand between."""
    first = min(group["z"], key=lambda z: z.start)
    start = max(ctx.text.rfind(c, 0, first.start) for c in _ENDS) + 1
    if ctx.text[start : first.start].strip():
        return []
    zs = sorted(group["z"], key=lambda z: z.start)
    ds = sorted((d for d in group["d"] if d.value is not None), key=lambda d: d.start)
    if not ds:
        return []
    lead = [z for z in zs if z.end <= ds[0].start]
    if not lead:
        return []
    rest = ctx.text[lead[0].start : ds[0].start]
    for z in lead:
        rest = rest.replace(ctx.text[z.start : z.end], " ")
    words = rest.replace(",", " ").split()
    return lead if all(w in glue for w in words) else []


def _run_links(ctx: LinkContext, run: list[tuple[int, list[Item]]], triggers) -> None:
    """The run's zones go to the agreement before it, with the relation of the trigger of the
    sentence before the run."""
    first = run[0][1][0].start
    start = max(ctx.text.rfind(c, 0, first) for c in _ENDS) + 1
    lead_start = max(ctx.text.rfind(c, 0, max(0, start - 2)) for c in _ENDS) + 1
    said = [t for t in triggers if lead_start <= t.start < start]
    if not said:
        return
    relation = said[-1].entries[0].ident
    zs = [z for _, lead in run for z in lead]
    agreement = fitting_before(ctx, run[0][0], zs, ENUMERATION_REACH)
    if agreement is None:
        return
    for z in zs:
        ctx.emit(agreement, z, relation, None, z.sentence)
