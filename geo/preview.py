"""A quick-look PNG of the zones over the governorates, for checking the geometry by eye.

``.venv/bin/python -m geo.preview --out out/zones.png`` draws the shipped approximate footprints;
``--boundaries DIR`` draws the zones refined by the layer imported there, ``--web`` the
simplified web geometry, ``--bbox`` zooms (lon_min lat_min lon_max lat_max). Briefing-quality
exports are made elsewhere (geo/render.py); this is the developer's check.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import geopandas as gpd
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from geo import layers  # noqa: E402
from geo.gazetteer import places  # noqa: E402

COLOURS = {
    "idlib": "#d95f02",
    "north_homs": "#7570b3",
    "eastern_ghouta": "#e7298a",
    "south": "#1b9e77",
    "sochi_dmz": "#e6ab02",
    "m4_corridor": "#333333",
}


def draw(out: Path, boundaries_dir: Path | None, web: bool, bbox: list[float] | None) -> Path:
    if web:
        doc = layers.web_geojson(boundaries_dir)
        govs = gpd.GeoDataFrame.from_features(doc["governorates"]["features"], crs="EPSG:4326")
        zones = gpd.GeoDataFrame.from_features(doc["zones"]["features"], crs="EPSG:4326")
    else:
        govs, zones = layers.governorates(), layers.zones(boundaries_dir)
    fig, ax = plt.subplots(figsize=(10, 9), dpi=110)
    govs.plot(ax=ax, color="#f2efe9", edgecolor="#888888", linewidth=0.6)
    for row in govs.itertuples():
        point = row.geometry.representative_point()
        ax.annotate(row.iso, (point.x, point.y), fontsize=7, color="#666666", ha="center")
    handles = []
    for row in zones.itertuples():
        colour = COLOURS.get(row.id, "#444444")
        finer = isinstance(row.parent, str)  # None or NaN (from GeoJSON) for top-level zones
        if finer:  # outlined and hatched, so that the parent zone stays visible under it
            gpd.GeoSeries([row.geometry]).plot(
                ax=ax, facecolor="none", edgecolor=colour, linewidth=1.6, hatch="////", zorder=3
            )
        else:
            gpd.GeoSeries([row.geometry]).plot(
                ax=ax, facecolor=colour, alpha=0.4, edgecolor=colour, linewidth=1.2, zorder=2
            )
        label = f"{row.id} ({'approx.' if row.approximate else 'refined'}, {row.area_km2:,.0f} km²)"
        style = (
            {"facecolor": "none", "edgecolor": colour, "hatch": "////"}
            if finer
            else {"facecolor": colour, "alpha": 0.5}
        )
        handles.append(Patch(label=label, **style))
    member = [p for p in places() if p.member]
    ax.scatter([p.lon for p in member], [p.lat for p in member], s=6, c="black", zorder=5)
    if bbox:
        ax.set_xlim(bbox[0], bbox[2])
        ax.set_ylim(bbox[1], bbox[3])
    ax.set_aspect(1 / 0.81)  # cos(36°): degrees of longitude are shorter at Syria's latitude
    ax.legend(handles=handles, loc="lower right", fontsize=8)
    title = "refined zones" if boundaries_dir else "approximate zone footprints"
    ax.set_title(f"Zonewatch {title}{' (web geometry)' if web else ''}; dots: member places")
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, bbox_inches="tight")
    plt.close(fig)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geo.preview", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--out", type=Path, default=Path("out/zones.png"))
    parser.add_argument(
        "--boundaries", type=Path, help="boundaries folder (<data>/boundaries) to refine with"
    )
    parser.add_argument("--web", action="store_true", help="draw the simplified web geometry")
    parser.add_argument("--bbox", type=float, nargs=4, metavar=("W", "S", "E", "N"))
    args = parser.parse_args(argv)
    print(draw(args.out, args.boundaries, args.web, args.bbox))
    return 0


if __name__ == "__main__":
    sys.exit(main())
