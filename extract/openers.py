"""Which words a regular expression can open a match with, read from the pattern itself.

``recognise.match_near`` tries each date and round pattern at every word start a few words
before a date word: about sixty attempts an article, at a microsecond each, nearly all failing.
A pattern built from word lists can only begin with the first word of one of its alternatives,
so a position whose word is none of them need not be tried. The set is computed from the parsed
pattern (no second list to keep in step with the lexicon), and it is exact or larger: a pattern
whose opening can be any letter (a letter class, ``.``) gets no set and is tried everywhere.

A *word* here is a maximal run of letters (``str.isalpha``), the same on both sides: read in the
pattern's literals and classes, and in the text at run time (``letters``).
"""

from __future__ import annotations

import re
from importlib import import_module
from typing import Any

# The standard library's own regex parser and its opcodes (``re._parser``, ``re._constants``
# since Python 3.11; typeshed has no stubs for them, hence the import by name).
_parser: Any = import_module("re._parser")
C: Any = import_module("re._constants")

#: Marks a word of the walk that the text's word need only begin with.
PREFIX_MARK = "\x00"


class Openers:
    """The opening words of a pattern: ``exact`` words (the match's first word is one of them,
    "" for a match opening with a non-letter) and ``prefixes`` (the text's word need only begin
    with one: the match may end inside it, or spell on past an optional separator), kept by
    length so that a word is checked with one slice per length."""

    __slots__ = ("exact", "prefixes", "lengths")

    def __init__(self, exact: frozenset[str], prefixes: frozenset[str]) -> None:
        self.exact = exact
        self.prefixes = prefixes
        self.lengths = tuple(sorted({len(p) for p in prefixes}))

    def admits(self, word: str) -> bool:
        """Whether a match of the pattern can open with the text's word ``word``."""
        if word in self.exact:
            return True
        size = len(word)
        for n in self.lengths:
            if n > size:
                return False
            if word[:n] in self.prefixes:
                return True
        return False


#: Letters of a word ``match_near`` reads at most: an opener this long or longer is kept as a
#: prefix, so a longer run (a text with no spaces) is never read whole.
WORD_CAP = 40


def letters(word: str) -> str:
    """The run of letters that ``word`` opens with ("" when it opens with a non-letter)."""
    if word.isalpha():
        return word  # the common case: a word read up to the next space
    end = 0
    while end < len(word) and word[end].isalpha():
        end += 1
    return word[:end]


#: Each pattern's openers, by ``id`` (hashing a pattern hashes its compiled code, and the
#: patterns read here are kept for the life of their lexicon); the pattern is kept with them.
_CACHE: dict[int, tuple[re.Pattern, Openers | None]] = {}


def openers(pattern: re.Pattern) -> Openers | None:
    """The opening words of ``pattern``, or None when any word may open it. Remembered."""
    known = _CACHE.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    found: Openers | None = None
    if not pattern.flags & re.IGNORECASE:
        closed: set[str] = set()
        try:
            still_open = _walk(list(_parser.parse(pattern.pattern, pattern.flags)), "", closed)
        except _Wild:
            pass
        else:
            prefixes = {w[:-1] for w in closed if w.endswith(PREFIX_MARK)} | still_open
            exact = {w for w in closed if not w.endswith(PREFIX_MARK)} - prefixes
            prefixes |= {w[:WORD_CAP] for w in exact if len(w) >= WORD_CAP}
            exact = {w for w in exact if len(w) < WORD_CAP}
            found = Openers(frozenset(exact), frozenset(prefixes))
    _CACHE[id(pattern)] = (pattern, found)
    return found


class _Wild(Exception):
    """The walk met an opening that no finite list of words describes."""


def _walk(items: list[Any], word: str, closed: set[str]) -> set[str]:
    """Follow ``items`` from an opening word ``word`` still being spelled; words that end inside
    go to ``closed``; the words still open after the last item are returned."""
    open_words = {word}
    for op, av in items:
        after: set[str] = set()
        for w in open_words:
            after |= _step(op, av, w, closed)
        open_words = after
        if not open_words:
            break
    return open_words


def _step(op: Any, av: Any, word: str, closed: set[str]) -> set[str]:
    """One parsed item read after the open word ``word``: the words still open after it."""
    if op is C.LITERAL:
        if chr(av).isalpha():
            return {word + chr(av)}
        closed.add(word)
        return set()
    if op is C.IN:
        chars = _few_chars(av)
        if chars is not None:  # "ju[ln]": each letter spells on, any other ends the word
            if any(not c.isalpha() for c in chars):
                closed.add(word)
            return {word + c for c in chars if c.isalpha()}
        if _class_has_letters(av):
            raise _Wild
        closed.add(word)
        return set()
    if op is C.ASSERT_NOT and av[0] == 1:
        ahead = _only_class(av[1])
        if ahead is not None and _covers_letters(ahead):
            closed.add(word)  # "(?!\\w)": the word ends here
            return set()
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return {word}  # zero-width
    if op is C.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            out |= _walk(list(alternative), word, closed)
        return out
    if op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:
            raise _Wild
        return _walk(list(av[3]), word, closed)
    if op is C.ATOMIC_GROUP:
        return _walk(list(av), word, closed)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, repeated = av
        ended: set[str] = set()
        once = _walk(list(repeated), word, ended)
        closed |= ended
        if high > 1 and once - {word}:
            raise _Wild  # a repeated body that spells letters: no finite list
        if low:
            return once
        if word and word in ended and not once:
            # an optional separator ("{W}*") after a word: skipped, the pattern may spell on
            # with no space ("aprilof"); keep the word as a prefix rather than follow every
            # spelling, which multiplies the lists
            closed.add(word + PREFIX_MARK)
            return set()
        return once | {word}
    raise _Wild  # ANY, NOT_LITERAL, back-references, conditionals


def _only_class(items: Any) -> list[Any] | None:
    """The class items of a one-item pattern that is a class or a category."""
    parsed = list(items)
    if len(parsed) == 1 and parsed[0][0] is C.IN:
        return list(parsed[0][1])
    return None


def _covers_letters(items: list[Any]) -> bool:
    """Whether a (non-negated) class matches every letter: ``\\w`` or ``\\S``."""
    return any(
        op is C.CATEGORY and av in (C.CATEGORY_WORD, C.CATEGORY_NOT_SPACE, C.CATEGORY_NOT_DIGIT)
        for op, av in items
    ) and not any(op is C.NEGATE for op, _ in items)


#: A class of at most this many characters is read as that many one-letter alternatives.
FEW_CHARS = 32


def _few_chars(items: list[Any]) -> list[str] | None:
    """The characters of a class made only of literals and short ranges ("[ln]"), if few."""
    chars: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            chars.append(chr(av))
        elif op is C.RANGE and av[1] - av[0] < FEW_CHARS:
            chars += [chr(c) for c in range(av[0], av[1] + 1)]
        else:
            return None
    return chars if len(chars) <= FEW_CHARS else None


def _class_has_letters(items: list[Any]) -> bool:
    """Whether a class can match a letter (a negated class unless it leaves out all letters;
    a category this reading does not know is taken to hold letters)."""
    if any(op is C.NEGATE for op, _ in items):
        return not _covers_letters([(op, av) for op, av in items if op is not C.NEGATE])
    for op, av in items:
        if op is C.LITERAL:
            if chr(av).isalpha():
                return True
        elif op is C.RANGE:
            if any(chr(c).isalpha() for c in range(av[0], av[1] + 1)):
                return True
        elif op is not C.CATEGORY or av not in _NO_LETTERS:
            return True
    return False


#: The categories that hold no letter: \\d, \\s, \\W.
_NO_LETTERS = (C.CATEGORY_DIGIT, C.CATEGORY_SPACE, C.CATEGORY_NOT_WORD)
