"""The town lists that place resolution is measured on (see ``bench_places``).

* ``control_towns``: the towns of ``shared/reference/control_changes.md`` (rows that name towns,
  English and Arabic paired by position), each with the zone of its row.
* ``footprint_places``: the places of an imported gazetteer whose point lies inside a zone
  footprint (its GeoNames spellings, both scripts).
* ``HARD_NEGATIVES``: government-held cities, towns next to the zones and sound-alikes that must
  get no zone.

The reference file and the gazetteer stay outside the repository; callers skip without them.
"""

from __future__ import annotations

import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
CONTROL_CHANGES = SHARED / "reference" / "control_changes.md"
WOF = SHARED / "data" / "wof-sy" / "syria_places_wof.csv"
ZONES = ("idlib", "north_homs", "eastern_ghouta", "south")
#: Row cells that describe an area, a front or a facility rather than name a town.
_NOT_A_TOWN = re.compile(
    r"countryside|pocket|crossing|base|camp|district|front|area|towns|villages|whole|rebel|"
    r"valley|road|enclave|hills?\b|city:|farms|highway|axis|sector|rest of|border|lajat|"
    r"\bM\d|plain|mountain|ridge|triangle|airbase|airport|positions|outskirts|gate",
    re.IGNORECASE,
)
_AR_NOT_A_TOWN = re.compile(r"ريف|جيب|معبر|قاعدة|مخيم|حي |جبهة|منطقة|طريق|سهل|جبل|تلال|مطار|اللجاة")

HARD_NEGATIVES = [
    ("Damascus", "دمشق"),
    ("Homs", "حمص"),
    ("Hama", "حماة"),
    ("Aleppo", "حلب"),
    ("Latakia", "اللاذقية"),
    ("Jaramana", "جرمانا"),
    ("Sayyida Zaynab", "السيدة زينب"),
    ("Mhardeh", "محردة"),
    ("Suqaylabiyah", "السقيلبية"),
    ("Nubl", "نبل"),
    ("al-Zahraa", "الزهراء"),
    ("Daraya", "داريا"),
    ("Moadamiyeh", "المعضمية"),
    ("Tartus", "طرطوس"),
    ("Salamiyah", "السلمية"),
    ("Masyaf", "مصياف"),
    ("Qardaha", "القرداحة"),
    ("Jableh", "جبلة"),
    ("Kiswah", "الكسوة"),
    ("Sahnaya", "صحنايا"),
    ("Qatana", "قطنا"),
    ("Qudsaya", "قدسيا"),
    ("Zabadani", "الزبداني"),
    ("Madaya", "مضايا"),
    ("Qusayr", "القصير"),
    ("Palmyra", "تدمر"),
    ("Azaz", "أعزاز"),
    ("Jarablus", "جرابلس"),
    ("Manbij", "منبج"),
    ("Raqqa", "الرقة"),
    ("Deir ez-Zor", "دير الزور"),
    ("Tal Kalakh", "تلكلخ"),
    ("Nabk", "النبك"),
    ("Yabroud", "يبرود"),
]


#: Named in a row but not a zone town in mid-2017 (the file itself doubts Qaboun; Dar al-Kabira
#: is in northern Homs, named in a row about evacuees sent to Idlib).
_EXCLUDED = {"qaboun", "al-dar al-kabira"}
_EDGES = re.compile(
    r"^(?:edge of|surroundings of|outskirts of)\s+|\s+(?:town|province|city)$", re.I
)


def _clean(cell: str) -> str:
    return re.sub(r"\([^)]*\)|\*[^*]*\*|\[[^\]]*\]", "", cell).strip()


def _split_en(cell: str) -> list[str]:
    parts = re.split(r"\s*(?:[,;]|\band\b|–|—)\s*", _clean(cell))
    return [_EDGES.sub("", p.strip()) for p in parts if p.strip()]


def _split_ar(cell: str) -> list[str]:
    parts = re.split(r"\s*[،؛,;–—]\s*", _clean(cell))
    return [re.sub(r"^(?:محيط|أطراف)\s+", "", p.strip()) for p in parts if p.strip()]


def control_towns(path: Path = CONTROL_CHANGES) -> list[tuple[str, str, str]]:
    """(zone, English name, Arabic name) of every town the control-change rows name, once."""
    found: dict[str, tuple[str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 8 or cells[1] not in ZONES:
            continue
        zone, en_cell, ar_cell = cells[1], cells[2], cells[3]
        if _NOT_A_TOWN.search(_clean(en_cell)) or _AR_NOT_A_TOWN.search(_clean(ar_cell)):
            continue
        en, ar = _split_en(en_cell), _split_ar(ar_cell)
        if len(en) != len(ar):
            continue
        for e, a in zip(en, ar, strict=True):
            if len(e) > 2 and e.lower() not in found and e.lower() not in _EXCLUDED:
                found[e.lower()] = (zone, e, a)
    return list(found.values())


def footprint_places(rows: list[dict]) -> list[tuple[str, str, str]]:
    """(zone, English name, Arabic name) of the stored gazetteer rows inside a zone."""
    return [(r["zone"], r["name_en"], r["name_ar"]) for r in rows if r["zone"] in ZONES]
