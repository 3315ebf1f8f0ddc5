"""Throughput of ``extract.extract_article`` on ~2 KB Arabic and English articles, one process.

Run: ``.venv/bin/python -m tests.benchmarks.bench_extract [--articles N] [--repeat R]
[--gazetteer FILE]``; with ``--gazetteer`` the file (any format ``zonewatch gazetteer import``
takes, e.g. the 10,600-place Who's On First CSV) is read and handed to the extractor, whose
lexicon then holds every place; its preparation is timed as start-up.
The articles are generated from templates written for this benchmark (our own sentences, filled
with registry agreements, gazetteer places and dates), so the figures do not depend on any corpus.
Prints articles/s and MB/s for Arabic, English and both, the best of R repeats (the first call,
which loads the lexicon, is timed separately as start-up).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta

AR_SENTENCES = [
    "قالت مصادر محلية في {town} إن الهدوء ساد {zone} {rel} بعد دخول {agreement} حيز التنفيذ.",
    "وأفاد مراسلون في {town} أن قوات النظام قصفت أطراف البلدة {rel}، في خرق جديد لـ{agreement}.",
    "وكانت الدول الضامنة روسيا وتركيا وإيران قد وقعت في {day} {month_ar} الماضي على {agreement} الذي يشمل {zone}.",
    "وبدأ سريان الاتفاق في {ordinal} من الشهر نفسه، ويشمل أربع مناطق هي: أولا {zone}، والمنطقة الثانية في ريف حمص الشمالي، والمنطقة الثالثة في الغوطة الشرقية، والمنطقة الرابعة في الجنوب.",
    "وتحدث ناشطون عن وصول قافلة مساعدات إنسانية إلى {town} عبر معبر تسيطر عليه فصائل المعارضة.",
    "وأكد المبعوث الأممي أن المحادثات المقبلة في أستانا ستبحث رسم حدود {zone} ونشر المراقبين.",
    "ولا يشمل الاتفاق مدينة {negative} التي شهدت تهجير آلاف السكان خلال العام الماضي.",
    "وذكر المرصد أن {count} مدنيين قتلوا في غارات على {town} يوم {weekday_ar} الماضي.",
    "ويعيش في المنطقة نحو {count} ألف نسمة، بحسب تقديرات منظمات إنسانية تعمل في المنطقة منذ سنوات.",
    "وقال مسؤول محلي إن الأهالي يأملون في أن يصمد وقف إطلاق النار حتى نهاية {month_ar} المقبل.",
]
EN_SENTENCES = [
    "Residents of {town} said calm held across {zone} {rel} after the {agreement} took effect.",
    "Activists in {town} reported shelling on the outskirts of the town {rel}, a fresh breach of the {agreement}.",
    "Russia, Turkey and Iran signed the {agreement} on {month_en} {day}, and it covers {zone} among other areas.",
    "The memorandum created four zones: first, {zone}; second, the north of Homs province; third, Eastern Ghouta; fourth, the south.",
    "An aid convoy reached {town} through a crossing held by opposition factions, local council members said.",
    "The UN envoy said the next round of talks in Astana would discuss the boundaries of {zone} and the deployment of observers.",
    "The deal does not include {negative}, where thousands of residents were bused out last year.",
    "A monitoring group said {count} civilians were killed in air strikes on {town} last {weekday_en}.",
    "About {count},000 people live in the area, according to estimates by aid groups working there for years.",
    "A local official said residents hoped the ceasefire would hold at least until the end of {month_en}.",
]
AR_FILL = {
    "town": [
        "سراقب",
        "معرة النعمان",
        "خان شيخون",
        "الرستن",
        "تلبيسة",
        "دوما",
        "حرستا",
        "عربين",
        "داعل",
        "طفس",
        "بصرى الشام",
        "جسر الشغور",
    ],
    "zone": [
        "محافظة إدلب",
        "ريف حمص الشمالي",
        "الغوطة الشرقية",
        "جنوب سوريا",
        "ريف حماة الشمالي",
        "درعا والقنيطرة",
    ],
    "agreement": [
        "اتفاق خفض التصعيد",
        "مذكرة أستانا",
        "اتفاق سوتشي",
        "هدنة الغوطة",
        "اتفاق الجنوب الغربي",
        "أستانا 6",
    ],
    "negative": ["داريا", "حي الوعر", "حمص", "المعضمية"],
    "rel": ["أمس", "اليوم الأربعاء", "أمس الثلاثاء", "منذ يومين"],
    "month_ar": ["مايو/ أيار", "يوليو/ تموز", "ديسمبر/ كانون الأول", "سبتمبر/ أيلول"],
    "weekday_ar": ["الجمعة", "السبت", "الخميس"],
    "ordinal": ["السادس", "الرابع", "التاسع"],
}
EN_FILL = {
    "town": [
        "Saraqib",
        "Maarat al-Numan",
        "Khan Sheikhoun",
        "Rastan",
        "Talbiseh",
        "Douma",
        "Harasta",
        "Arbin",
        "Dael",
        "Tafas",
        "Bosra al-Sham",
        "Jisr al-Shughour",
    ],
    "zone": [
        "Idlib province",
        "the northern Homs countryside",
        "Eastern Ghouta",
        "southern Syria",
        "northern Hama",
        "Deraa and Quneitra",
    ],
    "agreement": [
        "de-escalation memorandum",
        "Astana memorandum",
        "Sochi agreement",
        "Ghouta truce",
        "southwest ceasefire",
        "Moscow protocol",
    ],
    "negative": ["Daraya", "al-Waer", "Homs city", "Moadamiyeh"],
    "rel": ["yesterday", "on Tuesday", "last week", "on Wednesday"],
    "month_en": ["May", "July", "December", "September"],
    "weekday_en": ["Friday", "Saturday", "Thursday"],
}


def make_article(rng: random.Random, lang: str, target: int = 2000) -> str:
    sentences, fill = (AR_SENTENCES, AR_FILL) if lang == "ar" else (EN_SENTENCES, EN_FILL)
    parts: list[str] = []
    size = 0
    while size < target:
        template = rng.choice(sentences)
        values = {k: rng.choice(v) for k, v in fill.items()}
        values["day"] = str(rng.randint(1, 28))
        values["count"] = str(rng.randint(2, 90))
        sentence = template.format(**values)
        parts.append(sentence)
        size += len(sentence.encode("utf-8")) + 1
    # paragraphs of three sentences, like wire copy
    return "\n\n".join(" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3))


def corpus(n: int, lang: str, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    start = date(2017, 5, 1)
    return [
        (make_article(rng, lang), (start + timedelta(days=rng.randint(0, 900))).isoformat())
        for _ in range(n)
    ]


def measure(articles: list[tuple[str, str]], repeat: int, gazetteer=None) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds over ``repeat`` runs (CPU time is what one core
    spends; it differs from wall-clock when other processes compete for the machine)."""
    from extract import extract_article

    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        for text, published in articles:
            extract_article(text, published, gazetteer=gazetteer).to_dict()
        best_wall = min(best_wall, time.perf_counter() - w0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best_wall, best_cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles", type=int, default=1000, help="articles per language (default 1000)"
    )
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed repeats; the best is reported (default 5)"
    )
    parser.add_argument("--gazetteer", metavar="FILE", help="a full gazetteer to hand over")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from extract import COMPILED, extract_article

    print("extractor:", "compiled (mypyc)" if COMPILED else "pure Python (not compiled)")
    # the interpreter's build matters as much as our code: a PGO+LTO build (a distribution's
    # python3) runs the same extractor ~15% faster than a plain ``./configure`` one
    print(f"python: {sys.version.split()[0]} at {getattr(sys, '_base_executable', sys.executable)}")

    gazetteer = None
    if args.gazetteer:
        from pathlib import Path

        from tests.benchmarks.bench_places import load_index

        gazetteer = load_index(Path(args.gazetteer))[0]
    extract_article("warm-up: Idlib", "2017-07-05", gazetteer=gazetteer)
    startup = time.perf_counter() - t0
    print(f"start-up (import + lexicon load): {startup * 1000:.0f} ms")
    sets = {"ar": corpus(args.articles, "ar"), "en": corpus(args.articles, "en")}
    sets["both"] = sets["ar"] + sets["en"]
    print(
        f"{'set':<6}{'articles':>9}{'avg bytes':>11}{'wall s':>9}{'articles/s':>12}{'MB/s':>7}{'cpu s':>8}{'articles/cpu-s':>16}"
    )
    for name, articles in sets.items():
        wall, cpu = measure(articles, args.repeat, gazetteer)
        size = sum(len(t.encode("utf-8")) for t, _ in articles)
        print(
            f"{name:<6}{len(articles):>9}{size / len(articles):>11.0f}{wall:>9.3f}"
            f"{len(articles) / wall:>12.0f}{size / wall / 1e6:>7.2f}{cpu:>8.3f}{len(articles) / cpu:>16.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
