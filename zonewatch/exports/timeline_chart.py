"""The coverage timeline as a file (PNG, SVG or standalone HTML), rendered offline."""

from __future__ import annotations

import io
from datetime import date

import pandas as pd

from zonewatch.core.html import vega_page
from zonewatch.core.registry import load_registry
from zonewatch.core.view import view_bounds
from zonewatch.exports.facts import Selection
from zonewatch.store.dataset import Store

#: Width of the timeline's time axis in chart pixels: with the room for the row labels the
#: figure is about 950 px wide with its legends, so 14 px type prints at about 7 pt across an A4
#: text column.
TIMELINE_WIDTH = 460


def timeline_figure(
    store: Store,
    selection: Selection,
    *,
    start: date | None = None,
    end: date | None = None,
    width: int = TIMELINE_WIDTH,
):
    """The dashboard's timeline chart for the selection, limited to ``start``..``end``, with type
    sizes for print."""
    from zonewatch.core import timeline
    from zonewatch.core.viewfilter import rows_in_view
    from zonewatch.exports import charts
    from zonewatch.store import queries

    registry = load_registry()
    low, high = view_bounds(registry, queries.published_range(store))
    low, high = start or low, end or high
    t_low, t_high = pd.Timestamp(low), pd.Timestamp(high)

    intervals = rows_in_view(
        timeline.registry_intervals(registry), registry, selection.agreements, selection.zones
    )
    intervals = intervals[
        (intervals["start"] <= t_high) & (intervals["end"].isna() | (intervals["end"] >= t_low))
    ]
    points = rows_in_view(
        queries.corpus_points(store), registry, selection.agreements, selection.zones
    )
    dates = pd.to_datetime(points["date"])
    points = points[(dates >= t_low) & (dates <= t_high)]
    counts = queries.mention_counts(store, freq="month", kind="zone").rename(columns={"id": "zone"})
    counts = rows_in_view(counts, registry, zones=selection.zones)
    periods = pd.to_datetime(counts["period"])
    counts = counts[(periods >= t_low - pd.offsets.MonthBegin(1)) & (periods <= t_high)]
    title = (
        f"Coverage timeline {low.isoformat()} – {high.isoformat()} · {selection.describe(registry)}"
    )
    chart = charts.timeline_chart(
        intervals,
        points,
        selection.day,
        (low, high),
        monthly=counts if len(counts) else None,
        width=width,
        title=title,
    )
    return (
        chart.configure_axis(labelFontSize=14, titleFontSize=14)
        .configure_legend(
            labelFontSize=14, titleFontSize=14, orient="bottom", direction="horizontal"
        )
        .configure_title(fontSize=17, anchor="start")
        .configure_text(fontSize=14)
        .properties(background="white")
    )


def _compact_png(data: bytes) -> bytes:
    """A chart of flat colours fits a 64-colour palette: about a seventh of the bytes, which
    matters when the PNG is embedded in the briefing page and mailed around."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        dpi = image.info.get("dpi")
        flat = image.convert("RGB").quantize(
            colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    out = io.BytesIO()
    flat.save(out, "PNG", **({"dpi": dpi} if dpi else {}))
    return out.getvalue()


def chart_bytes(chart, fmt: str, *, scale: float = 2.0) -> bytes | str:
    """PNG or SVG bytes, or standalone HTML text with Vega inlined (no CDN), via vl-convert,
    which renders Vega-Lite offline in-process."""
    import altair as alt
    import vl_convert as vlc

    with alt.data_transformers.disable_max_rows():
        spec = chart.to_dict()
    if fmt == "png":
        return _compact_png(vlc.vegalite_to_png(spec, scale=scale, ppi=round(72 * scale)))
    if fmt == "svg":
        return vlc.vegalite_to_svg(spec).encode("utf-8")
    if fmt == "html":
        return vega_page(spec)
    raise ValueError(f"timeline formats are png, svg and html, not {fmt!r}")


def timeline_export(
    store: Store,
    selection: Selection,
    fmt: str,
    *,
    start: date | None = None,
    end: date | None = None,
) -> bytes | str:
    return chart_bytes(timeline_figure(store, selection, start=start, end=end), fmt)
