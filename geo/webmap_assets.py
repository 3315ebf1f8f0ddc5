"""Leaflet for the web map, from the installed ``xstatic-leaflet`` package: served by the app,
inlined as ``data:`` URLs for a standalone file, or from its CDN when the network may be used.

Leaflet is the only script the map needs; folium's other defaults (jQuery, Bootstrap, Font
Awesome from CDNs) are dropped so that the map works with no internet.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

import folium

#: Leaflet's own CDN address (as folium uses it), for maps that may load from the internet.
LEAFLET_CDN = {
    "js": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js",
    "css": "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.css",
}


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
