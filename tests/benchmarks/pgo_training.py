"""The training read for the profile-guided build of the extractor (``setup.py``).

The compiled extractor is first built with its branches counted, then reads the repository's
own team-written articles (``tests/devset``, the demo articles) with and without an imported
gazetteer, and is built again from those counts: the C compiler then lays out the hot paths and
inlines where the reading really goes. The benchmark's generated articles are not read here, so
that the build is not trained on what ``bench_extract`` measures.

The imported gazetteer is the shipped towns moved 0.3 degrees north: each becomes a homonym of
a shipped place rather than a duplicate of it, so the training also takes the import's paths
(Latin-name matching, homonym resolution).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def texts() -> list[tuple[str, str | None]]:
    """(text, publication date) of every team page and demo article."""
    out: list[tuple[str, str | None]] = []
    for page in sorted((ROOT / "tests" / "devset").rglob("*.txt")):
        gold = page.with_name(page.stem + ".gold.json")
        published = json.loads(gold.read_text("utf-8")).get("published") if gold.exists() else None
        out.append((page.read_text("utf-8"), published))
    for line in (ROOT / "assets" / "demo" / "articles.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            out.append((record["text"], record.get("published")))
    return out


def homonyms():
    """The shipped towns, moved north (see the module docstring), as an imported gazetteer."""
    from extract.places import PlaceIndex

    with (ROOT / "assets" / "gazetteer" / "syria_towns.csv").open(encoding="utf-8") as fh:
        rows = [
            {**row, "id": "training-" + row["id"], "lat": float(row["lat"]) + 0.3}
            for row in csv.DictReader(fh)
        ]
    return PlaceIndex.from_rows(rows, "training")


def main() -> int:
    from extract import COMPILED, extract_article

    if not COMPILED:
        print("pgo training: the extractor is not compiled", file=sys.stderr)
        return 1
    gazetteer = homonyms()
    articles = texts()
    for text, published in articles:
        extract_article(text, published).to_dict()
        extract_article(text, published, gazetteer=gazetteer).to_dict()
    print(f"pgo training: {len(articles)} articles read twice")
    return 0


if __name__ == "__main__":
    sys.exit(main())
