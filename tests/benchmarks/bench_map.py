"""Map page cost on a 100,000-article store: server time warm, HTML size, and a date change.

Run: ``.venv/bin/python -m tests.benchmarks.bench_map [--articles 100000] [--data DIR]``.

The store is filled through the real ingest path (``ingest_records``) with the generated wire
copy of ``bench_ingest`` (our own templates, Arabic and English), unless ``--data`` names a store
that already holds articles. Then, with Streamlit's headless ``AppTest`` running ``app.py`` on the
Map page:

- *warm page*: a rerun with nothing changed (the store's answers are cached, the map is rebuilt
  and serialised as on every run); median of 7;
- *date change*: moving the sidebar slider to a day not seen before, which recomputes the zones'
  status and evidence from the store, rebuilds and re-sends the map; median over 7 days;
- *pipeline*: ``zone_info`` + the zones' extents on the day (``web_territory``: extents, lost
  places, front lines) + ``build_map`` + render for a new day, outside Streamlit; median of 5
  days, with the extents' share reported on its own;
- *web GeoJSON*: the map's geometry for one date (governorates, zones at their extent, lost
  places, front lines) as JSON;
- *HTML size*: the rendered map as the dashboard sends it (Leaflet linked from the app's static
  files) and as a standalone offline file (Leaflet inlined).

Targets: warm page < 1 s, HTML < 1.5 MB, date change < 0.5 s, web GeoJSON < 500 KB.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

TARGETS = {"warm_page_s": 1.0, "html_mb": 1.5, "date_change_s": 0.5, "web_geojson_kb": 500}
APP = Path(__file__).resolve().parents[2] / "app.py"


def fill_store(data: Path, articles: int, seed: int = 2017) -> tuple[int, float]:
    """Ingest ``articles`` generated records (two local workers); returns (articles, seconds)."""
    from tests.benchmarks.bench_ingest import make_record
    from zonewatch.ingest.run import ingest_records
    from zonewatch.store.dataset import Store

    store = Store.open(data)
    if store.counts()["articles"]:
        return store.counts()["articles"], 0.0
    rng = random.Random(seed)
    started = time.perf_counter()
    ingest_records(store, (make_record(rng, i) for i in range(articles)), workers=2)
    return store.counts()["articles"], time.perf_counter() - started


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _as_a_server_runs() -> None:
    """AppTest re-checks for an old-style ``pages/`` folder before every run, which drops the
    sidebar from every run after the first; a real server checks once (see tests/test_app.py's
    ``navigation_only``)."""
    from zonewatch.dashboard import compat

    compat.keep_navigation_mode()


def page_times(data: Path) -> dict[str, float]:
    from streamlit.testing.v1 import AppTest

    _as_a_server_runs()
    os.environ["ZONEWATCH_DATA"] = str(data)
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["date"] = "2017-08-01"
    cold = _timed(at.run)
    if at.exception:
        raise SystemExit(f"the map page failed: {at.exception[0].value}")
    warm = statistics.median(_timed(at.run) for _ in range(7))
    days = [date(2017, 9, 1) + timedelta(days=131 * i) for i in range(7)]  # to late 2019
    changes = []
    for day in days:
        changes.append(
            _timed(lambda day=day: at.sidebar.slider(key="zw_day_slider").set_value(day).run())
        )
        if at.exception:
            raise SystemExit(f"the map page failed: {at.exception[0].value}")
    return {"cold_page_s": cold, "warm_page_s": warm, "date_change_s": statistics.median(changes)}


def pipeline(data: Path) -> dict[str, float]:
    import json

    from geo.webmap import build_map
    from zonewatch.dashboard import offline
    from zonewatch.exports import leaflet, territory_map, zone_summary
    from zonewatch.store.dataset import Store

    store = Store.open(data)
    zone_summary.zone_info(store, "2017-07-01")  # open the parquet parts and index the claims once
    info_times, extent_times, all_times = [], [], []
    for day in [date(2017, 8, 15) + timedelta(days=71 * i) for i in range(5)]:
        started = time.perf_counter()
        info = zone_summary.zone_info(store, day)
        info_times.append(time.perf_counter() - started)
        mark = time.perf_counter()
        web = territory_map.web_territory(store, day)
        claims = territory_map.control_claims(store)
        extent_times.append(time.perf_counter() - mark)
        fmap = build_map(web, info, "none", day=day, claims=claims)
        linked = offline.use_leaflet_assets(
            fmap, js="app/static/vendor/leaflet.js", css="app/static/vendor/leaflet.css"
        )
        html_linked = linked.get_root().render()
        all_times.append(time.perf_counter() - started)
    with tempfile.TemporaryDirectory() as tmp:
        standalone = leaflet.save_offline_html(
            build_map(web, info, "none", day=day, claims=claims), Path(tmp) / "m.html"
        )
        inlined = standalone.stat().st_size
    web_kb = len(json.dumps(territory_map.web_territory(store, date(2019, 9, 1))).encode()) / 1e3
    return {
        "zone_info_s": statistics.median(info_times),
        "extents_s": statistics.median(extent_times),
        "web_geojson_kb": web_kb,
        "pipeline_s": statistics.median(all_times),
        "html_mb": len(html_linked.encode("utf-8")) / 1e6,
        "html_offline_mb": inlined / 1e6,
        "evidence_total": sum(i["evidence_count"] for i in info.values()),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument(
        "--data", type=Path, help="store to use (filled if empty); default: a temp dir"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp) / "store"
        count, ingest_s = fill_store(data, args.articles)
        from zonewatch.store.dataset import Store

        counts = Store.open(data).counts()
        print(f"store: {count} articles, {counts['claims']} claims ({data})")
        if ingest_s:
            print(f"  filled in {ingest_s:.1f} s")
        figures = {**pipeline(data), **page_times(data)}
    print(f"map page, first run (cold, AppTest): {figures['cold_page_s']:.2f} s")
    print(f"map page, warm rerun (AppTest, median of 7): {figures['warm_page_s']:.3f} s")
    print(f"date change (AppTest, median of 7 new days): {figures['date_change_s']:.3f} s")
    print(
        f"  outside Streamlit, zone_info for a new day: {figures['zone_info_s']:.3f} s;"
        f" extents, lost places, fronts: {figures['extents_s']:.3f} s;"
        f" all with build_map + render: {figures['pipeline_s']:.3f} s"
    )
    print(
        f"web GeoJSON for 2019-09-01 (zones at their extent, lost places, fronts): "
        f"{figures['web_geojson_kb']:.0f} KB"
    )
    print(
        f"map HTML as the dashboard sends it: {figures['html_mb']:.3f} MB;"
        f" standalone offline file: {figures['html_offline_mb']:.3f} MB"
        f" ({figures['evidence_total']} evidence sentences behind it)"
    )
    failed = [k for k, limit in TARGETS.items() if figures[k] >= limit]
    for key in failed:
        print(f"OVER TARGET: {key} = {figures[key]:.3f} (target < {TARGETS[key]})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
