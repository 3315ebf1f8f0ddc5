"""Extraction time of one long article without punctuation (issue 11: it must grow linearly).

Run: ``.venv/bin/python -m tests.benchmarks.bench_long_text [--sizes 250000,500000,1000000]``.
Two texts per size, both a single sentence: our own run of words dense in zones, agreements,
dates and clause breaks (the worst case we know), and the bundled demo articles with their
punctuation and line breaks removed. Prints seconds per size (best of 3, one process, the
lexicon loaded beforehand); linear growth means the seconds per MB stay flat.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from extract import extract_article

DENSE = (
    "the Astana memorandum covered Idlib and Eastern Ghouta on 4 May and the ceasefire held "
    "in Daraa and Rastan while Russia Turkey and Iran guaranteed the zones "
)
DEMO = Path(__file__).resolve().parents[2] / "assets" / "demo" / "articles.jsonl"


def _run_of(words: str, size: int) -> str:
    return (words * (size // len(words) + 1))[:size]


def _demo_run() -> str:
    texts = [json.loads(line)["text"] for line in DEMO.read_text("utf-8").splitlines() if line]
    return re.sub(r"[.!?؟…\n]+", " ", " ".join(texts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="250000,500000,1000000")
    args = parser.parse_args()
    extract_article("Idlib", "2017-06-01")  # load the lexicon
    demo = _demo_run()
    for size in (int(s) for s in args.sizes.split(",")):
        for name, text in (("dense", _run_of(DENSE, size)), ("demo", _run_of(demo, size))):
            best = float("inf")
            for _ in range(3):
                start = time.perf_counter()
                extract_article(text, "2017-06-01")
                best = min(best, time.perf_counter() - start)
            print(f"{name:5} {size:>9,} chars  {best:6.2f} s  {best / size * 1e6:5.2f} s/MB")


if __name__ == "__main__":
    main()
