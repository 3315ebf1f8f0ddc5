"""The control-change registry: the shipped file holds the reference facts, and bad rows fail loudly."""

from __future__ import annotations

import csv
import math
import re
from datetime import date
from pathlib import Path

import pytest

from geo import control
from geo.gazetteer import places, towns

REFERENCE = Path("/work/shared/reference/control_changes.md")
WOF = Path("/work/shared/data/wof-sy/syria_places_wof.csv")


def test_shipped_registry_loads_sorted_with_every_zone() -> None:
    rows = control.changes()
    assert len(rows) >= 250
    assert [r.day for r in rows] == sorted(r.day for r in rows)
    assert {r.zone for r in rows} == {"idlib", "north_homs", "eastern_ghouta", "south"}
    assert len({r.id for r in rows}) == len(rows)


def test_known_facts_carried_over() -> None:
    by_id = {r.id: r for r in control.changes()}
    ham = by_id["2018-03-15-hamouriyah"]
    assert (ham.zone, ham.from_side, ham.to_side, ham.kind) == (
        "eastern_ghouta",
        "opposition",
        "government",
        "captured",
    )
    assert ham.gazetteer_id == "hamouriyah" and ham.place_ar == "حمورية"
    assert any("upi.com" in s for s in ham.sources)
    khan = by_id["2019-08-21-khan_shaykhun"]
    assert {a.date for a in khan.alt_dates} == {"2019-08-20", "2019-08-22"}
    assert khan.to_side == "government" and khan.from_side == "contested"
    tuman = by_id["2020-01-khan_tuman"]
    assert tuman.precision == "month" and tuman.day == date(2020, 1, 31)
    # Reversals are kept in order: Saraqib lost, retaken by the opposition, lost again.
    saraqib = [(r.date, r.to_side) for r in control.for_zone("idlib") if r.place == "saraqib"]
    assert saraqib == [
        ("2020-02-06", "government"),
        ("2020-02-27", "opposition"),
        ("2020-03-02", "government"),
    ]


def test_villages_the_gazetteer_holds_carry_its_id_and_point() -> None:
    """Corpus control events name gazetteer ids: a registry row about a gazetteer place must
    carry that id, or the two would never meet."""
    known = {p.id: p for p in places()}
    by_id = {r.id: r for r in control.changes()}
    for row_id, gid in (
        ("2020-02-26-deir_sunbul", "deir_sunbul"),
        ("2019-12-23-jarjanaz", "jarjanaz"),
        ("2018-07-16-zimrin", "zimrin"),
    ):
        row = by_id[row_id]
        assert row.gazetteer_id == gid and row.place == gid
        assert (row.lon, row.lat) == (known[gid].lon, known[gid].lat)


def test_multi_place_rows_become_one_row_per_place() -> None:
    day = [r for r in control.changes() if r.date == "2019-08-23" and r.zone == "idlib"]
    assert {"morek", "kafr_zita", "latamneh"} <= {r.place for r in day}
    assert len({r.sources for r in day}) == 1  # the same citation on each split row


def test_gazetteer_ids_and_points_match_the_gazetteer() -> None:
    known = {p.id: p for p in (*places(), *towns())}
    for row in control.changes():
        if not row.gazetteer_id:
            continue
        assert row.gazetteer_id in known, row.id
        if row.coord_source == "gazetteer":
            place = known[row.gazetteer_id]
            assert (row.lon, row.lat) == (place.lon, place.lat), row.id


def test_between_is_inclusive_and_filters_zone() -> None:
    rows = control.between(date(2018, 2, 1), date(2018, 4, 30), zone="eastern_ghouta")
    assert rows and all(r.zone == "eastern_ghouta" for r in rows)
    assert rows[0].date == "2018-02-25" and rows[-1].date == "2018-04-14"
    assert not control.between(date(2018, 4, 15), date(2018, 4, 30), zone="eastern_ghouta")


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference file not present")
def test_every_reference_row_is_in_the_registry() -> None:
    """Each (date, zone) of the reference table's section A appears in the registry."""
    section = REFERENCE.read_text("utf-8").split("## A.")[1].split("## B.")[0]
    wanted = set()
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 8 and re.match(r"^\d{4}-\d{2}", cells[0]):
            wanted.add((cells[0], cells[1]))
    have = {(r.date, r.zone) for r in control.changes()}
    assert len(wanted) > 100
    assert wanted <= have, sorted(wanted - have)


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    dx = (lon2 - lon1) * 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot(dx, (lat2 - lat1) * 110.57)


@pytest.mark.skipif(not WOF.is_file(), reason="WOF gazetteer (real data) not present")
def test_hand_points_lie_near_a_same_named_place_in_wof() -> None:
    """Team-entered points are checked (never filled) against a real gazetteer: where WOF has a
    place of the same Arabic name, the nearest one must be within 12 km."""
    by_name: dict[str, list[tuple[float, float]]] = {}
    with WOF.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            for name in [row["name_ar"], *row["alt_names_ar"].split("|")]:
                if name.strip():
                    by_name.setdefault(name.strip(), []).append(
                        (float(row["lon"]), float(row["lat"]))
                    )
    checked, far = 0, []
    for row in control.changes():
        if row.coord_source != "hand" or not row.place_ar or row.place_ar not in by_name:
            continue
        checked += 1
        nearest = min(_km(row.lon, row.lat, lon, lat) for lon, lat in by_name[row.place_ar])
        if nearest > 12:
            far.append((row.id, round(nearest)))
    assert checked >= 10
    assert not far, far


def _write(tmp_path: Path, **override: str) -> Path:
    row = {c: "" for c in control.COLUMNS}
    row.update(
        id="x",
        date="2018-03-15",
        zone="eastern_ghouta",
        scope="place",
        place="hamouriyah",
        place_en="Hamouriyah",
        lon="36.395",
        lat="33.521",
        coord_source="hand",
        from_side="opposition",
        to_side="government",
        kind="captured",
        sources="https://example.org/a",
    )
    row.update(override)
    path = tmp_path / "changes.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=control.COLUMNS)
        writer.writeheader()
        writer.writerow(row)
    return path


def test_a_good_row_reads(tmp_path: Path) -> None:
    (row,) = control.read_changes(_write(tmp_path, alt_dates="2018-03-16 SANA | 2018-03 AFP"))
    assert row.changes_hands and row.has_point
    assert [a.who for a in row.alt_dates] == ["SANA", "AFP"]


@pytest.mark.parametrize(
    ("override", "needle"),
    [
        ({"to_side": "regime"}, "to_side"),
        ({"kind": "liberated"}, "kind"),
        ({"zone": "aleppo"}, "unknown zone"),
        ({"date": "15/03/2018"}, "YYYY-MM"),
        ({"lon": "33.521", "lat": "36.395"}, "outside Syria"),
        ({"lat": ""}, "both"),
        ({"sources": "SANA"}, "source"),
        ({"alt_dates": "Friday"}, "alternative date"),
        ({"lon": "", "lat": ""}, "coord_source"),
    ],
)
def test_a_bad_row_names_file_line_and_reason(tmp_path: Path, override: dict, needle: str) -> None:
    with pytest.raises(control.ControlRegistryError, match=needle) as info:
        control.read_changes(_write(tmp_path, **override))
    assert "changes.csv:2:" in str(info.value)


def test_missing_column_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "changes.csv"
    path.write_text("id,date\nx,2018-01-01\n", encoding="utf-8")
    with pytest.raises(control.ControlRegistryError, match="missing columns"):
        control.read_changes(path)
