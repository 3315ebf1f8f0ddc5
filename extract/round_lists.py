"""Rounds named in a list after a plural round noun: "الجولتان الثانية والثالثة", "الجولات من
الرابعة إلى السادسة", "the second and third rounds": each ordinal is a round of its own."""

from __future__ import annotations

from extract.lexicon import Lexicon
from extract.recognise import Match
from extract.round import MAX_ROUND, Round

#: Characters after a plural round noun read for the ordinals it lists.
LISTED_REACH = 64
#: Most rounds one range may span ("الجولات من الرابعة إلى السادسة").
RANGE_SPAN = 8


def listed_rounds(text: str, lex: Lexicon, nouns: list[Match], found: list[Round]) -> list[Round]:
    """One round per ordinal (or number) listed right after a dual or plural round noun
    ("الجولتان الثانية والثالثة", "rounds 4 and 5"), or right before it ("the second and third
    rounds"), every round of a range ("الجولات من الرابعة إلى السادسة", "rounds four to six");
    none already read by a single-round phrase."""
    out: list[Round] = []
    for noun in nouns:
        numbers = _list_numbers(_words_at(text, noun.end), lex)
        if len(numbers) < 2:
            numbers = _list_numbers(_words_before(text, noun.start, lex), lex)
        for number, start, end in numbers:
            if not any(r.start <= start < r.end for r in found):
                out.append(Round(start, end, number))
    return out


def _list_numbers(words: list[tuple[str, int, int]], lex: Lexicon) -> list[tuple[int, int, int]]:
    """(round, start, end) of the ordinals or numbers a list of words opens with, joined by list
    words, or the rounds of a range between two of them; none unless two or more are listed."""
    lists = lex.word_sets["list_joiners"]
    ranges = lex.word_sets["range_joiners"] - lists
    numbers: list[tuple[int, int, int]] = []
    ranged, i = False, 0
    while i < len(words):
        word, at, end = words[i]
        pair = f"{word} {words[i + 1][0]}" if i + 1 < len(words) else ""
        number = _round_number(pair, lex) if pair else None  # "الثالثة عشرة"
        if number is not None:
            numbers.append((number, at, words[i + 1][2]))
            i += 2
            continue
        number = _round_number(word, lex)
        if number is not None:
            numbers.append((number, at, end))
        elif word in ranges and numbers:
            ranged = True
        elif (word not in lists and word not in lex.word_sets["of"]) or (
            numbers and word in lex.word_sets["of"]
        ):
            break
        i += 1
    if len(numbers) < 2:
        return []
    if ranged and len(numbers) == 2 and 0 < numbers[1][0] - numbers[0][0] <= RANGE_SPAN:
        first, last = numbers
        numbers = [first, *((n, first[1], last[2]) for n in range(first[0] + 1, last[0]))]
        numbers.append(last)
    return numbers


def _words_before(text: str, end: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """The words right before ``end`` that can make a list of rounds ("the second and third"),
    in text order."""
    lists, ranges = lex.word_sets["list_joiners"], lex.word_sets["range_joiners"]
    start = max(0, end - LISTED_REACH)
    kept: list[tuple[str, int, int]] = []
    for word in reversed(text[start:end].split()):
        at = text.rfind(word, start, end)
        end = at
        bare = word.rstrip(",\u060c")  # "the fourth, fifth and sixth": a comma between items
        if bare.rstrip(_TRAILING) != bare or (bare != word and _round_number(bare, lex) is None):
            break  # other punctuation before the list ends it
        if _round_number(bare, lex) is None and bare not in lists and bare not in ranges:
            break
        kept.append((bare, at, at + len(bare)))
    return kept[::-1]


def _words_at(text: str, start: int) -> list[tuple[str, int, int]]:
    """(word, start, end) of the words of ``text`` within ``LISTED_REACH`` after ``start``."""
    out: list[tuple[str, int, int]] = []
    position = start
    for word in text[start : start + LISTED_REACH].split():
        at = text.find(word, position)
        position = at + len(word)
        bare = word.rstrip(_TRAILING)  # "السادسة." at the end of a sentence
        if bare:
            out.append((bare, at, at + len(bare)))
        if bare != word and word.rstrip(",\u060c") != bare:
            break  # punctuation closes the list (a comma may stand between its items)
    return out


#: Punctuation that may follow the last word of a list of rounds.
_TRAILING = ".,;:!?)»\"'\u060c\u061b\u061f"


def _round_number(word: str, lex: Lexicon) -> int | None:
    """The round an ordinal or a number names, a glued "و" allowed ("والثالثة")."""
    for w in (word, word[1:] if word[:1] in lex.proclitic_letters else word):
        number = lex.ordinals.get(w) or lex.cardinals.get(w)
        if number is None and w.isdigit():
            number = int(w)
        if number is not None and 0 < number <= MAX_ROUND:
            return number
    return None
