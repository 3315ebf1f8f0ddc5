"""Very long texts read in pieces, so that extraction time grows linearly with the text.

Reading an article compares its mentions with the mentions around them (the agreement nearest a
zone, the date nearest an agreement, the sentence before). Each comparison is cheap, but many of
them look across the whole article, so the work grows with the square of the number of mentions:
harmless for news (a long article has 20,000 characters), hours for a megabyte of dump or an
attack. A text longer than :data:`LONG_TEXT_CHARS` is therefore read in pieces of about
:data:`PIECE_CHARS`, cut at sentence ends, and the findings are put back together with their
offsets and sentence numbers in the whole text. Only links that span a cut are lost, and no
article an analyst reads comes near the threshold.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from extract.model import Extraction
from extract.segment import sentence_spans

#: Texts up to this many characters are read whole (about ten times a long news article).
LONG_TEXT_CHARS = 64_000
#: Target size of a piece of a longer text.
PIECE_CHARS = 16_000


def pieces(text: str, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text``, each ending at a sentence end where possible."""
    ends = [end for _, end in sentence_spans(text, abbreviations)]
    cuts, start, i = [], 0, 0
    while len(text) - start > PIECE_CHARS:
        limit = start + PIECE_CHARS
        while i < len(ends) and ends[i] <= limit:
            i += 1
        end = ends[i - 1] if i and ends[i - 1] > start + PIECE_CHARS // 2 else limit
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def read_in_pieces(
    text: str,
    language: str,
    published: str | None,
    abbreviations: frozenset[str],
    read: Callable[[str], Extraction],
) -> Extraction:
    """The findings of ``read`` over the pieces of ``text``, as one :class:`Extraction`."""
    whole = Extraction(language=language, published=published)
    sentences = 0
    for start, end in pieces(text, abbreviations):
        part = read(text[start:end])
        for name in ("coverage", "dates", "mentions", "control"):
            getattr(whole, name).extend(_shift(x, start, sentences) for x in getattr(part, name))
        whole.zones = sorted(set(whole.zones) | set(part.zones))
        whole.agreements = sorted(set(whole.agreements) | set(part.agreements))
        sentences += len(sentence_spans(text[start:end], abbreviations))
    return whole


def _shift(item: Any, chars: int, sentences: int) -> Any:
    """``item`` with its offsets moved by ``chars`` and its sentence number by ``sentences``."""
    fields = (
        item._fields if hasattr(item, "_fields") else [f.name for f in dataclasses.fields(item)]
    )
    moved = {f: getattr(item, f) + chars for f in ("start", "end") if f in fields}
    if "sentence" in fields:
        moved["sentence"] = item.sentence + sentences
    return (
        item._replace(**moved) if hasattr(item, "_replace") else dataclasses.replace(item, **moved)
    )
