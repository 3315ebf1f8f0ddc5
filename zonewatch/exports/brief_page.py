"""The one-page briefing: the map, the agreements in force, the timeline and the evidence of one
view as a single HTML file that prints on A4 and travels by mail (images embedded).

Article text is untrusted: every value reaches the page through :func:`_e` (HTML-escaped), and
Arabic text is marked right to left.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from typing import Any

from zonewatch.core.dates import iso_day
from zonewatch.core.html import escape as _e
from zonewatch.core.html import shorten
from zonewatch.core.registry import Registry, load_registry
from zonewatch.exports.facts import (
    Selection,
    has_approximate_shapes,
    source_line,
    status_word,
    zone_info,
    zones_frame,
)
from zonewatch.store.dataset import Store

#: Files of a briefing folder, in the order a reader meets them.
BRIEF_FILES = {
    "page": "brief.html",
    "map_png": "map.png",
    "map_html": "map.html",
    "timeline_png": "timeline.png",
    "geojson": "zones.geojson",
    "evidence": "evidence.csv",
}

#: Evidence sentences per zone on the briefing page.
BRIEF_EVIDENCE_PER_ZONE = 3


def _ar(value: Any, tag: str = "span") -> str:
    return f'<{tag} dir="rtl" lang="ar">{_e(value)}</{tag}>' if value else ""


def _agreements_table(store: Store, selection: Selection, registry: Registry) -> str:
    from zonewatch.core.viewfilter import rows_in_view
    from zonewatch.store import queries

    cov = queries.coverage_at(store, selection.day)
    cov = rows_in_view(
        cov[cov["origin"] == "registry"], registry, selection.agreements, selection.zones
    )
    order = {z: i for i, z in enumerate(registry.zones)}  # registry order: Idlib first
    cov = cov[cov["status"].isin(["in_force", "agreed"])]
    cov = cov.assign(_rank=cov["zone"].map(order)).sort_values(["_rank", "start"], kind="stable")
    if cov.empty:
        return "<p>No agreement in view is in force or agreed on this date.</p>"
    rows = []
    for r in cov.itertuples(index=False):
        a, z = registry.agreements[r.agreement], registry.zones[r.zone]
        rows.append(
            f"<tr><td>{_e(a.name_en)}{_ar(a.name_ar, 'div')}</td><td>{_e(z.name_en)}{_ar(z.name_ar, 'div')}</td>"
            f'<td class="st st-{_e(r.status)}">{_e(status_word(r.status))}</td>'
            f"<td>{_e(iso_day(r.agreed))}</td><td>{_e(iso_day(r.start))}</td><td>{_e(iso_day(r.end) or '—')}</td>"
            f"<td class='num'>{int(r.evidence_count)}</td></tr>"
        )
    return (
        "<table><thead><tr><th>Agreement</th><th>Zone</th><th>Status</th><th>Agreed</th>"
        "<th>In force from</th><th>Ended</th><th>Articles</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _evidence_list(info: Mapping[str, Mapping[str, Any]], frame, registry: Registry) -> str:
    blocks = []
    for _, row in frame.iterrows():
        items = list((info.get(row["id"]) or {}).get("evidence") or [])[:BRIEF_EVIDENCE_PER_ZONE]
        if not items:
            continue
        lis = []
        for item in items:
            language = str(item.get("language") or "und")
            attrs = f'dir="{"rtl" if language == "ar" else "ltr"}" lang="{_e(language)}"'
            # Each part isolated (<bdi>), the date forced left to right: in an Arabic line an ISO
            # date would otherwise be shown as 06-05-2017.
            parts = [
                f"<bdi>{_e(shorten(x))}</bdi>" for x in (item.get("title"), item.get("source")) if x
            ]
            if item.get("published"):
                parts.append(f'<bdi dir="ltr">{_e(iso_day(item.get("published")))}</bdi>')
            lis.append(
                f"<li><blockquote {attrs}>{_e(item.get('sentence'))}</blockquote>"
                f"<cite {attrs}>{' · '.join(parts)}</cite></li>"
            )
        zone = registry.zones.get(row["id"])
        name = f"{_e(zone.name_en)} {_ar(zone.name_ar)}" if zone else _e(row["name_en"])
        blocks.append(f"<h3>{name}</h3><ol>{''.join(lis)}</ol>")
    return "".join(blocks) or "<p>No corpus evidence for the zones in view.</p>"


_CSS = """
@page { size: A4; margin: 14mm; }
body { font: 10.5pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #1d1d1d; max-width: 182mm; margin: 1em auto; }
h1 { font-size: 17pt; margin: 0 0 .2em; } h2 { font-size: 12.5pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #ccc; }
h3 { font-size: 10.5pt; margin: .8em 0 .2em; } img { width: 100%; height: auto; border: 1px solid #ddd; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; } th, td { border-bottom: 1px solid #ddd; padding: 3px 5px; text-align: left; vertical-align: top; }
td.num { text-align: right; } .st-in_force { color: #004a75; font-weight: 600; } .st-agreed { color: #9a6a00; font-weight: 600; }
blockquote { margin: .1em 0; } blockquote[dir=rtl] { font-size: 11pt; } cite { display: block; } cite { color: #555; font-size: 8.5pt; font-style: normal; }
.caveat { background: #fff6e5; border-left: 3px solid #e69f00; padding: .4em .7em; font-size: 9pt; }
.meta, footer { color: #555; font-size: 8.5pt; } ul.files { font-size: 9pt; }
"""


def _img(data: bytes, alt: str) -> str:
    return f'<img alt="{_e(alt)}" src="data:image/png;base64,{base64.b64encode(data).decode()}">'


def brief_page(
    store: Store,
    selection: Selection,
    *,
    map_png: bytes,
    timeline_png: bytes,
) -> str:
    """The one-page briefing; images are embedded so the page travels as one file."""
    from geo.webmap_popups import CAVEAT_AR, CAVEAT_EN

    registry = load_registry()
    info = zone_info(store, selection)
    frame = zones_frame(store, selection)
    counts = store.counts()
    day = selection.day
    files = "".join(
        f'<li><a href="{_e(name)}">{_e(name)}</a></li>'
        for key, name in BRIEF_FILES.items()
        if key != "page"
    )
    approximate = has_approximate_shapes(frame)
    caveats = [
        f"<li>{_e(CAVEAT_EN)}<br>{_ar(CAVEAT_AR)}</li>" if approximate else "",
        "<li>Dates come from the Zonewatch registry, compiled from cited public sources; where "
        "sources differ (for example the memorandum's entry into force, 4–6 May 2017) the registry "
        "keeps one date and cites the others.</li>",
        f"<li>Evidence sentences are found automatically in {counts.get('articles', 0)} ingested "
        "articles and quoted as published: read them in their article before citing.</li>",
    ]
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Zonewatch briefing {_e(day.isoformat())}</title>
<style>{_CSS}</style></head>
<body>
<h1>De-escalation zones in Syria on {_e(f"{day.day} {day:%B %Y}")}</h1>
<p class="meta">Coverage on {_e(day.isoformat())} · {_e(selection.describe(registry))} ·
{counts.get("articles", 0)} articles, {counts.get("claims", 0)} claims in the corpus</p>
{_img(map_png, f"Map of the de-escalation zones by status on {day.isoformat()}")}
<h2>Agreements in force on {_e(day.isoformat())}</h2>
{_agreements_table(store, selection, registry)}
<h2>Timeline</h2>
{_img(timeline_png, "Timeline of agreements by zone with corpus evidence")}
<h2>Evidence</h2>
{_evidence_list(info, frame, registry)}
<h2>Caveats</h2>
<ul class="caveat">{"".join(caveats)}</ul>
<h2>Files</h2>
<ul class="files">{files}</ul>
<footer>{_e(source_line(frame))} Evidence: the articles cited above. Made with Zonewatch.</footer>
</body></html>
"""
