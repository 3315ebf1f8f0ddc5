"""The shared view's agreement and zone filters applied to the tables the pages show.

One definition of "in view" for every page: choosing a zone keeps its finer areas (choosing Idlib
keeps the Sochi band and the M4 corridor), and an empty filter keeps everything.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from zonewatch.core.registry import Registry


def rows_in_view(
    frame: pd.DataFrame,
    registry: Registry,
    agreements: Iterable[str] = (),
    zones: Iterable[str] = (),
) -> pd.DataFrame:
    """Rows with one ``agreement`` and one ``zone`` column (intervals, claims) that pass."""
    agreements, zones = set(agreements), set(registry.with_finer(zones))
    keep = pd.Series(True, index=frame.index)
    if agreements:
        keep &= frame["agreement"].isin(agreements)
    if zones:
        keep &= frame["zone"].isin(zones)
    return frame[keep]


def _overlaps(values: object, wanted: set[str]) -> bool:
    if values is None or isinstance(values, float):  # a missing list reads as NaN
        return False
    return not wanted.isdisjoint(values)


def articles_in_view(
    frame: pd.DataFrame,
    registry: Registry,
    agreements: Iterable[str] = (),
    zones: Iterable[str] = (),
) -> pd.DataFrame:
    """Articles (list columns ``zones`` and ``agreements``) that speak of any chosen zone and any
    chosen agreement."""
    agreements, zones = set(agreements), set(registry.with_finer(zones))
    keep = pd.Series(True, index=frame.index)
    if agreements:
        keep &= frame["agreements"].map(lambda v: _overlaps(v, agreements)).astype(bool)
    if zones:
        keep &= frame["zones"].map(lambda v: _overlaps(v, zones)).astype(bool)
    return frame[keep]


def of_articles(frame: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Rows (claims, unknown agreements) that belong to the given articles, so the page's language,
    search and date filters narrow them as they narrow the article list."""
    return frame[frame["article_id"].isin(articles["article_id"])]
