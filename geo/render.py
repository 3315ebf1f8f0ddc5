"""Static maps for reports, drawn with matplotlib so that no browser and no network are needed.

A briefing map is read on paper, out of the dashboard's context: it must carry its own title,
date, legend, scale, labels, caveat and source. Arabic labels go through ``shape_arabic`` so that
they come out joined and right to left with any matplotlib, with or without its libraqm layout.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import arabic_reshaper
import geopandas as gpd
import matplotlib
import matplotlib.patheffects as path_effects
import shapely
from bidi import get_display
from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle
from shapely.geometry import Point
from shapely.ops import polylabel

from geo.style import status_styles

#: Metric projection for drawing and for the scale bar: UTM 37N spans Syria (35.6-42.4 E).
MAP_CRS = "EPSG:32637"
#: Page width used when only --dpi is given: 7 inches, about an A4 text column (17 cm); the
#: height then follows the map.
DEFAULT_WIDTH_IN = 7.0
FORMATS = ("png", "svg")
FONT = "DejaVu Sans"  # ships with matplotlib and holds the Arabic presentation forms
#: Debian's Chromium and the launch flags the project uses everywhere (no background traffic).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
)

_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
#: Land colour of the governorates and the opacity of a covered zone's fill over it.
LAND = "#f3f1ec"
ZONE_ALPHA = 0.72
#: Units smaller than this (m², in MAP_CRS) are labelled beside a dot rather than inside.
SMALL_UNIT_M2 = 5.0e8
#: Zone labels stay above this axes fraction, which holds the scale bar.
ZONE_LABEL_FLOOR = 0.08
_HALO = [path_effects.withStroke(linewidth=2.2, foreground="white")]
#: A governorate label this close (m) to a coloured zone gets the halo.
HALO_REACH_M = 12_000


@dataclass(frozen=True)
class MapText:
    """Everything written on the map besides labels; the caller words it, the renderer places it."""

    title: str
    subtitle: str
    caveat: str
    source: str
    notes: Sequence[str] = field(default_factory=tuple)


@lru_cache(maxsize=1)
def _layout_does_bidi() -> bool:
    """matplotlib >= 3.11 lays text out with libraqm, which reorders right-to-left runs itself;
    older versions draw code points left to right and need the visual order from python-bidi."""
    from matplotlib import ft2font

    return bool(getattr(ft2font, "__libraqm_version__", None))


def shape_arabic(text: str) -> str:
    """Text as the renderer must receive it for Arabic to come out joined and right to left.

    Letters are replaced by their contextual presentation forms (arabic-reshaper) so that joining
    never depends on the font's shaping tables; the order is made visual (python-bidi) only when
    the layout engine does not apply the bidi algorithm itself, otherwise it would be reversed twice.
    """
    if not _ARABIC.search(text):
        return text
    shaped = arabic_reshaper.reshape(text)
    return shaped if _layout_does_bidi() else get_display(shaped)


def parse_size(value: str) -> tuple[int, int]:
    """'1600x1200' -> (1600, 1200); raises ValueError with a readable message."""
    match = re.fullmatch(r"\s*(\d+)\s*[xX×]\s*(\d+)\s*", value or "")
    if not match:
        raise ValueError(
            f"size must look like WIDTHxHEIGHT in pixels, e.g. 1600x1480, not {value!r}"
        )
    width, height = int(match[1]), int(match[2])
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise ValueError(f"size {width}x{height} is out of range (200 to 10000 pixels a side)")
    return width, height


def render_map(
    governorates: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame,
    status: Mapping[str, str],
    text: MapText,
    *,
    size: tuple[int, int] | None = None,
    dpi: int = 200,
    fmt: str = "png",
) -> bytes:
    """The map as PNG or SVG bytes of exactly ``size`` pixels (SVG: width/height attributes);
    without ``size``, 7 inches wide at ``dpi`` and as tall as the map needs (no empty bands).

    ``governorates`` needs iso, name_en, name_ar; ``zones`` needs id, parent, name_en, name_ar;
    ``status`` maps zone id to a status of the palette (missing zones count as 'none').
    """
    if fmt not in FORMATS:
        raise ValueError(f"static maps are {' or '.join(FORMATS)}, not {fmt!r}")
    out = io.BytesIO()
    # No pyplot and no global state: a Figure of our own (Agg canvas) under local settings.
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": FONT}):
        fig = _figure(governorates, zones, status, text, size, dpi)
        fig.savefig(out, format=fmt, dpi=dpi, metadata=_metadata(fmt, text))
    width, height = (round(v * dpi) for v in fig.get_size_inches())
    data = out.getvalue()
    return _svg_pixel_size(data, width, height) if fmt == "svg" else data


def _metadata(fmt: str, text: MapText) -> dict[str, str]:
    if fmt == "png":
        return {"Title": text.title, "Source": text.source, "Software": "Zonewatch"}
    return {"Title": text.title, "Creator": "Zonewatch", "Date": None}


def _svg_pixel_size(svg: bytes, width: int, height: int) -> bytes:
    """matplotlib writes the SVG size in points; a briefing asks for pixels, and the viewBox keeps
    the drawing scaling with it, so the size attributes are replaced by the requested pixels."""
    head, sep, rest = svg.partition(b"<svg ")
    tag, close, body = rest.partition(b">")
    tag = re.sub(rb'\bwidth="[^"]*"', f'width="{width}"'.encode(), tag, count=1)
    tag = re.sub(rb'\bheight="[^"]*"', f'height="{height}"'.encode(), tag, count=1)
    return head + sep + tag + close + body


def _figure(
    governorates: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame,
    status: Mapping[str, str],
    text: MapText,
    size: tuple[int, int] | None,
    dpi: int,
) -> Figure:
    width_in = (size[0] if size else DEFAULT_WIDTH_IN * dpi) / dpi
    # Type sizes follow the page width so that a wide PNG is not a page of tiny print.
    scale = min(max(width_in / DEFAULT_WIDTH_IN, 0.6), 1.6)
    sizes = {
        k: v * scale
        for k, v in {"title": 12.5, "sub": 8.8, "label": 6.2, "zone": 7.2, "small": 6.8}.items()
    }
    footer_lines = _footer_lines(text, width_in, sizes["small"])
    line_in = sizes["small"] * 1.45 / 72
    footer_in = 0.12 + line_in * len(footer_lines)
    header_in = (sizes["title"] + sizes["sub"]) * 1.6 / 72 + 0.2
    gov = governorates.to_crs(MAP_CRS)
    if size:
        height_in = size[1] / dpi
    else:  # as tall as the framed map at full width, plus header and footer
        height_in = header_in + footer_in + 0.1 + 0.96 * width_in * _frame_aspect(gov)
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, facecolor="white")

    line_h = line_in / height_in
    footer_h = footer_in / height_in
    header_h = header_in / height_in
    ax = fig.add_axes((0.02, footer_h + 0.01, 0.96, 1 - header_h - footer_h - 0.02))
    ax.set_axis_off()

    zon = zones.to_crs(MAP_CRS)
    gov.plot(ax=ax, facecolor=LAND, edgecolor="#9a958c", linewidth=0.5, zorder=1)
    _draw_zones(ax, zon, status)
    _frame(ax, gov)
    _label_governorates(ax, gov, sizes["label"], _filled_area(zon, status))
    _label_zones(ax, zon, sizes["zone"])
    _scale_bar(ax, sizes["small"])
    _north_arrow(ax, sizes["small"])
    _legend(ax, zon, sizes["small"])

    top = 1 - 0.1 / height_in
    fig.text(0.02, top, text.title, fontsize=sizes["title"], weight="bold", va="top", ha="left")
    fig.text(
        0.02,
        top - sizes["title"] * 1.5 / 72 / height_in,
        shape_arabic(text.subtitle),
        fontsize=sizes["sub"],
        va="top",
        ha="left",
        color="#333333",
    )
    for i, (line, colour) in enumerate(footer_lines):
        fig.text(
            0.02,
            footer_h - 0.01 - i * line_h,
            shape_arabic(line),
            fontsize=sizes["small"],
            va="top",
            ha="left",
            color=colour,
        )
    return fig


def _footer_lines(text: MapText, width_in: float, size_pt: float) -> list[tuple[str, str]]:
    """Notes (dark), then caveat and source (grey), wrapped to the page width (about 0.56 em
    per character in DejaVu Sans) before shaping, so Arabic lines break in reading order."""
    chars = max(40, int(width_in * 72 / (size_pt * 0.56)))
    lines: list[tuple[str, str]] = []
    for paragraph, colour in (
        *((n, "#222222") for n in text.notes),
        (text.caveat, "#7a4b00"),
        (text.source, "#555555"),
    ):
        lines.extend((line, colour) for line in textwrap.wrap(paragraph, chars) or [""])
    return lines


def _draw_zones(ax, zones: gpd.GeoDataFrame, status: Mapping[str, str]) -> None:
    palette = status_styles()
    top = zones[zones["parent"].isna()] if "parent" in zones else zones
    finer = zones[zones["parent"].notna()] if "parent" in zones else zones.iloc[0:0]
    for layer, z, hatch in ((top, 2, None), (finer, 3, "////")):
        for _, row in layer.iterrows():
            colours = palette[status.get(row["id"], "none")]
            covered = status.get(row["id"], "none") != "none"
            if hatch and not covered:
                continue  # a finer area that does not exist yet (or any more) would only mislead
            gpd.GeoSeries([row.geometry], crs=zones.crs).plot(
                ax=ax,
                facecolor=colours["fill"] if hatch is None else "none",
                alpha=ZONE_ALPHA if (covered and hatch is None) else 1.0,
                edgecolor=colours["edge"],
                hatch=hatch,
                linewidth=0.9 if covered else 0.7,
                linestyle="-" if covered else (0, (3, 2)),
                zorder=z,
            )


def _label_point(geometry) -> Point:
    """The centre of the largest circle inside the largest part: stays inside ring-shaped units
    (Rif Dimashq around Damascus) where a centroid would not."""
    part = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
    return polylabel(part, tolerance=500)


def _filled_area(zones: gpd.GeoDataFrame, status: Mapping[str, str]):
    """Where a zone's colour lies under the labels, widened by a label's half-height."""
    covered = [
        g
        for z, g in zip(zones["id"], zones.geometry, strict=True)
        if status.get(z, "none") != "none"
    ]
    return shapely.union_all(covered).buffer(HALO_REACH_M) if covered else None


def _label_governorates(ax, gov: gpd.GeoDataFrame, size: float, filled) -> None:
    """English over Arabic at each governorate's label point; units too small to hold their
    name (Damascus) get a dot and a label beside it. Only labels over a coloured zone get a white
    halo: it keeps them legible there and costs a second drawing of the text."""
    for _, row in gov.iterrows():
        point = _label_point(row.geometry)
        halo = filled is not None and filled.contains(point)
        label = (
            f"{row['name_en']}\n{shape_arabic(row['name_ar'])}"
            if row.get("name_ar")
            else row["name_en"]
        )
        small = row.geometry.area < SMALL_UNIT_M2
        if small:
            ax.plot(point.x, point.y, "o", color="#5a564f", markersize=size * 0.45, zorder=5)
        ax.annotate(
            label,
            (point.x, point.y),
            xytext=(-size * 0.6, size * 0.4) if small else (0, 0),
            textcoords="offset points",
            ha="right" if small else "center",
            va="bottom" if small else "center",
            fontsize=size,
            color="#5a564f",
            path_effects=_HALO if halo else None,
            zorder=5,
            annotation_clip=False,
        )


def _label_zones(ax, zones: gpd.GeoDataFrame, size: float) -> None:
    """Zone names stand in the west margin with leader lines: the zones are small beside the
    governorates, and labels placed on them would hide what they name."""
    top = zones[zones["parent"].isna()] if "parent" in zones else zones
    if top.empty:
        return
    y0, y1 = ax.get_ylim()
    fig_h = ax.figure.get_figheight() * ax.get_position().height
    rows = sorted(
        ((row.geometry.representative_point(), row) for _, row in top.iterrows()),
        key=lambda item: -item[0].y,
    )
    line_h = size * 1.25 / 72 / fig_h  # one text line in axes fraction
    labels = [
        "\n".join(
            [
                *textwrap.wrap(row["name_en"], 22),
                *map(shape_arabic, textwrap.wrap(row["name_ar"], 24)),
            ]
        )
        for _, row in rows
    ]
    heights = [(label.count("\n") + 1) * line_h for label in labels]
    # Top down: each label near its zone (tops in axes fraction), never overlapping the one above;
    # then bottom up: none below the scale bar's strip.
    tops: list[float] = []
    for k, (point, _) in enumerate(rows):
        want = (point.y - y0) / (y1 - y0) + heights[k] / 2
        tops.append(min(want, tops[-1] - heights[k - 1] - 0.8 * line_h) if tops else want)
    floor = ZONE_LABEL_FLOOR
    for k in range(len(tops) - 1, -1, -1):
        tops[k] = max(tops[k], floor + heights[k])
        floor = tops[k] + 0.8 * line_h
    for (point, _), label, ypos in zip(rows, labels, tops, strict=True):
        ax.annotate(
            label,
            (point.x, point.y),
            xytext=(0.005, ypos),
            textcoords="axes fraction",
            ha="left",
            va="top",
            fontsize=size,
            weight="bold",
            color="#1d1d1d",
            arrowprops={"arrowstyle": "-", "color": "#1d1d1d", "linewidth": 0.6, "shrinkB": 1},
            zorder=6,
            annotation_clip=False,
        )


def _frame_bounds(gov: gpd.GeoDataFrame) -> tuple[float, float, float, float]:
    """Syria with room on the west for the zone labels and a little air elsewhere."""
    minx, miny, maxx, maxy = gov.total_bounds
    dx, dy = maxx - minx, maxy - miny
    return minx - dx * 0.33, maxx + dx * 0.02, miny - dy * 0.03, maxy + dy * 0.03


def _frame_aspect(gov: gpd.GeoDataFrame) -> float:
    x0, x1, y0, y1 = _frame_bounds(gov)
    return (y1 - y0) / (x1 - x0)


def _frame(ax, gov: gpd.GeoDataFrame) -> None:
    x0, x1, y0, y1 = _frame_bounds(gov)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")


def _nice_length(span_m: float) -> float:
    """A round scale-bar length of roughly a sixth of the map width, in metres."""
    target = span_m / 6
    for km in (500, 200, 100, 50, 25, 20, 10, 5, 2, 1):
        if km * 1000 <= target:
            return km * 1000.0
    return 1000.0


def _scale_bar(ax, size: float) -> None:
    """Two-segment bar in map units; the projection is metric, so the length is true along the
    bar's latitude to within the UTM scale error (< 0.1 % over Syria)."""
    x0, x1 = ax.get_xlim()
    y0, y1 = ax.get_ylim()
    length = _nice_length(x1 - x0)
    # Bottom left, below the zone labels: Jordan and the Golan, where Syria never reaches.
    bx, by = x0 + (x1 - x0) * 0.01, y0 + (y1 - y0) * 0.02
    bar_h = (y1 - y0) * 0.008
    for i, colour in enumerate(("#222222", "white")):
        ax.add_patch(
            Rectangle(
                (bx + i * length / 2, by),
                length / 2,
                bar_h,
                facecolor=colour,
                edgecolor="#222222",
                linewidth=0.6,
                zorder=7,
            )
        )
    for frac, label in ((0, "0"), (0.5, f"{length / 2000:g}"), (1, f"{length / 1000:g} km")):
        ax.text(
            bx + frac * length,
            by + bar_h * 1.8,
            label,
            ha="center",
            va="bottom",
            fontsize=size,
            zorder=7,
        )


def _north_arrow(ax, size: float) -> None:
    ax.annotate(
        "N",
        xy=(0.04, 0.97),
        xytext=(0.04, 0.89),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=size * 1.2,
        weight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#222222", "linewidth": 0.8},
        zorder=7,
    )


def _legend(ax, zones: gpd.GeoDataFrame, size: float) -> None:
    palette = status_styles()
    handles = [
        Patch(
            facecolor=s["fill"],
            edgecolor=s["edge"],
            alpha=ZONE_ALPHA if sid != "none" else 1.0,
            linestyle="-" if sid != "none" else (0, (3, 2)),
            label=f"{s['label_en']} · {shape_arabic(s['label_ar'])}",
        )
        for sid, s in palette.items()
    ]
    if "parent" in zones and zones["parent"].notna().any():
        handles.append(
            Patch(facecolor="none", edgecolor="#444444", hatch="////", label="Finer area (hatched)")
        )
    handles.append(Patch(facecolor=LAND, edgecolor="#9a958c", label="Governorate"))
    legend = ax.legend(
        handles=handles,
        loc="lower right",
        fontsize=size,
        title="Zone status on this date",
        title_fontsize=size * 1.05,
        frameon=True,
        framealpha=0.92,
        edgecolor="#bbbbbb",
        borderpad=0.7,
    )
    legend.set_zorder(8)
    legend.get_title().set_weight("bold")


def screenshot_html(
    page: Path,
    size: tuple[int, int],
    *,
    allow_network: bool = False,
    timeout_s: float = 20.0,
) -> tuple[bytes, list[str]]:
    """PNG screenshot of a local HTML map in headless Chromium, and the URLs that failed to load.

    Without ``allow_network`` every http(s) request is refused before it leaves the browser, so
    the map is drawn from the file alone; with it, tiles are tried and the failures reported, and
    the screenshot is taken all the same once the zone polygons are drawn.
    """
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)"
        )
    failed: list[str] = []
    width, height = size
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True
        )
        try:
            tab = browser.new_page(
                viewport={"width": width, "height": height}, device_scale_factor=1
            )
            if not allow_network:
                tab.route(re.compile(r"^(https?|wss?)://"), lambda route: route.abort())
            tab.on("requestfailed", lambda request: failed.append(request.url))
            tab.goto(page.resolve().as_uri(), wait_until="load", timeout=timeout_s * 1000)
            tab.wait_for_selector("path.leaflet-interactive", timeout=timeout_s * 1000)
            # A figure, not a screen: the zoom buttons and the layer switcher do nothing on paper.
            tab.add_style_tag(
                content=".leaflet-control-zoom, .leaflet-control-layers {display: none}"
            )
            try:  # tiles: wait for the network to settle, but never longer than a few seconds
                tab.wait_for_load_state("networkidle", timeout=min(timeout_s, 8) * 1000)
            except PlaywrightError:
                failed.append("(tiles still loading after the wait)")
            png = tab.screenshot(type="png", full_page=False)
        finally:
            browser.close()
    return png, failed
