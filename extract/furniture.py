"""Page furniture: navigation lines, related links, photo credits. Their zones and agreements
are no statements ("Related: Idlib braces for ...", "اقرأ أيضا: اتفاق سوتشي")."""

from __future__ import annotations

from collections.abc import Callable

from extract.recognise import Match
from extract.segment import link_lines

#: A navigation word opens a line of page furniture when one of these follows it ("See also:",
#: "Photo |"), or closes one when it follows one of these ("... - صورة خاصة").
_FURNITURE_AFTER = ":|-\u2013\u2014"
_FURNITURE_BEFORE = "-|(\u2013\u2014"


def page_furniture(
    text: str,
    spans: list[tuple[int, int]],
    navigation: list[Match],
    sentence_of: Callable[[int], int],
) -> set[int]:
    """Sentences that are page furniture (navigation, related links, photo credits), not
    statements: their zones state no link."""
    out: set[int] = set()
    for c in navigation:
        s = sentence_of(c.start)
        if s >= len(spans):
            continue
        start, end = spans[s]
        after = text[c.end : end].lstrip()
        before = text[start : c.start].rstrip()
        if (c.start == start and (not after or after[0] in _FURNITURE_AFTER)) or (
            c.end >= end - 1 and before and before[-1] in _FURNITURE_BEFORE
        ):
            out.add(s)
            if not after:  # "READ MORE" alone: the headline lines under it, to a blank line
                out |= link_lines(text, spans, s)
    return out
