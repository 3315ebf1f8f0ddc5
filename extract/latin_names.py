"""Latin-script place names as news and GeoNames spell them: one spelling skeleton for both.

News and GeoNames spell the same village differently (Tal/Tall/Tell, Kafr/Kfar, Beit/Bayt,
Ain/`Ayn, al-/el-/as-, Sheikhoun/Shaykhun, -iyeh/-iyah), so both sides are reduced to one
skeleton: articles to ``_``, classifier words to one form (``assets/gazetteer/spelling.json``),
doubled letters single, q as k, the diphthongs ay/ai/ei before a consonant as a, and every run of
vowels as one a. In a text only runs of capitalised words can hold a name, which keeps English
common words out; a one-word match that is a common word as written ("Some", "June") or that
sits inside a longer capitalised run ("Bashar al-Assad") is not a place. ``CommonWords`` also
tells which gazetteer names are common words or people's names (``common_names.json`` and the
word frequencies of the ``wordfreq`` package).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

import assets
from extract.normalise import normalise, normalise_word

#: Latin article forms; inside the text only al/el stand alone, the others need a hyphen
#: ("as-Suwayda"), since "as", "at" and "an" are English words.
ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "ad",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "az",
        "adh",
        "an",
        "aj",
        "ed",
        "er",
        "es",
        "esh",
        "et",
        "ez",
        "en",
    ]
)
_FREE_ARTICLES = frozenset(("al", "el"))
_DOUBLE = re.compile(r"([a-z])\1+")
_DIPHTHONG = re.compile(r"[ae][iy](?=[^aeiouy]|$)")
_VOWELS = re.compile(r"[aeiou]+")
_FINAL_H = re.compile(r"(?<=a)h$")
_LATIN_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*")
#: A run of capitalised words (with lower-case articles and joiners between or before them),
#: in the ORIGINAL text.
_RUN = re.compile(
    r"[A-Z\u00c0-\u00de\u1e00-\u1efe][\w'\u2019\u2018`\u02bf\u02be]*"
    r"(?:(?:[ \-]+(?:(?:al|el|as|ash|ad|ar|at|az|an|ath|adh|ed|es|et|ez|en|bin|ibn|bani)[ \-]+)?)"
    r"[`'\u2019\u2018\u02bf\u02be]?[A-Z\u00c0-\u00de\u1e00-\u1efe][\w'\u2019\u2018`\u02bf\u02be]*)*"
)
#: A lower-case article glued by a hyphen before a run ("al-Rastan", "as-Suwayda").
_ARTICLE_BEFORE = re.compile(r"(?<![\w'])(?:al|el|as|ash|ad|ar|at|az|an|ath|adh|ed|es|et|ez|en)-$")
MAX_TOKENS = 6


def _classifiers() -> dict[str, str]:
    raw = assets.read_json("gazetteer", "spelling.json")
    return {v: canon for canon, variants in raw["latin_words"].items() for v in variants}


_WORDS = _classifiers()
_TOKEN_CACHE: dict[str, str] = {}


def latin_token(token: str) -> str:
    """The spelling-tolerant form of one lower-case Latin word (cached)."""
    cached = _TOKEN_CACHE.get(token)
    if cached is not None:
        return cached
    t = token.replace("'", "")
    t = _WORDS.get(t, t)
    t = _DOUBLE.sub(r"\1", t).replace("q", "k").replace("dj", "j")
    t = _FINAL_H.sub("", _VOWELS.sub("a", _DIPHTHONG.sub("a", t)))
    if len(_TOKEN_CACHE) < 200_000:
        _TOKEN_CACHE[token] = t
    return t


CLASSIFIERS: frozenset[str] = frozenset(latin_token(w) for w in set(_WORDS.values()))


@lru_cache(maxsize=131072)
def _folded(name: str) -> str:
    """``normalise_word`` for names, remembered (gazetteers repeat names many times)."""
    return normalise_word(name).replace("`", "'")


def latin_tokens(name: str) -> list[str]:
    """Skeleton tokens of a Latin name, articles as ``_`` (any article form counts)."""
    words = _LATIN_TOKEN.findall(normalise_word(name).replace("`", "'"))
    return [
        "_" if w in ARTICLES and i + 1 < len(words) else latin_token(w) for i, w in enumerate(words)
    ]


def latin_keys(name: str) -> set[str]:
    """Keys of a name: its skeleton, without a leading article, and without inner articles."""
    tokens = latin_tokens(name)
    if not tokens:
        return set()
    forms = {tuple(tokens)}
    if tokens[0] == "_" and len(tokens) > 1:
        forms.add(tuple(tokens[1:]))
    for form in list(forms):
        inner = tuple(t for i, t in enumerate(form) if t != "_" or i == 0)
        if len(inner) > 1:
            forms.add(inner)
    return {" ".join(f) for f in forms if 0 < len(f) <= MAX_TOKENS}


@lru_cache(maxsize=131072)
def simple_key(name: str) -> str:
    """A Latin name as written, less case, diacritics, apostrophes, hyphens and a leading
    article: "al-Rastan" and "Rastan" are spelled alike, "Rastan" and "Rustan" are not."""
    words = _LATIN_TOKEN.findall(_folded(name))
    if len(words) > 1 and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(w.replace("'", "") for w in words)


class CommonWords:
    """Names that are common words (or people's names) in the text's language, so never read as
    an imported place: the lists of ``assets/gazetteer/common_names.json``, and one-word names
    whose general frequency (wordfreq, where installed) reaches the threshold there."""

    def __init__(self) -> None:
        raw = assets.read_json("gazetteer", "common_names.json")
        self.en = frozenset(simple_key(w) for w in raw["en"])
        self.ar = frozenset(normalise_word(w) for w in raw["ar"])
        #: Zipf threshold as a plain frequency (Zipf = log10 of occurrences per 10^9 words)
        self.threshold = {k: 10 ** (v - 9) for k, v in raw["zipf_threshold"].items()}
        self._freq: dict[str, dict[str, float]] = {}

    def latin(self, name: str) -> bool:
        return self.latin_listed(name) or self.latin_frequent(name)

    def latin_listed(self, name: str) -> bool:
        return simple_key(name) in self.en

    def latin_frequent(self, name: str) -> bool:
        key = simple_key(name)
        return " " not in key and self.frequent(key, "en")

    def arabic(self, name: str) -> bool:
        return self.arabic_listed(name) or self.arabic_frequent(name)

    def arabic_listed(self, name: str) -> bool:
        return _folded(name) in self.ar

    def arabic_frequent(self, name: str) -> bool:
        return " " not in _folded(name) and self.frequent(name.strip(), "ar")

    def frequent_tables(self) -> dict[str, dict[str, float]]:
        """Per language, the word frequencies at or above its threshold: all that ``frequent``
        asks of wordfreq (a few thousand words, where the full lists take a while to load)."""
        for lang in self.threshold:
            self.frequent("", lang)  # loads the list
        return {
            lang: {w: f for w, f in freq.items() if f >= self.threshold[lang]}
            for lang, freq in self._freq.items()
        }

    def adopt(self, tables: Mapping[str, Mapping[str, float]]) -> None:
        """Use ``frequent_tables`` kept from an earlier process for the languages not loaded."""
        for lang, table in tables.items():
            self._freq.setdefault(lang, dict(table))

    def frequent(self, word: str, lang: str) -> bool:
        """Whether ``word`` (as written, one word) is at least as common as the threshold."""
        freq = self._freq.get(lang)
        if freq is None:
            try:
                from wordfreq import get_frequency_dict
            except ImportError:  # pragma: no cover - a declared dependency
                freq = {}
            else:
                freq = get_frequency_dict(lang)
            self._freq[lang] = freq
        word = word.lower()
        if lang == "ar" and word[:1] == "ا":  # a hamza left unwritten: ابرز is أبرز
            return (
                max(
                    freq.get(word, 0.0),
                    freq.get("أ" + word[1:], 0.0),
                    freq.get("إ" + word[1:], 0.0),
                )
                >= self.threshold[lang]
            )
        return freq.get(word, 0.0) >= self.threshold[lang]


def latin_hits(
    original: str, table: Mapping[str, tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, place ids) in ORIGINAL offsets: the longest indexed names made of runs of
    capitalised words, left to right. Runs recur (news names the same places again and again),
    so what a run holds is remembered per table."""
    cache = _RUNS.get(id(table))
    if cache is None or cache[0] is not table:
        cache = _RUNS[id(table)] = (table, {})
    known = cache[1]
    out: list[tuple[int, int, tuple[str, ...]]] = []
    end = 0
    # The runs as strings (no match objects: most runs are names of no place), each found again
    # with str.find from the end of the one before: no capital letter stands between two runs,
    # so the first occurrence there is the run itself.
    for run in _RUN.findall(original):
        start = original.find(run, end)
        end = start + len(run)
        text = run
        if start:
            previous = original[start - 1]
            if previous == "-":
                before = _ARTICLE_BEFORE.search(original, max(0, start - 4), start)
                if before is not None:
                    start = before.start()
                    text = original[start:end]
            elif previous.isalnum() or previous in "'_":
                continue  # a capital inside a word ("McDonald")
        hits = known.get(text)
        if hits is None:
            hits = _run_hits(text, table)
            if len(known) < 200_000:
                known[text] = hits
        if hits:
            out += [(start + s, start + e, ids) for s, e, ids in hits]
    return out


_RUNS: dict[int, tuple] = {}


def _run_hits(text: str, table: Mapping[str, tuple[str, ...]]) -> tuple:
    spans = [(m.start(), m.end(), m.group()) for m in _LATIN_TOKEN.finditer(_fold(text))]
    tokens = [
        "_"
        if _is_article(w, text[e : e + 1], spans[k + 1][2] if k + 1 < len(spans) else "")
        else latin_token(w)
        for k, (s, e, w) in enumerate(spans)
    ]
    out = []
    i, n = 0, len(tokens)
    while i < n:
        for j in range(min(n, i + MAX_TOKENS), i, -1):
            ids = table.get(" ".join(tokens[i:j]))
            if ids is not None and _not_a_place(tokens, spans, i, j):
                continue  # "Bashar" in "Bashar al-Assad", "Share" in "Share this article"
            if ids is not None:
                out.append((spans[i][0], spans[j - 1][1], ids))
                i = j
                break
        else:
            i += 1
    return tuple(out)


def _is_article(word: str, after: str, following: str) -> bool:
    """al-/el- anywhere; as-, ad-, ash- ... with a hyphen, or before the letter they assimilate
    to, as transliterations write them ("As Suwayda", "Jisr ash Shughur"); a bare "as" or "at"
    is English."""
    if word in _FREE_ARTICLES:
        return True
    if word not in ARTICLES:
        return False
    return after == "-" or (len(word) > 1 and following.startswith(word[1:]))


def _not_a_place(tokens: list[str], spans: list, i: int, j: int) -> bool:
    """A one-word match that is a common word as written ("Some", "Share", "June"), or that sits
    inside a longer run of capitalised words (part of another name)."""
    words = [k for k in range(i, j) if tokens[k] != "_"]
    if len(words) != 1:
        return False
    after = next((t for t in tokens[j:] if t != "_"), None)
    before = next((t for t in reversed(tokens[:i]) if t != "_"), None)
    return after is not None or before is not None or common_word(spans[words[0]][2])


@lru_cache(maxsize=1)
def common_words() -> CommonWords:
    return CommonWords()


@lru_cache(maxsize=65536)
def common_word(word: str) -> bool:
    """Whether one Latin word of a text is a common English word (or a listed name)."""
    return common_words().latin(word)


def _fold(text: str) -> str:
    """Lower case with the diacritics off and apostrophes of all kinds as ``'``, same length."""
    folded = normalise_word(text) if not text.isascii() else text.lower()
    if len(folded) != len(text):  # a dropped character: keep offsets by folding per character
        folded = "".join((normalise(c).text or "'")[:1] for c in text)
    return folded.replace("`", "'")
