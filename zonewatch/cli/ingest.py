"""``zonewatch ingest PATH...``: read files and folders of articles into the store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

#: Skipped inputs listed one per line in the text report; the rest are counted.
SHOWN_SKIPS = 50


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="read articles (.txt .md .html .jsonl .csv, folders) into the store",
        description="Read articles into the store: each is extracted once (articles already in the "
        "store are skipped), and a run that is interrupted can simply be run again.",
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="files or folders (walked recursively)"
    )
    parser.add_argument(
        "--published", metavar="YYYY-MM-DD", help="publication date for articles that carry none"
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local processes (default) or a Dask cluster",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="worker processes (default: one per core; 0: in this process)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="Dask scheduler to use (implies --engine dask); default: a local cluster",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        metavar="N",
        default=None,
        help="articles per committed batch of part files (default 10000)",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="report format")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="data folder (default: $ZONEWATCH_DATA or the user data folder)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from zonewatch.core.dates import parse_day
    from zonewatch.core.errors import UserError
    from zonewatch.ingest.engines import EngineError
    from zonewatch.ingest.run import BATCH_ARTICLES, ingest_paths
    from zonewatch.store.dataset import Store, StoreError

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UserError(f"no such file or folder: {missing[0]}")
    parse_day(args.published, "--published")
    if args.workers is not None and args.workers < 0:
        raise UserError("--workers must be 0 or more")
    if args.batch_size is not None and args.batch_size < 1:
        raise UserError("--batch-size must be 1 or more")
    try:
        store = Store.open(args.data)
        report = ingest_paths(
            store,
            args.paths,
            published=args.published,
            engine="dask" if args.scheduler else args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            progress=not args.no_progress and args.format == "text",
            batch_size=args.batch_size or BATCH_ARTICLES,
        )
    except (StoreError, EngineError) as exc:
        raise UserError(str(exc)) from exc
    except PermissionError as exc:
        raise UserError(f"cannot write to the data folder: {exc.filename}: {exc.strerror}") from exc
    if args.format == "json":
        print(
            json.dumps({**report.to_dict(), "data": str(store.root)}, ensure_ascii=False, indent=2)
        )
    else:
        print(f"{report.summary()}; store: {store.root}")
        for where, reason in report.skipped[:SHOWN_SKIPS]:
            print(f"  skipped {where}: {reason}")
        if len(report.skipped) > SHOWN_SKIPS:
            print(f"  ... and {len(report.skipped) - SHOWN_SKIPS} more skipped")
    if report.read == 0 and report.skipped:
        print("zonewatch: error: nothing could be read from the given paths", file=sys.stderr)
        return 2
    return 0
