"""Hostile input in the dashboard (issue 11), through AppTest runs of ``app.py`` and its pages.

The stores are made with the command line, so these tests know the app only by its files.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tomllib
from datetime import date
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest
from test_hostile_cli import (
    FORMULA_TITLES,
    REPO,
    article_count,
    assert_ok,
    ingest,
    wire,
    write_jsonl,
)

pytestmark = pytest.mark.usefixtures("navigation_only")

APP = REPO / "app.py"
TRACKER_NAME = "![t](http://tracker.example/t.png).txt"
#: Elements whose text Streamlit renders as Markdown.
MARKDOWN_ELEMENTS = ("markdown", "caption", "error", "warning", "info", "success", "subheader")


def _store(tmp_path: Path, records: list[dict], monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    assert_ok(ingest(data, write_jsonl(tmp_path / "in.jsonl", records)))
    monkeypatch.setenv("ZONEWATCH_DATA", str(data))
    monkeypatch.setenv("ZONEWATCH_DEMO", "0")
    return data


def _app(page: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params.update(query or {})
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _markdown_texts(at: AppTest) -> list[str]:
    return [str(e.value) for kind in MARKDOWN_ELEMENTS for e in getattr(at, kind)]


@pytest.mark.parametrize(
    "published", ["0001-01-01T00:00:00Z", "2262-05-01", "9999-12-31"], ids=["year1", "2262", "9999"]
)
@pytest.mark.parametrize("page", [None, "pages/timeline.py", "pages/evidence.py"])
def test_out_of_range_publication_date_breaks_no_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, published: str, page: str | None
) -> None:
    _store(tmp_path, [wire(1, published=published), wire(2)], monkeypatch)
    _app(page)


def test_evidence_download_is_spreadsheet_safe(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [wire(i, title=title) for i, title in enumerate(FORMULA_TITLES.values())]
    records.append(wire(9, title="Idlib update\r=1+2", source="@cmd"))
    _store(tmp_path, records, monkeypatch)
    downloads: dict[str, bytes] = {}
    original = MemoryMediaFileStorage.load_and_get_id

    def capture(self, path_or_data, mimetype, kind, filename=None):
        if filename:
            downloads[filename] = path_or_data
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", capture)
    _app("pages/evidence.py", {"date": "2017-05-04"})
    name = next(n for n in downloads if n.endswith(".csv"))
    text = downloads[name].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=None)))
    assert len(rows) == len(records) + 1
    assert all(len(row) == len(rows[0]) for row in rows)
    for row in rows[1:]:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r", (cell, row)


def test_ingest_date_pickers_reach_back_to_2011(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(tmp_path, [wire(1)], monkeypatch)
    at = _app("pages/ingest.py")
    pickers = [at.date_input(key="ing_published"), at.date_input(key="ing_upload_day")]
    for picker in pickers:
        assert picker.min <= date(2011, 1, 1), picker.label
        assert picker.max >= date.today()


def _upload(at: AppTest, files: list[tuple[str, bytes]]) -> AppTest:
    at.file_uploader[0].set_value([(name, data, "text/plain") for name, data in files])
    at.run()
    at.button(key="ing_extract_files").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_uploaded_file_name_is_plain_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store(tmp_path, [wire(1)], monkeypatch)
    at = _upload(
        _app("pages/ingest.py"), [(TRACKER_NAME, b""), ("ok.txt", wire(5)["text"].encode())]
    )
    shown = "\n".join(str(e.value) for e in at.error)
    assert "tracker" in shown  # the skipped file is named ...
    assert not [t for t in _markdown_texts(at) if "](http://tracker.example" in t]  # ... as text


def test_poisoned_upload_keeps_the_good_articles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = _store(tmp_path, [wire(1)], monkeypatch)
    lines = [
        json.dumps(wire(2)),
        '{"text": "Idlib \\ud800 zone", "title": "lone surrogate"}',
        "[" * 100_000 + "]" * 100_000,
        json.dumps(wire(3)),
    ]
    at = _upload(_app("pages/ingest.py"), [("feed.jsonl", "\n".join(lines).encode())])
    at.button(key="ing_save").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert article_count(data) == 3


def test_remove_this_article_from_evidence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _store(tmp_path, [wire(1), wire(2)], monkeypatch)
    at = _app("pages/evidence.py")
    buttons = [b for b in at.button if "Remove this article" in b.label]
    assert len(buttons) == 1
    buttons[0].click().run()
    confirm = [b for b in at.button if "remove" in b.label.lower() and b.label != buttons[0].label]
    if confirm:  # a confirmation step is allowed
        confirm[0].click().run()
    assert not at.exception
    assert article_count(data) == 1


def test_read_only_mode_hides_ingest_and_removal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _store(tmp_path, [wire(1)], monkeypatch)
    monkeypatch.setenv("ZONEWATCH_READONLY", "1")
    evidence = _app("pages/evidence.py")
    assert not [b for b in evidence.button if "Remove" in b.label]
    with pytest.raises(ValueError, match="ingest"):  # not in the navigation at all
        _app("pages/ingest.py")
    page = AppTest.from_file(str(REPO / "pages" / "ingest.py"), default_timeout=60).run()
    assert not page.file_uploader and not page.text_area  # and inert if opened directly
    assert not [b for b in page.button if "Save" in b.label]


def test_dashboard_binds_to_localhost_by_default() -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["server"]["address"] in {"localhost", "127.0.0.1"}


def test_upload_limit_is_stated_once_and_enforced(tmp_path: Path, monkeypatch) -> None:
    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text("utf-8"))
    limit = config["server"]["maxUploadSize"]
    readme = (REPO / "README.md").read_text("utf-8")
    assert f"up to {limit} MB each" in readme
    _store(tmp_path, [wire(1)], monkeypatch)
    at = _app("pages/ingest.py")
    assert f"{limit} MB" in at.file_uploader[0].label
    too_big = b"x" * (limit * 1024 * 1024 + 1)
    at = _upload(at, [("big.txt", too_big)])
    message = "\n".join(str(e.value) for e in at.error)
    assert re.findall(r"limit (\d+) MB", message) == [str(limit)], message
