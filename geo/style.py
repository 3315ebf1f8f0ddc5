"""The status palette shared by every view: the web map, the static maps and the timeline.

One status must read the same wherever it is drawn, so its colours and bilingual labels live in
one asset (``assets/style/status.json``) read in one place.
"""

from __future__ import annotations

from functools import lru_cache

import assets


@lru_cache(maxsize=1)
def status_styles() -> dict[str, dict[str, str]]:
    """Colours and bilingual labels per status id ("in_force", "agreed", "ended", "none")."""
    raw = assets.read_json("style", "status.json")
    return {s["id"]: s for s in raw["statuses"]}
