"""Score the control events of ``extract.extract_article`` against the team-written control set.

The set (``tests/devset/control/<lang>.jsonl``, see the README there) is our own writing, with
gold labels made from the text alone; this scorer judges the extractor's ``control`` list by
numbers per language rather than by impressions. Run it as::

    .venv/bin/python -m tests.devset.score_control [--set dev|heldout] [--lang ar|en] [--verbose]

Two sets live side by side: ``dev`` (``<lang>.jsonl``, which the cue words were tuned on) and
``heldout`` (``heldout_<lang>.jsonl``, written later and scored only to report, never to tune).

Headline metric: control events as (place, to) pairs per article, micro-averaged per language
(precision, recall, F1). Alongside, on the pairs that were found: the event kind as (place, to,
event) triples, and the date as (place, to, date) triples where the gold gives a date.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.devset.score import LANGUAGES, Tally, print_report

CONTROL = Path(__file__).resolve().parent / "control"
#: The file name of each set's language file (``{lang}`` filled in).
SETS = {"dev": "{lang}.jsonl", "heldout": "heldout_{lang}.jsonl"}
METRICS = ("events",)
EXTRA_METRICS = ("kinds", "dates")


@dataclass(frozen=True)
class ControlArticle:
    id: str
    language: str
    style: str
    published: str
    text: str
    #: gold events as (place, to, event, date or None)
    control: tuple[tuple[str, str, str, str | None], ...]

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((p, t) for p, t, _, _ in self.control)


def load_control_set(
    lang: str | None = None, directory: Path = CONTROL, which: str = "dev"
) -> list[ControlArticle]:
    """Every article of one set (one JSON object per line of its language files)."""
    out: list[ControlArticle] = []
    paths = [directory / SETS[which].format(lang=code) for code in LANGUAGES]
    for path in (p for p in paths if p.is_file()):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            raw = json.loads(line)
            if lang is not None and raw["language"] != lang:
                continue
            out.append(
                ControlArticle(
                    id=raw["id"],
                    language=raw["language"],
                    style=raw["style"],
                    published=raw["published"],
                    text=raw["text"],
                    control=tuple(
                        (c["place"], c["to"], c["event"], c.get("date")) for c in raw["control"]
                    ),
                )
            )
    return out


def compare(
    gold: ControlArticle, found: list[dict[str, Any]], tallies: dict[str, Tally]
) -> dict[str, tuple[set, set]]:
    """Add one article to the tallies; return its misses and false positives per metric."""
    got = [(c.get("place"), c.get("to"), c.get("event"), c.get("date")) for c in found]
    got_pairs = {(p, t) for p, t, _, _ in got if p}
    report = {"events": tallies["events"].add(gold.pairs, got_pairs)}
    matched = gold.pairs & got_pairs
    report["kinds"] = tallies["kinds"].add(
        {(p, t, e) for p, t, e, _ in gold.control if (p, t) in matched},
        {(p, t, e) for p, t, e, _ in got if (p, t) in matched},
    )
    dated = {(p, t) for p, t, _, d in gold.control if d and (p, t) in matched}
    report["dates"] = tallies["dates"].add(
        {(p, t, d) for p, t, _, d in gold.control if d and (p, t) in dated},
        {(p, t, d) for p, t, _, d in got if d and (p, t) in dated},
    )
    return report


def _extractor() -> Callable[..., Any]:
    from extract import extract_article

    return extract_article


def run(
    lang: str | None = None, extractor: Callable[..., Any] | None = None, which: str = "dev"
) -> tuple[dict[str, dict[str, Tally]], dict[str, dict[str, tuple[set, set]]]]:
    """Extract every article of the set and tally it; returns (tallies per language, details)."""
    extract_article = extractor or _extractor()
    tallies: dict[str, dict[str, Tally]] = {}
    details: dict[str, dict[str, tuple[set, set]]] = {}
    for gold in load_control_set(lang, which=which):
        per_lang = tallies.setdefault(gold.language, {m: Tally() for m in METRICS + EXTRA_METRICS})
        result = extract_article(gold.text, published=gold.published)
        result = result.to_dict() if hasattr(result, "to_dict") else dict(result)
        details[gold.id] = compare(gold, result.get("control", []), per_lang)
    return tallies, details


def score(
    lang: str | None = None, which: str = "dev"
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Per-language precision/recall/F1 for each metric, for tests and programmatic use."""
    tallies, _ = run(lang, which=which)
    return {
        language: {metric: tally.as_dict() for metric, tally in per_lang.items()}
        for language, per_lang in sorted(tallies.items())
    }


LEGEND = (
    "events = (place, to) pairs; (kinds) = event kind on the matched pairs; "
    "(dates) = date on the matched pairs that the gold dates."
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.devset.score_control",
        description="Score the control events of extract.extract_article on the control set.",
    )
    parser.add_argument(
        "--set", dest="which", choices=sorted(SETS), default="dev", help="which set (default dev)"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="only this language")
    parser.add_argument(
        "--verbose", action="store_true", help="list misses and false positives per article"
    )
    args = parser.parse_args(argv)
    tallies, details = run(args.lang, which=args.which)
    print_report(tallies, details, args.verbose, METRICS, EXTRA_METRICS, LEGEND)
    return 0


if __name__ == "__main__":
    sys.exit(main())
