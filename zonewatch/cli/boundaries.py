"""``zonewatch boundaries import|list|remove``: authoritative admin layers for the zones.

The work is done in ``geo`` (reading, checks, storage, refinement); this module wires the
arguments, the data folder and the messages.
"""

from __future__ import annotations

import argparse
from pathlib import Path

#: A refined zone this many times larger than its footprint is worth a warning.
COARSE_GROWTH = 5


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "boundaries",
        help="import, list or remove admin boundary layers that refine the zones",
        description="Admin boundary layers (OCHA COD-AB, geoBoundaries) that snap the zones to real units.",
    )
    sub = parser.add_subparsers(dest="boundaries_command", required=True, metavar="ACTION")

    imp = sub.add_parser(
        "import", help="import a GeoJSON, TopoJSON, shapefile (.shp/.zip) or GeoPackage layer"
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--level", choices=("adm1", "adm2", "adm3"), help="admin level (default: guessed)"
    )
    imp.add_argument("--name", help="name to store the layer under (default: from the file name)")
    imp.add_argument(
        "--attribution", help="credit line shown on maps, e.g. 'geoBoundaries, CC BY 3.0 IGO'"
    )
    imp.add_argument("--layer", help="layer to read from a file that holds several")
    imp.add_argument(
        "--data",
        metavar="DIR",
        help="data folder (default: $ZONEWATCH_DATA or the user data folder)",
    )
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser("list", help="list the imported layers")
    lst.add_argument("--data", metavar="DIR", help="data folder")
    lst.set_defaults(handler=run_list)

    rem = sub.add_parser("remove", help="remove an imported layer")
    rem.add_argument("name", metavar="NAME")
    rem.add_argument("--data", metavar="DIR", help="data folder")
    rem.set_defaults(handler=run_remove)


def _boundaries_dir(args: argparse.Namespace) -> Path:
    from geo.boundary_store import boundaries_dir
    from zonewatch.core.settings import data_dir

    return boundaries_dir(data_dir(args.data))


def run_import(args: argparse.Namespace) -> int:
    from geo.boundary_read import BoundaryFileError
    from geo.importer import import_boundaries
    from zonewatch.core.errors import UserError

    try:
        result = import_boundaries(
            args.file, _boundaries_dir(args), args.level, args.name, args.attribution, args.layer
        )
    except BoundaryFileError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.file}: {exc.strerror or exc}") from None
    meta, read = result.stored.meta, result.read
    print(
        f"imported '{meta['name']}': {meta['feature_count']} polygons, level {meta['level']} "
        f"({result.level_how}), {read.source_format}, CRS {meta['source_crs']}"
    )
    if read.repaired:
        print(f"  repaired {read.repaired} invalid geometr{'y' if read.repaired == 1 else 'ies'}")
    if read.dropped_non_polygon or read.dropped_outside:
        print(
            f"  left out {read.dropped_non_polygon} non-polygon and {read.dropped_outside} outside-Syria features"
        )
    if result.refined_by != meta["name"]:
        print(f"  zones stay refined by the finer layer '{result.refined_by}'")
    for item in result.refinement:
        areas = (
            f", {item.approximate_km2:,.0f} -> {item.refined_km2:,.0f} km²"
            if item.refined_km2 is not None
            else ""
        )
        if item.refined:
            extra = (
                f"; {len(item.unmatched_members)} member places in no unit"
                if item.unmatched_members
                else ""
            )
            print(f"  {item.zone}: {len(item.units)} units{areas}{extra}")
            if item.growth and item.growth > COARSE_GROWTH:
                print(
                    f"    note: {item.growth:.0f}x the approximate area; this layer's units are coarse for this zone"
                )
        else:
            print(f"  {item.zone}: {item.reason}{areas}")
    print(f"  attribution: {meta['attribution']}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from geo import boundary_store

    found = boundary_store.list_layers(_boundaries_dir(args))
    if not found:
        print("no boundary layers imported (zones use the approximate footprints)")
        return 0
    finest = boundary_store.finest_layer(_boundaries_dir(args))
    for lay in found:
        m = lay.meta
        mark = "*" if finest and lay.name == finest.name else " "
        print(
            f"{mark} {lay.name}\t{m['level']}\t{m['feature_count']} units\t{m['source_file']}\t{m['imported_at']}\t{m['attribution']}"
        )
    print("* refines the zones")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from geo import boundary_store
    from zonewatch.core.errors import UserError

    if not boundary_store.remove_layer(_boundaries_dir(args), args.name):
        raise UserError(f"no boundary layer named {args.name!r} (see 'zonewatch boundaries list')")
    print(f"removed '{args.name}'")
    return 0
