"""The bundled demo corpus, so that a first start of the dashboard has something to show."""

from __future__ import annotations

from pathlib import Path

import assets
from zonewatch.ingest.run import ingest_paths
from zonewatch.store.dataset import Store

DEMO_FILE = ("demo", "articles.jsonl")


def demo_path() -> Path:
    return assets.path(*DEMO_FILE)


def ensure_demo(store: Store) -> bool:
    """Ingest the demo articles into ``store`` if it holds no article yet; return whether it did.

    Runs in this process (no worker pool): it is called from the dashboard, and the demo is small.
    Two sessions starting at once are serialised by the store lock; the second finds the articles
    already there.
    """
    path = demo_path()
    if not path.is_file() or store.counts()["articles"]:
        return False
    report = ingest_paths(store, [path], workers=0, progress=False, wait=True)
    return report.new > 0
