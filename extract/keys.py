"""Automaton keys: how a lexicon entry is spelled into the Aho-Corasick automaton.

Every key is " name " in scan form (punctuation as spaces), so a key only matches a whole word
or phrase; an Arabic name also gets the proclitics that may be glued to it (the lexicon's
``proclitics`` and ``glued_articles``: و ف ب ل ك, and the article forms). ``KeyTable`` collects
the readings of every key and compiles the automaton into the flat tuples the recogniser's hot
loop wants.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick

from extract.normalise import normalise_word
from extract.record import Record

# Entity layer: recognised things, overlaps resolved longest-first. Cue layer: words that
# steer resolution and relations; every occurrence is kept.
ENTITY, CUE = 0, 1
LAYERS = {"entity": ENTITY, "cue": CUE}


@dataclass(frozen=True)
class Proclitics(Record):
    """What may be glued before an Arabic name (from the lexicon's ``proclitics`` and
    ``glued_articles``): to a name without the article (``bare``), to a name with it
    (``article``), and in place of the article after ل (``contracted``: "للرستن"). Tuples in
    file order, so that the automaton is built in the same order in every process; the name
    itself (no proclitic) comes first."""

    bare: tuple[str, ...] = ("",)
    article: tuple[str, ...] = ("",)
    contracted: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()

    @property
    def letters(self) -> frozenset[str]:
        """The one-letter proclitics (و ف ب ل ك): what may be glued to any word."""
        return frozenset(p for p in self.bare if len(p) == 1)

    def word_start(self) -> str:
        """Regex start of a word, allowing one glued one-letter proclitic before it."""
        letters = "".join(sorted(self.letters))
        if not letters:
            return r"(?<!\w)"
        return rf"(?:(?<!\w)|(?<=(?<!\w)[{re.escape(letters)}]))"

    def article_of(self, key: str) -> str:
        """The glued article ``key`` starts with, if the rest is a word of its own ("" if not)."""
        return next((a for a in self.articles if key.startswith(a) and len(key) > len(a) + 1), "")


NO_PROCLITICS = Proclitics()
#: Cue kinds read only inside the sentences that hold a control word (``extract.control``):
#: they get an automaton of their own, run over those sentences alone (``recognise.scoped_cues``)
#: rather than over the whole text; in English they are two thirds of all cue hits ("the",
#: "and", "of"...). The control words themselves (these triggers) are scanned everywhere.
CONTROL_TRIGGERS = frozenset(("control", "control_follow", "control_flag", "control_flagverb"))


def sentence_scoped(kind: str) -> bool:
    """Whether a cue kind is scanned only in the sentences that hold a control word."""
    return kind.startswith("control_") and kind not in CONTROL_TRIGGERS


_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_PUNCTUATION = (
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n\u060c\u061b\u061f\u066a\u06d4\u2026\u00b7\u2022"
)
_PUNCTUATION_RE = re.compile("[" + re.escape(_PUNCTUATION) + "]")
#: the same as a byte translation table, for ASCII text (several times faster than the regex)
_ASCII_PUNCTUATION = "".join(c for c in _PUNCTUATION if c.isascii()).encode("ascii")
_PUNCTUATION_BYTES = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))


def alternation(words: list[str]) -> str:
    """A regex alternative of the words as written, in their order (the first that matches
    wins); one that never matches when there are none."""
    return "|".join(re.escape(w) for w in words) or "(?!)"


def scan_form(text: str) -> str:
    """Punctuation to spaces (one for one), so that every word is preceded by a space."""
    if text.isascii():
        return text.encode("ascii").translate(_PUNCTUATION_BYTES).decode("ascii")
    return _PUNCTUATION_RE.sub(" ", text)


@lru_cache(maxsize=8192)
def phrase_key(word: str) -> str:
    """A word or phrase in matching and scan form, single-spaced ("Jaish al-Islam" -> "jaish al islam").
    Remembered: the resolver asks it of every head's few recurring words ("the deal", "الاتفاق")."""
    return " ".join(scan_form(normalise_word(word)).split())


def automaton_keys(word: str, proclitics: Proclitics = NO_PROCLITICS) -> list[tuple[str, int]]:
    """Automaton keys for one entry: a space (the word boundary), any ``proclitics`` that may be
    glued to it, the name and a space; with the number of proclitic letters of each key."""
    base = normalise_word(word)
    if not base:
        return []
    forms = dict.fromkeys((base, base.replace("'", ""), base.replace("-", "")))
    keys: list[tuple[str, int]] = []
    for form in forms:
        key = " ".join(scan_form(form).split())
        if not key:
            continue
        if not _ARABIC_LETTER.match(key[0]):
            keys.append((" " + key + " ", 0))
            continue
        article = proclitics.article_of(key)
        if article:
            keys += [(" " + p + key + " ", len(p)) for p in proclitics.article]
            rest = key[len(article) :]
            keys += [(" " + p + rest + " ", len(p)) for p in proclitics.contracted]
        else:
            keys += [(" " + p + key + " ", len(p)) for p in proclitics.bare]
    return keys


@dataclass
class KeyTable:
    """Readings by automaton key, in the order they were added (the first reading of a key is
    its kind); ``entry`` builds a reading from keyword arguments."""

    entry: Callable[..., Any]
    table: dict[str, list[tuple[int, Any]]] = field(default_factory=dict)
    proclitics: Proclitics = NO_PROCLITICS

    def keys_of(self, word: str) -> list[tuple[str, int]]:
        """The automaton keys of ``word`` with this table's proclitics."""
        return automaton_keys(word, self.proclitics)

    def add(self, word: str, **reading) -> None:
        entry = self.entry(**reading)
        for key, proclitics in automaton_keys(word, self.proclitics):
            slot = self.table.setdefault(key, [])
            if (proclitics, entry) not in slot:
                slot.append((proclitics, entry))

    def compile(self) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
        """The automata, in one pass over the keys: the main one with every reading but the
        sentence-scoped cue readings (``sentence_scoped``), and the one with those. Each key's
        value is ((length of the name, entity readings, kind of the first), ...) and ((length
        of the name, kind, (cue reading,)), ...), readings grouped by where the name starts
        (after its proclitics), flat for the hot loop."""
        automata = (ahocorasick.Automaton(), ahocorasick.Automaton())
        scoped_kinds: dict[str, bool] = {}
        for key, readings in self.table.items():
            groups: tuple[dict[int, tuple[list, list]], ...] = ({}, {})
            for proclitics, entry in readings:
                cue_layer = entry.layer == CUE
                scoped = cue_layer and scoped_kinds.get(entry.kind)
                if scoped is None:
                    scoped = scoped_kinds[entry.kind] = sentence_scoped(entry.kind)
                ent, cue = groups[scoped].setdefault(proclitics, ([], []))
                (cue if cue_layer else ent).append(entry)
            for automaton, found in zip(automata, groups, strict=True):
                if found:
                    automaton.add_word(key, _value(len(key) - 2, found))
        for automaton in automata:
            automaton.make_automaton()
        return automata


def _value(length: int, groups: dict[int, tuple[list, list]]) -> tuple[tuple, tuple]:
    """A key's automaton value (see ``KeyTable.compile``); ``length``: the key less its spaces."""
    return (
        tuple((length - p, tuple(ent), ent[0].kind) for p, (ent, _cue) in groups.items() if ent),
        tuple((length - p, e.kind, (e,)) for p, (_ent, cue) in groups.items() for e in cue),
    )
