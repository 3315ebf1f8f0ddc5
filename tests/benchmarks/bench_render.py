"""Time to render the static briefing map (target: under 2 s warm), and the other exports.

Run: ``.venv/bin/python -m tests.benchmarks.bench_render [--data DIR] [--repeat R] [--date D]``.
Without ``--data`` the demo articles are ingested into a temporary store, so the map carries real
corpus evidence. "Cold" is the first render in the process (imports, geometry and font caches);
"warm" is the best and the median of R renders after it, each from the store to PNG bytes,
exactly what ``zonewatch render map`` does after start-up.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date


def _times(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def _line(name: str, cold: float, warm: list[float]) -> str:
    return f"{name:<28} cold {cold:6.2f} s   warm best {min(warm):5.2f} s   median {statistics.median(warm):5.2f} s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="an existing data folder (default: a temporary demo store)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--date", default="2017-08-01")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    from zonewatch.exports import facts, geojson, static_map, timeline_chart
    from zonewatch.store.dataset import Store

    imports = time.perf_counter() - started
    with tempfile.TemporaryDirectory(prefix="zonewatch-bench-") as tmp:
        store = Store.open(args.data or tmp)
        if not args.data:
            from zonewatch.ingest.demo import ensure_demo

            ensure_demo(store)
        selection = facts.Selection(date.fromisoformat(args.date))
        print(f"store: {store.counts()}  date: {args.date}  imports: {imports:.2f} s")
        cases: list[tuple[str, Callable[[], object]]] = [
            ("map PNG 1400x1400 @200dpi", lambda: static_map.map_image(store, selection, "png")),
            ("map SVG", lambda: static_map.map_image(store, selection, "svg")),
            ("map HTML (offline)", lambda: static_map.map_html(store, selection)),
            ("zones GeoJSON", lambda: geojson.zones_geojson_text(store, selection)),
            (
                "timeline PNG (scale 2)",
                lambda: timeline_chart.chart_bytes(
                    timeline_chart.timeline_figure(store, selection), "png"
                ),
            ),
        ]
        for name, fn in cases:
            cold = _times(fn, 1)[0]
            print(_line(name, cold, _times(fn, args.repeat)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
