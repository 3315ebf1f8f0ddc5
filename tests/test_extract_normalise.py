"""Normalisation for matching, and the map back to the original text."""

from __future__ import annotations

from extract.normalise import normalise
from extract.segment import sentence_spans


def test_arabic_forms_are_folded():
    n = normalise("إدلب وأريحا وآب ومرتفعات ٱلجولان والقرى الموالية وحماة ١٢٣")
    assert n.text == "ادلب واريحا واب ومرتفعات الجولان والقري المواليه وحماه 123"


def test_diacritics_and_tatweel_are_dropped_and_offsets_map_back():
    text = "قَدَّمَ الوفدُ ورقةً في إدلـــب"
    n = normalise(text)
    assert n.text == "قدم الوفد ورقه في ادلب"
    i = n.text.index("ادلب")
    s, e = n.span(i, i + len("ادلب"))
    assert text[s:e] == "إدلـــب"
    j = n.text.index("الوفد")
    s, e = n.span(j, j + len("الوفد"))
    assert text[s:e] == "الوفدُ"  # the trailing damma stays with its word


def test_original_offsets_map_to_normalised_ones_and_back():
    norm = normalise("قالَ الرئيسُ إنّ اتفاقـــية Idlib")
    to_norm = norm.to_normalised()
    kept = [o for o in range(len(norm.original)) if norm.to_original(to_norm(o)) == o]
    assert len(kept) == len(norm.text)  # every character that was not dropped
    assert [to_norm(norm.to_original(i)) for i in range(len(norm.text))] == list(
        range(len(norm.text))
    )
    assert normalise("Idlib").to_normalised()(3) == 3


def test_latin_is_lowercased_and_transliteration_marks_removed():
    text = "Maʿarrat al-Nuʿmān and DARAA"
    n = normalise(text)
    assert n.text == "maarrat al-numan and daraa"
    i = n.text.index("numan")
    s, e = n.span(i, i + 5)
    assert text[s:e] == "Nuʿmān"


def test_runs_of_spaces_match_as_one():
    text = "ريف   حمص الشمالي"
    n = normalise(text)
    assert n.text == "ريف حمص الشمالي"
    s, e = n.span(0, len(n.text))
    assert text[s:e] == text


def test_sentences_do_not_end_at_abbreviations_or_decimals():
    text = "gen. smith met u.s. envoys. the rate rose 3.5 percent! next\nline"
    spans = sentence_spans(text, frozenset({"gen", "u.s"}))
    assert [text[s:e] for s, e in spans] == [
        "gen. smith met u.s. envoys.",
        "the rate rose 3.5 percent!",
        "next",
        "line",
    ]


def test_arabic_question_mark_ends_a_sentence():
    text = "ما الذي تغير؟ الكثير."
    assert [text[s:e] for s, e in sentence_spans(text)] == ["ما الذي تغير؟", "الكثير."]


def test_language_by_script_ratio():
    from extract.language import detect_language

    assert detect_language("قالت روسيا إن Idlib و Daraa ضمن مناطق خفض التصعيد") == "ar"
    assert detect_language("Russia said the zones include Idlib (إدلب) and Daraa.") == "en"
    assert detect_language("2017-05-04 12:00 !!") == "und"
    assert detect_language("") == "und"
    # no Latin letter: Arabic if any Arabic letter, else no language (digits and marks only)
    assert detect_language("وقف إطلاق النار في إدلب، ٢٠١٨") == "ar"
    assert detect_language("٢٠١٨/٥/٤ ، ؟ «»") == "und"
    # both scripts: counted (a Latin word in a mostly Arabic text, and the other way round)
    assert detect_language("é" + " إدلب" * 3) == "ar"
    assert detect_language("إدلب " + "Idlib province " * 5) == "en"
