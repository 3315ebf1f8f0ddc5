"""The status palette shared by every view: the web map, the static maps and the timeline.

One status must read the same wherever it is drawn, so its colours and bilingual labels live in
one asset (``assets/style/status.json``) read in one place.
"""

from __future__ import annotations

import json
from functools import lru_cache

import assets


@lru_cache(maxsize=1)
def status_styles() -> dict[str, dict[str, str]]:
    """Colours and bilingual labels per status id ("in_force", "agreed", "ended", "none")."""
    raw = json.loads(assets.path("style", "status.json").read_text("utf-8"))
    return {s["id"]: s for s in raw["statuses"]}
