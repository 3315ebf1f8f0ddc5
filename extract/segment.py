"""Sentence spans of a normalised text.

A coverage link is stated by a sentence, and the sentence is the evidence an analyst reads, so
sentences must end where a reader would end them: at . ! ? ؟ and line breaks, not after
abbreviations such as "U.S." or "Gen.", nor inside numbers such as 3.5 or dates such as 22.7.2017.
"""

from __future__ import annotations

import re

# A sentence ends after terminal punctuation (plus closing quotes/brackets) followed by space,
# or at a line break. (One character class, so that the regex engine scans in C.)
# A reference marker may follow it ("since 2013.[4] In May", "[citation needed]" aside).
_BOUNDARY = re.compile(r"[.!?؟…\n]+[\"'»”)\]]*(?:\[\d{1,3}\][\"'»”)\]]*)*")
_MARKS = ".!?؟…\n"
#: The Latin and the Arabic comma (what sets a clause, a phrase or a weekday off).
COMMAS = (",", "\u060c")
#: Up to this many end marks, they are found with ``str.find`` and the boundary matched at each
#: (a regex scan of every character costs several times more); beyond, ``finditer`` is used.
_FEW_MARKS = 160
#: Longest sentence kept whole, in characters. Linking compares every zone of a sentence with
#: every agreement and clause break in it, so without a bound one unpunctuated megabyte costs
#: hours; real sentences stay far below it (the longest in the development set has 450).
#: A longer run is cut at the last space before the bound (or at the bound, if it has none).
MAX_SENTENCE_CHARS = 1000


def sentence_spans(text: str, abbreviations: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence of ``text`` (trimmed of surrounding white space)."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _boundaries(text):
        mark = m.group()
        m_start, end = m.span()
        if "\n" in mark:
            end = m_start + mark.index("\n")  # a line break always ends a sentence
        elif end < n and not text[end].isspace():
            if mark != "." or not _run_together(text, m_start, end, abbreviations):
                continue  # 3.5, u.s.a, "22.7.2017": not an end of sentence
        elif mark == ".":
            word = text[text.rfind(" ", m_start - 12 if m_start > 12 else 0, m_start) + 1 : m_start]
            word = word.lower().rstrip(".")
            if word in abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        # the piece [start, end) trimmed of white space (inlined: this runs for every sentence)
        piece = text[start:end]
        body = piece.strip()
        if body:
            left = start + len(piece) - len(piece.lstrip())
            if len(body) > MAX_SENTENCE_CHARS:
                spans.extend(_bounded(text, left, left + len(body)))
            else:
                spans.append((left, left + len(body)))
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


#: Words glued by a full stop are two sentences run together by scraping ("stronghold.Under
#: the deal", "الأخير.وقال") when both have at least this many letters: shorter ones are
#: initials and abbreviations ("u.s.", "sana.sy").
RUN_TOGETHER_LETTERS = 3
#: What stands around a web address, a file name or code ("www.x.com/y", "@x.org",
#: "console.log("): no sentence end.
_ADDRESS_MARKS = "./@:_-("


def _run_together(text: str, stop: int, after: int, abbreviations: frozenset[str]) -> bool:
    """Whether the full stop at ``stop``, with a letter right after it (at ``after``), ends a
    sentence that scraping glued to the next."""
    left = stop
    while left > 0 and text[left - 1].isalpha():
        left -= 1
    right = after
    while right < len(text) and text[right].isalpha():
        right += 1
    word = text[left:stop]
    return (
        stop - left >= RUN_TOGETHER_LETTERS
        and right - after >= RUN_TOGETHER_LETTERS
        and word.lower() not in abbreviations
        and word.lower() != "www"
        and (left == 0 or text[left - 1] not in _ADDRESS_MARKS)
        and text[right : right + 1] not in _ADDRESS_MARKS
        and not text[right : right + 1].isdigit()
    )


def _boundaries(text: str) -> list[re.Match]:
    """What ``_BOUNDARY.finditer(text)`` finds: a boundary starts at the first end mark after
    the previous one, so it is matched there, the marks found by ``str.find``."""
    positions: list[int] = []
    for mark in _MARKS:
        i = text.find(mark)
        while i >= 0:
            positions.append(i)
            if len(positions) > _FEW_MARKS:
                return list(_BOUNDARY.finditer(text))
            i = text.find(mark, i + 1)
    positions.sort()
    out: list[re.Match] = []
    end = 0
    match = _BOUNDARY.match
    for p in positions:
        if p >= end:
            m = match(text, p)
            if m is not None:  # every mark starts a boundary
                out.append(m)
                end = m.end()
    return out


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    body = piece.strip()
    if body:
        left = start + len(piece) - len(piece.lstrip())
        spans.extend(_bounded(text, left, left + len(body)))


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into pieces of at most :data:`MAX_SENTENCE_CHARS`, at spaces."""
    pieces = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = text.rfind(" ", start + MAX_SENTENCE_CHARS // 2, limit)
        cut = limit if cut < 0 else cut
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


#: What opens a list line: bullets and dashes (a numbered line, "1." or "2)", is tested apart).
_BULLETS = "-\u2013\u2014\u2022*\u00b7\u25aa\u25cf"
#: How much of the start of a line is read for its bullet or number (indentation included).
LINE_LEAD = 16
#: What separates the cells of a table row flattened into text.
_CELL = "|"


def list_lines(
    text: str, spans: list[tuple[int, int]], labels: frozenset[str] = frozenset()
) -> frozenset[int]:
    """The sentences that are list lines: on a line opened by a bullet, a number or a label
    with its number ("- Idlib province", "2) Eastern Ghouta", "Zone 3: Eastern Ghouta"; the
    ``labels`` words, lower-cased), or table rows ("Eastern Ghouta | Cairo agreement | ...")."""
    out = []
    for i, (start, end) in enumerate(spans):
        line = text.rfind("\n", 0, start) + 1
        lead = text[line : min(end, line + LINE_LEAD)].lstrip()
        first = lead[:1]
        if (
            first in _BULLETS
            or (first.isdigit() and _numbered(lead))
            or _labelled(lead, labels)
            or text.find(_CELL, start, end) >= 0
        ):
            out.append(i)
    return frozenset(out)


def _labelled(lead: str, labels: frozenset[str]) -> bool:
    """Whether a line opens with a label and its number ("Zone 1:", "Area 2.", "المنطقة 3:")."""
    word, _, rest = lead.partition(" ")
    if word.lower() not in labels:
        return False
    rest = rest.lstrip()
    return _numbered(rest) or (rest[:1].isdigit() and rest.lstrip("0123456789")[:1] == ":")


def _numbered(lead: str) -> bool:
    digits = len(lead) - len(lead.lstrip("0123456789"))
    return 0 < digits <= 2 and lead[digits : digits + 1] in (".", ")")


def line_starts(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The sentences that start a line of the text (the first, and any after a line break)."""
    if "\n" not in text:
        return frozenset((0,))
    return frozenset(
        i for i, (start, _) in enumerate(spans) if i == 0 or "\n" in text[spans[i - 1][1] : start]
    )


#: A line of at most this many words with no closing punctuation is a heading or a contents
#: entry ("Zones[edit]", "2 Implementation", "Key points"), not a statement.
BARE_WORDS = 4
#: What closes a statement.
_CLOSING = ".!?:;\u061f\u06d4\"'\u201d)"


def bare_lines(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The sentences that are a whole short line without closing punctuation (headings,
    contents entries, bylines): they are no distance between an anaphor and its referent."""
    out = []
    for i, (start, end) in enumerate(spans):
        line = text.rfind("\n", 0, start) + 1
        stop = text.find("\n", end)
        piece = text[start:end].strip()
        if (
            text[line:start].strip() == ""
            and text[end : len(text) if stop < 0 else stop].strip() == ""
            and piece
            and piece[-1] not in _CLOSING
            and len(piece.split()) <= BARE_WORDS
        ):
            out.append(i)
    return frozenset(out)


#: A sentence of at most this many words is an answer or an aside ("Yes, twice over.", "Not in
#: practice."): what it refers to was said in the sentence before it.
SHORT_WORDS = 5


def short_sentences(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """The sentences of at most ``SHORT_WORDS`` words (counted up to one more than that: a long
    sentence is not split into all its words)."""
    return frozenset(
        i
        for i, (start, end) in enumerate(spans)
        if len(text[start:end].split(None, SHORT_WORDS)) <= SHORT_WORDS
    )


def sentence_owner(length: int, starts: list[int]):
    """For each character of the normalised text, the index of its sentence (the preceding one
    for characters between sentences): bytes while the indices fit in a byte (C-speed build)."""
    if not starts:
        return bytes(length + 1)
    ends = starts[1:] + [length + 1]
    if len(starts) < 256:
        head = bytes(starts[0])
        return head + b"".join(
            [bytes((i,)) * (e - s) for i, (s, e) in enumerate(zip(starts, ends, strict=True))]
        )
    owner = [0] * (length + 1)
    for i, (start, end) in enumerate(zip(starts, ends, strict=True)):
        owner[start:end] = [i] * (end - start)
    return owner


def link_lines(text: str, spans: list[tuple[int, int]], s: int) -> set[int]:
    """The lines right under a bare navigation line that read as linked headlines: each on its
    own line, none ending as a sentence does."""
    out = set()
    while s + 1 < len(spans):
        gap = text[spans[s][1] : spans[s + 1][0]]  # one line break, and perhaps a bullet
        if gap.count("\n") != 1 or any(ch.isalnum() for ch in gap):
            break
        s += 1
        if text[spans[s][1] - 1] in '.!"\u201d':
            break
        out.add(s)
    return out
