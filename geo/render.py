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

import geopandas as gpd
import matplotlib
from matplotlib.figure import Figure

from geo.render_parts import (
    LAND,
    MapTerritory,
    _draw_territory,
    _draw_zones,
    _filled_area,
    _frame,
    _frame_aspect,
    _label_governorates,
    _label_zones,
    _legend,
    _north_arrow,
    _scale_bar,
    shape_arabic,
)

#: Metric projection for drawing and for the scale bar: UTM 37N spans Syria (35.6-42.4 E).
MAP_CRS = "EPSG:32637"
#: Page width used when only --dpi is given: 7 inches, about an A4 text column (17 cm); the
#: height then follows the map.
DEFAULT_WIDTH_IN = 7.0
FORMATS = ("png", "svg")
FONT = "DejaVu Sans"  # ships with matplotlib and holds the Arabic presentation forms


@dataclass(frozen=True)
class MapText:
    """Everything written on the map besides labels; the caller words it, the renderer places it."""

    title: str
    subtitle: str
    caveat: str
    source: str
    notes: Sequence[str] = field(default_factory=tuple)


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
    territory: MapTerritory | None = None,
) -> bytes:
    """The map as PNG or SVG bytes of exactly ``size`` pixels (SVG: width/height attributes);
    without ``size``, 7 inches wide at ``dpi`` and as tall as the map needs (no empty bands).

    ``governorates`` needs iso, name_en, name_ar; ``zones`` needs id, parent, name_en, name_ar;
    ``status`` maps zone id to a status of the palette (missing zones count as 'none').
    ``territory``: the ground lost by the date (hatched, the biggest losses named) and the front
    line; the zones are then expected at their extent on the date.
    """
    if fmt not in FORMATS:
        raise ValueError(f"static maps are {' or '.join(FORMATS)}, not {fmt!r}")
    out = io.BytesIO()
    # No pyplot and no global state: a Figure of our own (Agg canvas) under local settings.
    with matplotlib.rc_context({"svg.fonttype": "path", "font.family": FONT}):
        fig = _figure(governorates, zones, status, text, size, dpi, territory)
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
    territory: MapTerritory | None = None,
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
    if territory is not None:
        _draw_territory(ax, territory, sizes["label"])
    _frame(ax, gov)
    _label_governorates(ax, gov, sizes["label"], _filled_area(zon, status))
    _label_zones(ax, zon, sizes["zone"])
    _scale_bar(ax, sizes["small"])
    _north_arrow(ax, sizes["small"])
    _legend(ax, zon, sizes["small"], territory=territory is not None)

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
