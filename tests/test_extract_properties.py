"""Property tests: any text at all is read without an exception, and every offset is valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import extract_article
from extract.article import _extract
from extract.lexicon import load_lexicon
from extract.normalise import normalise

# Text made of the characters that matter to the extractor, so that examples hit real paths:
# Arabic letters, harakat, tatweel, digits of both kinds, punctuation, Latin, quotes, spaces.
ALPHABET = st.sampled_from(
    list("ادلبإأآةىيوفكلرستنحمصغطشقعجزخهثضظذء")
    + ["\u064e", "\u0650", "\u0651", "\u0640", "\u200f"]
    + list("0123456789٠١٢٣٤٥٦٧٨٩")
    + list(" \n\t.,،؛؟!?-–/()\"'«»“”’ʿ")
    + list("IdlibDaraaHomsGhoutaAstanaMayJulytheof")
)
WORDS = st.sampled_from(
    [
        "إدلب",
        "بدرعا",
        "وللرستن",
        "الغوطة الشرقية",
        "أستانا 4",
        "أستانا الرابعة",
        "أمس الثلاثاء",
        "السادس من الشهر نفسه",
        "4 مايو/ أيار الماضي",
        "Idlib",
        "Astana-5",
        "last Tuesday",
        "July 9, 2017",
        "the deal",
        "الاتفاق",
        "تفاهم أمريكي روسي",
        "عمان",
        "داريا",
        "Hamas",
        "22 – 7 – 2017",
        "four zones:",
        "first,",
        "ريف دمشق",
        "الجنوب",
        "  ",
        "\u064b",
        "درع الفرات",
        "2021",
    ]
)
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet=ALPHABET, max_size=400),
    st.lists(st.one_of(WORDS, st.text(alphabet=ALPHABET, max_size=8)), max_size=60).map(" ".join),
)
PUBLISHED = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.just("not a date"))


def _check_offsets(text: str, result: dict) -> None:
    for m in result["mentions"]:
        assert 0 <= m["start"] <= m["end"] <= len(text)
        assert text[m["start"] : m["end"]] == m["text"]
        assert m["kind"] in {"zone", "place", "agreement", "party", "date"}
    for d in result["dates"]:
        assert text[d["start"] : d["end"]] == d["text"]
        assert d["precision"] in {"day", "month", "year"}
    for c in result["coverage"]:
        assert text[c["start"] : c["end"]] == c["evidence"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, PUBLISHED)
def test_any_text_is_read_and_offsets_slice_the_original(text, published):
    # the inner function, so that a crash is not hidden by extract_article's safety net
    from extract.dates.calendar import published_day

    result = _extract(text, published_day(published), "ar", load_lexicon()).to_dict()
    _check_offsets(text, result)
    result = extract_article(text, published).to_dict()
    _check_offsets(text, result)
    assert set(result["zones"]) <= {"idlib", "north_homs", "eastern_ghouta", "south"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalised_offsets_map_into_the_original(text):
    n = normalise(text)
    for i in range(len(n.text)):
        o = n.to_original(i)
        assert 0 <= o < len(text)
    if n.text:
        s, e = n.span(0, len(n.text))
        assert 0 <= s <= e <= len(text)


def test_results_do_not_depend_on_the_hash_seed():
    """Worker processes (local or Dask) must produce the same extraction as the parent."""
    import os
    import subprocess
    import sys

    code = (
        "import json; from extract import extract_article; "
        "texts = ['وللرستن وبدرعا وفي الغوطة الشرقية اتفاق خفض التصعيد أمس الثلاثاء', "
        "'The Cairo truce for Eastern Ghouta took effect on July 22; Astana-6 delineated Idlib.']; "
        "print(json.dumps([extract_article(t, '2017-07-25').to_dict() for t in texts], sort_keys=True))"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
