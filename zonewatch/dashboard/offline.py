"""Leaflet from this machine, not from a CDN: the map must draw on an air-gapped laptop.

streamlit-folium draws the map in an iframe and loads the scripts named in the map's
``default_js``/``default_css`` by URL; with folium's defaults those are CDN addresses and, with no
internet, the iframe stays an empty box. The Leaflet files ship in the installed ``xstatic-leaflet``
package. When the app runs with Streamlit's static file serving (``.streamlit/config.toml`` at the
repo root turns it on), they are copied at run time into ``static/vendor/`` (git-ignored: the
package stays the one source) and the map points there; otherwise Leaflet is inlined into the map
as ``data:`` URLs, which also works, at the cost of sending it with every map. Standalone HTML
exports inline it so the file opens anywhere from disk.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import folium

from geo.webmap_assets import leaflet_dir, leaflet_version, use_leaflet_assets
from zonewatch.core.files import atomic_write
from zonewatch.exports.leaflet import inline_leaflet

#: The app's root (where ``app.py`` and Streamlit's ``static/`` folder live) in a source checkout.
APP_ROOT = Path(__file__).resolve().parents[2]
#: Where Streamlit serves ``<app root>/static/<path>``, relative to the st_folium component's page
#: (``<base>/component/streamlit_folium.st_folium/index.html``), so a ``baseUrlPath`` still works.
_FROM_COMPONENT = "../../app/static/"
_FILES = (
    "leaflet.js",
    "leaflet.css",
    "images/layers.png",
    "images/layers-2x.png",
    "images/marker-icon.png",
    "images/marker-icon-2x.png",
    "images/marker-shadow.png",
)


def vendor_subdir() -> str:
    """Versioned, so an upgraded package never meets a stale copy."""
    return f"vendor/leaflet-{leaflet_version()}"


def ensure_static_leaflet(app_root: Path = APP_ROOT) -> Path:
    """Copy Leaflet from the installed package into ``<app_root>/static/vendor/`` (once; each file
    written under a temporary name and renamed, so a concurrent reader never sees half a file)."""
    source = leaflet_dir()
    target = app_root / "static" / vendor_subdir()
    for name in _FILES:
        src, dst = source / name, target / name
        if dst.exists() and dst.stat().st_size == src.stat().st_size:
            continue
        atomic_write(dst, lambda tmp, src=src: shutil.copyfile(src, tmp))
    return target


def static_serving_enabled() -> bool:
    """Whether the running Streamlit server serves ``static/`` (False outside Streamlit)."""
    try:
        from streamlit import config
    except ImportError:  # pragma: no cover - streamlit is a dependency
        return False
    return bool(config.get_option("server.enableStaticServing"))


def serve_from_app(m: folium.Map, app_root: Path = APP_ROOT) -> folium.Map:
    """Point a map built for the dashboard at the app's own copy of Leaflet when the server
    serves static files from this checkout; else inline Leaflet. Either way, no CDN."""
    if static_serving_enabled() and (app_root / "app.py").exists():
        try:
            ensure_static_leaflet(app_root)
        except OSError:
            return inline_leaflet(m)
        base = _FROM_COMPONENT + vendor_subdir()
        return use_leaflet_assets(m, js=f"{base}/leaflet.js", css=f"{base}/leaflet.css")
    return inline_leaflet(m)
