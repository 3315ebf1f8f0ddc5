"""Locator for the data files the project ships (registry, gazetteer, lexicons, geometry, demo corpus).

Everything that is data rather than logic lives under this folder so that it can be reviewed,
diffed and cited on its own; code asks for a file by its relative path and never hard-codes facts.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Absolute path of a shipped data file, e.g. ``path("registry", "agreements.json")``."""
    return ROOT.joinpath(*parts)
