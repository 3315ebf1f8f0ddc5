"""Text layout of ``zonewatch query control``: one block per registry change, corpus lines under it."""

from __future__ import annotations

from typing import Any


def print_control(report: dict[str, Any]) -> None:
    """Registry rows (date, place, sides, kind, first source) with their corpus events indented,
    then the corpus events that match no registry row."""
    rows = report["registry"]
    if not rows and not report["corpus_only"]:
        print("(nothing)")
        return
    for row in rows:
        source = row["sources"][0] if row["sources"] else "-"
        print(
            f"{row['date']}  {row['zone']:<15} {row['place_en']}  "
            f"{row['from']} -> {row['to']} ({row['kind']})  {source}"
        )
        for event in row["corpus"]:
            print("    corpus: " + _corpus_line(event))
    if report["corpus_only"]:
        print("\ncorpus events without a registry row:")
        for event in report["corpus_only"]:
            print("  " + _corpus_line(event))


def _corpus_line(event: dict[str, Any]) -> str:
    day = event["date"] or f"{event['published']} (published)"
    title = event["title"] or event["article_id"]
    return (
        f"{day} {event['place']} {event['event']} -> {event['to']} | {title} | "
        f"{' '.join((event['evidence'] or '').split())}"
    )
