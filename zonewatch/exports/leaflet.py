"""Leaflet embedded in an exported map, so that the file opens from disk with no internet."""

from __future__ import annotations

import os
from pathlib import Path

import folium

from geo.webmap_assets import inline_leaflet_urls, use_leaflet_assets
from zonewatch.core.files import write_text


def inline_leaflet(m: folium.Map) -> folium.Map:
    """Embed Leaflet in the map itself (``data:`` URLs; images inside the CSS)."""
    assets = inline_leaflet_urls()
    return use_leaflet_assets(m, js=assets["js"], css=assets["css"])


def save_offline_html(m: folium.Map, path: str | os.PathLike[str]) -> Path:
    """Write the map as one standalone HTML file that opens from disk with no internet: Leaflet is
    inlined and nothing else is loaded (tiles only if the map was built with a tiled basemap).
    Written atomically, so an existing file is never left half-written."""
    out = Path(path)
    inline_leaflet(m)
    page = m.get_root().render()
    return write_text(out, page)
