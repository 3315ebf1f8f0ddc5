"""``zonewatch extract``: read articles and print what they say about zones and agreements.

Several files may be given: ``--format jsonl`` prints one JSON object per file, in the order
given (bulk checks need not start a process per article), ``json`` a list. An unreadable file
among several is reported by name on standard error (and as ``{"file": ..., "error": ...}`` in
JSON Lines), the others are still read, and the exit status is 2. The data folder's imported
gazetteer (``zonewatch gazetteer import``) is used when there is one.

Input is a file or ``-`` (standard input) of at most 5 MiB (``zonewatch.readers.MAX_ARTICLE_BYTES``),
UTF-8 (with or without BOM) or a legacy Arabic encoding such as windows-1256. Anything else (a
missing file, a folder, an empty, binary or undecodable file, a bigger one, a malformed
``--published``) is a one-line error and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from zonewatch.core.dates import parse_day
from zonewatch.core.errors import UserError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="extract zones, agreements, coverage links and dates from one article",
        description="Read one Arabic or English article and print its zones, agreements, "
        "coverage links (with evidence sentences) and resolved dates.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE|-", help="article text files, or - for standard input"
    )
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date, to resolve 'yesterday', 'last Tuesday', ...",
    )
    parser.add_argument(
        "--lang",
        choices=("auto", "ar", "en"),
        default="auto",
        help="article language (default: detect)",
    )
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "text"),
        default="json",
        help="json (the extraction contract; a list for several files), jsonl (one object per "
        "file, in order) or text for people",
    )
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="data folder whose imported gazetteer to use (default: $ZONEWATCH_DATA or the user "
        "data folder)",
    )
    parser.add_argument(
        "--bidi",
        action="store_true",
        help="with --format text: reorder Arabic for terminals that do not do bidirectional text themselves",
    )
    parser.set_defaults(handler=run)


def read_article(name: str) -> str:
    """The text of FILE or standard input, or a UserError saying why it cannot be read."""
    from zonewatch.ingest.encodings import Unreadable, decode
    from zonewatch.ingest.readers import MAX_ARTICLE_BYTES

    limit = MAX_ARTICLE_BYTES
    if name == "-":
        data = sys.stdin.buffer.read(limit + 1)
        label = "standard input"
    else:
        path = Path(name)
        label = name
        if not path.exists():
            raise UserError(f"{name}: no such file")
        if path.is_dir():
            raise UserError(f"{name}: is a directory, not an article file")
        try:
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise UserError(f"{name}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise UserError(
            f"{label}: larger than the {limit // (1024 * 1024)} MiB limit for one article"
        )
    if not data.strip():
        raise UserError(f"{label}: is empty")
    try:
        text = decode(data)
    except Unreadable as exc:
        raise UserError(f"{label}: {exc}") from None
    if not text.strip():
        raise UserError(f"{label}: is empty")
    return text


def run(args: argparse.Namespace) -> int:
    published = parse_day(args.published, "--published")
    if args.files.count("-") > 1:
        raise UserError("standard input (-) can be read only once")
    from extract import extract_article
    from zonewatch.core.gazetteer import place_index

    gazetteer = place_index(args.data)
    single = len(args.files) == 1
    results: list[dict] = []
    failed = 0
    out = sys.stdout.buffer
    for name in args.files:
        try:
            text = read_article(name)
        except UserError as exc:
            if single:
                raise
            failed += 1
            print(f"zonewatch: error: {exc}", file=sys.stderr)
            result = {"file": name, "error": str(exc)}
        else:
            result = extract_article(text, published, args.lang, gazetteer=gazetteer).to_dict()
            if not single:
                result = {"file": name, **result}
        if args.format == "jsonl":
            out.write((json.dumps(result, ensure_ascii=False) + "\n").encode("utf-8"))
        elif args.format == "text":
            head = "" if single else f"== {name}\n"
            body = (
                f"error: {result['error']}\n"
                if "error" in result
                else render_text(result, bidi=args.bidi)
            )
            out.write((head + body + ("" if single else "\n")).encode("utf-8"))
        else:
            results.append(result)
    if args.format == "json":
        shown = results[0] if single else results
        out.write((json.dumps(shown, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    sys.stdout.flush()
    return 2 if failed else 0


def render_text(result: dict, bidi: bool = False) -> str:
    """The findings grouped for a reader: zones, agreements, each link with its evidence, dates."""
    from zonewatch.core.registry import load_registry

    registry = load_registry()
    show = _bidi_display if bidi else (lambda s: s)

    def zone_name(zid: str) -> str:
        z = registry.zones.get(zid)
        return f"{zid} ({z.name_en} / {show(z.name_ar)})" if z else zid

    def agreement_name(aid: str | None) -> str:
        if aid is None:
            return "(agreement not in the registry)"
        a = registry.agreements.get(aid)
        return f"{aid} ({a.name_en})" if a else aid

    lines = [f"Language: {result['language']}    Published: {result['published'] or 'unknown'}", ""]
    lines.append("Zones:" + ("" if result["zones"] else " none"))
    lines += [f"  - {zone_name(z)}" for z in result["zones"]]
    lines.append("Agreements:" + ("" if result["agreements"] else " none"))
    lines += [f"  - {agreement_name(a)}" for a in result["agreements"]]
    unknown = [m for m in result["mentions"] if m["kind"] == "agreement" and m["id"] is None]
    if unknown:
        lines.append("Agreements not in the registry:")
        lines += [f"  - {show(m['text'])}  (sentence {m['sentence']})" for m in unknown]
    lines += ["", "Coverage:" + ("" if result["coverage"] else " none stated")]
    for c in result["coverage"]:
        when = f", {c['date']}" if c["date"] else ""
        lines.append(
            f"  * {c['agreement'] or '(unknown agreement)'} {c['relation']} {c['zone']}{when}"
        )
        lines.append(f"      sentence {c['sentence']}: {show(c['evidence'])}")
    lines += ["", "Dates:" + ("" if result["dates"] else " none")]
    for d in result["dates"]:
        lines.append(
            f"  - {d['date'] or '(unresolved)':<10}  {d['precision']:<5}  {show(d['text'])}"
        )
    return "\n".join(lines) + "\n"


def _bidi_display(text: str) -> str:
    """Visual order with joined letter forms, for terminals without bidirectional support."""
    import arabic_reshaper
    from bidi import get_display

    return get_display(arabic_reshaper.reshape(text))
