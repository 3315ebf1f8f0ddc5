"""Reading rendered images in tests: is it drawn, and in which colours."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image


def pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))


def not_blank(rgb: np.ndarray) -> None:
    """Non-white on at least a tenth of the image and many colours: a drawn map, not an empty
    canvas (the land colour counts: a map of Syria covers much of its frame)."""
    ink = (rgb < 245).any(axis=2).mean()
    colours = len(np.unique(rgb.reshape(-1, 3), axis=0))
    assert ink > 0.10, f"only {ink:.1%} of the image has ink"
    assert colours > 50, f"only {colours} colours"


def blend(fill: str, alpha: float, under: str) -> np.ndarray:
    f = np.array([int(fill[i : i + 2], 16) for i in (1, 3, 5)], float)
    u = np.array([int(under[i : i + 2], 16) for i in (1, 3, 5)], float)
    return alpha * f + (1 - alpha) * u


def share_near(rgb: np.ndarray, colour: np.ndarray, tol: float = 6) -> float:
    return float((np.abs(rgb.astype(float) - colour).max(axis=2) <= tol).mean())
