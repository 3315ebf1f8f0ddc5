"""Where Zonewatch keeps its data: one folder, chosen by flag, environment or platform default."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

ENV_VAR = "ZONEWATCH_DATA"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data`` if given, else ``$ZONEWATCH_DATA``, else the user data dir."""
    chosen = override or os.environ.get(ENV_VAR) or user_data_dir("zonewatch", appauthor=False)
    return Path(chosen).expanduser().resolve()
