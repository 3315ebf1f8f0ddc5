"""The evidence sentences of the view as CSV that a spreadsheet opens safely."""

from __future__ import annotations

import pandas as pd

from zonewatch.core.registry import load_registry
from zonewatch.core.spreadsheet import frame_csv
from zonewatch.exports.facts import Selection
from zonewatch.store.dataset import Store

EVIDENCE_COLUMNS = [
    "published",
    "source",
    "title",
    "url",
    "language",
    "agreement",
    "zone",
    "relation",
    "date",
    "evidence",
    "article_id",
]


def evidence_frame(store: Store, selection: Selection) -> pd.DataFrame:
    """Every corpus claim about the zones and agreements in view, newest first."""
    from zonewatch.core.viewfilter import rows_in_view
    from zonewatch.store import queries

    frame = rows_in_view(
        queries.evidence(store), load_registry(), selection.agreements, selection.zones
    )
    frame = frame.sort_values(
        ["published", "article_id", "start"], ascending=[False, True, True], kind="stable"
    )
    return frame[[c for c in EVIDENCE_COLUMNS if c in frame.columns]].reset_index(drop=True)


def evidence_csv(store: Store, selection: Selection) -> str:
    """The evidence as CSV (UTF-8) through the one spreadsheet-safe writer."""
    return frame_csv(evidence_frame(store, selection))
