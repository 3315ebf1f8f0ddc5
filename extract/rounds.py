"""Rounds of the Astana talks: "أستانا 4", "أستانا الرابعة", "the fourth round of Astana talks",
"Astana-4", "Astana IV", "round five of the Astana talks", and "the current round" resolved from
the publication date. Round 4 is the memorandum of 4 May 2017 (its registry entry says round 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from extract.lexicon import WORD_START, Lexicon
from extract.recognise import Match, match_near, scan


@dataclass(slots=True)
class Round:
    start: int
    end: int
    number: int | None  # None: an unnumbered reference resolved from the date


def _alt(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) + ")"


@lru_cache(maxsize=4)
def _pattern(lex: Lexicon) -> re.Pattern:
    astana = _alt(lex.words["astana"])
    rounds = _alt(lex.words["round_words"])
    ordinal = _alt(k for k, v in lex.ordinals.items() if v <= 20)
    cardinal = _alt(lex.cardinals)
    roman = _alt(lex.roman)
    month = _alt(lex.months)
    number = rf"(?P<{{g}}>\d{{{{1,2}}}}|{cardinal})"
    parts = [
        # الجولة الرابعة من محادثات أستانا ; the fourth round of the Astana talks ; fourth Astana round
        rf"(?:(?:ال)?جول(?:ه|ته|تها)\s+(?P<o1>{ordinal})\s+(?:من\s+)?(?:(?:{rounds})\s+)?(?:(?:في|ب)\s*)?{astana})",
        rf"(?:(?:the\s+)?(?P<o2>{ordinal})\s+(?:round\s+of\s+(?:the\s+)?(?:(?:peace\s+)?(?:talks|negotiations|meetings)\s+(?:in|at)\s+)?{astana}(?:\s+(?:talks|negotiations|meetings|process))?|{astana}\s+(?:round|talks|meeting|meetings|negotiations|conference|summit)))",
        rf"(?:round\s+{number.format(g='n3')}\s+of\s+(?:the\s+)?{astana}(?:\s+(?:talks|negotiations|meetings|process))?)",
        rf"(?:{astana}\s+(?:talks\s+|process\s+|peace\s+talks\s+)?round\s+{number.format(g='n4')})",
        # أستانا 4 ; Astana-5 ; أستانا الرابعة ; Astana IV
        rf"(?:(?:(?:{rounds})\s+)?{astana}\s*-?\s*(?P<n5>\d{{1,2}})(?!\d)(?!\s*(?:{month})))",
        rf"(?:(?:(?:{rounds})\s+)?{astana}\s+(?P<o6>{ordinal}))",
        rf"(?:{astana}\s*-?\s*(?P<r7>{roman}))",
        # الجولة السابعة ; the seventh round (kept only in a text that speaks of Astana)
        rf"(?:(?:ال)?جول(?:ه|ته|تها)\s+(?P<o8>{ordinal})(?!\s+من\s+(?:ال)?(?:شهر|عام|العام|قتال|معارك)))",
        rf"(?:(?:the\s+)?(?P<o9>{ordinal})\s+round(?:\s+of\s+(?:the\s+)?(?:talks|negotiations))?)",
        # the current round of the Astana talks ; اجتماعات أستانا (dated by publication)
        rf"(?P<cur>(?:{_alt(_current(lex))})\s+(?:من\s+|of\s+)?(?:(?:the\s+)?(?:{rounds})\s+)?(?:(?:في|in)\s+)?{astana}|(?:{rounds})\s+(?:(?:في|in)\s+)?{astana}(?:\s+(?:talks|negotiations|meetings))?)",
    ]
    return re.compile(WORD_START + r"(?:" + "|".join(parts) + r")(?![\w])")


def _current(lex: Lexicon) -> list[str]:
    return [
        "الجوله الحاليه",
        "الجوله الجاريه",
        "الجوله الاخيره",
        "الجوله الراهنه",
        "the current round",
        "the latest round",
        "this round",
        "the ongoing round",
        "the new round",
    ]


#: How far before "Astana" or a round word ("round", "الجولة") a round reference may start: every
#: pattern has one of them within this reach of its start ("the current round of the Astana
#: talks" starts 12 characters before "round"; "اجتماعات أستانا الرابعة" 9 before "أستانا").
ANCHOR_REACH = 14


def find_rounds(text: str, lex: Lexicon, cores: list[Match] | None = None) -> list[Round]:
    """Astana round references in the normalised text (``cores``: the recogniser's round words)."""
    text = text.replace("\n", " ")  # (a no-op when the caller already did it)
    if cores is None:
        cores = scan(text, lex)[1].get("roundcore", [])
    out = []
    astana = None
    found = match_near([_pattern(lex)], text, [c.start for c in cores], ANCHOR_REACH)
    chosen, end = [], -1
    for m in sorted(found, key=lambda m: (m.start(), -m.end())):
        if m.start() >= end:
            chosen.append(m)
            end = m.end()
    for m in chosen:
        gd = m.groupdict()
        number: int | None = None
        if gd["o8"] or gd["o9"]:
            if astana is None:
                astana = _mentions_astana(text, lex)
            if not astana:
                continue
        for key in ("o1", "o2", "o6", "o8", "o9"):
            if gd[key]:
                number = lex.ordinals.get(gd[key])
        for key in ("n3", "n4", "n5"):
            if gd[key]:
                v = gd[key]
                number = int(v) if v.isdigit() else lex.cardinals.get(v)
        if gd["r7"]:
            number = lex.roman.get(gd["r7"])
        if number is None and not gd["cur"]:
            continue
        out.append(Round(m.start(), m.end(), number))
    return out


def _mentions_astana(text: str, lex: Lexicon) -> bool:
    return any(word in text for word in lex.words["astana"])


@lru_cache(maxsize=1024)
def round_on(day: date, lex: Lexicon, slack: int = 1) -> str | None:
    """The Astana round held on ``day`` (give or take ``slack`` days), if any."""
    for _number, agreement in sorted(lex.rounds.items()):
        days = lex.agreements[agreement].days
        if days and days[0] - timedelta(days=slack) <= day <= days[-1] + timedelta(days=slack):
            return agreement
    return None
