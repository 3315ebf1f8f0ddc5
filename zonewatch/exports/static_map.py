"""The map of one date as a file: PNG or SVG drawn without a browser, standalone HTML that opens
from disk, or a screenshot of the interactive map with tiles."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from zonewatch.core.registry import load_registry
from zonewatch.exports.facts import (
    Selection,
    agreement_span,
    has_approximate_shapes,
    source_line,
    status_word,
    zone_info,
    zone_status,
    zones_frame,
)
from zonewatch.store.dataset import Store


def map_text(selection: Selection, info: Mapping[str, Mapping[str, Any]], frame) -> Any:
    """Title, filters, per-zone notes, caveat and source line of a static map."""
    from geo.render import MapText
    from geo.webmap_popups import CAVEAT_EN

    registry = load_registry()
    day = selection.day
    notes = []
    for _, row in frame.iterrows():
        zinfo = info.get(row["id"]) or {}
        live = [
            a for a in zinfo.get("agreements") or [] if a.get("status") in ("in_force", "agreed")
        ]
        if not live:
            continue
        parts = [
            f"{a.get('name_en') or a.get('id')} ({agreement_span(a)})"
            for a in sorted(live, key=lambda a: str(a.get("start")))
        ]
        label = registry.zones[row["id"]].name_en if row["id"] in registry.zones else row["name_en"]
        notes.append(f"{label} — {status_word(zone_status(zinfo))}: {'; '.join(parts)}")
    if not notes:
        notes.append("No zone in view is covered by an agreement on this date.")
    approximate = has_approximate_shapes(frame)
    caveat = CAVEAT_EN if approximate else "Zone shapes follow imported administrative boundaries."
    return MapText(
        title=f"De-escalation zones in Syria on {day.day} {day:%B %Y}",
        subtitle=f"Coverage on {day.isoformat()} · {selection.describe(registry)}",
        caveat=caveat,
        source=source_line(frame),
        notes=tuple(notes),
    )


def map_image(
    store: Store,
    selection: Selection,
    fmt: str = "png",
    *,
    size: tuple[int, int] | None = None,
    dpi: int = 200,
) -> bytes:
    """The static map (PNG or SVG), drawn without a browser."""
    from geo import layers
    from geo.render import render_map

    info = zone_info(store, selection)
    frame, territory = _territory(zones_frame(store, selection), selection)
    status = {z: zone_status(info.get(z)) for z in frame["id"]}
    text = map_text(selection, info, frame)
    return render_map(
        layers.governorates(),
        frame,
        status,
        text,
        size=size,
        dpi=dpi,
        fmt=fmt,
        territory=territory,
    )


def _territory(footprints, selection: Selection):
    """Zones at their extent on the day (zones with no ground left are not drawn) and the lost
    ground and front line the static map hatches and draws."""
    import geopandas as gpd

    from geo.render import MapTerritory
    from zonewatch.core.territory import lost_places, lost_properties, territory_on

    terr = territory_on(footprints, selection.day)
    frame = terr.frame[~terr.frame.geometry.is_empty]
    rows = [
        {**lost_properties(place, zone), "geometry": place.cell.geometry}
        for place, zone in lost_places(terr)
    ]
    live = set(frame["id"])  # only losses of zones still there on the day get a name
    columns = ["name_en", "lost_on", "area_km2", "named", "geometry"]
    lost = gpd.GeoDataFrame(
        [{**{k: r.get(k) for k in columns}, "named": r["zone"] in live} for r in rows],
        columns=columns,
        geometry="geometry",
        crs="EPSG:4326",
    )
    fronts = [ext.front for ext in terr.extents.values() if not ext.front.is_empty]
    front = gpd.GeoDataFrame(geometry=fronts, crs="EPSG:4326")
    return frame, MapTerritory(lost=lost, front=front)


def _map(store: Store, selection: Selection, tiles: bool):
    from geo.webmap import build_map
    from zonewatch.exports.territory_map import control_claims, web_territory

    basemap = "openstreetmap" if tiles else "none"
    return build_map(
        web_territory(store, selection.day),
        zone_info(store, selection),
        basemap,
        offline_assets=True,
        day=selection.day,
        claims=control_claims(store),
    )


def map_html(store: Store, selection: Selection, *, tiles: bool = False) -> str:
    """The interactive map as one HTML file that works from disk: Leaflet is inlined, and only
    the tiles (when asked for) come from the internet."""
    from zonewatch.exports.leaflet import inline_leaflet

    return inline_leaflet(_map(store, selection, tiles)).get_root().render()


def map_browser_png(
    store: Store,
    selection: Selection,
    *,
    size: tuple[int, int] = (1400, 1100),
    tiles: bool = False,
    allow_network: bool = True,
) -> tuple[bytes, list[str]]:
    """A Chromium screenshot of the interactive map, for those who want the tiles; returns the
    PNG and notes for the user (e.g. that the tiles could not load and the map has none)."""
    from geo.screenshot import screenshot_html

    with tempfile.TemporaryDirectory(prefix="zonewatch-map-") as tmp:
        page = Path(tmp) / "map.html"
        page.write_text(map_html(store, selection, tiles=tiles), "utf-8")
        png, failed = screenshot_html(page, size, allow_network=allow_network and tiles)
    notes = []
    if tiles and failed:
        notes.append(
            f"{len(failed)} map tile request(s) failed (no network?): the map was drawn without "
            "tiles, governorate outlines only"
        )
    return png, notes
