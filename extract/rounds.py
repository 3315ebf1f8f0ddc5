"""Rounds of the Astana talks: "أستانا 4", "أستانا الرابعة", "the fourth round of Astana talks",
"Astana-4", "Astana IV", "round five of the Astana talks", and "the current round" resolved from
the publication date. Round 4 is the memorandum of 4 May 2017 (its registry entry says round 4).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from extract.dates import DATE_TOLERANCE, DAY, MONTH
from extract.dates.grammar import alt
from extract.item import Item
from extract.lexicon import Lexicon
from extract.recognise import Match, match_near, scan, scan_text
from extract.round import MAX_ROUND, Round
from extract.round_lists import listed_rounds


def _alt(words) -> str:
    """The words as one alternative, longest first, written as a trie (``dates.grammar.alt``:
    the same matches, found by trying a few letters instead of every word); no words: the
    empty alternative, as before."""
    words = [w for w in words]
    return alt(words) if words else "(?:)"


def _phrase(words: str) -> str:
    """A phrase of the lexicon as a regex: its words, any white space between them."""
    return r"\s+".join(re.escape(w) for w in words.split())


@lru_cache(maxsize=4)
def _pattern(lex: Lexicon) -> re.Pattern:
    astana = _alt(lex.words["astana"])
    rounds = _alt(lex.words["round_words"])
    ordinal = _alt(k for k, v in lex.ordinals.items() if v <= MAX_ROUND)
    cardinal = _alt(lex.cardinals)
    roman = _alt(lex.roman)
    month = _alt(lex.months)
    noun = _alt(lex.words["round_nouns"])
    not_after = "(?:" + "|".join(map(_phrase, lex.words["round_not_after"])) + ")"
    if not lex.words["round_not_after"]:
        not_after = "(?!)"
    current = _alt(lex.words["current_round"])
    glue = _alt(lex.words["round_glue"])
    article = _alt(lex.words["articles"]) if lex.words["articles"] else "(?!)"
    number = rf"(?P<{{g}}>\d{{{{1,2}}}}|{cardinal})"
    parts = [
        # الجولة الرابعة من محادثات أستانا ; الجولة الرابعة بأستانا
        rf"(?:{noun}\s+(?P<o1>{ordinal})\s+(?:(?:{glue}|{rounds})\s*)*{astana})",
        # the fourth round of the Astana talks ; the fourth round of peace talks in Astana ;
        # the fifth (international) meeting on Syria in Astana ; the fourth Astana round
        rf"(?:(?:{article}\s+)?(?P<o2>{ordinal})\s+(?:(?:{glue}\s+)?(?:{noun}|{rounds})\s+"
        rf"(?:(?:{glue}|{rounds})\s+)*{astana}"
        rf"(?:\s+(?:{rounds}))?|{astana}\s+(?:{rounds})))",
        # round five of the Astana talks ; Astana talks round 5
        rf"(?:{noun}\s+{number.format(g='n3')}\s+(?:{glue}\s+)+{astana}(?:\s+(?:{rounds}))?)",
        rf"(?:{astana}\s+(?:(?:{glue}|{rounds})\s+)*{noun}\s+{number.format(g='n4')})",
        # أستانا 4 ; Astana-5 ; أستانا الرابعة ; Astana IV
        rf"(?:(?:(?:{rounds})\s+)?{astana}\s*-?\s*(?P<n5>\d{{1,2}})(?!\d)(?!\s*(?:{month})))",
        rf"(?:(?:(?:{rounds})\s+)?{astana}\s+(?P<o6>{ordinal}))",
        rf"(?:{astana}\s*-?\s*(?P<r7>{roman}))",
        # الجولة السابعة ; the seventh round (kept only in a text that speaks of Astana)
        rf"(?:{noun}\s+(?P<o8>{ordinal})(?!\s+{not_after}))",
        rf"(?:(?:{article}\s+)?(?P<o9>{ordinal})\s+{noun}(?:\s+(?:{glue}\s+)+(?:{rounds}))?)",
        # the current round of the Astana talks ; اجتماعات أستانا (dated by publication)
        rf"(?P<cur>(?:{current})\s+(?:(?:{glue}|{rounds})\s+)*{astana}"
        rf"|(?:{rounds})\s+(?:{glue}\s+)*{astana}(?:\s+(?:{rounds}))?)",
    ]
    return re.compile(lex.word_start + r"(?:" + "|".join(parts) + r")(?![\w])")


#: How far before "Astana" or a round word ("round", "الجولة") a round reference may start: every
#: pattern has one of them within this reach of its start ("the current round of the Astana
#: talks" starts 12 characters before "round"; "اجتماعات أستانا الرابعة" 9 before "أستانا"; "the
#: fifth international meeting" 10 before "international meeting").
ANCHOR_REACH = 14


def find_rounds(text: str, lex: Lexicon, cores: list[Match] | None = None) -> list[Round]:
    """Astana round references in the normalised text (``cores``: the recogniser's round words)."""
    text = text.replace("\n", " ")  # (a no-op when the caller already did it)
    if cores is None:
        cores = scan(scan_text(text), lex)[1].get("roundcore", [])
    if not any(c.entries[0].ident == "astana" for c in cores):
        return []  # every reading needs the text to name Astana ("the seventh round" too)
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
            if not astana or _another_round(text, m.start(), m.end(), lex):
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
        if number is None and _other_round(text, m.start(), lex):
            continue  # "the next round of the Astana talks", "الجولة المقبلة": not the current one
        out.append(Round(m.start(), m.end(), number))
    plural = [c for c in cores if "plural_rounds" in (c.entries[0].ident, c.entries[-1].ident)]
    if plural:
        out += listed_rounds(text, lex, plural, out)
        out.sort(key=lambda r: r.start)
    return out


def table_rounds(text: str, lex: Lexicon) -> list[Round]:
    """Rows of a table of Astana rounds ("Round | Dates | Outcome" then "Fourth | 3-4 May 2017 |
    ..."): under a header whose first cell is the noun "round", a row whose first cell is an
    ordinal, a number or a roman numeral is that round (``text``: with its line breaks; only in
    a text that speaks of Astana)."""
    if "|" not in text or not _mentions_astana(text, lex):
        return []
    out: list[Round] = []
    in_table = False
    position = 0
    for line in text.split("\n"):
        start, position = position, position + len(line) + 1
        if "|" not in line:
            in_table = False
            continue
        cell = line.split("|", 1)[0]
        word = cell.strip()
        if word in lex.words["round_nouns"]:
            in_table = True
            continue
        number = _row_number(word, lex) if in_table else None
        if number is not None:
            first = start + cell.index(word)
            out.append(Round(first, first + len(word), number))
    return out


def _row_number(word: str, lex: Lexicon) -> int | None:
    if word.isdigit():
        return int(word) if int(word) <= MAX_ROUND else None
    number = lex.ordinals.get(word) or lex.roman.get(word)
    return number if number is not None and number <= MAX_ROUND else None


#: Characters before a round reference (twice as many after it) where "next", "last",
#: "المقبلة" are looked for.
OTHER_ROUND_REACH = 20


def _other_round(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the words right before or after a round reference make it another round than
    the one being held ("the next round of ...", "the previous round", "الجولة المقبلة")."""
    before = text[max(0, start - OTHER_ROUND_REACH) : start].split()
    after = text[start : start + 2 * OTHER_ROUND_REACH].split()
    other = (*lex.words["next"], *lex.words["past"])
    return bool(before and before[-1] in other) or any(w in other for w in after[1:3])


#: Characters after an indefinite round read for the name of Astana ("a sixth round of talks
#: in Astana").
ASTANA_AFTER = 40


def _another_round(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether an ordinal round opened by an indefinite article names no Astana after it ("a
    second round of talks there produced a truce"): one more round of some talks, not the
    Astana round of that number."""
    before = text[max(0, start - OTHER_ROUND_REACH) : start].split()
    if not before or before[-1] not in lex.words["indefinite_articles"]:
        return False
    return not any(w in text[end : end + ASTANA_AFTER] for w in lex.words["astana"])


def _mentions_astana(text: str, lex: Lexicon) -> bool:
    return any(word in text for word in lex.words["astana"])


@lru_cache(maxsize=1024)
def round_on(day: date, lex: Lexicon) -> str | None:
    """The Astana round held on ``day`` (give or take the date tolerance), if any."""
    for _number, agreement in sorted(lex.rounds.items()):
        days = lex.agreements[agreement].days
        if days and days[0] - DATE_TOLERANCE <= day <= days[-1] + DATE_TOLERANCE:
            return agreement
    return None


def round_items(
    rounds: list[Round], lex: Lexicon, published: date | None, sentence_of
) -> list[Item]:
    """Agreement items for the round references: numbered ones by their number, "the current
    round" by the publication date (dropped when there is none, or no round was held then)."""
    out = []
    for r in rounds:
        if r.number is not None:
            ident = lex.rounds.get(r.number)
        elif published is not None:
            ident = round_on(published, lex)
            if ident is None:
                continue
        else:
            continue
        out.append(Item("agreement", ident, r.start, r.end, sentence_of(r.start)))
    return out


#: "at Astana in May", "في أستانا في أيار": a date this close after the name pins the round.
DATED_REACH = 16


def dated_rounds(
    cores: list[Match], known: list, dates: list, lex: Lexicon, sentence_of, text: str = ""
) -> list:
    """Agreement items for "Astana" followed closely by a date that only one round fits, and for
    an ordinal round word followed by the days of that round ("SIXTH MEETING, SEPT 14-15, 2017"
    in a list of the Astana meetings)."""
    out = []
    for core in cores:
        astana = core.entries[0].ident == "astana"
        if not astana and _ordinal_before(text, core, lex) is None:
            continue  # a round word needs its ordinal ("SIXTH MEETING")
        if any(k.start <= core.start < k.end for k in known):
            continue
        after = [d for d in dates if d.value is not None and 0 <= d.start - core.end <= DATED_REACH]
        if not astana and not after:  # "In mid-September, at their sixth meeting, ..."
            after = _dated_before(core, dates, sentence_of)
        if not after or sentence_of(after[0].start) != sentence_of(core.start):
            continue
        if not astana:
            item = _ordinal_round(text, core, after[0], lex, sentence_of)
            out += [item] if item is not None else []
            continue
        if _period_start(text, after[0], lex):
            continue  # "eight rounds in the Kazakh capital since January 2017": no one round
        fits = {a for a in lex.rounds.values() if _held_on(lex.agreements[a].days, after[0])}
        if len(fits) == 1:
            out.append(Item("agreement", fits.pop(), core.start, core.end, sentence_of(core.start)))
    return out


def _dated_before(core: Match, dates: list, sentence_of) -> list:
    """The last date before an ordinal round word in its own sentence ("In mid-September, at
    their sixth meeting"): the round's, if that round was held then."""
    s = sentence_of(core.start)
    before = [d for d in dates if d.value is not None and d.end <= core.start]
    return before[-1:] if before and sentence_of(before[-1].start) == s else []


def _period_start(text: str, d, lex: Lexicon) -> bool:
    """Whether the date opens a period ("since January 2017", "منذ كانون الثاني"): when the
    talks began, not the date of one round."""
    words = text[max(0, d.start - ORDINAL_REACH) : d.start].split()
    return bool(words) and words[-1] in lex.words["period_openers"]


def _ordinal_round(text: str, core: Match, day, lex: Lexicon, sentence_of) -> Item | None:
    """The round an ordinal right before a round word names, when the date after it is that
    round's ("the sixth meeting, on 14-15 September 2017"); only in a text about Astana."""
    number = _ordinal_before(text, core, lex)
    ident = lex.rounds.get(number) if number is not None else None
    if ident is None or not _held_on(lex.agreements[ident].days, day):
        return None
    if not _mentions_astana(text, lex):
        return None
    word = text[max(0, core.start - ORDINAL_REACH) : core.start].split()[-1]
    start = text.rfind(word, 0, core.start)
    return Item("agreement", ident, start, core.end, sentence_of(core.start))


def _ordinal_before(text: str, core: Match, lex: Lexicon) -> int | None:
    """The number of the ordinal word right before a round word ("sixth meeting"), if any."""
    words = text[max(0, core.start - ORDINAL_REACH) : core.start].split()
    return lex.ordinals.get(words[-1]) if words else None


#: Characters before a round word read for its ordinal ("twelfth ").
ORDINAL_REACH = 16


def _held_on(days: tuple[date, ...], d) -> bool:
    """Whether a round held on ``days`` fits a stated day (give or take one) or month."""
    if d.precision == DAY:
        return any(abs((day - d.value).days) <= 1 for day in days)
    if d.precision == MONTH:
        return any((day.year, day.month) == (d.value.year, d.value.month) for day in days)
    return False
