"""Article text as safe HTML with the extractor's mentions marked by kind.

Article text is untrusted: every piece of it is HTML-escaped before it is wrapped, and the HTML is
meant for ``st.html`` (no Markdown pass, so backticks and asterisks stay literal). Arabic text is
laid out right-to-left as a whole, not left to the browser's guess per line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime

from zonewatch.core.html import escape, shorten

#: Background of each mention kind; light enough to read dark text on, distinct from each other.
KIND_COLOURS: dict[str, str] = {
    "zone": "#9ad0f5",
    "place": "#c7e9c0",
    "agreement": "#ffd59e",
    "party": "#e0c3f7",
    "date": "#f8c4c4",
}
_OTHER_COLOUR = "#e6e6e6"
_BOX_STYLE = (
    "white-space: pre-wrap; line-height: 1.9; font-size: 1.02rem; padding: 0.8rem 1rem; "
    "border: 1px solid #ddd; border-radius: 6px; max-height: 36rem; overflow-y: auto; "
    "text-align: start"
)


def direction(language: str | None) -> str:
    """Text direction for a language code: Arabic right-to-left, everything else left-to-right."""
    return "rtl" if (language or "").lower().startswith("ar") else "ltr"


def _mark(text: str, mention: Mapping) -> str:
    kind = str(mention.get("kind") or "")
    ident = mention.get("id")
    label = f"{kind}: {ident}" if ident else f"{kind} (not in the registry)"
    colour = KIND_COLOURS.get(kind, _OTHER_COLOUR)
    return (
        f'<mark class="zw-{escape(kind)}" title="{escape(label)}" '
        f'style="background: {colour}; padding: 0 2px; border-radius: 3px">'
        f"{escape(text)}</mark>"
    )


def _usable(mentions: Iterable[Mapping], length: int) -> list[Mapping]:
    """Mentions with offsets inside the text, earliest first; of overlapping ones the first (and
    longest) wins, since nested marks would hide each other."""
    valid = []
    for m in mentions:
        try:
            start, end = int(m["start"]), int(m["end"])
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= start < end <= length:
            valid.append((start, -end, m))
    valid.sort(key=lambda item: (item[0], item[1]))
    chosen, cursor = [], 0
    for start, neg_end, m in valid:
        if start >= cursor:
            chosen.append(m)
            cursor = -neg_end
    return chosen


def highlight_html(text: str, mentions: Iterable[Mapping], language: str | None = None) -> str:
    """The whole text, escaped, with each mention wrapped in a coloured ``<mark>`` whose tooltip
    names its kind and id, in a box whose direction follows the language."""
    parts, cursor = [], 0
    for m in _usable(mentions, len(text)):
        start, end = int(m["start"]), int(m["end"])
        parts.append(escape(text[cursor:start]))
        parts.append(_mark(text[start:end], m))
        cursor = end
    parts.append(escape(text[cursor:]))
    lang = "ar" if direction(language) == "rtl" else (language or "en")
    return (
        f'<div class="zw-article" dir="{direction(language)}" lang="{escape(lang)}" '
        f'style="{_BOX_STYLE}">{"".join(parts)}</div>'
    )


def legend_html(kinds: Iterable[str] = KIND_COLOURS) -> str:
    """A one-line key to the mention colours."""
    chips = "".join(
        f'<span style="background: {KIND_COLOURS.get(k, _OTHER_COLOUR)}; padding: 1px 8px; '
        f'border-radius: 3px; margin-right: 6px">{escape(k)}</span>'
        for k in kinds
    )
    return f'<div class="zw-legend" style="font-size: 0.85rem">{chips}</div>'


def article_html(article: Mapping) -> str:
    """An article as the reader shows it: escaped title and source line, the colour key, and the
    highlighted text (``article`` is :func:`zonewatch.store.queries.article`'s dict)."""
    language = article.get("language")
    published = article.get("published")
    if isinstance(published, datetime):  # the store hands dates back as midnight timestamps
        published = published.date().isoformat()
    # Each part isolated, so an Arabic source name does not reorder the date beside it.
    meta = " · ".join(
        f"<bdi>{escape(v)}</bdi>"
        for v in (article.get("source"), published, language)
        if v not in (None, "")
    )
    return (
        f'<div class="zw-reader"><h4 dir="{direction(language)}" style="margin: 0.2rem 0">'
        f"{escape(shorten(article.get('title') or '(untitled)'))}</h4>"
        f'<div style="color: #666; font-size: 0.85rem">{meta}</div>'
        f"{legend_html()}"
        f"{highlight_html(str(article.get('text') or ''), article.get('mentions') or [], language)}"
        "</div>"
    )
