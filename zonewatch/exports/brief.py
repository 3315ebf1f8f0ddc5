"""Briefing exports: the map, timeline and evidence of one date as files a report can carry.

Half of the product's value reaches people who never open the dashboard, so every export says on
its face what it shows (date, filters), where it comes from and how far to trust it (the
approximation caveat). All exports read the same per-zone summary as the web map
(:func:`zonewatch.zone_summary.zone_info`), so the paper and the screen never disagree.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from zonewatch.core.files import write_bytes, write_text
from zonewatch.exports.brief_page import BRIEF_FILES, brief_page
from zonewatch.exports.evidence_csv import evidence_csv
from zonewatch.exports.facts import Selection
from zonewatch.exports.geojson import zones_geojson_text
from zonewatch.exports.static_map import map_html, map_image
from zonewatch.exports.timeline_chart import chart_bytes, timeline_export, timeline_figure
from zonewatch.store.dataset import Store


def write_brief(store: Store, selection: Selection, out_dir: Path) -> list[Path]:
    """Write the briefing page and its files into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    map_png = map_image(store, selection, "png")
    timeline_png = chart_bytes(timeline_figure(store, selection), "png")
    paths = {key: out_dir / name for key, name in BRIEF_FILES.items()}
    write_bytes(paths["map_png"], map_png)
    write_bytes(paths["timeline_png"], timeline_png)
    write_text(paths["map_html"], map_html(store, selection))
    write_text(paths["geojson"], zones_geojson_text(store, selection))
    write_text(paths["evidence"], evidence_csv(store, selection))
    page = brief_page(store, selection, map_png=map_png, timeline_png=timeline_png)
    write_text(paths["page"], page)
    return list(paths.values())


@dataclass(frozen=True)
class Download:
    """One file the briefing page offers; ``data`` makes it only when it is downloaded."""

    label: str
    data: Callable[[], bytes | str]
    file_name: str
    mime: str


def downloads(
    store: Store, selection: Selection, *, size: tuple[int, int], dpi: int
) -> list[Download]:
    """Every file of the briefing page, static maps at ``size`` pixels and ``dpi``."""
    stamp = selection.day.isoformat()

    def static_map(fmt: str) -> Callable[[], bytes]:
        return partial(map_image, store, selection, fmt, size=size, dpi=dpi)

    def chart(fmt: str) -> Callable[[], bytes | str]:
        return partial(timeline_export, store, selection, fmt)

    return [
        Download("Map (PNG)", static_map("png"), f"zonewatch-map-{stamp}.png", "image/png"),
        Download("Map (SVG)", static_map("svg"), f"zonewatch-map-{stamp}.svg", "image/svg+xml"),
        Download(
            "Interactive map (HTML, offline)",
            partial(map_html, store, selection),
            f"zonewatch-map-{stamp}.html",
            "text/html",
        ),
        Download(
            "Zones (GeoJSON)",
            partial(zones_geojson_text, store, selection),
            f"zonewatch-zones-{stamp}.geojson",
            "application/geo+json",
        ),
        Download("Timeline (PNG)", chart("png"), "zonewatch-timeline.png", "image/png"),
        Download("Timeline (SVG)", chart("svg"), "zonewatch-timeline.svg", "image/svg+xml"),
        Download("Timeline (HTML, offline)", chart("html"), "zonewatch-timeline.html", "text/html"),
        Download(
            "Evidence (CSV)",
            partial(evidence_csv, store, selection),
            f"zonewatch-evidence-{stamp}.csv",
            "text/csv",
        ),
        Download(
            "Whole briefing (ZIP)",
            partial(brief_zip, store, selection),
            f"zonewatch-brief-{stamp}.zip",
            "application/zip",
        ),
    ]


def zip_folder(paths: Sequence[Path], folder: str) -> bytes:
    """Files as one ZIP under ``folder/``, for a single download."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in paths:
            zf.write(path, f"{folder}/{path.name}")
    return out.getvalue()


def brief_zip(store: Store, selection: Selection) -> bytes:
    """The briefing folder as a ZIP, for the dashboard's download button."""
    with tempfile.TemporaryDirectory(prefix="zonewatch-brief-") as tmp:
        paths = write_brief(store, selection, Path(tmp))
        return zip_folder(paths, f"zonewatch-brief-{selection.day.isoformat()}")
