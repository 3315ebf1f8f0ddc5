"""A full gazetteer handed to the extractor: names prepared for matching, in both scripts.

The extractor never reads a data folder: the caller builds a ``PlaceIndex`` from plain rows
(``PlaceIndex.from_rows``) and hands it to ``extract_article``. Arabic names join the lexicon's
one automaton (``load_lexicon(index)``), with the same clitics and normalisation as every other
name. Latin names are matched in a separate, cheap pass over the capitalised words of the text,
on a spelling-tolerant key (``extract.latin_names``). Names that are common words or people's
names are not indexed; frequent words are kept apart, to be read only where a shipped place has
the same name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from extract.latin_names import (
    CLASSIFIERS,
    common_word,
    common_words,
    latin_hits,
    latin_keys,
    latin_token,
    latin_tokens,
    simple_key,
)
from extract.record import Record

__all__ = [
    "PlaceIndex", "PlaceInfo", "common_word", "common_words", "latin_hits", "latin_keys",
    "latin_token", "latin_tokens", "simple_key",
]  # fmt: skip

#: Feature codes by how well known a place of that kind tends to be (GeoNames / WOF).
FEATURE_PRIOR = {
    "PPLC": 9.0, "PPLA": 8.0, "PPLA2": 7.0, "PPLA3": 5.0, "PPLA4": 4.0, "PPL": 2.0, "": 2.0,
    "LOCALITY": 2.0, "PPLX": 1.5, "PPLL": 1.0, "STLMT": 1.0, "PPLF": 0.5, "PPLQ": 0.0,
    "PPLW": 0.0, "PPLH": 0.0,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PlaceInfo(Record):
    """What homonym resolution needs to know of a place (any gazetteer: curated or imported)."""

    id: str
    zone: str
    lat: float
    lon: float
    prior: float
    governorate: str = ""
    label: str = ""
    #: "curated" (places.csv), "town" (syria_towns.csv) or "" (an imported gazetteer)
    origin: str = ""


@dataclass(eq=False)
class PlaceIndex:
    """An imported gazetteer, prepared: build once per gazetteer (``from_rows``), hand it to
    ``extract_article``; equal objects are the same gazetteer (lexicons are cached per object)."""

    info: dict[str, PlaceInfo]
    #: Arabic names (as written) and the place ids they name, for the lexicon's automaton.
    arabic: dict[str, list[str]]
    #: Latin skeleton key -> place ids.
    latin: dict[str, tuple[str, ...]]
    #: place id -> its Latin names as written
    latin_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    name: str = ""
    #: Arabic names and Latin keys that are common words too: read only where a shipped place
    #: has the name (Douma is frequent because of Douma; its homonyms still need telling apart)
    frequent: frozenset[str] = frozenset()
    #: the lexicon built with this gazetteer, when the caller restored both from a cache
    #: (``load_lexicon`` then hands it back instead of building it again)
    lexicon: Any = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.info)

    @classmethod
    def from_rows(cls, rows: Iterable[Mapping[str, object]], name: str = "") -> PlaceIndex:
        """Rows with ``id``, ``zone``, ``lat``, ``lon``, ``name_en``, ``name_ar`` and optionally
        ``alt_en``/``alt_ar`` (``|``-separated or sequences), ``population``, ``feature``,
        ``governorate`` (the stored form of ``geo.gazetteer_store``)."""
        common = common_words()
        info: dict[str, PlaceInfo] = {}
        arabic: dict[str, list[str]] = {}
        latin: dict[str, list[str]] = {}
        latin_names: dict[str, tuple[str, ...]] = {}
        frequent: set[str] = set()
        for n, row in enumerate(rows):
            pid = str(row.get("id") or f"place-{n + 1}")
            if pid in info:
                pid = f"{pid}#{n + 1}"
            try:
                lat, lon = float(row["lat"]), float(row["lon"])  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError):
                continue
            en = [str(row.get("name_en") or ""), *_names(row.get("alt_en"))]
            ar = [str(row.get("name_ar") or ""), *_names(row.get("alt_ar"))]
            label = en[0] or ar[0]
            info[pid] = PlaceInfo(
                pid,
                str(row.get("zone") or ""),
                lat,
                lon,
                _prior(row),
                str(row.get("governorate") or ""),
                label,
            )
            for name_ar in dict.fromkeys(v for n in ar if n for v in arabic_spellings(n)):
                if common.arabic_listed(name_ar):
                    continue
                arabic.setdefault(name_ar, []).append(pid)
                if common.arabic_frequent(name_ar):
                    frequent.add(name_ar)
            keys: set[str] = set()
            latin_names[pid] = tuple(dict.fromkeys(filter(None, en)))
            for name_en in filter(None, en):
                if common.latin_listed(name_en):
                    continue
                found = latin_keys(name_en)
                keys |= found
                if common.latin_frequent(name_en):
                    frequent |= found
            for key in keys:
                if len(key) > 2 and key not in CLASSIFIERS:
                    latin.setdefault(key, []).append(pid)
        latin_table = {k: tuple(v) for k, v in latin.items()}
        return cls(info, arabic, latin_table, latin_names, name, frozenset(frequent))


#: Words that begin Arabic place names and are written glued to the name or apart from it.
GLUED_PREFIXES = ("كفر", "تل", "بيت", "دير")


def arabic_spellings(name: str) -> list[str]:
    """An Arabic name as written, and glued or apart after a first word written either way
    (كفر ناسج / كفرناسج, تل منس / تلمنس)."""
    name = name.strip()
    out = [name]
    first, _, rest = name.partition(" ")
    if rest and first in GLUED_PREFIXES:
        out.append(first + rest)
    elif name.startswith("كفر") and len(name) > 5 and " " not in name:
        out.append("كفر " + name[3:])
    return out


def _names(value: object) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split("|") if v.strip()]
    return [str(v).strip() for v in value if str(v).strip()]  # type: ignore[attr-defined]


def _prior(row: Mapping[str, object]) -> float:
    """How well known a place is, before any context: population if known, else its kind."""
    try:
        population = float(row.get("population") or 0)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        population = 0.0
    feature = str(row.get("feature") or "").upper()
    base = FEATURE_PRIOR.get(feature, 2.0)
    if population > 0:
        base = max(base, min(9.0, 2.0 + len(str(int(population)))))
    return base
