"""Briefing exports: the map, timeline and evidence of one date as files a report can carry.

Half of the product's value reaches people who never open the dashboard, so every export says on
its face what it shows (date, filters), where it comes from and how far to trust it (the
approximation caveat). All exports read the same per-zone summary as the web map
(:func:`zonewatch.mapdata.zone_info`), so the paper and the screen never disagree.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pandas as pd

from zonewatch.registry import STATUS_RANK, Registry, load_registry
from zonewatch.store import Store
from zonewatch.view import View, view_bounds
from zonewatch.view import default_day as first_day

#: Files of a briefing folder, in the order a reader meets them.
BRIEF_FILES = {
    "page": "brief.html",
    "map_png": "map.png",
    "map_html": "map.html",
    "timeline_png": "timeline.png",
    "geojson": "zones.geojson",
    "evidence": "evidence.csv",
}
#: Width of the timeline's time axis in chart pixels: with the room for the row labels the
#: figure is about 950 px wide with its legends, so 14 px type prints at about 7 pt across an A4
#: text column.
TIMELINE_WIDTH = 460
#: Spreadsheet programs run a cell that starts with one of these as a formula; article text is
#: untrusted, so such cells get a leading apostrophe in the CSV (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
REGISTRY_SOURCE = "Zonewatch registry of agreements (compiled from cited public sources)"


#: What an export shows: the dashboard's view (one day and its filters; empty means all).
Selection = View


def default_day() -> date:
    """The dashboard's first date, so that a timeline without --date marks the same day."""
    return first_day(load_registry())


# -- shared data ------------------------------------------------------------------------------


def zone_info(store: Store, selection: Selection) -> dict[str, dict[str, Any]]:
    """Per-zone status, agreements and evidence, exactly as the web map sees them."""
    from zonewatch.mapdata import zone_info as build

    registry = load_registry()
    family = set(registry.with_finer(selection.zones))
    zones = [z for z in registry.zones if z in family]
    return build(
        store,
        selection.day,
        agreements=list(selection.agreements) or None,
        zones=zones or None,
    )


def zones_frame(store: Store, selection: Selection):
    """Zone footprints (full precision) in the zone filter; a chosen zone keeps its finer areas."""
    from geo import layers
    from geo.boundary_store import boundaries_dir
    from zonewatch.viewfilter import rows_in_view

    frame = layers.zones(boundaries_dir(store.root))
    kept = rows_in_view(frame.assign(zone=frame["id"]), load_registry(), zones=selection.zones)
    return kept.drop(columns="zone")


def has_approximate_shapes(frame) -> bool:
    """Whether any zone shape in ``frame`` is an approximate footprint (an empty view counts as
    approximate), which decides whether an export carries the caveat."""
    return bool(frame["approximate"].any()) if len(frame) else True


def _status(info: Mapping[str, Any] | None) -> str:
    status = (info or {}).get("status", "none")
    return status if status in STATUS_RANK else "none"


def iso_day(value: Any) -> str | None:
    """A date, timestamp or date-like text as YYYY-MM-DD; None for a missing value."""
    if value is None or value != value:  # None, NaN, NaT
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


# -- GeoJSON ----------------------------------------------------------------------------------


def zones_geojson(store: Store, selection: Selection) -> dict[str, Any]:
    """The zones in view with their status and covering agreements on the day, full precision.

    ``agreements`` lists every registry agreement that has any status but 'none' for the zone on
    the day (in force, agreed, ended), ``in_force`` the ids in force, ``claimed`` the links that
    only the corpus states; ``status`` is the strongest registry status, as on the web map.
    """
    from shapely.geometry import mapping

    registry = load_registry()
    info = zone_info(store, selection)
    frame = zones_frame(store, selection)
    features = []
    for _, row in frame.iterrows():
        zinfo = info.get(row["id"], {})
        rows = [a for a in zinfo.get("agreements") or [] if a.get("status") in STATUS_RANK]
        claimed = [a for a in zinfo.get("agreements") or [] if a.get("status") not in STATUS_RANK]
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "properties": {
                    "id": row["id"],
                    "parent": row["parent"] if isinstance(row["parent"], str) else None,
                    "name_en": row["name_en"],
                    "name_ar": row["name_ar"],
                    "date": selection.day.isoformat(),
                    "status": _status(zinfo),
                    "in_force": [a["id"] for a in rows if a["status"] == "in_force"],
                    "agreements": [
                        _agreement_props(a, registry) for a in rows if a["status"] != "none"
                    ],
                    "claimed": [_agreement_props(a, registry) for a in claimed],
                    "evidence_count": int(zinfo.get("evidence_count") or 0),
                    "approximate": bool(row["approximate"]),
                    "method": row.get("method"),
                    "sources": _plain(row.get("sources")),
                    "attribution": row.get("attribution"),
                },
                "geometry": mapping(row.geometry),
            }
        )
    return {
        "type": "FeatureCollection",
        "name": f"zonewatch-zones-{selection.day.isoformat()}",
        "date": selection.day.isoformat(),
        "filters": {"agreements": list(selection.agreements), "zones": list(selection.zones)},
        "source": REGISTRY_SOURCE,
        "features": features,
    }


def _plain(value: Any) -> Any:
    if hasattr(value, "tolist"):
        return value.tolist()
    if isinstance(value, tuple):
        return list(value)
    return value


def _agreement_props(a: Mapping[str, Any], registry: Registry) -> dict[str, Any]:
    known = registry.agreements.get(a.get("id") or "")
    return {
        "id": a.get("id"),
        "name_en": a.get("name_en") or (known.name_en if known else a.get("text")),
        "name_ar": a.get("name_ar") or (known.name_ar if known else None),
        "status": a.get("status"),
        "agreed": iso_day(a.get("agreed")),
        "start": iso_day(a.get("start")),
        "end": iso_day(a.get("end")),
    }


def zones_geojson_text(store: Store, selection: Selection) -> str:
    return json.dumps(zones_geojson(store, selection), ensure_ascii=False, indent=1) + "\n"


# -- maps -------------------------------------------------------------------------------------


def map_text(selection: Selection, info: Mapping[str, Mapping[str, Any]], frame) -> Any:
    """Title, filters, per-zone notes, caveat and source line of a static map."""
    from geo.render import MapText
    from geo.webmap import CAVEAT_EN

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
            f"{a.get('name_en') or a.get('id')} ({_span(a)})"
            for a in sorted(live, key=lambda a: str(a.get("start")))
        ]
        label = registry.zones[row["id"]].name_en if row["id"] in registry.zones else row["name_en"]
        notes.append(f"{label} — {status_word(_status(zinfo))}: {'; '.join(parts)}")
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


def source_line(frame) -> str:
    """Where the governorates, the zone shapes and the statuses come from, for every export."""
    from geo import layers

    about = layers.web_geojson()["governorates"].get("properties") or {}
    dataset = (about.get("source") or {}).get("dataset", "governorate boundaries")
    licence = str(about.get("licence", "")).split(" (")[0].lower()
    parts = [f"governorates — {dataset}" + (f" ({licence})" if licence else "")]
    shapes = (
        sorted({a for a in frame["attribution"].dropna() if a}) if "attribution" in frame else []
    )
    parts.extend(f"zones — {a}" for a in shapes)
    parts.append(f"status — {REGISTRY_SOURCE}")
    return "Sources: " + "; ".join(parts) + "."


def _span(a: Mapping[str, Any]) -> str:
    start, agreed = iso_day(a.get("start")), iso_day(a.get("agreed"))
    if a.get("status") == "agreed":
        return f"agreed {agreed}, in force from {start}" if start else f"agreed {agreed}"
    return f"in force since {start}"


def status_word(status: str) -> str:
    """A status in the words of a sentence ("in force", "agreed, not yet in force")."""
    from geo.style import status_styles

    return status_styles()[status]["label_en"].lower()


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
    frame = zones_frame(store, selection)
    status = {z: _status(info.get(z)) for z in frame["id"]}
    text = map_text(selection, info, frame)
    return render_map(layers.governorates(), frame, status, text, size=size, dpi=dpi, fmt=fmt)


def _map(store: Store, selection: Selection, tiles: bool):
    from geo.webmap import build_map
    from zonewatch.mapdata import web_geometry

    basemap = "openstreetmap" if tiles else "none"
    return build_map(
        web_geometry(store),
        zone_info(store, selection),
        basemap,
        offline_assets=True,
        day=selection.day,
    )


def map_html(store: Store, selection: Selection, *, tiles: bool = False) -> str:
    """The interactive map as one HTML file that works from disk: Leaflet is inlined, and only
    the tiles (when asked for) come from the internet."""
    from zonewatch.offline import inline_leaflet

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
    from geo.render import screenshot_html

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


# -- timeline ---------------------------------------------------------------------------------


def timeline_figure(
    store: Store,
    selection: Selection,
    *,
    start: date | None = None,
    end: date | None = None,
    width: int = TIMELINE_WIDTH,
):
    """The dashboard's timeline chart for the selection, limited to ``start``..``end``, with type
    sizes for print."""
    from zonewatch import charts, queries, timeline
    from zonewatch.viewfilter import rows_in_view

    registry = load_registry()
    low, high = view_bounds(registry, queries.published_range(store))
    low, high = start or low, end or high
    t_low, t_high = pd.Timestamp(low), pd.Timestamp(high)

    intervals = rows_in_view(
        timeline.registry_intervals(registry), registry, selection.agreements, selection.zones
    )
    intervals = intervals[
        (intervals["start"] <= t_high) & (intervals["end"].isna() | (intervals["end"] >= t_low))
    ]
    points = rows_in_view(
        timeline.corpus_points(store), registry, selection.agreements, selection.zones
    )
    dates = pd.to_datetime(points["date"])
    points = points[(dates >= t_low) & (dates <= t_high)]
    counts = queries.mention_counts(store, freq="month", kind="zone").rename(columns={"id": "zone"})
    counts = rows_in_view(counts, registry, zones=selection.zones)
    periods = pd.to_datetime(counts["period"])
    counts = counts[(periods >= t_low - pd.offsets.MonthBegin(1)) & (periods <= t_high)]
    title = (
        f"Coverage timeline {low.isoformat()} – {high.isoformat()} · {selection.describe(registry)}"
    )
    chart = charts.timeline_chart(
        intervals,
        points,
        selection.day,
        (low, high),
        monthly=counts if len(counts) else None,
        width=width,
        title=title,
    )
    return (
        chart.configure_axis(labelFontSize=14, titleFontSize=14)
        .configure_legend(
            labelFontSize=14, titleFontSize=14, orient="bottom", direction="horizontal"
        )
        .configure_title(fontSize=17, anchor="start")
        .configure_text(fontSize=14)
        .properties(background="white")
    )


def _compact_png(data: bytes) -> bytes:
    """A chart of flat colours fits a 64-colour palette: about a seventh of the bytes, which
    matters when the PNG is embedded in the briefing page and mailed around."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        dpi = image.info.get("dpi")
        flat = image.convert("RGB").quantize(
            colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    out = io.BytesIO()
    flat.save(out, "PNG", **({"dpi": dpi} if dpi else {}))
    return out.getvalue()


def chart_bytes(chart, fmt: str, *, scale: float = 2.0) -> bytes | str:
    """PNG or SVG bytes, or standalone HTML text with Vega inlined (no CDN), via vl-convert,
    which renders Vega-Lite offline in-process."""
    import altair as alt
    import vl_convert as vlc

    with alt.data_transformers.disable_max_rows():
        spec = chart.to_dict()
    if fmt == "png":
        return _compact_png(vlc.vegalite_to_png(spec, scale=scale, ppi=round(72 * scale)))
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    if fmt == "html":
        return vlc.vegalite_to_html(spec, bundle=True)
    raise ValueError(f"timeline formats are png, svg and html, not {fmt!r}")


def timeline_export(
    store: Store,
    selection: Selection,
    fmt: str,
    *,
    start: date | None = None,
    end: date | None = None,
) -> bytes | str:
    return chart_bytes(timeline_figure(store, selection, start=start, end=end), fmt)


# -- evidence ---------------------------------------------------------------------------------


EVIDENCE_COLUMNS = [
    "published",
    "source",
    "title",
    "url",
    "language",
    "agreement",
    "zone",
    "relation",
    "date",
    "evidence",
    "article_id",
]


def evidence_frame(store: Store, selection: Selection) -> pd.DataFrame:
    """Every corpus claim about the zones and agreements in view, newest first."""
    from zonewatch import queries
    from zonewatch.viewfilter import rows_in_view

    frame = rows_in_view(
        queries.evidence(store), load_registry(), selection.agreements, selection.zones
    )
    frame = frame.sort_values(
        ["published", "article_id", "start"], ascending=[False, True, True], kind="stable"
    )
    return frame[[c for c in EVIDENCE_COLUMNS if c in frame.columns]].reset_index(drop=True)


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def evidence_csv(store: Store, selection: Selection) -> str:
    """The evidence as CSV (UTF-8), with formula-like cells defused for spreadsheets."""
    frame = evidence_frame(store, selection)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(
            [
                "" if v is None or v != v else _cell(iso_day(v) if hasattr(v, "isoformat") else v)
                for v in row
            ]
        )
    return out.getvalue()


# -- the briefing folder ---------------------------------------------------------------------


def write_text(path: Path, text: str) -> Path:
    """Write under a temporary name and rename, so a reader never sees half a file."""
    return write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; an export is an ordinary file
    os.replace(tmp, path)
    return path


def write_brief(store: Store, selection: Selection, out_dir: Path) -> list[Path]:
    """Write the briefing page and its files into ``out_dir``; returns the paths written."""
    from zonewatch.brief_page import brief_page  # the page builds on this module

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
