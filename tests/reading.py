"""What the reading tests ask of one text: its coverage links, with or without their relation,
the agreements it names, and its day dates."""

from __future__ import annotations

from extract import extract_article


def links(text: str, published: str | None = None) -> set[tuple[str | None, str]]:
    return {(c.agreement, c.zone) for c in extract_article(text, published).coverage}


def agreements_said(text: str, published: str | None) -> list[str | None]:
    return [m.id for m in extract_article(text, published).mentions if m.kind == "agreement"]


def relations(text: str, published: str | None = None) -> set[tuple[str | None, str, str]]:
    return {(c.agreement, c.zone, c.relation) for c in extract_article(text, published).coverage}


def day_dates(text: str, published: str | None = None) -> set[str | None]:
    """The day dates read (None for a day the text gives no way to place)."""
    return {d.date for d in extract_article(text, published).dates if d.precision == "day"}
