"""Ingest throughput, peak memory and coverage-query time on a generated corpus.

Run: ``.venv/bin/python -m tests.benchmarks.bench_ingest [--articles 20000] [--keep DIR]``.

The corpus is written from templates of our own (Arabic and English wire-style paragraphs filled
with zones, towns, agreements and dates; 1-2 KB each) into JSONL files. Each configuration runs the
real command line, ``zonewatch ingest``, in a fresh store as a subprocess; its peak memory is the
largest sum of resident memory over the whole process tree (the ingest, its fork server and its
workers, or the Dask scheduler, nannies and workers), sampled every 100 ms. Summing RSS counts
pages shared between forked workers more than once, so the figure errs on the high side. Then the
coverage query for a date is timed on the resulting store: the first call (which opens the
parquet parts) and the median of the next 20. The stores of all configurations are checked to be
identical.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import psutil

CONFIGS = [("local", 1), ("local", 2), ("dask", 2)]

TITLES_AR = [
    "هدوء حذر في {zone} بعد {agreement}",
    "خروقات في {town} رغم {agreement}",
    "{agreement}: ماذا يعني لسكان {zone}؟",
]
TITLES_EN = [
    "Uneasy calm in {zone} under the {agreement}",
    "Breaches reported in {town} despite the {agreement}",
    "What the {agreement} means for people in {zone}",
]
PARAGRAPHS_AR = [
    "أفاد سكان في {town} بأن ليلة أمس مرت دون قصف للمرة الأولى منذ أسابيع، وذلك بعد أن بدأ "
    "تطبيق {agreement} في {zone}. وقال أحد أصحاب المحال إنه أعاد فتح متجره صباح {weekday} "
    "بعد إغلاق دام نحو شهر.",
    "وكانت روسيا وتركيا وإيران قد أعلنت في {day} {month} {year} التوصل إلى {agreement}، "
    "وقالت إن المنطقة تشمل {zone} وأجزاء من المحافظات المجاورة، على أن ترسم حدودها لجنة مشتركة "
    "خلال أسبوعين.",
    "في المقابل، اتهمت فصائل معارضة قوات النظام بخرق الاتفاق في محيط {town}، وقالت إن قذائف "
    "سقطت على أطراف البلدة {rel}. ولم يصدر تعليق رسمي على هذه الاتهامات حتى ساعة إعداد هذا التقرير.",
    "وتقول منظمات إغاثية إن نحو {count} ألف شخص في {zone} ما زالوا بحاجة إلى مساعدات غذائية "
    "وطبية، وإن قافلة واحدة فقط دخلت المنطقة منذ بداية الشهر.",
    "ويرى محللون أن صمود {agreement} مرهون بقدرة الدول الضامنة على نشر مراقبين على خطوط التماس، "
    "وهو ما لم يحدث بعد في {zone}، بحسب مصادر محلية.",
    "ولا تشمل التفاهمات الحالية {negative}، التي خرج منها آلاف المقاتلين والمدنيين في قوافل "
    "نحو الشمال خلال العام الماضي.",
]
PARAGRAPHS_EN = [
    "Residents of {town} said the night passed without shelling for the first time in weeks after "
    "the {agreement} began to be applied in {zone}. One shopkeeper said he reopened on {weekday} "
    "after a month behind shutters.",
    "Russia, Turkey and Iran announced the {agreement} on {month} {day}, {year}, saying the area "
    "includes {zone} and parts of neighbouring provinces, with a joint committee to draw its "
    "boundaries within two weeks.",
    "Opposition factions accused government forces of breaching the deal around {town}, saying "
    "shells landed on the edge of the town {rel}. There was no official comment on the claims.",
    "Aid groups say about {count},000 people in {zone} still need food and medical help, and that "
    "only one convoy has entered the area since the start of the month.",
    "Analysts say the {agreement} will hold only if the guarantor states deploy monitors along the "
    "front lines, which has not yet happened in {zone}, according to local sources.",
    "The current understandings do not cover {negative}, from which thousands of fighters and "
    "civilians left in convoys towards the north last year.",
]
FILL_AR = {
    "zone": ["إدلب", "ريف حمص الشمالي", "الغوطة الشرقية", "درعا والقنيطرة", "ريف حماة الشمالي"],
    "town": ["سراقب", "الرستن", "تلبيسة", "دوما", "عربين", "طفس", "داعل", "كفرنبل"],
    "agreement": [
        "اتفاق خفض التصعيد",
        "مذكرة أستانا",
        "اتفاق سوتشي",
        "هدنة الغوطة",
        "اتفاق الجنوب الغربي",
    ],
    "negative": ["داريا", "حي الوعر", "المعضمية"],
    "rel": ["أمس", "مساء الثلاثاء", "فجر اليوم"],
    "weekday": ["السبت", "الأحد", "الخميس"],
    "month": ["مايو/ أيار", "يوليو/ تموز", "سبتمبر/ أيلول", "ديسمبر/ كانون الأول"],
}
FILL_EN = {
    "zone": [
        "Idlib",
        "the northern Homs countryside",
        "Eastern Ghouta",
        "Daraa and Quneitra",
        "northern Hama",
    ],
    "town": ["Saraqib", "Rastan", "Talbiseh", "Douma", "Arbin", "Tafas", "Dael", "Kafranbel"],
    "agreement": [
        "de-escalation deal",
        "Astana memorandum",
        "Sochi agreement",
        "Ghouta truce",
        "southwest ceasefire",
    ],
    "negative": ["Daraya", "al-Waer", "Moadamiyeh"],
    "rel": ["yesterday", "on Tuesday evening", "at dawn"],
    "weekday": ["Saturday", "Sunday", "Thursday"],
    "month": ["May", "July", "September", "December"],
}


def make_record(rng: random.Random, serial: int) -> dict:
    """One article of 1-2 KB in Arabic or English, with a serial number so that every text differs."""
    arabic = serial % 2 == 0
    titles, paragraphs, fill = (
        (TITLES_AR, PARAGRAPHS_AR, FILL_AR) if arabic else (TITLES_EN, PARAGRAPHS_EN, FILL_EN)
    )
    values = {k: rng.choice(v) for k, v in fill.items()}
    values.update(day=rng.randint(1, 28), year=rng.choice([2017, 2018]), count=rng.randint(5, 400))
    chosen = rng.sample(paragraphs, rng.randint(4, 6))
    body = "\n\n".join(p.format(**values) for p in chosen)
    published = date(2017, 5, 1) + timedelta(days=rng.randint(0, 1000))
    return {
        "title": rng.choice(titles).format(**values),
        "text": f"{body}\n\n({'رقم' if arabic else 'Ref.'} {serial})",
        "published": published.isoformat(),
        "language": "ar" if arabic else "en",
        "source": "Zonewatch benchmark wire",
        "url": f"https://example.org/bench/{serial}",
    }


def write_corpus(folder: Path, count: int, files: int = 4, seed: int = 2017) -> int:
    """Write ``count`` articles into ``files`` JSONL files; returns the total bytes of text."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    handles = [open(folder / f"wire-{i}.jsonl", "w", encoding="utf-8") for i in range(files)]  # noqa: SIM115
    try:
        for serial in range(count):
            record = make_record(rng, serial)
            total += len(record["text"].encode("utf-8"))
            handles[serial % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return total


def sample_tree(process: psutil.Process, cpu_seen: dict[int, float]) -> int:
    """Resident memory of the process tree now; records each process's CPU seconds so far in
    ``cpu_seen`` (processes that ended keep their last reading)."""
    rss = 0
    for p in [process, *process.children(recursive=True)]:
        with contextlib.suppress(psutil.Error), p.oneshot():
            rss += p.memory_info().rss
            times = p.cpu_times()
            cpu_seen[p.pid] = times.user + times.system
    return rss


def run_ingest(corpus: Path, data: Path, engine: str, workers: int) -> dict:
    command = [
        str(Path(sys.executable).with_name("zonewatch")),
        "ingest", str(corpus), "--data", str(data), "--engine", engine,
        "--workers", str(workers), "--format", "json",
    ]  # fmt: skip
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    watched = psutil.Process(proc.pid)
    peak = 0
    cpu_seen: dict[int, float] = {}
    while proc.poll() is None:
        with contextlib.suppress(psutil.Error):
            peak = max(peak, sample_tree(watched, cpu_seen))
        time.sleep(0.1)
    wall = time.perf_counter() - start
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    return {"report": json.loads(out), "wall": wall, "peak": peak, "cpu": sum(cpu_seen.values())}


def time_coverage(
    data: Path, day: str = "2017-08-01", repeat: int = 20
) -> tuple[float, float, int]:
    from zonewatch.store import queries
    from zonewatch.store.dataset import Store

    store = Store.open(data)
    start = time.perf_counter()
    rows = len(queries.coverage_at(store, day))
    first = time.perf_counter() - start
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        queries.coverage_at(store, day)
        times.append(time.perf_counter() - start)
    return first, statistics.median(times), rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="write corpus and stores here and keep them")
    parser.add_argument(
        "--configs",
        default=",".join(f"{e}:{w}" for e, w in CONFIGS),
        help="e.g. local:1,local:2,dask:2",
    )
    args = parser.parse_args(argv)
    configs = [(c.split(":")[0], int(c.split(":")[1])) for c in args.configs.split(",")]

    root = args.keep or Path(tempfile.mkdtemp(prefix="zonewatch-bench-"))
    corpus = root / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    size = write_corpus(corpus, args.articles)
    print(
        f"corpus: {args.articles} articles, {size / args.articles:.0f} bytes of text on average, in {corpus}"
    )
    print(
        f"machine: {psutil.cpu_count()} cores, load average {psutil.getloadavg()[0]:.1f} before the runs"
    )

    from zonewatch.store.dataset import TABLES, Store

    rows = []
    reference = None
    for engine, workers in configs:
        data = root / f"store-{engine}-{workers}"
        shutil.rmtree(data, ignore_errors=True)
        result = run_ingest(corpus, data, engine, workers)
        report = result["report"]
        assert report["new"] == args.articles, report
        first, warm, coverage_rows = time_coverage(data)
        store = Store.open(data)
        snapshot = {name: store.canonical_rows(name) for name in TABLES}
        same = "reference" if reference is None else ("yes" if snapshot == reference else "NO")
        reference = reference or snapshot
        rows.append(
            (
                f"{engine}, {workers} worker{'s' * (workers > 1)}",
                args.articles / result["wall"],
                result["wall"],
                result["cpu"],
                result["peak"] / 2**20,
                first * 1000,
                warm * 1000,
                same,
            )
        )
        counts = store.counts()
        print(
            f"{engine}:{workers}: {result['wall']:.1f} s, {counts}, coverage rows {coverage_rows}, "
            f"load {psutil.getloadavg()[0]:.1f}",
            flush=True,
        )
        del snapshot

    print()
    print(
        "| engine | articles/s | wall s | CPU s (all processes) | peak memory MiB | coverage query, first / warm ms | same store |"
    )
    print("|---|---:|---:|---:|---:|---:|---|")
    for name, rate, wall, cpu, peak, first_ms, warm_ms, same in rows:
        print(
            f"| {name} | {rate:.0f} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {first_ms:.0f} / {warm_ms:.0f} | {same} |"
        )
    if not args.keep:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
