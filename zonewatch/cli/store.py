"""``zonewatch delete`` and ``zonewatch store check [--repair]``: taking articles out of the store.

An analyst who finds a wrong or hostile article must be able to remove it without editing
Parquet by hand, and a store written by an older version or another tool may hold records that
cannot be shown; ``store check`` lists them and ``--repair`` moves them to a quarantine file.
"""

from __future__ import annotations

import argparse

DATA_HELP = "data folder (default: $ZONEWATCH_DATA or the user data folder)"


def register(subparsers: argparse._SubParsersAction) -> None:
    delete = subparsers.add_parser(
        "delete",
        help="remove articles (and their mentions and claims) from the store",
        description="Remove articles from the store, by id or by exact source; atomic per "
        "batch, like ingest.",
    )
    which = delete.add_mutually_exclusive_group(required=True)
    which.add_argument("--article", metavar="ID", help="article id (see `query evidence`)")
    which.add_argument("--source", metavar="TEXT", help="every article whose source is TEXT")
    delete.add_argument("--data", metavar="DIR", help=DATA_HELP)
    delete.set_defaults(handler=run_delete)

    store = subparsers.add_parser("store", help="check the store for records that cannot be shown")
    actions = store.add_subparsers(dest="action", required=True, metavar="ACTION")
    check = actions.add_parser(
        "check",
        help="list records that cannot be shown (exit status 1 if any)",
        description="List records that cannot be shown: days out of range, empty text, "
        "articles stored twice. With --repair, move them to <data>/quarantine/.",
    )
    check.add_argument("--repair", action="store_true", help="quarantine what is found")
    check.add_argument("--data", metavar="DIR", help=DATA_HELP)
    check.set_defaults(handler=run_check)


def run_delete(args: argparse.Namespace) -> int:
    from zonewatch.core.errors import UserError
    from zonewatch.store.dataset import Store
    from zonewatch.store.removal import matching_ids, remove_articles

    store = Store.open(args.data)
    ids = matching_ids(store, article=args.article, source=args.source)
    if not ids:
        what = f"id {args.article}" if args.article else f"source {args.source!r}"
        raise UserError(f"no article with {what} in {store.root}")
    removed = remove_articles(store, ids)
    print(f"removed {len(ids)} article(s) ({removed} stored record(s)); store: {store.root}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    from zonewatch.store.dataset import Store
    from zonewatch.store.removal import check, quarantine

    store = Store.open(args.data)
    problems = check(store)
    for problem in problems:
        print(problem.line())
    if not problems:
        print(f"no problem found; store: {store.root}")
        return 0
    if not args.repair:
        print(f"{len(problems)} problem(s); run with --repair to quarantine them")
        return 1
    path, removed = quarantine(store, problems)
    where = f", copies in {path}" if path else ""
    print(f"repaired: {removed} stored record(s) removed{where}")
    return 0
