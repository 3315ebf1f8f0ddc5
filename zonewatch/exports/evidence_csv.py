"""The evidence sentences of the view as CSV that a spreadsheet opens safely."""

from __future__ import annotations

import csv
import io
from typing import Any

import pandas as pd

from zonewatch.core.dates import iso_day
from zonewatch.core.registry import load_registry
from zonewatch.exports.facts import Selection
from zonewatch.store.dataset import Store

#: Spreadsheet programs run a cell that starts with one of these as a formula; article text is
#: untrusted, so such cells get a leading apostrophe in the CSV (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def evidence_csv(store: Store, selection: Selection) -> str:
    """The evidence as CSV (UTF-8), with formula-like cells defused for spreadsheets."""
    frame = evidence_frame(store, selection)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(frame.columns)
    for row in frame.itertuples(index=False):
        writer.writerow(
            [
                "" if v is None or v != v else _cell(iso_day(v) if hasattr(v, "isoformat") else v)
                for v in row
            ]
        )
    return out.getvalue()
