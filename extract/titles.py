"""Official titles as the press writes them. A memorandum's title comes with or without "of
understanding" and "on"/"about" ("مذكرة [التفاهم] [حول|بشأن] إنشاء مناطق خفض التصعيد"), and
ends with its place as "في إدلب" or "بإدلب"; the registry spells each title once or twice. The
variants of one title are generated here, from the lexicon's memorandum nouns and title links,
so that every registry title is read in all the ways it is written."""

from __future__ import annotations

#: A title needs this many words after its noun for variants (not "the Sochi memorandum").
TITLE_WORDS = 3
#: The preposition "in" and the glued "in/at" of a place at the end of a title.
_IN, _GLUED = "في", "ب"


def title_variants(name: str, nouns: list[str], links: list[str]) -> set[str]:
    """The other spellings of ``name`` (matching form) if it is a title that opens with one of
    ``nouns``: every link of ``links`` (or none) after the noun, and its last place with "في"
    or glued "ب"."""
    noun = next((n for n in sorted(nouns, key=len, reverse=True) if name.startswith(n + " ")), "")
    if not noun or not links or name.isascii():  # the links are Arabic words: Arabic titles only
        return set()
    rest = name[len(noun) + 1 :]
    for link in sorted(links, key=len, reverse=True):
        if rest.startswith(link + " "):
            rest = rest[len(link) + 1 :]
            break
    if len(rest.split()) < TITLE_WORDS:
        return set()
    subjects = {rest, *_place_spellings(rest)}
    out = {f"{noun} {subject}" for subject in subjects}
    out |= {f"{noun} {link} {subject}" for link in links for subject in subjects}
    return out - {name}


def _place_spellings(subject: str) -> list[str]:
    """ "... في إدلب" <-> "... بإدلب": the last word of a title, with the other preposition."""
    words = subject.split()
    if len(words) > 2 and words[-2] == _IN:
        return [" ".join([*words[:-2], _GLUED + words[-1]])]
    last = words[-1]
    if last.startswith(_GLUED) and len(last) > 3 and last[1] == "ا":  # بإدلب, بالغوطة
        return [" ".join([*words[:-1], _IN, last[1:]])]
    return []
