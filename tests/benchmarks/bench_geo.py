"""Benchmark of the web geometry: size, cold and warm load time, with and without an imported
admin layer. Run: ``.venv/bin/python -m tests.benchmarks.bench_geo``.

Cold = the first call in a fresh process (after imports); warm = median of later calls (the
cache at work). The refined case imports the real ADM3 layer from ../shared when present.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ADM3 = (
    ROOT.parent / "shared" / "data" / "geoboundaries" / "geoBoundaries-SYR-ADM3_simplified.topojson"
)

CHILD = """
import json, statistics, sys, time
from pathlib import Path
from geo import layers
folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
t = time.perf_counter(); doc = layers.web_geojson(folder); cold = time.perf_counter() - t
warm = []
for _ in range(50):
    t = time.perf_counter(); layers.web_geojson(folder); warm.append(time.perf_counter() - t)
size = len(json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
parts = {k: len(json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) for k, v in doc.items()}
print(json.dumps({"cold_ms": cold * 1000, "warm_ms": statistics.median(warm) * 1000,
                  "warm_max_ms": max(warm) * 1000, "bytes": size, "parts": parts}))
"""


def _run(folder: Path | None) -> dict:
    args = [sys.executable, "-c", CHILD] + ([str(folder)] if folder else [])
    out = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _build_seconds() -> float:
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "geo.build", "--check"], cwd=ROOT, check=True, capture_output=True
    )
    return time.perf_counter() - t


def main() -> int:
    rows = [("shipped approximate", _run(None))]
    if ADM3.is_file():
        with tempfile.TemporaryDirectory() as tmp:
            from geo.importer import import_boundaries

            t = time.perf_counter()
            import_boundaries(
                ADM3, Path(tmp) / "boundaries", attribution="geoBoundaries, CC BY 3.0 IGO"
            )
            import_s = time.perf_counter() - t
            rows.append(("refined with ADM3", _run(Path(tmp) / "boundaries")))
    else:
        import_s = None
        print(f"(skipping the refined case: {ADM3} not found)")
    print(
        f"{'case':22} {'KB':>7} {'govs KB':>8} {'zones KB':>9} {'cold ms':>8} {'warm ms':>8} {'warm max':>9}"
    )
    for name, r in rows:
        print(
            f"{name:22} {r['bytes'] / 1024:7.1f} {r['parts']['governorates'] / 1024:8.1f} "
            f"{r['parts']['zones'] / 1024:9.1f} {r['cold_ms']:8.1f} {r['warm_ms']:8.2f} {r['warm_max_ms']:9.2f}"
        )
    if import_s is not None:
        print(f"import of the ADM3 layer (read, repair, store, refine): {import_s:.2f} s")
    print(f"python -m geo.build --check (fresh process): {_build_seconds():.2f} s")
    budget_ok = all(r["bytes"] < 300 * 1024 and r["warm_ms"] < 100 for _, r in rows)
    print("within budget (< 300 KB, < 100 ms warm):", "yes" if budget_ok else "NO")
    return 0 if budget_ok else 1


if __name__ == "__main__":
    sys.exit(main())
