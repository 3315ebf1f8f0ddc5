"""How often a one-sentence report naming a zone town gets that town's zone, per language.

Run: ``.venv/bin/python -m tests.benchmarks.bench_places [--gazetteer FILE] [--failures N]``.
Each town is put into a short report of our own wording (several templates per language,
chosen by position so the run is reproducible); the report "gets the zone" when the extractor's
``zones`` contain exactly the town's zone. Hard negatives (government-held cities, towns next to
the zones, sound-alikes) must get no zone at all. With ``--gazetteer`` the file is read and
located the way ``zonewatch gazetteer import`` does and handed to the extractor; the places of
that gazetteer inside a zone footprint are measured as a second set.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from tests.benchmarks.place_towns import (
    CONTROL_CHANGES,
    HARD_NEGATIVES,
    control_towns,
    footprint_places,
)

EN_TEMPLATES = (
    "Local sources reported shelling on {} this morning.",
    "Activists said two civilians were wounded in an air strike on {} on Tuesday.",
    "Residents of {} said the bakery had reopened after a week of calm.",
    "A monitoring group said clashes broke out on the edge of {} overnight.",
    "An aid convoy reached {} late on Sunday, a local council member said.",
)
AR_TEMPLATES = (
    "أفادت مصادر محلية بتعرض {} لقصف مدفعي صباح اليوم.",
    "قال ناشطون إن مدنيين أصيبا في غارة جوية على {} يوم الثلاثاء.",
    "وذكر أهالي {} أن الفرن عاد إلى العمل بعد أسبوع من الهدوء.",
    "اندلعت اشتباكات عنيفة على أطراف {} ليل أمس بحسب مرصد محلي.",
    "ووصلت قافلة مساعدات إلى {} مساء الأحد، وفق عضو في المجلس المحلي.",
)


def load_index(path: Path):
    """An imported gazetteer as ``zonewatch gazetteer import`` stores it, as extract's index,
    with the stored rows (read, located in memory, nothing written)."""
    from extract.places import PlaceIndex
    from geo.gazetteer_read import read_gazetteer
    from geo.gazetteer_store import stored_rows

    read = read_gazetteer(path)
    rows = stored_rows(read, None)
    return PlaceIndex.from_rows(rows, name=path.stem), rows


def measure(towns, gazetteer=None, negative: bool = False) -> dict[str, tuple[float, list]]:
    """Per language: the share of towns that get their zone (``negative``: that get no zone),
    and the failures as (name, zones found)."""
    from extract import extract_article

    out = {}
    for lang, templates, col in (("en", EN_TEMPLATES, 1), ("ar", AR_TEMPLATES, 2)):
        ok, failures, total = 0, [], 0
        for i, town in enumerate(towns):
            name = town[col]
            if not name:
                continue
            total += 1
            text = templates[i % len(templates)].format(name)
            zones = extract_article(text, "2017-07-10", lang=lang, gazetteer=gazetteer).zones
            good = not zones if negative else zones == [town[0]]
            ok += good
            if not good:
                failures.append((name, zones))
        out[lang] = (ok / total if total else 0.0, failures, total)
    return out


def _report(label: str, result: dict, show: int) -> None:
    for lang, (share, failures, total) in result.items():
        print(f"{label:<34}{lang:>4}{total:>7}{share * 100:>8.1f}%")
        for name, zones in failures[:show]:
            print(f"      miss: {name} -> {zones}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gazetteer", type=Path, help="a gazetteer file to import in memory")
    parser.add_argument("--failures", type=int, default=0, help="show up to N failures per set")
    parser.add_argument("--sample", type=int, default=0, help="footprint places: every Nth only")
    args = parser.parse_args(argv)
    if not CONTROL_CHANGES.is_file():
        print(f"{CONTROL_CHANGES} is absent: nothing to measure")
        return 0
    towns = control_towns()
    negatives = [("", en, ar) for en, ar in HARD_NEGATIVES]
    print(f"{'set':<34}{'lang':>4}{'towns':>7}{'right':>9}")
    _report("control_changes towns, no import", measure(towns), args.failures)
    _report("hard negatives, no import", measure(negatives, negative=True), args.failures)
    if args.gazetteer:
        t0 = time.perf_counter()
        index, rows = load_index(args.gazetteer)
        from extract.lexicon import load_lexicon

        load_lexicon(index)
        print(f"gazetteer read, located and prepared in {time.perf_counter() - t0:.1f} s")
        _report("control_changes towns, imported", measure(towns, index), args.failures)
        places = footprint_places(rows)[:: max(1, args.sample)]
        _report("footprint places, imported", measure(places, index), args.failures)
        _report("hard negatives, imported", measure(negatives, index, True), args.failures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
