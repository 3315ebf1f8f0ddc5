"""The timeline page's territory reads, cached: the area step lines cost a few hundred
milliseconds the first time (one extent per change day) and nothing after."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import streamlit as st

from zonewatch.core.registry import Registry
from zonewatch.store.dataset import Store

#: The years the area chart spans: the zones' life and the Idlib front after it.
AREA_START = date(2017, 1, 1)
AREA_END = date(2020, 12, 31)


def area_bounds(registry: Registry) -> tuple[date, date]:
    """The span of the area chart (kept inside the registry's own dates)."""
    first, last = registry.date_bounds()
    return max(AREA_START, first), max(AREA_END, last)


@st.cache_data(show_spinner=False, max_entries=64)
def _frames(root: str, zones: tuple[str, ...], start: date, end: date, state: str):
    from geo import layers
    from geo.boundary_store import boundaries_dir
    from zonewatch.exports.area_chart import area_frames

    frame = layers.zones(boundaries_dir(Path(root)))
    frame = frame[frame["parent"].isna()]
    return area_frames(frame, start, end, list(zones) or None)


def area_frames_cached(store: Store, zones: tuple[str, ...], start: date, end: date):
    """(series, events) of :func:`zonewatch.exports.area_chart.area_frames`, per zone filter
    and per state of the imported boundary layer."""
    from geo import boundary_store

    state = str(boundary_store.state_key(boundary_store.boundaries_dir(store.root)))
    return _frames(str(store.root), zones, start, end, state)
