"""What a click on the map means: the clicked zone becomes the selection of every page."""

from __future__ import annotations

from typing import Any

import streamlit as st

from zonewatch.core.registry import load_registry
from zonewatch.dashboard import sidebar


def clicked_zone(value: Any) -> str | None:
    """The zone id of the feature last clicked on the map (st_folium's ``last_active_drawing``
    is the clicked GeoJSON feature; a click on a governorate has no zone)."""
    if not isinstance(value, dict):
        return None
    feature = value.get("last_active_drawing") or {}
    props = feature.get("properties") if isinstance(feature, dict) else None
    zone = (props or {}).get("zone")
    return zone if isinstance(zone, str) and zone in load_registry().zones else None


def select_clicked_zone(map_key: str) -> None:
    """st_folium's change callback: a click on a zone selects it for every page. Only a click
    on a new feature changes the component's value, so panning or reopening a popup does not."""
    zone = clicked_zone(st.session_state.get(map_key))
    if zone is not None:
        sidebar.select(zones=[zone])
