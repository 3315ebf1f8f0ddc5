"""The one CSV writer of Zonewatch: every export that a spreadsheet may open goes through it.

Article text is untrusted. A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or
``@`` as a formula (and some also after a leading tab or carriage return), so such text cells get
a leading apostrophe (OWASP "CSV injection"). A spreadsheet also ends a row at a bare carriage
return, so rows end with CRLF and every field holding CR or LF is quoted: ``"\\r=1"`` cannot start
a row of its own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

#: First characters that make a spreadsheet read a text cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A value as written to a cell: text defused, dates as ISO days, missing values empty."""
    if value is None or ((isinstance(value, float | datetime)) and value != value):  # NaN, NaT
        return ""
    if isinstance(value, datetime) and not (value.hour or value.minute or value.second):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Iterable[Iterable[Any]]) -> str:
    """CSV text (header row first) with every cell passed through :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(c) for c in columns])
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def frame_csv(frame: Any) -> str:
    """CSV text of a pandas DataFrame (its index left out)."""
    return csv_text([str(c) for c in frame.columns], frame.itertuples(index=False, name=None))
