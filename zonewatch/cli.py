"""The ``zonewatch`` command line.

Each sub-command lives in its own module under ``zonewatch.commands`` and registers itself; heavy
imports (geopandas, dask, duckdb) happen inside the handlers so that ``zonewatch extract`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: Modules of ``zonewatch.commands`` that each provide ``register(subparsers)``.
COMMAND_MODULES = ("extract", "ingest", "query", "boundaries", "render")


class UserError(Exception):
    """A problem with the user's input: printed as one line, exit status 2, no traceback."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zonewatch",
        description="Which ceasefire or de-escalation agreement covered which part of Syria, when, and on whose word.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"zonewatch.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"zonewatch.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"zonewatch: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zonewatch: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
