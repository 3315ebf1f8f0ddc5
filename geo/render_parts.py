"""The parts of a static map: zones, lost ground and front line, labels, frame, scale bar, north
arrow and legend (drawn by :func:`geo.render.render_map` on a metric axes)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import arabic_reshaper
import geopandas as gpd
import matplotlib.patheffects as path_effects
import shapely
from bidi import get_display
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from shapely.geometry import Point
from shapely.ops import polylabel

from geo.style import status_styles

#: Metric projection the map is drawn in (UTM 37N spans Syria, 35.6-42.4 E).
MAP_CRS = "EPSG:32637"

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


#: At most this many lost places are named on a static map, the biggest first, at least this far
#: apart (m), so that the names stay readable at a country scale.
MAX_NAMED_LOSSES = 6
NAMED_LOSS_SPACING_M = 30_000
FRONT_COLOUR = "#b3001b"


@dataclass(frozen=True)
class MapTerritory:
    """Lost ground (``name_en``, ``lost_on``, ``area_km2``, ``named``: may carry a name, polygon
    geometry) and front lines (line geometry), both GeoDataFrames in WGS84."""

    lost: gpd.GeoDataFrame
    front: gpd.GeoDataFrame


def _draw_territory(ax, territory: MapTerritory, size: float) -> None:
    """Lost ground hatched in the "ended" grey, the front as a red dashed line, and the names
    and dates of the biggest losses among those marked ``named``."""
    grey = status_styles()["ended"]
    lost = territory.lost.to_crs(MAP_CRS) if len(territory.lost) else territory.lost
    if len(lost):
        lost.plot(ax=ax, facecolor=grey["fill"], alpha=0.35, edgecolor="none", zorder=2.4)
        lost.plot(
            ax=ax,
            facecolor="none",
            edgecolor=grey["edge"],
            hatch="\\\\\\",
            linewidth=0,
            zorder=2.5,
        )
    if len(territory.front):
        territory.front.to_crs(MAP_CRS).plot(
            ax=ax, color=FRONT_COLOUR, linewidth=1.1, linestyle=(0, (4, 2)), zorder=4
        )
    if len(lost):
        _label_losses(ax, lost[lost["named"].astype(bool)], size)


def _label_losses(ax, lost: gpd.GeoDataFrame, size: float) -> None:
    placed: list[Point] = []
    for _, row in lost.sort_values("area_km2", ascending=False).iterrows():
        point = row.geometry.representative_point()
        if any(point.distance(p) < NAMED_LOSS_SPACING_M for p in placed):
            continue
        placed.append(point)
        ax.annotate(
            f"{row['name_en']} {row['lost_on']}",
            (point.x, point.y),
            fontsize=size * 0.9,
            ha="center",
            va="center",
            color="#3a3a3a",
            path_effects=_HALO,
            zorder=6,
        )
        if len(placed) >= MAX_NAMED_LOSSES:
            break


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


def _legend(ax, zones: gpd.GeoDataFrame, size: float, *, territory: bool = False) -> None:
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
    if territory:
        grey = palette["ended"]
        handles.append(
            Patch(
                facecolor=grey["fill"],
                edgecolor=grey["edge"],
                hatch="\\\\\\",
                alpha=0.6,
                label="Lost since the agreement (hatched)",
            )
        )
        handles.append(
            Line2D([], [], color=FRONT_COLOUR, linestyle=(0, (4, 2)), label="Front line")
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
