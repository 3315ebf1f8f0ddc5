"""Where Zonewatch keeps its data: one folder, chosen by flag, environment or platform default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "ZONEWATCH_DATA"
#: Set to 1 for a dashboard shared with a team: no Ingest page and no removal, so that the people
#: it is shared with can read the store but not change it.
READONLY_VAR = "ZONEWATCH_READONLY"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data`` if given, else ``$ZONEWATCH_DATA``, else the user data dir."""
    chosen = override or os.environ.get(ENV_VAR) or user_data_dir("zonewatch", appauthor=False)
    return Path(chosen).expanduser().resolve()


def read_only() -> bool:
    """Whether the dashboard runs read-only (``ZONEWATCH_READONLY`` set to anything but 0/empty)."""
    return os.environ.get(READONLY_VAR, "").strip().lower() not in ("", "0", "false", "no")
