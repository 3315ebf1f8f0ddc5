"""The web map's GeoJSON layers: governorates, zones by status, one layer per agreement.

Each layer is built from prepared dicts; popups and tooltips come escaped from
:mod:`geo.webmap_popups` and are bound by a fixed script that reads them from the properties.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import folium
from folium.utilities import JsCode

from geo.style import status_styles
from geo.webmap_popups import (
    _arabic,
    _day,
    _interval,
    _label,
    _status_badge,
    escape_text,
    zone_popup,
    zone_tooltip,
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
                    "name_en": escape_text(props.get("name_en") or zid),
                    "status": status,
                    "style": _style(status, zid in selected, info is not None),
                    "zw_tooltip": zone_tooltip(props, info),
                    "zw_popup": zone_popup(props, info, day),
                },
            )
        )
    return folium.GeoJson(
        {"type": "FeatureCollection", "features": features},
        name=escape_text(f"Zones by status on {day}" if day else "Zones by status"),
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
        f'<div style="font-weight:600">{escape_text(agreement.get("name_en") or agreement.get("id"))}</div>'
        f"{_arabic(agreement.get('name_ar'))}"
        f"<div>{escape_text(zone.get('name_en'))}{(' · ' + _arabic(zone.get('name_ar'), 'span')) if zone.get('name_ar') else ''}</div>"
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
                        "zw_tooltip": f"<b>{escape_text(agreement.get('name_en') or aid)}</b><br>"
                        f"{escape_text(props.get('name_en') or zid)}: {escape_text(_label(status))}",
                        "zw_popup": _agreement_popup(row, props),
                    },
                )
            )
        if not features:
            continue
        group = folium.FeatureGroup(name=escape_text(agreement.get("name_en") or aid), show=False)
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
        tooltip = f"{escape_text(props.get('name_en') or props.get('iso') or '')}" + (
            f' · <span dir="rtl" lang="ar">{escape_text(ar)}</span>' if ar else ""
        )
        features.append(
            _lean(
                feature,
                {
                    "iso": escape_text(props.get("iso")),
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
