"""The dashboard's web map: governorates, zones coloured by status, one layer per agreement.

The map receives prepared dicts (see :func:`build_map`) and knows nothing of text processing or of
the store. Everything that reaches the browser as text is HTML-escaped here, in Python, and travels
as data inside the GeoJSON properties (JSON strings), never spliced into JavaScript source: the
evidence sentences come from untrusted articles, and folium's own ``Popup``/``Tooltip`` put their
HTML inside JavaScript template literals, where a backtick or ``${`` in an article would run code.

Leaflet is the only script the map needs. Folium's defaults also pull jQuery, Bootstrap and
Font Awesome from CDNs; they are dropped so that the map can be served with no internet from the
Leaflet files of the installed ``xstatic-leaflet`` package (inlined, or served by the app).
"""

from __future__ import annotations

import base64
import html
import re
import warnings
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from geo.style import status_styles

#: Basemap choices: key -> folium tile name (None: no tiles, governorates on a plain background,
#: which is the one that works with no internet).
BASEMAPS: dict[str, str | None] = {
    "none": None,
    "openstreetmap": "OpenStreetMap",
    "cartodb_positron": "CartoDB positron",
}
BASEMAP_LABELS: dict[str, str] = {
    "none": "None (offline: governorates only)",
    "openstreetmap": "OpenStreetMap",
    "cartodb_positron": "CartoDB Positron",
}
#: At most this many evidence sentences per zone reach the popup, each cut to this many characters,
#: so that the page stays small with a large store.
MAX_POPUP_EVIDENCE = 3
MAX_SENTENCE_CHARS = 280
#: Leaflet's own CDN address (as folium uses it), for maps that may load from the internet.
LEAFLET_CDN = {
    "js": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    "css": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
}
CAVEAT_EN = (
    "Zone footprints are approximate: drawn from the towns and governorates the sources name, "
    "not surveyed boundaries."
)
CAVEAT_AR = (
    "حدود المناطق تقريبية: مرسومة انطلاقاً من البلدات والمحافظات التي تذكرها المصادر، "
    "وليست حدوداً مساحية."
)
#: The legend's short form of the caveat (popups and pages carry the full one).
LEGEND_CAVEAT_EN = "Zone footprints are approximate."
LEGEND_CAVEAT_AR = "حدود المناطق تقريبية."
_BACKGROUND = "#eef2f5"
_SYRIA_BOUNDS = [[32.3, 35.6], [37.35, 42.4]]


def leaflet_dir() -> Path:
    """Folder of the installed Leaflet distribution (``leaflet.js``, ``leaflet.css``, ``images/``)."""
    import xstatic.pkg.leaflet as xleaflet

    return Path(xleaflet.BASE_DIR)


def leaflet_version() -> str:
    import xstatic.pkg.leaflet as xleaflet

    return str(xleaflet.VERSION)


@lru_cache(maxsize=1)
def inline_leaflet_urls() -> dict[str, str]:
    """Leaflet as ``data:`` URLs (the CSS with its images embedded), so a map works from a file
    on disk and inside streamlit-folium's iframe with no server and no internet."""
    folder = leaflet_dir()
    css = (folder / "leaflet.css").read_text("utf-8")

    def embed(match: re.Match[str]) -> str:
        image = folder / match.group(1)
        data = base64.b64encode(image.read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", embed, css)
    js = (folder / "leaflet.js").read_bytes()
    return {
        "js": "data:text/javascript;base64," + base64.b64encode(js).decode("ascii"),
        "css": "data:text/css;base64," + base64.b64encode(css.encode("utf-8")).decode("ascii"),
    }


def use_leaflet_assets(m: folium.Map, js: str, css: str) -> folium.Map:
    """Load Leaflet (and nothing else) from the given URLs; both the standalone HTML and
    streamlit-folium read the map's ``default_js``/``default_css``. Instance attributes, since
    folium's ``add_js_link`` would change the class-wide lists."""
    m.default_js = [("leaflet", js)]
    m.default_css = [("leaflet_css", css)]
    return m


def _text(value: Any) -> str:
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
    return f'<{tag} dir="rtl" lang="ar">{_text(value)}</{tag}>' if value else ""


def _status_badge(status: str) -> str:
    style = status_styles().get(status, status_styles()["none"])
    return (
        f'<span style="display:inline-block;width:.8em;height:.8em;background:{style["fill"]};'
        f'border:1px solid {style["edge"]};margin-right:.3em"></span>'
        f"{_text(style['label_en'])} · "
        f'<span dir="rtl" lang="ar">{_text(style["label_ar"])}</span>'
    )


def _interval(agreement: Mapping[str, Any]) -> str:
    parts = []
    if _day(agreement.get("agreed")):
        parts.append(f"agreed {_day(agreement.get('agreed'))}")
    if _day(agreement.get("start")):
        parts.append(f"in force from {_day(agreement.get('start'))}")
    if _day(agreement.get("end")):
        parts.append(f"ended {_day(agreement.get('end'))}")
    return _text(", ".join(parts) or "no dates")


def _cut(sentence: Any) -> str:
    text = "" if sentence is None else " ".join(str(sentence).split())
    return text if len(text) <= MAX_SENTENCE_CHARS else text[: MAX_SENTENCE_CHARS - 1] + "…"


def _evidence_html(item: Mapping[str, Any]) -> str:
    arabic = item.get("language") == "ar"
    direction = 'dir="rtl" lang="ar"' if arabic else 'dir="ltr"'
    source = " · ".join(
        f"<bdi>{x}</bdi>"
        for x in (_text(item.get("title")), _text(item.get("source")), _day(item.get("published")))
        if x
    )
    return (
        f'<li><div {direction} style="margin:.15em 0">{_text(_cut(item.get("sentence")))}</div>'
        f'<div style="color:#555;font-size:.85em" dir="auto">{source}</div></li>'
    )


def zone_popup(zone: Mapping[str, Any], info: Mapping[str, Any] | None, day: str) -> str:
    """The popup of one zone: names, status, covering agreements with dates, evidence count and
    the top evidence sentences, all escaped. ``zone`` is the GeoJSON feature's properties."""
    name_en = (info or {}).get("name_en") or zone.get("name_en") or zone.get("id")
    name_ar = (info or {}).get("name_ar") or zone.get("name_ar")
    out = [
        '<div class="zw-popup" style="max-width:360px;font-size:13px;line-height:1.35">',
        f'<div style="font-weight:600;font-size:14px">{_text(name_en)}</div>',
        _arabic(name_ar),
    ]
    if info is None:
        out.append('<div style="color:#555">Not in the current zone filter.</div></div>')
        return "".join(out)
    on = f" on {_text(day)}" if day else ""
    out.append(f"<div>Status{on}: {_status_badge(info.get('status', 'none'))}</div>")
    agreements = info.get("agreements") or []
    if agreements:
        out.append(
            '<div style="margin-top:.4em;font-weight:600">Agreements</div><ul style="margin:.2em 0;padding-left:1.2em">'
        )
        for a in agreements:
            origin = " (corpus only)" if a.get("origin") == "corpus" else ""
            out.append(
                f"<li>{_text(a.get('name_en') or a.get('id') or 'unknown agreement')}{_text(origin)}"
                f"{_arabic(a.get('name_ar'))}"
                f'<div style="color:#555;font-size:.9em">{_text(_row_label(a.get("status")))}; {_interval(a)}</div></li>'
            )
        out.append("</ul>")
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
            f'<div style="margin-top:.4em;color:#7a4b00;font-size:.85em">{_text(CAVEAT_EN)}</div>'
            f'<div dir="rtl" lang="ar" style="color:#7a4b00;font-size:.85em">{_text(CAVEAT_AR)}</div>'
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
    ar = f' · <span dir="rtl" lang="ar">{_text(name_ar)}</span>' if name_ar else ""
    if info is None:
        return f"<b>{_text(name_en)}</b>{ar}"
    count = int(info.get("evidence_count") or 0)
    return (
        f"<b>{_text(name_en)}</b>{ar}<br>{_text(_label(info.get('status')))}"
        f" · {len(info.get('agreements') or [])} agreement(s) · {count} evidence"
    )


def _style(status: str, selected: bool, in_filter: bool = True) -> dict[str, Any]:
    s = status_styles().get(status, status_styles()["none"])
    return {
        "color": "#111111" if selected else s["edge"],
        "weight": 3 if selected else 1.5,
        "fillColor": s["fill"],
        "fillOpacity": (0.6 if status != "none" else 0.15) if in_filter else 0.05,
        "dashArray": "4 3" if status == "none" or not in_filter else None,
    }


#: Binds the escaped popup/tooltip carried in each feature's properties; the strings are data.
#: Popups keep clear of the layers button (top right) when Leaflet pans the map to show them.
_BIND = JsCode(
    """function(feature, layer) {
        var p = feature.properties || {};
        if (p.zw_tooltip) { layer.bindTooltip(p.zw_tooltip, {sticky: true}); }
        if (p.zw_popup) { layer.bindPopup(p.zw_popup, {maxWidth: 380, maxHeight: 280, autoPanPaddingTopLeft: [10, 60]}); }
        layer.on('mouseover', function () { layer.setStyle({weight: 3}); });
        layer.on('mouseout', function () { layer.setStyle(p.style || {}); });
    }"""
)


def _features(collection: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    return list((collection or {}).get("features") or [])


def _zone_id(feature: Mapping[str, Any]) -> str:
    props = feature.get("properties") or {}
    return str(props.get("id") or props.get("zone") or feature.get("id") or "")


def _draw_order(features: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Top-level zones first, finer areas (which lie inside them) last, so both stay clickable."""
    return sorted(features, key=lambda f: bool((f.get("properties") or {}).get("parent")))


def _lean(feature: Mapping[str, Any], props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": feature.get("geometry")}


def _zone_layer(
    zones: list[dict[str, Any]],
    zone_info: Mapping[str, Mapping[str, Any]],
    day: str,
    selected: set[str],
) -> folium.GeoJson:
    features = []
    for feature in _draw_order(zones):
        zid = _zone_id(feature)
        props = feature.get("properties") or {}
        info = zone_info.get(zid)
        status = (info or {}).get("status", "none")
        features.append(
            _lean(
                feature,
                {
                    "zone": zid,
                    "name_en": _text(props.get("name_en") or zid),
                    "status": status,
                    "style": _style(status, zid in selected, info is not None),
                    "zw_tooltip": zone_tooltip(props, info),
                    "zw_popup": zone_popup(props, info, day),
                },
            )
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=_text(f"Zones by status on {day}" if day else "Zones by status"),
        on_each_feature=_BIND,
        className="zw-zone",
        smooth_factor=1.0,
    )


def _agreements(zone_info: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Known agreements met in ``zone_info``, each with the zones it covers and their rows."""
    found: dict[str, dict[str, Any]] = {}
    for zid, info in zone_info.items():
        for a in info.get("agreements") or []:
            if not a.get("id"):
                continue
            entry = found.setdefault(a["id"], {"agreement": a, "zones": {}})
            entry["zones"].setdefault(zid, a)
    return found


def _agreement_popup(agreement: Mapping[str, Any], zone: Mapping[str, Any]) -> str:
    return (
        '<div class="zw-popup" style="max-width:340px;font-size:13px">'
        f'<div style="font-weight:600">{_text(agreement.get("name_en") or agreement.get("id"))}</div>'
        f"{_arabic(agreement.get('name_ar'))}"
        f"<div>{_text(zone.get('name_en'))}{(' · ' + _arabic(zone.get('name_ar'), 'span')) if zone.get('name_ar') else ''}</div>"
        f"<div>{_status_badge(str(agreement.get('status', 'none')))}</div>"
        f'<div style="color:#555">{_interval(agreement)}</div></div>'
    )


def _agreement_layers(
    zones: list[dict[str, Any]], zone_info: Mapping[str, Mapping[str, Any]], day: str
) -> list[folium.FeatureGroup]:
    by_id = {_zone_id(f): f for f in zones}
    groups = []
    found = _agreements(zone_info)
    # In the order the agreements were made, as an analyst reads the period.
    chronological = sorted(
        found.items(), key=lambda kv: (_day(kv[1]["agreement"].get("agreed")) or "9999", kv[0])
    )
    for aid, entry in chronological:
        agreement = entry["agreement"]
        features = []
        for zid, row in entry["zones"].items():
            feature = by_id.get(zid)
            if feature is None:
                continue
            props = feature.get("properties") or {}
            status = str(row.get("status", "none"))
            features.append(
                _lean(
                    feature,
                    {
                        "zone": zid,
                        "agreement": aid,
                        "style": {**_style(status, False), "fillOpacity": 0.35, "weight": 2.5},
                        "zw_tooltip": f"<b>{_text(agreement.get('name_en') or aid)}</b><br>"
                        f"{_text(props.get('name_en') or zid)}: {_text(_label(status))}",
                        "zw_popup": _agreement_popup(row, props),
                    },
                )
            )
        if not features:
            continue
        group = folium.FeatureGroup(name=_text(agreement.get("name_en") or aid), show=False)
        folium.GeoJson(
            {"type": "FeatureCollection", "features": _draw_order(features)},
            on_each_feature=_BIND,
            className=f"zw-agreement zw-agreement-{re.sub(r'[^a-z0-9_]', '', aid)}",
        ).add_to(group)
        groups.append(group)
    return groups


def _governorate_layer(governorates: list[dict[str, Any]], filled: bool) -> folium.GeoJson:
    """The base layer; filled on a plain background, outlines only over tiles."""
    style = {
        "color": "#6b6b6b",
        "weight": 1,
        "fillColor": "#fbfaf7",
        "fillOpacity": 1 if filled else 0,
    }
    features = []
    for feature in governorates:
        props = feature.get("properties") or {}
        ar = props.get("name_ar")
        tooltip = f"{_text(props.get('name_en') or props.get('iso') or '')}" + (
            f' · <span dir="rtl" lang="ar">{_text(ar)}</span>' if ar else ""
        )
        features.append(
            _lean(
                feature,
                {
                    "iso": _text(props.get("iso")),
                    "style": style,
                    "zw_tooltip": tooltip,
                },
            )
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Governorates",
        on_each_feature=_BIND,
        className="zw-governorate",
        control=False,
    )


class _Legend(MacroElement):
    """The legend, date and caveat as a Leaflet control. Its HTML is built and escaped in Python
    and handed to the browser as a JSON string. The same script adds the source line, the
    right-to-left alignment rule and the plain background of a map without tiles: a script works
    both standalone and inside streamlit-folium's iframe, where a page header would be dropped."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            // Leaflet aligns popups left; right-to-left blocks must start on the right. The layer
            // list gets a map-sized font (the component page would enlarge it).
            var css = document.createElement('style');
            css.textContent = '.leaflet-container [dir=rtl] { text-align: start; }'
                + ' .leaflet-control-layers { font: 12px/1.4 sans-serif; }';
            document.head.appendChild(css);
            var legend = L.control({position: 'bottomright'});
            legend.onAdd = function () {
                var div = L.DomUtil.create('div', 'zw-legend');
                div.innerHTML = {{ this.legend_html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo(map);
            {% if this.attribution %}
            map.attributionControl.addAttribution({{ this.attribution|tojson }});
            map.attributionControl.getContainer().style.fontSize = '10px';
            {% endif %}
            {% if this.background %}map.getContainer().style.background = {{ this.background|tojson }};{% endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str, attribution: str, background: str | None) -> None:
        super().__init__()
        self._name = "ZwLegend"
        self.legend_html = legend_html
        self.attribution = attribution
        self.background = background


def legend_html(day: str, approximate: bool) -> str:
    rows = "".join(
        f'<div style="margin:1px 0">{_status_badge(sid)}</div>' for sid in status_styles()
    )
    title = f"Coverage on {_text(day)}" if day else "Coverage"
    caveat = (
        f'<div style="margin-top:4px;color:#7a4b00">{_text(LEGEND_CAVEAT_EN)}</div>'
        f'<div dir="rtl" lang="ar" style="color:#7a4b00">{_text(LEGEND_CAVEAT_AR)}</div>'
        if approximate
        else ""
    )
    return (
        '<div style="background:rgba(255,255,255,.92);padding:6px 8px;border-radius:4px;'
        'box-shadow:0 1px 4px rgba(0,0,0,.3);font:12px/1.35 sans-serif;max-width:300px">'
        f'<div style="font-weight:600;margin-bottom:3px">{title}</div>{rows}{caveat}</div>'
    )


def _attribution(web_geojson: Mapping[str, Any]) -> str:
    """Source line for the boundaries, as the zone geometry states it (it names the governorate
    source too, since the footprints are drawn from it)."""
    notes: dict[str, None] = {}
    for feature in _features(web_geojson.get("zones")):
        note = (feature.get("properties") or {}).get("attribution")
        if note:
            notes[str(note)] = None
    if not notes:
        licence = ((web_geojson.get("governorates") or {}).get("properties") or {}).get("licence")
        if licence:
            notes[f"Governorates: {licence}"] = None
    return "; ".join(notes)


def _bounds(features: Iterable[Mapping[str, Any]]) -> list[list[float]]:
    lons: list[float] = []
    lats: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            lons.append(float(coords[0]))
            lats.append(float(coords[1]))
        else:
            for c in coords or ():
                walk(c)

    for f in features:
        walk((f.get("geometry") or {}).get("coordinates"))
    if not lons:
        return _SYRIA_BOUNDS
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def build_map(
    web_geojson: Mapping[str, Any],
    zone_info: Mapping[str, Mapping[str, Any]],
    basemap: str = "none",
    offline_assets: bool = False,
    *,
    day: date | str | None = None,
    selected: Iterable[str] = (),
    height: int | str = "100%",
) -> folium.Map:
    """The zone map for one date.

    ``web_geojson``: ``{"governorates": FeatureCollection, "zones": FeatureCollection}`` (zone
    features carry ``id``, ``name_en``, ``name_ar``, ``parent``, ``approximate``).
    ``zone_info``: per zone id, ``status``, ``agreements``, ``evidence_count``, ``evidence`` and
    ``approximate`` (see ``zonewatch.mapdata``); zones missing from it are drawn faintly as
    outside the current filter. ``basemap``: a key of :data:`BASEMAPS`. ``offline_assets``: embed
    Leaflet in the map so it renders with no internet (else Leaflet comes from its CDN).
    ``day`` titles the legend; ``selected`` zones get a dark outline.
    """
    if basemap not in BASEMAPS:
        raise ValueError(f"unknown basemap {basemap!r}; choose one of {', '.join(BASEMAPS)}")
    day_text = _day(day) if day is not None else ""
    governorates = _features(web_geojson.get("governorates"))
    zones = _features(web_geojson.get("zones"))
    tiles = BASEMAPS[basemap]
    m = folium.Map(
        location=[35.0, 38.5],
        zoom_start=7,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
        zoom_snap=0.25,
        height=height,
    )
    if tiles:
        with warnings.catch_warnings():
            # xyzservices now lists an API key for CARTO; folium drops it and uses the public
            # basemap URL, which is what we want, but warns on every map.
            warnings.filterwarnings("ignore", message="CartoDB tiles now require an API key")
            folium.TileLayer(tiles, name=BASEMAP_LABELS[basemap], control=False).add_to(m)
    if governorates:
        _governorate_layer(governorates, filled=not tiles).add_to(m)
    _zone_layer(zones, zone_info, day_text, set(selected)).add_to(m)
    for group in _agreement_layers(zones, zone_info, day_text):
        group.add_to(m)
    approximate = any(
        (zone_info.get(_zone_id(f)) or {}).get(
            "approximate", (f.get("properties") or {}).get("approximate", True)
        )
        for f in zones
    )
    # The legend goes bottom right, over the empty desert of the south-east: the north-east
    # holds governorates and the west holds the zones.
    folium.LayerControl(collapsed=True, position="topright").add_to(m)
    _Legend(
        legend_html(day_text, approximate),
        _text(_attribution(web_geojson)),
        None if tiles else _BACKGROUND,
    ).add_to(m)
    m.fit_bounds(_bounds(governorates or zones), padding=(8, 8))
    assets_ = inline_leaflet_urls() if offline_assets else LEAFLET_CDN
    use_leaflet_assets(m, assets_["js"], assets_["css"])
    return m
