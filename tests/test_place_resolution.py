"""Places of an imported gazetteer resolve to their zone in both languages, with news spellings;
homonyms by context; hard negatives and common words stay clear. The small gazetteers here are
written from facts (names, approximate positions); the measurement on the real Who's On First
gazetteer and the towns of ``control_changes.md`` runs where ``shared/`` has them."""

from __future__ import annotations

import pytest

from extract import extract_article
from extract.places import PlaceIndex, latin_keys
from tests.benchmarks.bench_places import load_index, measure
from tests.benchmarks.place_towns import (
    CONTROL_CHANGES,
    HARD_NEGATIVES,
    WOF,
    control_towns,
    footprint_places,
)

ROWS = [
    # id, zone, governorate, English, Arabic, lat, lon, feature
    ("nawa_homs", "", "SY-HI", "Nawa", "نوى", 34.842, 36.983, "PPL"),
    ("nawa_hama", "", "SY-HM", "Nawa", "نوا", 35.198, 37.058, "PPL"),
    ("kafr_laha_masyaf", "", "SY-HM", "Kafr Laha", "كفرلاها", 35.07, 36.33, "PPL"),
    ("duma_hama", "", "SY-HM", "Duma", "دوما", 35.341, 37.003, "PPL"),
    ("tall_shihab", "south", "SY-DR", "Tall Shihab", "تل شهاب", 32.69, 35.96, "PPL"),
    ("t_kafr_nasij", "south", "SY-DR", "Kafr Nasij", "كفر ناسج", 33.151, 36.039, "PPL"),
    ("ayn_dhakar", "south", "SY-DR", "`Ayn Dhakar", "عين ذكر", 32.80, 35.90, "PPL"),
    ("shaykh_sad", "south", "SY-DR", "Ash Shaykh Sa`d", "الشيخ سعد", 32.83, 35.99, "PPL"),
    ("bayt_sawa", "eastern_ghouta", "SY-RD", "Bayt Sawa", "بيت سوى", 33.50, 36.43, "PPL"),
    ("jaramana_wof", "eastern_ghouta", "SY-RD", "Jaramana", "جرمانا", 33.487, 36.346, "PPLA3"),
    ("share", "idlib", "SY-ID", "Share", "المدينة", 35.80, 36.60, "PPL"),
    ("zara", "north_homs", "SY-HI", "Zara", "زارة", 34.86, 36.55, "PPL"),
    ("qunaytirah_idlib", "idlib", "SY-ID", "Al Qunaytirah", "القنيطرة", 35.98, 36.53, "PPL"),
]


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex.from_rows(
        {"id": i, "zone": z, "governorate": g, "name_en": en, "name_ar": ar, "lat": la, "lon": lo,
         "feature": f}
        for i, z, g, en, ar, la, lo, f in ROWS
    )  # fmt: skip


def read(text: str, index: PlaceIndex, lang: str = "auto"):
    return extract_article(text, "2017-07-10", lang=lang, gazetteer=index)


def places(result) -> list[str]:
    return [m.id for m in result.mentions if m.kind == "place"]


@pytest.mark.parametrize(
    "text",
    [
        "Government shelling hit Tel Shehab on Tuesday, activists said.",
        "Government shelling hit Tal Shihab on Tuesday, activists said.",
        "Rebels in Tell Shihab said the night was calm.",
        "An air strike hit Kfar Nasij, residents said.",
        "Clashes broke out near Kafr-Nasij overnight.",
        "Residents of Ain Dhakar said the bakery had reopened.",
        "Shelling hit Ein Dhakar late on Sunday.",
        "Shelling hit al-Sheikh Saad and el-Sheikh Saad again.",
        "Residents of Sheikh Saad fled west.",
        "قصفت قوات النظام بلدة تل شهاب صباح اليوم.",
        "وسقطت قذائف على أطراف كفرناسج وبتل شهاب.",
        "وأفاد ناشطون بسقوط جرحى في عين ذكر.",
        "وقصفت المدفعية بلدة كفرناسج فجر اليوم.",
    ],
)
def test_news_spellings_resolve_to_the_zone(text, index):
    assert read(text, index).zones == ["south"]


def test_spelling_keys_are_shared():
    assert latin_keys("Tall Shihab") & latin_keys("Tel Shehab")
    assert latin_keys("Bayt Sawa") & latin_keys("Beit Sawa")
    assert latin_keys("`Ayn Tarma") & latin_keys("Ain Tarma")
    assert latin_keys("Ash Shaykh Miskin") & latin_keys("Sheikh Maskin")
    assert not latin_keys("Daraya") & latin_keys("Daraa")


def test_homonyms_follow_the_context(index):
    assert read("Shelling hit Nawa, west of Daraa, on Friday.", index).zones == ["south"]
    homs = read("Shelling hit Nawa in the eastern Homs countryside.", index)
    assert homs.zones == [] and places(homs)[0] == "nawa_homs"
    near = read("Kafr Laha, a village near Masyaf, was shelled.", index)
    assert near.zones == [] and "kafr_laha_masyaf" in places(near)
    assert read("Kafr Laha in the Houla was shelled.", index).zones == ["north_homs"]
    jober = read("Activists in Jober, a district of Homs, said the shelling had stopped.", index)
    assert jober.zones == []
    jobar = read("Shelling hit Jobar on the eastern edge of Damascus.", index)
    assert jobar.zones == ["eastern_ghouta"]
    duma = read("Shelling hit Duma, east of Hama, on Monday.", index)
    assert duma.zones == [] and "duma_hama" in places(duma)
    assert read("Shelling hit Douma on Monday.", index).zones == ["eastern_ghouta"]


def test_a_governorate_named_with_a_clitic_is_context(index):
    """ "والقنيطرة" names the governorate with the conjunction glued to it: the village of that
    name in Idlib does not win on the Idlib towns of the sentence before."""
    text = (
        "قصفت قوات النظام مدينتي سراقب ومعرة النعمان في ريف إدلب أمس. "
        "وفي الجنوب، قال ناشطون إن الهدوء ساد درعا والقنيطرة."
    )
    named = [(m.kind, m.id) for m in read(text, index).mentions if m.text == "القنيطرة"]
    assert named == [("zone", "south")]


def test_without_evidence_the_well_known_one_is_taken_and_said(index):
    result = read("Local sources reported shelling on Nawa this morning.", index)
    assert result.zones == ["south"]
    (place,) = places(result)
    assert place == "nawa"
    mentions = result.to_dict()["mentions"]
    (mention,) = [m for m in mentions if m["kind"] == "place"]
    assert mention["id"] == "nawa"
    assert mention["note"] == "assumed: the best known of 3 places so named"
    assert all("note" not in m for m in mentions if m is not mention)


def test_hard_negatives_and_common_words_stay_clear(index):
    for text in (
        "Shelling hit Jaramana on Tuesday.",
        "قصف على جرمانا",
        "Shelling hit Daraya on Tuesday.",
        "Share this article. Some said shelling resumed.",
        "قالت وزارة الدفاع إن المدينة تعرضت لقصف.",
    ):
        assert read(text, index).zones == [], text


needs_shared = pytest.mark.skipif(
    not (WOF.is_file() and CONTROL_CHANGES.is_file()),
    reason="shared/data/wof-sy or shared/reference is not there",
)


@pytest.fixture(scope="module")
def wof():
    return load_index(WOF)


@needs_shared
def test_without_an_import_three_in_four_zone_towns_resolve():
    for lang, (share, failures, total) in measure(control_towns()).items():
        assert total > 80 and share >= 0.75, (lang, share, failures)


@needs_shared
def test_with_wof_imported_nine_in_ten_zone_towns_resolve_in_each_language(wof):
    index, rows = wof
    for towns in (control_towns(), footprint_places(rows)):
        for lang, (share, failures, total) in measure(towns, index).items():
            assert share >= 0.90, (lang, share, total, failures[:20])


@needs_shared
def test_with_wof_imported_hard_negatives_get_no_zone(wof):
    negatives = [("", en, ar) for en, ar in HARD_NEGATIVES]
    for lang, (share, failures, _) in measure(negatives, wof[0], negative=True).items():
        assert share >= 0.95, (lang, failures)
