"""Briefing page: the report-ready files of the current view (sidebar date and filters)."""

from functools import partial

import streamlit as st

from zonewatch import brief, dashdata, sidebar

store = dashdata.current_store()
view = sidebar.current()
selection = brief.Selection(day=view.day, agreements=view.agreements, zones=view.zones)
stamp = view.day.isoformat()

st.title("Briefing")
st.caption(
    "Figures and files for a report, for the date and filters in the sidebar. Every figure carries "
    "its date, legend, source line and the approximation caveat; the HTML files work offline."
)

with st.expander("Options", expanded=False):
    left, right = st.columns(2)
    dpi = left.select_slider("Map resolution (dpi)", options=[100, 150, 200, 300], value=200)
    width_in = right.select_slider(
        "Map width (inches; 7 is an A4 text column)", options=[5.0, 6.0, 7.0, 8.0, 10.0], value=7.0
    )
size = (round(width_in * dpi), round(width_in * dpi))

# The preview is the same figure at screen resolution; the files are made when downloaded.
preview = dashdata.cached(
    brief.map_image,
    store,
    selection=selection,
    fmt="png",
    size=(round(width_in * 100),) * 2,
    dpi=100,
)
st.subheader(f"Map on {stamp}")
st.image(preview, width="stretch")
st.subheader("Timeline")
st.altair_chart(brief.timeline_figure(store, selection), width="content")

st.subheader("Downloads")
files = [
    (
        "Map (PNG)",
        partial(brief.map_image, store, selection, "png", size=size, dpi=dpi),
        f"zonewatch-map-{stamp}.png",
        "image/png",
    ),
    (
        "Map (SVG)",
        partial(brief.map_image, store, selection, "svg", size=size, dpi=dpi),
        f"zonewatch-map-{stamp}.svg",
        "image/svg+xml",
    ),
    (
        "Interactive map (HTML, offline)",
        partial(brief.map_html, store, selection),
        f"zonewatch-map-{stamp}.html",
        "text/html",
    ),
    (
        "Zones (GeoJSON)",
        partial(brief.zones_geojson_text, store, selection),
        f"zonewatch-zones-{stamp}.geojson",
        "application/geo+json",
    ),
    (
        "Timeline (PNG)",
        partial(brief.timeline_export, store, selection, "png"),
        "zonewatch-timeline.png",
        "image/png",
    ),
    (
        "Timeline (SVG)",
        partial(brief.timeline_export, store, selection, "svg"),
        "zonewatch-timeline.svg",
        "image/svg+xml",
    ),
    (
        "Timeline (HTML, offline)",
        partial(brief.timeline_export, store, selection, "html"),
        "zonewatch-timeline.html",
        "text/html",
    ),
    (
        "Evidence (CSV)",
        partial(brief.evidence_csv, store, selection),
        f"zonewatch-evidence-{stamp}.csv",
        "text/csv",
    ),
    (
        "Whole briefing (ZIP)",
        partial(brief.brief_zip, store, selection),
        f"zonewatch-brief-{stamp}.zip",
        "application/zip",
    ),
]
for column, (label, data, name, mime) in zip(st.columns(3) * 3, files, strict=True):
    column.download_button(
        label, data, file_name=name, mime=mime, on_click="ignore", width="stretch"
    )
st.caption(
    "From the command line: `zonewatch render map --date "
    f"{stamp} --out map.png`, `zonewatch render timeline --out timeline.png`, "
    f"`zonewatch brief --date {stamp} --out brief/`."
)
