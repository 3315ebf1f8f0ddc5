"""``zonewatch gazetteer import|list|remove``: a full gazetteer of Syrian places for the extractor.

Reading, locating and storing are done in ``geo`` (``geo.gazetteer_read``,
``geo.gazetteer_store``); matching in ``extract``; this module wires the arguments, the data
folder and the messages. A file that cannot be used is a one-line error (exit status 2) and leaves
the previously imported gazetteers as they were.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from zonewatch.core.errors import UserError

_DATA_HELP = "data folder (default: $ZONEWATCH_DATA or the user data folder)"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "gazetteer",
        help="import, list or remove a full gazetteer of Syrian places",
        description="A full gazetteer (GeoNames dump, OCHA COD populated places, any CSV of "
        "names and coordinates) lets the extractor resolve every village to its zone.",
    )
    sub = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    imp = sub.add_parser(
        "import",
        help="import SY.txt / SY.zip (GeoNames), a COD CSV / XLSX / shapefile, or any CSV",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--name", help="name to store it under (default: from the file name)")
    imp.add_argument("--attribution", help="credit line, e.g. 'GeoNames, CC BY 4.0'")
    for flag, what in (
        ("--name-col", "English (Latin-script) name"),
        ("--name-ar-col", "Arabic name"),
        ("--lat-col", "latitude"),
        ("--lon-col", "longitude"),
        ("--alt-col", "alternate names (separated by | ; or ,)"),
        ("--id-col", "place id"),
        ("--pcode-col", "P-code"),
    ):
        imp.add_argument(flag, metavar="COLUMN", help=f"column of the {what} (default: recognised)")
    imp.add_argument("--data", metavar="DIR", help=_DATA_HELP)
    imp.set_defaults(handler=run_import)

    lst = sub.add_parser("list", help="list the imported gazetteers")
    lst.add_argument("--data", metavar="DIR", help=_DATA_HELP)
    lst.set_defaults(handler=run_list)

    rem = sub.add_parser("remove", help="remove an imported gazetteer")
    rem.add_argument("name", metavar="NAME")
    rem.add_argument("--data", metavar="DIR", help=_DATA_HELP)
    rem.set_defaults(handler=run_remove)


def run_import(args: argparse.Namespace) -> int:
    from geo.boundary_store import boundaries_dir
    from geo.gazetteer_read import ColumnMap, GazetteerFileError
    from geo.gazetteer_store import gazetteer_dir, import_gazetteer
    from zonewatch.core import matcher_cache
    from zonewatch.core.settings import data_dir

    data = data_dir(args.data)
    cols = ColumnMap(
        name=args.name_col,
        name_ar=args.name_ar_col,
        lat=args.lat_col,
        lon=args.lon_col,
        alt=args.alt_col,
        id=args.id_col,
        pcode=args.pcode_col,
    )
    if args.name is not None and (
        not args.name.strip() or args.name.startswith(".") or "/" in args.name
    ):
        raise UserError(f"--name {args.name!r}: use letters, digits, '-', '_' or '.'")
    started = time.perf_counter()
    try:
        stored = import_gazetteer(
            args.file, gazetteer_dir(data), boundaries_dir(data), args.name, cols, args.attribution
        )
    except GazetteerFileError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{args.file}: {exc.strerror or exc}") from None
    matcher_cache.discard(gazetteer_dir(data))  # built for the gazetteers before this one
    m = stored.meta
    zones = ", ".join(f"{z} {n}" for z, n in m["zone_counts"].items()) or "none"
    print(
        f"imported '{m['name']}': {m['place_count']} places ({m['arabic_count']} with an Arabic "
        f"name), {m['source_format']}, in {time.perf_counter() - started:.1f} s"
    )
    print(f"  inside the zones ({m['zones_from']}): {zones}")
    if m["skipped"]:
        print(f"  left out {m['skipped']} rows without a name or coordinates")
    if m["place_count"] - m["in_syria"]:
        print(f"  {m['place_count'] - m['in_syria']} places lie outside Syria's governorates")
    if m["attribution"]:
        print(f"  attribution: {m['attribution']}")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from geo.gazetteer_store import list_gazetteers
    from zonewatch.core.gazetteer import gazetteer_root

    found = list_gazetteers(gazetteer_root(args.data))
    if not found:
        print("no gazetteer imported (the extractor knows the curated gazetteer only)")
        return 0
    for g in found:
        m = g.meta
        print(
            f"{g.name}\t{m['place_count']} places\t{sum(m['zone_counts'].values())} in zones\t"
            f"{m['source_file']}\t{m['imported_at']}\t{m['attribution']}"
        )
    return 0


def run_remove(args: argparse.Namespace) -> int:
    from geo.gazetteer_store import remove_gazetteer
    from zonewatch.core import matcher_cache
    from zonewatch.core.gazetteer import gazetteer_root

    if not remove_gazetteer(gazetteer_root(args.data), args.name):
        raise UserError(f"no gazetteer named {args.name!r} (see 'zonewatch gazetteer list')")
    matcher_cache.discard(gazetteer_root(args.data))
    print(f"removed '{args.name}'")
    return 0
