"""Bad and unusual inputs: each is read correctly or skipped with its reason, never fatal."""

from __future__ import annotations

import codecs
import json
import tracemalloc
from datetime import date
from pathlib import Path

from zonewatch.ingest.readers import MAX_ARTICLE_BYTES, Skipped, read_inputs

ARABIC = (
    "قالت مصادر في المعارضة السورية إن مذكرة أستانا تشمل محافظة إدلب والغوطة الشرقية "
    "وريف حمص الشمالي ومنطقة الجنوب، وإن وقف إطلاق النار بدأ في السادس من الشهر نفسه."
)
ENGLISH = "Opposition sources said the Astana memorandum covers Idlib and Eastern Ghouta."


def _read(*paths: Path, published: date | None = None) -> tuple[list[dict], list[Skipped]]:
    items = list(read_inputs(paths, published))
    return [i for i in items if not isinstance(i, Skipped)], [
        i for i in items if isinstance(i, Skipped)
    ]


def test_binary_file_is_skipped_with_reason(tmp_path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    records, skipped = _read(path)
    assert records == []
    assert [s.reason for s in skipped] == ["binary file (contains NUL bytes)"]


def test_empty_and_blank_files_are_skipped(tmp_path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n")
    (tmp_path / "empty.jsonl").write_bytes(b"")
    records, skipped = _read(tmp_path)
    assert records == []
    reasons = {Path(s.where).name: s.reason for s in skipped}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["empty.jsonl"] == "empty file"
    assert reasons["blank.md"].startswith("empty file")


def test_windows_1256_arabic_is_detected_and_decoded(tmp_path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(ARABIC.encode("cp1256"))
    records, skipped = _read(path)
    assert skipped == []
    assert records[0]["text"] == ARABIC
    # The same inside a streamed format.
    csv_path = tmp_path / "legacy.csv"
    csv_path.write_bytes(("title,text\nعنوان," + ARABIC + "\n").encode("cp1256"))
    records, skipped = _read(csv_path)
    assert skipped == [] and records[0]["text"] == ARABIC and records[0]["title"] == "عنوان"


def test_invalid_utf8_is_read_without_losing_the_article(tmp_path) -> None:
    # Mostly UTF-8 with two stray bytes: UTF-8, the bad bytes replaced.
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(ARABIC.encode("utf-8") + b"\xff\xfe " + ENGLISH.encode("utf-8"))
    # Not UTF-8 at all: a Latin-1 English text is decoded as windows-1252.
    latin = tmp_path / "latin.txt"
    latin.write_bytes(
        ("Caf\u00e9 owners in Daraa said the truce held. " + ENGLISH).encode("latin-1")
    )
    records, skipped = _read(damaged, latin)
    assert skipped == []
    assert records[0]["text"].startswith(ARABIC) and records[0]["text"].endswith(ENGLISH)
    assert "\ufffd" in records[0]["text"]
    assert records[1]["text"].startswith("Caf\u00e9 owners in Daraa")


def test_utf8_bom_and_utf16_are_read(tmp_path) -> None:
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes(ENGLISH.encode("utf-16"))
    records, skipped = _read(tmp_path)
    assert skipped == []
    assert sorted(r["text"] for r in records) == sorted([ARABIC, ENGLISH])


def test_truncated_jsonl_line_is_skipped_and_the_rest_read(tmp_path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {"text": ARABIC, "title": "أ", "published": "2017-07-05", "lang": "ar"},
            ensure_ascii=False,
        ),
        json.dumps({"text": ENGLISH, "title": "b"})[:25],  # cut off mid-line
        "[1, 2]",
        json.dumps({"title": "no text here"}),
        json.dumps(
            {
                "body": ENGLISH,
                "date": "2017-08-03T10:00:00Z",
                "url": "https://example.org/x",
                "source": "Example",
            }
        ),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")  # no final newline either
    records, skipped = _read(path, published=date(2020, 1, 1))
    assert [r["text"] for r in records] == [ARABIC, ENGLISH]
    assert records[0]["published"] == date(2017, 7, 5) and records[0]["language"] == "ar"
    assert records[1]["published"] == date(2017, 8, 3) and records[1]["source"] == "Example"
    assert records[1]["path"] == f"{path}:5"
    assert [(s.where, s.reason.split(" (")[0]) for s in skipped] == [
        (f"{path}:2", "invalid JSON"),
        (f"{path}:3", "not a JSON object"),
        (f"{path}:4", "no text field"),
    ]


def test_csv_without_text_column_is_skipped_with_reason(tmp_path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("title,url\nA,https://example.org\n", encoding="utf-8")
    records, skipped = _read(path)
    assert records == []
    assert len(skipped) == 1 and skipped[0].reason.startswith("CSV has no text column")


def test_csv_with_aliases_and_a_default_date(tmp_path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        'Headline,Content,Lang,Date\n"One, with comma","' + ENGLISH + '",EN,\nTwo,,en,2017-01-01\n',
        encoding="utf-8",
    )
    records, skipped = _read(path, published=date(2017, 7, 5))
    assert len(records) == 1 and records[0]["title"] == "One, with comma"
    assert records[0]["published"] == date(2017, 7, 5) and records[0]["language"] == "en"
    assert [s.reason for s in skipped] == ["empty text"]


def test_html_main_text_title_and_date_come_from_the_page(tmp_path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Site | Truce news</title>"
        '<meta property="og:title" content="Truce reached in Eastern Ghouta">'
        '<meta property="article:published_time" content="2017-07-22T09:00:00Z">'
        '<meta property="og:site_name" content="Example News"></head><body>'
        "<nav>Home | World | Contact</nav><article>"
        + "".join(
            f"<p>{ENGLISH} Paragraph {i} adds detail on the truce terms.</p>" for i in range(5)
        )
        + "</article><footer>All rights reserved</footer></body></html>",
        encoding="utf-8",
    )
    records, skipped = _read(page)
    assert skipped == []
    record = records[0]
    assert record["title"] == "Truce reached in Eastern Ghouta"
    assert record["published"] == date(2017, 7, 22)
    assert record["source"] == "Example News"
    assert ENGLISH in record["text"] and "All rights reserved" not in record["text"]


def test_folders_are_walked_in_order_and_unsupported_files_reported(tmp_path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("# Second title\n\n" + ENGLISH)
    (tmp_path / "a.txt").write_text("First title\n" + ARABIC)
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    records, skipped = _read(tmp_path)
    assert [r["title"] for r in records] == ["First title", "Second title"]
    assert [(Path(s.where).name, s.reason) for s in skipped] == [
        ("scan.pdf", "unsupported file type '.pdf'")
    ]


def test_a_100_mb_single_article_file_is_skipped_without_reading_it(tmp_path) -> None:
    path = tmp_path / "dump.txt"
    with open(path, "wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: 100 MB on paper, instant to make
    records, skipped = _read(path)
    assert records == []
    assert skipped[0].reason.startswith("file too large for one article (104.9 MB")


def test_a_100_mb_jsonl_is_streamed_and_its_oversized_line_skipped(tmp_path) -> None:
    path = tmp_path / "archive.jsonl"
    block = b"x" * (1024 * 1024)
    with open(path, "wb") as f:
        f.write(json.dumps({"text": ENGLISH}).encode() + b"\n")
        f.write(b'{"text": "')
        for _ in range(100):
            f.write(block)
        f.write(b'"}\n')
        f.write(json.dumps({"text": ARABIC}, ensure_ascii=False).encode() + b"\n")
    assert path.stat().st_size > 100 * 1024 * 1024
    tracemalloc.start()
    try:
        records, skipped = _read(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r["text"] for r in records] == [ENGLISH, ARABIC]
    assert [(s.where, s.reason) for s in skipped] == [(f"{path}:2", "line too long (over 5 MB)")]
    # The line is never held whole: memory stays near the per-article limit, far below 100 MB.
    assert peak < 6 * MAX_ARTICLE_BYTES, peak


def test_a_missing_path_is_reported(tmp_path) -> None:
    records, skipped = _read(tmp_path / "nope")
    assert records == [] and skipped[0].reason == "no such file or folder"
