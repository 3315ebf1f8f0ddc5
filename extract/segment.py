"""Sentence spans of a normalised text.

A coverage link is stated by a sentence, and the sentence is the evidence an analyst reads, so
sentences must end where a reader would end them: at . ! ? ؟ and line breaks, not after
abbreviations such as "U.S." or "Gen.", nor inside numbers such as 3.5 or dates such as 22.7.2017.
"""

from __future__ import annotations

import re

# A sentence ends after terminal punctuation (plus closing quotes/brackets) followed by space,
# or at a line break. (One character class, so that the regex engine scans in C.)
_BOUNDARY = re.compile(r"[.!?؟…\n]+[\"'»”)\]]*")


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (trimmed of surrounding white space)."""
    spans: list[tuple[int, int]] = []
    add = spans.append
    start = 0
    n = len(text)
    rfind = text.rfind
    for m in _BOUNDARY.finditer(text):
        mark = m.group()
        m_start, end = m.span()
        if "\n" in mark:
            end = m_start + mark.index("\n")  # a line break always ends a sentence
        elif end < n and not text[end].isspace():
            continue  # 3.5, u.s.a, "22.7.2017": not an end of sentence
        elif mark == ".":
            word = text[rfind(" ", m_start - 12 if m_start > 12 else 0, m_start) + 1 : m_start]
            word = word.lower().rstrip(".")
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        # the piece [start, end) trimmed of white space (inlined: this runs for every sentence)
        piece = text[start:end]
        body = piece.strip()
        if body:
            left = start + len(piece) - len(piece.lstrip())
            add((left, left + len(body)))
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    body = piece.strip()
    if body:
        left = start + len(piece) - len(piece.lstrip())
        spans.append((left, left + len(body)))
