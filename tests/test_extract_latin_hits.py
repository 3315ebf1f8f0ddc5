"""``latin_hits`` finds runs of capitalised words with ``findall`` and places each with
``str.find`` (no match object per run). That reading must equal a plain ``finditer`` over the
runs, on our own sentences and on seeded random strings made of the characters that decide runs
(capitals, hyphens, articles, apostrophes, letters glued before a capital)."""

from __future__ import annotations

import random

from extract import latin_names
from extract.latin_names import latin_hits, latin_keys

NAMES = {"idlib": "Idlib", "jisr": "Jisr ash-Shughur", "khan": "Khan Sheikhoun", "dael": "Dael"}
TABLE = {key: (ident,) for ident, name in NAMES.items() for key in latin_keys(name)}


def _by_finditer(original: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """The reading with a match object per run (what ``latin_hits`` did before)."""
    out = []
    for run in latin_names._RUN.finditer(original):
        start, text = run.start(), run.group()
        if start:
            previous = original[start - 1]
            if previous == "-":
                before = latin_names._ARTICLE_BEFORE.search(original, max(0, start - 4), start)
                if before is not None:
                    start = before.start()
                    text = original[start : run.end()]
            elif previous.isalnum() or previous in "'_":
                continue
        out += [(start + s, start + e, ids) for s, e, ids in latin_names._run_hits(text, TABLE)]
    return out


SENTENCES = [
    "Shelling hit Idlib and Khan Sheikhoun; in Jisr ash-Shughur the market closed.",
    "McIdlib is no place, al-Idlib is, and so is Dael. Idlib-Idlib, x-Idlib, Jisr al-Idlib.",
    "Residents of Dael said Dael's council met; 'Idlib' in quotes; Idlib_Idlib; É Idlib",
]


def test_our_sentences_read_as_with_finditer():
    for sentence in SENTENCES:
        assert latin_hits(sentence, TABLE) == _by_finditer(sentence), sentence
    assert [h[2] for h in latin_hits(SENTENCES[0], TABLE)] == [("idlib",), ("khan",), ("jisr",)]


def test_random_strings_read_as_with_finditer():
    rng = random.Random(9)
    pieces = [
        "Idlib",
        "Dael",
        "Jisr",
        " ash-",
        "Shughur",
        "Khan ",
        "Mc",
        "al-",
        "x",
        " ",
        "-",
        "'",
        "_",
        "É",
        "\n",
        ".",
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert latin_hits(text, TABLE) == _by_finditer(text), repr(text)
