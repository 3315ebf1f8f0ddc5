"""The ``zonewatch`` command line.

Each sub-command lives in its own module under ``zonewatch.cli`` and registers itself; heavy
imports (geopandas, dask, duckdb) happen inside the handlers so that ``zonewatch extract`` starts fast.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from zonewatch.core.errors import ZonewatchError, os_reason

#: Modules of ``zonewatch.cli`` that each provide ``register(subparsers)``.
COMMAND_MODULES = ("extract", "ingest", "query", "store", "boundaries", "gazetteer", "render")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="zonewatch",
        description="Which ceasefire or de-escalation agreement covered which part of Syria, when, and on whose word.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"zonewatch.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"zonewatch.cli.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except ZonewatchError as exc:
        print(f"zonewatch: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except OSError as exc:  # the machine's state (disk, permissions) met outside our writers
        where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
        print(f"zonewatch: error: {os_reason(exc)}{where}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zonewatch: interrupted", file=sys.stderr)
        return 130


def _one_line(exc: BaseException) -> str:
    """The message on one line: a message that quotes a file's text may hold line breaks."""
    return " ".join(str(exc).split()) or type(exc).__name__
