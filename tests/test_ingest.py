"""Ingest end to end: idempotency, deduplication, crash safety, engines, command line, demo."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from zonewatch.cli.main import main
from zonewatch.ingest import demo
from zonewatch.ingest.run import ingest_paths, ingest_records
from zonewatch.store import queries
from zonewatch.store.dataset import TABLES, Store

# Sentences of our own; every article mixes a few so that texts differ and carry mentions.
SENTENCES_AR = [
    "قالت مصادر في المعارضة إن مذكرة أستانا لخفض التصعيد تشمل محافظة إدلب.",
    "وأضافت أن الغوطة الشرقية في ريف دمشق دخلت الهدنة بعد اتفاق القاهرة.",
    "وتحدث ناشطون عن قصف على الرستن وتلبيسة في ريف حمص الشمالي.",
    "وأعلنت الأطراف وقف إطلاق النار في درعا والقنيطرة جنوب البلاد.",
]
SENTENCES_EN = [
    "Opposition sources said the Astana memorandum on de-escalation covers Idlib province.",
    "Eastern Ghouta joined the truce agreed in Cairo, a monitor said.",
    "Shelling was reported near Rastan and Talbiseh in the northern Homs countryside.",
    "The south-west ceasefire took effect in Daraa and Quneitra on Sunday.",
]


def article_text(i: int) -> str:
    sentences = SENTENCES_AR if i % 2 else SENTENCES_EN
    picked = [sentences[(i + k) % len(sentences)] for k in range(1 + i % 3)]
    return f"{'تقرير' if i % 2 else 'Report'} {i}.\n" + " ".join(picked)


def write_corpus(path: Path, count: int, start: int = 0) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for i in range(start, start + count):
            record = {
                "text": article_text(i),
                "title": f"#{i}",
                "published": f"2017-0{1 + i % 9}-1{i % 10}",
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def snapshot(store: Store) -> dict[str, list[tuple]]:
    return {name: store.canonical_rows(name) for name in TABLES}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    write_corpus(root / "feed.jsonl", 12)
    (root / "one.txt").write_text("Headline\n" + article_text(100), encoding="utf-8")
    (root / "sub" / "two.txt").write_bytes(article_text(101).encode("cp1256"))
    (root / "sub" / "table.csv").write_text(
        "title,text\nA," + json.dumps(article_text(102), ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    (root / "sub" / "junk.txt").write_bytes(bytes(range(256)))
    return root


def test_ingesting_the_same_folder_twice_changes_nothing(folder: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    first = ingest_paths(store, [folder], workers=2, progress=False, batch_size=5)
    assert (first.read, first.new, first.duplicate) == (15, 15, 0)
    assert [reason for _, reason in first.skipped] == ["binary file (contains NUL bytes)"]
    counts, rows, files = store.counts(), snapshot(store), sorted(store.root.rglob("*.parquet"))
    assert counts["articles"] == 15 and counts["mentions"] > 0 and counts["claims"] > 0
    second = ingest_paths(store, [folder], workers=0, progress=False)
    assert (second.read, second.new, second.duplicate, second.batches) == (15, 0, 15, 0)
    assert store.counts() == counts and snapshot(store) == rows
    assert sorted(store.root.rglob("*.parquet")) == files


def test_duplicates_within_a_run_keep_the_first_copy(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    text = article_text(7)
    report = ingest_records(
        store,
        [
            {"text": text, "title": "first"},
            {"text": "  " + text.replace(" ", "\n  ") + "\n", "title": "second"},
            {"text": article_text(8), "title": "other"},
            {"title": "no text"},
        ],
    )
    assert (report.read, report.new, report.duplicate) == (3, 2, 1)
    assert report.skipped == [
        ("record 4", "no text field (expected one of: text, body, content, article, maintext)")
    ]
    titles = sorted(queries.articles(store)["title"])
    assert titles == ["first", "other"]


def test_rows_hang_together(folder: Path, tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    ingest_paths(store, [folder], workers=0, progress=False)
    con = store.connect()
    for table in ("mentions", "claims"):
        orphans = con.execute(
            f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT article_id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    # Offsets point into the stored original text.
    for text, mention, start, end in con.execute(
        "SELECT a.text, m.text, m.start, m.\"end\" FROM mentions m JOIN articles a USING (article_id) WHERE m.kind <> 'date'"
    ).fetchall():
        assert text[start:end] == mention
    # The windows-1256 file went in as Arabic.
    decoded = con.execute("SELECT text FROM articles WHERE path LIKE '%two.txt'").fetchone()[0]
    assert decoded == article_text(101)


@pytest.mark.slow
def test_sigkill_midway_then_rerun_gives_the_store_of_an_uninterrupted_run(tmp_path: Path) -> None:
    total, batch = 600, 10
    corpus = write_corpus(tmp_path / "corpus.jsonl", total)
    killed = tmp_path / "killed"
    script = Path(sys.executable).with_name("zonewatch")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "zonewatch"]
    command += [
        "ingest",
        str(corpus),
        "--data",
        str(killed),
        "--workers",
        "2",
        "--batch-size",
        str(batch),
        "--no-progress",
    ]
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 60
        while len(list((killed / "articles").glob("part-*.parquet"))) < 3:
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "ingest made no progress"
            time.sleep(0.01)
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL
        # Its worker processes notice and leave.
        gone, alive = psutil.wait_procs(workers, timeout=10)
        assert alive == []
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()

    store = Store.open(killed)
    partial = store.counts()
    assert 0 < partial["articles"] < total and partial["articles"] % batch == 0
    # Rerunning (here in this process, to keep the test short) completes the store.
    report = ingest_paths(store, [corpus], workers=0, progress=False, batch_size=batch)
    assert (report.duplicate, report.new) == (partial["articles"], total - partial["articles"])

    whole = Store.open(tmp_path / "whole")
    ingest_paths(whole, [corpus], workers=0, progress=False)
    assert snapshot(store) == snapshot(whole)
    assert store.counts()["articles"] == total


@pytest.mark.slow
def test_local_processes_dask_and_in_process_give_identical_stores(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    stores = {}
    for name, options in {
        "inline": {"workers": 0},
        "local": {"engine": "local", "workers": 2, "batch_size": 7},
        "dask": {"engine": "dask", "workers": 2, "batch_size": 13},
    }.items():
        stores[name] = Store.open(tmp_path / name)
        report = ingest_paths(stores[name], [corpus], progress=False, **options)
        assert report.new == 40
    reference = snapshot(stores["inline"])
    assert sum(len(rows) for rows in reference.values()) > 40
    assert snapshot(stores["local"]) == reference
    assert snapshot(stores["dask"]) == reference
    # 40 articles in chunks of 7 (the last of 5), committed once at least 7 are waiting.
    assert len(stores["local"].committed_batches()) in (5, 6)


def test_command_line_ingest_stats_and_coverage(folder: Path, tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    assert (
        main(
            [
                "ingest",
                str(folder),
                "--data",
                data,
                "--workers",
                "0",
                "--format",
                "json",
                "--published",
                "2017-07-05",
            ]
        )
        == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert (report["read"], report["new"], report["duplicate"]) == (15, 15, 0)
    assert report["skipped"][0]["where"].endswith("junk.txt")

    assert main(["stats", "--data", data, "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    store = Store.open(data)
    assert {k: stats[k] for k in ("articles", "mentions", "claims")} == store.counts()
    assert stats["data"] == str(store.root) and stats["schema_version"] == 1
    assert sum(stats["languages"].values()) == 15

    assert (
        main(["query", "coverage", "--date", "2017-08-01", "--data", data, "--format", "json"]) == 0
    )
    rows = json.loads(capsys.readouterr().out)
    registry = [r for r in rows if r["origin"] == "registry"]
    assert {(r["agreement"], r["zone"]) for r in registry} >= {("astana_memorandum_2017", "idlib")}
    counts = dict(
        ((a, z), n)
        for a, z, n in store.connect()
        .execute("SELECT agreement, zone, count(DISTINCT article_id) FROM claims GROUP BY ALL")
        .fetchall()
    )
    for r in registry:
        assert r["evidence_count"] == counts.get((r["agreement"], r["zone"]), 0)
    ghouta = next(r for r in registry if r["agreement"] == "ghouta_truce_2017")
    assert ghouta["status"] == "in_force" and ghouta["start"] == "2017-07-22"

    assert main(["query", "coverage", "--date", "2017-08-01", "--data", data]) == 0
    assert "astana_memorandum_2017" in capsys.readouterr().out


def test_command_line_bad_input_is_one_line_and_status_2(tmp_path: Path, capsys) -> None:
    data = str(tmp_path / "data")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01" * 100)
    assert main(["ingest", str(tmp_path / "missing.txt"), "--data", data]) == 2
    assert main(["ingest", str(binary), "--data", data, "--published", "5 July"]) == 2
    assert main(["ingest", str(binary), "--data", data, "--no-progress"]) == 2
    assert main(["query", "coverage", "--date", "2017-02-30", "--data", data]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"zonewatch: error: no such file or folder: {tmp_path / 'missing.txt'}",
        "zonewatch: error: --published must be a date as YYYY-MM-DD, not '5 July'",
        "zonewatch: error: nothing could be read from the given paths",
        "zonewatch: error: date must be a date as YYYY-MM-DD, not '2017-02-30'",
    ]
    assert Store.open(data).counts()["articles"] == 0


def test_ensure_demo_fills_an_empty_store_once(tmp_path: Path, monkeypatch) -> None:
    sample = write_corpus(tmp_path / "demo.jsonl", 5)
    monkeypatch.setattr(demo, "demo_path", lambda: sample)
    store = Store.open(tmp_path / "data")
    assert demo.ensure_demo(store) is True
    assert store.counts()["articles"] == 5
    assert demo.ensure_demo(store) is False
    assert store.counts()["articles"] == 5


def test_the_shipped_demo_corpus_ingests_cleanly(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    assert demo.ensure_demo(store) is True
    lines = [line for line in demo.demo_path().read_text("utf-8").splitlines() if line.strip()]
    assert store.counts()["articles"] == len(lines)
    assert store.counts()["claims"] > 0


def test_the_seed_article_goes_in_with_offsets_into_its_own_text(tmp_path: Path) -> None:
    seeds = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        pytest.skip("../shared/seeds is not available")
    store = Store.open(tmp_path)
    report = ingest_paths(store, files[:1], published="2017-07-05", workers=0, progress=False)
    assert (report.new, report.skipped) == (1, [])
    (article_id,) = store.article_ids()
    row = queries.article(store, article_id)
    assert row["language"] == "ar" and str(row["published"]) == "2017-07-05"
    assert row["text"] == files[0].read_text("utf-8")
    assert row["mentions"]
    assert all(row["text"][m["start"] : m["end"]] == m["text"] for m in row["mentions"])
