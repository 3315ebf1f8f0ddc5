"""``extract_article`` pauses the cyclic garbage collector while it reads (``extract.collector``), on the ground that
reading leaves no reference cycle behind: everything it makes is freed by reference counting.
These tests hold it to both halves: no cyclic garbage from reading every team page, and the
collector's state given back as it was, also when reading fails."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from extract import extract_article
from extract.collector import PausedCollector
from tests.benchmarks.bench_extract import corpus

DEVSET = Path(__file__).parent / "devset"


def test_reading_leaves_no_reference_cycle() -> None:
    pages = [(p.read_text("utf-8"), None) for p in sorted(DEVSET.rglob("*.txt"))]
    pages += corpus(50, "ar") + corpus(50, "en")
    extract_article("warm-up: Idlib", "2017-07-05")
    gc.collect()
    flags = gc.get_debug()
    gc.disable()
    try:
        for text, published in pages:
            extract_article(text, published).to_dict()
        gc.set_debug(gc.DEBUG_SAVEALL)  # keep what a collection finds, to name it
        gc.collect()
        found = sorted({type(o).__name__ for o in gc.garbage})
        assert found == [], f"reading left cyclic garbage: {found}"
    finally:
        gc.set_debug(flags)
        gc.garbage.clear()
        gc.enable()
    assert len(pages) > 400


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_given_back_as_it_was(enabled: bool) -> None:
    (gc.enable if enabled else gc.disable)()
    try:
        extract_article("Idlib is covered by the Sochi agreement.", "2018-09-20")
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError, match="failed inside"), PausedCollector():
            assert not gc.isenabled()
            raise RuntimeError("failed inside")
        assert gc.isenabled() is enabled
    finally:
        gc.enable()
