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

import warnings
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

import folium
from branca.element import MacroElement
from folium.template import Template

from geo.style import status_styles
from geo.webmap_assets import (
    LEAFLET_CDN,
    inline_leaflet_urls,
    use_leaflet_assets,
)
from geo.webmap_layers import (
    _agreement_layers,
    _features,
    _governorate_layer,
    _zone_id,
    _zone_layer,
)
from geo.webmap_popups import (
    _day,
    _status_badge,
    escape_text,
)
from geo.webmap_territory import add_territory, territory_legend_rows

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
#: The legend's short form of the caveat (popups and pages carry the full one).
LEGEND_CAVEAT_EN = "Zone footprints are approximate."
LEGEND_CAVEAT_AR = "حدود المناطق تقريبية."
_BACKGROUND = "#eef2f5"
_SYRIA_BOUNDS = [[32.3, 35.6], [37.35, 42.4]]


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


def legend_html(day: str, approximate: bool, territory: bool = False) -> str:
    rows = "".join(
        f'<div style="margin:1px 0">{_status_badge(sid)}</div>' for sid in status_styles()
    )
    if territory:
        rows += territory_legend_rows()
    title = f"Coverage on {escape_text(day)}" if day else "Coverage"
    caveat = (
        f'<div style="margin-top:4px;color:#7a4b00">{escape_text(LEGEND_CAVEAT_EN)}</div>'
        f'<div dir="rtl" lang="ar" style="color:#7a4b00">{escape_text(LEGEND_CAVEAT_AR)}</div>'
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
    claims: Mapping[str, list] | None = None,
) -> folium.Map:
    """The zone map for one date.

    ``web_geojson``: ``{"governorates": FeatureCollection, "zones": FeatureCollection}`` (zone
    features carry ``id``, ``name_en``, ``name_ar``, ``parent``, ``approximate``).
    ``zone_info``: per zone id, ``status``, ``agreements``, ``evidence_count``, ``evidence`` and
    ``approximate`` (see ``zonewatch.mapdata``); zones missing from it are drawn faintly as
    outside the current filter. ``basemap``: a key of :data:`BASEMAPS`. ``offline_assets``: embed
    Leaflet in the map so it renders with no internet (else Leaflet comes from its CDN).
    ``day`` titles the legend; ``selected`` zones get a dark outline. Optional ``lost`` and
    ``front`` collections in ``web_geojson`` (see ``zonewatch.exports.territory_map``) are drawn
    hatched and as a line; ``claims`` are the corpus control events their popups cite, by
    ``"zone:place"`` (None: not searched). Towns, the M4/M5 and two borders are always drawn.
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
    add_territory(m, web_geojson, claims, day_text)
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
        legend_html(day_text, approximate, territory=bool(_features(web_geojson.get("lost")))),
        escape_text(_attribution(web_geojson)),
        None if tiles else _BACKGROUND,
    ).add_to(m)
    m.fit_bounds(_bounds(governorates or zones), padding=(8, 8))
    assets_ = inline_leaflet_urls() if offline_assets else LEAFLET_CDN
    use_leaflet_assets(m, assets_["js"], assets_["css"])
    return m
