"""Which full gazetteer the data folder holds, prepared for the extractor.

``zonewatch gazetteer import`` stores gazetteers under ``<data>/gazetteer/`` (``geo``); the
extractor never reads the data folder itself (``extract`` stays pure), so everything that reads
articles on behalf of a data folder (``zonewatch extract``, ``ingest``, the dashboard) asks here
for the index and hands it over. The index is built once per process and per state of the
folder (an import or a removal is seen at once), and kept with the lexicon built for it in the
data folder's matcher cache, so that the next process starts fast.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from zonewatch.core.settings import data_dir

if TYPE_CHECKING:
    from extract.places import PlaceIndex


def gazetteer_root(data: str | os.PathLike[str] | None = None) -> Path:
    """The folder of the imported gazetteers of the data folder (``--data``/$ZONEWATCH_DATA)."""
    from geo.gazetteer_store import gazetteer_dir

    return gazetteer_dir(data_dir(data))


def place_index(data: str | os.PathLike[str] | None = None) -> PlaceIndex | None:
    """The imported gazetteers of the data folder as one extractor index (None: none imported).
    Several gazetteers are read in name order as one list of places."""
    from geo.gazetteer_store import state_key

    root = gazetteer_root(data)
    key = state_key(root)
    if not key:
        return None
    return _index(str(root), key)


@lru_cache(maxsize=4)
def _index(root: str, key: tuple) -> PlaceIndex:
    """The index, with the extractor's lexicon built for it: read from the data folder's
    matcher cache when that was built from these gazetteers and this code, else built (seconds
    for 10,000 places) and cached for the next process (``zonewatch.core.matcher_cache``)."""
    from extract.places import PlaceIndex
    from geo.gazetteer_store import list_gazetteers
    from zonewatch.core import matcher_cache

    cached = matcher_cache.load(Path(root), key)
    if cached is not None:
        return cached
    rows: list[dict] = []
    for stored in list_gazetteers(Path(root)):
        rows.extend(stored.rows())
    index = PlaceIndex.from_rows(rows, name="+".join(k[0] for k in key))
    matcher_cache.save(Path(root), key, index)
    return index
