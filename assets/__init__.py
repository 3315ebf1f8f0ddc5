"""Locator for the data files the project ships (registry, gazetteer, lexicons, geometry, demo corpus).

Everything that is data rather than logic lives under this folder so that it can be reviewed,
diffed and cited on its own; code asks for a file by its relative path and never hard-codes facts.
"""

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a shipped data file, e.g. ``path("registry", "agreements.json")``."""
    return ROOT.joinpath(*parts)


def read_json(*parts: str) -> Any:
    """A shipped JSON file, parsed: ``read_json("gazetteer", "governorates.json")``."""
    return json.loads(path(*parts).read_text("utf-8"))
