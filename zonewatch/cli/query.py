"""``zonewatch query coverage|evidence`` and ``zonewatch stats``: questions to the store."""

from __future__ import annotations

import argparse
import json
from typing import Any

DATA_HELP = "data folder (default: $ZONEWATCH_DATA or the user data folder)"


def register(subparsers: argparse._SubParsersAction) -> None:
    query = subparsers.add_parser("query", help="ask the store: coverage at a date, evidence")
    kinds = query.add_subparsers(dest="query", required=True, metavar="QUERY")

    coverage = kinds.add_parser(
        "coverage", help="registry intervals and corpus claims on a date, with evidence counts"
    )
    coverage.add_argument("--date", required=True, metavar="YYYY-MM-DD")
    _common(coverage)
    coverage.set_defaults(handler=run_coverage)

    evidence = kinds.add_parser("evidence", help="the sentences that link agreements and zones")
    evidence.add_argument("--zone", help="zone id (includes its finer areas)")
    evidence.add_argument("--agreement", help="agreement id")
    evidence.add_argument("--start", metavar="YYYY-MM-DD")
    evidence.add_argument("--end", metavar="YYYY-MM-DD")
    evidence.add_argument("--limit", type=int, default=50)
    _common(evidence)
    evidence.set_defaults(handler=run_evidence)

    control = kinds.add_parser(
        "control", help="the registry's control changes in date order, corpus events beside them"
    )
    control.add_argument("--zone", help="zone id")
    control.add_argument("--start", metavar="YYYY-MM-DD")
    control.add_argument("--end", metavar="YYYY-MM-DD")
    _common(control)
    control.set_defaults(handler=run_control)

    stats = subparsers.add_parser("stats", help="what the store holds")
    _common(stats)
    stats.set_defaults(handler=run_stats)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--data", metavar="DIR", help=DATA_HELP)


def _open(args: argparse.Namespace):  # -> Store
    from zonewatch.core.errors import UserError
    from zonewatch.store.dataset import Store, StoreError

    try:
        return Store.open(args.data)
    except StoreError as exc:
        raise UserError(str(exc)) from exc


def _emit(frame, fmt: str) -> None:
    """Rows as a JSON list (dates as YYYY-MM-DD, missing values as null) or as a text table."""
    frame = frame.copy()
    for column in frame.select_dtypes("datetime").columns:
        frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    clean = frame.astype(object).where(frame.notna(), None)
    if fmt == "json":
        rows = clean.to_dict("records")
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=_json_value))
    elif frame.empty:
        print("(nothing)")
    else:
        print(clean.to_string(index=False))


def _json_value(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _run_query(args: argparse.Namespace, fn, **kwargs: Any) -> int:
    from zonewatch.core.errors import UserError

    store = _open(args)
    try:
        frame = fn(store, **kwargs)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    _emit(frame, args.format)
    return 0


def run_coverage(args: argparse.Namespace) -> int:
    from zonewatch.store import queries

    return _run_query(args, queries.coverage_at, day=args.date)


def run_evidence(args: argparse.Namespace) -> int:
    from zonewatch.store import queries

    return _run_query(
        args,
        queries.evidence,
        zone=args.zone,
        agreement=args.agreement,
        start=args.start,
        end=args.end,
        limit=args.limit,
    )


def run_control(args: argparse.Namespace) -> int:
    from zonewatch.cli.control_text import print_control
    from zonewatch.core.dates import parse_day
    from zonewatch.core.errors import UserError
    from zonewatch.store.control import control_report

    store = _open(args)
    try:
        zone = _known_zone(args.zone)
        start, end = parse_day(args.start, "--start"), parse_day(args.end, "--end")
        report = control_report(store, zone, start, end)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    if args.format == "json":
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print_control(report)
    return 0


def _known_zone(zone: str | None) -> str | None:
    from zonewatch.core.registry import load_registry

    if zone is None:
        return None
    zones = load_registry().zones
    if zone not in zones:
        raise ValueError(f"--zone: unknown zone {zone!r} (one of: {', '.join(sorted(zones))})")
    return zone


def stats(store) -> dict[str, Any]:
    """Counts and a few facts about the store, for ``zonewatch stats`` and the dashboard."""
    from zonewatch.store.queries import published_range

    con = store.connect()
    first, last = published_range(store) or (None, None)
    languages = dict(
        con.execute(
            "SELECT coalesce(language, 'unknown'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
    )
    unknown = con.execute(
        "SELECT count(*) FROM mentions WHERE kind = 'agreement' AND id IS NULL"
    ).fetchone()[0]
    size = sum(
        p.stat().st_size
        for name in ("articles", "mentions", "claims")
        for p in store.part_paths(name)
    )
    return {
        **store.counts(),
        "data": str(store.root),
        "schema_version": store.manifest()["schema_version"],
        "batches": len(store.committed_batches()),
        "bytes": size,
        "languages": languages,
        "published": {
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
        },
        "unknown_agreement_mentions": int(unknown),
    }


def run_stats(args: argparse.Namespace) -> int:
    figures = stats(_open(args))
    if args.format == "json":
        print(json.dumps(figures, ensure_ascii=False, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0
