"""Score ``extract.extract_article`` against the hand-labelled development set.

The development set is our own writing (see README.md next to this file); the scorer exists so
that changes to the extractor are judged by numbers per language rather than by impressions.
Run it as::

    .venv/bin/python -m tests.devset.score [--set articles|realistic|DIR] [--lang ar|en] [--verbose]

``--set`` picks the gold directory: a set next to this file (``articles``, the default, or
``realistic``) or any directory of ``*.txt`` + ``*.gold.json`` pairs, such as a blind set kept
outside the repository.

Four things are scored, micro-averaged over the articles of a language: zones, agreements,
coverage links as (agreement, zone) pairs, and day-precision dates. Relations of the matched
links, and whether an article's unregistered agreements were noticed at all, are reported
alongside. The gold is independent of the extractor: nothing here adapts to its output.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
#: Team-written set imitating real wire copy, scraped pages, chronologies and statements.
REALISTIC = HERE / "realistic"
LANGUAGES = ("ar", "en")
#: The four headline metrics, in the order the issue names them.
METRICS = ("zones", "agreements", "coverage", "dates")
#: Reported next to the headline metrics; not part of the issue's targets.
EXTRA_METRICS = ("relations", "unknown_agreements")


class UnknownSet(ValueError):
    """``--set`` names neither a set next to the scorer nor a directory of gold files."""


@dataclass(frozen=True)
class GoldArticle:
    stem: str
    text: str
    #: None for undated copies (aggregators, chronologies): relative dates then have no anchor.
    published: str | None
    language: str
    style: str
    zones: frozenset[str]
    agreements: frozenset[str]
    coverage: frozenset[tuple[str, str, str]]
    dates: frozenset[str]
    unknown_agreements: tuple[str, ...] = ()

    @property
    def pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((a, z) for a, z, _ in self.coverage)


def gold_paths(directory: Path = ARTICLES) -> list[Path]:
    return sorted(directory.glob("*.gold.json"))


def set_directory(name: str) -> Path:
    """Resolve ``--set``: a set name next to this file first, else a directory path.

    Blind sets live outside the repository, so a path must work; a typo must not silently
    score an empty set.
    """
    for candidate in (HERE / name, Path(name)):
        if candidate.is_dir() and gold_paths(candidate):
            return candidate
    raise UnknownSet(f"no gold files (*.gold.json) in set or directory {name!r}")


def load_gold(path: Path) -> GoldArticle:
    """Read one gold file and the article text of the same stem."""
    raw = json.loads(path.read_text("utf-8"))
    stem = path.name.removesuffix(".gold.json")
    return GoldArticle(
        stem=stem,
        text=path.with_name(stem + ".txt").read_text("utf-8"),
        published=raw["published"],
        language=raw["language"],
        style=raw["style"],
        zones=frozenset(raw["zones"]),
        agreements=frozenset(raw["agreements"]),
        coverage=frozenset(tuple(link) for link in raw["coverage"]),
        dates=frozenset(raw["dates"]),
        unknown_agreements=tuple(raw.get("unknown_agreements", ())),
    )


def load_devset(lang: str | None = None, directory: Path = ARTICLES) -> list[GoldArticle]:
    articles = [load_gold(p) for p in gold_paths(directory)]
    return [a for a in articles if lang is None or a.language == lang]


def _zone_parents() -> dict[str, str]:
    """Finer areas (sochi_dmz, m4_corridor) are scored as their top-level zone."""
    from zonewatch.core.registry import load_registry

    return {z.id: (z.parent or z.id) for z in load_registry().zones.values()}


@dataclass
class Found:
    """What an extraction claims, reduced to the comparable sets."""

    zones: set[str] = field(default_factory=set)
    agreements: set[str] = field(default_factory=set)
    pairs: set[tuple[str, str]] = field(default_factory=set)
    triples: set[tuple[str, str, str]] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    has_unknown_agreement: bool = False


def reduce_extraction(result: dict[str, Any], parents: dict[str, str]) -> Found:
    """Turn the contract JSON of DESIGN.md into sets; links with a null agreement are not pairs."""
    found = Found()
    found.zones = {parents.get(z, z) for z in result.get("zones", [])}
    found.agreements = {a for a in result.get("agreements", []) if a}
    for link in result.get("coverage", []):
        agreement, zone = link.get("agreement"), link.get("zone")
        if agreement is None:
            found.has_unknown_agreement = True
            continue
        if zone is None:
            continue
        zone = parents.get(zone, zone)
        found.pairs.add((agreement, zone))
        found.triples.add((agreement, zone, link.get("relation") or ""))
    found.dates = {
        d["date"]
        for d in result.get("dates", [])
        if d.get("precision") == "day" and isinstance(d.get("date"), str)
    }
    found.has_unknown_agreement = found.has_unknown_agreement or any(
        m.get("kind") == "agreement" and m.get("id") is None for m in result.get("mentions", [])
    )
    return found


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: Iterable, got: Iterable) -> tuple[set, set]:
        """Count one article; return (misses, false positives) for the verbose listing."""
        gold_set, got_set = set(gold), set(got)
        self.tp += len(gold_set & got_set)
        self.fp += len(got_set - gold_set)
        self.fn += len(gold_set - got_set)
        return gold_set - got_set, got_set - gold_set

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def compare(gold: GoldArticle, found: Found, tallies: dict[str, Tally]) -> dict[str, tuple]:
    """Add one article to the tallies; return its misses and false positives per metric."""
    report = {
        "zones": tallies["zones"].add(gold.zones, found.zones),
        "agreements": tallies["agreements"].add(gold.agreements, found.agreements),
        "coverage": tallies["coverage"].add(gold.pairs, found.pairs),
        "dates": tallies["dates"].add(gold.dates, found.dates),
    }
    # Relations are judged only on the links whose pair was found: a wrong relation on a found
    # pair is one miss and one false positive, a missing pair is already counted above.
    matched = gold.pairs & found.pairs
    report["relations"] = tallies["relations"].add(
        {t for t in gold.coverage if t[:2] in matched},
        {t for t in found.triples if t[:2] in matched},
    )
    gold_unknown = {"unknown"} if gold.unknown_agreements else set()
    got_unknown = {"unknown"} if found.has_unknown_agreement else set()
    report["unknown_agreements"] = tallies["unknown_agreements"].add(gold_unknown, got_unknown)
    return report


def _extractor() -> Callable[..., Any]:
    from extract import extract_article

    return extract_article


def _as_dict(result: Any) -> dict[str, Any]:
    return result.to_dict() if hasattr(result, "to_dict") else dict(result)


def run(
    lang: str | None = None,
    extractor: Callable[..., Any] | None = None,
    articles: list[GoldArticle] | None = None,
    directory: Path = ARTICLES,
) -> tuple[dict[str, dict[str, Tally]], dict[str, dict[str, dict[str, tuple]]]]:
    """Extract every article of the set and tally it; returns (tallies per language, details)."""
    extract_article = extractor or _extractor()
    parents = _zone_parents()
    articles = articles if articles is not None else load_devset(lang, directory)
    tallies: dict[str, dict[str, Tally]] = {}
    details: dict[str, dict[str, dict[str, tuple]]] = {}
    for gold in articles:
        per_lang = tallies.setdefault(gold.language, {m: Tally() for m in METRICS + EXTRA_METRICS})
        result = _as_dict(extract_article(gold.text, published=gold.published))
        details[gold.stem] = compare(gold, reduce_extraction(result, parents), per_lang)
    return tallies, details


def score(
    lang: str | None = None, directory: Path = ARTICLES
) -> dict[str, dict[str, dict[str, float | int]]]:
    """Per-language precision/recall/F1 (and counts) for each metric, for programmatic use.

    Shape: ``{"ar": {"zones": {"precision", "recall", "f1", "tp", "fp", "fn"}, ...}, "en": ...}``.
    """
    tallies, _ = run(lang, directory=directory)
    return {
        language: {metric: tally.as_dict() for metric, tally in per_lang.items()}
        for language, per_lang in sorted(tallies.items())
    }


def _format(value: object) -> str:
    if isinstance(value, tuple):
        return "/".join(str(v) for v in value)
    return str(value)


def print_report(
    tallies: dict[str, dict[str, Tally]],
    details: dict[str, dict[str, tuple]],
    verbose: bool,
    metrics: tuple[str, ...] = METRICS,
    extra: tuple[str, ...] = EXTRA_METRICS,
    legend: str = (
        "coverage = (agreement, zone) pairs; (relations) = relation correctness on the matched "
        "pairs; (unknown_agreements) = articles where an unregistered agreement was noticed."
    ),
) -> None:
    """Misses and false positives per article (``verbose``), then P/R/F1 per language and metric;
    the control-event scorer prints its own metrics through the same table."""
    if verbose:
        for stem, report in details.items():
            lines = []
            for metric, (misses, false_pos) in report.items():
                if misses:
                    lines.append(f"    {metric} missed: {', '.join(sorted(map(_format, misses)))}")
                if false_pos:
                    lines.append(
                        f"    {metric} false +: {', '.join(sorted(map(_format, false_pos)))}"
                    )
            print(f"{stem}: {'ok' if not lines else ''}")
            for line in lines:
                print(line)
        print()
    width = max(len(m) + 2 for m in metrics + extra) + 1
    header = f"{'lang':<5}{'metric':<{width}}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    print(header)
    print("-" * len(header))
    for language, per_lang in sorted(tallies.items()):
        for metric in metrics + extra:
            t = per_lang[metric]
            label = metric if metric in metrics else f"({metric})"
            print(
                f"{language:<5}{label:<{width}}{t.precision:>7.3f}{t.recall:>7.3f}{t.f1:>7.3f}"
                f"{t.tp:>6}{t.fp:>6}{t.fn:>6}"
            )
        print()
    print(legend)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.devset.score",
        description="Score extract.extract_article against the development set.",
    )
    parser.add_argument(
        "--set",
        default="articles",
        dest="gold_set",
        help="set next to the scorer (articles, realistic) or a directory of gold files",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="only this language")
    parser.add_argument(
        "--verbose", action="store_true", help="list misses and false positives per article"
    )
    args = parser.parse_args(argv)
    try:
        tallies, details = run(args.lang, directory=set_directory(args.gold_set))
    except UnknownSet as exc:
        print(f"score: {exc}", file=sys.stderr)
        return 2
    print_report(tallies, details, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
