"""The dashboard's rendering logic without Streamlit: highlighted articles and what the
Ingest page accepts."""

from __future__ import annotations

from datetime import date

import pytest

from zonewatch.core.registry import load_registry
from zonewatch.dashboard import highlight
from zonewatch.ingest import submission

REG = load_registry()


# -- highlighting ----------------------------------------------------------------------------------


def test_highlight_escapes_everything_and_keeps_offsets():
    text = "<script>alert(1)</script> Idlib `x` <img src=x onerror=alert(2)>"
    start = text.index("Idlib")
    out = highlight.highlight_html(
        text, [{"kind": "zone", "id": "idlib", "start": start, "end": start + 5}], "en"
    )
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out and "`x`" in out
    assert 'title="zone: idlib"' in out and ">Idlib</mark>" in out
    assert 'dir="ltr"' in out


def test_highlight_arabic_is_right_to_left_and_marks_the_original_text():
    text = "وقال إن الغوطةَ الشرقية مشمولة <b>"
    surface = "الغوطةَ الشرقية"
    start = text.index(surface)
    out = highlight.highlight_html(
        text,
        [{"kind": "zone", "id": "eastern_ghouta", "start": start, "end": start + len(surface)}],
        "ar",
    )
    assert 'dir="rtl"' in out and 'lang="ar"' in out
    assert f">{surface}</mark>" in out and "&lt;b&gt;" in out


def test_highlight_skips_bad_and_overlapping_mentions():
    text = "Eastern Ghouta truce"
    mentions = [
        {"kind": "zone", "id": "eastern_ghouta", "start": 0, "end": 14},
        {"kind": "place", "id": "ghouta", "start": 8, "end": 14},  # inside the first
        {"kind": "agreement", "id": None, "start": 15, "end": 99},  # past the end
        {"kind": "date", "id": None, "start": "x", "end": 3},
    ]
    out = highlight.highlight_html(text, mentions, "en")
    assert out.count("<mark") == 1
    assert "</mark> truce</div>" in out  # the agreement past the end is dropped, its text kept


def test_article_html_escapes_title_and_meta():
    out = highlight.article_html(
        {
            "title": "<i>t</i>",
            "source": "<s>",
            "published": "2017-07-05",
            "language": "ar",
            "text": "نص",
            "mentions": [],
        }
    )
    assert "&lt;i&gt;t&lt;/i&gt;" in out and "&lt;s&gt;" in out and 'dir="rtl"' in out


# -- what the Ingest page accepts ----------------------------------------------------------------


def test_pasted_text_must_not_be_empty():
    with pytest.raises(submission.SubmissionError, match="empty"):
        submission.pasted_record("  \n ")


def test_pasted_record_keeps_its_fields():
    record = submission.pasted_record(
        "نص المقال", title=" عنوان ", source="wire", published=date(2017, 7, 5), language="ar"
    )
    assert record["title"] == "عنوان" and record["published"] == date(2017, 7, 5)
    assert record["language"] == "ar"


def test_pasted_text_over_the_limit_is_refused():
    from zonewatch.ingest.readers import MAX_ARTICLE_BYTES

    with pytest.raises(submission.SubmissionError, match="too large"):
        submission.pasted_record("x" * (MAX_ARTICLE_BYTES + 1))


def test_uploads_report_what_cannot_be_read():
    records, skipped = submission.uploaded_records(
        [
            ("../../evil.txt", b"Title line\nbody about Idlib"),
            ("blob.txt", b"\x00\x00binary"),
            ("notes.pdf", b"%PDF-1.4"),
            ("big.txt", b"x" * (submission.MAX_UPLOAD_BYTES + 1)),
        ]
    )
    assert [r["title"] for r in records] == ["Title line"]
    assert records[0]["path"] == "../../evil.txt"
    assert [(s.where, s.reason.split(" (")[0]) for s in skipped] == [
        ("blob.txt", "binary file"),
        ("notes.pdf", "unsupported file type '.pdf'"),
        ("big.txt", "file too large for the dashboard"),
    ]
