"""Web-map layers for territory over time and for reading it: lost ground, front line, towns,
the M4 and M5, the Turkish and Jordanian borders.

Lost ground is hatched in the "ended" grey. Leaflet has no hatching, so one SVG ``<pattern>`` is
added to the page and the lost paths (class ``zw-lost``) are filled with it by CSS. As in
:mod:`geo.webmap`, every text reaching the browser is escaped here and travels as data in the
GeoJSON properties, never inside JavaScript source.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from geo import basemap
from geo.control import registry_day
from geo.style import status_styles
from geo.webmap_popups import escape_text

#: Registry sources and corpus sentences per lost-place popup (the page stays small).
MAX_POPUP_SOURCES = 3
MAX_POPUP_CLAIMS = 3
FRONT_STYLE = {"color": "#b3001b", "weight": 2.5, "dashArray": "6 4", "opacity": 0.9}
HIGHWAY_STYLE = {"color": "#7a5c2e", "weight": 2.2, "opacity": 0.85}
BORDER_STYLE = {"color": "#333333", "weight": 2.4, "opacity": 0.8, "dashArray": "10 4 2 4"}


def _ar(value: Any) -> str:
    return f' · <span dir="rtl" lang="ar">{escape_text(value)}</span>' if value else ""


def lost_tooltip(props: Mapping[str, Any]) -> str:
    """Place and date, e.g. "Khan Shaykhun · خان شيخون — lost 2019-08-21"."""
    what = "with the zone's end" if props.get("zone_end") else f"{props.get('kind', 'lost')}"
    return (
        f"<b>{escape_text(props.get('name_en'))}</b>{_ar(props.get('name_ar'))}<br>"
        f"lost {escape_text(props.get('lost_on'))} ({escape_text(what)})"
    )


def _link(url: str) -> str:
    safe = url if url.startswith(("http://", "https://")) else ""
    label = escape_text(url.split("//", 1)[-1][:60])
    return f'<a href="{escape_text(safe)}" target="_blank" rel="noopener noreferrer">{label}</a>'


def lost_popup(props: Mapping[str, Any], claims: list[Mapping[str, Any]] | None) -> str:
    """Registry facts and sources for one lost place, then the corpus events about it (or a
    plain statement that the corpus holds none / is not searched)."""
    sides = f"{props.get('from_side', '')} → {props.get('to_side', '')}".replace("_", " ")
    out = [
        '<div class="zw-popup" style="max-width:360px;font-size:13px;line-height:1.35">',
        f'<div style="font-weight:600">{escape_text(props.get("name_en"))}</div>',
        f'<div dir="rtl" lang="ar">{escape_text(props.get("name_ar"))}</div>'
        if props.get("name_ar")
        else "",
        f"<div>Lost {escape_text(props.get('lost_on'))}: {escape_text(props.get('kind'))} ({escape_text(sides)})</div>",
    ]
    if props.get("alt_dates"):
        out.append(f"<div>Other dates: {escape_text('; '.join(props['alt_dates']))}</div>")
    if props.get("note"):
        out.append(f'<div style="color:#555">{escape_text(props["note"])}</div>')
    sources = list(props.get("sources") or [])[:MAX_POPUP_SOURCES]
    out.append(
        '<div style="margin-top:.3em"><b>Registry sources</b></div><ul style="margin:.1em 0;padding-left:1.2em">'
    )
    out.extend(f"<li>{_link(s)}</li>" for s in sources)
    out.append("</ul>")
    out.append(_claims_html(claims))
    out.append("</div>")
    return "".join(out)


def _claims_html(claims: list[Mapping[str, Any]] | None) -> str:
    if claims is None:
        return '<div style="color:#555">Corpus: not consulted for this map (registry only).</div>'
    if not claims:
        return '<div style="color:#555">Corpus: no control event about this place.</div>'
    items = []
    for c in claims[:MAX_POPUP_CLAIMS]:
        direction = 'dir="rtl" lang="ar"' if c.get("language") == "ar" else 'dir="auto"'
        meta = " · ".join(escape_text(c.get(k)) for k in ("date", "source", "title") if c.get(k))
        items.append(
            f"<li><div {direction}>{escape_text(c.get('sentence'))}</div>"
            f'<div style="color:#555;font-size:.85em">{meta}</div></li>'
        )
    return (
        f'<div style="margin-top:.3em"><b>Corpus</b> ({len(claims)})</div>'
        f'<ol style="margin:.1em 0;padding-left:1.2em">{"".join(items)}</ol>'
    )


_BIND = JsCode(
    """function(feature, layer) {
        var p = feature.properties || {};
        if (p.zw_tooltip) { layer.bindTooltip(p.zw_tooltip, {sticky: true}); }
        if (p.zw_popup) { layer.bindPopup(p.zw_popup, {maxWidth: 380, maxHeight: 280}); }
    }"""
)


def _claims_for(props: Mapping[str, Any], claims: Mapping[str, list]) -> list:
    """The corpus events about any name of the lost cell, nearest the loss date first."""
    keys = props.get("keys") or [props.get("place")]
    found = [c for k in keys for c in claims.get(f"{props.get('zone')}:{k}", [])]
    lost_on = str(props.get("lost_on") or "")
    return sorted(found, key=lambda c: (_day_gap(str(c.get("date") or ""), lost_on), str(c)))


def _day_gap(a: str, b: str) -> int:
    """Days between two registry-style dates (a month counts as its last day); far if unknown."""
    try:
        return abs((registry_day(a[:10])[0] - registry_day(b[:10])[0]).days)
    except ValueError:
        return 10**6


def lost_layer(
    lost: list[Mapping[str, Any]], claims: Mapping[str, list] | None, day: str
) -> folium.GeoJson:
    """Hatched cells of the places lost since the agreement took effect."""
    grey = status_styles()["ended"]
    features = []
    for feature in lost:
        props = feature.get("properties") or {}
        found = None if claims is None else _claims_for(props, claims)
        features.append(
            {
                "type": "Feature",
                "geometry": feature.get("geometry"),
                "properties": {
                    "place": escape_text(props.get("place")),
                    # Cells that went with the zone's end are many: faint edges, one hatch.
                    "style": {
                        "color": grey["edge"],
                        "weight": 0.25 if props.get("zone_end") else 0.8,
                        "fillOpacity": 0.9,
                    },
                    "zw_tooltip": lost_tooltip(props),
                    "zw_popup": lost_popup(props, found),
                },
            }
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=escape_text(f"Ground lost by {day}" if day else "Ground lost"),
        on_each_feature=_BIND,
        className="zw-lost",
    )


def front_layer(front: list[Mapping[str, Any]], day: str) -> folium.GeoJson:
    features = [
        {
            "type": "Feature",
            "geometry": f.get("geometry"),
            "properties": {
                "style": FRONT_STYLE,
                "zw_tooltip": escape_text(f"Front line on {day}" if day else "Front line"),
            },
        }
        for f in front
    ]
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name="Front line",
        on_each_feature=_BIND,
        className="zw-front",
    )


def _line_layer(collection: dict, name: str, style: dict, key: str) -> folium.GeoJson:
    features = [
        {
            "type": "Feature",
            "geometry": f["geometry"],
            "properties": {
                "style": style,
                "zw_tooltip": f"<b>{escape_text(f['properties']['name_en'])}</b>"
                + _ar(f["properties"].get("name_ar")),
            },
        }
        for f in collection["features"]
    ]
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=name,
        on_each_feature=_BIND,
        className=f"zw-{key}",
    )


_TOWN = JsCode(
    """function(feature, latlng) {
        var p = feature.properties || {};
        var cls = 'zw-town zw-town-r' + p.rank;
        var marker = L.circleMarker(latlng, {radius: p.rank === 1 ? 3.5 : 2.5, color: '#222',
            weight: 1, fillColor: '#fff', fillOpacity: 1, className: cls});
        marker.bindTooltip(p.label, {permanent: true, direction: 'right', offset: [4, 0],
            className: cls + ' zw-town-label'});
        return marker;
    }"""
)


def town_layer() -> folium.GeoJson:
    """Labelled towns: capitals always, more as one zooms in (see :class:`BasemapStyle`)."""
    collection = basemap.towns_geojson()
    for f in collection["features"]:
        p = f["properties"]
        p["label"] = escape_text(p["name_en"])
    return folium.GeoJson(collection, name="Towns", point_to_layer=_TOWN, control=True)


class BasemapStyle(MacroElement):
    """The hatch pattern of lost ground and the zoom rule of town labels (CSS classes)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            if (!document.getElementById('zw-hatch')) {
                var holder = document.createElement('div');
                holder.innerHTML = {{ this.defs|tojson }};
                document.body.appendChild(holder.firstChild);
                var css = document.createElement('style');
                css.textContent = {{ this.css|tojson }};
                document.head.appendChild(css);
            }
            var zooms = {{ this.zooms|tojson }};
            function update() {
                var z = map.getZoom(), box = map.getContainer();
                Object.keys(zooms).forEach(function (rank) {
                    box.classList.toggle('zw-show-r' + rank, z >= zooms[rank]);
                });
            }
            map.on('zoomend', update);
            update();
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "ZwBasemapStyle"
        grey = status_styles()["ended"]
        self.defs = (
            '<svg width="0" height="0" style="position:absolute" aria-hidden="true"><defs>'
            '<pattern id="zw-hatch" patternUnits="userSpaceOnUse" width="7" height="7" '
            'patternTransform="rotate(45)">'
            f'<rect width="7" height="7" fill="{grey["fill"]}" fill-opacity="0.35"/>'
            f'<line x1="0" y1="0" x2="0" y2="7" stroke="{grey["edge"]}" stroke-width="2.5"/>'
            "</pattern></defs></svg>"
        )
        self.css = (
            "path.zw-lost { fill: url(#zw-hatch); }"
            " .zw-town-r2, .zw-town-r3 { display: none; }"
            " .zw-show-r2 .zw-town-r2, .zw-show-r3 .zw-town-r3 { display: block; }"
            " .zw-town-label { background: rgba(255,255,255,.75); border: 0; box-shadow: none;"
            " padding: 0 2px; font: 11px/1.2 sans-serif; color: #222; }"
            " .zw-town-label:before { display: none; }"
            " .zw-town-label.zw-town-r1 { font-weight: 600; }"
        )
        self.zooms = {str(k): v for k, v in basemap.zoom_for_rank().items()}


def territory_legend_rows() -> str:
    """Legend rows for the hatched lost ground and the front line (fixed text, no data)."""
    grey = status_styles()["ended"]
    hatch = (
        f"background:repeating-linear-gradient(45deg,{grey['edge']} 0 2px,"
        f"{grey['fill']}66 2px 5px);border:1px solid {grey['edge']}"
    )
    front = f"border-top:2px dashed {FRONT_STYLE['color']};height:0;margin-bottom:.25em"
    swatch = "display:inline-block;width:.9em;margin-right:.3em;vertical-align:middle"
    return (
        f'<div style="margin:1px 0"><span style="{swatch};height:.8em;{hatch}"></span>'
        'Lost since the agreement · <span dir="rtl" lang="ar">أراضٍ خسرتها المنطقة منذ الاتفاق</span></div>'
        f'<div style="margin:1px 0"><span style="{swatch};{front}"></span>'
        'Front line · <span dir="rtl" lang="ar">خط التماس</span></div>'
    )


def add_territory(
    m: folium.Map,
    web_geojson: Mapping[str, Any],
    claims: Mapping[str, list] | None,
    day: str,
) -> None:
    """Add the reading aids (always) and, when the geometry carries them, the lost ground and
    the front line, in drawing order: borders and roads under the zones' outlines, towns on top."""
    BasemapStyle().add_to(m)
    _line_layer(basemap.borders(), "Borders (Turkey, Jordan)", BORDER_STYLE, "border").add_to(m)
    _line_layer(basemap.highways(), "Highways M4, M5", HIGHWAY_STYLE, "highway").add_to(m)
    lost = list((web_geojson.get("lost") or {}).get("features") or [])
    if lost:
        lost_layer(lost, claims, day).add_to(m)
    front = list((web_geojson.get("front") or {}).get("features") or [])
    if front:
        front_layer(front, day).add_to(m)
    town_layer().add_to(m)
