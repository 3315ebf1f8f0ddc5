"""``zonewatch render map|timeline`` and ``zonewatch brief``: report-ready files from the store.

The figures a briefing author pastes into a report come from the same data and the same drawing
code as the dashboard, so a map on paper never disagrees with the map on screen.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from zonewatch.core.dates import parse_day

MAP_FORMATS = ("png", "svg", "html", "geojson")
TIMELINE_FORMATS = ("png", "svg", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    render = subparsers.add_parser(
        "render", help="render the map or the timeline to a file (PNG, SVG, HTML, GeoJSON)"
    )
    what = render.add_subparsers(dest="what", required=True, metavar="WHAT")

    m = what.add_parser(
        "map",
        help="the zones coloured by their status on a date",
        description="Render the zone map for one date. PNG and SVG are drawn without a browser; "
        "HTML is the interactive map, standalone and working offline; GeoJSON holds the zones "
        "with their status and covering agreements. '--basemap tiles' needs network: for PNG it "
        "uses the browser engine and falls back to no tiles (and says so) when tiles cannot load.",
    )
    m.add_argument("--date", required=True, help="YYYY-MM-DD")
    _filters(m)
    m.add_argument("--basemap", choices=("none", "tiles"), default="none")
    m.add_argument(
        "--engine",
        choices=("static", "browser"),
        default=None,
        help="PNG only: 'static' (matplotlib, default) or 'browser' (Chromium screenshot of the "
        "interactive map; implied by --basemap tiles)",
    )
    m.add_argument("--out", required=True, type=Path, help="FILE.png|svg|html|geojson")
    _size(m)
    m.add_argument("--data", help="data folder (default: $ZONEWATCH_DATA or the user data dir)")
    m.set_defaults(handler=_render_map)

    t = what.add_parser("timeline", help="agreement × zone intervals with the corpus evidence")
    t.add_argument("--from", dest="start", help="first day shown, YYYY-MM-DD")
    t.add_argument("--to", dest="end", help="last day shown, YYYY-MM-DD")
    t.add_argument("--date", help="day marked by the red rule (default: the dashboard's first day)")
    _filters(t)
    t.add_argument("--out", required=True, type=Path, help="FILE.png|svg|html")
    t.add_argument(
        "--scale", type=float, default=2.0, help="PNG pixels per chart pixel (default 2)"
    )
    t.add_argument("--data", help="data folder (default: $ZONEWATCH_DATA or the user data dir)")
    t.set_defaults(handler=_render_timeline)

    b = subparsers.add_parser(
        "brief",
        help="a one-page HTML briefing for a date, with its map, timeline, GeoJSON and evidence CSV",
    )
    b.add_argument("--date", required=True, help="YYYY-MM-DD")
    _filters(b)
    b.add_argument("--out", required=True, type=Path, help="folder to write the briefing into")
    b.add_argument("--data", help="data folder (default: $ZONEWATCH_DATA or the user data dir)")
    b.set_defaults(handler=_brief)


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--agreements",
        nargs="+",
        default=[],
        metavar="ID",
        help="only these agreements (ids, or comma-separated)",
    )
    parser.add_argument(
        "--zones",
        nargs="+",
        default=[],
        metavar="ID",
        help="only these zones (ids, or comma-separated)",
    )


def _size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dpi", type=int, default=200, help="dots per inch of PNG/SVG (default 200)"
    )
    parser.add_argument(
        "--size",
        help="WIDTHxHEIGHT in pixels (default: 7 inches wide at --dpi, as tall as the map needs)",
    )


def _ids(values: list[str], known: dict, what: str) -> tuple[str, ...]:
    from zonewatch.core.errors import UserError

    ids = tuple(dict.fromkeys(p.strip() for v in values for p in v.split(",") if p.strip()))
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise UserError(f"unknown {what} {', '.join(unknown)}; known: {', '.join(known)}")
    return ids


def _selection(args: argparse.Namespace, day: date):
    from zonewatch.core.registry import load_registry
    from zonewatch.exports.facts import Selection

    registry = load_registry()
    return Selection(
        day=day,
        agreements=_ids(args.agreements, registry.agreements, "agreement"),
        zones=_ids(args.zones, registry.zones, "zone"),
    )


def _out(path: Path, formats: tuple[str, ...]) -> str:
    from zonewatch.core.errors import UserError

    fmt = path.suffix.lower().lstrip(".")
    if fmt not in formats:
        raise UserError(
            f"--out must end in {', '.join('.' + f for f in formats)}, not {path.name!r}"
        )
    if path.is_dir():
        raise UserError(f"--out {path} is a folder; give a file name")
    return fmt  # its folder is made when the file is written, after every check passed


def _store(args: argparse.Namespace):
    from zonewatch.core.errors import UserError
    from zonewatch.store.dataset import Store, StoreError

    try:
        return Store.open(args.data)
    except (StoreError, OSError) as exc:
        raise UserError(f"cannot open the data folder: {exc}") from None


def _render_map(args: argparse.Namespace) -> int:
    from zonewatch.core.errors import UserError

    fmt = _out(args.out, MAP_FORMATS)
    selection = _selection(args, parse_day(args.date, "--date"))
    engine = args.engine or ("browser" if args.basemap == "tiles" and fmt == "png" else "static")
    if engine == "browser" and fmt != "png":
        raise UserError("--engine browser makes PNG files only")
    if args.basemap == "tiles" and fmt == "svg":
        raise UserError("tiles are raster images: use --out FILE.png (browser) or FILE.html")
    if args.basemap == "tiles" and fmt == "png" and engine == "static":
        raise UserError(
            "the static renderer draws no tiles; drop --engine static or use --basemap none"
        )
    size = _parse_size(args.size)
    if args.dpi < 50 or args.dpi > 1200:
        raise UserError(f"--dpi must be between 50 and 1200, not {args.dpi}")

    from zonewatch.core import files
    from zonewatch.exports import geojson, static_map

    store = _store(args)
    if fmt == "geojson":
        if args.basemap != "none":
            print("zonewatch: note: GeoJSON carries no basemap; --basemap ignored", file=sys.stderr)
        files.write_text(args.out, geojson.zones_geojson_text(store, selection))
    elif fmt == "html":
        files.write_text(
            args.out, static_map.map_html(store, selection, tiles=args.basemap == "tiles")
        )
    elif engine == "browser":
        png, notes = _browser_png(store, selection, size or (1400, 1100), args.basemap == "tiles")
        files.write_bytes(args.out, png)
        for note in notes:
            print(f"zonewatch: note: {note}", file=sys.stderr)
    else:
        files.write_bytes(
            args.out, static_map.map_image(store, selection, fmt, size=size, dpi=args.dpi)
        )
    print(args.out)
    return 0


def _browser_png(store, selection, size: tuple[int, int], tiles: bool):
    """The Chromium screenshot, with a plain message when the browser cannot be used here."""
    from zonewatch.core.errors import UserError

    try:
        from playwright.sync_api import Error as PlaywrightError
    except ImportError:
        raise UserError(
            "the browser engine needs Playwright (pip install playwright) and Debian's chromium; "
            "the static engine (--basemap none) needs neither"
        ) from None
    from zonewatch.exports import static_map

    try:
        return static_map.map_browser_png(store, selection, size=size, tiles=tiles)
    except FileNotFoundError as exc:
        raise UserError(str(exc)) from None
    except PlaywrightError as exc:
        raise UserError(f"the browser could not draw the map: {str(exc).splitlines()[0]}") from None


def _parse_size(value: str | None) -> tuple[int, int] | None:
    from geo.render import parse_size
    from zonewatch.core.errors import UserError

    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as exc:
        raise UserError(f"--size: {exc}") from None


def _render_timeline(args: argparse.Namespace) -> int:
    from zonewatch.core.errors import UserError

    fmt = _out(args.out, TIMELINE_FORMATS)
    start, end = parse_day(args.start, "--from"), parse_day(args.end, "--to")
    if start and end and start > end:
        raise UserError(f"--from {start} is after --to {end}")
    if not 0.5 <= args.scale <= 8:
        raise UserError(f"--scale must be between 0.5 and 8, not {args.scale}")
    from zonewatch.core import files
    from zonewatch.exports import facts, timeline_chart

    day = parse_day(args.date, "--date") or facts.default_day()
    store = _store(args)
    chart = timeline_chart.timeline_figure(store, _selection(args, day), start=start, end=end)
    data = timeline_chart.chart_bytes(chart, fmt, scale=args.scale)
    if isinstance(data, str):
        files.write_text(args.out, data)
    else:
        files.write_bytes(args.out, data)
    print(args.out)
    return 0


def _brief(args: argparse.Namespace) -> int:
    from zonewatch.core.errors import UserError

    if args.out.exists() and not args.out.is_dir():
        raise UserError(f"--out {args.out} is a file; give a folder")
    selection = _selection(args, parse_day(args.date, "--date"))
    from zonewatch.exports import brief

    written = brief.write_brief(_store(args), selection, args.out)
    for path in written:
        print(path)
    return 0
