"""Reading rules found on Arabic pages in voices the other sets lack (``realistic5/ar``:
Q&A explainers with speaker labels, scraped pages, translated statements, opinion columns, local
council statements). One test of our own sentences per rule; none is a sentence of the set.

Sentences written for these tests."""

from __future__ import annotations

from tests.reading import relations


def test_a_labelled_answer_opening_with_no_excludes_the_zones_the_question_names():
    # "س:" / "ج:" (and "Q:" / "A:") label the speakers; the verdict is the word after the label
    text = (
        "يشرح هذا الدليل اتفاق القاهرة الخاص بالغوطة الشرقية.\n\n"
        "س: هل يشمل الاتفاق ريف حمص الشمالي؟\n"
        "ج: لا، فلتلك المنطقة ترتيب آخر.\n"
    )
    assert ("ghouta_truce_2017", "north_homs", "excludes") in relations(text, "2017-07-25")
    text = (
        "This guide explains the southwest ceasefire agreed in July.\n\n"
        "Q: Does it include Idlib?\n"
        "A: No. The north has its own talks.\n"
    )
    assert ("southwest_ceasefire_2017", "idlib", "excludes") in relations(text, "2017-07-20")
