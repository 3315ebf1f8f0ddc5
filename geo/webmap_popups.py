"""The text of the web map's popups and tooltips, escaped in Python.

Everything that reaches the browser as text is HTML-escaped here and travels as data inside the
GeoJSON properties (JSON strings), never spliced into JavaScript source: the evidence sentences
come from untrusted articles, and folium's own ``Popup``/``Tooltip`` put their HTML inside
JavaScript template literals, where a backtick or ``${`` in an article would run code.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from geo.style import status_styles

#: At most this many evidence sentences per zone reach the popup, each cut to this many characters,
#: so that the page stays small with a large store.
MAX_POPUP_EVIDENCE = 3
MAX_SENTENCE_CHARS = 280
CAVEAT_EN = (
    "Zone footprints are approximate: drawn from the towns and governorates the sources name, "
    "not surveyed boundaries."
)
CAVEAT_AR = (
    "حدود المناطق تقريبية: مرسومة انطلاقاً من البلدات والمحافظات التي تذكرها المصادر، "
    "وليست حدوداً مساحية."
)


def escape_text(value: Any) -> str:
    """Untrusted text (article titles, evidence, names) as HTML: the one escape of the web map."""
    return html.escape("" if value is None else str(value), quote=True)


def _day(value: Any) -> str:
    """A date as YYYY-MM-DD, or '' for missing values (None, NaN, NaT)."""
    if value is None or value != value:  # NaN/NaT are not equal to themselves
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    return "" if text in ("NaT", "nan", "None") else text[:10]


def _arabic(value: Any, tag: str = "div") -> str:
    return f'<{tag} dir="rtl" lang="ar">{escape_text(value)}</{tag}>' if value else ""


def _status_badge(status: str) -> str:
    style = status_styles().get(status, status_styles()["none"])
    return (
        f'<span style="display:inline-block;width:.8em;height:.8em;background:{style["fill"]};'
        f'border:1px solid {style["edge"]};margin-right:.3em"></span>'
        f"{escape_text(style['label_en'])} · "
        f'<span dir="rtl" lang="ar">{escape_text(style["label_ar"])}</span>'
    )


def _interval(agreement: Mapping[str, Any]) -> str:
    parts = []
    if _day(agreement.get("agreed")):
        parts.append(f"agreed {_day(agreement.get('agreed'))}")
    if _day(agreement.get("start")):
        parts.append(f"in force from {_day(agreement.get('start'))}")
    if _day(agreement.get("end")):
        parts.append(f"ended {_day(agreement.get('end'))}")
    return escape_text(", ".join(parts) or "no dates")


def _cut(sentence: Any) -> str:
    text = "" if sentence is None else " ".join(str(sentence).split())
    return text if len(text) <= MAX_SENTENCE_CHARS else text[: MAX_SENTENCE_CHARS - 1] + "…"


def _evidence_html(item: Mapping[str, Any]) -> str:
    arabic = item.get("language") == "ar"
    direction = 'dir="rtl" lang="ar"' if arabic else 'dir="ltr"'
    source = " · ".join(
        f"<bdi>{x}</bdi>"
        for x in (
            escape_text(item.get("title")),
            escape_text(item.get("source")),
            _day(item.get("published")),
        )
        if x
    )
    return (
        f'<li><div {direction} style="margin:.15em 0">{escape_text(_cut(item.get("sentence")))}</div>'
        f'<div style="color:#555;font-size:.85em" dir="auto">{source}</div></li>'
    )


def zone_popup(zone: Mapping[str, Any], info: Mapping[str, Any] | None, day: str) -> str:
    """The popup of one zone: names, status, covering agreements with dates, evidence count and
    the top evidence sentences, all escaped. ``zone`` is the GeoJSON feature's properties."""
    name_en = (info or {}).get("name_en") or zone.get("name_en") or zone.get("id")
    name_ar = (info or {}).get("name_ar") or zone.get("name_ar")
    out = [
        '<div class="zw-popup" style="max-width:360px;font-size:13px;line-height:1.35">',
        f'<div style="font-weight:600;font-size:14px">{escape_text(name_en)}</div>',
        _arabic(name_ar),
    ]
    if info is None:
        out.append('<div style="color:#555">Not in the current zone filter.</div></div>')
        return "".join(out)
    on = f" on {escape_text(day)}" if day else ""
    out.append(f"<div>Status{on}: {_status_badge(info.get('status', 'none'))}</div>")
    agreements = info.get("agreements") or []
    if agreements:
        out.append(
            '<div style="margin-top:.4em;font-weight:600">Agreements</div><ul style="margin:.2em 0;padding-left:1.2em">'
        )
        for a in agreements:
            origin = " (corpus only)" if a.get("origin") == "corpus" else ""
            out.append(
                f"<li>{escape_text(a.get('name_en') or a.get('id') or 'unknown agreement')}{escape_text(origin)}"
                f"{_arabic(a.get('name_ar'))}"
                f'<div style="color:#555;font-size:.9em">{escape_text(_row_label(a.get("status")))}; {_interval(a)}</div></li>'
            )
        out.append("</ul>")
    if zone.get("area_km2") is not None and zone.get("footprint_km2"):
        out.append(
            f"<div>Held{on}: {float(zone['area_km2']):,.0f} km² of "
            f"{float(zone['footprint_km2']):,.0f} km² (lost {float(zone.get('lost_km2') or 0):,.0f} km²)</div>"
        )
    count = int(info.get("evidence_count") or 0)
    out.append(
        f'<div style="margin-top:.4em"><b>Evidence:</b> {count} sentence{"" if count == 1 else "s"} in the corpus</div>'
    )
    evidence = list(info.get("evidence") or [])[:MAX_POPUP_EVIDENCE]
    if evidence:
        out.append('<ol style="margin:.2em 0;padding-left:1.2em">')
        out.extend(_evidence_html(e) for e in evidence)
        out.append("</ol>")
    if info.get("approximate", zone.get("approximate", True)):
        out.append(
            f'<div style="margin-top:.4em;color:#7a4b00;font-size:.85em">{escape_text(CAVEAT_EN)}</div>'
            f'<div dir="rtl" lang="ar" style="color:#7a4b00;font-size:.85em">{escape_text(CAVEAT_AR)}</div>'
        )
    out.append("</div>")
    return "".join(out)


#: How an agreement row (rather than a zone) reads in a popup when its status is not a zone colour.
_ROW_LABELS = {
    "none": "Not yet agreed on this date",
    "claimed": "Claimed in the corpus, not in the registry",
}


def _label(status: Any) -> str:
    return status_styles().get(str(status), status_styles()["none"])["label_en"]


def _row_label(status: Any) -> str:
    return _ROW_LABELS.get(str(status)) or _label(status)


def zone_tooltip(zone: Mapping[str, Any], info: Mapping[str, Any] | None) -> str:
    name_en = (info or {}).get("name_en") or zone.get("name_en") or zone.get("id")
    name_ar = (info or {}).get("name_ar") or zone.get("name_ar")
    ar = f' · <span dir="rtl" lang="ar">{escape_text(name_ar)}</span>' if name_ar else ""
    if info is None:
        return f"<b>{escape_text(name_en)}</b>{ar}"
    count = int(info.get("evidence_count") or 0)
    return (
        f"<b>{escape_text(name_en)}</b>{ar}<br>{escape_text(_label(info.get('status')))}"
        f" · {len(info.get('agreements') or [])} agreement(s) · {count} evidence"
    )
